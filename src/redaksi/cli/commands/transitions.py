"""CLI: submit, approve, reject, publish, correct, retract, reassign: thin skins over one service.

The rules themselves are the table in ``core/workflow.py``. Every command names the article
first and refuses what it could never do before it asks for anything.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import typer

from redaksi.cli.completion import complete_article

if TYPE_CHECKING:
    from redaksi.cli.output import Output
    from redaksi.config import Newsroom

Article = Annotated[
    str,
    typer.Argument(
        help="help.arg.article", metavar="help.mv.article", autocompletion=complete_article
    ),
]
ExactArticle = Annotated[
    str,
    typer.Argument(
        help="help.arg.article_exact", metavar="help.mv.article", autocompletion=complete_article
    ),
]
Note = Annotated[str | None, typer.Option("--note", help="help.opt.note")]
NoInput = Annotated[bool, typer.Option("--no-input", help="help.opt.no_input")]
Push = Annotated[bool | None, typer.Option("--push/--no-push", help="help.opt.push")]


def _ask(
    action: str, newsroom: Newsroom, out: Output, title: str, given: dict[str, str | None]
) -> dict[str, str | None]:
    """Ask on a terminal for what the step needs and was not given; confirm what is final."""
    from redaksi.cli import prompts
    from redaksi.core import workflow

    needs = workflow.TRANSITIONS[action].needs
    answers = dict(given)
    if "note" in needs and not answers.get("note"):
        answers["note"] = prompts.required_text(out, out.text("prompt.note"))
    if "ground" in needs and not answers.get("ground"):
        grounds = [(g, out.text(f"ground.{g}")) for g in workflow.RETRACTION_GROUNDS]
        answers["ground"] = prompts.select(out, out.text("prompt.ground"), grounds)
    if "reason" in needs and not answers.get("reason"):
        answers["reason"] = prompts.required_text(out, out.text("prompt.reason"))
    if "to" in needs and not answers.get("to"):
        reporters = [m.email for m in newsroom.staff if "reporter" in m.roles]
        answers["to"] = prompts.select(out, out.text("prompt.reassign_to"), reporters)
    if action == "retract" and not prompts.confirm(
        out, out.text("retract.confirm", title=title, ground=answers.get("ground"))
    ):
        from redaksi.errors import RefusedError

        raise RefusedError("prompt.declined")
    return answers


def _run(
    action: str,
    ref: str,
    note: str | None,
    no_input: bool,
    push: bool | None,
    correction_type: str = "ralat",
    **given: str | None,
) -> None:
    from redaksi.cli.commands.common import open_newsroom
    from redaksi.cli.output import interactive
    from redaksi.core import workflow
    from redaksi.infra import clock, git
    from redaksi.services import articles
    from redaksi.services.people import colleague
    from redaksi.services.transition import preflight, transition

    newsroom, out = open_newsroom()
    row = workflow.TRANSITIONS[action]
    path = articles.find(newsroom.root, ref, exact=row.exact_ref)
    with git.Repository(newsroom.root) as repo:
        email = repo.identity().email
        if interactive(no_input):
            title = preflight(newsroom, email, path, action)
            given = _ask(action, newsroom, out, title, {**given, "note": note})
            note = given.pop("note")
        wanted = given.get("to")
        to = colleague(newsroom, wanted) if wanted else None
        options = workflow.Options(
            note,
            correction_type,
            given.get("ground"),
            given.get("reason"),
            at=given.get("at"),
            until=given.get("until"),
            public_title=given.get("public_title"),
            to=to,
        )
        if newsroom.push if push is None else push:
            from redaksi.cli.commands.sync import report
            from redaksi.services import desks

            landing = desks.push_transition(newsroom, repo, path, action, options, clock.now())
            report(out, landing)
            title, change, commit = landing.result.title, landing.result.change, str(landing.commit)
        else:
            outcome = transition(newsroom, repo, str(path), action, options, clock.now())
            title, change, commit = outcome.title, outcome.change, outcome.commit
    out.for_scripts(commit)
    out.say(
        "workflow.done",
        action=action,
        title=title,
        from_state=change.from_state,
        to_state=change.to_state,
        commit=commit[:7],
    )


PLAIN = ("submit", "approve", "reject", "unschedule")
"""Transitions that take no options of their own: one command each, made from this list."""


def _plain(action: str) -> Callable[..., None]:
    def command(
        article: Article, note: Note = None, push: Push = None, no_input: NoInput = False
    ) -> None:
        _run(action, article, note, no_input, push)

    command.__name__ = action
    return command


def _moment(value: str, option: str) -> tuple[str, datetime]:
    """``value`` as an RFC 3339 time in the newsroom's zone, and that zone."""
    from pathlib import Path

    from redaksi.config import find_newsroom_root, load
    from redaksi.core import when

    zone = load(find_newsroom_root(Path.cwd())).zone
    moment = when.parse(value, zone, option)
    return when.stamp(moment, zone), moment


