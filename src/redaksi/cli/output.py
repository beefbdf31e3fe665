"""CLI: the only module that prints. Data goes to stdout; messages and errors to stderr."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Mapping
from typing import Any

from redaksi.errors import RedaksiError
from redaksi.messages import detect_language, render


class Output:
    """Speaks to the person at the terminal (or the script) in the newsroom's language."""

    def __init__(self, language: str | None = None) -> None:
        self.language = detect_language(language)

    def text(self, key: str, **params: Any) -> str:
        return render(key, self.language, params)

    def say(self, key: str, **params: Any) -> None:
        """A message for the person: stderr, so stdout stays clean for data."""
        print(self.text(key, **params), file=sys.stderr)

    def data(self, line: str) -> None:
        print(line)

    def for_scripts(self, value: str) -> None:
        """A value only a script needs (a whole commit id, a path) on stdout, in a pipe only.

        A person at a terminal already reads it in the message that follows; twice is noise.
        """
        if not sys.stdout.isatty():
            print(value)

    def json(self, value: Mapping[str, Any]) -> None:
        print(json.dumps(value, ensure_ascii=False, indent=2))

    def error(self, err: RedaksiError) -> None:
        """One line: where (file:line:col), what is wrong and what to do."""
        where = ""
        if err.file:
            where = err.file
            if err.line:
                where += f":{err.line}" + (f":{err.column}" if err.column else "")
            where += ": "
        line = f"redaksi: {where}{self.text(err.key, **err.params)}"
        print(_one_line(line), file=sys.stderr)


def _one_line(text: str) -> str:
    """Control characters a person typed (a newline in a name) shown, never obeyed."""
    return "".join(c if c.isprintable() or c == " " else repr(c)[1:-1] for c in text)


def safe(text: str) -> str:
    """Text from a file or a person, made harmless for a terminal.

    Escape sequences and other control characters are shown as escapes, never sent: a title
    cannot drive the terminal of the editor who lists it.
    """
    return _one_line(text)


def refuse_unsafe_arguments(arguments: list[str]) -> None:
    """Refuse command-line values that are not UTF-8 or hold control characters (exit 2).

    Line breaks and tabs aside, what is refused here never reaches a file, a commit or a screen.
    """
    from redaksi.errors import UsageError

    for argument in arguments:
        if any("\udc80" <= c <= "\udcff" for c in argument):
            raise UsageError(
                "cli.not_utf8",
                argument=_one_line(argument.encode("utf-8", "backslashreplace").decode()),
            )
        if any((c < " " and c not in "\n\t") or "\x7f" <= c <= "\x9f" for c in argument):
            raise UsageError("cli.control", argument=_one_line(argument))


def interactive(no_input: bool) -> bool:
    """Prompts only for a person at a terminal: never with --no-input, in CI, or in a pipe."""
    if no_input or os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        return False
    return sys.stdin.isatty() and sys.stdout.isatty()


def show_progress() -> bool:
    """A progress bar only on a terminal, never in CI or a pipe."""
    return sys.stderr.isatty() and not os.environ.get("CI") and not os.environ.get("NO_PROGRESS")


def program() -> str:
    """How to run this redaksi again: ``redaksi`` if that is on PATH, else its whole path.

    A fresh ``.venv`` is not on PATH, and a hint that says ``redaksi`` would not work there.
    """
    import shutil
    from pathlib import Path

    argv0 = sys.argv[0] if sys.argv and sys.argv[0] else ""
    running = (
        Path(argv0).absolute() if "/" in argv0 else Path(shutil.which(argv0) or "redaksi-none")
    )
    on_path = shutil.which("redaksi")
    if running.name == "redaksi" and running.is_file():
        if on_path and Path(on_path).resolve() == running.resolve():
            return "redaksi"
        return str(running)
    return "redaksi" if on_path else f"{Path(sys.executable).absolute()} -m redaksi"
