"""Core: a step told apart by what it is: its key, what it may touch, and how to redo it.

A step is a commit whose message carries a ``Redaksi-Action`` trailer, whatever the action.
Its key (who, when, what, on which article, with which note) is the same for the commit a desk
made offline and for the copy ``sync`` replayed onto the remote, so a step that is already on
the remote is recognised there and never pushed twice.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from redaksi.core import commits, workflow

Key = tuple[str, int, str, str, str]
"""(author email, author time in seconds, action, article id, note)."""

ARTICLES = "articles/"
MEDIA = "media/"


def key(author_email: str, epoch: int, message: str) -> Key | None:
    """The key of the step a commit records (None: the commit is not a step)."""
    _, note, trailers = commits.parse(message)
    action = trailers.get("Redaksi-Action")
    if not action:
        return None
    return (
        author_email.strip().casefold(),
        epoch,
        action,
        trailers.get("Redaksi-Article", ""),
        note or "",
    )


def on_one_article(action: str) -> bool:
    """Whether ``action`` changes exactly one article (a workflow transition or a draft)."""
    return action == "draft" or action in workflow.TRANSITIONS


def in_scope(action: str, changes: Iterable[tuple[str, str | None, str | None]]) -> bool:
    """Whether a step's commit changes only what that step may change.

    A step on one article may change that article, and add the photo its ``photo.file`` names
    under ``media/``; anything more rode along by hand. Steps of other kinds (staff, import,
    ...) are held to their rules by ``verify``.
    """
    if not on_one_article(action):
        return True
    articles, others = 0, 0
    for letter, old, new in changes:
        if any(p and p.startswith(ARTICLES) for p in (old, new)):
            articles += 1
        elif not (letter == "A" and (new or "").startswith(MEDIA)):
            others += 1
    return articles == 1 and others == 0


def options_from(action: str, front: Mapping[str, Any], note: str | None) -> workflow.Options:
    """The options a step was taken with, read back from the article it produced.

    A new option of a new action is read back here too (one line), so ``sync`` can redo it.
    """
    corrections = front.get("corrections") or [{}]
    last = corrections[-1] if isinstance(corrections[-1], Mapping) else {}
    retraction = front.get("retraction") if action == "retract" else None
    retraction = retraction if isinstance(retraction, Mapping) else {}
    return workflow.Options(
        note,
        str(last.get("type", "ralat")),
        retraction.get("ground"),
        retraction.get("reason"),
        at=_text(front.get("publish_at")) if action == "schedule" else None,
        until=_text(front.get("embargo_until")) if action == "embargo" else None,
        public_title=_text(retraction.get("public_title")),
        to=_reporter(front) if action == "reassign" else None,
    )


def _reporter(front: Mapping[str, Any]) -> dict[str, str] | None:
    """``reassign``'s colleague: the reporter the step left on the article."""
    reporter = front.get("reporter")
    if not isinstance(reporter, Mapping):
        return None
    return {"name": str(reporter.get("name", "")), "email": str(reporter.get("email", ""))}


def _text(value: Any) -> str | None:
    return str(value) if value else None


def step_time(front: Mapping[str, Any], action: str) -> str | None:
    """When a step was taken: the time of the history entry it appended (RFC 3339)."""
    history = front.get("history") or []
    last = history[-1] if history else None
    if isinstance(last, Mapping) and last.get("action") == action and last.get("at"):
        return str(last["at"])
    return None


def keep_trailers(planned: str, original: str) -> str:
    """``planned`` plus the trailers of ``original`` it does not write itself."""
    _, _, mine = commits.parse(planned)
    _, _, theirs = commits.parse(original)
    extra = [f"{k}: {v}" for k, v in theirs.items() if k not in mine]
    if not extra:
        return planned
    return planned.rstrip("\n") + "\n" + "\n".join(extra) + "\n"
