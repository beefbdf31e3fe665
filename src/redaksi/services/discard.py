"""Services: a draft thrown away: the file deleted in one commit, with a transition's trailers.

Only a draft (never published: a published story is retracted, never deleted) by its reporter
or an editor. Uncommitted work in the file would be lost with it, so that needs a yes from a
person at a terminal; git history keeps every committed version.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from redaksi.config import Newsroom
from redaksi.core import commits, workflow, yamlio
from redaksi.errors import RefusedError
from redaksi.infra import git, gitfiles, guard, store
from redaksi.services import articles
from redaksi.services.transition import Outcome, actor_for


def discard(
    newsroom: Newsroom,
    repo: git.Repository,
    path: Path,
    note: str | None,
    now: datetime,
    *,
    confirmed: bool = False,
) -> Outcome:
    """Delete the draft at ``path`` in one commit by the acting reporter or editor.

    Refuses (exit 3) while the file has uncommitted changes, unless ``confirmed``.
    """
    root = newsroom.root
    actor = actor_for(newsroom, repo.identity().email)
    with guard.exclusive(root):
        loaded = articles.load(root, path)
        planned = plan(newsroom, actor, yamlio.to_plain(loaded.data), note, now)
        check_committed(repo, loaded.rel, confirmed)
        with guard.journal(root, loaded.rel, "discard", loaded.raw, None):
            try:
                store.restore(loaded.path, None)  # absent: the draft is gone from the tree
                commit = repo.commit([loaded.rel], planned.message, planned.author)
            except BaseException:
                store.restore(loaded.path, loaded.raw)
                raise
    return Outcome(loaded.rel, planned.title, planned.change, commit)


@dataclass(frozen=True)
class Planned:
    """A discard worked out on one version of the draft: its commit, not yet made."""

    title: str
    change: workflow.Change
    message: str
    author: git.Person


def plan(
    newsroom: Newsroom,
    actor: workflow.Actor,
    front: dict[str, Any],
    note: str | None,
    now: datetime,
) -> Planned:
    """The discard of the draft whose front matter is ``front``, by ``actor``, or a refusal."""
    stamp = now.astimezone(newsroom.zone).isoformat(timespec="seconds")
    change = workflow.decide(front, "discard", actor, stamp, workflow.Options(note))
    title = str(front.get("title", ""))
    message = commits.message(
        "discard",
        title,
        change.from_state,
        change.to_state,
        str(front.get("id", "")),
        front,
        change.note,
    )
    return Planned(title, change, message, git.Person(actor.name, actor.email))


def check_committed(repo: git.Repository, rel: str, confirmed: bool) -> None:
    """Refuse to throw away a draft git does not hold, or uncommitted work unless ``confirmed``."""
    if not repo.is_tracked(rel):
        raise RefusedError("discard.untracked", path=rel)
    if not confirmed and gitfiles.differs_from_head(repo, rel):
        raise RefusedError("discard.uncommitted", path=rel)
