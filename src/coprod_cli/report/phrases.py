"""Phrases every format shares, so text, Markdown and HTML say the same thing."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from coprod_cli.i18n import N_, _, ngettext
from coprod_cli.models import LEVEL_VALUES, Catalogue, Statement

if TYPE_CHECKING:  # types only: a trend's words never load the result's modules
    from coprod_cli.resultdetails import PlanItem
    from coprod_cli.results import Comparison, Result


def statement_notes(statement: Statement) -> list[str]:
    """What `show` adds under a rubric: evidence a team could show, and the tags and sources."""
    notes = []
    if statement.evidence_examples:
        notes.append("Evidence, for example: " + "; ".join(statement.evidence_examples))
    tags = [(label, ", ".join(values)) for label, values in (
        ("Principles", statement.principles), ("Scope", (statement.scope or "",)),
        ("Activities", statement.activities), ("Sources", statement.basis)) if any(values)]
    if tags:
        notes.append(". ".join(f"{label}: {values}" for label, values in tags))
    return notes


def level_name(catalogue: Catalogue, level: str | None) -> str:
    """'Intermediate', or 'no level'."""
    return _("no level") if level is None else catalogue.level(level).name


# Marked here, shown with _() where used: the reader's language is chosen after import.
STAFF_ONLY_TITLE = N_("Staff self-check, not co-produced")
UNSURE_AREAS = N_("some areas had only 'unsure' answers")
NOT_CO_PRODUCED = N_("nobody with lived experience answered")


def level_number(level: str | None, why: str = UNSURE_AREAS) -> str:
    """'level 2 of 3', or why there is no level."""
    return _(why) if level is None else _("level {number} of 3").format(
        number=LEVEL_VALUES[level])


def level_phrase(catalogue: Catalogue, level: str | None, why: str = UNSURE_AREAS) -> str:
    """'Intermediate (level 2 of 3)': the word and the number, never colour alone."""
    return f"{level_name(catalogue, level)} ({level_number(level, why)})"


NOTHING_APPLIES = N_("no area applies to this service")


def no_level_why(res: Result) -> str:
    """Why a result has no overall level."""
    if res.lived_experience_missing:
        return NOT_CO_PRODUCED
    if _nothing_applies(res):
        return NOTHING_APPLIES
    return NOT_COVERED if _bare(res) else UNSURE_AREAS


NOT_COVERED = N_("nothing in the answers covers some areas")


def _bare(res: Result) -> list[str]:
    """The areas of a result through a crosswalk that nothing in the answers covers."""
    return [d.name for d in res.dimensions
            if res.through and d.not_covered and d.not_covered == d.statements]


def _nothing_applies(res: Result) -> bool:
    return bool(res.dimensions) and all(d.does_not_apply for d in res.dimensions)


def score_phrase(score: float | None) -> str:
    """'1.75 out of 3', or 'no score'."""
    return _("no score") if score is None else _("{score} out of 3").format(score=f"{score:.2f}")


# How a plain headline ends that names them (scoring/findings.py says it so).
ONLY_THE_WEAKEST = N_("the other areas are higher.")


def held_down(res: Result) -> str:
    """Which areas hold the overall level down, or why there is no level."""
    names = {d.id: d.name for d in res.dimensions}
    held = ", ".join(names[d] for d in res.limited_by)
    if res.lived_experience_missing:
        return _("No overall level: nobody with lived experience answered, so it was not "
                 "co-produced.")
    if _nothing_applies(res):
        return _("No overall level: every answer was 'does not apply', so no area applies.")
    if res.level is None and _bare(res) and res.through:
        return _("No overall level: nothing in the answers to {answered} covers {areas}.").format(
            answered=res.through.answered.id, areas=", ".join(_bare(res)))
    if res.level is None:
        if res.not_applying_answers or res.band is not None:  # shared: 0 may be 1 or 2
            return _("No overall level: every answer was 'unsure' or 'does not apply' in "
                     "{areas}.").format(areas=held)
        return _("No overall level: every answer was 'unsure' in {areas}.").format(areas=held)
    absent = [d for d in res.dimensions if d.does_not_apply]
    if len(res.limited_by) == len(res.dimensions) - len(absent):
        return _("Every area is at the same level.")
    return _("Held down by: {areas}. The weakest area sets the overall level.").format(
        areas=held)


def gate_phrase(res: Result, catalogue: Catalogue) -> str | None:
    """Whether the --fail-under gate was met, in words; None without a gate."""
    if res.gate is None:
        return None
    aim = level_name(catalogue, res.gate.fail_under)
    if res.gate.met:
        return _("Gate met: at or above {level}.").format(level=aim)
    return _("Gate NOT met: {reason}.").format(reason=res.gate.reason) if res.gate.reason \
        else _("Gate NOT met: below {level}.").format(level=aim)


def bar(score: float | None, width: int = 12) -> str:
    """A text bar, 0-3 across `width` characters."""
    if score is None:
        return "?" * width
    filled = round(score / 3 * width)
    return "#" * filled + "." * (width - filled)


def change_phrase(direction: str, change: float | None = None) -> str:
    """'↑ up +0.50': an arrow and a word (never the arrow or a colour alone), then the amount."""
    mark = {"up": _("↑ up"), "down": _("↓ down"), "same": _("= same")}[direction]
    return mark if change is None or direction == "same" else f"{mark} {change:+.2f}"


def unreviewed_notice() -> str:
    """That the Welsh shown is not yet reviewed ('' in English): for the page templates."""
    from coprod_cli import i18n

    return i18n.unreviewed_notice()


def unreviewed_short() -> str:
    """The same in one line, for a first screen or page that must fit ('' in English)."""
    from coprod_cli import i18n

    if not i18n.unreviewed_notice():
        return ""
    return _("This text is not yet reviewed; English where there is none in this language yet.")


def languages_phrase(res: Result) -> str:
    """'9 answered in English, 3 in Welsh', when some answered in a language other than
    English; '' when all answered in English, and in a shared result, which never gives how
    many answered in each language (sharing.py; its JSON says languages_withheld)."""
    intake = res.intake
    if intake is None or intake.languages_withheld or set(intake.languages) <= {"en"}:
        return ""
    parts = [_(IN_LANGUAGE.get(code, "{count} in {language}")).format(
        count=count, language=code) for code, count in intake.languages.items()]
    return _("Answered {counts}").format(counts=", ".join(parts))


# '3 in Welsh', said after 'Answered' (each language named in the reader's language).
IN_LANGUAGE = {"en": N_("{count} in English"), "cy": N_("{count} in Welsh")}


def people(count: int) -> str:
    """'1 person', '12 people'."""
    return ngettext("{count} person", "{count} people", count).format(count=count)


MONTHS = (N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
          N_("July"), N_("August"), N_("September"), N_("October"), N_("November"),
          N_("December"))


def day(value: datetime.date) -> str:
    """'12 March 2027', the way a UK reader writes it (the month in the reader's language)."""
    return f"{value.day} {_(MONTHS[value.month - 1])} {value.year}"


def side_phrase(res: Result) -> str:
    """'2026-05-20, 12 respondents': when and by how many an assessment was made."""
    when = str(res.assessed_on) if res.assessed_on else _("no date")
    return ngettext("{when}, {count} respondent", "{when}, {count} respondents",
                    res.respondents).format(when=when, count=res.respondents)


def regression_phrase(cmp: Comparison) -> str | None:
    """'Regression: the level dropped in Assets.', or the overall fall that counts as one."""
    if not cmp.regression:
        return None
    dropped = ", ".join(d.name for d in cmp.dimensions if d.level_dropped)
    overall = cmp.level_direction == "down"
    if dropped:
        return (_("Regression: the level dropped in {areas}, and overall.") if overall else
                _("Regression: the level dropped in {areas}.")).format(areas=dropped)
    if overall:
        return _("Regression: the overall level dropped.")
    return _("Regression: the overall score fell by {fall}, a quarter of a level or more "
             "(--tolerance {tolerance}).").format(fall=f"{abs(cmp.score_change or 0):.2f}",
                                                 tolerance=f"{cmp.tolerance:g}")


def more_hint(details: bool) -> str:
    """Where to see more than this screen: --details, then an HTML report to print."""
    if details:
        return _("For a report to print: coprod score ... --format html -o report.html")
    return _("More: add --details for the full plan by jigsaw piece and each group's view, "
             "or --format html -o report.html for a report to print.")


def unsure_phrase(res: Result) -> str:
    """'3 unsure answers', or none."""
    count = res.unsure_answers
    from coprod_cli.scoring.sharing import count_step, count_words

    step = count_step(res)
    if step:  # a shared result: the range its count stands for
        return ngettext("{count} unsure answer", "{count} unsure answers",
                        count + step - 1).format(count=count_words(count, step))
    return _("no unsure answers") if count == 0 else \
        ngettext("{count} unsure answer", "{count} unsure answers", count).format(count=count)


def served_lines(item: PlanItem, catalogue: Catalogue, seen: set[str],
                 plain: bool = False) -> list[str]:
    """'Helps: <statement> (now Descriptive; Intermediate looks like: ...)', each statement's
    next level given the first time only; `seen` collects the statements already described."""
    lines = []
    for st in item.statements:
        now = level_name(catalogue, st.level)
        text = words(plain, st.text, st.plain)
        if st.id in seen:
            lines.append(_("Helps: {statement} (now {level}; its next level is given above)")
                         .format(statement=text, level=now))
        else:
            lines.append(_("Helps: {statement} (now {level}; {next} looks like: {looks})").format(
                statement=text, level=now, next=level_name(catalogue, st.next_level),
                looks=words(plain, st.next_descriptor, st.next_plain)))
            seen.add(st.id)
    return lines


def titled(res: Result, title: str) -> str:
    """A title with the service named first, when the answers name one; a staff self-check
    says so first of all."""
    title = f"{res.service} — {title}" if res.service else title
    if res.through:
        title = _("{title} (through a crosswalk from {answered} answers)").format(
            title=title, answered=res.through.answered.id)
    title = f"{_(STAFF_ONLY_TITLE)} — {title}" if res.staff_only else title
    return _("PRIVATE, not to share — {title}").format(title=title) if res.private else title


def levels_shown(res: Result) -> list[str]:
    """The level ids a result names, in the order a reader meets them."""
    seen = [res.level, *(d.level for d in res.dimensions), res.target,
            *(step.to_level for step in res.next_steps)]
    return list(dict.fromkeys(level for level in seen if level))


def level_meanings(res: Result, catalogue: Catalogue) -> list[str]:
    """'Intermediate means: ...' for each level named after the overall one (explained first)."""
    return [_("{level} means: {meaning}").format(level=level_name(catalogue, level),
                                                meaning=catalogue.level(level).plain)
            for level in levels_shown(res) if level != res.level]


def words(plain: bool, text: str, plain_text: str) -> str:
    """The plain wording when asked for and there is one, else the standard one."""
    return plain_text if plain and plain_text else text


def all_level_meanings(catalogue: Catalogue) -> list[str]:
    """What each level name means, in plain words, lowest first."""
    return [f"{level.name} means: {level.plain}" for level in catalogue.levels]


def comparison_meanings(cmp: Comparison, catalogue: Catalogue) -> list[str]:
    """Each level a comparison names, explained once."""
    named = [cmp.before.level, cmp.after.level, *(d.before_level for d in cmp.dimensions),
             *(d.after_level for d in cmp.dimensions)]
    return [_("{level} means: {meaning}").format(level=level_name(catalogue, level),
                                                 meaning=catalogue.level(level).plain)
            for level in dict.fromkeys(level for level in named if level)]


def score_text(score: float | None) -> str:
    return _("unsure") if score is None else f"{score:.2f}"


EVIDENCE_HEADING = N_("Evidence given with the answers")
NO_EVIDENCE = N_("No evidence was given with the answers. Evidence, such as minutes, plans or "
                 "feedback, makes a level easier to trust and to check next time.")
EVIDENCE_SHOWN = 300  # characters of one piece of evidence in text and Markdown


def evidence_item(text: str) -> str:
    """One piece of evidence on one line, shortened where long (the JSON and HTML results
    hold it as given, up to the tally's own limit)."""
    line = " ".join(text.split())
    if len(line) <= EVIDENCE_SHOWN:
        return line
    return line[:EVIDENCE_SHOWN - 3].rstrip(" \\") + "..."
