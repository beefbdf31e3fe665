"""Services: many desks, one remote. ``--push`` steps and ``redaksi sync``.

A pushed step is worked out on the article *as upstream has it*, authorised by upstream's
committed redaksi.yaml, and committed on top of the upstream branch with git's plumbing
(signed when git would sign); only once the remote has accepted it does this clone move
(:mod:`redaksi.services.landing`). Another desk winning the push race means: fetch and redo,
with jittered backoff. The person's own steps committed offline travel first, each named
(:mod:`redaksi.services.replay`); anything else on the local branch stops the push.

When the remote cannot take the step (unreachable, refusing, a local pre-push hook, a stale
lock), the step is committed in this clone instead, for ``redaksi sync`` to push later.

The API is generic: any step on one article is a :data:`Build` (what to write, given the
article as upstream has it) plus, optionally, a :data:`Keep` (commit it here instead).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, NoReturn

from redaksi import config
from redaksi.config import Newsroom
from redaksi.core import article, workflow
from redaksi.errors import Interrupted, RedaksiError, RefusedError, RepositoryError
from redaksi.infra import git, guard, plumbing, remote, store
from redaksi.services import attempts, landing, replay
from redaksi.services import transition as local


@dataclass(frozen=True)
class Base:
    """The remote's branch, as one step is worked out on it."""

    commit: str
    newsroom: Newsroom
    """As upstream's committed redaksi.yaml has it: roles are authorised from this."""
    rel: str
    """Where the article is upstream (followed by its id if it was moved there)."""


@dataclass(frozen=True)
class Built:
    """One step worked out: the files it writes (None deletes one) and its commit."""

    files: Mapping[str, bytes | None]
    message: str
    author: git.Person
    result: Any = None
    taken: Mapping[str, bytes | None] = field(default_factory=dict)
    """Other files of this clone's working tree the step carries (an uncommitted photo)."""


Build = Callable[[Base, bytes | None], Built]
"""Given the base and the article's bytes there (None: no such file), the step; may raise
:class:`Moved` when the article is no longer where the step needs it, or any RedaksiError."""
Keep = Callable[[], str]
"""Commit the same step in this clone (for ``redaksi sync``); returns the commit id."""


class Moved(Exception):
    """Another desk already moved the article to ``status``: the step no longer applies."""

    def __init__(self, status: str) -> None:
        super().__init__(status)
        self.status = status


@dataclass
class Landing:
    """What a push or sync did: the commit now on the remote, and what became of each step."""

    commit: str | None
    replay: replay.Replay | None = None
    behind: bool = False  # on the remote, but local changes kept this clone from moving
    result: Any = None


def push_change(
    newsroom: Newsroom, repo: git.Repository, rel: str, build: Build, keep: Keep | None = None
) -> Landing:
    """Commit one step on article ``rel`` on top of upstream and push it.

    Redone when another desk wins the race. When the remote cannot take it, ``keep`` commits
    it here and the command says so (exit 4).
    """
    try:
        with guard.exclusive(newsroom.root):
            return _push_change(newsroom, repo, rel, build)
    except KeyboardInterrupt:  # before the push began: nothing left this clone
        raise Interrupted("cli.interrupted") from None
    except attempts.NotPushed as failed:
        if keep is None:
            raise RepositoryError("remote.not_pushed", **failed.params()) from None
        try:
            commit = keep()
        except RedaksiError as err:
            raise RepositoryError(
                "remote.not_kept", **failed.params(), detail_msg=err.key, **err.params
            ) from None
        raise RepositoryError("remote.kept", **failed.params(), commit=commit[:7]) from None


def _push_change(newsroom: Newsroom, repo: git.Repository, rel: str, build: Build) -> Landing:
    root = newsroom.root
    up = _ready(repo)
    me = repo.identity().email
    head = repo.run("rev-parse", "HEAD").strip()
    local_bytes = store.read_bytes(root / rel)
    head_bytes = repo.blob(head, rel)
    edited = plumbing.clean_id(repo, rel, local_bytes) != plumbing.blob_id(repo, head, rel)
    article_id = _article_id(local_bytes) or _article_id(head_bytes)
    signs = plumbing.signs_by_default(repo)
    built: dict[tuple[bytes | None, str, bytes | None], Built] = {}
    tries = attempts.Attempts()
    for _ in tries:  # between fetch and push, git objects are read in-process: a short window
        upstream_head = _fetch(repo, up)
        base, done = _replayed(newsroom, repo, up, upstream_head, head, me)
        up_rel, up_bytes = _follow(repo, base, rel, article_id, head_bytes)
        if edited and up_bytes != head_bytes:
            who = _mover(repo, base, article_id)
            raise RepositoryError("remote.article_conflict", file=rel, who=who)
        source = local_bytes if edited else up_bytes
        raw_config = repo.blob(base, config.CONFIG_FILE)
        newsroom_up = _newsroom_at(newsroom, raw_config)
        try:
            step = built.get((source, up_rel, raw_config))
            if step is None:  # a lost race over other articles leaves this one as it was
                step = build(Base(base, newsroom_up, up_rel), source)
                built[(source, up_rel, raw_config)] = step
        except Moved as moved:
            if done is None:  # nothing of the person's waits here: follow the remote
                landing.land(root, repo, base, "pull", {})
            who = _mover(repo, base, article_id)
            raise RepositoryError("remote.moved", file=rel, who=who, status=moved.status) from None
        sign = _signing(signs, newsroom_up)
        commit = plumbing.commit_files(repo, base, step.files, step.message, step.author, sign=sign)
        consumed = {**({rel: local_bytes} if edited else {}), **step.taken}
        # From here a kill leaves a journal: the next command commits the step here, and sync
        # pushes it only if the remote does not have it yet (landing.recover).
        with guard.landing(root, _action(step.message), head, commit, consumed):
            if not tries.push(repo, up, commit, upstream_head):
                continue
            with guard.uninterrupted():  # the remote has it: finish moving this clone onto it
                behind = not landing.move(root, repo, commit, consumed)
        return Landing(commit, done, behind, step.result)
    raise tries.gave_up()


