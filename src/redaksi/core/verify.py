"""Core: the rules ``redaksi verify`` holds every article change to, as pure functions.

One :class:`Step` is one article as one commit changed it: its version before and after (either
may be absent: added, deleted), and what is known of the commit (author, committer, date,
trailers, every path it touched, and the staff as trusted for it). :func:`check` returns what is
wrong, as :class:`Finding` records (a rule, a catalogue key, parameters).

The principle: an article enters only as a draft made by ``redaksi draft`` (or an import), moves
only by the steps of the workflow table, each taken by someone allowed to, and a story on the
record (scheduled, published, retracted) is never changed, moved or deleted except by its own
steps. Anything else is a hand edit, held to what a hand may do.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from redaksi.core import rawtext, workflow
from redaksi.core.commits import NEW
from redaksi.errors import RedaksiError

PROTECTED = (
    "id",
    "reporter",
    "editor",
    "publisher",
    "created_at",
    "published_at",
    "updated_at",
    "publish_at",
    "embargo_until",
    "imported",
    "history",
    "corrections",
    "retraction",
)
"""Keys only redaksi's own steps may change; everything else is the story, which a hand may edit
while it is not on the record."""
CREDITED = ("reporter", "editor", "publisher")
PERSON_RECORDED_BY = {"editor": "approve", "publisher": ("publish", "schedule")}
TIMED = ("publish", "schedule", "release")
SKEW = timedelta(minutes=10)
"""How far clocks may disagree: a step may record a time this much after its commit's date."""
"""Steps that put a story out (or set when it goes out): never before its embargo."""


@dataclass(frozen=True)
class Version:
    """One version of an article file: its path, front matter (None: unreadable) and body."""

    path: str
    front: Mapping[str, Any] | None
    body: str | None
    raw: bytes = b""
    line: int = 1
    """The file line of ``status`` (where a finding about this version points)."""


@dataclass(frozen=True)
class Commit:
    """What the rules need to know of one commit."""

    sha: str
    author_name: str
    author_email: str
    committer_email: str
    date: datetime
    """The later of author and committer date: a step cannot claim to be earlier than both."""
    trailers: Mapping[str, str]
    paths: tuple[str, ...]
    """Every path the commit changes (anywhere in the repository)."""
    staff: Mapping[str, workflow.Actor] = field(default_factory=dict)
    """Casefolded email -> the person, with only the roles trusted for this commit."""
    four_eyes: bool = False
    media_added: tuple[str, ...] = ()
    """``media/`` files the commit adds (a transition may add the one its photo names)."""

    @property
    def action(self) -> str | None:
        return self.trailers.get("Redaksi-Action")

    def actor(self) -> workflow.Actor | None:
        return self.staff.get(self.author_email.casefold())


@dataclass(frozen=True)
class Step:
    """One article as one commit changed it."""

    commit: Commit
    before: Version | None
    after: Version | None


@dataclass(frozen=True)
class Finding:
    rule: str
    key: str
    params: Mapping[str, Any] = field(default_factory=dict)


def person(value: Any) -> str:
    """``Name <email>`` of a credited person (empty when there is none)."""
    if isinstance(value, Mapping):
        return f"{value.get('name', '')} <{value.get('email', '')}>"
    return ""


def _email(value: Any) -> str:
    return str(value.get("email", "")).casefold() if isinstance(value, Mapping) else ""


