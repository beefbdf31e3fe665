"""verify's rules on records built by hand: every finding exactly (rule, catalogue key, params).

Transitions: state, trailers, role, four-eyes, records, history, release and embargo.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest

from redaksi.core import workflow
from redaksi.core.verify import SKEW, Step, Version, check
from redaksi.core.workflow import Actor, Options
from tests.verify_steps import (
    ALI,
    CREATED,
    DEWI,
    EDIT,
    EVERY_OPTION,
    KEYRA,
    LATER,
    MS,
    PATH,
    PUBLISHED,
    REVIEW,
    SCHEDULED,
    STAFF,
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

# --- transitions ---------------------------------------------------------------------------


def test_a_step_to_a_state_its_action_does_not_reach_is_illegal() -> None:
    step = take(walk(*REVIEW), "approve", MS)
    assert step.after is not None and step.after.front is not None
    published = {**step.after.front, "status": "published"}
    assert rules_of(check(bend(step, front=published))) == [
        (
            "illegal-transition",
            "verify.illegal",
            {"action": "approve", "before": "review", "after": "published"},
        )
    ]
    from_draft = take(drafted(), "submit", ALI)
    assert from_draft.after is not None and from_draft.after.front is not None
    wrong_source = Step(
        bend(
            from_draft, trailers={**from_draft.commit.trailers, "Redaksi-Action": "approve"}
        ).commit,
        from_draft.before,
        Version(PATH, {**from_draft.after.front, "status": "edit"}, "Isi."),
    )
    assert [f.rule for f in check(wrong_source)] == ["illegal-transition"]
    unknown = bend(step, trailers={**step.commit.trailers, "Redaksi-Action": "legal-review"})
    assert rules_of(check(unknown)) == [
        (
            "illegal-transition",
            "verify.illegal",
            {"action": "legal-review", "before": "review", "after": "edit"},
        )
    ]


def test_a_step_that_keeps_its_state_must_keep_it() -> None:
    step = take(walk(*PUBLISHED), "correct", MS, when=LATER)
    assert step.after is not None and step.after.front is not None
    assert [f.rule for f in check(bend(step, front={**step.after.front, "status": "edit"}))] == [
        "illegal-transition"
    ]


@pytest.mark.parametrize(
    ("trailer", "value"),
    [
        ("Redaksi-From", "draft"),
        ("Redaksi-To", "published"),
        ("Redaksi-Article", "0f9c7a52"),
        ("Reporter", "Ali <ali@kabar.test>"),
        ("Editor", "Mohammad <ms@kabar.test>"),
    ],
)
def test_transition_trailers_must_say_what_the_step_is(trailer: str, value: str) -> None:
    step = take(walk(*REVIEW), "approve", MS)
    expected = step.commit.trailers[trailer]
    found = bend(step, trailers={**step.commit.trailers, trailer: value})
    wrong = {"trailer": trailer, "expected": expected, "found": value}
    assert rules_of(check(found)) == [("trailers", "verify.trailer", wrong)]
    dropped = {k: v for k, v in step.commit.trailers.items() if k != trailer}
    assert rules_of(check(bend(step, trailers=dropped))) == [
        ("trailers", "verify.trailer", {**wrong, "found": ""})
    ]


def test_a_publisher_credited_in_the_trailers_is_checked_too() -> None:
    step = take(walk(*EDIT), "publish", KEYRA)
    assert step.commit.trailers["Publisher"] == "Keyra <keyra@kabar.test>"
    forged = bend(step, trailers={**step.commit.trailers, "Publisher": "Ali <ali@kabar.test>"})
    assert [f.params["trailer"] for f in check(forged)] == ["Publisher"]


def test_a_transition_by_someone_off_staff_fails() -> None:
    step = take(walk(*REVIEW), "approve", MS)
    assert rules_of(check(bend(step, staff={}))) == [("not-staff", "verify.not_staff", {})]


@pytest.mark.parametrize(
    ("path", "action", "actor", "role"),
    [
        (REVIEW, "approve", ALI, "editor"),
        (REVIEW, "reject", DEWI, "editor"),
        (EDIT, "publish", MS, "publisher"),
        (EDIT, "schedule", MS, "publisher"),
        (PUBLISHED, "correct", ALI, "editor"),
        (PUBLISHED, "retract", MS, "publisher"),
        (SCHEDULED, "unschedule", MS, "publisher"),
        ([], "embargo", ALI, "editor"),
        ([], "submit", DEWI, "editor"),
    ],
)
def test_a_transition_by_someone_without_the_role_fails(
    path: list[tuple[str, Actor]], action: str, actor: Actor, role: str
) -> None:
    front = walk(*path)
    change = workflow.decide(
        front, action, KEYRA if role == "publisher" else MS, stamp(LATER), EVERY_OPTION
    )
    after = apply(front, change)
    for key in ("editor", "publisher"):
        if key in change.set_keys:
            after[key] = actor.person()
    after["history"][-1]["by"] = actor.email
    step = Step(
        make_commit(actor, trailers_for(action, front, after), when=LATER),
        Version(PATH, front, "Isi."),
        Version(PATH, after, "Isi."),
    )
    assert rules_of(check(step)) == [
        ("role", "verify.role", {"action": action, "role_msg": f"role.{role}"})
    ]


def test_four_eyes_is_enforced_only_when_the_newsroom_asks() -> None:
    both = Actor(ALI.name, ALI.email, frozenset({"reporter", "editor", "publisher"}))
    staff = {**STAFF, ALI.email: both}
    review = walk(*REVIEW)
    assert check(take(review, "approve", both, staff=staff)) == []
    assert rules_of(check(take(review, "approve", both, staff=staff, four_eyes=True))) == [
        ("four-eyes", "verify.four_eyes", {"action": "approve"})
    ]
    edit = walk(*EDIT)
    for action in ("publish", "schedule"):
        assert rules_of(check(take(edit, action, both, staff=staff, four_eyes=True))) == [
            ("four-eyes", "verify.four_eyes", {"action": action})
        ]
    shouting = {**review, "reporter": {"name": ALI.name, "email": "ALI@KABAR.TEST"}}
    found = check(take(shouting, "approve", both, staff=staff, four_eyes=True))
    assert [f.rule for f in found] == ["four-eyes"]


def test_a_step_changes_only_what_it_records() -> None:
    step = take(walk(*REVIEW), "approve", MS)
    assert step.after is not None and step.after.front is not None
    with_publisher = {**step.after.front, "publisher": KEYRA.person()}
    publisher_trailer = {
        "trailer": "Publisher",
        "expected": "Keyra <keyra@kabar.test>",
        "found": "",
    }
    assert rules_of(check(bend(step, front=with_publisher))) == [
        ("trailers", "verify.trailer", publisher_trailer),
        ("protected", "verify.protected", {"field": "publisher"}),
    ]
    reporter = {**step.after.front, "reporter": DEWI.person()}
    found = rules_of(check(bend(step, front=reporter)))
    assert ("protected", "verify.protected", {"field": "reporter"}) in found
    story = {**step.after.front, "title": "Judul Disunting"}
    assert check(bend(step, front=story)) == []  # an editor's edits go in with approve


def test_unschedule_must_take_away_what_it_removes() -> None:
    step = take(walk(*SCHEDULED), "unschedule", KEYRA, when=LATER)
    assert step.before is not None and step.before.front is not None
    assert step.after is not None and step.after.front is not None
    kept = {**step.after.front, "publish_at": step.before.front["publish_at"]}
    assert rules_of(check(bend(step, front=kept))) == [
        ("record", "verify.record", {"field": "publish_at"})
    ]
    kept["publisher"] = KEYRA.person()
    assert [f.params.get("field") for f in check(bend(step, front=kept))] == [
        None,  # the trailers do not credit the publisher it kept
        "publisher",
        "publish_at",
    ]


@pytest.mark.parametrize(
    ("path", "action", "key"),
    [
        (REVIEW, "approve", "editor"),
        (EDIT, "publish", "publisher"),
        (EDIT, "schedule", "publisher"),
    ],
)
def test_the_person_a_step_credits_is_the_one_who_took_it(
    path: list[tuple[str, Actor]], action: str, key: str
) -> None:
    actor = MS if key == "editor" else KEYRA
    step = take(walk(*path), action, actor)
    assert step.after is not None and step.after.front is not None
    for credited in (
        {"name": "Someone Else", "email": actor.email},
        {"name": actor.name, "email": "other@kabar.test"},
        actor.name,
    ):
        front = {**step.after.front, key: credited}
        assert ("credit", "verify.credit", {"field": key}) in rules_of(
            check(bend(step, front=front))
        )
    same = {**step.after.front, key: {"name": actor.name, "email": actor.email.upper()}}
    assert step.before is not None and step.before.front is not None
    trailers = trailers_for(action, step.before.front, same)
    assert check(bend(step, front=same, trailers=trailers)) == []


@pytest.mark.parametrize(
    ("action", "key"), [("publish", "published_at"), ("schedule", "publish_at")]
)
def test_a_step_that_records_a_time_must_record_it(action: str, key: str) -> None:
    step = take(walk(*EDIT), action, KEYRA)
    assert step.after is not None and step.after.front is not None
    for missing in (
        {k: v for k, v in step.after.front.items() if k != key},
        {**step.after.front, key: ""},
    ):
        assert rules_of(check(bend(step, front=missing))) == [
            ("record", "verify.record", {"field": key})
        ]


def test_published_at_is_when_the_step_was_taken() -> None:
    step = take(walk(*EDIT), "publish", KEYRA)
    assert step.after is not None and step.after.front is not None

    def verdict(published_at: str) -> list[tuple[str, str, dict[str, Any]]]:
        return rules_of(check(bend(step, front={**step.after.front, "published_at": published_at})))  # type: ignore[union-attr]

    late = stamp(T0 + SKEW)
    assert verdict(late) == []  # clocks may disagree by SKEW
    assert verdict(CREATED) == []  # the moment it was created, at the earliest
    wrong = [("record", "verify.when", {"field": "published_at"})]
    assert verdict(stamp(T0 + SKEW + timedelta(seconds=1))) == wrong
    assert verdict("2025-03-04T08:59:59+07:00") == wrong  # before the story existed
    assert verdict("soon") == wrong
    assert verdict("2025-03-04T10:00:00") == wrong  # no offset: no moment


def test_a_release_is_not_dated_before_it_was_due() -> None:
    front = walk(*SCHEDULED)
    due = datetime.fromisoformat(str(front["publish_at"]))
    step = take(front, "release", KEYRA, when=due, options=Options())
    step = bend(
        step, trailers={**step.commit.trailers, "Redaksi-Released-By": "K <keyra@kabar.test>"}
    )
    assert step.after is not None and step.after.front is not None
    early = {**step.after.front, "published_at": stamp(due - timedelta(seconds=1))}
    assert rules_of(check(bend(step, front=early))) == [
        ("record", "verify.when", {"field": "published_at"})
    ]


def test_a_correction_appends_one_complete_entry_and_keeps_the_rest() -> None:
    published = walk(*PUBLISHED)
    first = take(published, "correct", MS, when=LATER)
    assert first.after is not None and first.after.front is not None
    corrected = dict(first.after.front)
    step = take(corrected, "correct", MS, when=LATER + timedelta(hours=1))
    assert step.after is not None and step.after.front is not None
    after = step.after.front
    entry = after["corrections"][-1]
    wrong = [("record", "verify.record", {"field": "corrections"})]
    for bent in (
        [*after["corrections"][:-1], {**entry, "note": ""}],
        [*after["corrections"][:-1], {**entry, "type": None}],
        [*after["corrections"][:-1], {k: v for k, v in entry.items() if k != "at"}],
        [*after["corrections"][:-1], "ralat"],
        [{**after["corrections"][0], "note": "Diubah."}, entry],  # an old one rewritten
        [*after["corrections"], entry],  # two at once
        after["corrections"][:-1],  # none added
    ):
        assert rules_of(check(bend(step, front={**after, "corrections": bent}))) == wrong, bent
    assert check(step) == []


def test_a_retraction_records_when_why_and_on_what_ground() -> None:
    step = take(walk(*PUBLISHED), "retract", KEYRA, when=LATER)
    assert step.after is not None and step.after.front is not None
    after = step.after.front
    wrong = [("record", "verify.record", {"field": "retraction"})]
    for key in ("at", "ground", "reason"):
        bent = {**after, "retraction": {**after["retraction"], key: ""}}
        assert rules_of(check(bend(step, front=bent))) == wrong, key
    assert rules_of(check(bend(step, front={**after, "retraction": "anak"}))) == wrong
    assert (
        rules_of(check(bend(step, front={k: v for k, v in after.items() if k != "retraction"})))
        == wrong
    )


@pytest.mark.parametrize(
    ("path", "action", "actor", "when", "options"),
    [
        (PUBLISHED, "retract", KEYRA, LATER, EVERY_OPTION),
        (SCHEDULED, "unschedule", KEYRA, LATER, EVERY_OPTION),
        (SCHEDULED, "release", KEYRA, LATER, Options()),
    ],
)
def test_steps_that_take_no_edits_refuse_any(
    path: list[tuple[str, Actor]], action: str, actor: Actor, when: datetime, options: Options
) -> None:
    step = take(walk(*path), action, actor, when=when, options=options)
    trailers = {**step.commit.trailers, "Redaksi-Released-By": "Keyra <keyra@kabar.test>"}
    step = bend(step, trailers=trailers)
    assert check(step) == []
    assert step.after is not None and step.after.front is not None
    body = Step(step.commit, step.before, Version(PATH, step.after.front, "Isi diubah."))
    assert rules_of(check(body)) == [("edits", "verify.edits", {"action": action, "field": "body"})]
    for key, value in (("title", "Judul Lain"), ("tags", ["x"]), ("zzz", 1)):
        bent = bend(step, front={**step.after.front, key: value})
        assert rules_of(check(bent)) == [
            ("edits", "verify.edits", {"action": action, "field": key})
        ]
    two = bend(step, front={**step.after.front, "title": "Lain", "category": "Ekonomi"})
    assert rules_of(check(two)) == [
        ("edits", "verify.edits", {"action": action, "field": "category"})
    ]
    gone = {k: v for k, v in step.after.front.items() if k != "category"}
    assert rules_of(check(bend(step, front=gone))) == [
        ("edits", "verify.edits", {"action": action, "field": "category"})
    ]


def test_history_keeps_every_entry_and_gains_exactly_this_step() -> None:
    step = take(walk(*REVIEW), "approve", MS)
    assert step.after is not None and step.after.front is not None
    after = step.after.front
    history = after["history"]
    entry = history[-1]
    wrong = [("history", "verify.history", {"action": "approve"})]
    for bent in (
        history[:-1],
        [*history, entry],
        [{**history[0], "by": "ms@kabar.test"}, *history[1:]],
        [*history[:-1], {**entry, "action": "reject"}],
        [*history[:-1], {**entry, "from": "draft"}],
        [*history[:-1], {**entry, "to": "published"}],
        [*history[:-1], {**entry, "by": "keyra@kabar.test"}],
        [*history[:-1], {k: v for k, v in entry.items() if k != "by"}],
        [*history[:-1], "approve"],
    ):
        assert rules_of(check(bend(step, front={**after, "history": bent}))) == wrong, bent
    loud = [*history[:-1], {**entry, "by": "MS@Kabar.Test"}]
    assert check(bend(step, front={**after, "history": loud})) == []
    no_list = {k: v for k, v in after.items() if k != "history"}
    assert (
        rules_of(check(bend(step, front=no_list)))
        == [("protected", "verify.protected", {"field": "history"})][:0] + wrong
    )


def test_a_step_that_needs_a_note_records_it_in_history() -> None:
    step = take(walk(*REVIEW), "reject", MS)
    assert step.after is not None and step.after.front is not None
    after = step.after.front
    entry = after["history"][-1]
    assert entry["note"] == "Catatan."
    wrong = [("history", "verify.history", {"action": "reject"})]
    for note in ("", "   ", None):
        bent = [*after["history"][:-1], {**entry, "note": note}]
        assert rules_of(check(bend(step, front={**after, "history": bent}))) == wrong
    noteless = take(walk(*REVIEW), "approve", MS, options=Options())
    assert check(noteless) == []  # approve needs no note


def released(*, when: datetime | None = None, **commit: Any) -> Step:
    front = walk(*SCHEDULED)
    due = datetime.fromisoformat(str(front["publish_at"]))
    step = take(front, "release", KEYRA, when=when or due, options=Options())
    trailers = {**step.commit.trailers, "Redaksi-Released-By": "CI Bot <ci@bot.test>"}
    return bend(step, **{"trailers": trailers, "committer_email": "ci@bot.test", **commit})


def test_a_release_is_the_schedulers_carried_out_by_whoever_ran_it_on_time() -> None:
    assert check(released()) == []
    assert check(released(committer_email="CI@Bot.Test")) == []
    by_other = released(author_email="ms@kabar.test", author_name="Mohammad S")
    assert rules_of(check(by_other)) == [("credit", "verify.release_author", {})]
    by_loud = released(author_email="KEYRA@kabar.test")
    assert check(by_loud) == []
    for nobody in ("Keyra <keyra@kabar.test>", {"name": "Keyra"}):  # a scheduler without email
        step = released()
        assert step.before is not None and step.before.front is not None
        assert step.after is not None and step.after.front is not None
        history = [*step.after.front["history"][:-1], {**step.after.front["history"][-1]}]
        history[-1].pop("by")
        unnamed = Step(
            step.commit,
            Version(PATH, {**step.before.front, "publisher": nobody}, "Isi."),
            Version(PATH, {**step.after.front, "publisher": nobody, "history": history}, "Isi."),
        )
        assert [f.key for f in check(unnamed) if f.rule != "trailers"] == ["verify.release_author"]
    step = released()
    assert step.before is not None and step.before.front is not None
    due = datetime.fromisoformat(str(step.before.front["publish_at"]))
    early = bend(step, date=due - timedelta(seconds=1))
    when = step.before.front["publish_at"]
    assert rules_of(check(early)) == [
        ("early", "verify.early", {"field": "publish_at", "when": when})
    ]
    assert step.after is not None and step.after.front is not None
    unscheduled = {k: v for k, v in step.before.front.items() if k != "publish_at"}
    after = {k: v for k, v in step.after.front.items() if k != "publish_at"}
    undated = Step(step.commit, Version(PATH, unscheduled, "Isi."), Version(PATH, after, "Isi."))
    assert rules_of(check(undated)) == [
        ("early", "verify.early", {"field": "publish_at", "when": None})
    ]


def test_a_release_names_who_ran_it() -> None:
    step = released()
    for value in ("CI Bot", "CI Bot <other@bot.test>", "ci@bot.test"):
        bent = bend(step, trailers={**step.commit.trailers, "Redaksi-Released-By": value})
        assert rules_of(check(bent)) == [
            (
                "trailers",
                "verify.trailer",
                {"trailer": "Redaksi-Released-By", "expected": "... <ci@bot.test>", "found": value},
            )
        ]
    missing = {k: v for k, v in step.commit.trailers.items() if k != "Redaksi-Released-By"}
    assert [f.params.get("found") for f in check(bend(step, trailers=missing))] == [""]
    shouting = bend(
        step, trailers={**step.commit.trailers, "Redaksi-Released-By": "X <CI@BOT.TEST>"}
    )
    assert check(shouting) == []
    bare = bend(step, trailers={**step.commit.trailers, "Redaksi-Released-By": "<ci@bot.test>"})
    assert check(bare) == []  # the address alone names who ran it
