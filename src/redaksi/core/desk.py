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


def returned(front: Mapping[str, Any]) -> tuple[str, str, str] | None:
    """(by, at, note) when the last step sent the article back to its reporter, else None."""
    history = front.get("history")
    last = history[-1] if isinstance(history, list) and history else None
    if not isinstance(last, Mapping) or last.get("action") != "reject":
        return None
    if front.get("status") != last.get("to"):
        return None
    return (str(last.get("by", "")), str(last.get("at", "")), str(last.get("note") or ""))


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
