"""Core: the editorial workflow as data, and the pure decision of one transition.

``TRANSITIONS`` is the whole table of SPEC (The workflow): which states an action leaves from,
where it goes, who may take it, and what it records. Commands, ``verify`` and documentation
all read this one table; a newsroom step such as a legal review is one more row.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from redaksi.errors import RefusedError, UsageError

STATUSES = ("draft", "review", "edit", "scheduled", "published", "retracted")
CORRECTION_TYPES = ("ralat", "koreksi", "klarifikasi", "hak-jawab")
RETRACTION_GROUNDS = ("sara", "kesusilaan", "anak", "trauma", "dewan-pers")
"""Dewan Pers, Pedoman Pemberitaan Media Siber §5: the only grounds for taking a story down."""


@dataclass(frozen=True)
class Transition:
    """One row of the workflow table."""

    action: str
    sources: frozenset[str]
    target: str
    roles: frozenset[str]
    reporter_may: bool = False
    """The article's own reporter may take it, whatever their roles."""
    records: tuple[str, ...] = ()
    """What it writes besides status and history: editor, publisher, published_at, ..."""
    needs: tuple[str, ...] = ()
    """Options it cannot go without: note, ground, reason."""
    four_eyes: bool = False
    """With ``four_eyes: true`` in redaksi.yaml, the reporter may not take it."""


def _row(action: str, sources: str, target: str, roles: str, **extra: Any) -> Transition:
    return Transition(action, frozenset(sources.split()), target, frozenset(roles.split()), **extra)


TRANSITIONS: Mapping[str, Transition] = {
    row.action: row
    for row in (
        _row("submit", "draft", "review", "editor", reporter_may=True),
        _row("approve", "review", "edit", "editor", records=("editor",)),
        _row("reject", "review edit", "draft", "editor publisher", needs=("note",)),
        _row(
            "publish",
            "edit",
            "published",
            "publisher",
            records=("publisher", "published_at"),
            four_eyes=True,
        ),
        _row(
            "correct",
            "published",
            "published",
            "editor publisher",
            records=("corrections", "updated_at"),
            needs=("note",),
        ),
        _row(
            "retract",
            "published",
            "retracted",
            "publisher",
            records=("retraction", "updated_at"),
            needs=("ground", "reason"),
        ),
    )
}


@dataclass(frozen=True)
class Actor:
    """The person acting, as redaksi.yaml lists them."""

    name: str
    email: str
    roles: frozenset[str]

    def person(self) -> dict[str, str]:
        return {"name": self.name, "email": self.email}


@dataclass(frozen=True)
class Options:
    """What the person said with the command."""

    note: str | None = None
    correction_type: str = "ralat"
    ground: str | None = None
    reason: str | None = None
    four_eyes: bool = False


@dataclass(frozen=True)
class Change:
    """What a transition does to the front matter: keys to set, items to append."""

    action: str
    from_state: str
    to_state: str
    set_keys: dict[str, Any] = field(default_factory=dict)
    append: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    note: str | None = None


def _email(value: Any) -> str:
    return str(value.get("email", "")).casefold() if isinstance(value, Mapping) else ""


def authorize(front: Mapping[str, Any], row: Transition, actor: Actor, options: Options) -> None:
    """Refuse (exit 3) an actor who may not take this transition on this article."""
    is_reporter = _email(front.get("reporter")) == actor.email.casefold()
    if not (row.roles & actor.roles or (row.reporter_may and is_reporter)):
        role = sorted(row.roles)[0]
        key = "workflow.reporter_or_role" if row.reporter_may else "staff.lacks_role"
        raise RefusedError(
            key, name=actor.name, email=actor.email, role_msg=f"role.{role}", action=row.action
        )
    if row.four_eyes and options.four_eyes and is_reporter:
        raise RefusedError("workflow.four_eyes", action=row.action)


def _require(row: Transition, options: Options) -> None:
    for need in row.needs:
        value = getattr(options, need)
        if not value or not str(value).strip():
            raise UsageError("workflow.missing_option", option=f"--{need}", action=row.action)
    if row.action == "correct" and options.correction_type not in CORRECTION_TYPES:
        raise UsageError(
            "workflow.bad_choice",
            option="--type",
            value=options.correction_type,
            choices=", ".join(CORRECTION_TYPES),
        )
    if row.action == "retract" and options.ground not in RETRACTION_GROUNDS:
        raise UsageError(
            "workflow.bad_choice",
            option="--ground",
            value=options.ground,
            choices=", ".join(RETRACTION_GROUNDS),
        )


def decide(
    front: Mapping[str, Any], action: str, actor: Actor, now: str, options: Options
) -> Change:
    """The change ``actor`` makes by taking ``action`` at time ``now`` (RFC 3339), or a refusal."""
    from redaksi.core import yamlio  # ruamel: only when a transition is really taken

    row = TRANSITIONS[action]
    _require(row, options)
    status = str(front.get("status", ""))
    if status not in row.sources:
        raise RefusedError(
            "workflow.wrong_state",
            action=action,
            status=status,
            allowed=", ".join(sorted(row.sources)),
        )
    authorize(front, row, actor, options)
    stamp = yamlio.timestamp(now)
    note = options.note.strip() if options.note and options.note.strip() else None
    change = Change(action, status, row.target, note=note)
    change.set_keys["status"] = row.target
    if "editor" in row.records:
        change.set_keys["editor"] = actor.person()
    if "publisher" in row.records:
        change.set_keys["publisher"] = actor.person()
    if "published_at" in row.records:
        change.set_keys["published_at"] = stamp
    if "updated_at" in row.records:
        change.set_keys["updated_at"] = stamp
    if "corrections" in row.records:
        change.append["corrections"] = [
            {"at": stamp, "type": options.correction_type, "note": note}
        ]
    if "retraction" in row.records:
        change.set_keys["retraction"] = {
            "at": stamp,
            "ground": options.ground,
            "reason": str(options.reason).strip(),
        }
    entry: dict[str, Any] = {
        "action": action,
        "from": status,
        "to": row.target,
        "by": actor.email,
        "at": stamp,
    }
    if note:
        entry["note"] = note
    change.append["history"] = [entry]
    if change.set_keys["status"] == status:
        del change.set_keys["status"]  # correct: the status line stays untouched
    return change