def register(app: typer.Typer) -> None:
    for action in PLAIN:
        app.command(action, help=f"help.{action}")(_plain(action))

    @app.command("publish", help="help.publish")
    def publish(
        article: ExactArticle,
        at: Annotated[
            str | None, typer.Option("--at", help="help.publish.at", metavar="help.mv.time")
        ] = None,
        note: Note = None,
        push: Push = None,
        no_input: NoInput = False,
    ) -> None:
        """Publish an edited story now, or schedule it with --at (edit -> published/scheduled)."""
        if at is None:
            _run("publish", article, note, no_input, push)
            return
        from redaksi.core import when
        from redaksi.infra import clock

        stamp, moment = _moment(at, "--at")
        when.future(moment, clock.now(), "--at", at)
        _run("schedule", article, note, no_input, push, at=stamp)

    @app.command("embargo", help="help.embargo")
    def embargo(
        article: Article,
        until: Annotated[
            str | None,
            typer.Option("--until", help="help.embargo.until", metavar="help.mv.time"),
        ] = None,
        lift: Annotated[bool, typer.Option("--lift", help="help.embargo.lift")] = False,
        note: Note = None,
        push: Push = None,
        no_input: NoInput = False,
    ) -> None:
        """Hold a story until a time (or lift the hold): nobody can publish it before. Editors."""
        from redaksi.errors import UsageError

        if (until is None) == (not lift):
            raise UsageError("embargo.one_of")
        stamp = _moment(until, "--until")[0] if until is not None else None
        _run("embargo", article, note, no_input, push, until=stamp)

    @app.command("correct", help="help.correct")
    def correct(
        article: Article,
        note: Note = None,
        correction_type: Annotated[
            str, typer.Option("--type", help="help.correct.type", metavar="help.mv.type")
        ] = "ralat",
        push: Push = None,
        no_input: NoInput = False,
    ) -> None:
        """Correct a published story: the note is shown to readers (Dewan Pers §4)."""
        _run("correct", article, note, no_input, push, correction_type=correction_type)

    @app.command("retract", help="help.retract")
    def retract(
        article: ExactArticle,
        ground: Annotated[
            str | None,
            typer.Option("--ground", help="help.retract.ground", metavar="help.mv.ground"),
        ] = None,
        reason: Annotated[str | None, typer.Option("--reason", help="help.retract.reason")] = None,
        public_title: Annotated[
            str | None,
            typer.Option(
                "--public-title", help="help.retract.public_title", metavar="help.mv.title"
            ),
        ] = None,
        note: Note = None,
        push: Push = None,
        no_input: NoInput = False,
    ) -> None:
        """Retract a published story with a public notice (Dewan Pers §5); the file stays."""
        _run(
            "retract",
            article,
            note,
            no_input,
            push,
            ground=ground,
            reason=reason,
            public_title=public_title,
        )

    @app.command("reassign", help="help.reassign")
    def reassign(
        article: Article,
        to: Annotated[str | None, typer.Option("--to", help="help.reassign.to")] = None,
        note: Note = None,
        push: Push = None,
        no_input: NoInput = False,
    ) -> None:
        """Hand a story to another reporter on staff; the old one stays in history."""
        _run("reassign", article, note, no_input, push, to=to)
