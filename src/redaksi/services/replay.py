"""Services: the steps this desk took offline, replayed onto the remote's branch.

Only the person's own redaksi steps travel. A commit without a ``Redaksi-Action`` trailer, one
committed by someone else, a merge, one that changes more than its article, or one the remote
had and dropped (a force-push there) is never pushed: the command refuses and lists them. A
step already on the remote (its key is there: a retried or interrupted push) is skipped. A step
on an article that changed upstream is worked out again on the remote's version, as the
remote's committed redaksi.yaml allows, with the person's own edits in that commit merged in;
one that no longer applies is dropped, saying who moved the article.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from redaksi.config import Newsroom
from redaksi.core import article, commits, steps, workflow
from redaksi.errors import RedaksiError, RefusedError, RepositoryError
from redaksi.infra import git, plumbing, remote
from redaksi.services import transition as local

LISTED = 5
"""How many commits a refusal names before saying how many more there are."""


@dataclass(frozen=True)
class Dropped:
    """A local step that no longer applies upstream, and why (a catalogue key)."""

    commit: str
    subject: str
    key: str
    params: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Replayed:
    """A local step now on top of the remote's branch (or found already there)."""

    commit: str
    subject: str
    renamed: tuple[str, str, str] | None = None
    """A draft whose slug was taken upstream: (old slug, new slug, who took it)."""


@dataclass
class Replay:
    """What replaying did: the new head, and each local step's fate."""

    head: str
    replayed: list[Replayed] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)
    already: list[Replayed] = field(default_factory=list)


@dataclass(frozen=True)
class Context:
    newsroom: Newsroom
    """As the remote's committed redaksi.yaml has it (its root is this clone)."""
    repo: git.Repository
    sign: bool
    since: str | None
    """Where this clone's history and the remote's parted (their merge base)."""


def pending(
    repo: git.Repository, up: remote.Upstream, upstream_head: str, head: str, me: str
) -> list[remote.LocalCommit]:
    """The person's own steps the remote lacks, oldest first; refuses (exit 4) anything else."""
    found = remote.local_commits(repo, upstream_head, head)
    if not found:
        return []
    fork = remote.fork_point(repo, up, head)
    own = {c.sha for c in remote.local_commits(repo, fork, head)} if fork else None
    strangers = [(c, why) for c in found if (why := _stranger(repo, c, me, own))]
    if strangers:
        named = ", ".join(f"{c.sha[:7]} '{c.subject}'" for c, _ in strangers[:LISTED])
        if len(strangers) > LISTED:
            named += f" (+{len(strangers) - LISTED})"
        where = f"{up.remote}/{up.branch}" if up.named else up.tracking
        raise RepositoryError(
            "remote.strangers",
            why_msg=strangers[0][1],
            commits=named,
            count=len(strangers),
            upstream=where,
        )
    return found


def _stranger(
    repo: git.Repository, commit: remote.LocalCommit, me: str, own: set[str] | None
) -> str | None:
    """Why ``commit`` is not one of the person's own steps (a catalogue key), or None."""
    if own is not None and commit.sha not in own:
        return "remote.why_dropped_upstream"
    if len(commit.parents) != 1:
        return "remote.why_merge"
    action = commits.parse(commit.message)[2].get("Redaksi-Action")
    if not action:
        return "remote.why_hand"
    if commit.committer.email.strip().casefold() != me.strip().casefold():
        return "remote.why_other"
    if not steps.in_scope(action, repo.changes(commit.parents[0], commit.sha)):
        return "remote.why_scope"
    return None


