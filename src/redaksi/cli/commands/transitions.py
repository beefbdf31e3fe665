"""CLI: submit, approve, reject, publish, correct, retract: thin skins over one service.

The rules themselves are the table in ``core/workflow.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

Article = Annotated[str, typer.Argument(help="Slug, id (or a unique start of one), or path.")]
Note = Annotated[str | None, typer.Option("--note", help="A note for the history and the commit.")]
NoInput = Annotated[bool, typer.Option("--no-input", help="Never prompt.")]
Push = Annotated[
    bool | None,
    typer.Option(
        "--push/--no-push",
        help="Fetch, commit on upstream and push [default: push in redaksi.yaml].",
    ),
]


def _run(
    action: str,
    ref: str,
    note: str | None,
    no_input: bool,
    push: bool | None,
    correction_type: str = "ralat",
    ground: str | None = None,
    reason: str | None = None,
    **extra: Any,
) -> None:
    from redaksi.cli import prompts
    from redaksi.cli.commands.common import open_newsroom
    from redaksi.cli.output import interactive
    from redaksi.core import workflow
    from redaksi.infra import clock, git
    from redaksi.services.transition import transition

    newsroom, out = open_newsroom()
    needs = workflow.TRANSITIONS[action].needs
    if interactive(no_input):
        if "note" in needs and not note:
            note = prompts.text(out.text("prompt.note"))
        if "ground" in needs and not ground:
            ground = prompts.select(out.text("prompt.ground"), workflow.RETRACTION_GROUNDS)
        if "reason" in needs and not reason:
            reason = prompts.text(out.text("prompt.reason"))
    options = workflow.Options(note, correction_type, ground, reason, **extra)
    with git.Repository(newsroom.root) as repo:
        if newsroom.push if push is None else push:
            from redaksi.cli.commands.sync import report
            from redaksi.services import articles, desks

            path = articles.find(newsroom.root, ref)
            landing = desks.push_transition(newsroom, repo, path, action, options, clock.now())
            report(out, landing)
            title, change, commit = landing.result.title, landing.result.change, str(landing.commit)
        else:
            outcome = transition(newsroom, repo, ref, action, options, clock.now())
            title, change, commit = outcome.title, outcome.change, outcome.commit
    out.data(commit)
    out.say(
        "workflow.done",
        action=action,
        title=title,
        from_state=change.from_state,
        to_state=change.to_state,
        commit=commit[:7],
    )


PLAIN = {
    "submit": "Send a draft to the editors (draft -> review). The reporter or an editor.",
    "approve": "Approve a story for editing (review -> edit). Editors; records you as editor.",
    "reject": "Send a story back to its reporter with a note (review, edit -> draft).",
    "unschedule": "Take a scheduled story off the schedule (scheduled -> edit). Publishers.",
}
"""Transitions that take no options of their own: one command each, made from this table."""


def _plain(action: str, summary: str) -> Callable[..., None]:
    def command(
        article: Article, note: Note = None, push: Push = None, no_input: NoInput = False
    ) -> None:
        _run(action, article, note, no_input, push)

    command.__doc__ = summary
    command.__name__ = action
    return command


def register(app: typer.Typer) -> None:
    for action, summary in PLAIN.items():
        app.command(action)(_plain(action, summary))

    @app.command("publish")
    def publish(
        article: Article,
        at: Annotated[
            str | None,
            typer.Option(
                "--at",
                help="Schedule it instead: '2026-12-01 06:00' (the newsroom's zone) or RFC 3339; "
                "'redaksi release' publishes it then.",
            ),
        ] = None,
        note: Note = None,
        push: Push = None,
        no_input: NoInput = False,
    ) -> None:
        """Publish an edited story now, or schedule it with --at (edit -> published/scheduled)."""
        if at is None:
            _run("publish", article, note, no_input, push)
            return
        from redaksi.config import find_newsroom_root, load
        from redaksi.core import when
        from redaksi.infra import clock

        zone = load(find_newsroom_root(Path.cwd())).zone
        moment = when.parse(at, zone, "--at")
        when.future(moment, clock.now(), "--at", at)
        _run("schedule", article, note, no_input, push, at=when.stamp(moment, zone))

    @app.command("embargo")
    def embargo(
        article: Article,
        until: Annotated[
            str | None,
            typer.Option("--until", help="'2026-12-01 06:00' (the newsroom's zone) or RFC 3339."),
        ] = None,
        lift: Annotated[bool, typer.Option("--lift", help="Lift the embargo.")] = False,
        note: Note = None,
        push: Push = None,
        no_input: NoInput = False,
    ) -> None:
        """Hold a story until a time (or lift the hold): nobody can publish it before. Editors."""
        from redaksi.config import find_newsroom_root, load
        from redaksi.core import when
        from redaksi.errors import UsageError

        if (until is None) == (not lift):
            raise UsageError("embargo.one_of")
        stamp = None
        if until is not None:
            zone = load(find_newsroom_root(Path.cwd())).zone
            stamp = when.stamp(when.parse(until, zone, "--until"), zone)
        _run("embargo", article, note, no_input, push, until=stamp)

    @app.command("correct")
    def correct(
        article: Article,
        note: Note = None,
        correction_type: Annotated[
            str, typer.Option("--type", help="ralat, koreksi, klarifikasi or hak-jawab.")
        ] = "ralat",
        push: Push = None,
        no_input: NoInput = False,
    ) -> None:
        """Correct a published story: the note is shown to readers (Dewan Pers §4)."""
        _run("correct", article, note, no_input, push, correction_type=correction_type)

    @app.command("retract")
    def retract(
        article: Article,
        ground: Annotated[
            str | None,
            typer.Option("--ground", help="sara, kesusilaan, anak, trauma or dewan-pers."),
        ] = None,
        reason: Annotated[str | None, typer.Option("--reason", help="The public reason.")] = None,
        public_title: Annotated[
            str | None,
            typer.Option(
                "--public-title", help="Shown instead of the title, where the title itself harms."
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
