"""CLI: what every command needs: the newsroom it runs in, and how to speak there."""

from __future__ import annotations

from pathlib import Path

from redaksi.cli.output import Output
from redaksi.config import Newsroom, find_newsroom_root, load


def open_newsroom() -> tuple[Newsroom, Output]:
    """The newsroom around the current folder, and an Output in its language.

    Staff, roles and four-eyes are the committed ones (what ``verify`` sees in CI); while
    redaksi.yaml has uncommitted changes, the person is warned. If the last command here was
    killed midway, its article is first put back to one whole state, and the person is told.
    """
    from redaksi.infra import git
    from redaksi.services.recovery import recover
    from redaksi.services.staff import committed

    newsroom = load(find_newsroom_root(Path.cwd()))
    out = Output(newsroom.language)
    with git.Repository(newsroom.root) as repo:
        found = committed(newsroom, repo)
    if found.dirty:
        out.say("staff.config_uncommitted")
    found_recovery = recover(newsroom.root)
    if found_recovery is not None:
        out.say(found_recovery.key, action=found_recovery.action, path=found_recovery.path)
        if found_recovery.lock:
            out.say("guard.stale_lock")
    return found.newsroom, out


def warn_uncommitted_config(root: Path, out: Output) -> None:
    """For the commands that read the working tree as it is (validate, verify): warn only."""
    from redaksi.infra import git
    from redaksi.services.staff import config_dirty

    with git.Repository(root) as repo:
        if config_dirty(root, repo):
            out.say("staff.config_uncommitted")
