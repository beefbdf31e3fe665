"""The workflow's decision in detail: what each refusal says, what each step records, and when.

test_workflow.py holds the table and the sequences; here each rule of ``decide`` is pinned with
the exact parameters a person reads (the catalogue fills its sentence from them).
"""

from __future__ import annotations

from typing import Any

import pytest

from redaksi.core.workflow import (
    CORRECTION_TYPES,
    RETRACTION_GROUNDS,
    TRANSITIONS,
    Actor,
    Options,
    authorize,
    decide,
    reporters,
)
from redaksi.errors import RedaksiError, RefusedError, UsageError

ALI = Actor("Ali Ya'lu", "ali@kabar.test", frozenset({"reporter"}))
DEWI = Actor("Dewi", "dewi@kabar.test", frozenset({"reporter"}))
MS = Actor("Mohammad S", "ms@kabar.test", frozenset({"editor"}))
KEYRA = Actor("Keyra", "keyra@kabar.test", frozenset({"publisher"}))
BOTH = Actor("Ali Ya'lu", "ali@kabar.test", frozenset({"reporter", "editor", "publisher"}))
NOW = "2025-03-04T10:00:00+07:00"
UNTIL = "2025-03-05T00:00:00+07:00"


def front(status: str, **extra: Any) -> dict[str, Any]:
    return {"status": status, "reporter": {"name": "Ali Ya'lu", "email": "ali@kabar.test"}, **extra}


def refusal(kind: type[RedaksiError], *args: Any) -> tuple[str, dict[str, Any]]:
    with pytest.raises(kind) as caught:
        decide(*args)
    return caught.value.key, caught.value.params


def test_a_wrong_state_names_the_action_the_state_and_where_it_may_start() -> None:
    assert refusal(RefusedError, front("published"), "reject", MS, NOW, Options(note="x")) == (
        "workflow.wrong_state",
        {"action": "reject", "status": "published", "allowed": "edit, review"},
    )
    assert refusal(RefusedError, {}, "submit", ALI, NOW, Options()) == (
        "workflow.wrong_state",
        {"action": "submit", "status": "", "allowed": "draft"},
    )


def test_a_missing_role_names_the_person_and_the_role_they_need() -> None:
    assert refusal(RefusedError, front("edit"), "publish", MS, NOW, Options()) == (
        "staff.lacks_role",
        {
            "name": "Mohammad S",
            "email": "ms@kabar.test",
            "role_msg": "role.publisher",
            "action": "publish",
        },
    )
    assert refusal(RefusedError, front("review"), "reject", DEWI, NOW, Options(note="x")) == (
        "staff.lacks_role",
        {"name": "Dewi", "email": "dewi@kabar.test", "role_msg": "role.editor", "action": "reject"},
    )
    assert refusal(RefusedError, front("draft"), "submit", DEWI, NOW, Options()) == (
        "workflow.reporter_or_role",
        {"name": "Dewi", "email": "dewi@kabar.test", "role_msg": "role.editor", "action": "submit"},
    )


def test_the_reporter_is_known_by_email_whatever_its_case() -> None:
    loud = front("draft", reporter={"name": "Ali", "email": "ALI@Kabar.Test"})
    assert decide(loud, "submit", ALI, NOW, Options()).to_state == "review"
    shouting_actor = Actor(ALI.name, "Ali@KABAR.test", ALI.roles)
    assert decide(front("draft"), "submit", shouting_actor, NOW, Options()).to_state == "review"
    nobody = front("draft", reporter="ali@kabar.test")  # not a person: nobody's own article
    with pytest.raises(RefusedError):
        decide(nobody, "submit", ALI, NOW, Options())


def test_the_reporter_may_only_where_the_table_says() -> None:
    with pytest.raises(RefusedError) as caught:
        decide(front("review"), "approve", ALI, NOW, Options())
    assert caught.value.key == "staff.lacks_role"


@pytest.mark.parametrize("action", ["approve", "publish", "schedule"])
def test_four_eyes_holds_back_anyone_who_ever_reported_the_story(action: str) -> None:
    status = "review" if action == "approve" else "edit"
    options = Options(four_eyes=True, at=UNTIL)
    assert refusal(RefusedError, front(status), action, BOTH, NOW, options) == (
        "workflow.four_eyes",
        {"action": action},
    )
    handed_on = front(
        status,
        reporter={"name": "Dewi", "email": "dewi@kabar.test"},
        history=[{"action": "reassign", "reporter_from": "ALI@kabar.test"}],
    )
    assert refusal(RefusedError, handed_on, action, BOTH, NOW, options)[0] == "workflow.four_eyes"
    assert decide(front(status), action, BOTH, NOW, Options(at=UNTIL)).action == action


@pytest.mark.parametrize("action", ["submit", "reject", "correct", "retract", "embargo"])
def test_four_eyes_leaves_other_steps_alone(action: str) -> None:
    status = {"submit": "draft", "reject": "review", "embargo": "draft"}.get(action, "published")
    options = Options(four_eyes=True, note="x", ground="anak", reason="x", until=UNTIL)
    assert decide(front(status), action, BOTH, NOW, options).action == action


