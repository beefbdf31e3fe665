"""verify's rules at their edges, on steps built by hand."""

from __future__ import annotations

from datetime import datetime, timedelta

from redaksi.core import commits
from redaksi.core.verify import Step, Version, check
from redaksi.core.workflow import Options
from tests.verify_steps import (
    ALI,
    EDIT,
    ID,
    KEYRA,
    MS,
    PATH,
    SCHEDULED,
    STRANGER,
    bend,
    drafted,
    make_commit,
    rules_of,
    take,
    walk,
)


def test_deleting_an_unreadable_article_is_a_deletion_like_any_other() -> None:
    for action in (None, "discard"):
        message = commits.message(action or "edit", "x", "draft", "discarded", ID, {})
        trailers = commits.parse(message)[2] if action else {}
        for author in (ALI, MS):
            step = Step(make_commit(author, trailers), Version(PATH, None, None), None)
            assert rules_of(check(step)) == [("deleted", "verify.deleted", {"status": None})]


def test_redaksi_photo_on_a_draft_is_held_to_the_hand_edit_rules() -> None:
    photo = {"file": "2025/03/banjir.jpg", "caption": "Banjir.", "credit": "Ali"}
    trailers = {"Redaksi-Action": "photo", "Redaksi-Article": ID}
    step = Step(
        make_commit(ALI, trailers),
        Version(PATH, drafted(), "Isi."),
        Version(PATH, drafted(photo=photo), "Isi."),
    )
    assert check(step) == []
    sneaky = Version(PATH, drafted(photo=photo, editor=MS.person()), "Isi.")
    assert rules_of(check(Step(step.commit, step.before, sneaky))) == [
        ("protected", "verify.protected", {"field": "editor"})
    ]
    by_stranger = Step(make_commit(STRANGER, trailers), step.before, step.after)
    assert rules_of(check(by_stranger)) == [("not-staff", "verify.not_staff", {})]


def test_a_release_is_held_to_its_trailers_as_well_as_its_own_rules() -> None:
    front = walk(*SCHEDULED)
    due = datetime.fromisoformat(str(front["publish_at"]))
    step = take(front, "release", KEYRA, when=due, options=Options())
    trailers = {**step.commit.trailers, "Redaksi-Released-By": "CI <ci@bot.test>"}
    assert check(bend(step, trailers=trailers, committer_email="ci@bot.test")) == []
    lying = {**trailers, "Redaksi-From": "edit"}
    by_other = bend(step, trailers=lying, committer_email="ci@bot.test", author_email=MS.email)
    assert rules_of(check(by_other)) == [
        (
            "trailers",
            "verify.trailer",
            {"trailer": "Redaksi-From", "expected": "scheduled", "found": "edit"},
        ),
        ("credit", "verify.release_author", {}),
    ]


def test_a_publication_dated_before_its_embargo_fails_even_when_committed_after() -> None:
    until = "2025-03-06T00:00:00+07:00"
    front = walk(*EDIT, start=drafted(embargo_until=until))
    after_embargo = datetime.fromisoformat(until) + timedelta(hours=1)
    step = take(front, "publish", KEYRA, when=after_embargo)
    assert check(step) == []
    assert step.after is not None and step.after.front is not None
    backdated = {**step.after.front, "published_at": "2025-03-05T23:00:00+07:00"}
    assert rules_of(check(bend(step, front=backdated))) == [
        ("embargo", "verify.embargo", {"until": until})
    ]
