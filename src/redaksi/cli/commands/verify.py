"""CLI: ``redaksi verify``: hold every commit of a pull request to the workflow (CI runs this)."""

from __future__ import annotations

from typing import Annotated

import typer

from redaksi.cli.report import Format


def register(app: typer.Typer) -> None:
    @app.command("verify", help="help.verify")
    def verify_command(
        base: Annotated[str, typer.Option("--base", help="help.verify.base")],
        head: Annotated[str, typer.Option("--head", help="help.verify.head")] = "HEAD",
        output_format: Annotated[
            Format, typer.Option("--format", help="help.opt.format_report")
        ] = Format.text,
    ) -> None:
        """Check every commit in BASE..HEAD that touches articles/. Exit 1 on problems."""
        from pathlib import Path

        from redaksi.cli.commands.common import warn_uncommitted_config
        from redaksi.cli.output import Output
        from redaksi.cli.report import emit
        from redaksi.config import find_newsroom_root
        from redaksi.infra import git
        from redaksi.infra.store import configured_language
        from redaksi.services.verify import verify

        root = find_newsroom_root(Path.cwd())
        out = Output(configured_language(root))
        warn_uncommitted_config(root, out)
        with git.Repository(root) as repo:
            report = verify(root, repo, base, head)
        extra = {"commits": report.commits, "transitions": report.transitions}
        emit(out, report.problems, output_format, extra, "redaksi verify")
        if report.problems:
            out.say("verify.failed", count=len(report.problems), commits=report.commits)
            raise typer.Exit(1)
        if output_format is not Format.json:
            out.say("verify.ok", commits=report.commits, transitions=report.transitions)
