"""A framework's earlier versions and how their answers carry into the current one.

When a statement is split, merged or retired, a framework gets a new version and a migration
map: for each earlier version, its statement ids, which of them became which new ids, and the
statements added with no earlier answer to carry. An answers file written for an earlier
version is read through the map: each answer carried to the new ids, statements new since
then left without an answer (scoring counts them as unsure and says so). The file itself is
never changed. As in models.py, no pydantic here: the loader validates the map.
"""

# Annotations are objects, not text: dataclasses matches text ones with regexes at each start.

from collections.abc import Collection, Mapping, Sequence
from dataclasses import field
from typing import Annotated, Any, TypeVar

from coprod_cli.errors import PathError
from coprod_cli.i18n import _
from coprod_cli.plain import record
from coprod_cli.rules import Id, MinLen, Strict, Text

T = TypeVar("T")
_ADDED = ""  # where a new statement's (absent) answer came from


@record
class IdChange(Strict):
    """One earlier statement id and the ids its answer is carried to."""

    id: Id
    to: Annotated[tuple[Id, ...], MinLen(1)] = field(metadata={
        "description": "The new statement ids an answer to the earlier one is carried to."})


@record
class Migration(Strict):
    """How answers written for one earlier version reach the next."""

    from_version: Text = field(metadata={"alias": "from", "description":
                                         "The earlier version, as its answers files knew it."})
    to: Text = field(metadata={"description": "The version it leads to: the next migration's "
                               "'from', or the framework's own version for the last one."})
    statements: Annotated[tuple[Id, ...], MinLen(1)] = field(metadata={
        "description": "Every statement id of the earlier version. An id that is neither "
        "changed nor retired keeps its answer as it is."})
    changes: tuple[IdChange, ...] = field(default=(), metadata={
        "description": "Earlier ids that the next version no longer has, each with the new "
        "ids its answer is carried to."})
    added: tuple[Id, ...] = field(default=(), metadata={
        "description": "New statements no earlier answer is carried to: an earlier file has "
        "no answer for them yet."})
    wordings: dict[Id, tuple[Text, ...]] = field(default_factory=dict, metadata={
        "description": "Earlier id -> its wordings in that version (text, plain), for "
        "statements retired or reworded since: a form export headed with them is read."})

    def moved(self) -> dict[str, tuple[str, ...]]:
        return {change.id: change.to for change in self.changes}


@record
class Carried(Strict):
    """What reading one file through the map did."""

    from_version: Text
    through_map: tuple[IdChange, ...] = ()  # the earlier ids answered, and where they went
    no_answer_yet: tuple[Id, ...] = ()  # new statements the file has no answer for


def check(version: str, statement_ids: Sequence[str],
          migrations: Sequence[Migration]) -> None:
    """The map is a chain ending at `version`, and complete: every earlier id is carried or
    changed, every target exists, and every current statement is reached or added."""
    for index, migration in enumerate(migrations):
        last = index == len(migrations) - 1
        following = version if last else migrations[index + 1].from_version
        where = ("migrations", index)
        if migration.to != following:
            raise PathError(
                (*where, "to"),
                _("this migration leads to {to}, but the next version is {following}").format(
                    to=migration.to, following=following
                ),
                _("write 'to: \"{following}\"'").format(following=following),
            )
        next_ids = statement_ids if last else migrations[index + 1].statements
        _check_step(where, migration, list(next_ids))


