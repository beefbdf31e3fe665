"""Services: many desks, one remote. ``--push`` transitions and ``redaksi sync``.

A pushed transition is worked out on the article *as upstream has it* and committed on top of
the upstream branch with git's plumbing; only when the remote has accepted it does the local
branch move (``reset --keep``). Another desk winning the push race means: fetch and redo, a
few times, with jittered backoff. Local commits not yet on the remote (made offline) are
replayed first; a transition among them that no longer applies is dropped, with a message.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from redaksi.config import Newsroom
from redaksi.core import article, commits, workflow, yamlio
from redaksi.errors import RedaksiError, RefusedError, RepositoryError
from redaksi.infra import git, guard, remote, store
from redaksi.services import transition as local

ATTEMPTS = 40
PATIENCE = 10.0
BACKOFF = 0.05
CEILING = 1.0
"""Seconds. After a lost push race the wait doubles from BACKOFF up to CEILING, with full
jitter; a desk gives up after ATTEMPTS tries or PATIENCE seconds, whichever comes first."""


@dataclass(frozen=True)
class Dropped:
    """A local transition that no longer applies upstream."""

    commit: str
    subject: str
    by: str
    status: str


@dataclass
class Landing:
    """What a push or sync did: the commit now on the remote, and what it had to drop."""

    commit: str | None
    dropped: list[Dropped] = field(default_factory=list)
    behind: bool = False  # pushed, but local changes kept this clone from moving
    result: Any = None


class _Moved(Exception):
    def __init__(self, status: str) -> None:
        super().__init__(status)
        self.status = status


def _status(data: bytes | None) -> str | None:
    if data is None:
        return None
    try:
        _, front = article.parse(data.decode("utf-8"))
    except (UnicodeDecodeError, article.FormatProblem):
        return None
    return str(front.get("status", "")) or None


def _mover(repo: git.Repository, ref: str, data: bytes | None) -> str:
    try:
        _, front = article.parse((data or b"").decode("utf-8"))
    except (UnicodeDecodeError, article.FormatProblem):
        return "?"
    found = repo.transitions(str(front.get("id", "")), ref)
    return f"{found[-1].author.name} <{found[-1].author.email}>" if found else "?"


def _attempts() -> Iterator[int]:
    """Attempt numbers, bounded in count and in time, sleeping between them."""
    deadline = time.monotonic() + PATIENCE
    for attempt in range(ATTEMPTS):
        if attempt:
            time.sleep(random.uniform(0, min(CEILING, BACKOFF * 2**attempt)))
            if time.monotonic() > deadline:
                return
        yield attempt


def _land(
    repo: git.Repository, target: str, rel: str | None, local_bytes: bytes | None, root: Path
) -> bool:
    """Move this clone to ``target``; the article's own local edits are already in it."""
    if rel is not None:
        head_bytes = repo.blob("HEAD", rel)
        repo.run_raw("reset", "--quiet", "--", rel)  # unstage: the edits travel in ``target``
        store.restore(root / rel, head_bytes)
    if remote.move_to(repo, target):
        return True
    if rel is not None:
        store.restore(root / rel, local_bytes)  # could not move: put the person's bytes back
    return False


Build = Callable[[bytes | None, str], tuple[bytes, str, git.Person, Any]]
"""Given the article's bytes to start from (None: no such file) and the base commit, return
the new bytes, the commit message, the author and a result for the caller."""


def push_change(newsroom: Newsroom, repo: git.Repository, rel: str, build: Build) -> Landing:
    """Commit one article change on top of upstream and push it, redoing it if a desk wins."""
    with guard.exclusive(newsroom.root):
        return _push_change(newsroom, repo, rel, build)


