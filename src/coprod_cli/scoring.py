"""Pure scoring: answers and a framework in, a result out (one respondent or many)."""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

from coprod_cli import __version__
from coprod_cli.answers import UNSURE, Answers
from coprod_cli.errors import IncompleteAnswers, Location
from coprod_cli.models import LEVEL_IDS, LEVEL_VALUES, PIECE_IDS, Catalogue, Framework, LevelId
from coprod_cli.results import (
    DimensionResult,
    FrameworkRef,
    Gap,
    Gate,
    PlanItem,
    Result,
    RoleResult,
    ServedStatement,
    StatementResult,
)

Weighting = Literal["role", "person"]
MAX_EVIDENCE = 20  # per statement, so memory stays flat however many respondents there are
UNSURE_SHARE = 1 / 3  # a respondent unsure about more than this share is worth a warning
MAX_NAMED = 5  # respondents named in a warning; the rest are counted


def level_for(score: float) -> LevelId:
    """The highest level whose value is at or below the score."""
    return LEVEL_IDS[max(0, min(3, int(score + 1e-9)))]


def mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


class Ballot(NamedTuple):
    """What scoring needs of one validated answers file: its role, levels and evidence."""

    role: str
    levels: dict[str, str | None]  # statement id -> level id, 'unsure', or None if unanswered
    evidence: tuple[tuple[str, str], ...] = ()
    assessed_on: datetime.date | None = None

    @classmethod
    def of(cls, answers: Answers) -> Ballot:
        items = answers.answers.items()
        return cls(answers.role, {sid: a.level if a else None for sid, a in items},
                   tuple((sid, a.evidence) for sid, a in items if a and a.evidence),
                   answers.assessed_on)


@dataclass
class Tally:
    """Running sums per role and statement: its size never grows with the respondents."""

    framework: Framework
    sums: dict[str, dict[str, list[float]]] = field(default_factory=dict)
    respondents: Counter[str] = field(default_factory=Counter)
    evidence: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    mostly_unsure: list[str] = field(default_factory=list)
    mostly_unsure_count: int = 0
    skipped: int = 0
    assessed_on: datetime.date | None = None

    def __post_init__(self) -> None:
        self._ids = [s.id for s in self.framework.statements]

    def add(self, answers: Answers, name: str = "answers") -> None:
        """Count one respondent's answers; an incomplete file is an error naming the gaps."""
        self.add_ballot(Ballot.of(answers), name)

    def add_ballot(self, ballot: Ballot, name: str = "answers") -> None:
        """Count one respondent; an incomplete one is an error naming the gaps."""
        levels = ballot.levels
        missing = [sid for sid in self._ids if levels.get(sid) is None]
        if missing:
            raise IncompleteAnswers(
                f"{len(missing)} of {len(self._ids)} statements have no answer: "
                f"{', '.join(missing)}",
                "answer each one with a level or 'unsure' (coprod assess FILE resumes there)",
                Location(name))
        role = self.sums.get(ballot.role)
        if role is None:
            role = self.sums[ballot.role] = {sid: [0.0, 0] for sid in self._ids}
        self.respondents[ballot.role] += 1
        unsure = 0
        for sid, level in levels.items():
            value = LEVEL_VALUES.get(level or UNSURE)
            if value is None:
                unsure += 1
            else:
                counts = role[sid]
                counts[0] += value
                counts[1] += 1
        for sid, text in ballot.evidence:
            if len(self.evidence[sid]) < MAX_EVIDENCE:
                self.evidence[sid].append(text)
        self._note_unsure(unsure / len(self._ids), name)
        if ballot.assessed_on and (self.assessed_on is None
                                   or ballot.assessed_on > self.assessed_on):
            self.assessed_on = ballot.assessed_on

    def _note_unsure(self, share: float, name: str) -> None:
        if share > UNSURE_SHARE:
            self.mostly_unsure_count += 1
            if len(self.mostly_unsure) < MAX_NAMED:
                self.mostly_unsure.append(name)

    @property
    def total(self) -> int:
        return sum(self.respondents.values())

    def statement_value(self, sid: str, weighting: Weighting) -> float | None:
        """Mean within each role, then across roles (or over every person)."""
        if weighting == "person":
            total = sum(role[sid][0] for role in self.sums.values())
            count = sum(role[sid][1] for role in self.sums.values())
            return total / count if count else None
        return mean([role[sid][0] / role[sid][1] for role in self.sums.values() if role[sid][1]])

    def role_value(self, role: str, sid: str) -> float | None:
        total, count = self.sums[role][sid]
        return total / count if count else None


