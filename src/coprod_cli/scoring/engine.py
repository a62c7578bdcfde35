"""Pure scoring: counted answers and a framework in, a result out (one respondent or many)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping
from fractions import Fraction

from coprod_cli import __version__, credits
from coprod_cli.i18n import N_, _
from coprod_cli.models import (
    LEVEL_IDS,
    LEVEL_VALUES,
    PIECE_IDS,
    Catalogue,
    Framework,
    LevelId,
    Statement,
    Weighting,
)
from coprod_cli.resultdetails import Gate, Migrated, PlanItem, ServedStatement, StatementResult
from coprod_cli.resultparts import DimensionResult, FrameworkRef
from coprod_cli.results import Result
from coprod_cli.scoring import (
    applies,
    collective,
    findings,
    lenses,
    personnotes,
    planning,
    sharing,
    targets,
    whatif,
)
from coprod_cli.scoring.level import Overall, dimension_results, overall_level
from coprod_cli.tally import Ballot, Tally, level_for, rounded
from coprod_cli.voices import lived_roles

STAFF_ONLY_IGNORED = N_("--staff-only was left aside: people with lived experience answered, so "
                      "this is a co-production assessment, scored as one")

__all__ = ["Ballot", "Tally", "Weighting", "level_for", "plan", "score"]


def score(framework: Framework, catalogue: Catalogue, tally: Tally, *,
          weighting: Weighting = "partnership", target: LevelId | None = None,
          fail_under: LevelId | None = None,
          what_if: dict[str, LevelId] | None = None, min_group: int = 3,
          show_names: bool = False, service: str | None = None,
          staff_only: bool = False, area_targets: Mapping[str, LevelId] | None = None,
          hidden: Collection[str] = (), private: bool = False) -> Result:
    """The result: levels per dimension and overall, the action plan and any gate.

    With `what_if`, everything is scored as if those statements were at those levels, and
    the result says what that changed. Groups in `hidden` (held back in another result of
    the same people) are held back here too. Unless `private`, notes about single
    respondents say only how many (personnotes.py), as the result will be shared; with
    `show_names` they name them, as the file names they show make the result private.
    """
    lived = lived_roles(catalogue)
    answered = {s.id: tally.statement_value(s.id, weighting, lived)
                for s in framework.statements}
    values = whatif.apply(answered, what_if or {})
    left_out = tally.not_applying_anywhere()
    dimensions = dimension_results(framework, values, left_out)
    unlived = tally.lived_experience_missing(lived)
    ignored = staff_only and not unlived  # people with lived experience did answer
    staff_only, missing = staff_only and unlived, unlived and not staff_only
    level, overall, limited_by, own = _overall(framework, values, dimensions, missing)
    changed = None
    if what_if:
        was = dimension_results(framework, answered, left_out)
        was_level, was_score = _overall(framework, answered, was, missing)[:2]
        changed = whatif.describe(what_if, answered, (was_level, was_score, was), dimensions,
                                  level)
    aim = target or _default_target(level, dimensions)
    gate = None if fail_under is None else targets.gate(
        _gate(fail_under, level, missing, dimensions), dimensions, area_targets or {})
    shown = collective.breakdown(framework, catalogue, tally, weighting, min_group, hidden)
    shared = sharing.shared(tally.total, min_group, private or show_names)  # notes name people
    protected = sharing.shared(tally.total, min_group, private)  # as sharing.protect bands it
    return Result(
        tool_version=__version__,
        framework=FrameworkRef(id=framework.id, name=framework.name, version=framework.version),
        service=service or _service(tally), assessed_on=tally.assessed_on, level=level,
        score=overall, limited_by=limited_by, target=aim, dimensions=dimensions,
        plain_headline=findings.plain_headline(framework, catalogue, level, dimensions),
        principles=lenses.by_principle(framework, catalogue, values, left_out),
        scopes=lenses.by_scope(framework, catalogue, values, left_out),
        activities=lenses.by_activity(framework, catalogue, values, left_out),
        statements=_statements(framework, values, tally, left_out),
        recommendations=plan(framework, catalogue, values, aim),
        next_steps=planning.next_steps(framework, values, aim, area_targets or {}),
        respondents=tally.total, unsure_answers=tally.unsure_answers, weighting=weighting,
        not_applying_answers=sum(tally.not_applying.values()),
        by_role=shown.roles, by_voice=shown.voices, gaps=shown.gaps, min_group=min_group,
        held_back=shown.held_back, gate=gate, intake=tally.intake, what_if=changed,
        migrated=migrated(tally),
        warnings=_warnings(dimensions, catalogue, tally, shown, show_names, shared,
                           min_group if protected else None)
        + _services_differ(tally, service, protected)
        + ([_(STAFF_ONLY_IGNORED)] if ignored else [])
        + applies.target_notes(dimensions, area_targets or {}),
        findings=findings.of(framework, shown,
                             (limited_by if own else [], missing, staff_only)),
        lived_experience_missing=missing, staff_only=staff_only,
        credit=framework.credit, sources=credits.sources_for(framework, catalogue))


def _overall(framework: Framework, values: dict[str, Fraction | None],
             dimensions: list[DimensionResult], missing: bool) -> Overall:
    """The overall level, or none when nobody with lived experience answered."""
    found = overall_level(framework, values, dimensions)
    return Overall(None, found.score, [], False) if missing else found


def _gate(fail_under: LevelId, reached: LevelId | None, missing: bool,
          dimensions: list[DimensionResult]) -> Gate:
    """Met when the level is at or above the gate's; never without a level."""
    nothing = all(d.does_not_apply for d in dimensions)
    reason = (_("nobody with lived experience answered, so there is no co-production level "
                "(--staff-only marks a deliberate staff self-check)") if missing else
              _("there is no overall level: no area applies to this service") if nothing
              and reached is None else
              _("there is no overall level: an area was all unsure") if reached is None
              else None)
    return Gate(fail_under=fail_under, reason=reason,
                met=reached is not None and LEVEL_VALUES[reached] >= LEVEL_VALUES[fail_under])


