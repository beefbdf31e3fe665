"""CLI: ``redaksi build`` and ``redaksi preview``: the reader's side."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    @app.command("build")
    def build_command(
        out: Annotated[Path, typer.Option("--out", help="Output folder [default: _site].")] = Path(
            "_site"
        ),
        now: Annotated[
            str | None,
            typer.Option(
                "--now", help="Build as of this RFC 3339 time [default: HEAD's commit time]."
            ),
        ] = None,
    ) -> None:
        """Write the public site from what is committed and published (SPEC: The reader's side)."""
        from redaksi.cli.commands.common import open_newsroom
        from redaksi.errors import UsageError
        from redaksi.services import site
        from redaksi.site.stories import moment

        newsroom, output = open_newsroom()
        when = None
        if now is not None:
            when = moment(now)
            if when is None:
                raise UsageError("build.bad_now", value=now)
        target = out if out.is_absolute() else Path.cwd() / out
        report = site.build(newsroom, target, when)
        for key, params in report.warnings:
            output.say(key, **params)
        output.say(
            "build.done",
            pages=report.pages,
            out=str(out),
            written=report.written,
            removed=report.removed,
            index=str(out / "index.html"),
        )
