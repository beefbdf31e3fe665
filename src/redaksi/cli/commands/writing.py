"""CLI: ``redaksi edit``, ``diff`` and ``discard``: working on the text of one story."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Annotated, Any

import typer

from redaksi.cli.commands.transitions import Article, ExactArticle, NoInput, Note, Push

if TYPE_CHECKING:
    from redaksi.cli.output import Output
    from redaksi.core.wordiff import Piece

COLOURS = {"-": "\x1b[31m", "+": "\x1b[32m"}
RESET = "\x1b[0m"
PLAIN = {"-": ("[-", "-]"), "+": ("{+", "+}")}
"""In a pipe (or with NO_COLOR) changes are marked as git's --word-diff=plain marks them."""


def render_pieces(pieces: list[Piece], colour: bool) -> str:
    """Word-level changes as coloured text for a terminal, or marked plain text for a pipe."""
    parts = []
    for piece in pieces:
        if piece.kind == "=":
            parts.append(piece.text)
        elif colour:
            parts.append(f"{COLOURS[piece.kind]}{piece.text}{RESET}")
        else:
            start, end = PLAIN[piece.kind]
            parts.append(f"{start}{piece.text}{end}")
    return "".join(parts)


def _colour() -> bool:
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def _print_diff(out: Output, found: object, zone: Any) -> None:
    from redaksi.core import desk, wordiff
    from redaksi.services.changes import Comparison

    assert isinstance(found, Comparison)
    when = desk.parse_time(found.date)
    out.say(
        "diff.since",
        since=found.since,
        commit=found.commit[:7],
        date=f"{when.astimezone(zone):%Y-%m-%d %H:%M}" if when else found.date,
        who=found.author,
    )
    if not (wordiff.changed(found.title) or wordiff.changed(found.body)):
        out.say("diff.none")
        return
    colour = _colour()
    if wordiff.changed(found.title):
        out.data(render_pieces(found.title, colour))
        out.data("")
    out.data(render_pieces(found.body, colour).rstrip("\n"))


def register(app: typer.Typer) -> None:
    @app.command("edit", help="help.edit")
    def edit_command(article: Article) -> None:
        """Open an article in the person's editor, as git would choose it."""
        from redaksi.cli.commands.common import open_newsroom
        from redaksi.infra import editor, git
        from redaksi.services import articles

        newsroom, out = open_newsroom()
        path = articles.find(newsroom.root, article)
        with git.Repository(newsroom.root) as repo:
            editor.open_file(repo, path)
        loaded = articles.load(newsroom.root, path)  # a broken front matter is said right away
        status = str(loaded.data.get("status", ""))
        out.say("edit.saved", path=loaded.rel)
        if status == "draft":
            out.say("draft.next", slug=path.stem)

    @app.command("diff", help="help.diff")
    def diff_command(
        article: Article,
        since: Annotated[str | None, typer.Option("--since", help="help.diff.since")] = None,
    ) -> None:
        """What changed in a story since a step (default: its last submit), word by word."""
        from redaksi.cli.commands.common import open_newsroom
        from redaksi.infra import git
        from redaksi.services.changes import compare

        newsroom, out = open_newsroom()
        with git.Repository(newsroom.root) as repo:
            found = compare(newsroom.root, repo, article, since)
        _print_diff(out, found, newsroom.zone)

    @app.command("discard", help="help.discard")
    def discard_command(
        article: ExactArticle, note: Note = None, push: Push = None, no_input: NoInput = False
    ) -> None:
        """Delete a never-published draft in one commit (the reporter or an editor)."""
        _discard(article, note, no_input, push)


def _discard(ref: str, note: str | None, no_input: bool, push: bool | None) -> None:
    from redaksi.cli import prompts
    from redaksi.cli.commands.common import open_newsroom
    from redaksi.cli.output import interactive
    from redaksi.errors import RefusedError
    from redaksi.infra import clock, git
    from redaksi.services import articles
    from redaksi.services.discard import discard

    newsroom, out = open_newsroom()
    path = articles.find(newsroom.root, ref, exact=True)
    pushed = newsroom.push if push is None else push
    with git.Repository(newsroom.root) as repo:

        def run(confirmed: bool) -> tuple[str, str]:
            if pushed:
                from redaksi.cli.commands.sync import report
                from redaksi.services import desks

                landing = desks.push_discard(
                    newsroom, repo, path, note, clock.now(), confirmed=confirmed
                )
                report(out, landing)
                return landing.result.title, str(landing.commit)
            outcome = discard(newsroom, repo, path, note, clock.now(), confirmed=confirmed)
            return outcome.title, outcome.commit

        try:
            title, commit = run(False)
        except RefusedError as refused:
            if refused.key != "discard.uncommitted" or not interactive(no_input):
                raise
            if not prompts.confirm(out, out.text("discard.confirm", **refused.params)):
                raise RefusedError("prompt.declined") from None
            title, commit = run(True)
    out.for_scripts(commit)
    out.say("discard.done", title=title, commit=commit[:7])
