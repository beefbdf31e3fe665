"""Core: the desk's view of articles: who is waiting, since when, and for how long."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any

QUEUE = ("draft", "review", "edit")
"""What ``list`` shows by default: the work in progress."""


def parse_time(value: Any) -> datetime | None:
    try:
        return datetime.fromisoformat(str(value).upper().replace("Z", "+00:00"))
    except ValueError:
        return None


def waiting_since(front: Mapping[str, Any]) -> str | None:
    """When the article entered its current state: its last history entry, else its creation."""
    history = front.get("history")
    if isinstance(history, list):
        for entry in reversed(history):
            if (
                isinstance(entry, Mapping)
                and entry.get("to") == front.get("status")
                and entry.get("at")
            ):
                return str(entry["at"])
    created = front.get("created_at")
    return str(created) if created else None


def involves(front: Mapping[str, Any], email: str) -> bool:
    """Whether ``email`` is credited on the article (reporter, editor or publisher)."""
    wanted = email.casefold()
    for key in ("reporter", "editor", "publisher"):
        person = front.get(key)
        if isinstance(person, Mapping) and str(person.get("email", "")).casefold() == wanted:
            return True
    return False


def select(
    items: Iterable[tuple[str, Mapping[str, Any]]],
    statuses: Sequence[str] = QUEUE,
    mine: str | None = None,
    reporter: str | None = None,
) -> list[tuple[str, Mapping[str, Any]]]:
    """The articles that match, oldest waiting first (then by path, for a stable order)."""
    chosen = []
    for path, front in items:
        if front.get("status") not in statuses:
            continue
        if mine and not involves(front, mine):
            continue
        person = front.get("reporter")
        email = str(person.get("email", "")) if isinstance(person, Mapping) else ""
        if reporter and email.casefold() != reporter.casefold():
            continue
        chosen.append((path, front))

    def key(item: tuple[str, Mapping[str, Any]]) -> tuple[float, str]:
        when = parse_time(waiting_since(item[1]))
        return (when.timestamp() if when else float("inf"), item[0])

    return sorted(chosen, key=key)


def age(since: str | None, now: datetime) -> str:
    """A short human duration: 45m, 3h, 2d."""
    when = parse_time(since)
    if when is None:
        return "?"
    seconds = max(0, int((now - when).total_seconds()))
    if seconds < 3600:
        return f"{seconds // 60}m"
    if seconds < 86400 * 2:
        return f"{seconds // 3600}h"
    return f"{seconds // 86400}d"
