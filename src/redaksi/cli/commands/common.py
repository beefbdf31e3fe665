"""CLI: what every command needs: the newsroom it runs in, and how to speak there."""

from __future__ import annotations

from pathlib import Path

from redaksi.cli.output import Output
from redaksi.config import Newsroom, find_newsroom_root, load


def open_newsroom() -> tuple[Newsroom, Output]:
    """The newsroom around the current folder, and an Output in its language."""
    newsroom = load(find_newsroom_root(Path.cwd()))
    return newsroom, Output(newsroom.language)
