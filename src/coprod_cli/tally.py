"""Answers counted as they arrive: running sums per role and statement, memory kept flat.

(A ballot and who a respondent is are in ballots.py, the arithmetic of figures in figures.py,
many respondents at once and who each is kept as in tallyrows.py; all are named here too,
where the rest of coprod has always found them.)"""

# Annotations are objects, not text: dataclasses matches text ones with regexes at each start.

import datetime
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable
from dataclasses import field
from fractions import Fraction

from coprod_cli import versions
from coprod_cli.answers import DOES_NOT_APPLY, MAX_REASON, UNSURE, Answers
from coprod_cli.ballots import Ballot as Ballot
from coprod_cli.ballots import Who as Who
from coprod_cli.ballots import through_map as through_map
from coprod_cli.classes import mutable
from coprod_cli.errors import IncompleteAnswers, Location
from coprod_cli.figures import area_score as area_score
from coprod_cli.figures import histogram_median as histogram_median
from coprod_cli.figures import level_for as level_for
from coprod_cli.figures import mean as mean
from coprod_cli.figures import median as median
from coprod_cli.figures import rounded as rounded
from coprod_cli.i18n import _
from coprod_cli.models import LEVEL_IDS, LEVEL_VALUES, Framework, Weighting
from coprod_cli.resultparts import Intake
from coprod_cli.safetext import file_name
from coprod_cli.sketch import Sketch, keys_for
from coprod_cli.tallyrows import CODED as CODED
from coprod_cli.tallyrows import CODES as CODES
from coprod_cli.tallyrows import MAX_NAMED as MAX_NAMED
from coprod_cli.tallyrows import NOT_APPLYING as NOT_APPLYING
from coprod_cli.tallyrows import UNKNOWN as UNKNOWN
from coprod_cli.tallyrows import UNSURE_SHARE as UNSURE_SHARE
from coprod_cli.tallyrows import Rows
from coprod_cli.tallyrows import coded as coded
from coprod_cli.versions import Carried

MAX_EVIDENCE = 20  # per statement, so memory stays flat however many respondents there are
MAX_EVIDENCE_CHARS = 2_000  # of one answer's evidence, in a report
MAX_EVIDENCE_TOTAL = 200_000  # characters of evidence in one report


