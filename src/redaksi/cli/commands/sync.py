"""CLI: ``redaksi sync``: push the steps taken offline, dropping those another desk overtook."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from redaksi.cli.output import Output
    from redaksi.services.desks import Landing


def report(out: Output, landing: Landing, *, pushed: bool = True) -> None:
    """Name each earlier step that went up, was already there or was dropped; and the clone."""
    done = landing.replay
    if done is not None:
        for step in done.already:
            out.say("sync.already", subject=step.subject, commit=step.commit[:7])
        for step in done.replayed:
            out.say("sync.replayed", subject=step.subject, commit=step.commit[:7])
            if step.renamed:
                old, new, by = step.renamed
                out.say("sync.renamed", old=old, new=new, by=by)
        for dropped in done.dropped:
            out.say(
                dropped.key, subject=dropped.subject, commit=dropped.commit[:7], **dropped.params
            )
    if landing.behind:
        out.say("remote.behind" if pushed else "sync.behind")


def register(app: typer.Typer) -> None:
    @app.command("sync", help="help.sync")
    def sync_command() -> None:
        """Push the steps you took offline; drop those another desk overtook."""
        from redaksi.cli.commands.common import open_newsroom
        from redaksi.infra import git
        from redaksi.services.desks import sync

        newsroom, out = open_newsroom()
        with git.Repository(newsroom.root) as repo:
            landing = sync(newsroom, repo)
        report(out, landing, pushed=landing.commit is not None)
        if landing.commit:
            out.data(landing.commit)
            out.say("sync.pushed", commit=landing.commit[:7])
        elif not landing.behind and not (landing.replay and landing.replay.dropped):
            out.say("sync.nothing")
