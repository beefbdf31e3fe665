"""The transition table and the pure decision of one transition."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from redaksi import schema
from redaksi.core import article, validation, yamlio
from redaksi.core.workflow import DISCARDED, TRANSITIONS, Actor, Change, Options, decide, target
from redaksi.errors import ExitCode, RedaksiError

REPORTER = Actor("Ali Ya'lu", "ali@kabar.test", frozenset({"reporter"}))
EDITOR = Actor("Mohammad S", "ms@kabar.test", frozenset({"editor"}))
PUBLISHER = Actor("Keyra", "keyra@kabar.test", frozenset({"publisher"}))
OTHER_REPORTER = Actor("Dewi", "dewi@kabar.test", frozenset({"reporter"}))
EVERYONE = Actor("Ali Ya'lu", "ali@kabar.test", frozenset({"reporter", "editor", "publisher"}))
NOW = "2025-03-04T10:00:00+07:00"

DRAFT = """\
---
id: 0f9c7a52-5f1e-4c51-9a53-8e2b61c0d2a4
title: Bupati Larang OPD Tangani Masalah Sendiri-sendiri
slug: bupati-larang-opd
status: draft
category: Pemerintahan
reporter: {name: Ali Ya'lu, email: ali@kabar.test}
created_at: 2025-03-04T09:12:00+07:00
history:
  - {action: draft, to: draft, by: ali@kabar.test, at: 2025-03-04T09:12:00+07:00}
---
Probolinggo,- ... (*)
"""


def test_the_table_is_the_one_in_spec() -> None:
    """Every column of every row: who, from where, to where, what it records and forbids."""
    table = {
        a: (
            " ".join(sorted(t.sources)),
            t.target,
            " ".join(sorted(t.roles)),
            t.reporter_may,
            t.needs,
            t.records,
            t.four_eyes,
            t.removes,
            t.edits,
            t.anyone,
        )
        for a, t in TRANSITIONS.items()
    }
    assert table == {
        "submit": ("draft", "review", "editor", True, (), (), False, (), True, False),
        "approve": ("review", "edit", "editor", False, (), ("editor",), True, (), True, False),
        "reject": (
            "edit review",
            "draft",
            "editor publisher",
            False,
            ("note",),
            (),
            False,
            (),
            True,
            False,
        ),
        "publish": (
            "edit",
            "published",
            "publisher",
            False,
            (),
            ("publisher", "published_at"),
            True,
            (),
            True,
            False,
        ),
        "schedule": (
            "edit",
            "scheduled",
            "publisher",
            False,
            ("at",),
            ("publisher", "publish_at"),
            True,
            (),
            True,
            False,
        ),
        "unschedule": (
            "scheduled",
            "edit",
            "publisher",
            False,
            (),
            (),
            False,
            ("publisher", "publish_at"),
            False,
            False,
        ),
        "release": (
            "scheduled",
            "published",
            "",
            False,
            (),
            ("published_at",),
            False,
            (),
            False,
            True,
        ),
        "embargo": (
            "draft edit review",
            "",
            "editor publisher",
            False,
            (),
            ("embargo_until",),
            False,
            (),
            True,
            False,
        ),
        "correct": (
            "published",
            "published",
            "editor publisher",
            False,
            ("note",),
            ("corrections", "updated_at"),
            False,
            (),
            True,
            False,
        ),
        "retract": (
            "published",
            "retracted",
            "publisher",
            False,
            ("ground", "reason"),
            ("retraction", "updated_at"),
            False,
            (),
            False,
            False,
        ),
        "reassign": (
            "draft edit review",
            "",
            "editor",
            False,
            ("to",),
            ("reporter",),
            False,
            (),
            True,
            False,
        ),
        "discard": ("draft", "discarded", "editor", True, (), (), False, (), True, False),
    }


def front(status: str, reporter: str = "ali@kabar.test") -> dict[str, object]:
    return {"status": status, "reporter": {"name": "X", "email": reporter}}


def test_approve_records_the_editor_and_history() -> None:
    change = decide(front("review"), "approve", EDITOR, NOW, Options(note="ok"))
    assert change.set_keys == {
        "status": "edit",
        "editor": {"name": "Mohammad S", "email": "ms@kabar.test"},
    }
    assert change.append == {
        "history": [
            {
                "action": "approve",
                "from": "review",
                "to": "edit",
                "by": "ms@kabar.test",
                "at": NOW,
                "note": "ok",
            }
        ]
    }


def test_publish_records_publisher_and_time() -> None:
    change = decide(front("edit"), "publish", PUBLISHER, NOW, Options())
    assert change.set_keys == {
        "status": "published",
        "publisher": PUBLISHER.person(),
        "published_at": NOW,
    }


def test_correct_keeps_the_status_line_and_appends_a_correction() -> None:
    change = decide(
        front("published"),
        "correct",
        EDITOR,
        NOW,
        Options(note=" Nama diperbaiki. ", correction_type="koreksi"),
    )
    assert change.set_keys == {"updated_at": NOW}
    assert change.append["corrections"] == [
        {"at": NOW, "type": "koreksi", "note": "Nama diperbaiki."}
    ]


def test_retract_records_the_public_notice() -> None:
    change = decide(
        front("published"),
        "retract",
        PUBLISHER,
        NOW,
        Options(ground="anak", reason="Identitas anak terungkap."),
    )
    assert change.set_keys["retraction"] == {
        "at": NOW,
        "ground": "anak",
        "reason": "Identitas anak terungkap.",
    }
    assert change.to_state == "retracted"


@pytest.mark.parametrize(
    ("status", "action", "actor", "options", "code", "key"),
    [
        ("review", "submit", REPORTER, Options(), ExitCode.REFUSED, "workflow.wrong_state"),
        ("draft", "approve", EDITOR, Options(), ExitCode.REFUSED, "workflow.wrong_state"),
        ("review", "approve", REPORTER, Options(), ExitCode.REFUSED, "staff.lacks_role"),
        (
            "draft",
            "submit",
            OTHER_REPORTER,
            Options(),
            ExitCode.REFUSED,
            "workflow.reporter_or_role",
        ),
        ("edit", "publish", EDITOR, Options(), ExitCode.REFUSED, "staff.lacks_role"),
        (
            "edit",
            "publish",
            EVERYONE,
            Options(four_eyes=True),
            ExitCode.REFUSED,
            "workflow.four_eyes",
        ),
        ("review", "reject", EDITOR, Options(), ExitCode.USAGE, "workflow.missing_option"),
        (
            "review",
            "reject",
            EDITOR,
            Options(note="   "),
            ExitCode.USAGE,
            "workflow.missing_option",
        ),
        (
            "published",
            "correct",
            EDITOR,
            Options(note="x", correction_type="typo"),
            ExitCode.USAGE,
            "workflow.bad_choice",
        ),
        (
            "published",
            "retract",
            PUBLISHER,
            Options(ground="bosan", reason="x"),
            ExitCode.USAGE,
            "workflow.bad_choice",
        ),
        (
            "published",
            "retract",
            PUBLISHER,
            Options(ground="sara"),
            ExitCode.USAGE,
            "workflow.missing_option",
        ),
        (
            "retracted",
            "correct",
            EDITOR,
            Options(note="x"),
            ExitCode.REFUSED,
            "workflow.wrong_state",
        ),
        (
            "published",
            "retract",
            EDITOR,
            Options(ground="sara", reason="x"),
            ExitCode.REFUSED,
            "staff.lacks_role",
        ),
    ],
)
def test_refusals(
    status: str, action: str, actor: Actor, options: Options, code: ExitCode, key: str
) -> None:
    with pytest.raises(RedaksiError) as caught:
        decide(front(status), action, actor, NOW, options)
    assert (caught.value.exit_code, caught.value.key) == (code, key)


def test_submit_by_the_reporter_or_any_editor() -> None:
    assert decide(front("draft"), "submit", REPORTER, NOW, Options()).to_state == "review"
    assert decide(front("draft"), "submit", EDITOR, NOW, Options()).to_state == "review"


def test_four_eyes_lets_someone_else_publish() -> None:
    other = front("edit", reporter="dewi@kabar.test")
    assert decide(other, "publish", EVERYONE, NOW, Options(four_eyes=True)).to_state == "published"


VALIDATOR = validation.make_validator(json.loads(schema.builtin_text(schema.ARTICLE)))
ACTORS = [REPORTER, EDITOR, PUBLISHER, OTHER_REPORTER, EVERYONE]
OPTIONS = Options(
    note="Catatan redaksi.",
    correction_type="hak-jawab",
    ground="trauma",
    reason="Atas permintaan korban.",
    at="2025-03-05T06:00:00+07:00",
    until="2025-03-05T05:00:00+07:00",
    to={"name": "Dewi", "email": "dewi@kabar.test"},
)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(sorted(TRANSITIONS)), st.sampled_from(ACTORS)), max_size=12)
)
def test_any_sequence_of_attempts_keeps_the_article_valid(
    attempts: list[tuple[str, Actor]],
) -> None:
    text = DRAFT
    for action, actor in attempts:
        doc, data = article.parse(text)
        status = data["status"]
        try:
            change = decide(yamlio.to_plain(data), action, actor, NOW, OPTIONS)
        except RedaksiError as refused:
            # every option is given: a refusal is the state, the role or the clock (exit 3)
            assert refused.exit_code == ExitCode.REFUSED, refused.key
            continue
        assert status in TRANSITIONS[action].sources
        if action == "discard":
            assert (change.to_state, change.set_keys, change.append) == ("discarded", {}, {})
            continue  # the file is deleted; the attempts go on against the draft as it was
        text = article.rewrite(
            doc, data, set_keys=change.set_keys, append=change.append, remove=change.remove
        )
        _, after = article.parse(text)
        assert after["status"] == target(TRANSITIONS[action], status)
        assert validation.check_document(VALIDATOR, after, "a.md") == []
        assert after["history"][-1]["action"] == action
        assert text.endswith("---\nProbolinggo,- ... (*)\n")


def test_four_eyes_covers_approve_as_well_as_publish() -> None:
    mine = front("review", reporter=EVERYONE.email)
    with pytest.raises(RedaksiError) as caught:
        decide(mine, "approve", EVERYONE, NOW, Options(four_eyes=True))
    assert (caught.value.exit_code, caught.value.key) == (ExitCode.REFUSED, "workflow.four_eyes")
    assert decide(mine, "approve", EVERYONE, NOW, Options(four_eyes=False)).to_state == "edit"


def test_four_eyes_covers_everyone_who_was_ever_the_reporter() -> None:
    handed_over = {
        **front("edit", reporter="dewi@kabar.test"),
        "history": [
            {
                "action": "reassign",
                "from": "draft",
                "to": "draft",
                "by": "ms@kabar.test",
                "at": NOW,
                "reporter_from": "Ali@Kabar.test",
                "reporter_to": "dewi@kabar.test",
            },
        ],
    }
    with pytest.raises(RedaksiError) as caught:
        decide(handed_over, "publish", EVERYONE, NOW, Options(four_eyes=True))
    assert caught.value.key == "workflow.four_eyes"
    # the former reporter is no longer "the article's reporter" for what only a reporter may do
    with pytest.raises(RedaksiError) as caught:
        decide({**handed_over, "status": "draft"}, "submit", REPORTER, NOW, Options())
    assert caught.value.key == "workflow.reporter_or_role"


def test_reassign_hands_the_story_over_and_keeps_the_old_reporter_in_history() -> None:
    to = {"name": "Dewi", "email": "dewi@kabar.test"}
    change = decide(front("review"), "reassign", EDITOR, NOW, Options(to=to, note="Cuti."))
    assert (change.from_state, change.to_state) == ("review", "review")
    assert change.set_keys == {"reporter": to}
    assert change.append["history"] == [
        {
            "action": "reassign",
            "from": "review",
            "to": "review",
            "reporter_from": "ali@kabar.test",
            "reporter_to": "dewi@kabar.test",
            "by": "ms@kabar.test",
            "at": NOW,
            "note": "Cuti.",
        }
    ]


@pytest.mark.parametrize(
    ("status", "actor", "options", "key"),
    [
        (
            "published",
            EDITOR,
            Options(to={"name": "D", "email": "d@k.test"}),
            "workflow.wrong_state",
        ),
        ("draft", REPORTER, Options(to={"name": "D", "email": "d@k.test"}), "staff.lacks_role"),
        (
            "draft",
            EDITOR,
            Options(to={"name": "A", "email": "ALI@kabar.test"}),
            "workflow.same_reporter",
        ),
        ("draft", EDITOR, Options(), "workflow.missing_option"),
    ],
)
def test_reassign_refusals(status: str, actor: Actor, options: Options, key: str) -> None:
    with pytest.raises(RedaksiError) as caught:
        decide(front(status), "reassign", actor, NOW, options)
    assert caught.value.key == key


def test_discard_by_the_reporter_or_an_editor_only_while_a_draft() -> None:
    assert decide(front("draft"), "discard", REPORTER, NOW, Options()).to_state == "discarded"
    assert decide(front("draft"), "discard", EDITOR, NOW, Options()).to_state == "discarded"
    for status, actor, key in (
        ("review", REPORTER, "workflow.wrong_state"),
        ("draft", OTHER_REPORTER, "workflow.reporter_or_role"),
        ("draft", PUBLISHER, "workflow.reporter_or_role"),
    ):
        with pytest.raises(RedaksiError) as caught:
            decide(front(status), "discard", actor, NOW, Options())
        assert caught.value.key == key


def test_reassign_to_the_same_reporter_is_refused_naming_them() -> None:
    loud = {"name": "Ali", "email": "ALI@kabar.test"}
    with pytest.raises(RedaksiError) as caught:
        decide(front("draft"), "reassign", EDITOR, NOW, Options(to=loud))
    assert (caught.value.key, caught.value.params) == (
        "workflow.same_reporter",
        {"email": "ALI@kabar.test"},
    )
    nameless = {**front("draft"), "reporter": "ali"}  # no person: nobody to compare an email with
    with pytest.raises(RedaksiError) as caught:
        decide(nameless, "reassign", EDITOR, NOW, Options(to={"name": "Dewi"}))
    assert (caught.value.key, caught.value.params) == ("workflow.same_reporter", {"email": ""})


@pytest.mark.parametrize(
    ("reporter", "to", "recorded"),
    [
        ("ali", {"name": "Dewi", "email": "dewi@kabar.test"}, ("", "dewi@kabar.test")),
        ({"name": "Ali"}, {"name": "Dewi", "email": "dewi@kabar.test"}, ("", "dewi@kabar.test")),
        ({"name": "Ali", "email": "ali@kabar.test"}, {"name": "Dewi"}, ("ali@kabar.test", "")),
    ],
)
def test_reassign_records_what_emails_there_are_and_nothing_for_those_missing(
    reporter: object, to: dict[str, str], recorded: tuple[str, str]
) -> None:
    change = decide(
        {**front("edit"), "reporter": reporter}, "reassign", EDITOR, NOW, Options(to=to)
    )
    entry = change.append["history"][0]
    assert (entry["reporter_from"], entry["reporter_to"]) == recorded


def test_a_discard_is_recorded_as_what_it_was_and_nothing_else() -> None:
    change = decide(front("draft"), "discard", EDITOR, NOW, Options(note="  Kembar.  "))
    assert change == Change("discard", "draft", DISCARDED, note="Kembar.")
