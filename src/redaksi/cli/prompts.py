"""CLI: the only module that imports questionary. Asks; never decides."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from redaksi.errors import UsageError


def _answer(value: object) -> str:
    if value is None:  # Ctrl-C or Ctrl-D: questionary returns None
        raise UsageError("prompt.cancelled")
    return str(value)


def text(label: str, default: str = "", validate: Callable[[str], bool | str] | None = None) -> str:
    import questionary

    return _answer(questionary.text(f"{label}:", default=default, validate=validate).ask())


def select(label: str, choices: Sequence[str], default: str | None = None) -> str:
    import questionary

    return _answer(questionary.select(f"{label}:", choices=list(choices), default=default).ask())
