"""Infra: what redaksi remembers under ``.git/redaksi/``, and the rule that keeps it harmless.

Everything kept there is derived from the repository and safe to delete. A kept file that is
damaged or of the wrong shape (a crash mid-write on an odd filesystem, a hand edit, an older
redaksi) must never turn into a wrong answer or an error that stays: the work is done again
without it, and the damaged files are removed.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from redaksi.infra.guard import git_dir

T = TypeVar("T")
DAMAGE = (TypeError, ValueError, KeyError, IndexError, AttributeError, EOFError)
"""What reading a kept answer of the wrong shape raises."""


def folder(root: Path) -> Path:
    return git_dir(root) / "redaksi"


def without_damage(root: Path, call: Callable[[], T]) -> T:
    """``call()``; if it trips over a damaged kept answer, forget everything kept and redo it."""
    try:
        return call()
    except DAMAGE:
        kept = folder(root)
        if not kept.is_dir():
            raise
        shutil.rmtree(kept, ignore_errors=True)
        return call()


def write_pieces(path: Path, pieces: list[Any]) -> None:
    """Keep ``pieces`` in ``path``, whole or not at all (a cache: a failure only loses it).

    Each piece is marshalled after its length in 8 bytes, so only one piece's bytes are in
    memory at a time: a 100,000-article answer written in pieces of 20,000 never needs all
    its bytes at once.
    """
    temp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(exist_ok=True)
        with temp.open("wb") as out:
            for piece in pieces:
                blob = marshal.dumps(piece)
                out.write(len(blob).to_bytes(8, "little"))
                out.write(blob)
                del blob
        os.replace(temp, path)
    except (OSError, ValueError):
        with contextlib.suppress(OSError):
            temp.unlink()


def read_pieces(path: Path) -> list[Any]:
    """The pieces :func:`write_pieces` kept; OSError, or ValueError when damaged or cut short."""
    data = path.read_bytes()
    view, pieces, at = memoryview(data), [], 0
    while at < len(data):
        size = int.from_bytes(view[at : at + 8], "little")
        at += 8
        if size > len(data) - at:
            raise ValueError("cut short")
        pieces.append(marshal.loads(view[at : at + size]))
        at += size
    return pieces
