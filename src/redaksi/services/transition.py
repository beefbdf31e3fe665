"""Services: one transition, one commit. Validate first, write atomically, undo on failure."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from redaksi import schema
from redaksi.config import Newsroom
from redaksi.core import article, commits, validation, workflow, yamlio
from redaksi.errors import InputError, RefusedError
from redaksi.infra import git, gitfiles, guard
from redaksi.services import articles


@dataclass(frozen=True)
class Outcome:
    """What a transition did: which article, from and to which state, and the commit."""

    rel: str
    title: str
    change: workflow.Change
    commit: str


def actor_for(newsroom: Newsroom, email: str) -> workflow.Actor:
    member = newsroom.member(email)
    if member is None:
        raise RefusedError("staff.unknown", email=email)
    return workflow.Actor(member.name, member.email, member.roles)


@dataclass(frozen=True)
class Plan:
    """A transition worked out on one version of an article, ready to be committed."""

    rel: str
    text: str
    title: str
    change: workflow.Change
    message: str
    author: git.Person


def plan(
    newsroom: Newsroom,
    actor: workflow.Actor,
    rel: str,
    source: str,
    action: str,
    options: workflow.Options,
    now: datetime,
) -> Plan:
    """The new text and commit message of ``action`` applied to ``source``, or a refusal."""
    try:
        doc, data = article.parse(source)
    except article.FormatProblem as err:
        raise InputError(
            err.key, file=rel, line=err.line, column=err.column, **err.params
        ) from None
    if action == "submit" and article.unwritten(doc.body, data.get("dateline"), _placeholders()):
        raise RefusedError("submit.unwritten", file=rel)
    stamp = now.astimezone(newsroom.zone).isoformat(timespec="seconds")
    options = replace(options, four_eyes=newsroom.four_eyes)
    change = workflow.decide(yamlio.to_plain(data), action, actor, stamp, options)
    try:
        rewritten = article.rewrite_parsed(
            doc, data, set_keys=change.set_keys, append=change.append, remove=change.remove
        )
    except article.FormatProblem as err:
        raise InputError(err.key, file=rel, line=err.line, column=err.column) from None
    text, new_data = rewritten.text, rewritten.data
    front = yamlio.to_plain(new_data)
    fast = validation.make_fast_validator(schema.load_or_builtin(newsroom.root, schema.ARTICLE))
    problems = []
    if fast is None or not fast.is_valid(front):  # only a "no" needs jsonschema's explanation
        validator = schema.validator(newsroom.root, schema.ARTICLE)
        problems = validation.check_document(validator, new_data, rel)
    refuse_invalid(problems)
    title = str(new_data.get("title", ""))
    author = git.Person(actor.name, actor.email)
    extra = {}
    if workflow.TRANSITIONS[action].anyone:  # release: the scheduler's decision, carried out
        scheduler = yamlio.to_plain(data).get("publisher") or {}
        author = git.Person(str(scheduler.get("name", "")), str(scheduler.get("email", "")))
        extra["Redaksi-Released-By"] = f"{actor.name} <{actor.email}>"
    message = commits.message(
        action,
        title,
        change.from_state,
        change.to_state,
        str(front.get("id", "")),
        front,
        change.note,
        extra,
    )
    return Plan(rel, text, title, change, message, author)


def refuse_invalid(problems: Sequence[validation.Problem]) -> None:
    """Refuse, naming the first problem, a change that would leave the article invalid."""
    if problems:
        first = problems[0]
        raise RefusedError(
            "workflow.would_not_validate",
            file=first.file,
            line=first.line,
            column=first.column,
            detail_msg=first.key,
            **first.params,
        )


def check_carries(repo: git.Repository, rel: str, action: str) -> None:
    """Refuse a step that may carry no edits while the file holds uncommitted changes.

    They would ride along in its commit, and verify would rightly call them hand edits.
    """
    if workflow.TRANSITIONS[action].edits or not repo.is_tracked(rel):
        return
    if gitfiles.differs_from_head(repo, rel):
        raise RefusedError("transition.uncommitted", path=rel, action=action)


def actor_of(newsroom: Newsroom, repo: git.Repository, action: str) -> workflow.Actor:
    """Who takes ``action``: the repository's git user, as staff (or as anyone, for release)."""
    me = repo.identity()
    if workflow.TRANSITIONS[action].anyone:
        return workflow.Actor(me.name, me.email, frozenset())
    return actor_for(newsroom, me.email)


def preflight(newsroom: Newsroom, email: str, path: Path, action: str) -> str:
    """Refuse now what ``action`` would refuse later (state, role, four-eyes); return the title.

    Commands call it before asking for a note, so nothing a person types is asked in vain.
    """
    loaded = articles.load(newsroom.root, path)
    front = yamlio.to_plain(loaded.data)
    options = workflow.Options(four_eyes=newsroom.four_eyes)
    workflow.admissible(front, action, actor_for(newsroom, email), options)
    return str(front.get("title", ""))


def _placeholders() -> tuple[str, ...]:
    from redaksi.messages import CATALOGUE

    return CATALOGUE["draft.body_placeholder"]


def transition(
    newsroom: Newsroom,
    repo: git.Repository,
    ref: str,
    action: str,
    options: workflow.Options,
    now: datetime,
) -> Outcome:
    """Take ``action`` on the article ``ref`` as the repository's git user, in one commit."""
    root = newsroom.root
    actor = actor_of(newsroom, repo, action)
    with guard.exclusive(root):
        loaded = articles.load(root, articles.find(root, ref))
        check_carries(repo, loaded.rel, action)
        planned = plan(newsroom, actor, loaded.rel, loaded.doc.text, action, options, now)
        new = [] if repo.is_tracked(loaded.rel) else [loaded.rel]
        photo = new_photo(root, repo, loaded.data)  # SPEC: a step may add its photo's file
        new += photo
        after = planned.text.encode("utf-8")
        with guard.replacing(root, loaded.rel, action, loaded.raw, after):
            commit = repo.commit([loaded.rel, *photo], planned.message, planned.author, new=new)
    return Outcome(loaded.rel, planned.title, planned.change, commit)


def new_photo(root: Path, repo: git.Repository, front: Any) -> list[str]:
    """The article's photo file under media/ when ``redaksi photo`` left it uncommitted."""
    photo = front.get("photo") if isinstance(front, Mapping) else None
    file = photo.get("file") if isinstance(photo, Mapping) else None
    if not isinstance(file, str) or ".." in file.split("/") or file.startswith("/"):
        return []
    rel = f"media/{file}"
    path = root / rel
    if path.is_symlink() or not path.is_file() or repo.is_tracked(rel):
        return []
    return [rel]
