"""Core: how a story changed, word by word (what the editor did to the reporter's text).

Text is split into words, runs of spaces and single marks of punctuation, and compared as
sequences; the result is a list of pieces, each kept, deleted or inserted. Newlines are kept
as they are, so paragraphs stay paragraphs.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

_TOKEN = re.compile(r"\s+|\w+|[^\w\s]")

KEPT, DELETED, INSERTED = "=", "-", "+"


@dataclass(frozen=True)
class Piece:
    kind: str
    text: str


def tokens(text: str) -> list[str]:
    """Words, whitespace runs and punctuation marks; joined, they give ``text`` back."""
    return _TOKEN.findall(text)


def compare(old: str, new: str) -> list[Piece]:
    """The pieces that turn ``old`` into ``new``, in order; adjacent pieces of a kind merged."""
    a, b = tokens(old), tokens(new)
    pieces: list[Piece] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            _add(pieces, KEPT, "".join(a[i1:i2]))
            continue
        if op in ("delete", "replace"):
            _add(pieces, DELETED, "".join(a[i1:i2]))
        if op in ("insert", "replace"):
            _add(pieces, INSERTED, "".join(b[j1:j2]))
    return pieces


def _add(pieces: list[Piece], kind: str, text: str) -> None:
    if not text:
        return
    if pieces and pieces[-1].kind == kind:
        pieces[-1] = Piece(kind, pieces[-1].text + text)
    else:
        pieces.append(Piece(kind, text))


def changed(pieces: list[Piece]) -> bool:
    return any(p.kind != KEPT for p in pieces)
