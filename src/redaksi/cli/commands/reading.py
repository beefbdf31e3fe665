"""CLI: ``redaksi list``, ``show`` and ``log``: the desk's view of the newsroom."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

import typer

from redaksi.cli.completion import complete_article

if TYPE_CHECKING:
    from redaksi.cli.output import Output


class TableFormat(StrEnum):
    table = "table"
    json = "json"


class TextFormat(StrEnum):
    text = "text"
    json = "json"


ArticleRef = Annotated[
    str,
    typer.Argument(
        help="help.arg.article", metavar="help.mv.article", autocompletion=complete_article
    ),
]
TextFormatOption = Annotated[TextFormat, typer.Option("--format", help="help.opt.format_text")]


def _person(value: Any) -> str:
    if isinstance(value, dict) and value.get("name"):
        return f"{value['name']} <{value.get('email', '')}>"
    return ""


def print_log(out: Output, steps: list[Any], zone: Any) -> None:
    """The steps of one article as a table, times in the newsroom's zone."""
    from redaksi.cli.table import Column, draw
    from redaksi.core.desk import parse_time

    def local(date: str) -> str:
        when = parse_time(date)
        return f"{when.astimezone(zone):%Y-%m-%d %H:%M}" if when else date

    rows = [
        [
            local(s.date),
            s.action,
            f"{s.from_state} -> {s.to_state}" if s.to_state else "-",
            s.author.name,
            s.commit[:7],
            s.note or (s.subject if s.action == "edit" else ""),
        ]
        for s in steps
    ]
    columns = [
        Column(out.text("log.when")),
        Column(out.text("log.action")),
        Column(out.text("log.state")),
        Column(out.text("log.who"), cut=True),
        Column(out.text("log.commit")),
        Column(out.text("log.note"), cut=True, grow=True),
    ]
    draw(out, columns, rows)


def _show_text(out: Output, front: dict[str, Any]) -> None:
    rows: list[tuple[str, str]] = []
    for key in ("title", "path", "status", "category", "tags", "dateline", "id"):
        value = front.get(key)
        if value:
            rows.append((key, ", ".join(map(str, value)) if isinstance(value, list) else value))
    for key in ("reporter", "editor", "publisher"):
        if front.get(key):
            rows.append((key, _person(front[key])))
    for key in ("created_at", "publish_at", "published_at", "updated_at", "embargo_until"):
        if front.get(key):
            rows.append((key, str(front[key])))
    photo = front.get("photo")
    if isinstance(photo, dict):
        where = photo.get("file") or photo.get("url") or ""
        rows.append(("photo", f"{where}: {photo.get('caption', '')} ({photo.get('credit', '')})"))
    if front.get("retraction"):
        r = front["retraction"]
        rows.append(("retraction", f"{r.get('at')} [{r.get('ground')}] {r.get('reason')}"))
    for c in front.get("corrections") or []:
        rows.append(("correction", f"{c.get('at')} [{c.get('type')}] {c.get('note')}"))
    for h in front.get("history") or []:
        note = f"  ({h['note']})" if h.get("note") else ""
        move = f"{h.get('action')}  {h.get('from', '-')} -> {h.get('to')}"
        if h.get("reporter_to"):
            move += f"  ({h.get('reporter_from')} -> {h.get('reporter_to')})"
        rows.append(("history", f"{h.get('at')}  {move}  {h.get('by')}{note}"))
    from redaksi.cli.output import safe

    labels = {key: out.text(f"show.{key}") + ":" for key, _ in rows}
    width = max(len(label) for label in labels.values()) + 2
    for key, value in rows:
        out.data(safe(f"{labels[key]:{width}}{value}"))
    out.data("")
    for line in str(front.get("body", "")).rstrip("\n").split("\n"):
        out.data(safe(line))  # a body line cannot drive the terminal either


def register(app: typer.Typer) -> None:
    @app.command("list", help="help.list")
    def list_command(
        status: Annotated[
            list[str] | None,
            typer.Option("--status", help="help.list.status", metavar="help.mv.status"),
        ] = None,
        mine: Annotated[bool, typer.Option("--mine", help="help.list.mine")] = False,
        reporter: Annotated[
            str | None, typer.Option("--reporter", help="help.list.reporter")
        ] = None,
        output_format: Annotated[
            TableFormat, typer.Option("--format", help="help.opt.format_table")
        ] = TableFormat.table,
    ) -> None:
        """The desk's queue, oldest waiting first, with how long each has waited."""
        from redaksi.cli.commands.common import open_newsroom
        from redaksi.cli.desk import print_queue
        from redaksi.cli.progress import Bar
        from redaksi.core import desk, workflow
        from redaksi.errors import UsageError
        from redaksi.infra import clock, git
        from redaksi.services.reading import queue

        newsroom, out = open_newsroom()
        wanted = tuple(status or desk.QUEUE)
        if "all" in wanted:
            wanted = workflow.STATUSES
        for name in wanted:
            if name not in workflow.STATUSES:
                raise UsageError(
                    "workflow.bad_choice",
                    option="--status",
                    value=name,
                    choices=", ".join(workflow.STATUSES),
                )
        me = None
        if mine:
            with git.Repository(newsroom.root) as repo:
                me = repo.identity().email
        bar = Bar(out.text("list.progress"))  # the first run on a large clone reads every file
        try:
            chosen = queue(newsroom.root, wanted, mine=me, reporter=reporter, progress=bar)
        finally:
            bar.finish()
        if output_format is TableFormat.json:
            out.json({"articles": [row.as_json() for row in chosen]})
            return
        print_queue(out, chosen, wanted, clock.now(), newsroom)

    @app.command("show", help="help.show")
    def show_command(
        article: ArticleRef,
        output_format: TextFormatOption = TextFormat.text,
    ) -> None:
        """One article: path, state, people, dates, corrections, history and the body."""
        from redaksi.cli.commands.common import open_newsroom
        from redaksi.services.reading import show

        newsroom, out = open_newsroom()
        front = show(newsroom.root, article)
        if output_format is TextFormat.json:
            out.json(front)
            return
        _show_text(out, front)

    @app.command("log", help="help.log")
    def log_command(
        article: ArticleRef,
        output_format: TextFormatOption = TextFormat.text,
    ) -> None:
        """The article's steps as git recorded them, and the hand edits between them."""
        from redaksi.cli.commands.common import open_newsroom
        from redaksi.infra import git
        from redaksi.services.reading import log

        newsroom, out = open_newsroom()
        with git.Repository(newsroom.root) as repo:
            front, steps = log(newsroom.root, repo, article)
        if output_format is TextFormat.json:
            out.json(
                {
                    "id": front.get("id"),
                    "path": front["path"],
                    "transitions": [s.as_json() for s in steps],
                }
            )
            return
        print_log(out, steps, newsroom.zone)
