"""Core: the fast way to write new front matter of plain shape (the mirror of fastread).

:func:`redaksi.core.yamlio.dump_entry` writes any value and proves each line by reading it back
with ruamel.yaml, a few milliseconds a key: right for one transition, too slow for an import
of ten thousand articles. This writer covers only what new articles hold (strings,
timestamps, lists of strings, flat mappings, lists of flat mappings), writes in the same
style, and quotes every string that is not plainly a string to both YAML readers (YAML 1.2
for ruamel, 1.1 for libyaml): anything that could be a number, a boolean, a date or markup.
Tests prove that both readers give back exactly what was written.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9 .,'()/@+_-]*")
_PLAIN_IN_FLOW = re.compile(r"[A-Za-z][A-Za-z0-9 .'()/@+_-]*")
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}:\d{2}|Z)")
_WORDS_11 = frozenset({"y", "n", "yes", "no", "on", "off", "true", "false", "null"})
"""Plain words YAML 1.1 (libyaml) reads as booleans or null."""


class Stamp(str):
    """A string to write as a plain YAML timestamp (no quotes), as SPEC shows times."""

    __slots__ = ()


def _escape(char: str) -> str:
    code = ord(char)
    if char in ('"', "\\"):
        return "\\" + char
    if code < 0x20 or code == 0x7F or 0x80 <= code <= 0x9F:
        return f"\\x{code:02x}"
    if code in (0x2028, 0x2029, 0xFEFF) or 0xD800 <= code <= 0xDFFF or code in (0xFFFE, 0xFFFF):
        return f"\\u{code:04x}"
    return char


def scalar(value: str, *, flow: bool = False) -> str:
    """One string as YAML: plain where both readers read it as that string, else quoted."""
    if (isinstance(value, Stamp) and _TIMESTAMP.fullmatch(value)) or _UUID.fullmatch(value):
        return str(value)
    pattern = _PLAIN_IN_FLOW if flow else _PLAIN
    if (
        pattern.fullmatch(value)
        and not value.endswith(" ")
        and value.lower() not in _WORDS_11
        and " #" not in value
    ):
        return value
    return '"' + "".join(_escape(c) for c in value) + '"'


def _flow_mapping(value: Mapping[str, Any]) -> str:
    return "{" + ", ".join(f"{k}: {scalar(v, flow=True)}" for k, v in value.items()) + "}"


def entry(key: str, value: Any) -> str:
    """``key: value`` as YAML text ending in a newline, in the style redaksi writes."""
    if isinstance(value, str):
        return f"{key}: {scalar(value)}\n"
    if isinstance(value, Mapping):
        return f"{key}: {_flow_mapping(value)}\n"
    if isinstance(value, Sequence) and all(isinstance(v, Mapping) for v in value) and value:
        return f"{key}:\n" + "".join(f"  - {_flow_mapping(v)}\n" for v in value)
    if isinstance(value, Sequence):
        return f"{key}: [" + ", ".join(scalar(v, flow=True) for v in value) + "]\n"
    raise TypeError(f"cannot write {type(value).__name__} for {key!r}")


def front_matter(entries: Sequence[tuple[str, Any]]) -> str:
    """The YAML between an article's fences, one entry per key, in the order given."""
    return "".join(entry(key, value) for key, value in entries)
