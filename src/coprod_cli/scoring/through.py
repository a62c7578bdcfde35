"""One set of answers scored against several frameworks (`score --through`): its own framework
directly, each other one through a crosswalk (crosswalks.py).

Each person's answers are carried through the crosswalk into answers to the other framework
(the lowest of their answers to the statements that stand for a statement, unsure and
does-not-apply left out; 'does not apply' when every one of them does not apply to them),
and that framework is scored from them exactly as `score` scores answers given to it: the same
people, voices and roles, weighting and rules. A statement nothing covers gets no answer at
all, neither unsure nor not-yet: it is left out of every figure, an area with none covered
has no level (and then neither has the whole), and the result names them (`through`).

Every result of the same people holds back the same groups: a group held back in one (too
small, or complementary) is held back in all, so two results through two frameworks never
show a group that one of them hides; `sharing.protect` then rounds each as it would any.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence

from coprod_cli.answers import DOES_NOT_APPLY, UNSURE
from coprod_cli.crosswalks import Crosswalk
from coprod_cli.i18n import _
from coprod_cli.models import LEVEL_IDS, Framework
from coprod_cli.resultparts import DimensionResult, FrameworkRef
from coprod_cli.results import Result, Through, Uncovered
from coprod_cli.scoring import applies
from coprod_cli.tally import NOT_APPLYING, UNKNOWN, Tally

Scorer = Callable[[Framework, Tally, Sequence[str]], Result]


def translate(tally: Tally, crosswalk: Crosswalk, target: Framework) -> Tally:
    """The people of `tally` (kept with `people`) as answers to `target`: each covered
    statement the lowest of a person's known answers to its sources, unsure when none is
    known; a statement nothing covers has no answer (it counts in no figure)."""
    if tally.people is None:
        raise ValueError("the tally must keep its people to be scored through a crosswalk")
    index = {s.id: at for at, s in enumerate(tally.framework.statements)}
    covered = [(sid, [index[source] for source in sources])
               for sid, sources in crosswalk.covered.items()]
    out = Tally(target)
    roles: list[str] = []
    columns: list[list[str | None]] = [[] for _ in covered]
    for number, (role, values) in enumerate(tally.people, start=1):
        unsure = 0
        for column, (_target, sources) in zip(columns, covered, strict=True):
            known = [values[at] for at in sources if values[at] < UNKNOWN]
            absent = not known and all(values[at] == NOT_APPLYING for at in sources)
            column.append(LEVEL_IDS[min(known)] if known else
                          DOES_NOT_APPLY if absent else UNSURE)
            unsure += not known and not absent
        roles.append(role)
        out.add_person(role, unsure, True, None, (), f"respondent {number}")
    out.add_answers(roles, [sid for sid, _ in covered], columns)
    for target_id, source_ids in crosswalk.covered.items():
        for source_id in source_ids:
            for text in tally.evidence.get(source_id, []):
                out._keep_evidence(target_id, text)
            out.keep_reasons((target_id, text) for text in tally.reasons.get(source_id, {}))
    out.unstated, out.assessed_on, out.intake = tally.unstated, tally.assessed_on, tally.intake
    out.services, out.notes, out.identical = tally.services, tally.notes, tally.identical
    return out


def mark(res: Result, crosswalk: Crosswalk, answered: Framework, target: Framework) -> Result:
    """A result scored through a crosswalk, saying so: `through`, each area's statements not
    covered, why an area has no level, and a finding first of all."""
    covered = crosswalk.covered
    notes = {item.id: item.note for item in crosswalk.not_covered}
    missing = [Uncovered(id=s.id, dimension=d.id, text=s.text, note=notes.get(s.id, ""))
               for d in target.dimensions for s in d.statements if s.id not in covered]
    per_area = {d.id: sum(u.dimension == d.id for u in missing) for d in target.dimensions}
    dimensions = [dataclasses.replace(d, not_covered=per_area[d.id],
                                      unsure=d.unsure - per_area[d.id])
                  for d in res.dimensions]
    through = Through(answered=FrameworkRef(id=answered.id, name=answered.name,
                                            version=answered.version),
                      crosswalk=crosswalk.id, crosswalk_name=crosswalk.name,
                      rule=crosswalk.rule, covered=len(covered),
                      statements=len(target.statements), not_covered=missing)
    bare = {d.id for d in dimensions if d.statements == d.not_covered}
    warnings = [_no_level(w, bare, answered, crosswalk) for w in res.warnings]
    gate = res.gate
    if gate is not None and bare and res.level is None and not res.lived_experience_missing:
        gate = dataclasses.replace(gate, reason=_(
            "there is no overall level: nothing in the answers to {answered} covers "
            "{areas}").format(answered=answered.id, areas=", ".join(sorted(bare))))
    return dataclasses.replace(res, dimensions=dimensions, through=through, gate=gate,
                               findings=[finding(through, dimensions), *res.findings],
                               warnings=warnings + ([uncovered_note(through)] if missing else []))


def _no_level(warning: str, bare: set[str], answered: Framework, crosswalk: Crosswalk) -> str:
    """An area with no level because nothing covers it says so, not that it was unsure."""
    for area in bare:
        if warning == applies.unsure_note(area):
            return _("'{area}' has no level: nothing in the answers to {answered} stands for "
                     "its statements (crosswalk {crosswalk}), so there is no overall level "
                     "either").format(area=area, answered=answered.id, crosswalk=crosswalk.id)
    return warning


def finding(through: Through, dimensions: Sequence[DimensionResult]) -> str:
    """What every format says first: where the answers came from, and what is not covered."""
    text = _("Through a crosswalk: these answers were given to {name} ({id} {version}) and "
             "are read here through coprod's crosswalk {crosswalk} (a statement takes the "
             "lowest of a person's answers to the statements that stand for it)").format(
        name=through.answered.name, id=through.answered.id, version=through.answered.version,
        crosswalk=through.crosswalk)
    if not through.not_covered:
        return text + _("; every statement is covered")
    areas = ", ".join(_("{area} {count} of {total}").format(
        area=d.name, count=d.not_covered, total=d.statements) for d in dimensions if d.not_covered)
    return text + _(". {count} of {total} statements are not covered, so they have no answer "
                    "and count in no figure ({areas})").format(
        count=len(through.not_covered), total=through.statements, areas=areas)


def uncovered_note(through: Through) -> str:
    """The statements not covered, named."""
    return _("Not covered by the answers to {answered} (no answer, neither unsure nor not "
             "yet): {statements}").format(answered=through.answered.id,
                                          statements=", ".join(u.id for u in through.not_covered))


def score_all(tally: Tally, targets: Sequence[tuple[Framework, Crosswalk | None]],
              scorer: Scorer) -> list[Result]:
    """Each target scored (directly when its crosswalk is None), then again with the groups
    any of them held back, until every result holds back the same groups."""
    tallies = [tally if crosswalk is None else translate(tally, crosswalk, target)
               for target, crosswalk in targets]
    hidden: set[str] = set()
    while True:
        results = [scorer(target, one, sorted(hidden))
                   for (target, _), one in zip(targets, tallies, strict=True)]
        held = {h.group for res in results for h in res.held_back}
        if held <= hidden or len(results) == 1:
            break
        hidden |= held
    return [res if crosswalk is None else mark(res, crosswalk, tally.framework, target)
            for res, (target, crosswalk) in zip(results, targets, strict=True)]