def parse_time(value: Any) -> datetime | None:
    try:
        moment = datetime.fromisoformat(str(value).upper().replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def check(step: Step) -> list[Finding]:
    """Everything wrong with one step (empty when it is an honest edit or transition)."""
    before, after = step.before, step.after
    if after is None:
        return _deleted(step)
    if after.front is None:
        return [Finding("unreadable", "verify.unreadable")]
    if before is None or before.front is None:
        return _added(step)
    found: list[Finding] = []
    status = before.front.get("status")
    if before.path != after.path and status in workflow.FROZEN:
        found.append(Finding("renamed", "verify.renamed", {"status": status}))
    action = step.commit.action
    if action == "photo":  # 'redaksi photo' on a draft: a hand edit that names its step
        return found + _hand_edit(step)
    if action and action not in ("draft", "discard", "import"):
        return found + _transition(step, action)
    if action:
        return [*found, _illegal(step, action)]
    return found + _hand_edit(step)


def spelling(version: Version) -> list[Finding]:
    """Keys verify finds by searching text, written otherwise than redaksi writes them."""
    hidden = rawtext.hidden_keys(version.raw, version.front or {})
    return [Finding("spelling", "verify.spelling", {"field": key}) for key in hidden]


def _staff_only(commit: Commit) -> list[Finding]:
    return [] if commit.actor() is not None else [Finding("not-staff", "verify.not_staff")]


def _illegal(step: Step, action: str) -> Finding:
    before = step.before.front if step.before and step.before.front else {}
    after = step.after.front if step.after and step.after.front else {}
    params = {"action": action, "before": before.get("status"), "after": after.get("status")}
    return Finding("illegal-transition", "verify.illegal", params)


def _deleted(step: Step) -> list[Finding]:
    front = step.before.front if step.before and step.before.front else {}
    status = front.get("status")
    if step.commit.action != "discard":
        return [Finding("deleted", "verify.deleted", {"status": status})]
    history = front.get("history")
    ever = {e.get("to") for e in history or () if isinstance(e, Mapping)}
    if status != "draft" or ever & {"published", "retracted"}:  # once scheduled is fine
        return [Finding("deleted", "verify.deleted", {"status": status})]
    found = _trailers(step.commit, front, {"Redaksi-From": "draft", "Redaksi-To": "discarded"})
    actor = step.commit.actor()
    if actor is None:
        return [*found, Finding("not-staff", "verify.not_staff")]
    if "editor" not in actor.roles and _email(front.get("reporter")) != actor.email.casefold():
        found.append(_role("discard", "editor"))
    return found + _extra_files(step)


def _added(step: Step) -> list[Finding]:
    """A new article: only a draft made by ``redaksi draft`` (imports are judged whole)."""
    after = step.after.front if step.after and step.after.front else {}
    commit = step.commit
    if commit.action == "import":
        return []  # an import commit is held to its own rule, over all it adds
    history = after.get("history")
    entry = history[0] if isinstance(history, list) and len(history) == 1 else None
    extras = [k for k in PROTECTED if k in after and k not in ("id", "reporter", "created_at")]
    if (
        commit.action != "draft"
        or after.get("status") != "draft"
        or not isinstance(entry, Mapping)
        or (entry.get("action"), entry.get("to")) != ("draft", "draft")
        or set(extras) - {"history", "embargo_until"}
    ):
        return [
            Finding("added-not-draft", "verify.added_not_draft", {"status": after.get("status")})
        ]
    found = _trailers(commit, after, {"Redaksi-From": NEW, "Redaksi-To": "draft"})
    actor = commit.actor()
    if actor is None:
        return [*found, Finding("not-staff", "verify.not_staff")]
    if "reporter" not in actor.roles:
        found.append(_role("draft", "reporter"))
    if str(entry.get("by", "")).casefold() != actor.email.casefold():
        found.append(Finding("history", "verify.history", {"action": "draft"}))
    return found + _credit(after, "reporter", actor) + _extra_files(step)


def _hand_edit(step: Step) -> list[Finding]:
    assert step.before is not None and step.after is not None
    before, after = step.before.front or {}, step.after.front or {}
    if before.get("status") != after.get("status"):
        params = {"before": before.get("status"), "after": after.get("status")}
        return [Finding("status-by-hand", "verify.status_by_hand", params)]
    if before.get("status") in workflow.FROZEN and step.before.raw != step.after.raw:
        params = {"status": before.get("status")}
        return [Finding("published-changed", "verify.published_changed", params)]
    found = [
        Finding("protected", "verify.protected", {"field": key})
        for key in PROTECTED
        if before.get(key) != after.get(key)
        and not (key == "embargo_until" and _reporters_embargo(before))
    ]
    return found + _staff_only(step.commit)


def _reporters_embargo(front: Mapping[str, Any]) -> bool:
    """Whether the reporter may still set or change the embargo by hand (SPEC).

    Only on a draft never yet submitted, and only while no ``embargo`` step has set it: from
    then on only another ``embargo`` step changes it.
    """
    history = front.get("history")
    steps = {e.get("action") for e in history or () if isinstance(e, Mapping)}
    return front.get("status") == "draft" and not steps & {"submit", "embargo"}


def _trailers(commit: Commit, front: Mapping[str, Any], expected: dict[str, Any]) -> list[Finding]:
    """The transition trailers must say what the change is, and credit who the article does."""
    expected = {**expected, "Redaksi-Article": front.get("id")}
    for key in CREDITED:
        if front.get(key):
            expected[key.capitalize()] = person(front.get(key))
    return [
        Finding(
            "trailers",
            "verify.trailer",
            {"trailer": key, "expected": value, "found": commit.trailers.get(key, "")},
        )
        for key, value in expected.items()
        if commit.trailers.get(key) != value
    ]


def _role(action: str, role: str) -> Finding:
    return Finding("role", "verify.role", {"action": action, "role_msg": f"role.{role}"})


def _credit(front: Mapping[str, Any], key: str, actor: workflow.Actor) -> list[Finding]:
    """A person a step credits is the one who took it, named as the staff list names them."""
    credited = front.get(key)
    if (
        not isinstance(credited, Mapping)
        or _email(credited) != actor.email.casefold()
        or credited.get("name") != actor.name
    ):
        return [Finding("credit", "verify.credit", {"field": key})]
    return []


def _extra_files(step: Step) -> list[Finding]:
    """A step commits its article alone (and, at most, the photo it names, added)."""
    own = {v.path for v in (step.before, step.after) if v is not None}
    photo = step.after.front.get("photo") if step.after and step.after.front else None
    if isinstance(photo, Mapping) and isinstance(photo.get("file"), str):
        wanted = f"media/{photo['file']}"
        own |= {p for p in step.commit.media_added if p == wanted}
    others = [p for p in step.commit.paths if p not in own]
    if others:
        return [Finding("extra-files", "verify.extra_files", {"count": len(step.commit.paths)})]
    return []


def _transition(step: Step, action: str) -> list[Finding]:
    assert step.before is not None and step.after is not None
    before, after = step.before.front or {}, step.after.front or {}
    row = workflow.TRANSITIONS.get(action)
    old, new = before.get("status"), after.get("status")
    if row is None or old not in row.sources or new != workflow.target(row, str(old)):
        return [_illegal(step, action)]
    commit = step.commit
    found = _trailers(commit, after, {"Redaksi-From": old, "Redaksi-To": new})
    if action == "release":
        found += _release(step)
        actor = workflow.Actor(commit.author_name, commit.author_email, frozenset())
    else:
        member = commit.actor()
        if member is None:
            return [*found, Finding("not-staff", "verify.not_staff")]
        actor = member
        found += _authorized(before, row, actor, commit.four_eyes)
    found += _records(step, row, actor)
    found += _history(before, after, row, actor)
    if action in TIMED:
        found += _embargo(step, action)
    return found + _extra_files(step)


def _authorized(
    before: Mapping[str, Any], row: workflow.Transition, actor: workflow.Actor, four_eyes: bool
) -> list[Finding]:
    try:
        workflow.authorize(before, row, actor, workflow.Options(four_eyes=four_eyes))
    except RedaksiError as refused:
        if refused.key == "workflow.four_eyes":
            return [Finding("four-eyes", "verify.four_eyes", {"action": row.action})]
        return [_role(row.action, sorted(row.roles)[0])]
    return []


def _records(step: Step, row: workflow.Transition, actor: workflow.Actor) -> list[Finding]:
    """The step changes only what it records (and the story, where edits may go with it)."""
    assert step.before is not None and step.after is not None
    before, after = step.before.front or {}, step.after.front or {}
    may = {"status", "history", *row.records, *row.removes}
    found = [
        Finding("protected", "verify.protected", {"field": key})
        for key in PROTECTED
        if key not in may and before.get(key) != after.get(key)
    ]
    if not row.edits:
        story = {k for k in (*before, *after) if k not in PROTECTED and k != "status"}
        changed = sorted(k for k in story if before.get(k) != after.get(k))
        own = {"status", "history", *row.records, *row.removes}
        changed = changed or rawtext.changed_keys(step.before.raw, step.after.raw, own)
        if changed or step.before.body != step.after.body:
            field_name = changed[0] if changed else "body"
            found.append(
                Finding("edits", "verify.edits", {"action": row.action, "field": field_name})
            )
    for key in row.removes:
        if key in after:
            found.append(Finding("record", "verify.record", {"field": key}))
    for key in ("editor", "publisher"):
        if key in row.records:
            found += _credit(after, key, actor)
    if "reporter" in row.records:
        found += _reassigned(before, after, step.commit)
    for key in ("published_at", "publish_at"):
        if key in row.records and not after.get(key):
            found.append(Finding("record", "verify.record", {"field": key}))
    if (
        "published_at" in row.records
        and after.get("published_at")
        and not _plausible(after, step.commit)
    ):
        found.append(Finding("record", "verify.when", {"field": "published_at"}))
    if "corrections" in row.records:
        old, new = before.get("corrections") or [], after.get("corrections") or []
        last = new[-1] if len(new) == len(old) + 1 and new[: len(old)] == old else None
        if not isinstance(last, Mapping) or not all(last.get(k) for k in ("at", "type", "note")):
            found.append(Finding("record", "verify.record", {"field": "corrections"}))
    if "retraction" in row.records:
        retraction = after.get("retraction")
        if not isinstance(retraction, Mapping) or not all(
            retraction.get(k) for k in ("at", "ground", "reason")
        ):
            found.append(Finding("record", "verify.record", {"field": "retraction"}))
    return found


def _reassigned(
    before: Mapping[str, Any], after: Mapping[str, Any], commit: Commit
) -> list[Finding]:
    """A story handed on goes to a reporter on staff, and history says from whom to whom."""
    history = after.get("history") or []
    entry = history[-1] if history and isinstance(history[-1], Mapping) else {}
    colleague = commit.staff.get(_email(after.get("reporter")))
    if (
        colleague is None
        or "reporter" not in colleague.roles
        or str(entry.get("reporter_from", "")).casefold() != _email(before.get("reporter"))
        or str(entry.get("reporter_to", "")).casefold() != colleague.email.casefold()
    ):
        return [Finding("credit", "verify.credit", {"field": "reporter"})]
    return _credit(after, "reporter", colleague)


def _plausible(after: Mapping[str, Any], commit: Commit) -> bool:
    """``published_at`` is when the step was taken.

    Not before the story existed or was due, not after the commit that took it.
    """
    published = parse_time(after.get("published_at"))
    if published is None:
        return False
    earliest = [parse_time(after.get(k)) for k in ("created_at", "publish_at")]
    return all(published >= t for t in earliest if t) and published <= commit.date + SKEW


def _history(
    before: Mapping[str, Any],
    after: Mapping[str, Any],
    row: workflow.Transition,
    actor: workflow.Actor,
) -> list[Finding]:
    """History keeps every entry and gains exactly one: this step, by the one who took it."""
    old, new = before.get("history") or [], after.get("history") or []
    entry = new[-1] if len(new) == len(old) + 1 and new[: len(old)] == old else None
    wanted = {"action": row.action, "from": before.get("status"), "to": after.get("status")}
    by = _email(before.get("publisher")) if row.anyone else actor.email.casefold()
    if (
        not isinstance(entry, Mapping)
        or any(entry.get(k) != v for k, v in wanted.items())
        or str(entry.get("by", "")).casefold() != by
        or ("note" in row.needs and not str(entry.get("note") or "").strip())
    ):
        return [Finding("history", "verify.history", {"action": row.action})]
    return []


def _release(step: Step) -> list[Finding]:
    """A release is the scheduler's decision carried out: by them, on time, naming who ran it."""
    assert step.before is not None and step.before.front is not None
    before, commit = step.before.front, step.commit
    found: list[Finding] = []
    if _email(before.get("publisher")) != commit.author_email.casefold():
        found.append(Finding("credit", "verify.release_author", {}))
    if (
        commit.trailers.get("Redaksi-Released-By", "")
        .casefold()
        .find(f"<{commit.committer_email.casefold()}>")
        < 0
    ):
        found.append(
            Finding(
                "trailers",
                "verify.trailer",
                {
                    "trailer": "Redaksi-Released-By",
                    "expected": f"... <{commit.committer_email}>",
                    "found": commit.trailers.get("Redaksi-Released-By", ""),
                },
            )
        )
    due = parse_time(before.get("publish_at"))
    if due is None or commit.date < due:
        found.append(
            Finding(
                "early", "verify.early", {"field": "publish_at", "when": before.get("publish_at")}
            )
        )
    return found


def _embargo(step: Step, action: str) -> list[Finding]:
    """Nothing goes out, or is set to go out, before its embargo ends."""
    assert step.before is not None and step.after is not None
    before, after = step.before.front or {}, step.after.front or {}
    until = parse_time(before.get("embargo_until"))
    if until is None:
        return []
    found = []
    if action != "schedule" and step.commit.date < until:  # scheduling ahead is the point
        found.append(Finding("embargo", "verify.embargo", {"until": before.get("embargo_until")}))
    for key in ("published_at", "publish_at"):
        moment = parse_time(after.get(key))
        if key in after and (moment is None or moment < until):
            found.append(
                Finding("embargo", "verify.embargo", {"until": before.get("embargo_until")})
            )
    return found[:1]


def stray(trailers: Mapping[str, str], ids: Sequence[str]) -> Finding | None:
    """Transition trailers on a commit that does not change the article they name."""
    named = trailers.get("Redaksi-Article")
    if trailers.get("Redaksi-Action") and named not in ids:
        return Finding("stray-trailers", "verify.stray", {"article": named or "-"})
    return None
