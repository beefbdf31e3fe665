"""CLI: a progress bar for long reads (validate, list), on a terminal only."""

from __future__ import annotations

import sys
from typing import Any

PROGRESS_FROM = 200
"""Show a progress bar (on a terminal) only when there are at least this many files to read."""


class Bar:
    """A progress bar on stderr that appears only for long runs on a terminal.

    Given to the catalog as its ``Progress``: it is told how many articles must be read, and
    each one (or each batch from a worker process) as it is done. A warm run reads none and
    shows nothing.
    """

    def __init__(self, label: str) -> None:
        self.label = label
        self.bar: Any = None

    def start(self, total: int) -> None:
        from redaksi.cli.output import show_progress

        if total >= PROGRESS_FROM and show_progress():
            import typer

            self.bar = typer.progressbar(length=total, label=self.label, file=sys.stderr)
            self.bar.__enter__()

    def advance(self, count: int = 1) -> None:
        if self.bar is not None:
            self.bar.update(count)

    def finish(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None