def test_everyone_who_ever_reported_a_story() -> None:
    story = front(
        "edit",
        history=[
            {"action": "reassign", "reporter_from": "Dewi@kabar.test"},
            {"action": "approve", "by": "ms@kabar.test"},
            "noise",
            {"action": "reassign", "reporter_from": ""},
        ],
    )
    assert reporters(story) == {"ali@kabar.test", "dewi@kabar.test"}
    assert reporters({"history": "none"}) == set()
    assert reporters({"reporter": {"name": "x"}}) == set()


def test_a_step_that_needs_no_role_needs_no_role() -> None:
    row = TRANSITIONS["release"]
    nobody = Actor("CI", "ci@bot.test", frozenset())
    authorize(front("scheduled"), row, nobody, Options(four_eyes=True))


@pytest.mark.parametrize(
    ("status", "action", "options", "option"),
    [
        ("review", "reject", Options(note=""), "--note"),
        ("published", "correct", Options(note=" \n"), "--note"),
        ("published", "retract", Options(reason="x"), "--ground"),
        ("published", "retract", Options(ground="anak", reason=" "), "--reason"),
        ("edit", "schedule", Options(), "--at"),
    ],
)
def test_a_missing_option_is_named(status: str, action: str, options: Options, option: str) -> None:
    actor = MS if action in ("reject", "correct") else KEYRA
    assert refusal(UsageError, front(status), action, actor, NOW, options) == (
        "workflow.missing_option",
        {"option": option, "action": action},
    )


def test_a_bad_choice_lists_the_good_ones() -> None:
    bad_type = Options(note="x", correction_type="typo")
    assert refusal(UsageError, front("published"), "correct", MS, NOW, bad_type) == (
        "workflow.bad_choice",
        {"option": "--type", "value": "typo", "choices": ", ".join(CORRECTION_TYPES)},
    )
    bad_ground = Options(ground="bosan", reason="x")
    assert refusal(UsageError, front("published"), "retract", KEYRA, NOW, bad_ground) == (
        "workflow.bad_choice",
        {"option": "--ground", "value": "bosan", "choices": ", ".join(RETRACTION_GROUNDS)},
    )
    for kind in CORRECTION_TYPES:
        options = Options(note="x", correction_type=kind)
        assert (
            decide(front("published"), "correct", MS, NOW, options).append["corrections"][0]["type"]
            == kind
        )
    for ground in RETRACTION_GROUNDS:
        options = Options(ground=ground, reason="x")
        change = decide(front("published"), "retract", KEYRA, NOW, options)
        assert change.set_keys["retraction"]["ground"] == ground


def test_a_usage_problem_is_told_before_the_state() -> None:
    # a missing --note is said first: the person fixes the command, then learns the rest
    assert refusal(UsageError, front("draft"), "reject", ALI, NOW, Options())[0] == (
        "workflow.missing_option"
    )


def test_every_step_records_who_took_it_when_and_its_note_trimmed() -> None:
    change = decide(front("draft"), "submit", ALI, NOW, Options(note="  Siap.  "))
    assert change.note == "Siap."
    assert change.append == {
        "history": [
            {
                "action": "submit",
                "from": "draft",
                "to": "review",
                "by": "ali@kabar.test",
                "at": NOW,
                "note": "Siap.",
            }
        ]
    }
    assert change.set_keys == {"status": "review"}
    assert (change.action, change.from_state, change.to_state) == ("submit", "draft", "review")
    blank = decide(front("draft"), "submit", ALI, NOW, Options(note="   "))
    assert blank.note is None and "note" not in blank.append["history"][0]
    assert blank.remove == ()


def test_a_step_that_keeps_the_state_does_not_rewrite_it() -> None:
    change = decide(front("published"), "correct", MS, NOW, Options(note="Ralat."))
    assert "status" not in change.set_keys
    assert change.append["history"][0] == {
        "action": "correct",
        "from": "published",
        "to": "published",
        "by": "ms@kabar.test",
        "at": NOW,
        "note": "Ralat.",
    }
    assert change.append["corrections"] == [{"at": NOW, "type": "ralat", "note": "Ralat."}]
    assert change.set_keys == {"updated_at": NOW}


def test_a_retraction_records_its_reason_trimmed_and_a_public_title_only_when_given() -> None:
    options = Options(ground="anak", reason="  Identitas anak.  ", public_title="  Judul Aman ")
    change = decide(front("published"), "retract", KEYRA, NOW, options)
    assert change.set_keys == {
        "status": "retracted",
        "updated_at": NOW,
        "retraction": {
            "at": NOW,
            "ground": "anak",
            "reason": "Identitas anak.",
            "public_title": "Judul Aman",
        },
    }
    blank = Options(ground="anak", reason="x", public_title="  ")
    retraction = decide(front("published"), "retract", KEYRA, NOW, blank).set_keys["retraction"]
    assert "public_title" not in retraction