def _check_step(where: tuple[str | int, ...], migration: Migration, next_ids: list[str]) -> None:
    _check_changes(where, migration, next_ids)
    moved = migration.moved()
    for s_index, sid in enumerate(migration.statements):
        if sid not in moved and sid not in next_ids:
            raise PathError(
                (*where, "statements", s_index),
                _("'{sid}' is gone from version {to} but not listed under 'changes'").format(
                    sid=sid, to=migration.to
                ),
                _("say where its answers go under 'changes'"),
            )
    for sid in migration.wordings:
        if sid not in migration.statements:
            raise PathError(
                (*where, "wordings", sid),
                _("'{sid}' is not a statement of version {from_version}").format(
                    sid=sid, from_version=migration.from_version
                ),
                _("correct the id"),
            )
    reached = (set(migration.statements) - set(moved)) | {
        target for targets in moved.values() for target in targets}
    for a_index, sid in enumerate(migration.added):
        if sid in reached or sid not in next_ids:
            raise PathError(
                (*where, "added", a_index),
                _("'{sid}' is not a new statement of version {to}").format(
                    sid=sid, to=migration.to
                ),
                _("list only statements that no earlier answer reaches"),
            )
    unreached = [sid for sid in next_ids if sid not in reached and sid not in migration.added]
    if unreached:
        raise PathError(
            (*where, "added"),
            _(
                "{join} of version {to} neither carries an earlier answer nor is listed as added"
            ).format(join=", ".join(unreached), to=migration.to),
            _("list it under 'added' or under a change's 'to'"),
        )


def _check_changes(where: tuple[str | int, ...], migration: Migration,
                   next_ids: list[str]) -> None:
    """Each change retires an id of the earlier version and carries it to ids of the next."""
    for c_index, change in enumerate(migration.changes):
        at = (*where, "changes", c_index)
        if change.id not in migration.statements:
            raise PathError(
                (*at, "id"),
                _("'{id}' is not a statement of version {from_version}").format(
                    id=change.id, from_version=migration.from_version
                ),
                _("list it under 'statements' or correct the id"),
            )
        if change.id in next_ids:
            raise PathError(
                (*at, "id"),
                _("'{id}' is still a statement of version {to}").format(
                    id=change.id, to=migration.to
                ),
                _(
                    "a changed id is retired: give the new "
                    "statements new ids, so old answers are never misread"
                ),
            )
        for t_index, target in enumerate(change.to):
            if target not in next_ids:
                raise PathError(
                    (*at, "to", t_index),
                    _("'{target}' is not a statement of version {to}").format(
                        target=target, to=migration.to
                    ),
                    _("correct the id"),
                )


def written_for(keys: Collection[str], declared: str | None, version: str,
                statement_ids: Collection[str],
                migrations: Sequence[Migration]) -> Migration | None:
    """The earlier version a file was written for (None: the current one). A file that names
    its version is read as that version; one that does not is current unless it answers a
    statement only an earlier version has, then the newest earlier version that has them all."""
    if declared is not None:
        return next((m for m in migrations if m.from_version == declared), None) \
            if declared != version else None
    if all(key in statement_ids for key in keys):
        return None
    return next((m for m in reversed(migrations) if set(keys) <= set(m.statements)), None)


def carry(answers: Mapping[str, T | None], start: Migration,
          migrations: Sequence[Migration]) -> tuple[dict[str, T | None], Carried]:
    """Answers of an earlier version carried through each step of the map to the current one,
    and what that did. New statements get no answer (None)."""
    steps = list(migrations)[list(migrations).index(start):]
    current: dict[str, Any] = dict(answers)
    origin: dict[str, str] = {sid: sid for sid in current}  # each id -> the earlier id answered
    for step in steps:
        moved = step.moved()
        following: dict[str, Any] = {sid: None for sid in step.added}
        came_from: dict[str, str] = dict.fromkeys(step.added, _ADDED)
        for sid, value in current.items():
            for target in moved.get(sid, (sid,)):
                if following.get(target) is None:
                    following[target], came_from[target] = value, origin[sid]
        current, origin = following, came_from
    through: dict[str, list[str]] = {}
    for sid, first in origin.items():
        if first not in (sid, _ADDED) and current[sid] is not None:
            through.setdefault(first, []).append(sid)
    return current, Carried(
        from_version=start.from_version,
        through_map=tuple(IdChange(id=old, to=tuple(new)) for old, new in through.items()),
        no_answer_yet=tuple(sid for sid, first in origin.items() if first == _ADDED))
