"""Services: reading the newsroom: the desk queue, one article, and its history from git."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from redaksi.core import article, commits, yamlio
from redaksi.errors import RedaksiError
from redaksi.infra import git, store
from redaksi.services import articles


def fronts(root: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    """(path, front matter) of every readable article; ``validate`` reports the others."""
    for path in store.article_files(root):
        try:
            _, data = article.parse(store.read_text(root, path))
        except (article.FormatProblem, RedaksiError):
            continue
        yield store.relative(root, path), yamlio.to_plain(data)


def show(root: Path, ref: str) -> dict[str, Any]:
    """The front matter of one article as plain data, plus its ``path``."""
    loaded = articles.load(root, articles.find(root, ref))
    return {**yamlio.to_plain(loaded.data), "path": loaded.rel}


@dataclass(frozen=True)
class Step:
    """One transition as git recorded it."""

    commit: str
    date: str
    author: git.Person
    action: str
    from_state: str
    to_state: str
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
    """An article and its transitions read from git (found by id, so renames do not matter)."""
    front = show(root, ref)
    steps = []
    for found in repo.transitions(str(front.get("id", ""))):
        subject, note, trailers = commits.parse(found.message)
        if trailers.get("Redaksi-Article") != front.get("id"):
            continue
        steps.append(
            Step(
                found.sha,
                found.date,
                found.author,
                trailers.get("Redaksi-Action", "?"),
                trailers.get("Redaksi-From", "?"),
                trailers.get("Redaksi-To", "?"),
                note,
                subject,
            )
        )
    return front, steps