def _ready(repo: git.Repository) -> remote.Upstream:
    up = remote.upstream(repo)
    if (state := remote.busy(repo)) is not None:
        raise RepositoryError("remote.busy", state=state)
    return up


def _fetch(repo: git.Repository, up: remote.Upstream) -> str:
    try:
        return remote.fetch(repo, up)
    except remote.PushFailed as failed:
        raise attempts.NotPushed(failed.kind, failed.reason) from None


def _replayed(
    newsroom: Newsroom,
    repo: git.Repository,
    up: remote.Upstream,
    upstream_head: str,
    head: str,
    me: str,
) -> tuple[str, replay.Replay | None]:
    """Upstream with the person's own offline steps on top (refuses anything else)."""
    found = replay.pending(repo, up, upstream_head, head, me)
    if not found:
        return upstream_head, None
    newsroom_up = _newsroom_at(newsroom, repo.blob(upstream_head, config.CONFIG_FILE))
    since = plumbing.merge_base(repo, head, upstream_head)
    signs = _signing(plumbing.signs_by_default(repo), newsroom_up)
    context = replay.Context(newsroom_up, repo, signs, since)
    done = replay.replay(context, upstream_head, found)
    return done.head, done


def _photo(root: Path, repo: git.Repository, base: Base, source: bytes) -> dict[str, bytes | None]:
    """The photo file ``redaksi photo`` left uncommitted here, which the step carries (SPEC)."""
    taken: dict[str, bytes | None] = {}
    for rel in local.new_photo(root, repo, _front(source)):
        data = store.read_bytes(root / rel)
        upstream = repo.blob(base.commit, rel)
        if upstream is not None and upstream != data:  # another desk's photo under that name
            raise RepositoryError("remote.photo_taken", file=rel)
        taken[rel] = data
    return taken


def _moved_or(refused: RefusedError, source: bytes, local_status: str | None) -> NoReturn:
    """A wrong state upstream that is not the one here: another desk moved it (Moved)."""
    status = _status(source)
    if refused.key == "workflow.wrong_state" and status and status != local_status:
        raise Moved(status) from None
    raise refused


def _newsroom_at(newsroom: Newsroom, raw: bytes | None) -> Newsroom:
    """The newsroom as a committed redaksi.yaml describes it (the remote's, for a push)."""
    if raw is None:
        raise RepositoryError("repo.not_newsroom", root="(upstream)")
    return config.load(newsroom.root, raw.decode("utf-8", "replace"))


def _signing(signs: bool, newsroom_up: Newsroom) -> bool:
    """Sign where ``git commit`` would; refuse when the newsroom requires what git won't do."""
    if signs:
        return True
    if newsroom_up.require_signed:
        raise RepositoryError("remote.must_sign")
    return False


def _follow(
    repo: git.Repository, base: str, rel: str, article_id: str, head_bytes: bytes | None
) -> tuple[str, bytes | None]:
    """Where the article is upstream, and its bytes there: at ``rel``, or wherever its id went.

    Exit 4, naming who, when the article this clone has is gone upstream.
    """
    found = repo.blob(base, rel)
    if found is not None or head_bytes is None:
        return rel, found
    moved = plumbing.find_article(repo, base, article_id)
    if moved is not None:
        return moved, repo.blob(base, moved)
    who = plumbing.last_touch(repo, None, base, rel)
    raise RepositoryError("remote.deleted", file=rel, who=str(who) if who else "?")


def _article_id(data: bytes | None) -> str:
    front = _front(data)
    return str(front.get("id", "")) if front else ""


def _front(data: bytes | None) -> dict[str, Any]:
    if data is None:
        return {}
    try:
        _, front = article.parse(data.decode("utf-8"))
    except (UnicodeDecodeError, article.FormatProblem):
        return {}
    return dict(front)


def _status(data: bytes | None) -> str | None:
    return str(_front(data).get("status", "")) or None


