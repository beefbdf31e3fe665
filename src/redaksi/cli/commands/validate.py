"""CLI: ``redaksi validate``: check articles, redaksi.yaml and the schema (CI runs this)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from redaksi.cli.report import Format


def register(app: typer.Typer) -> None:
    @app.command("validate", help="help.validate")
    def validate_command(
        paths: Annotated[
            list[Path] | None, typer.Argument(help="help.validate.paths", metavar="help.mv.paths")
        ] = None,
        output_format: Annotated[
            Format, typer.Option("--format", help="help.opt.format_report")
        ] = Format.text,
        changed_since: Annotated[
            str | None,
            typer.Option("--changed-since", help="help.validate.changed_since"),
        ] = None,
    ) -> None:
        """Check every article (or those named), redaksi.yaml and the schema. Exit 1 on problems."""
        from redaksi.cli.commands.common import warn_uncommitted_config
        from redaksi.cli.output import Output
        from redaksi.cli.progress import Bar
        from redaksi.cli.report import emit
        from redaksi.config import find_newsroom_root
        from redaksi.infra.store import configured_language
        from redaksi.services.validate import validate

        root = find_newsroom_root(Path.cwd())
        out = Output(configured_language(root))
        warn_uncommitted_config(root, out)
        bar = Bar(out.text("validate.progress"))
        try:
            report = validate(root, paths or None, bar, since=changed_since)
        finally:
            bar.finish()
        emit(out, report.problems, output_format, {"checked": report.checked}, "redaksi validate")
        if report.problems:
            out.say(
                "validate.failed",
                count=len(report.problems),
                files=report.files_with_problems,
                checked=report.checked,
            )
            raise typer.Exit(1)
        if output_format is not Format.json:
            out.say("validate.ok", checked=report.checked)
