"""Services: one transition, one commit. Validate first, write atomically, undo on failure."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from redaksi import schema
from redaksi.config import Newsroom
from redaksi.core import article, commits, validation, workflow, yamlio
from redaksi.errors import InputError, RefusedError
from redaksi.infra import git, store
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
    actor = actor_for(newsroom, repo.identity().email)
    loaded = articles.load(root, articles.find(root, ref))
    stamp = now.astimezone(newsroom.zone).isoformat(timespec="seconds")
    front = yamlio.to_plain(loaded.data)
    options = workflow.Options(
        options.note, options.correction_type, options.ground, options.reason, newsroom.four_eyes
    )
    change = workflow.decide(front, action, actor, stamp, options)
    try:
        text = article.rewrite(
            loaded.doc, loaded.data, set_keys=change.set_keys, append=change.append
        )
    except article.FormatProblem as err:
        raise InputError(err.key, file=loaded.rel, line=err.line, column=err.column) from None
    _, new_data = article.parse(text)
    problems = validation.check_document(
        schema.validator(root, schema.ARTICLE), new_data, loaded.rel
    )
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
    title = str(new_data.get("title", ""))
    message = commits.message(
        action,
        title,
        change.from_state,
        change.to_state,
        str(new_data.get("id", "")),
        yamlio.to_plain(new_data),
        change.note,
    )
    tracked = repo.is_tracked(loaded.rel)
    try:
        store.write_atomic(loaded.path, text)
        commit = repo.commit(
            [loaded.rel],
            message,
            git.Person(actor.name, actor.email),
            new=() if tracked else [loaded.rel],
        )
    except BaseException:
        store.restore(loaded.path, loaded.raw)
        raise
    return Outcome(loaded.rel, title, change, commit)
