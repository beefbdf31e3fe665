"""Core: the fast way to read front matter that is plain text and lists (libyaml via PyYAML).

Most articles hold only strings, lists and mappings. For those, libyaml reads about twenty
times faster than ruamel.yaml's round-trip loader. This reader answers only when it is sure
to agree with :mod:`redaksi.core.yamlio` (the exact reader): anything else (numbers, booleans,
anchors, tags, duplicate keys, deep nesting, text it cannot parse) returns None, and the
caller reads the file the exact way, which also explains what is wrong and where.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from redaksi.core.yamlio import MAX_DEPTH

_STR = "tag:yaml.org,2002:str"
_NULL = "tag:yaml.org,2002:null"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_VALUE = "tag:yaml.org,2002:value"
_TEXT_AS_VALUE = frozenset({"tag:yaml.org,2002:merge", _VALUE})
"""``<<`` and ``=`` resolve to YAML 1.1's merge and value tags; as values both are plain text
to the exact reader too, and so is ``=`` as a key. (A merge key goes to the exact reader,
which refuses it.)"""
_BAIL_CHARS = ("&", "*", "!", "\t", "\x85", "\u2028", "\u2029")
"""Anchors, aliases, tags and the line separators libyaml breaks lines at (YAML 1.1) go to the
exact reader, which refuses them with a position."""


@dataclass(frozen=True)
class Fast:
    """Plain data and the 0-based (line, column) of each top-level value."""

    data: dict[str, Any]
    where: dict[str, tuple[int, int]]


@cache
def _loader() -> Any:
    """A libyaml loader resolving plain scalars exactly as the exact reader (YAML 1.2) does."""
    import yaml
    from ruamel.yaml.resolver import implicit_resolvers

    if not getattr(yaml, "__with_libyaml__", False):
        return None

    class Resolver(yaml.resolver.BaseResolver):  # type: ignore[misc]  # PyYAML has no hints
        yaml_implicit_resolvers: dict[str, list[tuple[str, Any]]] = {}  # noqa: RUF012  (PyYAML's own class table)

    for versions, tag, regexp, first in implicit_resolvers:
        if (1, 2) in versions and not tag.endswith(":timestamp"):  # timestamps stay text
            Resolver.add_implicit_resolver(tag, regexp, first)

    from yaml.cyaml import CParser

    class Loader(CParser, yaml.constructor.SafeConstructor, Resolver):  # type: ignore[misc]
        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            yaml.constructor.SafeConstructor.__init__(self)
            Resolver.__init__(self)

    return Loader


def _plain(node: Any, depth: int, seen: set[int]) -> Any:
    """The node as plain data, or raise LookupError where the exact reader must decide."""
    if depth > MAX_DEPTH or id(node) in seen:
        raise LookupError
    seen.add(id(node))
    tag = node.tag
    if tag == _STR or tag in _TEXT_AS_VALUE:
        return node.value
    if tag == _NULL:
        return None
    if tag == _SEQ:
        return [_plain(item, depth + 1, seen) for item in node.value]
    if tag == _MAP:
        result: dict[str, Any] = {}
        for key, value in node.value:
            if key.tag not in (_STR, _VALUE) or key.value in result:
                raise LookupError  # a number as a key, a merge key, a duplicate
            result[key.value] = _plain(value, depth + 1, seen)
        return result
    raise LookupError  # numbers, booleans, merge keys: leave them to the exact reader


def load(front: str) -> Fast | None:
    """The front matter as plain data with value positions, or None: use the exact reader."""
    loader_class = _loader()
    if loader_class is None or any(c in front for c in _BAIL_CHARS):
        return None
    if front.count("[") + front.count("{") > MAX_DEPTH:
        return None  # libyaml's composer recurses: keep pathological nesting away from it
    import yaml

    loader = loader_class(front)
    try:
        node = loader.get_single_node()
        if node is None or node.tag != _MAP:
            return None
        data = _plain(node, 0, set())
        where = {
            key.value: (value.start_mark.line, value.start_mark.column) for key, value in node.value
        }
    except (yaml.YAMLError, LookupError, RecursionError, ValueError):
        return None
    finally:
        loader.dispose()
    return Fast(data, where)
