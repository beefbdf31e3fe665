"""CLI: tab completion of article slugs (``redaksi --install-completion`` sets it up).

It runs on every press of Tab, so it reads nothing but file names: the slugs under
``articles/<YYYY>/<MM>/`` that start with what was typed.
"""

from __future__ import annotations

import os
from pathlib import Path

ARTICLE_COMMANDS = frozenset(
    [
        "submit",
        "approve",
        "reject",
        "publish",
        "correct",
        "retract",
        "unschedule",
        "embargo",
        "reassign",
        "discard",
        "edit",
        "diff",
        "show",
        "log",
    ]
)
"""Commands whose first argument is an article (``tests/cli/test_help.py`` keeps this true)."""


def complete_article(incomplete: str) -> list[str]:
    """The slugs that start with ``incomplete`` in the newsroom around the current folder."""
    from redaksi.errors import RedaksiError
    from redaksi.infra import store
    from redaksi.infra.git import find_root

    try:
        root = find_root(Path.cwd())
    except RedaksiError:
        return []
    if "/" in incomplete:
        return []  # a path: the shell completes files itself
    return sorted({path.stem for path in store.files_starting(root, incomplete)})


def fast_bash() -> bool:
    """Answer bash's request for a slug from file names alone, before Typer (and pydantic) load.

    Only the common case: ``redaksi COMMAND <Tab>`` where COMMAND takes an article. Anything
    else (commands, options, other shells) goes the whole way through Typer.
    """
    import shlex

    if os.environ.get("_REDAKSI_COMPLETE") != "complete_bash":
        return False
    try:
        words = shlex.split(os.environ.get("COMP_WORDS", ""))
        current = int(os.environ.get("COMP_CWORD", ""))
    except ValueError:
        return False
    if current != 2 or len(words) < 2 or words[1] not in ARTICLE_COMMANDS:
        return False
    incomplete = words[2] if len(words) > 2 else ""
    if incomplete.startswith("-"):
        return False
    found = complete_article(incomplete)
    if found:
        print("\n".join(found))
    return True
