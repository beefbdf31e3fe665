"""CLI: ``redaksi release``: publish the scheduled stories that are due (CI's cron runs it)."""

from __future__ import annotations

from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    @app.command("release", help="help.release")
    def release_command(
        push: Annotated[
            bool | None,
            typer.Option("--push/--no-push", help="help.release.push"),
        ] = None,
    ) -> None:
        """Publish every scheduled story that is due, oldest first, one commit each.

        Safe to run as often as a cron likes; exit 3 if a due story could not be released.
        """
        from redaksi.cli.commands.common import open_newsroom
        from redaksi.infra import clock, git
        from redaksi.services.release import release

        newsroom, out = open_newsroom()
        now = clock.now()
        with git.Repository(newsroom.root) as repo:
            outcome = release(newsroom, repo, now, push=newsroom.push if push is None else push)
        for due, commit in outcome.released:
            out.for_scripts(commit)
            out.say(
                "release.done",
                title=due.title,
                path=due.rel,
                by=due.by,
                when=due.publish_at,
                commit=commit[:7],
            )
        for due, err in outcome.skipped:
            out.say("release.skipped", path=due.rel, detail=out.text(err.key, **err.params))
        for due, err in outcome.failed:
            out.say("release.could_not", path=due.rel, detail=out.text(err.key, **err.params))
        if outcome.failed:
            paths = ", ".join(due.rel for due, _ in outcome.failed)
            out.say("release.failed", count=len(outcome.failed), paths=paths)
            raise typer.Exit(3)
        if not outcome.released and not outcome.skipped:
            stamp = now.astimezone(newsroom.zone).isoformat(timespec="minutes")
            out.say("release.none", scheduled=outcome.scheduled, now=stamp)
