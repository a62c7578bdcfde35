"""The workshop pack: the statements worth talking about together, where the two voices or
the roles see things a level or more apart, or where many people were unsure; each card says
how far apart the views are in words that reveal no group too small to be shown."""

from __future__ import annotations

from fractions import Fraction

from coprod_cli import __version__, credits
from coprod_cli.coproduced import Card, CardLevel, CardReason, Workshop
from coprod_cli.i18n import N_, _, ngettext
from coprod_cli.models import LEVEL_IDS, Catalogue, Framework, Statement
from coprod_cli.resultparts import FrameworkRef
from coprod_cli.scoring import collective
from coprod_cli.scoring.collective import Breakdown
from coprod_cli.tally import Tally, level_for
from coprod_cli.voices import LIVED, OTHERS, lived_roles

UNSURE_SHARE = Fraction(1, 3)  # a third of the people or more unsure: worth asking why
ALWAYS_ASK = (
    N_("What have you seen or done that made you choose your level?"),
    N_("What would have to change for this to reach the next level?"),
    N_("Which level can the group agree on? Is there a view someone wants written down as it "
       "is?"),
)
ASK: dict[CardReason, str] = {
    "voices-apart": N_("Why might people who draw on care and support, and carers, see this "
                       "differently from staff?"),
    "roles-apart": N_("What does each role see that the others may not?"),
    "many-unsure": N_("What would people need to know to answer this? Who could tell them?"),
}


def cards(framework: Framework, catalogue: Catalogue, tally: Tally, *, min_group: int,
          most: int, service: str | None = None) -> Workshop:
    """Up to `most` cards, the views furthest apart first, then the most unsure."""
    shown = collective.breakdown(framework, catalogue, tally, "partnership", min_group)
    lived, others = tally.voices(lived_roles(catalogue))
    found = []
    for order, (dimension, statement) in enumerate(_statements(framework)):
        voices = _apart(tally, statement.id, lived, others)
        roles = _roles_apart(tally, statement.id, shown)
        unsure = _unsure(tally, statement.id)
        checks: tuple[tuple[CardReason, bool], ...] = (
            ("voices-apart", voices >= 1), ("roles-apart", roles is not None),
            ("many-unsure", unsure >= UNSURE_SHARE * tally.total and unsure > 0))
        reasons = [reason for reason, hit in checks if hit]
        if reasons:
            found.append(((-voices, -(roles[0] if roles else 0), -unsure, order),
                          _card(dimension, statement, catalogue, tally, reasons,
                                _words(tally, statement.id, shown, (lived, others),
                                       (voices, roles, unsure)))))
    found.sort(key=lambda pair: pair[0])
    return Workshop(tool_version=__version__,
                    framework=FrameworkRef(id=framework.id, name=framework.name,
                                           version=framework.version),
                    service=service, respondents=tally.total, min_group=min_group,
                    cards=[card for _, card in found[:most]],
                    left_out=max(0, len(found) - most), credit=framework.credit,
                    sources=credits.sources_for(framework, catalogue))


def _statements(framework: Framework) -> list[tuple[str, Statement]]:
    return [(d.id, s) for d in framework.dimensions for s in d.statements]


def _apart(tally: Tally, sid: str, lived: list[str], others: list[str]) -> Fraction:
    """How far apart the two voices' centres are on a statement (0 with one voice)."""
    if not lived or not others:
        return Fraction(0)
    low, high = (tally.group_value(sid, roles, "person") for roles in (lived, others))
    return Fraction(0) if low is None or high is None else abs(high - low)


def _roles_apart(tally: Tally, sid: str, shown: Breakdown) -> tuple[Fraction, str, str] | None:
    """The spread between the highest and lowest role shown on their own, when a level or
    more: (spread, highest role's name, lowest role's name)."""
    values = {r.name: v for r in shown.roles
              if (v := tally.group_value(sid, [r.role], "role")) is not None}
    if len(values) < 3:  # two roles are the two voices' views, said already
        return None
    high, low = max(values, key=values.__getitem__), min(values, key=values.__getitem__)
    spread = values[high] - values[low]
    return (spread, high, low) if spread >= 1 else None


def _unsure(tally: Tally, sid: str) -> int:
    return sum(tally.respondents[role] - tally.answered(role, sid) for role in tally.counts)


def _words(tally: Tally, sid: str, shown: Breakdown, voices: tuple[list[str], list[str]],
           found: tuple[Fraction, tuple[Fraction, str, str] | None, int]) -> list[str]:
    """How far apart the views are (`found`: the voices' gap, the roles' spread, how many
    were unsure). Which voice sees it lower is said only when both voices are shown on their
    own; a role only when it is shown on its own; no figure of a group."""
    words = []
    gap, roles, unsure = found
    if gap >= 1:
        far = _("two levels or more") if gap >= 2 else _("a level or more")
        both = {v.voice for v in shown.voices} == {LIVED, OTHERS}
        if both:
            lived, others = (tally.group_value(sid, roles, "person") for roles in voices)
            low = LIVED if (lived or 0) < (others or 0) else OTHERS
            words.append((_("People with lived experience see this lower than everyone else: "
                            "{far} apart.") if low == LIVED else
                          _("Everyone else sees this lower than people with lived experience: "
                            "{far} apart.")).format(far=far))
        else:
            words.append(_("The two voices see this {far} apart. One of them has too few "
                           "people to say which sees it lower.").format(far=far))
    if roles is not None:
        words.append(_("Some roles see this a level or more apart: {higher} higher, {lower} "
                       "lower.").format(higher=roles[1], lower=roles[2]))
    return words + _unsure_words(unsure, tally.total, shown.min_group)


def _unsure_words(unsure: int, total: int, min_group: int) -> list[str]:
    """'4 of 17 people were unsure' with --min-group 1 (show everyone); else, as a shared
    result gives no statement's count (sharing.py), only that a third or more were."""
    if min_group > 1 and total > 1:
        return [_("A third of the people or more were unsure.")] \
            if unsure >= UNSURE_SHARE * total else []
    return [ngettext("{unsure} of {total} people was unsure.",
                     "{unsure} of {total} people were unsure.", unsure).format(
        unsure=unsure, total=total)] if unsure else []


def _card(dimension: str, statement: Statement, catalogue: Catalogue, tally: Tally,
          reasons: list[CardReason], apart: list[str]) -> Card:
    value = tally.statement_value(statement.id, "partnership",
                                  lived_roles(catalogue))
    return Card(statement=statement.id, dimension=dimension, text=statement.text,
                plain=statement.plain, answers_level=None if value is None else level_for(value),
                reasons=reasons, apart=apart,
                levels=[CardLevel(level=level, name=catalogue.level(level).name,
                                  looks_like=statement.row(level, plain=True))
                        for level in LEVEL_IDS],
                questions=[*(_(ASK[reason]) for reason in reasons),
                           *(_(question) for question in ALWAYS_ASK)])
