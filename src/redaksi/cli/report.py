"""CLI: problems as a person, a script or GitHub wants them (validate and verify share this)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from redaksi.cli.output import Output, safe

if TYPE_CHECKING:  # the core pulls in ruamel.yaml: not at start-up
    from redaksi.core.validation import Problem

GITHUB_ANNOTATIONS = 10
"""GitHub shows at most ten annotations per step; the rest go to the job summary."""
SUMMARY_LIMIT = 1000


class Format(StrEnum):
    text = "text"
    json = "json"
    github = "github"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def emit(
    out: Output, problems: Sequence[Problem], fmt: Format, extra: dict[str, Any], title: str
) -> None:
    """Print ``problems`` in ``fmt``; with github, also append a Markdown job summary."""
    rows = [(p, out.text(p.key, **p.params)) for p in problems]
    if fmt is Format.json:
        errors = [
            {"file": p.file, "line": p.line, "column": p.column, "rule": p.rule, "message": m}
            for p, m in rows
        ]
        out.json({"errors": errors, **extra})
        return
    if fmt is Format.text:
        for p, m in rows:
            out.data(safe(f"{p.file}:{p.line}:{p.column}: {m} [{p.rule}]"))
        return
    for p, m in rows[:GITHUB_ANNOTATIONS]:
        where = f"file={_escape_property(p.file)},line={p.line},col={p.column}"
        out.data(
            f"::error {where},title={_escape_property('redaksi ' + p.rule)}::{_escape_data(m)}"
        )
    if len(rows) > GITHUB_ANNOTATIONS:
        more = out.text("report.more", count=len(rows) - GITHUB_ANNOTATIONS)
        out.data(f"::warning title=redaksi::{_escape_data(more)}")
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        lines = [f"## {title}", ""]
        if rows:
            lines += [out.text("report.header"), "|---|---|---|---|"]
            lines += [
                f"| `{_cell(p.file)}` | {p.line} | {p.rule} | {_cell(m)} |"
                for p, m in rows[:SUMMARY_LIMIT]
            ]
            if len(rows) > SUMMARY_LIMIT:
                lines.append("\n" + out.text("report.and_more", count=len(rows) - SUMMARY_LIMIT))
        else:
            lines.append(out.text("report.none"))
        with open(summary, "a", encoding="utf-8") as handle:
            handle.write("\n".join(lines) + "\n\n")
