"""A step read back from the article it produced is the same step: what ``sync`` relies on to
redo a desk's step on the remote. Built from the workflow's own decisions, every action."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from redaksi.core import steps, workflow
from redaksi.core.workflow import Actor, Options
from tests.verify_steps import (
    ALI,
    DEWI,
    EDIT,
    KEYRA,
    LATER,
    MS,
    PUBLISHED,
    REVIEW,
    SCHEDULED,
    T0,
    apply,
    stamp,
    walk,
)

NOW = stamp(LATER)
CASES = [
    ([], "submit", ALI, Options()),
    (REVIEW, "approve", MS, Options()),
    (REVIEW, "reject", MS, Options(note="Data kurang.")),
    (EDIT, "publish", KEYRA, Options()),
    (EDIT, "schedule", KEYRA, Options(at=stamp(LATER + timedelta(days=1)))),
    (SCHEDULED, "unschedule", KEYRA, Options()),
    ([], "embargo", MS, Options(until=stamp(LATER + timedelta(days=3)))),
    (PUBLISHED, "correct", MS, Options(note="Nama diperbaiki.", correction_type="koreksi")),
    (PUBLISHED, "correct", MS, Options(note="Angka.", correction_type="hak-jawab")),
    (
        PUBLISHED,
        "retract",
        KEYRA,
        Options(ground="anak", reason="Identitas anak.", public_title="Berita dicabut"),
    ),
    (PUBLISHED, "retract", KEYRA, Options(ground="sara", reason="Ujaran.")),
    (EDIT, "reassign", MS, Options(to=DEWI.person(), note="Ali cuti.")),
]


@pytest.mark.parametrize(("path", "action", "actor", "options"), CASES)
def test_a_step_read_back_from_its_article_is_redone_exactly(
    path: list[tuple[str, Actor]], action: str, actor: Actor, options: Options
) -> None:
    before = walk(*path)
    after = apply(before, workflow.decide(before, action, actor, NOW, options))
    note = options.note.strip() if options.note else None
    read = steps.options_from(action, after, note)
    assert workflow.decide(before, action, actor, NOW, read) == workflow.decide(
        before, action, actor, NOW, options
    )
    assert steps.step_time(after, action) == NOW


def test_options_read_back_are_only_those_the_action_takes() -> None:
    published = walk(*PUBLISHED)
    scheduled = {**published, "publish_at": "2025-03-09T06:00:00+07:00"}
    embargoed = {**scheduled, "embargo_until": "2025-03-08T00:00:00+07:00"}
    retracted = {**embargoed, "retraction": {"ground": "anak", "reason": "R", "public_title": "T"}}
    assert steps.options_from("approve", retracted, None) == Options()
    assert steps.options_from("correct", retracted, "n") == Options(note="n")
    assert steps.options_from("retract", retracted, None) == Options(
        ground="anak", reason="R", public_title="T"
    )
    assert steps.options_from("schedule", retracted, None).at == "2025-03-09T06:00:00+07:00"
    assert steps.options_from("embargo", retracted, None).until == "2025-03-08T00:00:00+07:00"
    assert steps.options_from("reassign", published, None).to == ALI.person()


@pytest.mark.parametrize(
    "front",
    [
        {},
        {"corrections": []},
        {"corrections": ["ralat"]},
        {"corrections": [{"type": "koreksi"}, "x"]},
        {"retraction": "dicabut"},
        {"reporter": "ali@kabar.test", "publish_at": "", "embargo_until": None},
    ],
    ids=["empty", "no-corrections", "text-correction", "last-not-a-record", "text", "blank"],
)
def test_options_read_back_from_an_odd_article_are_the_defaults(front: dict[str, Any]) -> None:
    for action in ("correct", "retract", "schedule", "embargo", "reassign"):
        assert steps.options_from(action, front, None) == Options()


def test_a_reporter_without_a_name_or_email_reads_back_as_empty_text() -> None:
    read = steps.options_from("reassign", {"reporter": {"email": "dewi@kabar.test"}}, None)
    assert read.to == {"name": "", "email": "dewi@kabar.test"}
    read = steps.options_from("reassign", {"reporter": {"name": "Dewi"}}, None)
    assert read.to == {"name": "Dewi", "email": ""}
    read = steps.options_from("reassign", {"reporter": {"name": 7, "email": 8}}, None)
    assert read.to == {"name": "7", "email": "8"}


def test_the_time_of_a_step_is_the_time_of_its_own_history_entry() -> None:
    front = walk(*EDIT)
    assert steps.step_time(front, "approve") == stamp(T0 + timedelta(hours=1))
    assert steps.step_time(front, "submit") is None  # not the last entry
    assert steps.step_time({}, "approve") is None
    assert steps.step_time({"history": []}, "approve") is None
    assert steps.step_time({"history": ["approve"]}, "approve") is None
    assert steps.step_time({"history": [{"action": "approve"}]}, "approve") is None
    assert steps.step_time({"history": [{"action": "approve", "at": ""}]}, "approve") is None
    odd = {"history": [{"action": "approve", "at": 20250304}]}
    assert steps.step_time(odd, "approve") == "20250304"
