"""verify on ``reassign``: a story handed on goes to a reporter on staff, credited as staff names
them, and its history says from whom to whom. Steps built by hand, every finding exact."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from redaksi.core.verify import check
from redaksi.core.workflow import Actor, Options
from tests.verify_steps import (
    ALI,
    DEWI,
    EDIT,
    KEYRA,
    LATER,
    MS,
    STAFF,
    bend,
    drafted,
    rules_of,
    take,
    trailers_for,
    walk,
)

TO_DEWI = Options(to=DEWI.person(), note="Ali cuti.")
CREDIT = [("credit", "verify.credit", {"field": "reporter"})]


def handed(front: dict[str, Any] | None = None, **commit: Any) -> Any:
    return take(front or walk(*EDIT), "reassign", MS, when=LATER, options=TO_DEWI, **commit)


def bent(change: Any) -> list[tuple[str, str, dict[str, Any]]]:
    """The findings when the after version of an honest reassignment is changed by ``change``."""
    step = handed()
    assert step.after is not None and step.after.front is not None
    after = copy.deepcopy(dict(step.after.front))
    change(after)
    assert step.before is not None and step.before.front is not None
    trailers = trailers_for("reassign", step.before.front, after)  # as redaksi would write them
    return rules_of(check(bend(step, front=after, trailers=trailers)))


@pytest.mark.parametrize("start", [[], [("submit", ALI)], EDIT])
def test_a_story_handed_to_a_reporter_on_staff_passes(start: list[tuple[str, Actor]]) -> None:
    assert check(handed(walk(*start))) == []


def test_the_new_reporter_must_be_on_staff_and_a_reporter() -> None:
    off_staff = {k: v for k, v in STAFF.items() if k != DEWI.email}
    assert rules_of(check(handed(staff=off_staff))) == CREDIT
    not_a_reporter = {**STAFF, DEWI.email: Actor(DEWI.name, DEWI.email, frozenset({"editor"}))}
    assert rules_of(check(handed(staff=not_a_reporter))) == CREDIT


def test_the_new_reporter_is_found_on_staff_whatever_the_case_of_the_email() -> None:
    loud = {**STAFF}
    del loud[DEWI.email]
    loud["dewi@kabar.test"] = Actor(DEWI.name, "Dewi@Kabar.Test", DEWI.roles)

    def shout(after: dict[str, Any]) -> None:
        after["history"][-1]["reporter_to"] = "DEWI@KABAR.TEST"

    step = handed(staff=loud)
    assert step.after is not None and step.after.front is not None
    after = copy.deepcopy(dict(step.after.front))
    shout(after)
    assert check(bend(step, front=after)) == []


def test_history_must_say_from_whom_and_to_whom() -> None:
    def wrong_from(after: dict[str, Any]) -> None:
        after["history"][-1]["reporter_from"] = KEYRA.email

    def wrong_to(after: dict[str, Any]) -> None:
        after["history"][-1]["reporter_to"] = ALI.email

    def without(after: dict[str, Any]) -> None:
        del after["history"][-1]["reporter_from"]
        del after["history"][-1]["reporter_to"]

    assert bent(wrong_from) == CREDIT
    assert bent(wrong_to) == CREDIT
    assert bent(without) == CREDIT


def test_the_names_in_history_are_compared_whatever_their_case() -> None:
    def loud(after: dict[str, Any]) -> None:
        after["history"][-1]["reporter_from"] = "ALI@Kabar.Test"
        after["history"][-1]["reporter_to"] = "Dewi@KABAR.test"

    assert bent(loud) == []


def test_the_new_reporter_is_named_as_the_staff_list_names_them() -> None:
    def renamed(after: dict[str, Any]) -> None:
        after["reporter"] = {"name": "Dewi Palsu", "email": DEWI.email}

    assert bent(renamed) == CREDIT


def test_a_reassignment_whose_last_history_entry_is_not_a_record_fails() -> None:
    def garbled(after: dict[str, Any]) -> None:
        after["history"][-1] = "reassign"

    found = bent(garbled)
    assert ("credit", "verify.credit", {"field": "reporter"}) in found
    assert ("history", "verify.history", {"action": "reassign"}) in found


def test_a_reporter_that_is_not_a_person_is_not_a_reporter_on_staff() -> None:
    def plain(after: dict[str, Any]) -> None:
        after["reporter"] = DEWI.email

    no_trailer = (
        "trailers",
        "verify.trailer",
        {"trailer": "Reporter", "expected": "", "found": ""},
    )
    assert bent(plain) == [no_trailer, *CREDIT]


def test_a_story_of_a_reporter_without_email_is_handed_on_from_nobody() -> None:
    step = take(drafted(reporter="Ali"), "reassign", MS, when=LATER, options=TO_DEWI)
    assert check(step) == []
    assert step.after is not None and step.after.front is not None
    after = copy.deepcopy(dict(step.after.front))
    assert after["history"][-1]["reporter_from"] == ""
    del after["history"][-1]["reporter_from"]  # no key: read as no one, the same
    assert check(bend(step, front=after)) == []


def test_a_reassignment_is_held_to_the_other_rules_too() -> None:
    def redated(after: dict[str, Any]) -> None:
        after["created_at"] = "2025-03-01T00:00:00+07:00"

    assert bent(redated) == [("protected", "verify.protected", {"field": "created_at"})]