def _default_target(level: LevelId | None, dimensions: list[DimensionResult]) -> LevelId:
    """The next level up from the overall level (or from the weakest known dimension)."""
    known = [LEVEL_VALUES[d.level] for d in dimensions if d.level]
    base = LEVEL_VALUES[level] if level else min(known, default=-1)
    return LEVEL_IDS[min(3, base + 1)]


def _statements(framework: Framework, values: dict[str, Fraction | None],
                tally: Tally, left_out: frozenset[str]) -> list[StatementResult]:
    return [_statement(d.id, s, values[s.id], tally, left_out) for d in framework.dimensions
            for s in d.statements]


def _statement(dimension_id: str, statement: Statement, value: Fraction | None,
               tally: Tally, left_out: frozenset[str]) -> StatementResult:
    """A statement's value and level, and what its next level up looks like."""
    level = None if value is None else level_for(value)
    nxt = None if level is None or level == LEVEL_IDS[-1] else LEVEL_IDS[LEVEL_VALUES[level] + 1]
    return StatementResult(id=statement.id, dimension=dimension_id, text=statement.text,
                           plain=statement.plain,
                           score=rounded(value), level=level,
                           evidence=sorted(tally.evidence.get(statement.id, [])),
                           next_level=nxt,
                           next_descriptor=statement.row(nxt) if nxt else None,
                           next_plain=statement.row(nxt, plain=True) if nxt else None,
                           not_applying=tally.not_applying[statement.id],
                           reasons=sorted(tally.reasons.get(statement.id, {})),
                           does_not_apply=value is None and statement.id in left_out)


def plan(framework: Framework, catalogue: Catalogue, values: dict[str, Fraction | None],
         target: LevelId) -> list[PlanItem]:
    """SCIE's recommendations for every statement below the target, by piece, biggest gap first."""
    aim = LEVEL_VALUES[target]
    served: dict[str, list[tuple[Fraction, ServedStatement]]] = defaultdict(list)
    for statement in framework.statements:
        value = values[statement.id]
        if value is None or value >= aim:
            continue
        now = level_for(value)
        nxt = LEVEL_IDS[min(3, LEVEL_VALUES[now] + 1)]
        entry = ServedStatement(id=statement.id, text=statement.text, plain=statement.plain,
                                level=now, next_level=nxt,
                                next_descriptor=statement.row(nxt),
                                next_plain=statement.row(nxt, plain=True))
        for rec_id in statement.recommendations:
            served[rec_id].append((aim - value, entry))
    order = {rec.id: index for index, rec in enumerate(catalogue.recommendations)}
    items = [_plan_item(catalogue, rec_id, entries) for rec_id, entries in served.items()]
    return sorted(items, key=lambda i: (PIECE_IDS.index(i.piece), -i.gap, order[i.id]))


def _plan_item(catalogue: Catalogue, rec_id: str,
               entries: list[tuple[Fraction, ServedStatement]]) -> PlanItem:
    rec = catalogue.recommendation(rec_id)
    source = catalogue.source(rec.source)
    entries.sort(key=lambda e: -e[0])
    return PlanItem(id=rec.id, piece=rec.piece, text=rec.text, plain=rec.plain,
                    source=f"{source.author} ({source.year}), {source.title}",
                    gap=rounded(entries[0][0]) or 0.0, statements=[e[1] for e in entries])


def _service(tally: Tally) -> str | None:
    """The service the answers name (the most often named, when they differ)."""
    named = tally.services.most_common(1)
    return named[0][0] if named else None


