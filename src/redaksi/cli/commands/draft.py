"""CLI: ``redaksi draft``: a reporter starts a story (prompts on a terminal, flags in scripts)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from redaksi.cli.output import Output
    from redaksi.config import Newsroom


def split_tags(values: list[str]) -> list[str]:
    """Tags as typed: each value may hold several, separated by commas; duplicates dropped.

    Empty pieces around commas are dropped; a value that is empty as a whole is kept, so the
    schema refuses it by name instead of it vanishing.
    """
    tags = [
        t.strip()
        for value in values
        for t in (value.split(",") if value.strip() else [value])
        if t.strip() or not value.strip()
    ]
    return list(dict.fromkeys(tags))


def _body(body: str | None, body_file: str | None) -> str | None:
    """The story given up front (a script, a feed): ``--body`` or ``--body-file`` (- is stdin)."""
    import sys
    from pathlib import Path

    from redaksi.errors import UsageError

    if body is not None and body_file is not None:
        raise UsageError("draft.two_bodies")
    if body_file is not None:
        try:
            body = sys.stdin.read() if body_file == "-" else Path(body_file).read_text("utf-8")
        except (OSError, UnicodeDecodeError) as err:
            raise UsageError("draft.body_unreadable", path=body_file, detail=str(err)) from None
    if body is None:
        return None
    return body if body.endswith("\n") else body + "\n"


def _slug(newsroom: Newsroom, out: Output, title: str) -> str:
    from redaksi.cli import prompts
    from redaksi.errors import RedaksiError
    from redaksi.services import draft as service

    def slug_ok(value: str) -> bool | str:
        try:
            service.check_slug(newsroom.root, value)
        except RedaksiError as err:
            return out.text(err.key, **err.params)
        return True

    return prompts.text(
        out.text("prompt.slug"), default=service.suggest_slug(title), validate=slug_ok
    )


def register(app: typer.Typer) -> None:
    @app.command("draft", help="help.draft")
    def draft_command(
        title: Annotated[str | None, typer.Option("--title", help="help.draft.title")] = None,
        category: Annotated[
            str | None, typer.Option("--category", help="help.draft.category")
        ] = None,
        tag: Annotated[list[str] | None, typer.Option("--tag", help="help.draft.tag")] = None,
        dateline: Annotated[
            str | None, typer.Option("--dateline", help="help.draft.dateline")
        ] = None,
        slug: Annotated[str | None, typer.Option("--slug", help="help.draft.slug")] = None,
        embargo: Annotated[
            str | None,
            typer.Option("--embargo", help="help.draft.embargo", metavar="help.mv.time"),
        ] = None,
        push: Annotated[bool | None, typer.Option("--push/--no-push", help="help.opt.push")] = None,
        body: Annotated[str | None, typer.Option("--body", help="help.draft.body")] = None,
        body_file: Annotated[
            str | None, typer.Option("--body-file", help="help.draft.body_file")
        ] = None,
        no_edit: Annotated[bool, typer.Option("--no-edit", help="help.draft.no_edit")] = False,
        no_input: Annotated[bool, typer.Option("--no-input", help="help.opt.no_input")] = False,
    ) -> None:
        """Start a new article as a draft: one file under articles/, one commit by you."""
        from redaksi.cli import prompts
        from redaksi.cli.commands.common import open_newsroom
        from redaksi.cli.output import interactive
        from redaksi.errors import UsageError
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
                title = prompts.required_text(out, out.text("prompt.title"))
            title = needed(title, "--title")
            if category is None and ask:
                category = prompts.select(out, out.text("prompt.category"), newsroom.categories)
            category = needed(category, "--category")
            tags = split_tags(tag or [])
            if not tags and ask:
                answer = prompts.text(out.text("prompt.tags"))
                tags = split_tags([answer]) if answer.strip() else []  # none is an answer too
            if dateline is None and ask:
                dateline = prompts.text(out.text("prompt.dateline")).strip() or None
            if slug is None:
                slug = _slug(newsroom, out, title) if ask else service.suggest_slug(title)
            text = _body(body, body_file)
            until = None
            if embargo is not None:
                from redaksi.core import when

                until = when.stamp(when.parse(embargo, newsroom.zone, "--embargo"), newsroom.zone)
            request = service.DraftRequest(
                title, category, slug, tuple(tags), dateline, text, embargo=until
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
            out.for_scripts(rel)
            out.say("draft.created", path=rel)
            if ask and not no_edit and text is None:
                from redaksi.infra import editor

                editor.open_file(repo, path)
        out.say("draft.next", slug=request.slug)
