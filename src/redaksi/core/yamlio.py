"""Core: the one safe way redaksi reads YAML, and the one way it writes a value.

Reading is ruamel.yaml round-trip, hardened: anchors and aliases (alias bombs), merge keys
(``<<``), custom tags (object construction) and deep nesting are refused before anything walks
the data; duplicate keys are errors; timestamps stay the strings that were written, so an
unquoted date is checked as text instead of crashing. The line separators U+0085, U+2028 and
U+2029 are refused where they stand: YAML 1.1 readers (libyaml) break lines at them, YAML 1.2
readers do not, and ruamel.yaml does either depending on where they are, so one file would
mean different things to different tools. Positions are kept (``.lc``) so problems can name
line and column.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.composer import Composer
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import AliasEvent, NodeEvent
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode
from ruamel.yaml.representer import RoundTripRepresenter

MAX_DEPTH = 32
"""Deepest nesting accepted in front matter or config; real articles use three levels."""

_MERGE = "tag:yaml.org,2002:merge"
LINE_SEPARATORS = re.compile("[\x85\u2028\u2029]")
"""Characters some YAML readers take for line breaks and others for text."""

_ALLOWED_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "map", "seq")
)


class YamlProblem(Exception):
    """YAML that redaksi will not read; ``line`` and ``column`` are 0-based in the given text."""

    def __init__(self, key: str, line: int, column: int, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.line = line
        self.column = column
        self.params = params


class _GuardedComposer(Composer):
    """Refuses aliases, anchors and non-standard tags while the node graph is built."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.parser.peek_event()
        mark = event.start_mark
        if isinstance(event, AliasEvent) or (
            isinstance(event, NodeEvent) and event.anchor is not None
        ):
            raise YamlProblem("yaml.alias", mark.line, mark.column)
        tag = getattr(event, "tag", None)
        if tag is not None and str(tag) not in _ALLOWED_TAGS and str(tag) != "!":
            raise YamlProblem("yaml.tag", mark.line, mark.column, tag=str(tag))
        node = super().compose_node(parent, index)
        if isinstance(node, MappingNode):
            for key, _ in node.value:
                mark = key.start_mark
                if not isinstance(key, ScalarNode):  # ? [a]: a list as a key cannot be hashed
                    raise YamlProblem("yaml.complex_key", mark.line, mark.column)
                if str(key.tag) == _MERGE:  # YAML 1.1's merge: keys that have no line of their own
                    raise YamlProblem("yaml.merge", mark.line, mark.column)
        return node


def _line_separator(text: str) -> YamlProblem | None:
    found = LINE_SEPARATORS.search(text)
    if found is None:
        return None
    start = found.start()
    line = text.count("\n", 0, start)
    column = start - (text.rfind("\n", 0, start) + 1)
    return YamlProblem("yaml.line_separator", line, column, char=f"U+{ord(found.group()):04X}")


class _TextTimestamps(RoundTripConstructor):
    """Keeps timestamps as the text that was written (validated later as RFC 3339)."""

    def construct_yaml_timestamp(self, node: Node, values: Any = None) -> Any:
        return self.construct_scalar(node)


_TextTimestamps.add_constructor(
    "tag:yaml.org,2002:timestamp", _TextTimestamps.construct_yaml_timestamp
)


def _reader() -> YAML:
    yaml = YAML(typ="rt")
    yaml.Composer = _GuardedComposer
    yaml.Constructor = _TextTimestamps
    yaml.max_depth = MAX_DEPTH
    yaml.allow_duplicate_keys = False
    return yaml


def load_mapping(text: str) -> CommentedMap:
    """Parse ``text`` as one YAML mapping, or raise :class:`YamlProblem` with its position."""
    separator = _line_separator(text)
    if separator is not None:
        raise separator
    try:
        data = _reader().load(text)
    except YamlProblem:
        raise
    except MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, column = (mark.line, mark.column) if mark else (0, 0)
        if "maximum depth" in str(err.problem or ""):
            raise YamlProblem("yaml.depth", line, column, limit=MAX_DEPTH) from None
        if type(err).__name__ == "DuplicateKeyError":
            raise YamlProblem("yaml.duplicate", line, column, detail=err.problem) from None
        raise YamlProblem("yaml.syntax", line, column, detail=err.problem or str(err)) from None
    except (YAMLError, ValueError, RecursionError, LookupError) as err:
        # ruamel raises a plain ValueError for impossible values such as 2024-02-31, and an
        # IndexError for some it resolves as numbers but cannot build ("-_").
        detail = (str(err).splitlines() or [type(err).__name__])[0]
        raise YamlProblem("yaml.syntax", 0, 0, detail=detail) from None
    if not isinstance(data, CommentedMap):
        raise YamlProblem("yaml.not_mapping", 0, 0)
    return data


