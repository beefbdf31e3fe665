"""CLI: tables for people and for pipes.

On a terminal the table fits the terminal's width: a column marked ``cut`` may be shortened,
always with a visible ``…``; every other column is shown whole. When even that does not fit,
the column marked ``below`` (a slug: the thing you type next) moves to a line of its own under
its row, whole, instead of being cut. In a pipe: plain aligned columns, nothing cut, no colour.
"""

from __future__ import annotations

import shutil
import sys
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from redaksi.cli.output import Output

GAP = 2
MIN_CUT = 6
"""Narrowest a cut column gets (five characters and the …), or its header if wider."""
MIN_GROW = 24
"""Narrowest the growing column (a title) may get before a ``below`` column moves out of the way."""


@dataclass(frozen=True)
class Column:
    header: str
    cut: bool = False
    """May be shortened (with …) to fit the terminal."""
    grow: bool = False
    """Takes the room that is left."""
    below: bool = False
    """Moves under its row, whole, when the terminal is too narrow for it."""


def width(text: str) -> int:
    """Columns ``text`` takes on a terminal (wide East Asian characters take two)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def fit(text: str, room: int) -> str:
    """``text`` in at most ``room`` columns; a cut is always marked with …."""
    if width(text) <= room:
        return text
    out, used = "", 0
    for char in text:
        if used + width(char) > room - 1:
            break
        out += char
        used += width(char)
    return out.rstrip() + "…"


def draw(out: Output, columns: Sequence[Column], rows: Sequence[Sequence[str]]) -> None:
    """The rows under their headers, for a terminal or a pipe.

    Every cell is made harmless first: a title cannot drive the terminal of whoever lists it.
    """
    from redaksi.cli.output import safe

    rows = [[safe(cell) for cell in row] for row in rows]
    if not sys.stdout.isatty():
        _lines(out, columns, rows, _whole(columns, rows), None)
        return
    total = shutil.get_terminal_size().columns
    whole = _whole(columns, rows)
    below = next((n for n, c in enumerate(columns) if c.below), None)
    widths = _share(columns, whole, total, skip=None)
    if widths is None and below is not None:
        widths = _share(columns, whole, total, skip=below)
        _lines(out, columns, rows, widths or whole, below)
        return
    _lines(out, columns, rows, widths or whole, None)


def _whole(columns: Sequence[Column], rows: Sequence[Sequence[str]]) -> list[int]:
    return [max([width(c.header), *(width(r[n]) for r in rows)]) for n, c in enumerate(columns)]


def _share(
    columns: Sequence[Column], whole: list[int], total: int, skip: int | None
) -> list[int] | None:
    """Widths that fit ``total``, cutting only cut columns; None when that is impossible."""
    shown = [n for n in range(len(columns)) if n != skip]
    room = total - GAP * (len(shown) - 1) - 1
    fixed = sum(whole[n] for n in shown if not columns[n].cut)
    cuts = [n for n in shown if columns[n].cut]
    least = {
        n: min(whole[n], MIN_GROW if columns[n].grow else max(MIN_CUT, width(columns[n].header)))
        for n in cuts
    }
    if fixed + sum(least.values()) > room:
        return None
    widths = list(whole)
    spare = room - fixed - sum(least.values())
    for n in sorted(cuts, key=lambda n: columns[n].grow):  # the growing column gets the rest
        extra = min(whole[n] - least[n], spare)
        widths[n] = least[n] + extra
        spare -= extra
    return widths


def _lines(
    out: Output,
    columns: Sequence[Column],
    rows: Sequence[Sequence[str]],
    widths: list[int],
    below: int | None,
) -> None:
    shown = [n for n in range(len(columns)) if n != below]

    def line(cells: Sequence[str]) -> str:
        parts = [fit(cells[n], widths[n]) for n in shown]
        padded = [p + " " * (widths[n] - width(p)) for p, n in zip(parts, shown, strict=True)]
        return (" " * GAP).join(padded).rstrip()

    out.data(line([c.header for c in columns]))
    for row in rows:
        out.data(line(row))
        if below is not None and row[below]:
            out.data(f"  {row[below]}")
