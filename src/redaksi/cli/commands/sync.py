"""CLI: ``redaksi sync``: push the steps taken offline, dropping those another desk overtook."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from redaksi.cli.output import Output
    from redaksi.services.desks import Landing


def report(out: Output, landing: Landing) -> None:
    """Tell what a push or sync dropped, and whether this clone could follow."""
    for dropped in landing.dropped:
        out.say(
            "sync.dropped",
            subject=dropped.subject,
            commit=dropped.commit[:7],
            by=dropped.by,
            status=dropped.status,
        )
    if landing.behind:
        out.say("remote.behind")


def register(app: typer.Typer) -> None:
    @app.command("sync")
    def sync_command() -> None:
        """Replay steps committed offline onto the remote; drop those that no longer apply."""
        from redaksi.cli.commands.common import open_newsroom
        from redaksi.infra import git
        from redaksi.services.desks import sync

        newsroom, out = open_newsroom()
        with git.Repository(newsroom.root) as repo:
            landing = sync(newsroom, repo)
        report(out, landing)
        if landing.commit:
            out.data(landing.commit)
            out.say("sync.pushed", commit=landing.commit[:7])
        elif not landing.dropped:
            out.say("sync.nothing")
