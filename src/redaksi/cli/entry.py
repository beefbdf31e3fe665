"""CLI: the console script. Starts git's scan early for the commands that need it."""

from __future__ import annotations

import os
import sys
from pathlib import Path

SCANNING = ("list", "validate")


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

    run()
