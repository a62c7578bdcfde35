"""An agreed.yaml to fill in at a workshop: what `coprod workshop --record` writes, one key
per card's statement, every value through PyYAML's emitter as in answers files."""

from __future__ import annotations

from coprod_cli.coproduced import Workshop
from coprod_cli.i18n import N_, _
from coprod_cli.models import Framework
from coprod_cli.questionnaire.answers_file import comment, quoted, scalar

GUIDE = N_(
    "What the group agreed at the workshop. For each statement discussed, write the level the "
    "group agreed (not-yet, descriptive, intermediate, transformative, or 0-3); leave it empty "
    "until you agree. Where someone keeps a different view, write it in their own words under "
    "'dissent' with their voice (lived-experience or everyone-else), as the example shows. "
    "Then 'coprod score FILES --agreed agreed.yaml' shows the agreed levels beside the answers.")
EXAMPLE = [
    "#  example-1:",
    "#    level: intermediate",
    "#    dissent:",
    "#      - voice: lived-experience",
    "#        words: \"We are asked, but the answer is already decided.\"",
]
SIGNOFF_GUIDE = N_("# When people with lived experience have reviewed the result, say so (every "
                   "report then\n# says 'reviewed by N people with lived experience on DATE'):")
SIGNOFF = [
    "# signoff:",
    "#   reviewed_by: 4",
    "#   reviewed_on: 2027-03-12",
    "#   response: \"Their response, in their own words, unedited.\"",
]


def render_agreed(pack: Workshop, framework: Framework) -> str:
    """The file: the framework, the day and who took part to fill in, and each card's
    statement with the level the answers give as a comment."""
    lines = [*comment(_(GUIDE)), f"framework: {scalar(framework.id)}"]
    if pack.service:
        lines.append(f"service: {quoted(pack.service)}")
    lines += ["agreed_on:  # " + _("the day of the workshop, YYYY-MM-DD"),
              "took_part: {}  # " + _("who took part, by role id and number, e.g. {example}")
              .format(example="{carer: 2}"),
              "agreed:" if pack.cards else "agreed: {}  # " + _("no card: nothing to agree"),
              *EXAMPLE]
    for card in pack.cards:
        given = card.answers_level or _("no level (only unsure answers)")
        lines += ["", *comment(card.plain, "  "),
                  *comment(_("The answers give: {level}").format(level=given), "  "),
                  f"  {scalar(card.statement)}:"]
    return "\n".join([*lines, "", *_(SIGNOFF_GUIDE).splitlines(), *SIGNOFF]) + "\n"
