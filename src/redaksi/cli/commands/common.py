"""CLI: what every command needs: the newsroom it runs in, and how to speak there."""

from __future__ import annotations

from pathlib import Path

from redaksi.cli.output import Output
from redaksi.config import Newsroom, find_newsroom_root, load


def open_newsroom() -> tuple[Newsroom, Output]:
    """The newsroom around the current folder, and an Output in its language.

    If the last command here was killed midway, its article is first put back to one whole
    state, and the person is told what was found.
    """
    from redaksi.services.recovery import recover

    newsroom = load(find_newsroom_root(Path.cwd()))
    out = Output(newsroom.language)
    found = recover(newsroom.root)
    if found is not None:
        out.say(found.key, action=found.action, path=found.path)
        if found.lock:
            out.say("guard.stale_lock")
    return newsroom, out
