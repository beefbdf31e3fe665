"""Core: the desk's view of articles: who is waiting, since when, and for how long."""

from __future__ import annotations

from collections.abc import Mapping
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