def to_plain(value: Any) -> Any:
    """Turn loaded YAML into plain JSON-like Python (dict, list, str, int, float, bool, None)."""
    if isinstance(value, Mapping):
        return {str(k): to_plain(v) for k, v in value.items()}
    if isinstance(value, Sequence) and not isinstance(value, str):
        return [to_plain(v) for v in value]
    if hasattr(value, "tag") and hasattr(value, "value"):  # an explicitly tagged scalar
        return str(value.value)
    if isinstance(value, bool):
        return bool(value)
    if isinstance(value, str):
        return str(value)
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    return value


def position(
    root: CommentedMap, path: Sequence[str | int], *, key: bool = False
) -> tuple[int, int]:
    """0-based (line, column) of the value at ``path`` (or of its key), as near as the data knows.

    A path that does not exist (a missing required key) resolves to its deepest existing parent.
    """
    node: Any = root
    where = (root.lc.line, root.lc.col)
    for step in path:
        if isinstance(node, CommentedMap) and step in node:
            line, col = node.lc.key(step) if key and step == path[-1] else node.lc.value(step)
            where = (line, col)
            if not key or step != path[-1]:
                # A block mapping or sequence value starts on the next line: point at its key.
                child = node[step]
                key_line, key_col = node.lc.key(step)
                if isinstance(child, CommentedMap | CommentedSeq) and child.lc.line != key_line:
                    where = (key_line, key_col)
            node = node[step]
        elif isinstance(node, CommentedSeq) and isinstance(step, int) and 0 <= step < len(node):
            where = node.lc.item(step)
            node = node[step]
        else:
            break
    return where


def walk_keys(root: CommentedMap) -> Iterator[tuple[str, int, int]]:
    """Every top-level key with its 0-based line and column, in file order."""
    for k in root:
        line, col = root.lc.key(k)
        yield str(k), line, col


class _Timestamp(str):
    """A string written as a plain YAML timestamp (no quotes), as SPEC shows them."""

    __slots__ = ()


def timestamp(text: str) -> str:
    """Mark an RFC 3339 string so :func:`dump_entry` writes it unquoted."""
    return _Timestamp(text)


def _writer(flow: bool, quote: bool) -> YAML:
    yaml = YAML(typ="rt")
    yaml.width = 4096  # never fold a long title across lines
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.default_flow_style = None if flow else False  # None: leaf collections in flow style
    if quote:
        yaml.default_style = '"'  # type: ignore[assignment]  # ruamel declares it None-only
    yaml.representer.add_representer(
        _Timestamp,
        lambda rep, value: rep.represent_scalar("tag:yaml.org,2002:timestamp", str(value)),
    )
    yaml.representer.add_representer(type(None), RoundTripRepresenter.represent_none)
    return yaml


# From the most readable to the most literal. ruamel's emitter can write text it cannot read
# back (a flow-style name such as "?0"), so each result is re-read and checked before use.
_WRITERS = (_writer(True, False), _writer(False, False), _writer(False, True))


def dump_entry(key: str, value: Any) -> str:
    """YAML text of one top-level ``key: value`` entry, LF line endings, ending in a newline."""
    expected = {key: to_plain(value)}
    text = ""
    for writer in _WRITERS:
        out = io.StringIO()
        outer = CommentedMap([(key, value)])
        outer.fa.set_block_style()  # only leaf collections go in flow style
        writer.dump(outer, out)
        text = out.getvalue()
        try:
            if to_plain(load_mapping(text)) == expected:
                return text
        except YamlProblem:
            continue
    raise ValueError(f"cannot write {key!r} as YAML that reads back the same")


def dump_flow_item(value: Mapping[str, Any]) -> str:
    """One mapping as a single flow-style line, for appending to a block sequence."""
    text = dump_entry("x", [dict(value)])
    item = text.split("- ", 1)[1].rstrip("\n")
    if "\n" in item:  # the flow form did not read back: quote every value instead
        item = "{" + ", ".join(f"{k}: {_quoted(v)}" for k, v in value.items()) + "}"
    return item


def _quoted(value: Any) -> str:
    import json

    return (
        str(value)
        if isinstance(value, _Timestamp)
        else json.dumps(to_plain(value), ensure_ascii=False)
    )
