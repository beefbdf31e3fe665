"""CLI: the desk queue as ``redaksi list`` prints it for people (scripts use --format json)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from redaksi.cli.output import Output
from redaksi.cli.table import Column, draw

FINAL = ("published", "retracted")
"""States nobody waits in: their WAITING cell says so instead of counting."""


def print_queue(
    out: Output, rows: Sequence[Any], wanted: Sequence[str], now: datetime, newsroom: Any
) -> None:
    """The queue as a table; an empty desk says so in words instead of a bare header."""
    from redaksi.core import desk

    if not rows:
        out.say("list.empty", statuses=", ".join(wanted))
        return
    cells: list[list[str]] = []
    for row in rows:
        status = row.status
        if row.returned:
            status = out.text("list.status_returned", status=row.status)
        waiting = "-" if row.status in FINAL else desk.age(row.waiting_since, now)
        if row.publish_at:  # a scheduled story waits for its time: say when
            when = desk.parse_time(row.publish_at)
            waiting = f"-> {when.astimezone(newsroom.zone):%Y-%m-%d %H:%M}" if when else waiting
        cells.append(
            [
                status,
                waiting,
                row.slug or "",
                row.category or "",
                row.title or "",
                row.reporter_name or "",
            ]
        )
        if row.returned:
            by, _, note = row.returned
            member = newsroom.member(by)
            who = member.name if member else by
            text = out.text("list.returned_note", who=who, note=note or "-")
            cells.append(["", "", "", "", f"↳ {text}", ""])
    columns = [
        Column(out.text("list.status")),
        Column(out.text("list.waiting")),
        Column(out.text("list.slug"), below=True),
        Column(out.text("list.category"), cut=True),
        Column(out.text("list.title"), cut=True, grow=True),
        Column(out.text("list.reporter"), cut=True),
    ]
    draw(out, columns, cells)
