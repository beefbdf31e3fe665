"""CLI: tables for people and for pipes.

On a terminal, a rich table as wide as the terminal: a column marked ``cut`` may be shortened,
always with a visible ``…``; every other column (a slug, the thing you type next) is shown
whole. In a pipe: plain aligned columns, nothing ever cut, no colour.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass

from redaksi.cli.output import Output


@dataclass(frozen=True)
class Column:
    header: str
    cut: bool = False
    """May be shortened (with …) to fit the terminal."""
    grow: bool = False
    """Takes the room that is left."""


def draw(out: Output, columns: Sequence[Column], rows: Sequence[Sequence[str]]) -> None:
    """The rows under their headers, for a terminal or a pipe."""
    if sys.stdout.isatty():
        _rich(columns, rows)
        return
    widths = [max([len(c.header), *(len(r[i]) for r in rows)]) for i, c in enumerate(columns)]
    out.data("  ".join(c.header.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip())
    for row in rows:
        out.data("  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip())


def _rich(columns: Sequence[Column], rows: Sequence[Sequence[str]]) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(box=None, header_style="bold", pad_edge=False)
    for n, column in enumerate(columns):
        whole = max([len(column.header), *(len(r[n]) for r in rows)])
        table.add_column(
            column.header,
            no_wrap=True,
            overflow="ellipsis" if column.cut else "fold",
            min_width=None if column.cut else whole,
            ratio=1 if column.grow else None,
        )
    for row in rows:
        table.add_row(*(Text(cell) for cell in row))  # text as typed: no markup read into it
    Console(soft_wrap=False).print(table)