def replay(ctx: Context, base: str, pending_steps: list[remote.LocalCommit]) -> Replay:
    """Rebuild ``pending_steps`` on ``base``, skipping what is there, dropping what is moot."""
    repo = ctx.repo
    landed = {steps.key(e, t, m) for e, t, m in remote.upstream_messages(repo, ctx.since, base)}
    done = Replay(base)
    renames: dict[str, tuple[str, str]] = {}
    for commit in pending_steps:
        if steps.key(commit.author.email, commit.epoch, commit.message) in landed:
            done.already.append(Replayed(commit.sha, commit.subject))
            continue
        outcome = _one(ctx, done.head, commit, renames)
        if isinstance(outcome, Dropped):
            done.dropped.append(outcome)
            continue
        files, message, renamed = outcome
        if all(repo.blob(done.head, path) == data for path, data in files.items()):
            done.already.append(Replayed(commit.sha, commit.subject))
            continue
        if _unchanged(repo, done.head, commit, files, message):
            done.head = commit.sha  # nothing to redo: the person's own commit, signature and all
        else:
            done.head = plumbing.commit_files(
                repo,
                done.head,
                files,
                message,
                commit.author,
                commit.date,
                sign=ctx.sign or plumbing.signed(repo, commit.sha),
            )
        done.replayed.append(Replayed(commit.sha, commit.subject, renamed))
    return done


def _unchanged(
    repo: git.Repository,
    base: str,
    commit: remote.LocalCommit,
    files: dict[str, bytes | None],
    message: str,
) -> bool:
    """Whether ``commit`` already is its own replay on ``base`` (its parent, the same files)."""
    return (
        commit.parents == (base,)
        and message == commit.message
        and all(repo.blob(commit.sha, path) == data for path, data in files.items())
    )


Outcome = tuple[dict[str, bytes | None], str, tuple[str, str, str] | None] | Dropped


def _one(
    ctx: Context, base: str, commit: remote.LocalCommit, renames: dict[str, tuple[str, str]]
) -> Outcome:
    """The files ``commit`` changes, as they must be on ``base``; or why it is dropped."""
    repo, parent = ctx.repo, commit.parents[0]
    _, note, trailers = commits.parse(commit.message)
    action = trailers["Redaksi-Action"]
    files: dict[str, bytes | None] = {}
    message, renamed = commit.message, None
    for _, old, new in repo.changes(parent, commit.sha):
        path = new or old or ""
        before = repo.blob(parent, old) if old else None
        mine = repo.blob(commit.sha, new) if new else None
        if path in renames:
            path, slug = renames[path]
            before, mine = _reslug(before, slug), _reslug(mine, slug)
        if not path.startswith(steps.ARTICLES) or not steps.on_one_article(action):
            if repo.blob(base, path) not in (before, mine):
                raise RepositoryError("remote.replay_conflict", commit=commit.sha[:7], file=path)
            files[path] = mine
        elif before is None and action == "draft":
            outcome = _draft(ctx, base, commit, path, mine, renames)
            if isinstance(outcome, Dropped):
                return outcome
            path, files[path], renamed = outcome
        else:
            redone = _step(ctx, base, commit, action, note, trailers, path, before, mine)
            if isinstance(redone, Dropped):
                return redone
            up_path, files[up_path], message = redone
    return files, message, renamed


def _draft(
    ctx: Context,
    base: str,
    commit: remote.LocalCommit,
    path: str,
    mine: bytes | None,
    renames: dict[str, tuple[str, str]],
) -> tuple[str, bytes | None, tuple[str, str, str] | None] | Dropped:
    """An offline draft; if its slug was taken upstream meanwhile, it moves to a free one."""
    refused = _refused_role(ctx, commit, "reporter", "draft")
    if refused is not None:
        return refused
    folder, name = path.rsplit("/", 1)
    slug = name.removesuffix(".md")
    paths = plumbing.article_paths(ctx.repo, base)
    names = {p.rsplit("/", 1)[-1] for p in paths}
    if name not in names:
        return path, mine, None
    taken = next(p for p in paths if p.rsplit("/", 1)[-1] == name)
    who = plumbing.last_touch(ctx.repo, ctx.since, base, taken)
    number = 2
    while f"{slug}-{number}.md" in names:
        number += 1
    new_slug = f"{slug}-{number}"
    new_path = f"{folder}/{new_slug}.md"
    renames[path] = (new_path, new_slug)
    return new_path, _reslug(mine, new_slug), (slug, new_slug, str(who) if who else "?")


def _reslug(data: bytes | None, slug: str) -> bytes | None:
    if data is None:
        return None
    doc, front = article.parse(data.decode("utf-8"))
    return article.rewrite_parsed(doc, front, set_keys={"slug": slug}).text.encode("utf-8")


