"""Phrases every format shares, so text, Markdown and HTML say the same thing."""

from __future__ import annotations

from coprod_cli.models import LEVEL_VALUES, Catalogue, Statement
from coprod_cli.resultparts import NextStep, PlanItem, TagResult
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
    return "no level" if level is None else catalogue.level(level).name


STAFF_ONLY_TITLE = "Staff self-check, not co-produced"
UNSURE_AREAS = "some areas had only 'unsure' answers"
NOT_CO_PRODUCED = "nobody with lived experience answered"


def level_number(level: str | None, why: str = UNSURE_AREAS) -> str:
    """'level 2 of 3', or why there is no level."""
    return why if level is None else f"level {LEVEL_VALUES[level]} of 3"


def level_phrase(catalogue: Catalogue, level: str | None, why: str = UNSURE_AREAS) -> str:
    """'Intermediate (level 2 of 3)': the word and the number, never colour alone."""
    return f"{level_name(catalogue, level)} ({level_number(level, why)})"


NOTHING_APPLIES = "no area applies to this service"


def no_level_why(res: Result) -> str:
    """Why a result has no overall level."""
    if res.lived_experience_missing:
        return NOT_CO_PRODUCED
    if _nothing_applies(res):
        return NOTHING_APPLIES
    return NOT_COVERED if _bare(res) else UNSURE_AREAS


NOT_COVERED = "nothing in the answers covers some areas"


def _bare(res: Result) -> list[str]:
    """The areas of a result through a crosswalk that nothing in the answers covers."""
    return [d.name for d in res.dimensions
            if res.through and d.not_covered and d.not_covered == d.statements]


def _nothing_applies(res: Result) -> bool:
    return bool(res.dimensions) and all(d.does_not_apply for d in res.dimensions)


def score_phrase(score: float | None) -> str:
    """'1.75 out of 3', or 'no score'."""
    return "no score" if score is None else f"{score:.2f} out of 3"


ONLY_THE_WEAKEST = "the other areas are higher."  # how a plain headline ends that names them


def held_down(res: Result) -> str:
    """Which areas hold the overall level down, or why there is no level."""
    names = {d.id: d.name for d in res.dimensions}
    held = ", ".join(names[d] for d in res.limited_by)
    if res.lived_experience_missing:
        return "No overall level: nobody with lived experience answered, so it was not " \
            "co-produced."
    if _nothing_applies(res):
        return "No overall level: every answer was 'does not apply', so no area applies."
    if res.level is None and _bare(res) and res.through:
        return (f"No overall level: nothing in the answers to {res.through.answered.id} "
                f"covers {', '.join(_bare(res))}.")
    if res.level is None:
        also = " or 'does not apply'" if res.not_applying_answers else ""
        return f"No overall level: every answer was 'unsure'{also} in {held}."
    absent = [d for d in res.dimensions if d.does_not_apply]
    if len(res.limited_by) == len(res.dimensions) - len(absent):
        return "Every area is at the same level."
    return f"Held down by: {held}. The weakest area sets the overall level."


def gate_phrase(res: Result, catalogue: Catalogue) -> str | None:
    """Whether the --fail-under gate was met, in words; None without a gate."""
    if res.gate is None:
        return None
    aim = level_name(catalogue, res.gate.fail_under)
    if res.gate.met:
        return f"Gate met: at or above {aim}."
    return f"Gate NOT met: {res.gate.reason}." if res.gate.reason else \
        f"Gate NOT met: below {aim}."


def bar(score: float | None, width: int = 12) -> str:
    """A text bar, 0-3 across `width` characters."""
    if score is None:
        return "?" * width
    filled = round(score / 3 * width)
    return "#" * filled + "." * (width - filled)


CHANGE_MARKS = {"up": "↑ up", "down": "↓ down", "same": "= same"}


def change_phrase(direction: str, change: float | None = None) -> str:
    """'↑ up +0.50': an arrow and a word (never the arrow or a colour alone), then the amount."""
    mark = CHANGE_MARKS[direction]
    return mark if change is None or direction == "same" else f"{mark} {change:+.2f}"


def unreviewed_notice() -> str:
    """That the Welsh shown is not yet reviewed ('' in English): for the page templates."""
    from coprod_cli import i18n

    return i18n.unreviewed_notice()


