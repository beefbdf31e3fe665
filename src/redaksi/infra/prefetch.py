"""Infra: start git's scan of articles/ before Python has finished starting.

``redaksi list`` and ``redaksi validate`` spend most of a warm run waiting for two things:
Python importing the CLI (about 100 ms) and git comparing every tracked article with the
index (about 100 ms at 100,000 articles). Started first, the git scan runs on the other core
while the imports happen. This is the only module-level state in redaksi: one process handle,
taken once.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Sequence
from pathlib import Path

_started: dict[Path, tuple[tuple[str, ...], subprocess.Popen[bytes]]] = {}


STRICT = ("-c", "core.checkStat=default", "-c", "core.trustCtime=true")
"""Compare every stat field git keeps, whatever the repository says: with ``checkStat=minimal``
a same-size edit within the same second is invisible to git, and so would be to redaksi."""


def diff_files(root: Path, scope: Sequence[str] = ("articles",)) -> subprocess.Popen[bytes]:
    """A running ``git diff-files`` over articles/ (never rewriting the index)."""
    env = {**os.environ, "GIT_OPTIONAL_LOCKS": "0"}
    return subprocess.Popen(
        ["git", *STRICT, "diff-files", "--name-only", "-z", "--", *scope],
        cwd=root,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
    )


def start(cwd: Path) -> None:
    """Start the scan for the repository around ``cwd``, if there is one."""
    for folder in (cwd, *cwd.parents):
        if (folder / ".git").exists():
            if (folder / "redaksi.yaml").is_file():
                with contextlib.suppress(OSError):  # no git: the command will say so itself
                    _started[folder] = (("articles",), diff_files(folder))
            return


def take(root: Path, scope: Sequence[str] = ("articles",)) -> subprocess.Popen[bytes]:
    """The scan started for ``root`` (over ``scope``), or a new one."""
    started = _started.pop(root, None)
    if started is not None:
        if started[0] == tuple(scope):
            return started[1]
        started[1].communicate()  # started for another scope: reap it, start the right one
    return diff_files(root, scope)