def _services_differ(tally: Tally, service: str | None, shared: bool) -> list[str]:
    """The services the answers name, with how many files name each only in a result kept
    to oneself: shared, a count splits the exact head count and says, as it moves, which
    service the late person named ('Hillside' (1))."""
    names = set(tally.services) | ({service} if service and tally.services else set())
    if len(names) < 2:
        return []
    listed = ", ".join(f"'{name}'" if shared else f"'{name}' ({tally.services[name]})"
                       for name in sorted(names))
    return [_("The answers name different services: {services}. They are scored together as "
              "one; score each service's files apart if they are separate services").format(
        services=listed)]


def _warnings(dimensions: list[DimensionResult], catalogue: Catalogue, tally: Tally,
              shown: collective.Breakdown, show_names: bool, shared: bool,
              step: int | None) -> list[str]:
    """`shared`: the notes on people say only how many (not with --show-names: they name
    them); `step`: --min-group when the result will be protected (sharing.py), for its counts,
    and then the files left out are said as its JSON says them, --show-names or not."""
    first, later = personnotes.notes(tally, shown, show_names, shared)
    notes = first + applies.area_notes(dimensions)
    held = collective.held_back_note(shown.held_back, shown.min_group)
    notes += [held] if held else []
    if tally.total > 1:
        notes += collective.warnings(catalogue, tally, shown)
    notes += later + _left_out(tally, step is not None) + tally.notes + tally.evidence_note()
    return notes + [carried_note(tally.framework.id, item, step) for item in migrated(tally)
                    if step is None or item.files >= step]


def carried_for_you(tally: Tally, step: int, side: str | None = None) -> list[str]:
    """The notes on earlier-version files that a shared result leaves out (fewer than `step`
    files of that version), for whoever runs coprod (`side`: which of a comparison's sets): a
    note, as it appears between two reports, says that the late person answered the old
    questions, so has no answer to the new ones."""
    said = [carried_note(tally.framework.id, item) for item in migrated(tally)
            if item.files < step]
    if side is not None:
        return [_("note, for you only (not in the shared result), {side}: {note}").format(
            side=side, note=note) for note in said]
    return [_("note, for you only (not in the shared result): {note}").format(note=note)
            for note in said]


def _left_out(tally: Tally, shared: bool) -> list[str]:
    """How many files or rows were left out, always (nobody is dropped in silence), and why
    only in a result kept to oneself: beside the exact count the reasons split it, and one
    reason says of a person what a shared result never does ('1 incomplete': they left
    statements unanswered; sharing.py)."""
    intake = tally.intake
    if intake is None or not intake.skipped:
        return []
    if shared:
        return [_("{skipped} of {value} answers files or form rows were left out; each was "
                  "named on standard error, with why").format(skipped=intake.skipped,
                                                              value=intake.read)]
    why = ", ".join(f"{count} {_(reason)}" for reason, count in intake.skipped_because.items())
    return [_("{skipped} of {value} answers files or form rows were left out ({why}); each was "
              "named on standard error").format(skipped=intake.skipped, value=intake.read,
                                                why=why)]


def migrated(tally: Tally) -> list[Migrated]:
    """Files written for earlier versions, per version, oldest first."""
    return [Migrated(from_version=version, files=files,
                     through_map={old: list(new) for old, new in sorted(through.items())},
                     no_answer_yet=sorted(unanswered))
            for version, (files, through, unanswered) in sorted(tally.carried.items(),
                                                                key=_version_order)]


def _version_order(item: tuple[str, object]) -> tuple[tuple[int, str], ...]:
    """Versions in order, '2.0.0' before '10.0.0'."""
    return tuple((int(part), "") if part.isdigit() else (-1, part)
                 for part in item[0].split("."))


def carried_note(framework_id: str, item: Migrated, step: int | None = None) -> str:
    """The warning every format shows for files read through the migration map; how many
    files in a range of `step` in a shared result (sharing.py), as counts of answers are: an
    exact count splits the head count and, as a late reply moves it, says which version that
    person answered and that the statements new since then have no answer of theirs. A shared
    result gives it only for --min-group files or more (`carried_for_you` tells the rest)."""
    moved = "; ".join(_("each answer to {old} counts for {new}").format(
        old=old, new=_(" and ").join(new)) for old, new in item.through_map.items())
    note = _("{count} answers file(s) were written for {framework} {version} and read through "
             "its migration map (the files are unchanged)").format(
        count=sharing.count_words(sharing.banded_count(item.files, step), step),
        framework=framework_id, version=item.from_version)
    note += f": {moved}" if moved else ""
    if item.no_answer_yet:
        note += _(". They have no answer yet for {statements}, new since then, counted as "
                  "unsure").format(statements=", ".join(item.no_answer_yet))
    return note
