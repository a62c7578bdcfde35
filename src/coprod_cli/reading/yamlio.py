"""Safe YAML reading: size, encoding, duplicate keys and aliases refused, errors located."""

from __future__ import annotations

import re
from typing import Any, ClassVar

import yaml

from coprod_cli.errors import FileProblem, InvalidData, Location
from coprod_cli.i18n import _
from coprod_cli.reading.paths import MAX_BYTES as MAX_BYTES  # moved there: no YAML needed
from coprod_cli.reading.paths import _line_col
from coprod_cli.reading.paths import decode as decode
from coprod_cli.reading.paths import open_regular as open_regular
from coprod_cli.reading.paths import read_bytes as read_bytes

MAX_DEPTH = 50  # libyaml composes recursively in C: a very deep document would crash it
_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Refused(Exception):
    """A YAML feature coprod refuses, found while constructing Python objects."""

    def __init__(self, mark: yaml.Mark | None, what: str, fix: str) -> None:
        super().__init__(what)
        self.mark, self.what, self.fix = mark, what, fix


_CORE = "tag:yaml.org,2002:"
_TAGS = {f"{_CORE}{name}" for name in ("str", "int", "float", "bool", "null", "seq", "map",
                                        "timestamp")}
_READ_AS = {"int": "a whole number", "float": "a number", "bool": "true or false",
            "timestamp": "a date (YYYY-MM-DD)", "null": "an empty value", "str": "text",
            "seq": "a list", "map": "keys and values"}
_NULLS = ("", "~", "null", "Null", "NULL")
_NODE_KIND = {f"{_CORE}seq": yaml.SequenceNode, f"{_CORE}map": yaml.MappingNode}
_PLAIN_INT = re.compile(r"-?(0|[1-9][0-9]{0,17})")


class StrictRules(yaml.constructor.SafeConstructor):
    """PyYAML's safe constructor without duplicate keys, aliases, keys that are lists or
    mappings, unusual tags or numbers in unusual forms; whatever a constructor throws is
    refused where it was. A loader puts it before a parser (`StrictLoader`)."""

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        if node in self.constructed_objects:
            # The same node met twice is an alias (*name): refuse before it can multiply.
            raise _Refused(node.start_mark, _("YAML aliases (*name) and anchors (&name) are not "
                           "allowed"), _("write each value out in full"))
        if node.tag not in _TAGS:
            tag = node.tag.replace(_CORE, "!!")
            raise _Refused(
                node.start_mark,
                _("the YAML tag '{tag}' is not used in coprod files").format(tag=tag),
                _("remove the tag and write the value plainly"),
            )
        if not isinstance(node, _NODE_KIND.get(node.tag, yaml.ScalarNode)) or (
                node.tag == f"{_CORE}null" and node.value not in _NULLS):
            raise _unreadable(node, ValueError(node.value))
        try:
            return super().construct_object(node, deep=deep)
        except (_Refused, yaml.YAMLError, RecursionError):
            raise
        except Exception as error:  # a constructor's own ValueError, KeyError, IndexError...
            raise _unreadable(node, error) from error

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> Any:
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            _check_key(key_node, value_node, seen)
            seen[key_node.value] = key_node.start_mark.line + 1
        return super().construct_mapping(node, deep=deep)

    def construct_plain_int(self, node: yaml.ScalarNode) -> int:
        """Digits only: 0x3, +3, 03, 0b11, 1_0 and 0:3 are refused, not read as numbers."""
        value = str(self.construct_scalar(node))
        if _PLAIN_INT.fullmatch(value):
            return int(value)
        if value.lstrip("-").isdigit() and len(value) > 18:
            what = _("'{value}' has too many digits").format(value=_short(value))
        elif re.fullmatch(r"[-+]?[0-9][0-9a-fA-FxXoObB_:]*", value):
            what = _("'{value}' is a number written in a form coprod does not read").format(
                value=value)
        else:
            what = _("'{value}' is not a whole number").format(value=_short(value))
        raise _Refused(node.start_mark, what, _("write plain digits, like 3 (an answer is 0-3 or "
                       "a level word such as intermediate), or quote it if it is text"))

    yaml_constructors: ClassVar[dict[str | None, Any]] = {
        **yaml.constructor.SafeConstructor.yaml_constructors,
        f"{_CORE}int": construct_plain_int}


class StrictLoader(StrictRules, _BaseLoader):  # type: ignore[misc]
    """The strict rules on PyYAML's safe loader, the C one (libyaml) when it is present."""


def _check_key(key: yaml.Node, value: yaml.Node, seen: dict[str, int]) -> None:
    """Refuse a key that is not plain, given twice, or a merge key ('<<'): a merge hides keys
    that a reader of the file cannot see where they take effect, and coprod's files never
    need one."""
    if not isinstance(key, yaml.ScalarNode):
        raise _Refused(key.start_mark, _("a key written as a list or as keys and values"),
                       _("write the key as plain text"))
    if key.value in seen:
        raise _Refused(
            key.start_mark,
            _("duplicate key '{value}' (first given on line {seen})").format(
                value=key.value, seen=seen[key.value]
            ),
            _("keep only one of them"),
        )
    if key.tag == f"{_CORE}merge":
        raise _Refused(key.start_mark, _("'<<' (a YAML merge key) is not read in coprod's files"),
                       _("write each key and value out in full, or quote '<<' if it is a key"))


