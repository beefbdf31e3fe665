"""Core: the rules ``redaksi verify`` holds every commit to, as pure functions.

One :class:`Step` is one article file changed by one commit, with everything the rules need:
the front matter before and after, the commit's author and trailers, and the staff list as it
stood in the commit's parent (so a pull request cannot put itself on staff and publish in one
go). :func:`check` returns what is wrong, as catalogue keys with parameters.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from redaksi.core import workflow
from redaksi.errors import RedaksiError

FINAL = ("published", "retracted")
"""States whose text is on the record: changed only by correct or retract, never deleted."""
PROTECTED = (
    "id",
    "reporter",
    "editor",
    "publisher",
    "created_at",
    "published_at",
    "history",
    "corrections",
    "retraction",
)
"""Keys only a transition may change."""
RECORDED_BY = {
    "editor": "approve",
    "publisher": "publish",
    "published_at": "publish",
    "corrections": "correct",
    "retraction": "retract",
}


@dataclass(frozen=True)
class Step:
    """One article file as one commit changed it."""

    commit: str
    author_name: str
    author_email: str
    trailers: Mapping[str, str]
    kind: str  # A added, M modified, D deleted, R renamed (possibly modified)
    path: str
    files_in_commit: int
    before: Mapping[str, Any] | None
    after: Mapping[str, Any] | None
    before_raw: bytes | None
    after_raw: bytes | None
    staff: Mapping[str, workflow.Actor] = field(default_factory=dict)
    four_eyes: bool = False
    signature_ok: bool | None = None  # None: signatures not required


@dataclass(frozen=True)
class Finding:
    rule: str
    key: str
    params: Mapping[str, Any] = field(default_factory=dict)


def _person(value: Any) -> str:
    if isinstance(value, Mapping):
        return f"{value.get('name', '')} <{value.get('email', '')}>"
    return ""


def _email(value: Any) -> str:
    return str(value.get("email", "")).casefold() if isinstance(value, Mapping) else ""


def check(step: Step) -> list[Finding]:
    """Everything wrong with one step (empty when it is an honest edit or transition)."""
    action = step.trailers.get("Redaksi-Action")
    if step.kind == "D":
        return _deleted(step)
    if step.after is None:
        return [Finding("unreadable", "verify.unreadable")]
    found: list[Finding] = []
    if step.kind == "R" and step.before is not None and step.before.get("status") in FINAL:
        found.append(Finding("renamed", "verify.renamed", {"status": step.before.get("status")}))
    if step.kind == "A" or step.before is None:
        return found + _added(step, action)
    if action:
        found += _transition(step, action)
    else:
        found += _hand_edit(step)
    if step.signature_ok is False and action:
        found.append(Finding("unsigned", "verify.unsigned"))
    return found


def _deleted(step: Step) -> list[Finding]:
    status = step.before.get("status") if step.before else None
    if status in FINAL:
        return [Finding("deleted", "verify.deleted", {"status": status})]
    return _staff_only(step)


def _staff_only(step: Step) -> list[Finding]:
    if step.author_email.casefold() not in step.staff:
        return [Finding("not-staff", "verify.not_staff")]
    return []


def _added(step: Step, action: str | None) -> list[Finding]:
    after = step.after or {}
    if after.get("status") != "draft" or action != "draft":
        return [
            Finding("added-not-draft", "verify.added_not_draft", {"status": after.get("status")})
        ]
    actor = step.staff.get(step.author_email.casefold())
    if actor is None:
        return [Finding("not-staff", "verify.not_staff")]
    if "reporter" not in actor.roles:
        return [Finding("role", "verify.role", {"action": "draft", "role_msg": "role.reporter"})]
    if _email(after.get("reporter")) != actor.email.casefold():
        return [Finding("credit", "verify.credit", {"field": "reporter"})]
    return []


def _hand_edit(step: Step) -> list[Finding]:
    before, after = step.before or {}, step.after or {}
    if before.get("status") != after.get("status"):
        return [
            Finding(
                "status-by-hand",
                "verify.status_by_hand",
                {"before": before.get("status"), "after": after.get("status")},
            )
        ]
    if before.get("status") in FINAL and step.before_raw != step.after_raw:
        return [
            Finding(
                "published-changed", "verify.published_changed", {"status": before.get("status")}
            )
        ]
    found = [
        Finding("protected", "verify.protected", {"field": key})
        for key in PROTECTED
        if before.get(key) != after.get(key)
    ]
    return found + _staff_only(step)


def _transition(step: Step, action: str) -> list[Finding]:
    before, after = step.before or {}, step.after or {}
    row = workflow.TRANSITIONS.get(action)
    old, new = before.get("status"), after.get("status")
    if row is None or old not in row.sources or new != row.target:
        return [
            Finding(
                "illegal-transition",
                "verify.illegal",
                {"action": action, "before": old, "after": new},
            )
        ]
    found: list[Finding] = []
    expected = {"Redaksi-From": old, "Redaksi-To": new, "Redaksi-Article": after.get("id")}
    for key in ("Reporter", "Editor", "Publisher"):
        if after.get(key.lower()):
            expected[key] = _person(after.get(key.lower()))
    for key, value in expected.items():
        if step.trailers.get(key) != value:
            found.append(
                Finding(
                    "trailers",
                    "verify.trailer",
                    {"trailer": key, "expected": value, "found": step.trailers.get(key, "")},
                )
            )
    actor = step.staff.get(step.author_email.casefold())
    if actor is None:
        return [*found, Finding("not-staff", "verify.not_staff")]
    try:
        workflow.authorize(before, row, actor, workflow.Options(four_eyes=step.four_eyes))
    except RedaksiError as refused:
        rule = "four-eyes" if refused.key == "workflow.four_eyes" else "role"
        found.append(
            Finding(
                rule,
                "verify.four_eyes" if rule == "four-eyes" else "verify.role",
                {"action": action, "role_msg": f"role.{sorted(row.roles)[0]}"},
            )
        )
    found += _records(step, action, actor)
    if step.files_in_commit > 1:
        found.append(Finding("extra-files", "verify.extra_files", {"count": step.files_in_commit}))
    return found


def _records(step: Step, action: str, actor: workflow.Actor) -> list[Finding]:
    before, after = step.before or {}, step.after or {}
    found: list[Finding] = []
    for key in PROTECTED:
        if key in ("history",) or RECORDED_BY.get(key) == action:
            continue
        if before.get(key) != after.get(key):
            found.append(Finding("protected", "verify.protected", {"field": key}))
    if action in ("approve", "publish"):
        key = "editor" if action == "approve" else "publisher"
        if _email(after.get(key)) != actor.email.casefold():
            found.append(Finding("credit", "verify.credit", {"field": key}))
    if action == "publish" and not after.get("published_at"):
        found.append(Finding("record", "verify.record", {"field": "published_at"}))
    if action == "correct":
        old, new = before.get("corrections") or [], after.get("corrections") or []
        last = new[-1] if len(new) == len(old) + 1 and new[: len(old)] == old else None
        if not isinstance(last, Mapping) or not all(last.get(k) for k in ("at", "type", "note")):
            found.append(Finding("record", "verify.record", {"field": "corrections"}))
    if action == "retract":
        retraction = after.get("retraction")
        if not isinstance(retraction, Mapping) or not all(
            retraction.get(k) for k in ("at", "ground", "reason")
        ):
            found.append(Finding("record", "verify.record", {"field": "retraction"}))
    old_history, new_history = before.get("history") or [], after.get("history") or []
    entry = (
        new_history[-1]
        if len(new_history) == len(old_history) + 1
        and new_history[: len(old_history)] == old_history
        else None
    )
    wanted = {"action": action, "from": before.get("status"), "to": after.get("status")}
    if (
        not isinstance(entry, Mapping)
        or any(entry.get(k) != v for k, v in wanted.items())
        or str(entry.get("by", "")).casefold() != actor.email.casefold()
    ):
        found.append(Finding("history", "verify.history", {"action": action}))
    return found
