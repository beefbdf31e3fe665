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
FROZEN = ("scheduled", "published", "retracted")
"""States whose text is on the record (or about to be): changed only by their own steps."""
DRAFTING = ("draft", "review", "edit")
DISCARDED = "discarded"
"""The target of ``discard``: not a state an article can be in, because the file is deleted."""
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
    """With ``four_eyes: true`` in redaksi.yaml, anyone who ever reported it may not take it."""
    removes: tuple[str, ...] = ()
    """Keys it takes away (unschedule: publisher and publish_at)."""
    edits: bool = True
    """Whether the person's own edits to the story (body, title, tags...) may go in with it."""
    anyone: bool = False
    """Whoever runs it needs no role: the decision was taken earlier (release: at schedule)."""
    exact_ref: bool = False
    """Named exactly (path, slug or id): no prefixes for what cannot be undone."""


def _row(action: str, sources: str, target: str, roles: str, **extra: Any) -> Transition:
    return Transition(action, frozenset(sources.split()), target, frozenset(roles.split()), **extra)


TRANSITIONS: Mapping[str, Transition] = {
    row.action: row
    for row in (
        _row("submit", "draft", "review", "editor", reporter_may=True),
        _row("approve", "review", "edit", "editor", records=("editor",), four_eyes=True),
        _row("reject", "review edit", "draft", "editor publisher", needs=("note",)),
        _row(
            "publish",
            "edit",
            "published",
            "publisher",
            records=("publisher", "published_at"),
            four_eyes=True,
            exact_ref=True,
        ),
        _row(
            "schedule",
            "edit",
            "scheduled",
            "publisher",
            records=("publisher", "publish_at"),
            needs=("at",),
            four_eyes=True,
            exact_ref=True,
        ),
        _row(
            "unschedule",
            "scheduled",
            "edit",
            "publisher",
            removes=("publisher", "publish_at"),
            edits=False,
        ),
        _row(
            "release",
            "scheduled",
            "published",
            "",
            records=("published_at",),
            edits=False,
            anyone=True,
        ),
        _row(
            "embargo",
            "draft review edit",
            "",
            "editor publisher",
            records=("embargo_until",),
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
            edits=False,
            exact_ref=True,
        ),
        _row("reassign", "draft review edit", "", "editor", records=("reporter",), needs=("to",)),
        _row("discard", "draft", DISCARDED, "editor", reporter_may=True, exact_ref=True),
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
    """What the person said with the command (times already RFC 3339 in the newsroom's zone)."""

    note: str | None = None
    correction_type: str = "ralat"
    ground: str | None = None
    reason: str | None = None
    four_eyes: bool = False
    at: str | None = None
    """``publish --at``: when a scheduled article goes out."""
    until: str | None = None
    """``embargo --until``; None with ``embargo`` lifts the embargo."""
    public_title: str | None = None
    """``retract --public-title``: shown instead of a title that itself harms."""
    to: Mapping[str, str] | None = None
    """``reassign --to``: the colleague who becomes the reporter, as ``{name, email}``."""


@dataclass(frozen=True)
class Change:
    """What a transition does to the front matter: keys to set or remove, items to append."""

    action: str
    from_state: str
    to_state: str
    set_keys: dict[str, Any] = field(default_factory=dict)
    append: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    note: str | None = None
    remove: tuple[str, ...] = ()


def _email(value: Any) -> str:
    return str(value.get("email", "")).casefold() if isinstance(value, Mapping) else ""


def reporters(front: Mapping[str, Any]) -> set[str]:
    """Everyone who was ever the article's reporter (casefolded emails): four-eyes covers all."""
    found = {_email(front.get("reporter"))}
    history = front.get("history")
    for entry in history if isinstance(history, list) else ():
        if isinstance(entry, Mapping) and entry.get("reporter_from"):
            found.add(str(entry["reporter_from"]).casefold())
    return found - {""}


def authorize(front: Mapping[str, Any], row: Transition, actor: Actor, options: Options) -> None:
    """Refuse (exit 3) an actor who may not take this transition on this article."""
    if row.anyone:
        return
    is_reporter = _email(front.get("reporter")) == actor.email.casefold()
    if not (row.roles & actor.roles or (row.reporter_may and is_reporter)):
        role = sorted(row.roles)[0]
        key = "workflow.reporter_or_role" if row.reporter_may else "staff.lacks_role"
        raise RefusedError(
            key, name=actor.name, email=actor.email, role_msg=f"role.{role}", action=row.action
        )
    if row.four_eyes and options.four_eyes and actor.email.casefold() in reporters(front):
        raise RefusedError("workflow.four_eyes", action=row.action)


def _require(row: Transition, options: Options) -> None:
    for need in row.needs:
        value = getattr(options, need)
        if not value or not str(value).strip():
            option = "--at" if need == "at" else f"--{need}"
            raise UsageError("workflow.missing_option", option=option, action=row.action)
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


def target(row: Transition, status: str) -> str:
    """Where ``row`` takes an article now in ``status`` (some steps keep the state)."""
    return row.target or status


def admissible(front: Mapping[str, Any], action: str, actor: Actor, options: Options) -> None:
    """Refuse (exit 3) ``action`` on this article by ``actor``: wrong state, role or four-eyes.

    What :func:`decide` checks before anything else; commands ask it before prompting, so
    nobody types a note for a step that was never theirs to take.
    """
    row = TRANSITIONS[action]
    status = str(front.get("status", ""))
    if status not in row.sources:
        raise RefusedError(
            "workflow.wrong_state",
            action=action,
            status=status,
            allowed=", ".join(sorted(row.sources)),
        )
    authorize(front, row, actor, options)


def decide(
    front: Mapping[str, Any], action: str, actor: Actor, now: str, options: Options
) -> Change:
    """The change ``actor`` makes by taking ``action`` at time ``now`` (RFC 3339), or a refusal."""
    from redaksi.core import yamlio  # ruamel: only when a transition is really taken

    row = TRANSITIONS[action]
    _require(row, options)
    admissible(front, action, actor, options)
    _timely(front, action, now, options)
    status = str(front.get("status", ""))
    note = options.note.strip() if options.note and options.note.strip() else None
    if row.target == DISCARDED:
        return Change(action, status, DISCARDED, note=note)  # the file is deleted: nothing set
    stamp = yamlio.timestamp(now)
    lifts = "embargo_until" in row.records and not options.until
    remove = (*row.removes, "embargo_until") if lifts else row.removes
    change = Change(action, status, target(row, status), note=note, remove=remove)
    if change.to_state != status:
        change.set_keys["status"] = change.to_state
    _record(row, change, actor, stamp, options, note)
    entry: dict[str, Any] = {"action": action, "from": status, "to": change.to_state}
    if "reporter" in row.records:
        entry.update(_reassign(front, options))
        change.set_keys["reporter"] = dict(options.to or {})
    entry["by"] = _email(front.get("publisher")) if action == "release" else actor.email
    entry["at"] = stamp
    if note:
        entry["note"] = note
    change.append["history"] = [entry]
    return change


def _timely(front: Mapping[str, Any], action: str, now: str, options: Options) -> None:
    """Nothing goes out before its embargo ends, nor a scheduled story before its time."""
    from redaksi.core import when

    until, moment = when.read(front.get("embargo_until")), when.read(now)
    if action == "publish" and until is not None and moment is not None and moment < until:
        raise RefusedError("workflow.embargoed", until=front["embargo_until"], action=action)
    if action == "schedule" and until is not None:
        at = when.read(options.at)
        if at is None or at < until:
            raise RefusedError("workflow.embargoed", until=front["embargo_until"], action=action)
    if action == "release" and moment is not None:
        due = [t for t in (when.read(front.get("publish_at")), until) if t is not None]
        if not due or moment < max(due):
            raise RefusedError("workflow.not_due", when=front.get("publish_at"))


def _record(
    row: Transition, change: Change, actor: Actor, stamp: str, options: Options, note: str | None
) -> None:
    """What the row records, set on ``change``."""
    from redaksi.core import yamlio

    for key in ("editor", "publisher"):
        if key in row.records:
            change.set_keys[key] = actor.person()
    for key in ("published_at", "updated_at"):
        if key in row.records:
            change.set_keys[key] = stamp
    if "publish_at" in row.records:
        change.set_keys["publish_at"] = yamlio.timestamp(str(options.at))
    if "embargo_until" in row.records and options.until:
        change.set_keys["embargo_until"] = yamlio.timestamp(options.until)
    if "corrections" in row.records:
        change.append["corrections"] = [
            {"at": stamp, "type": options.correction_type, "note": note}
        ]
    if "retraction" in row.records:
        retraction = {"at": stamp, "ground": options.ground, "reason": str(options.reason).strip()}
        if options.public_title and options.public_title.strip():
            retraction["public_title"] = options.public_title.strip()
        change.set_keys["retraction"] = retraction


def _reassign(front: Mapping[str, Any], options: Options) -> dict[str, str]:
    """The history keys of a reassignment, or a refusal when nothing would change."""
    old, new = front.get("reporter"), options.to or {}
    if _email(old) == _email(new):
        raise RefusedError("workflow.same_reporter", email=new.get("email", ""))
    written = str(old.get("email", "")) if isinstance(old, Mapping) else ""
    return {"reporter_from": written, "reporter_to": str(new.get("email", ""))}
