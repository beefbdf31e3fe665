"""CLI: the console script. Starts git's scan early for the commands that need it."""

from __future__ import annotations

import os
import sys
from pathlib import Path

SCANNING = ("list", "validate")
QUICK_EXIT = ("build", "list", "validate")
"""Commands that read a whole newsroom and write only files they close: when one ends, its
interpreter is not torn down object by object (40 ms after a build of 10,000 articles)."""


def main() -> None:
    """Run redaksi (see :func:`redaksi.cli.app.main`)."""
    if "_REDAKSI_COMPLETE" in os.environ:
        from redaksi.cli.completion import fast_bash

        if fast_bash():
            return
    if len(sys.argv) > 1 and sys.argv[1] in SCANNING and "--changed-since" not in sys.argv:
        from redaksi.infra import prefetch

        prefetch.start(Path.cwd().absolute())
    from redaksi.cli.app import main as run

    if len(sys.argv) < 2 or sys.argv[1] not in QUICK_EXIT:
        run()
        return
    try:
        run()
    except SystemExit as done:
        _quick_exit(done)
        raise


def _quick_exit(done: SystemExit) -> None:
    """End the process now with ``done``'s status, as Python would but for freeing its memory.

    What a normal exit must still do is done: the exit handlers run (a temporary file
    removed), then what is buffered for the terminal or a pipe is written. With another
    thread still running, a profiler or debugger watching, a failed flush, or a status that
    is not a number, Python's own exit is left to it.
    """
    import atexit
    import threading

    finish = getattr(atexit, "_run_exitfuncs", None)
    watched = sys.getprofile() is not None or sys.gettrace() is not None
    if finish is None or threading.active_count() > 1 or watched:
        return  # (a profiler or debugger writes what it saw after the command returns)
    status = 0 if done.code is None else done.code
    if not isinstance(status, int):
        return
    finish()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError, AttributeError):  # (a closed stream is None)
        return  # (Python's own exit says so, as it always has)
    os._exit(status)
