"""CLI: ``redaksi init``: make a newsroom of the current git repository."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from redaksi.cli.output import Output
    from redaksi.services.ci import Change


def register(app: typer.Typer) -> None:
    @app.command("init", help="help.init")
    def init_command(
        name: Annotated[str | None, typer.Option("--name", help="help.init.name")] = None,
        timezone: Annotated[
            str | None, typer.Option("--timezone", help="help.init.timezone")
        ] = None,
        language: Annotated[
            str | None,
            typer.Option("--language", help="help.init.language"),
        ] = None,
        ci: Annotated[str | None, typer.Option("--ci", help="help.init.ci")] = None,
        no_input: Annotated[bool, typer.Option("--no-input", help="help.opt.no_input")] = False,
    ) -> None:
        """Make a newsroom of this git repository: redaksi.yaml, schemas/, articles/, one commit."""
        from redaksi.cli import prompts
        from redaksi.cli.output import Output, interactive
        from redaksi.config import CONFIG_FILE
        from redaksi.errors import RefusedError
        from redaksi.infra import git
        from redaksi.infra.store import configured_language
        from redaksi.services import ci as ci_service
        from redaksi.services import init as service

        root = git.find_root(Path.cwd())
        if ci is not None:
            ci_service.check_kind(ci)  # an unknown kind is a usage error before anything is written
        if (root / CONFIG_FILE).exists():
            if ci is None:
                raise RefusedError("repo.newsroom_exists", path=CONFIG_FILE)
            _said(Output(language or configured_language(root)), ci_service.update(root, ci))
            return
        install = ci_service.install_argument(None) if ci is not None else ""
        out = Output(language)
        if interactive(no_input):
            name = name or prompts.text(out.text("prompt.newsroom"), default=root.name)
            timezone = timezone or prompts.text(
                out.text("prompt.timezone"), default=service.DEFAULT_TIMEZONE
            )
            language = language or prompts.select(
                out, out.text("prompt.language"), ["id", "en"], default="id"
            )
        request = service.InitRequest(
            name=name or root.name,
            timezone=timezone or service.DEFAULT_TIMEZONE,
            language=language or "id",
        )
        with git.Repository(root) as repo:
            service.init(root, repo, request)
            if ci is not None:
                _said(Output(request.language), ci_service.write(root, repo, ci, install))
        done = Output(request.language)
        done.say("init.done", name=request.name, config=CONFIG_FILE)
        done.say("init.four_eyes")


def _said(out: Output, changes: list[Change]) -> None:
    for change in changes:
        out.say(f"ci.{change.state}", path=change.rel)
    if any(change.state == "created" for change in changes):
        out.say("ci.done")
