"""CLI: ``redaksi demo``: watch one story go from draft to published, in a throwaway newsroom."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    @app.command("demo", help="help.demo")
    def demo_command(
        folder: Annotated[
            Path | None, typer.Argument(help="help.demo.folder", metavar="help.mv.folder")
        ] = None,
        language: Annotated[
            str | None, typer.Option("--language", help="help.demo.language")
        ] = None,
    ) -> None:
        """Build a throwaway newsroom and walk one article from draft to published, then log it."""
        import tempfile

        from redaksi.cli.commands.reading import print_log
        from redaksi.cli.output import Output, program
        from redaksi.config import load
        from redaksi.errors import UsageError
        from redaksi.infra import git
        from redaksi.services import demo
        from redaksi.services.reading import log

        out = Output(language)
        if folder is None:
            folder = Path(tempfile.mkdtemp(prefix="redaksi-demo-"))
        elif folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
            raise UsageError("demo.not_empty", path=str(folder))
        folder = folder.absolute()
        out.say("demo.intro", path=str(folder))
        root, slug = demo.run(folder, out.language, lambda key, params: out.say(key, **params))
        newsroom = load(root)
        with git.Repository(root) as repo:
            _, steps = log(root, repo, slug)
        print_log(out, steps, newsroom.zone)
        out.say("demo.outro", path=str(folder), slug=slug, program=program())