def _push_change(newsroom: Newsroom, repo: git.Repository, rel: str, build: Build) -> Landing:
    root = newsroom.root
    up = remote.upstream(repo)
    if (state := remote.busy(repo)) is not None:
        raise RepositoryError("remote.busy", state=state)
    head = repo.run("rev-parse", "HEAD").strip()
    local_bytes = store.read_bytes(root / rel)
    head_bytes = repo.blob(head, rel)
    edited = local_bytes != head_bytes
    built: dict[bytes | None, tuple[bytes, str, git.Person, Any]] = {}
    for _ in _attempts():
        try:
            upstream_head = remote.fetch(repo, up)
        except remote.RemoteFailed as err:
            raise _offline(err.reason) from None
        base, dropped = replay(
            newsroom, repo, upstream_head, remote.pending(repo, upstream_head, head)
        )
        up_bytes = repo.blob(base, rel)
        if edited and up_bytes != head_bytes:
            raise RepositoryError(
                "remote.article_conflict", file=rel, who=_mover(repo, base, up_bytes)
            )
        source = local_bytes if up_bytes == head_bytes else up_bytes
        try:
            if source not in built:  # a lost race over other articles leaves this one as it was
                built[source] = build(source, base)
            new_bytes, message, author, result = built[source]
        except _Moved as moved:
            _land(repo, base, rel if edited else None, local_bytes, root)
            raise RepositoryError(
                "remote.moved", file=rel, who=_mover(repo, base, up_bytes), status=moved.status
            ) from None
        commit = remote.commit_files(repo, base, {rel: new_bytes}, message, author)
        try:
            remote.push(repo, up, commit, upstream_head)
        except remote.RaceLost:
            continue
        except remote.RemoteFailed as err:
            _land(
                repo, commit, rel if edited or local_bytes is not None else None, local_bytes, root
            )
            raise RepositoryError("remote.rejected", reason=err.reason) from None
        behind = not _land(
            repo, commit, rel if local_bytes is not None else None, local_bytes, root
        )
        return Landing(commit, dropped, behind, result)
    raise RepositoryError("remote.race_lost", seconds=int(PATIENCE))


def _offline(reason: str) -> RepositoryError:
    return RepositoryError("remote.unreachable", reason=reason)


def push_transition(
    newsroom: Newsroom,
    repo: git.Repository,
    path: Path,
    action: str,
    options: workflow.Options,
    now: datetime,
) -> Landing:
    """``action`` on the article at ``path`` as upstream has it, committed and pushed."""
    actor = local.actor_of(newsroom, repo, action)
    rel = store.relative(newsroom.root, path)
    local_status = _status(store.read_bytes(path))

    def build(source: bytes | None, base: str) -> tuple[bytes, str, git.Person, Any]:
        if source is None:
            raise RefusedError("article.unknown", ref=rel)
        try:
            planned = local.plan(newsroom, actor, rel, source.decode("utf-8"), action, options, now)
        except RefusedError as refused:
            status = _status(source)
            if refused.key == "workflow.wrong_state" and status != local_status and status:
                raise _Moved(status) from None
            raise
        return planned.text.encode("utf-8"), planned.message, planned.author, planned

    try:
        return push_change(newsroom, repo, rel, build)
    except RepositoryError as err:
        if err.key != "remote.unreachable":
            raise
        kept = local.transition(newsroom, repo, rel, action, options, now)
        raise RepositoryError(
            "remote.kept", reason=err.params["reason"], commit=kept.commit[:7]
        ) from None


def push_draft(
    newsroom: Newsroom, repo: git.Repository, prepared: Any, author: git.Person
) -> Landing:
    """A new draft committed on top of upstream and pushed (``prepared``: draft.Prepared)."""
    rel = store.relative(newsroom.root, prepared.path)

    def build(source: bytes | None, base: str) -> tuple[bytes, str, git.Person, Any]:
        if source is not None:
            raise RefusedError("draft.slug_taken", slug=prepared.path.stem, path=rel)
        return prepared.text.encode("utf-8"), prepared.message, author, prepared

    return push_change(newsroom, repo, rel, build)


