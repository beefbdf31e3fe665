"""CLI: submit, approve, reject, publish, correct, retract: thin skins over one service.

The rules themselves are the table in ``core/workflow.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

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
    options = workflow.Options(note, correction_type, ground, reason)
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
    "publish": "Publish an edited story (edit -> published). Publishers.",
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
        note: Note = None,
        push: Push = None,
        no_input: NoInput = False,
    ) -> None:
        """Retract a published story with a public notice (Dewan Pers §5); the file stays."""
        _run("retract", article, note, no_input, push, ground=ground, reason=reason)
