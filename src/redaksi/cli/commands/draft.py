"""CLI: ``redaksi draft``: a reporter starts a story (prompts on a terminal, flags in scripts)."""

from __future__ import annotations

from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    @app.command("draft")
    def draft_command(
        title: Annotated[str | None, typer.Option("--title", help="The headline.")] = None,
        category: Annotated[
            str | None, typer.Option("--category", help="One of redaksi.yaml's categories.")
        ] = None,
        tag: Annotated[
            list[str] | None, typer.Option("--tag", help="A tag; repeat for more.")
        ] = None,
        dateline: Annotated[
            str | None, typer.Option("--dateline", help="Where the story happened.")
        ] = None,
        slug: Annotated[
            str | None, typer.Option("--slug", help="File name [default: from the title].")
        ] = None,
        embargo: Annotated[
            str | None,
            typer.Option(
                "--embargo", help="Nobody may publish it before: '2026-12-01 06:00' or RFC 3339."
            ),
        ] = None,
        push: Annotated[
            bool | None,
            typer.Option(
                "--push/--no-push",
                help="Commit on upstream and push [default: push in redaksi.yaml].",
            ),
        ] = None,
        no_input: Annotated[bool, typer.Option("--no-input", help="Never prompt.")] = False,
    ) -> None:
        """Start a new article as a draft: one file under articles/, one commit by you."""
        from redaksi.cli import prompts
        from redaksi.cli.commands.common import open_newsroom
        from redaksi.cli.output import interactive
        from redaksi.errors import RedaksiError, UsageError
        from redaksi.infra import clock, git
        from redaksi.services import draft as service
        from redaksi.services.people import authorize

        newsroom, out = open_newsroom()
        ask = interactive(no_input)

        def needed(value: str | None, option: str) -> str:
            if value is None:
                raise UsageError("draft.missing_option", option=option)
            return value

        with git.Repository(newsroom.root) as repo:
            reporter = authorize(newsroom, repo.identity().email, "reporter", "draft")
            if title is None and ask:
                title = prompts.text(
                    out.text("prompt.title"),
                    validate=lambda t: bool(t.strip()) or out.text("draft.empty_title"),
                )
            title = needed(title, "--title")
            if category is None and ask:
                category = prompts.select(out.text("prompt.category"), newsroom.categories)
            category = needed(category, "--category")
            tags = list(tag or [])
            if not tags and ask:
                tags = [
                    t.strip() for t in prompts.text(out.text("prompt.tags")).split(",") if t.strip()
                ]
            if dateline is None and ask:
                dateline = prompts.text(out.text("prompt.dateline")).strip() or None
            if slug is None:
                slug = service.suggest_slug(title)
                if ask:

                    def slug_ok(value: str) -> bool | str:
                        try:
                            service.check_slug(newsroom.root, value)
                        except RedaksiError as err:
                            return out.text(err.key, **err.params)
                        return True

                    slug = prompts.text(out.text("prompt.slug"), default=slug, validate=slug_ok)
            until = None
            if embargo is not None:
                from redaksi.core import when

                until = when.stamp(when.parse(embargo, newsroom.zone, "--embargo"), newsroom.zone)
            request = service.DraftRequest(
                title, category, slug, tuple(dict.fromkeys(tags)), dateline, embargo=until
            )
            now, placeholder = clock.now(), out.text("draft.body_placeholder")
            if newsroom.push if push is None else push:
                from redaksi.cli.commands.sync import report
                from redaksi.services import desks

                prepared = service.prepare(newsroom, reporter, request, now, placeholder)
                report(out, desks.push_draft(newsroom, repo, prepared, reporter.person()))
                path = prepared.path
            else:
                path = service.draft(newsroom, repo, reporter, request, now, placeholder)
        rel = path.relative_to(newsroom.root).as_posix()
        out.data(rel)
        out.say("draft.created", path=rel, slug=request.slug)
