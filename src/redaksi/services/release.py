"""Services: ``redaksi release``: publish every scheduled story whose time has come.

Safe to run as often as a cron likes, on as many machines as like: each story is released by one
commit, authored by the publisher who scheduled it, whoever runs the command; a story another
run released first is skipped, not released twice (locally the clone's lock serialises runs;
with ``--push``, the remote's compare-and-swap does, and the loser sees the story published).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from redaksi.config import Newsroom
from redaksi.core import article, fastread, when, workflow, yamlio
from redaksi.errors import RedaksiError
from redaksi.infra import git, store

_SCHEDULED = r"^status:[[:space:]]*['\"]?scheduled['\"]?[[:space:]]*(#.*)?$"


@dataclass(frozen=True)
class Due:
    """A scheduled story: where it is, when it may go out, and who scheduled it."""

    rel: str
    title: str
    at: datetime
    publish_at: str
    by: str


@dataclass
class Outcome:
    released: list[tuple[Due, str]] = field(default_factory=list)
    skipped: list[tuple[Due, RedaksiError]] = field(default_factory=list)
    failed: list[tuple[Due, RedaksiError]] = field(default_factory=list)
    scheduled: int = 0


def scheduled(root: Path) -> list[Due]:
    """Every scheduled story in the working tree, soonest first (git grep: no full scan)."""
    [found] = git.plumb(
        root, ["grep", "-l", "-E", "-z", "--untracked", _SCHEDULED, "--", "articles/"]
    )
    stories = []
    for rel in sorted(set((found or b"").decode("utf-8", "surrogateescape").split("\0")) - {""}):
        front = front_of(root, rel)
        if front is None or front.get("status") != "scheduled":
            continue
        due = [
            t
            for t in (when.read(front.get("publish_at")), when.read(front.get("embargo_until")))
            if t
        ]
        publisher: dict[str, Any] = front.get("publisher") or {}
        if due:
            by = f"{publisher.get('name', '?')} <{publisher.get('email', '?')}>"
            stories.append(
                Due(rel, str(front.get("title", "")), max(due), str(front.get("publish_at")), by)
            )
    return sorted(stories, key=lambda d: (d.at, d.rel))


def front_of(root: Path, rel: str) -> dict[str, Any] | None:
    """The front matter of one article file as plain data (None: not readable as one)."""
    try:
        doc = article.split(store.read_text(root, root / rel))
    except (RedaksiError, article.FormatProblem):
        return None
    fast = fastread.load(doc.front)
    if fast is not None:
        return fast.data
    try:
        _, data = article.parse(doc.text)
    except article.FormatProblem:
        return None
    plain = yamlio.to_plain(data)
    return plain if isinstance(plain, dict) else None


def release(newsroom: Newsroom, repo: git.Repository, now: datetime, *, push: bool) -> Outcome:
    """Release every story due at ``now``, oldest first, one commit each."""
    from redaksi.services import transition as local

    stories = scheduled(newsroom.root)
    outcome = Outcome(scheduled=len(stories))
    for due in (d for d in stories if d.at <= now):
        try:
            if push:
                from redaksi.services import desks

                path = newsroom.root / due.rel
                landing = desks.push_transition(
                    newsroom, repo, path, "release", workflow.Options(), now
                )
                commit = str(landing.commit)
            else:
                commit = local.transition(
                    newsroom, repo, due.rel, "release", workflow.Options(), now
                ).commit
        except RedaksiError as err:
            gone = err.key in ("remote.moved", "workflow.wrong_state") or re.match(
                r"^article\.", err.key
            )
            (outcome.skipped if gone else outcome.failed).append((due, err))
            continue
        outcome.released.append((due, commit))
    return outcome
