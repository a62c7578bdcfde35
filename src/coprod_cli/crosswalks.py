"""A crosswalk: which statements of one framework stand for each statement of another, so one
set of answers can be scored through several frameworks (`coprod score --through`).

A crosswalk reads one way, from the framework the answers are for to the one they are scored
through (`nef-to-scie.yaml`); the other way is a file of its own, because "these NEF
statements stand for this SCIE statement" is a judgement about the SCIE statement, which the
same link read backwards does not make. Every statement of the target framework is either
mapped (from one or more source statements, each mapping with a note saying why its meaning
matches) or listed as not covered (with a note saying what nothing in the source asks).

The rule (`lowest`): a person's answer to a target statement is the lowest of their answers to
the statements it is mapped from, their unsure answers left out (unsure when all are). A
target statement is mapped from several only when it asks for all of them at once, so it is
met only as far as the weakest of them is. A statement nothing covers gets no answer at all:
neither unsure nor not-yet, and every result names it.
"""

from __future__ import annotations

from dataclasses import field
from typing import Annotated, Literal

from coprod_cli.errors import PathError, did_you_mean
from coprod_cli.i18n import N_, _
from coprod_cli.plain import record
from coprod_cli.rules import Id, MinLen, Strict, Text, no_repeats

Rule = Literal["lowest"]
FOLDER = "crosswalks"  # inside frameworks/: not read as frameworks


@record
class Side(Strict):
    """A framework a crosswalk reads from or to, at the version its statement ids are of."""

    framework: Id
    version: Text


@record
class Mapping(Strict):
    """One statement of the target framework and the source statements that stand for it."""

    to: Id = field(metadata={"description": "A statement id of the 'to' framework."})
    from_: Annotated[tuple[Id, ...], MinLen(1)] = field(metadata={
        "alias": "from", "description": "Statement ids of the 'from' framework that together "
        "stand for it: a person's answer to it is the lowest of their answers to these."})
    note: Text = field(metadata={"description": "Why their meaning matches: what the "
                                 "reviewer read on both sides (statements and rows)."})


@record
class NotCovered(Strict):
    """A statement of the target framework that nothing in the source asks about."""

    id: Id
    note: Text = field(metadata={"description": "What the source does not ask, in a line."})


@record
class Crosswalk(Strict):
    """Which statements of one framework stand for each statement of another."""

    id: Id
    name: Text
    from_: Side = field(metadata={"alias": "from"})
    to: Side
    rule: Rule = field(default="lowest", metadata={
        "description": "How several answers of one person become one: 'lowest', the lowest "
        "of their answers to the statements a target statement is mapped from, unsure left "
        "out (unsure when every one is)."})
    reviewed: Text = field(metadata={"description": "How the mappings' meaning was "
                                     "reviewed: by whom, against what, when."})
    mappings: Annotated[tuple[Mapping, ...], MinLen(1)]
    not_covered: tuple[NotCovered, ...] = field(default=(), metadata={
        "description": "Every statement of the 'to' framework that no mapping covers, each "
        "with why: it has no answer in a result through this crosswalk, and is named there."})

    def __post_init__(self) -> None:
        """Each target statement is mapped once or listed as not covered, never both."""
        seen: dict[str, str] = {}
        for index, mapping in enumerate(self.mappings):
            no_repeats(mapping.from_, ("mappings", index, "from"))
            self._once(seen, mapping.to, ("mappings", index, "to"), N_("mapped"))
        for index, item in enumerate(self.not_covered):
            self._once(seen, item.id, ("not_covered", index, "id"),
                       N_("listed as not covered"))

    @staticmethod
    def _once(seen: dict[str, str], sid: str, path: tuple[str | int, ...], how: str) -> None:
        if sid in seen:
            raise PathError(
                path,
                _("statement '{sid}' is {how} here and already {seen}").format(
                    sid=sid, how=_(how), seen=_(seen[sid])
                ),
                _("say once what stands for each statement of the 'to' framework"),
            )
        seen[sid] = how

    @property
    def covered(self) -> dict[str, tuple[str, ...]]:
        """Target statement id -> the source statement ids that stand for it."""
        return {mapping.to: mapping.from_ for mapping in self.mappings}

    def check(self, source: tuple[str, str, list[str]], target: tuple[str, str, list[str]]
              ) -> None:
        """Against the two frameworks (id, version, statement ids): the same frameworks and
        versions, every id known, every target statement mapped or listed as not covered.
        Raises a PathError at the first problem."""
        for key, side, (fid, version, _statements) in (("from", self.from_, source),
                                             ("to", self.to, target)):
            if side.framework != fid:
                raise PathError(
                    (key, "framework"),
                    _("this crosswalk is for '{framework}', not '{fid}'").format(
                        framework=side.framework, fid=fid
                    ),
                    _("name the framework the statements are of"),
                )
            if side.version != version:
                raise PathError(
                    (key, "version"),
                    _("written for {fid} {version}; coprod has {fid} {version2}").format(
                        fid=fid, version=side.version, version2=version
                    ),
                    _(
                        "review every mapping against the current statements, then write "
                        'version: "{version}"'
                    ).format(version=version),
                )
        for index, mapping in enumerate(self.mappings):
            _known(mapping.to, target, ("mappings", index, "to"))
            for at, sid in enumerate(mapping.from_):
                _known(sid, source, ("mappings", index, "from", at))
        for index, item in enumerate(self.not_covered):
            _known(item.id, target, ("not_covered", index, "id"))
        said = set(self.covered) | {item.id for item in self.not_covered}
        missing = [sid for sid in target[2] if sid not in said]
        if missing:
            raise PathError(("mappings",), _("nothing said for {count} statement(s) of "
                                             "'{framework}': {ids}").format(
                                count=len(missing), framework=target[0],
                                ids=", ".join(missing[:8]) + (", ..." if len(missing) > 8 else "")),
                            _("map each one from the statements that stand for it, or list it "
                            "under not_covered with a note saying why nothing does"))


def _known(sid: str, side: tuple[str, str, list[str]], path: tuple[str | int, ...]) -> None:
    if sid not in side[2]:
        raise PathError(
            path,
            _("'{side}' has no statement '{sid}'{did_you_mean}").format(
                side=side[0], sid=sid, did_you_mean=did_you_mean(sid, side[2])
            ),
            _("use an id listed by 'coprod show {side}'").format(side=side[0]),
        )
