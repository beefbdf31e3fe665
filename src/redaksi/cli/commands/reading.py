"""CLI: ``redaksi list``, ``show`` and ``log``: the desk's view of the newsroom."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

import typer


class TableFormat(StrEnum):
    table = "table"
    json = "json"


class TextFormat(StrEnum):
    text = "text"
    json = "json"


ArticleRef = Annotated[str, typer.Argument(help="Slug, id (or a unique start of one), or path.")]
TextFormatOption = Annotated[TextFormat, typer.Option("--format", help="text or json.")]


def _person(value: Any) -> str:
    if isinstance(value, dict) and value.get("name"):
        return f"{value['name']} <{value.get('email', '')}>"
    return ""


def _table(headers: list[str], rows: list[list[str]]) -> None:
    """A rich table on a terminal; plain aligned columns in a pipe (no colours, no boxes)."""
    import sys

    from redaksi.cli.output import Output, safe

    rows = [[safe(cell) for cell in row] for row in rows]
    if sys.stdout.isatty():
        from rich.console import Console
        from rich.table import Table

        table = Table(*headers, box=None, header_style="bold")
        for row in rows:
            table.add_row(*row)
        Console().print(table)
        return
    widths = [
        max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)
    ]
    out = Output()
    out.data("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip())
    for row in rows:
        out.data("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())


def _when(stamp: str, zone: Any) -> str:
    """A scheduled story's time in the newsroom's zone: ``-> 2026-12-01 06:00``."""
    from redaksi.core.desk import parse_time

    moment = parse_time(stamp)
    return f"-> {moment.astimezone(zone):%Y-%m-%d %H:%M}" if moment else stamp


def print_log(steps: list[Any], zone: Any) -> None:
    """The transitions of one article as a table, times in the newsroom's zone."""
    from redaksi.core.desk import parse_time

    def local(date: str) -> str:
        when = parse_time(date)
        return f"{when.astimezone(zone):%Y-%m-%d %H:%M}" if when else date

    rows = [
        [
            local(s.date),
            s.action,
            f"{s.from_state} -> {s.to_state}",
            s.author.name,
            s.commit[:7],
            s.note or "",
        ]
        for s in steps
    ]
    _table(["WHEN", "ACTION", "STATE", "WHO", "COMMIT", "NOTE"], rows)


def register(app: typer.Typer) -> None:
    @app.command("list")
    def list_command(
        status: Annotated[
            list[str] | None,
            typer.Option(
                "--status",
                help="draft, review, edit, scheduled, published, retracted or all; repeatable "
                "[default: draft, review, edit].",
            ),
        ] = None,
        mine: Annotated[
            bool, typer.Option("--mine", help="Only articles that credit you.")
        ] = False,
        reporter: Annotated[
            str | None, typer.Option("--reporter", help="Only this reporter's (email).")
        ] = None,
        output_format: Annotated[
            TableFormat, typer.Option("--format", help="table or json.")
        ] = TableFormat.table,
    ) -> None:
        """The desk's queue, oldest waiting first, with how long each has waited."""
        from redaksi.cli.commands.common import open_newsroom
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
        now = clock.now()
        rows = [
            [
                row.status,
                _when(row.publish_at, newsroom.zone)
                if row.publish_at
                else desk.age(row.waiting_since, now),
                row.slug or "",
                (row.title or "")[:60],
                row.reporter_name or "",
            ]
            for row in chosen
        ]
        _table(["STATUS", "WAITING", "SLUG", "TITLE", "REPORTER"], rows)

    @app.command("show")
    def show_command(
        article: ArticleRef,
        output_format: TextFormatOption = TextFormat.text,
    ) -> None:
        """One article: path, state, people, dates, corrections, history."""
        from redaksi.cli.commands.common import open_newsroom
        from redaksi.cli.output import safe
        from redaksi.services.reading import show

        newsroom, out = open_newsroom()
        front = show(newsroom.root, article)
        if output_format is TextFormat.json:
            out.json(front)
            return

        def line(text: str) -> None:
            out.data(safe(text))

        for key in ("title", "path", "status", "category", "dateline", "id"):
            if front.get(key):
                line(f"{key + ':':14}{front[key]}")
        for key in ("reporter", "editor", "publisher"):
            if front.get(key):
                line(f"{key + ':':14}{_person(front[key])}")
        for key in ("created_at", "published_at", "updated_at"):
            if front.get(key):
                line(f"{key + ':':14}{front[key]}")
        if front.get("retraction"):
            r = front["retraction"]
            line(f"{'retraction:':14}{r.get('at')} [{r.get('ground')}] {r.get('reason')}")
        for c in front.get("corrections") or []:
            line(f"{'correction:':14}{c.get('at')} [{c.get('type')}] {c.get('note')}")
        for h in front.get("history") or []:
            note = f"  ({h['note']})" if h.get("note") else ""
            move = f"{h.get('action')}  {h.get('from', '-')} -> {h.get('to')}"
            line(f"{'history:':14}{h.get('at')}  {move}  {h.get('by')}{note}")

    @app.command("log")
    def log_command(
        article: ArticleRef,
        output_format: TextFormatOption = TextFormat.text,
    ) -> None:
        """The article's transitions as git recorded them: when, who, action, note, commit."""
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
        print_log(steps, newsroom.zone)
