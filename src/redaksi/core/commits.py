"""Core: the commit message of a transition: subject, then trailers git can parse.

SPEC: subject ``<action>: <title>``; trailers ``Redaksi-Action``, ``Redaksi-From``,
``Redaksi-To``, ``Redaksi-Article`` and one line per person credited so far.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

CREDITS = (("reporter", "Reporter"), ("editor", "Editor"), ("publisher", "Publisher"))
NEW = "new"
"""``Redaksi-From`` of a draft: the article did not exist before."""


def parse(body: str) -> tuple[str, str | None, dict[str, str]]:
    """Split a commit message into subject, note and trailers (the last paragraph of Key: value)."""
    paragraphs = [p.strip("\n") for p in body.strip().split("\n\n")]
    subject = paragraphs[0].splitlines()[0] if paragraphs and paragraphs[0] else ""
    trailers: dict[str, str] = {}
    rest = paragraphs[1:]
    if rest and all(": " in line for line in rest[-1].splitlines()):
        for line in rest[-1].splitlines():
            key, value = line.split(": ", 1)
            trailers.setdefault(key.strip(), value.strip())
        rest = rest[:-1]
    note = "\n\n".join(rest).strip() or None
    return subject, note, trailers


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def message(
    action: str,
    title: str,
    from_state: str,
    to_state: str,
    article_id: str,
    front: Mapping[str, Any],
    note: str | None = None,
    extra: Mapping[str, str] | None = None,
) -> str:
    """The full commit message for one transition of the article whose front matter is ``front``."""
    lines = [f"{action}: {_one_line(title)}", ""]
    if note:
        lines += [note.strip(), ""]
    lines += [
        f"Redaksi-Action: {action}",
        f"Redaksi-From: {from_state}",
        f"Redaksi-To: {to_state}",
        f"Redaksi-Article: {article_id}",
    ]
    for key, label in CREDITS:
        person = front.get(key)
        if isinstance(person, Mapping) and person.get("name") and person.get("email"):
            lines.append(f"{label}: {_one_line(person['name'])} <{_one_line(person['email'])}>")
    lines += [f"{key}: {_one_line(value)}" for key, value in (extra or {}).items()]
    return "\n".join(lines) + "\n"
