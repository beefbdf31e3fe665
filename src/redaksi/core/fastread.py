"""Core: the fast way to read front matter that is plain text and lists (libyaml via PyYAML).

Most articles hold only strings, lists and mappings. For those, libyaml reads about twenty
times faster than ruamel.yaml's round-trip loader. This reader answers only when it is sure
to agree with :mod:`redaksi.core.yamlio` (the exact reader): anything else (numbers, booleans,
anchors, tags, duplicate keys, deep nesting, text it cannot parse) returns None, and the
caller reads the file the exact way, which also explains what is wrong and where.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import cache
from typing import Any

from redaksi.core.yamlio import MAX_DEPTH

_STR = "tag:yaml.org,2002:str"
_NULL = "tag:yaml.org,2002:null"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_VALUE = "tag:yaml.org,2002:value"
_KEY_TAGS = (_STR, _VALUE)
_TEXT_AS_VALUE = frozenset({"tag:yaml.org,2002:merge", _VALUE})
"""``<<`` and ``=`` resolve to YAML 1.1's merge and value tags; as values both are plain text
to the exact reader too, and so is ``=`` as a key. (A merge key goes to the exact reader,
which refuses it.)"""
BAIL_CHARS = "&*!\t\x85\u2028\u2029"
"""Anchors, aliases, tags and the line separators libyaml breaks lines at (YAML 1.1) go to the
exact reader, which refuses them with a position (tabs: YAML's rules for them differ too)."""
_BAIL = re.compile(f"[{re.escape(BAIL_CHARS)}]")


@dataclass(frozen=True)
class Fast:
    """Plain data and the 0-based (line, column) of each top-level value."""

    data: dict[str, Any]
    where: dict[str, tuple[int, int]]


@cache
def _loader() -> Any:
    """A libyaml composer resolving plain scalars exactly as the exact reader (YAML 1.2) does.

    Only nodes are built (no Python objects are constructed from them), and the resolver is
    a lean one: redaksi registers no path resolvers, so none of PyYAML's bookkeeping for them.
    """
    import yaml
    from ruamel.yaml.resolver import implicit_resolvers

    if not getattr(yaml, "__with_libyaml__", False):
        return None
    from yaml.cyaml import CParser
    from yaml.nodes import ScalarNode, SequenceNode

    table: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
    for versions, tag, regexp, first in implicit_resolvers:
        if (1, 2) in versions and not tag.endswith(":timestamp"):  # timestamps stay text
            compiled = re.compile(regexp.pattern, regexp.flags)  # not ruamel's lazy proxy
            for char in first:
                table.setdefault(char, []).append((tag, compiled))

    class Loader(CParser):  # type: ignore[misc]  # PyYAML has no hints
        def resolve(self, kind: Any, value: str, implicit: tuple[bool, bool]) -> str:
            if kind is ScalarNode:
                if implicit[0]:
                    for tag, regexp in table.get(value[:1], ()):
                        if regexp.match(value):
                            return tag
                return _STR
            return _SEQ if kind is SequenceNode else _MAP

        def descend_resolver(self, parent: Any, index: Any) -> None:
            return None

        def ascend_resolver(self) -> None:
            return None

    return Loader


def _plain(node: Any, depth: int) -> Any:
    """The node as plain data, or raise LookupError where the exact reader must decide.

    No alias can reach here (``*`` and ``&`` send the text to the exact reader), so the node
    graph is a tree; scalars inside collections are read in place, without a call each.
    """
    if depth > MAX_DEPTH:
        raise LookupError
    tag = node.tag
    if tag == _SEQ:
        items = []
        for item in node.value:
            if item.tag == _STR:
                items.append(item.value)
            else:
                items.append(_plain(item, depth + 1))
        return items
    if tag == _MAP:
        result: dict[str, Any] = {}
        for key, value in node.value:
            name = key.value
            if key.tag not in _KEY_TAGS or name in result:
                raise LookupError  # a number as a key, a merge key, a duplicate
            result[name] = value.value if value.tag == _STR else _plain(value, depth + 1)
        return result
    if tag == _STR or tag in _TEXT_AS_VALUE:
        return node.value
    if tag == _NULL:
        return None
    raise LookupError  # numbers, booleans: leave them to the exact reader


def load(front: str, positions: Collection[str] | None = None) -> Fast | None:
    """The front matter as plain data with value positions, or None: use the exact reader.

    ``positions`` names the top-level keys whose positions are wanted (default: all).
    """
    loader_class = _loader()
    if loader_class is None or _BAIL.search(front):
        return None
    if front.count("[") + front.count("{") > MAX_DEPTH:
        return None  # libyaml's composer recurses: keep pathological nesting away from it
    import yaml

    loader = loader_class(front)
    try:
        node = loader.get_single_node()
        if node is None or node.tag != _MAP:
            return None
        data = _plain(node, 0)
        where = {
            key.value: (value.start_mark.line, value.start_mark.column)
            for key, value in node.value
            if positions is None or key.value in positions
        }
    except (yaml.YAMLError, LookupError, RecursionError, ValueError):
        return None
    finally:
        loader.dispose()
    return Fast(data, where)