def _mover(repo: git.Repository, ref: str, article_id: str) -> str:
    found = repo.transitions(article_id, ref) if article_id else []
    return f"{found[-1].author.name} <{found[-1].author.email}>" if found else "?"


def _action(message: str) -> str:
    return message.split(":", 1)[0].strip() or "step"


def push_transition(
    newsroom: Newsroom,
    repo: git.Repository,
    path: Path,
    action: str,
    options: workflow.Options,
    now: datetime,
) -> Landing:
    """``action`` on the article at ``path`` as upstream has it, committed and pushed."""
    rel = store.relative(newsroom.root, path)
    local_status = _status(store.read_bytes(path))
    local.check_carries(repo, rel, action)

    def build(base: Base, source: bytes | None) -> Built:
        if source is None:
            raise RefusedError("article.unknown", ref=rel)
        actor = local.actor_of(base.newsroom, repo, action)  # as the remote's staff list says
        try:
            planned = local.plan(
                base.newsroom, actor, base.rel, source.decode("utf-8"), action, options, now
            )
        except RefusedError as refused:
            _moved_or(refused, source, local_status)
        files: dict[str, bytes | None] = {base.rel: planned.text.encode("utf-8")}
        taken = _photo(newsroom.root, repo, base, source)
        return Built({**files, **taken}, planned.message, planned.author, planned, taken)

    def keep() -> str:
        return local.transition(newsroom, repo, rel, action, options, now).commit

    return push_change(newsroom, repo, rel, build, keep)


def push_discard(
    newsroom: Newsroom,
    repo: git.Repository,
    path: Path,
    note: str | None,
    now: datetime,
    *,
    confirmed: bool = False,
) -> Landing:
    """The draft at ``path`` deleted on top of upstream, pushed (see services/discard.py)."""
    from redaksi.core import yamlio
    from redaksi.services import discard

    rel = store.relative(newsroom.root, path)
    local_status = _status(store.read_bytes(path))
    discard.check_committed(repo, rel, confirmed)

    def build(base: Base, source: bytes | None) -> Built:
        if source is None:
            raise RefusedError("article.unknown", ref=rel)
        actor = local.actor_of(base.newsroom, repo, "discard")
        front = yamlio.to_plain(_front(source))
        try:
            planned = discard.plan(base.newsroom, actor, front, note, now)
        except RefusedError as refused:
            _moved_or(refused, source, local_status)
        result = local.Outcome(base.rel, planned.title, planned.change, "")
        return Built({base.rel: None}, planned.message, planned.author, result)

    def keep() -> str:
        return discard.discard(newsroom, repo, path, note, now, confirmed=True).commit

    return push_change(newsroom, repo, rel, build, keep)


def push_draft(
    newsroom: Newsroom, repo: git.Repository, prepared: Any, author: git.Person
) -> Landing:
    """A new draft committed on top of upstream and pushed (``prepared``: draft.Prepared)."""
    from redaksi.services import draft, people

    rel = store.relative(newsroom.root, prepared.path)
    slug = prepared.path.stem

    def build(base: Base, source: bytes | None) -> Built:
        taken = source is not None or any(
            p.rsplit("/", 1)[-1] == f"{slug}.md" for p in plumbing.article_paths(repo, base.commit)
        )
        if taken:
            raise RefusedError("draft.slug_taken", slug=slug, path=rel)
        people.authorize(base.newsroom, author.email, "reporter", "draft")
        draft.check_category(base.newsroom, str(_front(prepared.text.encode()).get("category")))
        return Built({rel: prepared.text.encode("utf-8")}, prepared.message, author, prepared)

    def keep() -> str:
        return draft.commit_prepared(newsroom, repo, prepared, author)

    return push_change(newsroom, repo, rel, build, keep)


def sync(newsroom: Newsroom, repo: git.Repository) -> Landing:
    """Replay the person's own offline steps onto upstream, drop what no longer applies, push."""
    try:
        with guard.exclusive(newsroom.root):
            return _sync(newsroom, repo)
    except KeyboardInterrupt:  # before the push began: nothing left this clone
        raise Interrupted("cli.interrupted") from None
    except attempts.NotPushed as failed:
        raise RepositoryError("remote.not_pushed", **failed.params()) from None


def _sync(newsroom: Newsroom, repo: git.Repository) -> Landing:
    up = _ready(repo)
    me = repo.identity().email
    tries = attempts.Attempts()
    for _ in tries:
        upstream_head = _fetch(repo, up)
        head = repo.run("rev-parse", "HEAD").strip()
        new_head, done = _replayed(newsroom, repo, up, upstream_head, head, me)
        if new_head != upstream_head:
            try:
                if not tries.push(repo, up, new_head, upstream_head):
                    continue
            except Interrupted:
                raise Interrupted("remote.interrupted_sync") from None
        with guard.uninterrupted():
            behind = not landing.land(newsroom.root, repo, new_head, "sync", {})
        return Landing(new_head if new_head != upstream_head else None, done, behind)
    raise tries.gave_up()
