"""CLI: the only module that imports questionary. Asks; never decides.

Every word questionary would add itself ("(Use arrow keys)", "Cancelled by user") comes from
the catalogue instead. Ctrl-C or Ctrl-D at a prompt is a KeyboardInterrupt: ``cli/app.py``
ends it with exit 130, and nothing has been written yet.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from redaksi.cli.output import Output


def _ask(question: Any) -> str:
    value = question.unsafe_ask()  # raises KeyboardInterrupt instead of printing English
    if value is None:  # Ctrl-D
        raise KeyboardInterrupt
    return str(value)


def text(
    label: str,
    default: str = "",
    validate: Callable[[str], bool | str] | None = None,
) -> str:
    import questionary

    return _ask(questionary.text(f"{label}:", default=default, validate=validate))


def required_text(out: Output, label: str) -> str:
    """A text that may not be empty: an empty answer is asked again, never refused."""
    return text(label, validate=lambda value: bool(value.strip()) or out.text("prompt.empty"))


def select(
    out: Output,
    label: str,
    choices: Sequence[str | tuple[str, str]],
    default: str | None = None,
) -> str:
    """One of ``choices``: values, or (value, what it means) pairs shown as "value: meaning"."""
    import questionary

    shown = [
        questionary.Choice(f"{c[0]}: {c[1]}", value=c[0]) if isinstance(c, tuple) else c
        for c in choices
    ]
    question = questionary.select(
        f"{label}:",
        choices=shown,
        default=default,
        instruction=out.text("prompt.arrows"),
    )
    return _ask(question)


def confirm(out: Output, label: str) -> bool:
    """Yes or no, no by default (for what cannot be undone); both words in the catalogue.

    A two-way select rather than questionary's confirm, which echoes an English "Yes"/"No".
    """
    no, yes = out.text("prompt.no"), out.text("prompt.yes")
    return select(out, label, [no, yes], default=no) == yes
