"""Infra: the person's text editor, found as git finds it, run on one file.

``VISUAL``, then ``EDITOR``, then what ``git var GIT_EDITOR`` names (``core.editor``, else git's
own default). The command is run through the shell, as git runs it, so ``code --wait`` or an
editor with flags works.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from redaksi.errors import UsageError
from redaksi.infra import git


def command(repo: git.Repository) -> str:
    """The editor command line to run."""
    for name in ("VISUAL", "EDITOR"):
        value = os.environ.get(name, "").strip()
        if value:
            return value
    code, out, _ = repo.run_raw("var", "GIT_EDITOR")
    return out.strip() if code == 0 and out.strip() else "vi"


def open_file(repo: git.Repository, path: Path) -> None:
    """Open ``path`` in the editor and wait for it to close; a failing editor is exit 2."""
    editor = command(repo)
    try:
        done = subprocess.run(["sh", "-c", f'{editor} "$@"', editor, str(path)], check=False)
    except OSError as err:
        raise UsageError("edit.failed", editor=editor, detail=str(err)) from None
    if done.returncode != 0:
        raise UsageError("edit.failed", editor=editor, detail=f"exit {done.returncode}")
