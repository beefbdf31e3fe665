"""Errors (shared by every layer): each carries its exit code and a catalogue message.

Nothing below the CLI prints or exits; it raises one of these, and ``cli/app.py`` turns it
into one line in the newsroom's language and the contract's exit code.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any


class ExitCode(IntEnum):
    """The exit codes of the contract (SPEC: Exit codes; and Ctrl-C)."""

    OK = 0
    PROBLEMS = 1
    USAGE = 2
    REFUSED = 3
    REPOSITORY = 4
    INTERRUPTED = 130
    """Ctrl-C (SPEC: Output and exits), as shells report SIGINT."""


class RedaksiError(Exception):
    """A failure a person can act on: a catalogue key, its parameters, and where it happened."""

    exit_code = ExitCode.REPOSITORY

    def __init__(
        self,
        key: str,
        *,
        file: str | None = None,
        line: int | None = None,
        column: int | None = None,
        **params: Any,
    ) -> None:
        super().__init__(key)
        self.key = key
        self.file = file
        self.line = line
        self.column = column
        self.params = params

    def __str__(self) -> str:  # useful in logs and test failures; users see the catalogue text
        return f"{self.key} {self.params}"


class UsageError(RedaksiError):
    """A bad option, a missing value without a terminal, an unknown article."""

    exit_code = ExitCode.USAGE


class RefusedError(RedaksiError):
    """Not on staff, wrong role, illegal transition, or a result that would not validate."""

    exit_code = ExitCode.REFUSED


class RepositoryError(RedaksiError):
    """Not a git repository or newsroom, a held lock, a failed write or commit."""

    exit_code = ExitCode.REPOSITORY


class InputError(RefusedError):
    """A file that cannot be read as an article or config: it carries file, line and column."""


class Interrupted(RedaksiError):
    """Ctrl-C that came while a step was on its way, saying what had already happened."""

    exit_code = ExitCode.INTERRUPTED
