"""Infra: what redaksi remembers under ``.git/redaksi/``, and the rule that keeps it harmless.

Everything kept there is derived from the repository and safe to delete. A kept file that is
damaged or of the wrong shape (a crash mid-write on an odd filesystem, a hand edit, an older
redaksi) must never turn into a wrong answer or an error that stays: the work is done again
without it, and the damaged files are removed.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

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