def languages_phrase(res: Result) -> str:
    """'9 answered in English, 3 in Welsh', when some answered in a language other than
    English (or that it is held back); '' when all answered in English."""
    intake = res.intake
    if intake is None or (not intake.languages_withheld and set(intake.languages) <= {"en"}):
        return ""
    if intake.languages_withheld:
        return (f"How many answered in each language is held back: a language had fewer than "
                f"{res.min_group} people")
    from coprod_cli.languages import NAMES

    parts = [f"{count} in {NAMES.get(code, code)}" for code, count in intake.languages.items()]
    return "Answered " + ", ".join(parts)


def side_phrase(res: Result) -> str:
    """'2026-05-20, 12 respondents': when and by how many an assessment was made."""
    when = str(res.assessed_on) if res.assessed_on else "no date"
    return f"{when}, {res.respondents} respondent{'s' if res.respondents != 1 else ''}"


def what_if_lines(res: Result, catalogue: Catalogue) -> list[str]:
    """What --what-if changed: the statements set, the overall level, each dimension moved."""
    if res.what_if is None:
        return []
    wi = res.what_if
    withheld = "statement-scores" in res.withheld  # a shareable result shows no such figure
    chosen = ", ".join(f"{s.statement} at {level_name(catalogue, s.to_level)}" + (
        "" if withheld else f" (answered {score_phrase(s.from_score)})") for s in wi.statements)
    was, now = level_name(catalogue, wi.before_level), level_name(catalogue, res.level)
    overall = f"the overall level stays {now}" if wi.level_direction == "same" else \
        f"the overall level goes {wi.level_direction} from {was} to {now}"
    lines = [f"What if {chosen}: {overall}."]
    lines += [f"{d.name}: {score_phrase(d.before_score)} -> {score_phrase(d.after_score)}, "
              f"{level_name(catalogue, d.before_level)} -> {level_name(catalogue, d.after_level)}"
              for d in wi.dimensions]
    if not wi.dimensions:
        lines.append("No area's score changes.")
    lines.append("Everything below is scored as if those levels were given.")
    return lines


ROUTE_SHOWN = 4  # steps in the short result: the things to do first
PRINTED_STEPS = 3  # in the HTML summary, which must print on one A4 page with its findings


def route_heading(res: Result, catalogue: Catalogue) -> str:
    """'Quickest route to Intermediate: 2 steps, in Networks'."""
    target = level_name(catalogue, res.target)
    if not res.next_steps:
        return f"Every area is at {target} or above: keep reviewing together."
    names = {d.id: d.name for d in res.dimensions}
    areas = list(dict.fromkeys(names[s.dimension] for s in res.next_steps))
    moves = sum(s.moves for s in res.next_steps)
    where = f", in {', '.join(areas)}" if len(areas) <= 2 else f", across {len(areas)} areas"
    return f"Quickest route to {target}: {moves} step{'s' if moves != 1 else ''}{where}"


def step_move(step: NextStep, catalogue: Catalogue) -> str:
    """'Descriptive -> Intermediate' (with the scores when they are not whole levels)."""
    move = f"{level_name(catalogue, step.from_level)} -> {level_name(catalogue, step.to_level)}"
    if step.from_score != int(step.from_score):
        move += f" ({step.from_score:.2f} -> {step.to_score:.2f})"
    return move


def step_actions(step: NextStep, catalogue: Catalogue, plain: bool = False) -> list[str]:
    """What to do for a step: its SCIE recommendations, each in words with its id."""
    recs = [catalogue.recommendation(rec_id) for rec_id in step.recommendations]
    return [f"{words(plain, rec.text, rec.plain)} (SCIE {rec.id})" for rec in recs]


def step_ids(step: NextStep) -> str:
    """', with SCIE practice-3' naming the recommendations that help, for a short line."""
    return f", with SCIE {' and '.join(step.recommendations)}" if step.recommendations else ""


def regression_phrase(cmp: Comparison) -> str | None:
    """'Regression: the level dropped in Assets.', or the overall fall that counts as one."""
    if not cmp.regression:
        return None
    dropped = ", ".join(d.name for d in cmp.dimensions if d.level_dropped)
    overall = cmp.level_direction == "down"
    if dropped:
        return f"Regression: the level dropped in {dropped}{', and overall' if overall else ''}."
    if overall:
        return "Regression: the overall level dropped."
    return (f"Regression: the overall score fell by {abs(cmp.score_change or 0):.2f}, a "
            f"quarter of a level or more (--tolerance {cmp.tolerance:g}).")