def test_scheduling_records_publisher_and_the_time_and_unscheduling_takes_them_away() -> None:
    change = decide(front("edit"), "schedule", KEYRA, NOW, Options(at=UNTIL))
    assert change.set_keys == {
        "status": "scheduled",
        "publisher": KEYRA.person(),
        "publish_at": UNTIL,
    }
    assert change.append["history"][0]["action"] == "schedule"
    back = decide(front("scheduled"), "unschedule", KEYRA, NOW, Options())
    assert back.set_keys == {"status": "edit"}
    assert back.remove == ("publisher", "publish_at")


def test_an_embargo_is_set_and_lifted_without_moving_the_story() -> None:
    change = decide(front("review"), "embargo", MS, NOW, Options(until=UNTIL))
    assert change.set_keys == {"embargo_until": UNTIL}
    assert change.remove == ()
    assert change.to_state == "review" and change.append["history"][0]["to"] == "review"
    lifted = decide(front("review", embargo_until=UNTIL), "embargo", MS, NOW, Options())
    assert lifted.set_keys == {} and lifted.remove == ("embargo_until",)


def test_a_release_is_recorded_in_the_schedulers_name_at_the_moment_of_release() -> None:
    scheduled = front("scheduled", publisher={"name": "Keyra", "email": "KEYRA@kabar.test"})
    scheduled["publish_at"] = NOW
    runner = Actor("CI", "ci@bot.test", frozenset())
    change = decide(scheduled, "release", runner, NOW, Options())
    assert change.set_keys == {"status": "published", "published_at": NOW}
    assert change.append["history"][0]["by"] == "keyra@kabar.test"


@pytest.mark.parametrize(
    ("at", "refused"),
    [("2025-03-04T23:59:59+07:00", True), (UNTIL, False), ("2025-03-05T00:00:01+07:00", False)],
)
def test_nothing_is_scheduled_for_before_its_embargo(at: str, refused: bool) -> None:
    story = front("edit", embargo_until=UNTIL)
    if refused:
        assert refusal(RefusedError, story, "schedule", KEYRA, NOW, Options(at=at)) == (
            "workflow.embargoed",
            {"until": UNTIL, "action": "schedule"},
        )
    else:
        assert decide(story, "schedule", KEYRA, NOW, Options(at=at)).to_state == "scheduled"


def test_an_unreadable_schedule_time_under_an_embargo_is_refused() -> None:
    story = front("edit", embargo_until=UNTIL)
    assert refusal(RefusedError, story, "schedule", KEYRA, NOW, Options(at="besok"))[0] == (
        "workflow.embargoed"
    )


@pytest.mark.parametrize(
    ("now", "refused"),
    [("2025-03-04T23:59:59+07:00", True), (UNTIL, False), ("2025-03-04T17:00:00Z", False)],
)
def test_nothing_is_published_before_its_embargo(now: str, refused: bool) -> None:
    story = front("edit", embargo_until=UNTIL)
    if refused:
        assert refusal(RefusedError, story, "publish", KEYRA, now, Options()) == (
            "workflow.embargoed",
            {"until": UNTIL, "action": "publish"},
        )
    else:
        assert decide(story, "publish", KEYRA, now, Options()).to_state == "published"
    unreadable = front("edit", embargo_until="besok")
    assert decide(unreadable, "publish", KEYRA, now, Options()).to_state == "published"


@pytest.mark.parametrize(
    ("publish_at", "embargo", "now", "refused"),
    [
        (NOW, None, "2025-03-04T09:59:59+07:00", True),
        (NOW, None, NOW, False),
        (NOW, UNTIL, "2025-03-04T12:00:00+07:00", True),
        (NOW, UNTIL, UNTIL, False),
        (None, None, NOW, True),
        ("besok", None, NOW, True),
        (None, UNTIL, UNTIL, False),
    ],
)
def test_a_release_waits_for_its_time_and_its_embargo(
    publish_at: str | None, embargo: str | None, now: str, refused: bool
) -> None:
    story = front("scheduled", publisher=KEYRA.person())
    if publish_at:
        story["publish_at"] = publish_at
    if embargo:
        story["embargo_until"] = embargo
    runner = Actor("CI", "ci@bot.test", frozenset())
    if refused:
        assert refusal(RefusedError, story, "release", runner, now, Options()) == (
            "workflow.not_due",
            {"when": publish_at},
        )
    else:
        assert decide(story, "release", runner, now, Options()).to_state == "published"


def test_a_release_with_no_readable_clock_is_not_held_back() -> None:
    story = front("scheduled", publisher=KEYRA.person(), publish_at=UNTIL)
    runner = Actor("CI", "ci@bot.test", frozenset())
    assert decide(story, "release", runner, "nanti", Options()).to_state == "published"