def score(framework: Framework, catalogue: Catalogue, tally: Tally, *,
          weighting: Weighting = "role", target: LevelId | None = None,
          fail_under: LevelId | None = None) -> Result:
    """The result: levels per dimension and overall, the action plan and any gate."""
    values = {s.id: tally.statement_value(s.id, weighting) for s in framework.statements}
    dimensions = [_dimension(d.id, d.name, [values[s.id] for s in d.statements])
                  for d in framework.dimensions]
    level, overall, limited_by = _overall(dimensions)
    aim = target or _default_target(level, dimensions)
    gate = None if fail_under is None else Gate(
        fail_under=fail_under,
        met=level is not None and LEVEL_VALUES[level] >= LEVEL_VALUES[fail_under])
    collective = tally.total > 1
    return Result(
        tool_version=__version__,
        framework=FrameworkRef(id=framework.id, name=framework.name, version=framework.version),
        assessed_on=tally.assessed_on, level=level, score=overall, limited_by=limited_by,
        target=aim, dimensions=dimensions, statements=_statements(framework, values, tally),
        recommendations=plan(framework, catalogue, values, aim),
        respondents=tally.total, weighting=weighting,
        by_role=_by_role(framework, catalogue, tally) if collective else [],
        gaps=_gaps(framework, tally) if collective else [],
        warnings=_warnings(dimensions, catalogue, tally), gate=gate)


def _dimension(dimension_id: str, name: str, values: list[float | None]) -> DimensionResult:
    known = [v for v in values if v is not None]
    dimension_score = rounded(mean(known))
    return DimensionResult(
        id=dimension_id, name=name, score=dimension_score,
        level=None if dimension_score is None else level_for(dimension_score),
        answered=len(known), unsure=len(values) - len(known), statements=len(values))


def _overall(dimensions: list[DimensionResult]) -> tuple[LevelId | None, float | None,
                                                          list[str]]:
    """The weakest dimension sets the level; the score is the mean of dimension scores."""
    unknown = [d.id for d in dimensions if d.level is None]
    if unknown:
        return None, None, unknown
    lowest = min(LEVEL_VALUES[d.level] for d in dimensions if d.level)
    holding = sorted((d for d in dimensions if d.level and LEVEL_VALUES[d.level] == lowest),
                     key=lambda d: d.score or 0.0)
    overall = rounded(mean([d.score for d in dimensions if d.score is not None]))
    return LEVEL_IDS[lowest], overall, [d.id for d in holding]


def _default_target(level: LevelId | None, dimensions: list[DimensionResult]) -> LevelId:
    """The next level up from the overall level (or from the weakest known dimension)."""
    known = [LEVEL_VALUES[d.level] for d in dimensions if d.level]
    base = LEVEL_VALUES[level] if level else min(known, default=-1)
    return LEVEL_IDS[min(3, base + 1)]


def _statements(framework: Framework, values: dict[str, float | None],
                tally: Tally) -> list[StatementResult]:
    return [StatementResult(id=s.id, dimension=d.id, text=s.text, score=rounded(values[s.id]),
                            level=None if values[s.id] is None else level_for(values[s.id] or 0),
                            evidence=list(tally.evidence.get(s.id, [])))
            for d in framework.dimensions for s in d.statements]


def plan(framework: Framework, catalogue: Catalogue, values: dict[str, float | None],
         target: LevelId) -> list[PlanItem]:
    """SCIE's recommendations for every statement below the target, by piece, biggest gap first."""
    aim = LEVEL_VALUES[target]
    served: dict[str, list[tuple[float, ServedStatement]]] = defaultdict(list)
    for statement in framework.statements:
        value = values[statement.id]
        if value is None or value >= aim:
            continue
        now = level_for(value)
        nxt = LEVEL_IDS[min(3, LEVEL_VALUES[now] + 1)]
        entry = ServedStatement(id=statement.id, text=statement.text, level=now, next_level=nxt,
                                next_descriptor=statement.levels.at(nxt))
        for rec_id in statement.recommendations:
            served[rec_id].append((aim - value, entry))
    order = {rec.id: index for index, rec in enumerate(catalogue.recommendations)}
    items = [_plan_item(catalogue, rec_id, entries) for rec_id, entries in served.items()]
    return sorted(items, key=lambda i: (PIECE_IDS.index(i.piece), -i.gap, order[i.id]))


