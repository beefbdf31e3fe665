"""Core: what verify reads from an article's bytes, beyond its parsed front matter.

Two things parsed data cannot show: how a key is spelled (verify finds photo users and id
holders by searching the archive's text, so those must be written as redaksi writes them), and
whether a step that may carry no edits left every other byte alone (a comment is no data, but
it is a change to a story on the record).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from redaksi.core.article import FormatProblem, lines, split

_PLAIN_PHOTO = re.compile(r"^photo:", re.MULTILINE)
_NAMES = {"#": "comments", "---": "body"}
_KEY = re.compile(r"""(?:"[^"\n]*"|'[^'\n]*'|[^\s#\-\[\]{},"'?][^:\n]*?)[ \t]*:(?:[ \t]|\r?\n|$)""")
"""A top-level key's line; a flow list or a quoted string may go on at the margin without one."""


def hidden_keys(raw: bytes, front: Mapping[str, Any]) -> list[str]:
    """``photo`` or ``id`` when written so that a search of the text would not find them."""
    text = raw.decode("utf-8", "replace")
    hidden = []
    if "photo" in front and not _PLAIN_PHOTO.search(text):
        hidden.append("photo")
    ident = front.get("id")
    if isinstance(ident, str) and ident not in text:
        hidden.append("id")
    return hidden


def changed_keys(old: bytes, new: bytes, may: set[str]) -> list[str]:
    """The keys whose bytes changed (``comments``, ``body``: fences and body), but ``may``."""
    before, after = segments(old), segments(new)
    if before is None or after is None:
        return []
    changed = sorted(k for k in {*before, *after} - may if before.get(k) != after.get(k))
    return [_NAMES.get(k, k) for k in changed]


def segments(raw: bytes) -> dict[str, str] | None:
    """The front matter's text by top-level key, its comment lines apart, and the body.

    A key's segment is its line and every line under it, as written; comment lines at the
    margin are kept together under ``#``, and the body under ``---``. None for a file that is
    not an article. verify compares these to see that a step changed no byte but its own.
    """
    try:
        parts = split(raw.decode("utf-8"))
    except (UnicodeDecodeError, FormatProblem):
        return None
    found: dict[str, list[str]] = {"#": [], "---": [parts.head, parts.closing, parts.body]}
    key = ""
    for line in lines(parts.front):
        if line.startswith("#"):
            found["#"].append(line)
            continue
        if _KEY.match(line):  # anything else at the margin continues the key above
            key = line.split(":", 1)[0]
        found.setdefault(key, []).append(line)
    return {name: "".join(text) for name, text in found.items()}
