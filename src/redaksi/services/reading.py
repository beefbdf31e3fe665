"""Services: reading the newsroom: the desk queue, one article, and its history from git."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from redaksi.core import commits, desk
from redaksi.infra import git, gitfiles
from redaksi.services.catalog import DESK_COLUMNS, Progress


@dataclass(frozen=True)
class Row:
    """One article on the desk, as ``list`` shows it."""

    path: str
    id: str | None
    slug: str | None
    title: str | None
    status: str
    reporter_name: str | None
    reporter_email: str | None
    category: str | None
    waiting_since: str | None
    returned: tuple[str, str, str] | None = None
    """(by, at, note) when the article came back from an editor (``reject``)."""
    publish_at: str | None = None
    """When a scheduled story goes out."""

    def as_json(self) -> Mapping[str, Any]:
        reporter = (
            {"name": self.reporter_name, "email": self.reporter_email}
            if self.reporter_email
            else None
        )
        return {
            "id": self.id,
            "slug": self.slug,
            "title": self.title,
            "status": self.status,
            "path": self.path,
            "reporter": reporter,
            "category": self.category,
            "waiting_since": self.waiting_since,
            "publish_at": self.publish_at,
            "returned": (
                dict(zip(("by", "at", "note"), self.returned, strict=True))
                if self.returned
                else None
            ),
        }


DESK = tuple(c for c in DESK_COLUMNS if c != "credited")


def _desk(
    root: Path, statuses: Sequence[str], progress: Progress | None = None
) -> dict[str, list[Any]]:
    """What the desk needs of the articles in ``statuses``, as columns.

    Kept whole per status for an unchanged tree, so the usual queue (a few hundred drafts and
    reviews) is read without touching the archive of published stories.
    """
    from redaksi.services import catalog as c

    now = c.state(root)
    columns: dict[str, list[Any]] = {name: [] for name in c.DESK_COLUMNS}
    kept = [c.recall(root, now, f"desk-{s}") for s in statuses] if now is not None else [None]
    if all(part is not None for part in kept):
        for part in kept:
            for name, values in (part or {}).items():
                columns[name] += values
        return columns
    by_status = c.desk_columns(c.articles(root, progress, now=now))
    for status, part in by_status.items():
        if now is not None:
            c.remember(root, now, f"desk-{status}", part)
        if status in statuses:
            for name, values in part.items():
                columns[name] += values
    return columns


def queue(
    root: Path,
    statuses: Sequence[str],
    mine: str | None = None,
    reporter: str | None = None,
    progress: Progress | None = None,
) -> list[Row]:
    """The articles in ``statuses``, oldest waiting first (from the catalog: fast when warm).

    ``progress`` is told of the articles read when the catalog is cold (a first run).
    """
    from redaksi.infra.cache import without_damage

    columns = without_damage(root, lambda: _desk(root, statuses, progress))
    rows = []
    for n, status in enumerate(columns["status"]):
        if status not in statuses:
            continue
        if mine and mine.casefold() not in {x.casefold() for x in columns["credited"][n]}:
            continue
        if reporter and (columns["reporter_email"][n] or "").casefold() != reporter.casefold():
            continue
        values = {name: columns[name][n] for name in DESK}
        values["returned"] = tuple(values["returned"]) if values["returned"] else None
        rows.append(Row(**values))

    def oldest(row: Row) -> tuple[float, str]:
        when = desk.parse_time(row.waiting_since)
        return (when.timestamp() if when else float("inf"), row.path)

    if "scheduled" in statuses:
        rows = [_with_time(root, row) for row in rows]
    return sorted(rows, key=oldest)


def _with_time(root: Path, row: Row) -> Row:
    """A scheduled row with its time (scheduled stories are few: read them)."""
    if row.status != "scheduled":
        return row
    from dataclasses import replace

    from redaksi.services.release import front_of

    front = front_of(root, row.path) or {}
    return replace(row, publish_at=str(front.get("publish_at") or "") or None)


def show(root: Path, ref: str) -> dict[str, Any]:
    """The front matter of one article as plain data, plus its ``path`` and ``body``."""
    from redaksi.core import yamlio
    from redaksi.services import articles

    loaded = articles.load(root, articles.find(root, ref))
    return {**yamlio.to_plain(loaded.data), "path": loaded.rel, "body": loaded.doc.body}


@dataclass(frozen=True)
class Step:
    """One transition as git recorded it."""

    commit: str
    date: str
    author: git.Person
    action: str
    from_state: str | None
    to_state: str | None
    note: str | None
    subject: str

    def as_json(self) -> Mapping[str, Any]:
        return {
            "commit": self.commit,
            "date": self.date,
            "author": {"name": self.author.name, "email": self.author.email},
            "action": self.action,
            "from": self.from_state,
            "to": self.to_state,
            "note": self.note,
            "subject": self.subject,
        }


def log(root: Path, repo: git.Repository, ref: str) -> tuple[dict[str, Any], list[Step]]:
    """An article's transitions read from git, and the hand edits between them.

    Transitions are found by id (so moves and renames do not matter); a commit that changed
    the file without a ``Redaksi-Action`` trailer is a hand edit, listed as action ``edit``.
    """
    front = show(root, ref)
    ordered = gitfiles.file_commits(repo, str(front["path"]))  # git's own order, renames followed
    known = {c.sha for c in ordered}
    extra = [c for c in repo.transitions(str(front.get("id", ""))) if c.sha not in known]
    if extra:  # steps taken where --follow lost the file: placed by their dates
        ordered = sorted([*ordered, *extra], key=_when)
    steps = []
    for commit in ordered:
        subject, note, trailers = commits.parse(commit.message)
        action = trailers.get("Redaksi-Action")
        if action is None:
            steps.append(
                Step(commit.sha, commit.date, commit.author, "edit", None, None, note, subject)
            )
        elif trailers.get("Redaksi-Article") == front.get("id"):
            steps.append(
                Step(
                    commit.sha,
                    commit.date,
                    commit.author,
                    action,
                    trailers.get("Redaksi-From", "?"),
                    trailers.get("Redaksi-To", "?"),
                    note,
                    subject,
                )
            )
    return front, steps


def _when(commit: git.Commit) -> float:
    when = desk.parse_time(commit.date)
    return when.timestamp() if when else 0.0