def _plan_item(catalogue: Catalogue, rec_id: str,
               entries: list[tuple[float, ServedStatement]]) -> PlanItem:
    rec = catalogue.recommendation(rec_id)
    source = catalogue.source(rec.source)
    entries.sort(key=lambda e: -e[0])
    return PlanItem(id=rec.id, piece=rec.piece, text=rec.text, plain=rec.plain,
                    source=f"{source.author} ({source.year}), {source.title}",
                    gap=round(entries[0][0], 2), statements=[e[1] for e in entries])


def _role_dimensions(framework: Framework, tally: Tally, role: str) -> dict[str, float | None]:
    return {d.id: rounded(mean([v for s in d.statements
                                if (v := tally.role_value(role, s.id)) is not None]))
            for d in framework.dimensions}


def _by_role(framework: Framework, catalogue: Catalogue, tally: Tally) -> list[RoleResult]:
    known = [role.id for role in catalogue.roles]
    ordered = sorted(tally.sums, key=lambda r: known.index(r) if r in known else len(known))
    results = []
    for role_id in ordered:
        role = catalogue.role(role_id) if role_id in known else None
        results.append(RoleResult(
            role=role_id, name=role.name if role else role_id,
            lived_experience=bool(role and role.lived_experience),
            respondents=tally.respondents[role_id],
            dimensions=_role_dimensions(framework, tally, role_id)))
    return results


def _gaps(framework: Framework, tally: Tally) -> list[Gap]:
    """Per dimension, the spread between the highest and lowest scoring roles."""
    per_role = {role: _role_dimensions(framework, tally, role) for role in tally.sums}
    gaps = []
    for dimension in framework.dimensions:
        scored = {r: s[dimension.id] for r, s in per_role.items() if s[dimension.id] is not None}
        if len(scored) < 2:
            continue
        high = max(scored, key=lambda r: scored[r] or 0.0)
        low = min(scored, key=lambda r: scored[r] or 0.0)
        spread = round((scored[high] or 0.0) - (scored[low] or 0.0), 2)
        gaps.append(Gap(dimension=dimension.id, gap=spread, highest=high, lowest=low,
                        finding=spread >= 1.0, highest_score=scored[high],
                        lowest_score=scored[low]))
    return sorted(gaps, key=lambda g: (not g.finding, -g.gap))


def _warnings(dimensions: list[DimensionResult], catalogue: Catalogue,
              tally: Tally) -> list[str]:
    notes = [f"'{d.id}' has no level: every answer in it was unsure, so there is no overall "
             "level either" for d in dimensions if d.level is None]
    if tally.total > 1:
        notes += _collective_warnings(catalogue, tally)
    if tally.mostly_unsure_count:
        names = ", ".join(tally.mostly_unsure)
        more = tally.mostly_unsure_count - len(tally.mostly_unsure)
        notes.append(f"{tally.mostly_unsure_count} respondent(s) were unsure about more than a "
                     f"third of the statements: {names}" + (f" and {more} more" if more else ""))
    if tally.skipped:
        notes.append(f"{tally.skipped} answers file(s) or form row(s) were left out because they "
                     "are not valid (--skip-invalid); each one was reported when skipped")
    return notes


def _collective_warnings(catalogue: Catalogue, tally: Tally) -> list[str]:
    lived = {role.id for role in catalogue.roles if role.lived_experience}
    notes = []
    if not lived & set(tally.respondents):
        notes.append("Nobody with lived experience answered (people who draw on care and "
                     "support, or carers): this assessment was not co-produced")
    notes += [f"Only one person answered as {role.name} ('{role.id}'): that one view stands "
              "for the whole role" for role in catalogue.roles if tally.respondents[role.id] == 1]
    return notes