def replay(
    newsroom: Newsroom, repo: git.Repository, base: str, pending: list[str]
) -> tuple[str, list[Dropped]]:
    """Rebuild the local commits ``pending`` on ``base``; drop transitions that no longer apply."""
    dropped: list[Dropped] = []
    for commit in pending:
        files, message, drop = _replay_one(newsroom, repo, base, commit)
        if drop is not None:
            dropped.append(drop)
        elif any(repo.blob(base, path) != data for path, data in files.items()):
            info = repo.commit_info(commit)
            base = remote.commit_files(repo, base, files, message, info.author, info.date)
    return base, dropped


def _replay_one(
    newsroom: Newsroom, repo: git.Repository, base: str, commit: str
) -> tuple[dict[str, bytes | None], str, Dropped | None]:
    """The files ``commit`` changes, as they must be on ``base``; or why it is dropped."""
    parents = remote.parents(repo, commit)
    if len(parents) != 1:
        raise RepositoryError("remote.replay_merge", commit=commit[:7])
    info = repo.commit_info(commit)
    subject, note, trailers = commits.parse(info.message)
    files: dict[str, bytes | None] = {}
    message = info.message
    for _, old, new in repo.changes(parents[0], commit):
        for path in {p for p in (old, new) if p}:
            mine, before, current = (
                repo.blob(commit, path),
                repo.blob(parents[0], path),
                repo.blob(base, path),
            )
            if current in (before, mine):
                files[path] = mine
                continue
            if not trailers.get("Redaksi-Action") or mine is None:
                raise RepositoryError("remote.replay_conflict", commit=commit[:7], file=path)
            try:
                files[path], message = _redo(newsroom, info, trailers, note, path, mine, current)
            except RedaksiError:
                return (
                    {},
                    message,
                    Dropped(commit, subject, _mover(repo, base, current), _status(current) or "?"),
                )
    return files, message, None


def _redo(
    newsroom: Newsroom,
    info: git.Commit,
    trailers: dict[str, str],
    note: str | None,
    path: str,
    mine: bytes,
    current: bytes | None,
) -> tuple[bytes, str]:
    """The same transition, by the same person at the same time, on upstream's version."""
    if current is None:
        raise RefusedError("article.unknown", ref=path)
    _, after = article.parse(mine.decode("utf-8"))
    front = yamlio.to_plain(after)
    corrections = front.get("corrections") or [{}]
    retraction = front.get("retraction") or {}
    options = workflow.Options(
        note,
        str(corrections[-1].get("type", "ralat")),
        retraction.get("ground"),
        retraction.get("reason"),
    )
    actor = local.actor_for(newsroom, info.author.email)
    when = datetime.fromisoformat(info.date)
    planned = local.plan(
        newsroom, actor, path, current.decode("utf-8"), trailers["Redaksi-Action"], options, when
    )
    return planned.text.encode("utf-8"), planned.message


def sync(newsroom: Newsroom, repo: git.Repository) -> Landing:
    """Replay local commits onto upstream, drop what no longer applies, push the rest."""
    with guard.exclusive(newsroom.root):
        return _sync(newsroom, repo)


def _sync(newsroom: Newsroom, repo: git.Repository) -> Landing:
    up = remote.upstream(repo)
    if (state := remote.busy(repo)) is not None:
        raise RepositoryError("remote.busy", state=state)
    for _ in _attempts():
        try:
            upstream_head = remote.fetch(repo, up)
        except remote.RemoteFailed as err:
            raise _offline(err.reason) from None
        head = repo.run("rev-parse", "HEAD").strip()
        pending = remote.pending(repo, upstream_head, head)
        if not pending:
            behind = not remote.move_to(repo, upstream_head) if head != upstream_head else False
            return Landing(None, [], behind)
        new_head, dropped = replay(newsroom, repo, upstream_head, pending)
        if new_head != upstream_head:
            try:
                remote.push(repo, up, new_head, upstream_head)
            except remote.RaceLost:
                continue
            except remote.RemoteFailed as err:
                raise RepositoryError("remote.rejected_sync", reason=err.reason) from None
        behind = not remote.move_to(repo, new_head)
        return Landing(new_head if new_head != upstream_head else None, dropped, behind)
    raise RepositoryError("remote.race_lost", seconds=int(PATIENCE))