def _unreadable(node: yaml.Node, error: Exception) -> _Refused:
    """A value its tag cannot make sense of: `2026-02-30`, `!!int abc`, `!!float ''`..."""
    kind = node.tag.replace(_CORE, "")
    given = f"'{_short(str(node.value))}'" if isinstance(node, yaml.ScalarNode) \
        else _READ_AS["seq" if isinstance(node, yaml.SequenceNode) else "map"]
    if kind == "timestamp" and re.fullmatch(r"\d{4}-\d\d?-\d\d?", str(node.value)):
        return _Refused(node.start_mark, _("{given} is not a date that exists").format(given=given),
                        _("write a real date as YYYY-MM-DD, like 2026-11-23"))
    return _Refused(
        node.start_mark,
        _("{given} cannot be read as {get}").format(given=given, get=_READ_AS.get(kind, kind)),
        _(
            "correct the value, or remove the '!!{kind}' tag (or quote the value) if it is text"
        ).format(kind=kind),
    )


def _short(text: str) -> str:
    return text if len(text) <= 40 else text[:37] + "..."


def _may_nest_deeply(text: str) -> bool:
    """A cheap upper bound on the nesting depth; only a file over it is checked exactly.

    Each block level needs an indent, a '- ' or a '? ' (a mapping's sequence may share its
    indent, hence the factor of two) and each flow level a bracket; an explicit key ('? ')
    may also nest within a line, so every '?' counts.
    """
    flow = text.count("[") + text.count("{") + text.count("?")
    if flow > MAX_DEPTH:
        return True
    block = max((len(line) - len(line.lstrip(" -?")) for line in text.splitlines()), default=0)
    return flow + 2 * block + 2 > MAX_DEPTH


def _check_depth(text: str, name: str) -> None:
    """Refuse documents nested more than MAX_DEPTH deep, reading events (never recursive).

    PyYAML's own parser reads the events, not libyaml: libyaml scans up to 1,024 characters
    ahead and, from PyYAML 6.0.4, refuses a deep file in its own words before coprod's limit
    is reached, so the line a user sees would change with the release installed.
    """
    depth = 0
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                raise InvalidData(
                    _("the YAML is nested more than {MAX_DEPTH} levels deep").format(
                        MAX_DEPTH=MAX_DEPTH
                    ),
                    _("coprod files are shallow; check the brackets and indentation"),
                    _where(name, event.start_mark),
                )
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            depth -= 1


def parse(text: str, name: str) -> Any:
    """The YAML document as plain Python values, with every refusal located."""
    try:
        if _may_nest_deeply(text):
            _check_depth(text, name)
        document = yaml.load(text, Loader=StrictLoader)
    except _Refused as refused:
        raise InvalidData(refused.what, refused.fix, _where(name, refused.mark)) from None
    except yaml.MarkedYAMLError as error:
        from coprod_cli.reading.yamlerrors import syntax_error

        raise syntax_error(error, text, name) from None
    except yaml.reader.ReaderError as error:
        # libyaml gives the offset in bytes of the UTF-8 text, PyYAML's own reader in characters
        at = error.position if _BaseLoader is not yaml.SafeLoader else \
            len(text[:error.position].encode())
        line, column = _line_col(text.encode("utf-8"), at)
        character = error.character if isinstance(error.character, int) else 0
        raise InvalidData(
            _("a control character (U+{character:04X}) YAML does not allow").format(
                character=character
            ),
            _("remove it (inside double quotes YAML can write it as \\x..)"),
            Location(name, line, column),
        ) from None
    except (yaml.YAMLError, ValueError, TypeError, KeyError, IndexError, AttributeError):
        # Whatever else PyYAML throws, outside any one value: its words would change with
        # the release, and a Python type name means nothing to the person fixing the file.
        raise InvalidData(_("the YAML cannot be read"), _("check the file's indentation, tags and "
                          "structure against 'coprod template'"), Location(name)) from None
    if document is None:
        raise FileProblem(_("the file has no content, only comments"),
                          _("fill it in, or start from 'coprod template'"), Location(name))
    return document


def _where(name: str, mark: Any) -> Location:
    """A location from a PyYAML mark (Python or C), lines and columns from 1."""
    if mark is None:
        return Location(name)
    return Location(name, mark.line + 1, mark.column + 1)


def locate(text: str, name: str, path: tuple[str | int, ...], *, key: bool = False) -> Location:
    """The line and column of the value at `path` (or of its key), as far as it exists."""
    try:
        node = yaml.compose(text, Loader=_BaseLoader)
    except yaml.YAMLError:
        return Location(name)
    mark = node.start_mark if node is not None else None
    for depth, part in enumerate(path, start=1):
        if isinstance(node, yaml.MappingNode):
            pair = next(((k, v) for k, v in node.value if k.value == str(part)), None)
            if pair is None:
                break
            mark = pair[0].start_mark if key and depth == len(path) else pair[1].start_mark
            node = pair[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) \
                and 0 <= part < len(node.value):
            node = node.value[part]
            mark = node.start_mark
        else:
            break
    return _where(name, mark)
