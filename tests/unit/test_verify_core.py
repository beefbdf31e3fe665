"""verify's rules on records built by hand: every finding exactly (rule, catalogue key, params).

New articles, deleted ones and hand edits; the transitions are in test_verify_steps.py.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

import pytest

from redaksi.core import commits, workflow
from redaksi.core.verify import Step, Version, check, parse_time, person, stray
from redaksi.core.workflow import Actor, Options
from tests.verify_steps import (
    ALI,
    CREATED,
    DEWI,
    EDIT,
    EVERY_OPTION,
    ID,
    KEYRA,
    LATER,
    MS,
    PATH,
    PUBLISHED,
    REVIEW,
    SCHEDULED,
    STRANGER,
    T0,
    apply,
    bend,
    drafted,
    make_commit,
    rules_of,
    stamp,
    take,
    trailers_for,
    walk,
)

# --- the honest paths pass ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "action", "actor"),
    [
        ([], "submit", ALI),
        ([], "submit", MS),
        (REVIEW, "approve", MS),
        (REVIEW, "reject", MS),
        (EDIT, "reject", KEYRA),
        (EDIT, "publish", KEYRA),
        (EDIT, "schedule", KEYRA),
        (SCHEDULED, "unschedule", KEYRA),
        (PUBLISHED, "correct", MS),
        (PUBLISHED, "retract", KEYRA),
        ([], "embargo", MS),
        (REVIEW, "embargo", KEYRA),
    ],
)
def test_every_step_redaksi_takes_passes(
    path: list[tuple[str, Actor]], action: str, actor: Actor
) -> None:
    front = walk(*path)
    assert check(take(front, action, actor, when=LATER)) == []


def test_a_release_by_anyone_after_its_time_passes() -> None:
    front = walk(*SCHEDULED)
    due = datetime.fromisoformat(EVERY_OPTION.at or "")
    step = take(front, "release", STRANGER, when=due, options=Options(), author=KEYRA)
    step = bend(
        step,
        committer_email="ci@bot.test",
        trailers={**step.commit.trailers, "Redaksi-Released-By": "CI <ci@bot.test>"},
    )
    assert check(step) == []


# --- new articles --------------------------------------------------------------------------


def added(
    front: Mapping[str, Any], author: Actor = ALI, action: str = "draft", **commit: Any
) -> Step:
    trailers = commits.parse(
        commits.message(action, str(front.get("title")), commits.NEW, "draft", ID, front)
    )[2]
    return Step(make_commit(author, trailers, **commit), None, Version(PATH, front, "Isi."))


def test_a_draft_made_by_redaksi_passes_even_with_an_embargo() -> None:
    assert check(added(drafted())) == []
    assert check(added(drafted(embargo_until="2025-03-06T00:00:00+07:00"))) == []


@pytest.mark.parametrize(
    "front",
    [
        drafted(status="published"),
        drafted(editor=MS.person()),
        drafted(published_at=CREATED),
        drafted(history=[]),
        drafted(history=[*drafted()["history"], *drafted()["history"]]),
        drafted(history=[{"action": "submit", "to": "draft", "by": ALI.email}]),
        drafted(history=[{"action": "draft", "to": "review", "by": ALI.email}]),
        drafted(history=["draft"]),
        drafted(history="draft"),
    ],
    ids=[
        "published",
        "editor",
        "published_at",
        "no-history",
        "two-entries",
        "not-a-draft-entry",
        "entry-to-review",
        "entry-not-a-mapping",
        "history-not-a-list",
    ],
)
def test_an_article_added_as_anything_but_a_fresh_draft_fails(front: dict[str, Any]) -> None:
    assert rules_of(check(added(front))) == [
        ("added-not-draft", "verify.added_not_draft", {"status": front["status"]})
    ]


def test_an_article_added_behind_another_action_fails() -> None:
    assert rules_of(check(added(drafted(), action="submit"))) == [
        ("added-not-draft", "verify.added_not_draft", {"status": "draft"})
    ]
    assert check(added(drafted(status="published"), action="import")) == []  # judged whole


def test_a_draft_by_a_stranger_a_non_reporter_or_for_someone_else_fails() -> None:
    assert rules_of(check(added(drafted(), author=STRANGER))) == [
        ("not-staff", "verify.not_staff", {})
    ]
    by_editor = drafted(reporter=MS.person())
    by_editor["history"] = [{"action": "draft", "to": "draft", "by": MS.email, "at": CREATED}]
    assert rules_of(check(added(by_editor, author=MS))) == [
        ("role", "verify.role", {"action": "draft", "role_msg": "role.reporter"})
    ]
    assert rules_of(check(added(drafted(), author=DEWI))) == [
        ("history", "verify.history", {"action": "draft"}),
        ("credit", "verify.credit", {"field": "reporter"}),
    ]


def test_a_drafts_history_and_credit_compare_emails_without_case() -> None:
    shouting = drafted(reporter={"name": ALI.name, "email": "ALI@Kabar.Test"})
    shouting["history"][0]["by"] = "Ali@KABAR.test"
    trailers = commits.parse(commits.message("draft", "x", commits.NEW, "draft", ID, shouting))[2]
    step = Step(
        make_commit(Actor(ALI.name, "ali@KABAR.TEST", ALI.roles), trailers),
        None,
        Version(PATH, shouting, ""),
    )
    assert check(step) == []


def test_a_draft_credited_under_another_name_fails() -> None:
    front = drafted(reporter={"name": "Ali", "email": ALI.email})
    assert rules_of(check(added(front))) == [("credit", "verify.credit", {"field": "reporter"})]


def test_a_draft_whose_trailers_lie_fails() -> None:
    step = added(drafted())
    lying = {**step.commit.trailers, "Redaksi-From": "draft"}
    assert rules_of(check(bend(step, trailers=lying))) == [
        (
            "trailers",
            "verify.trailer",
            {"trailer": "Redaksi-From", "expected": "new", "found": "draft"},
        )
    ]
    missing = {k: v for k, v in step.commit.trailers.items() if k != "Reporter"}
    assert rules_of(check(bend(step, trailers=missing))) == [
        (
            "trailers",
            "verify.trailer",
            {"trailer": "Reporter", "expected": "Ali Ya'lu <ali@kabar.test>", "found": ""},
        )
    ]


def test_a_draft_committed_with_other_files_fails() -> None:
    step = added(drafted(), paths=(PATH, "README.md"))
    assert rules_of(check(step)) == [("extra-files", "verify.extra_files", {"count": 2})]


def test_a_step_may_add_the_photo_it_names_and_nothing_else() -> None:
    photo = "media/2025/03/banjir.jpg"
    front = drafted(photo={"file": "2025/03/banjir.jpg", "caption": "c", "credit": "k"})
    assert check(added(front, paths=(PATH, photo), media_added=(photo,))) == []
    assert rules_of(check(added(front, paths=(PATH, photo), media_added=()))) == [
        ("extra-files", "verify.extra_files", {"count": 2})
    ]
    other = "media/2025/03/lain.jpg"
    assert rules_of(check(added(front, paths=(PATH, other), media_added=(other,)))) == [
        ("extra-files", "verify.extra_files", {"count": 2})
    ]
    no_photo = drafted(photo={"url": "https://x.test/a.jpg", "caption": "c", "credit": "k"})
    assert rules_of(check(added(no_photo, paths=(PATH, photo), media_added=(photo,)))) == [
        ("extra-files", "verify.extra_files", {"count": 2})
    ]


def test_an_unreadable_new_version_is_a_finding_of_its_own() -> None:
    step = Step(make_commit(ALI, {}), Version(PATH, drafted(), ""), Version(PATH, None, None))
    assert rules_of(check(step)) == [("unreadable", "verify.unreadable", {})]


# --- deleting ------------------------------------------------------------------------------


def deleted(front: Mapping[str, Any], author: Actor, action: str | None = "discard") -> Step:
    trailers = {}
    if action:
        message = commits.message(action, "x", str(front["status"]), "discarded", ID, front)
        trailers = commits.parse(message)[2]
    return Step(make_commit(author, trailers), Version(PATH, front, "Isi."), None)


def test_a_never_published_draft_is_discarded_by_its_reporter_or_an_editor() -> None:
    assert check(deleted(drafted(), ALI)) == []
    once_scheduled = drafted(history=[{"to": "scheduled"}, {"to": "edit"}, {"to": "draft"}])
    assert check(deleted(once_scheduled, ALI)) == []  # scheduled, never out: still unpublished
    assert check(deleted(drafted(), MS)) == []
    assert rules_of(check(deleted(drafted(), DEWI))) == [
        ("role", "verify.role", {"action": "discard", "role_msg": "role.editor"})
    ]
    assert rules_of(check(deleted(drafted(), STRANGER))) == [("not-staff", "verify.not_staff", {})]
    for nobody in ("Ali Ya'lu <ali@kabar.test>", {"name": "Ali Ya'lu"}):
        unowned = drafted(reporter=nobody)  # no email: nobody's own draft to throw away
        assert [f.rule for f in check(deleted(unowned, ALI)) if f.rule != "trailers"] == ["role"]
        assert [f.rule for f in check(deleted(unowned, MS)) if f.rule != "trailers"] == []


@pytest.mark.parametrize(
    ("front", "action"),
    [
        (drafted(), None),
        (drafted(status="review"), "discard"),
        (walk(*PUBLISHED), "discard"),
        (drafted(history=[{"to": "retracted"}]), "discard"),
        (drafted(history=[{"to": "published"}]), "discard"),
    ],
    ids=["no-discard", "review", "published", "once-retracted", "once-published"],
)
def test_deleting_anything_else_fails(front: dict[str, Any], action: str | None) -> None:
    assert rules_of(check(deleted(front, MS, action))) == [
        ("deleted", "verify.deleted", {"status": front["status"]})
    ]


def test_a_discard_whose_trailers_lie_fails() -> None:
    step = deleted(drafted(), ALI)
    lying = {**step.commit.trailers, "Redaksi-To": "draft"}
    assert rules_of(check(bend(step, trailers=lying))) == [
        (
            "trailers",
            "verify.trailer",
            {"trailer": "Redaksi-To", "expected": "discarded", "found": "draft"},
        )
    ]
    extra = bend(step, paths=(PATH, "media/x.jpg"))
    assert rules_of(check(extra)) == [("extra-files", "verify.extra_files", {"count": 2})]


# --- changes to an existing article --------------------------------------------------------


def edited(
    before: Mapping[str, Any],
    after: Mapping[str, Any],
    author: Actor = ALI,
    trailers: Mapping[str, str] | None = None,
    *,
    raw: tuple[bytes, bytes] = (b"same", b"same"),
    paths: tuple[str, str] = (PATH, PATH),
) -> Step:
    return Step(
        make_commit(author, trailers or {}, paths=tuple(sorted(set(paths)))),
        Version(paths[0], before, "Isi.", raw[0]),
        Version(paths[1], after, "Isi.", raw[1]),
    )


@pytest.mark.parametrize("status", ["scheduled", "published", "retracted"])
def test_a_story_on_the_record_is_never_moved(status: str) -> None:
    front = {**drafted(), "status": status}
    moved = "articles/2025/03/banjir-baru.md"
    assert rules_of(check(edited(front, front, paths=(PATH, moved)))) == [
        ("renamed", "verify.renamed", {"status": status})
    ]


def test_a_draft_may_move() -> None:
    moved = "articles/2025/03/banjir-baru.md"
    assert check(edited(drafted(), drafted(), paths=(PATH, moved))) == []


@pytest.mark.parametrize("action", ["draft", "import", "discard"])
def test_a_step_that_cannot_change_an_existing_article_is_illegal(action: str) -> None:
    before, after = drafted(), drafted(title="Lain")
    step = edited(before, after, trailers={"Redaksi-Action": action})
    assert rules_of(check(step)) == [
        (
            "illegal-transition",
            "verify.illegal",
            {"action": action, "before": "draft", "after": "draft"},
        )
    ]
    frozen = {**drafted(), "status": "published"}
    moved = edited(frozen, frozen, trailers={"Redaksi-Action": action}, paths=(PATH, "a/b.md"))
    assert [f.rule for f in check(moved)] == ["renamed", "illegal-transition"]


def test_a_status_changed_by_hand_fails() -> None:
    step = edited(drafted(), drafted(status="published"))
    assert rules_of(check(step)) == [
        ("status-by-hand", "verify.status_by_hand", {"before": "draft", "after": "published"})
    ]


@pytest.mark.parametrize("status", ["scheduled", "published", "retracted"])
def test_any_byte_of_a_story_on_the_record_changed_by_hand_fails(status: str) -> None:
    front = {**drafted(), "status": status}
    step = edited(front, front, KEYRA, raw=(b"a", b"b"))
    assert rules_of(check(step)) == [
        ("published-changed", "verify.published_changed", {"status": status})
    ]
    assert check(edited(front, front, KEYRA)) == []  # the same bytes (a mode change, say)


@pytest.mark.parametrize(
    "key",
    [
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
    ],
)
def test_a_protected_key_changed_by_hand_fails(key: str) -> None:
    before = walk(*REVIEW)
    after = {**before, key: "changed"}
    assert rules_of(check(edited(before, after))) == [
        ("protected", "verify.protected", {"field": key})
    ]


def test_the_story_of_a_draft_is_anyones_on_staff_to_edit() -> None:
    before = drafted()
    after = drafted(title="Judul Baru", tags=["Banjir"])
    assert check(edited(before, after, DEWI, raw=(b"a", b"b"))) == []
    assert rules_of(check(edited(before, after, STRANGER, raw=(b"a", b"b")))) == [
        ("not-staff", "verify.not_staff", {})
    ]
    assert rules_of(check(edited(before, {**after, "editor": MS.person()}, STRANGER))) == [
        ("protected", "verify.protected", {"field": "editor"}),
        ("not-staff", "verify.not_staff", {}),
    ]


def test_the_embargo_is_set_by_hand_only_before_the_first_submit() -> None:
    until = "2025-03-06T00:00:00+07:00"
    assert check(edited(drafted(), drafted(embargo_until=until))) == []
    rejected = walk(*REVIEW, ("reject", MS))
    assert rejected["status"] == "draft"
    assert rules_of(check(edited(rejected, {**rejected, "embargo_until": until}))) == [
        ("protected", "verify.protected", {"field": "embargo_until"})
    ]
    in_review = {**drafted(), "status": "review"}
    assert rules_of(check(edited(in_review, {**in_review, "embargo_until": until}))) == [
        ("protected", "verify.protected", {"field": "embargo_until"})
    ]
    junk = drafted(history=["submit", {"action": "draft"}])
    assert check(edited(junk, {**junk, "embargo_until": until})) == []


# --- embargoes, stray trailers, people and times --------------------------------------


UNTIL = "2025-03-06T00:00:00+07:00"
EMBARGOED = datetime.fromisoformat(UNTIL)


def embargoed_edit() -> dict[str, Any]:
    return walk(*EDIT, start=drafted(embargo_until=UNTIL))


def test_nothing_goes_out_before_its_embargo() -> None:
    front = embargoed_edit()
    assert check(take(front, "publish", KEYRA, when=EMBARGOED)) == []
    step = take(front, "publish", KEYRA, when=EMBARGOED)
    early = bend(step, date=EMBARGOED - timedelta(seconds=1))
    assert rules_of(check(early)) == [("embargo", "verify.embargo", {"until": UNTIL})]


def test_a_story_may_be_scheduled_before_its_embargo_but_not_for_before_it() -> None:
    front = embargoed_edit()
    at = Options(at=UNTIL)
    assert check(take(front, "schedule", KEYRA, options=at)) == []  # scheduled ahead: the point
    step = take(front, "schedule", KEYRA, options=at)
    assert step.after is not None and step.after.front is not None
    sooner = {**step.after.front, "publish_at": "2025-03-05T23:59:59+07:00"}
    assert rules_of(check(bend(step, front=sooner))) == [
        ("embargo", "verify.embargo", {"until": UNTIL})
    ]
    garbled = {**step.after.front, "publish_at": "besok"}
    assert rules_of(check(bend(step, front=garbled))) == [
        ("embargo", "verify.embargo", {"until": UNTIL})
    ]


def test_a_release_before_the_embargo_fails_once() -> None:
    front = walk(*SCHEDULED, start=drafted(embargo_until="2025-03-05T06:00:00+07:00"))
    due = datetime.fromisoformat(str(front["publish_at"]))
    after = apply(front, workflow.decide(front, "release", KEYRA, stamp(due), Options()))
    trailers = {**trailers_for("release", front, after), "Redaksi-Released-By": "B <ci@bot.test>"}
    commit = make_commit(KEYRA, trailers, when=due, committer="ci@bot.test")
    assert check(Step(commit, Version(PATH, front, ""), Version(PATH, after, ""))) == []
    until = "2025-03-05T07:00:00+07:00"  # an hour after it was due: the release was early
    held = Step(
        commit,
        Version(PATH, {**front, "embargo_until": until}, ""),
        Version(PATH, {**after, "embargo_until": until}, ""),
    )
    assert rules_of(check(held)) == [("embargo", "verify.embargo", {"until": until})]


def test_an_unreadable_embargo_holds_nothing_back() -> None:
    front = walk(*EDIT, start=drafted(embargo_until="someday"))
    assert check(take(front, "publish", KEYRA)) == []


def test_trailers_naming_an_article_the_commit_does_not_change_are_stray() -> None:
    trailers = {"Redaksi-Action": "approve", "Redaksi-Article": ID}
    assert stray(trailers, [ID]) is None
    assert stray({"Redaksi-Article": "other"}, []) is None  # no action: just a word in a message
    found = stray(trailers, ["other-id"])
    assert found is not None and rules_of([found]) == [
        ("stray-trailers", "verify.stray", {"article": ID})
    ]
    nameless = stray({"Redaksi-Action": "approve"}, [])
    assert nameless is not None and rules_of([nameless]) == [
        ("stray-trailers", "verify.stray", {"article": "-"})
    ]


def test_people_and_times_as_verify_reads_them() -> None:
    assert person({"name": "Keyra", "email": "keyra@kabar.test"}) == "Keyra <keyra@kabar.test>"
    assert person({"email": "keyra@kabar.test"}) == " <keyra@kabar.test>"
    assert person({"name": "Keyra"}) == "Keyra <>"
    assert person("Keyra") == ""
    assert parse_time("2025-03-04T10:00:00+07:00") == T0
    assert parse_time("2025-03-04t03:00:00z") == T0
    assert parse_time("2025-03-04T03:00:00Z") == T0
    assert parse_time("2025-03-04T10:00:00") is None  # a moment needs its offset
    assert parse_time("kemarin") is None
    assert parse_time(None) is None