def _refused_role(
    ctx: Context, commit: remote.LocalCommit, role: str, action: str
) -> Dropped | None:
    member = ctx.newsroom.member(commit.author.email)
    if member is not None and role in member.roles:
        return None
    return Dropped(
        commit.sha,
        commit.subject,
        "sync.dropped_refused",
        {
            "detail_msg": "staff.lacks_role" if member else "staff.unknown",
            "role_msg": f"role.{role}",
            "name": commit.author.name,
            "email": commit.author.email,
            "action": action,
        },
    )


def _step(
    ctx: Context,
    base: str,
    commit: remote.LocalCommit,
    action: str,
    note: str | None,
    trailers: dict[str, str],
    path: str,
    before: bytes | None,
    mine: bytes | None,
) -> tuple[str, bytes | None, str] | Dropped:
    """One transition of one article, worked out again on the remote's version of it."""
    repo = ctx.repo
    up_path = path if plumbing.blob_id(repo, base, path) else None
    up_path = up_path or plumbing.find_article(repo, base, trailers.get("Redaksi-Article", ""))
    if up_path is None:
        who = plumbing.last_touch(repo, ctx.since, base, path)
        return Dropped(commit.sha, commit.subject, "sync.dropped_deleted", {"by": str(who or "?")})
    current = repo.blob(base, up_path)
    front = _front(mine)
    when = datetime.fromisoformat(steps.step_time(front, action) or commit.date)
    options = steps.options_from(action, front, note)
    try:
        actor = _actor(ctx, commit, action)
        if mine is None and current == before:  # a deletion (discard) upstream has not touched
            four_eyes = workflow.Options(four_eyes=ctx.newsroom.four_eyes)
            workflow.authorize(_front(before), workflow.TRANSITIONS[action], actor, four_eyes)
            return up_path, None, commit.message
        if before is None or mine is None or current is None:
            raise RepositoryError("remote.replay_conflict", commit=commit.sha[:7], file=path)
        expected = local.plan(ctx.newsroom, actor, path, before.decode(), action, options, when)
        if current == before:
            return up_path, mine, commit.message
        redo = local.plan(ctx.newsroom, actor, up_path, current.decode(), action, options, when)
    except RedaksiError as err:
        if isinstance(err, RepositoryError):
            raise
        if err.key == "workflow.wrong_state":
            mover = _mover(repo, base, trailers.get("Redaksi-Article", ""))
            status = str(_front(current).get("status", "?"))
            return Dropped(
                commit.sha, commit.subject, "sync.dropped", {"by": mover, "status": status}
            )
        return Dropped(
            commit.sha,
            commit.subject,
            "sync.dropped_refused",
            {"detail_msg": err.key, **err.params},
        )
    text = redo.text.encode("utf-8")
    if expected.text.encode("utf-8") != mine:  # the commit carried the person's own edits too
        merged = plumbing.merge_text(expected.text.encode("utf-8"), text, mine)
        if merged is None:
            raise RepositoryError("remote.replay_conflict", commit=commit.sha[:7], file=path)
        text = merged
    return up_path, text, steps.keep_trailers(redo.message, commit.message)


def _actor(ctx: Context, commit: remote.LocalCommit, action: str) -> workflow.Actor:
    """Who took the step, as the remote's staff list has them (release: whoever ran it)."""
    if workflow.TRANSITIONS[action].anyone:  # the author is the scheduler; the runner acted
        return workflow.Actor(commit.committer.name, commit.committer.email, frozenset())
    member = ctx.newsroom.member(commit.author.email)
    if member is None:
        raise RefusedError("staff.unknown", email=commit.author.email)
    return workflow.Actor(member.name, member.email, member.roles)


def _front(data: bytes | None) -> dict[str, object]:
    try:
        _, front = article.parse((data or b"").decode("utf-8"))
    except (UnicodeDecodeError, article.FormatProblem):
        return {}
    from redaksi.core import yamlio

    plain = yamlio.to_plain(front)
    return plain if isinstance(plain, dict) else {}


def _mover(repo: git.Repository, ref: str, article_id: str) -> str:
    """Who last took a step on the article upstream, as ``Name <email>``."""
    found = repo.transitions(article_id, ref) if article_id else []
    return f"{found[-1].author.name} <{found[-1].author.email}>" if found else "?"
