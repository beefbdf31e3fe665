"""CLI: ``redaksi photo``: set an article's photo (the image goes under media/, GPS removed)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    @app.command("photo", help="help.photo")
    def photo_command(
        article: Annotated[str, typer.Argument(help="help.photo.article")],
        image: Annotated[Path, typer.Argument(help="help.photo.image")],
        caption: Annotated[str | None, typer.Option("--caption", help="help.photo.caption")] = None,
        credit: Annotated[str | None, typer.Option("--credit", help="help.photo.credit")] = None,
    ) -> None:
        """Copy an image into media/ (location data removed) and set it as the article's photo."""
        from redaksi.cli.commands.common import open_newsroom
        from redaksi.errors import UsageError
        from redaksi.infra import git
        from redaksi.services.photo import place

        newsroom, out = open_newsroom()
        if not caption or not credit or not caption.strip() or not credit.strip():
            raise UsageError("photo.missing_caption")
        with git.Repository(newsroom.root) as repo:
            placed = place(newsroom, repo, article, image, caption.strip(), credit.strip())
        if placed.commit:
            out.data(placed.commit)
        out.say(
            "photo.done",
            file=placed.file,
            path=placed.rel,
            commit=placed.commit[:7] if placed.commit else out.text("photo.waits"),
        )
