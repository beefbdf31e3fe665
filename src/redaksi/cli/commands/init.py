"""CLI: ``redaksi init``: make a newsroom of the current git repository."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    @app.command("init")
    def init_command(
        name: Annotated[str | None, typer.Option("--name", help="The newsroom's name.")] = None,
        timezone: Annotated[
            str | None, typer.Option("--timezone", help="IANA time zone [default: Asia/Jakarta].")
        ] = None,
        language: Annotated[
            str | None,
            typer.Option("--language", help="Language of messages: id or en [default: id]."),
        ] = None,
        ci: Annotated[
            str | None, typer.Option("--ci", help="Also write a CI workflow: github or gitlab.")
        ] = None,
        no_input: Annotated[bool, typer.Option("--no-input", help="Never prompt.")] = False,
    ) -> None:
        """Make a newsroom of this git repository: redaksi.yaml, schemas/, articles/, one commit."""
        from redaksi.cli import prompts
        from redaksi.cli.output import Output, interactive
        from redaksi.config import CONFIG_FILE
        from redaksi.errors import RefusedError
        from redaksi.infra import git
        from redaksi.services import ci as ci_service
        from redaksi.services import init as service

        root = git.find_root(Path.cwd())
        if ci is not None:
            ci_service.render(ci)  # an unknown kind is a usage error before anything is written
        if (root / CONFIG_FILE).exists():
            if ci is None:
                raise RefusedError("repo.newsroom_exists", path=CONFIG_FILE)
            with git.Repository(root) as repo:
                rel = ci_service.write(root, repo, ci, commit=True)
            Output(language).say("ci.done", path=rel)
            return
        out = Output(language)
        if interactive(no_input):
            name = name or prompts.text(out.text("prompt.newsroom"), default=root.name)
            timezone = timezone or prompts.text(
                out.text("prompt.timezone"), default=service.DEFAULT_TIMEZONE
            )
            language = language or prompts.select(
                out.text("prompt.language"), ["id", "en"], default="id"
            )
        request = service.InitRequest(
            name=name or root.name,
            timezone=timezone or service.DEFAULT_TIMEZONE,
            language=language or "id",
        )
        with git.Repository(root) as repo:
            service.init(root, repo, request)
            if ci is not None:
                rel = ci_service.write(root, repo, ci, commit=True)
                Output(request.language).say("ci.done", path=rel)
        Output(request.language).say("init.done", name=request.name, config=CONFIG_FILE)