@mutable
class Tally(Rows):
    """Running sums per role and statement: its size never grows with the respondents."""

    framework: Framework
    respondents: Counter[str] = field(default_factory=Counter)
    evidence: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    mostly_unsure: list[Who] = field(default_factory=list)
    mostly_unsure_count: int = 0
    intake: Intake | None = None  # who was counted, when read from a set of files or rows
    notes: list[str] = field(default_factory=list)  # what reading them warns of
    identical: list[tuple[Who, Who]] = field(default_factory=list)  # a few
    evidence_chars: int = 0
    evidence_cut: int = 0  # pieces of evidence shortened or left out of the report
    # statement id -> why it does not apply, each reason once, in the order first given (a few)
    reasons: dict[str, dict[str, None]] = field(default_factory=lambda: defaultdict(dict))
    unsure_answers: int = 0
    services: Counter[str] = field(default_factory=Counter)  # service named -> files naming it
    assessed_on: datetime.date | None = None
    unstated: int = 0  # respondents who gave no role
    refuse_partial: bool = False  # --strict: a part-answered respondent is an error
    partial: list[tuple[Who, tuple[str, ...]]] = field(default_factory=list)  # a few, named
    partial_count: int = 0  # respondents who left statements unanswered
    unanswered: int = 0  # statements left unanswered, counted as unsure, over everyone
    # Each respondent's role and answers (a level value per statement, UNKNOWN for unsure,
    # NOT_APPLYING for does-not-apply),
    # kept only when asked for (`coprod trend` resamples them); None keeps memory flat.
    people: list[tuple[str, bytes]] | None = None
    # earlier version -> files read through the map, old id -> new ids, new ids unanswered
    carried: dict[str, tuple[int, dict[str, tuple[str, ...]], set[str]]] = field(
        default_factory=dict)
    salt: bytes = b""  # when set, who answered is kept in `sketch` (sketch.py), never answers
    sketch: Sketch = field(default_factory=Sketch)
    total: int = 0  # how many respondents were counted
    # With a salt: while no more than this many people are kept, who answered is kept with
    # keys of the first kind too (sketch.former), for a ledger's entries of that kind.
    former: int = 0

    def __post_init__(self) -> None:
        self._keys = keys_for(self.salt)
        if self.salt and self.former > 0:
            self.sketch.former = Sketch()
        self._ids = [s.id for s in self.framework.statements]
        self._known = frozenset(self._ids)
        self._counts: dict[str, dict[str, list[int]]] = {}
        # role -> (statement id, level) -> people: what add_ballot counts, in one C call a
        # respondent, folded into `counts` when it is read (its size is bounded by the
        # statements and levels, never the respondents).
        self._answers: dict[str, Counter[tuple[str, str | None]]] = {}
        self._not_applying: Counter[str] = Counter()  # statement id -> people who said so

    @property
    def counts(self) -> dict[str, dict[str, list[int]]]:
        """role -> statement id -> how many people gave each level value (not-yet first)."""
        for role, answers in self._answers.items():
            if not answers:
                continue
            counted = self._counts.get(role)
            if counted is None:
                counted = self._counts[role] = {sid: [0] * len(LEVEL_IDS) for sid in self._ids}
            for (sid, level), people in answers.items():
                value = LEVEL_VALUES.get(level or UNSURE)
                if value is not None:
                    counted[sid][value] += people
                elif level == DOES_NOT_APPLY:
                    self._not_applying[sid] += people
            answers.clear()
        return self._counts

    @property
    def not_applying(self) -> Counter[str]:
        """Statement id -> how many people said it does not apply to their service."""
        self.counts  # noqa: B018 - folds what add_ballot counted
        return self._not_applying

    def not_applying_anywhere(self) -> frozenset[str]:
        """The statements that do not apply: everyone who answered said so (one unsure
        answer, or an unanswered one, leaves it unknown instead)."""
        return frozenset(sid for sid, people in self.not_applying.items()
                         if people and people == self.total)

    def keep_reasons(self, reasons: Iterable[tuple[str, str]]) -> None:
        """Why statements do not apply, for reports: each distinct reason once, a few per
        statement (as evidence is kept, never with who gave it)."""
        for sid, text in reasons:
            text = text if len(text) <= MAX_REASON else text[:MAX_REASON - 1].rstrip() + "\u2026"
            kept = self.reasons[sid]
            if text not in kept and len(kept) < MAX_EVIDENCE:
                kept[text] = None

    def add(self, answers: Answers, name: str = "answers") -> None:
        """Count one respondent's answers (any unanswered statement counted as unsure)."""
        self.add_ballot(Ballot.of(answers), name)

    def add_ballot(self, ballot: Ballot, name: str = "answers") -> None:
        """Count one respondent; a statement left unanswered (a questionnaire stopped half way)
        counts as unsure and is named in a warning, or is an error when `refuse_partial`."""
        levels, missing = ballot.levels, []
        if levels.keys() != self._known or None in levels.values():
            levels = dict(levels)  # the ballot stays as it was read
            missing = self._completed(levels, name)
        answers = self._answers.get(ballot.role)
        if answers is None:
            answers = self._answers[ballot.role] = Counter()
        answers.update(levels.items())
        self._note_carried(ballot.carried)
        self._keep_who(ballot)
        self.add_person(ballot.role, [*levels.values()].count(UNSURE), ballot.stated,
                        ballot.assessed_on, ballot.evidence, name)
        if ballot.reasons:
            self.keep_reasons(ballot.reasons)
        if missing:
            self._note_partial(Who(ballot.role, self.respondents[ballot.role], self.total,
                                   file_name(name)), missing)
        if ballot.service:
            self.services[ballot.service] += 1

    def knows(self, sids: Collection[str]) -> bool:
        """Whether these are exactly the framework's statements (as add_answers needs)."""
        return len(sids) == len(self._known) and self._known.issuperset(sids)


    def add_person(self, role: str, unsure: int, stated: bool, day: datetime.date | None,
                   evidence: Iterable[tuple[str, str]], name: str) -> None:
        """One respondent counted (their answers by add_ballot or add_answers): `unsure`
        answers, whether they `stated` their role, their date and evidence."""
        self.respondents[role] += 1
        self.total += 1
        self.unstated += not stated
        for sid, text in evidence:
            self._keep_evidence(sid, text)
        self.unsure_answers += unsure
        if unsure / len(self._ids) > UNSURE_SHARE:
            self._note_unsure(Who(role, self.respondents[role], self.total, file_name(name)))
        if day and (self.assessed_on is None or day > self.assessed_on):
            self.assessed_on = day

    def _completed(self, levels: dict[str, str | None], name: str) -> list[str]:
        """The statements left unanswered (an error when `refuse_partial`); `levels` then
        holds exactly the framework's statements, an unanswered one as unsure."""
        missing = [sid for sid in self._ids if levels.get(sid) is None]
        if missing and self.refuse_partial:
            raise IncompleteAnswers(
                _("{len} of {len2} statements have no answer: {join}").format(
                    len=len(missing), len2=len(self._ids), join=", ".join(missing)
                ),
                _(
                    "answer each one with a level or 'unsure' (coprod assess FILE resumes there), "
                    "or leave out --strict to count them as unsure"
                ),
                Location(name),
            )
        completed = {sid: levels.get(sid) or UNSURE for sid in self._ids}
        levels.clear()
        levels.update(completed)
        return missing

    def _note_carried(self, carried: Carried | None) -> None:
        """What the migration map did for a file written for an earlier version."""
        if carried is None:
            return
        files, through, unanswered = self.carried.get(carried.from_version, (0, {}, set()))
        start = next((m for m in self.framework.migrations
                      if m.from_version == carried.from_version), None)
        if not files and start is not None:  # what the map does to any answer of that
            # version, not to this file's: which earlier statements a file answered would
            # say who left one unanswered
            whole = versions.carry(dict.fromkeys(start.statements, True), start,
                                   self.framework.migrations)[1]
            through = {change.id: change.to for change in whole.through_map}
        elif start is None:
            through |= {change.id: change.to for change in carried.through_map}
        self.carried[carried.from_version] = (files + 1, through,
                                               unanswered | set(carried.no_answer_yet))


    def _keep_evidence(self, sid: str, text: str) -> None:
        """Evidence for reports, bounded per answer, per statement and in all; what is cut is
        counted, so the report can say so (the answers files keep every word)."""
        room = MAX_EVIDENCE_TOTAL - self.evidence_chars
        if len(self.evidence[sid]) >= MAX_EVIDENCE or room <= 0:
            self.evidence_cut += 1
            return
        limit = min(MAX_EVIDENCE_CHARS, room)
        if len(text) > limit:
            text = text[:limit - 1].rstrip() + "\u2026"
            self.evidence_cut += 1
        self.evidence[sid].append(text)
        self.evidence_chars += len(text)

    def evidence_note(self) -> list[str]:
        """A note for the result when evidence was shortened or left out of it."""
        if not self.evidence_cut:
            return []
        return [_("{count} piece(s) of evidence were shortened or left out of this report (it "
                  "keeps up to {chars} characters of each, {each} per statement and {total} in "
                  "all); the answers files hold them in full").format(
            count=self.evidence_cut, chars=f"{MAX_EVIDENCE_CHARS:,}", each=MAX_EVIDENCE,
            total=f"{MAX_EVIDENCE_TOTAL:,}")]

    def _note_partial(self, who: Who, missing: list[str]) -> None:
        self.partial_count += 1
        self.unanswered += len(missing)
        if len(self.partial) < MAX_NAMED:
            self.partial.append((who, tuple(missing)))

    def _note_unsure(self, who: Who) -> None:
        self.mostly_unsure_count += 1
        if len(self.mostly_unsure) < MAX_NAMED:
            self.mostly_unsure.append(who)

    def statement_value(self, sid: str, weighting: Weighting,
                        lived: Collection[str] = ()) -> Fraction | None:
        """Partnership: the mean of the two voices' centres, each the median of its people;
        role: the mean of each role's median; person: the median of everyone."""
        if weighting != "partnership":
            return self.group_value(sid, self.counts, weighting)
        voices = [self.group_value(sid, roles, "person") for roles in self.voices(lived)]
        return mean([v for v in voices if v is not None])

    def group_value(self, sid: str, roles: Iterable[str],
                    weighting: Weighting) -> Fraction | None:
        """Some roles together: each role's median, then their mean (role weighting), or the
        median of all their people, each counted once (otherwise)."""
        present = [self.counts[r][sid] for r in roles if r in self.counts]
        if weighting == "role":
            return mean([m for c in present if (m := histogram_median(c)) is not None])
        return histogram_median([sum(level) for level in zip(*present, strict=True)]
                                if present else [])

    def answered(self, role: str, sid: str) -> int:
        """How many people of a role rated a statement (not unsure)."""
        return sum(self.counts[role][sid])

    def lived_experience_missing(self, lived: Collection[str]) -> bool:
        """Everyone said who they are and nobody has lived experience: not co-produced."""
        return not self.unstated and not any(role in lived for role in self.counts)

    def voices(self, lived: Collection[str]) -> tuple[list[str], list[str]]:
        """The roles present, split into the lived-experience voice and everyone else, each by
        id (never in the order the files came in)."""
        roles = sorted(self.counts)
        return [r for r in roles if r in lived], [r for r in roles if r not in lived]