def more_hint(details: bool) -> str:
    """Where to see more than this screen: --details, then an HTML report to print."""
    if details:
        return "For a report to print: coprod score ... --format html -o report.html"
    return ("More: add --details for the full plan by jigsaw piece and each group's view, "
            "or --format html -o report.html for a report to print.")


def unsure_phrase(res: Result) -> str:
    """'3 unsure answers', or none."""
    count = res.unsure_answers
    return "no unsure answers" if count == 0 else \
        f"{count} unsure answer{'s' if count != 1 else ''}"


def served_lines(item: PlanItem, catalogue: Catalogue, seen: set[str],
                 plain: bool = False) -> list[str]:
    """'Helps: <statement> (now Descriptive; Intermediate looks like: ...)', each statement's
    next level given the first time only; `seen` collects the statements already described."""
    lines = []
    for st in item.statements:
        now = f"now {level_name(catalogue, st.level)}"
        text = words(plain, st.text, st.plain)
        if st.id in seen:
            lines.append(f"Helps: {text} ({now}; its next level is given above)")
        else:
            lines.append(f"Helps: {text} ({now}; {level_name(catalogue, st.next_level)} "
                         f"looks like: {words(plain, st.next_descriptor, st.next_plain)})")
            seen.add(st.id)
    return lines


def titled(res: Result, title: str) -> str:
    """A title with the service named first, when the answers name one; a staff self-check
    says so first of all."""
    title = f"{res.service} — {title}" if res.service else title
    if res.through:
        title = f"{title} (through a crosswalk from {res.through.answered.id} answers)"
    title = f"{STAFF_ONLY_TITLE} — {title}" if res.staff_only else title
    return f"PRIVATE, not to share — {title}" if res.private else title


def levels_shown(res: Result) -> list[str]:
    """The level ids a result names, in the order a reader meets them."""
    seen = [res.level, *(d.level for d in res.dimensions), res.target,
            *(step.to_level for step in res.next_steps)]
    return list(dict.fromkeys(level for level in seen if level))


def level_meanings(res: Result, catalogue: Catalogue) -> list[str]:
    """'Intermediate means: ...' for each level named after the overall one (explained first)."""
    return [f"{level_name(catalogue, level)} means: {catalogue.level(level).plain}"
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
    return [f"{level_name(catalogue, level)} means: {catalogue.level(level).plain}"
            for level in dict.fromkeys(level for level in named if level)]


LENSES_TITLE = "By principle, scope and activity"


def lens_groups(res: Result) -> list[tuple[str, list[TagResult]]]:
    """The result's scores beside the areas, by kind: SCIE's principles, the scopes and the
    co- activities, in that order (every format lists them so)."""
    return [("principle", res.principles), ("scope", res.scopes), ("activity", res.activities)]


def any_lenses(res: Result) -> bool:
    return any(tags for _, tags in lens_groups(res))


def weakest_lenses(res: Result, catalogue: Catalogue) -> str | None:
    """'Weakest principle: Equality 1.40 (Descriptive); scope: ...; activity: ...', or None
    untagged."""
    parts = []
    for what, tags in lens_groups(res):
        scored = [t for t in tags if t.score is not None]
        if len(scored) > 1:
            low = min(scored, key=lambda t: t.score or 0.0)
            parts.append(f"{what}: {low.name} {score_text(low.score)} "
                         f"({level_name(catalogue, low.level)})")
    return "Weakest " + "; ".join(parts) + "." if parts else None


def score_text(score: float | None) -> str:
    return "unsure" if score is None else f"{score:.2f}"


EVIDENCE_HEADING = "Evidence given with the answers"
NO_EVIDENCE = ("No evidence was given with the answers. Evidence, such as minutes, plans or "
               "feedback, makes a level easier to trust and to check next time.")
EVIDENCE_SHOWN = 300  # characters of one piece of evidence in text and Markdown


def evidence_item(text: str) -> str:
    """One piece of evidence on one line, shortened where long (the JSON and HTML results
    hold it as given, up to the tally's own limit)."""
    line = " ".join(text.split())
    if len(line) <= EVIDENCE_SHOWN:
        return line
    return line[:EVIDENCE_SHOWN - 3].rstrip(" \\") + "..."
