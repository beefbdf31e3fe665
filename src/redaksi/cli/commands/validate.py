"""CLI: ``redaksi validate``: check articles, redaksi.yaml and the schema (CI runs this)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

PROGRESS_FROM = 200
"""Show a progress bar (on a terminal) only when there are at least this many files."""


class Format(StrEnum):
    text = "text"
    json = "json"
    github = "github"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


class _Bar:
    """A progress bar on stderr that appears only for long runs on a terminal."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.bar: Any = None

    def start(self, total: int) -> None:
        from redaksi.cli.output import show_progress

        if total >= PROGRESS_FROM and show_progress():
            import sys

            self.bar = typer.progressbar(length=total, label=self.label, file=sys.stderr)
            self.bar.__enter__()

    def advance(self) -> None:
        if self.bar is not None:
            self.bar.update(1)

    def finish(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)


def register(app: typer.Typer) -> None:
    @app.command("validate")
    def validate_command(
        paths: Annotated[
            list[Path] | None, typer.Argument(help="Files or folders [default: all].")
        ] = None,
        output_format: Annotated[
            Format, typer.Option("--format", help="text, json or github.")
        ] = Format.text,
    ) -> None:
        """Check every article (or those named), redaksi.yaml and the schema. Exit 1 on problems."""
        from redaksi.cli.output import Output
        from redaksi.config import find_newsroom_root
        from redaksi.infra.store import configured_language
        from redaksi.services.validate import validate

        root = find_newsroom_root(Path.cwd())
        out = Output(configured_language(root))
        bar = _Bar(out.text("validate.progress"))
        try:
            report = validate(root, paths or None, bar)
        finally:
            bar.finish()
        rows = [(p, out.text(p.key, **p.params)) for p in report.problems]
        if output_format is Format.json:
            out.json(
                {
                    "errors": [
                        {
                            "file": p.file,
                            "line": p.line,
                            "column": p.column,
                            "rule": p.rule,
                            "message": m,
                        }
                        for p, m in rows
                    ],
                    "checked": report.checked,
                }
            )
        elif output_format is Format.github:
            for p, m in rows:
                where = f"file={_escape_property(p.file)},line={p.line},col={p.column}"
                out.data(
                    f"::error {where},title={_escape_property('redaksi ' + p.rule)}::"
                    + _escape_data(m)
                )
        else:
            for p, m in rows:
                out.data(f"{p.file}:{p.line}:{p.column}: {m} [{p.rule}]")
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
