"""Steps for verify's rules, built by hand: the honest way first, then bent.

The workflow decides, the commit message is the one redaksi writes; a test then bends one thing
(the front matter after, or a fact of the commit) and names exactly what verify must find.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from redaksi.core import commits, workflow
from redaksi.core.verify import (
    Commit,
    Finding,
    Step,
    Version,
    check,
)
from redaksi.core.workflow import Actor, Options

ALI = Actor("Ali Ya'lu", "ali@kabar.test", frozenset({"reporter"}))
DEWI = Actor("Dewi", "dewi@kabar.test", frozenset({"reporter"}))
MS = Actor("Mohammad S", "ms@kabar.test", frozenset({"editor"}))
KEYRA = Actor("Keyra", "keyra@kabar.test", frozenset({"publisher"}))
STRANGER = Actor("Mallory", "mallory@evil.test", frozenset({"publisher", "editor", "reporter"}))
STAFF = {a.email: a for a in (ALI, DEWI, MS, KEYRA)}
ID = "0f9c7a52-5f1e-4c51-9a53-8e2b61c0d2a4"
PATH = "articles/2025/03/banjir.md"
CREATED = "2025-03-04T09:00:00+07:00"
T0 = datetime.fromisoformat("2025-03-04T10:00:00+07:00")
EVERY_OPTION = Options(
    note="Catatan.",
    ground="trauma",
    reason="Permintaan korban.",
    at="2025-03-05T06:00:00+07:00",
    until="2025-03-05T05:00:00+07:00",
)


def stamp(moment: datetime) -> str:
    return moment.isoformat()


def drafted(**extra: Any) -> dict[str, Any]:
    front: dict[str, Any] = {
        "id": ID,
        "title": "Banjir Lumajang",
        "slug": "banjir",
        "status": "draft",
        "category": "Hukum",
        "reporter": ALI.person(),
        "created_at": CREATED,
        "history": [{"action": "draft", "to": "draft", "by": ALI.email, "at": CREATED}],
    }
    front.update(extra)
    return front


def apply(front: Mapping[str, Any], change: workflow.Change) -> dict[str, Any]:
    after = copy.deepcopy(dict(front))
    for key in change.remove:
        after.pop(key, None)
    after.update({k: (str(v) if isinstance(v, str) else v) for k, v in change.set_keys.items()})
    for key, items in change.append.items():
        after[key] = [*after.get(key, []), *copy.deepcopy(items)]
    return after


def trailers_for(
    action: str, before: Mapping[str, Any], after: Mapping[str, Any]
) -> dict[str, str]:
    message = commits.message(
        action, str(after["title"]), str(before["status"]), str(after["status"]), ID, after
    )
    return commits.parse(message)[2]


def make_commit(
    author: Actor,
    trailers: Mapping[str, str],
    *,
    when: datetime = T0,
    paths: tuple[str, ...] = (PATH,),
    four_eyes: bool = False,
    committer: str | None = None,
    staff: Mapping[str, Actor] = STAFF,
    media_added: tuple[str, ...] = (),
) -> Commit:
    return Commit(
        "c0ffee" * 6 + "ab",
        author.name,
        author.email,
        committer or author.email,
        when,
        dict(trailers),
        paths,
        staff,
        four_eyes,
        media_added,
    )


def take(
    before: Mapping[str, Any],
    action: str,
    actor: Actor,
    *,
    when: datetime = T0,
    options: Options = EVERY_OPTION,
    author: Actor | None = None,
    body_after: str = "Isi.",
    **commit: Any,
) -> Step:
    """The step redaksi itself makes: ``actor`` takes ``action`` at ``when``."""
    change = workflow.decide(before, action, actor, stamp(when), options)
    after = apply(before, change)
    trailers = trailers_for(action, before, after)
    return Step(
        make_commit(author or actor, trailers, when=when, **commit),
        Version(PATH, before, "Isi.", b"before"),
        Version(PATH, after, body_after, b"after"),
    )


def bend(step: Step, *, front: Mapping[str, Any] | None = None, **commit: Any) -> Step:
    """The same step with the after version's front matter or the commit changed."""
    after = step.after
    if front is not None:
        assert after is not None
        after = Version(after.path, front, after.body, after.raw)
    return Step(Commit(**{**step.commit.__dict__, **commit}), step.before, after)


def walk(*moves: tuple[str, Actor], start: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The front matter after ``moves``, each taken an hour after the last."""
    front = dict(start or drafted())
    for n, (action, actor) in enumerate(moves):
        step = take(front, action, actor, when=T0 + timedelta(hours=n))
        assert check(step) == [], (action, check(step))
        assert step.after is not None and step.after.front is not None
        front = dict(step.after.front)
    return front


REVIEW = [("submit", ALI)]
EDIT = [*REVIEW, ("approve", MS)]
PUBLISHED = [*EDIT, ("publish", KEYRA)]
SCHEDULED = [*EDIT, ("schedule", KEYRA)]
LATER = T0 + timedelta(days=2)


def rules_of(findings: list[Finding]) -> list[tuple[str, str, dict[str, Any]]]:
    return [(f.rule, f.key, dict(f.params)) for f in findings]
