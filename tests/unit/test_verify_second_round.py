"""Ways past verify found by the second attack round: keys spelled to hide, an embargo lifted."""

from __future__ import annotations

import pytest

from redaksi.core.verify import Finding, Version, spelling

ID = "2026-11-aaaaaaaa"
PLAIN = (
    f"---\nid: {ID}\ntitle: Pasar\nphoto: {{file: 2026/11/pasar.png, caption: c, credit: k}}\n"
    "status: draft\n---\nIsi.\n"
)
FRONT = {"id": ID, "title": "Pasar", "photo": {"file": "2026/11/pasar.png"}, "status": "draft"}


def _version(text: str, front: dict[str, object] = FRONT) -> Version:
    return Version("articles/2026/11/pasar.md", front, "Isi.", text.encode())


def test_plain_keys_pass() -> None:
    assert spelling(_version(PLAIN)) == []
    assert spelling(_version(PLAIN.replace(f"id: {ID}", f'id: "{ID}"'))) == []  # quotes: found
    no_photo = {k: v for k, v in FRONT.items() if k != "photo"}
    assert spelling(_version(PLAIN.replace("photo:", "# photo:"), no_photo)) == []


@pytest.mark.parametrize(
    "spelled", ['"photo":', "'photo':", "photo :", '"ph\\u006fto":', "? photo\n:"]
)
def test_a_photo_key_spelled_otherwise_is_a_finding(spelled: str) -> None:
    assert spelling(_version(PLAIN.replace("photo:", spelled))) == [
        Finding("spelling", "verify.spelling", {"field": "photo"})
    ]


def test_an_escaped_id_is_a_finding() -> None:
    escaped = PLAIN.replace(f"id: {ID}", 'id: "2026-11-\\x61aaaaaaa"')
    assert spelling(_version(escaped)) == [Finding("spelling", "verify.spelling", {"field": "id"})]


def test_an_editors_embargo_on_a_draft_is_not_the_reporters_to_lift() -> None:
    from redaksi.core.verify import check
    from tests.unit.test_verify_core import edited
    from tests.verify_steps import MS, rules_of, walk

    own = walk()  # the reporter's draft: the embargo is still theirs to set by hand
    assert check(edited(own, {**own, "embargo_until": "2026-12-09T00:00:00+07:00"})) == []
    embargoed = walk(("embargo", MS))  # an editor set it with 'redaksi embargo'
    assert embargoed["status"] == "draft" and embargoed.get("embargo_until")
    lifted = {k: v for k, v in embargoed.items() if k != "embargo_until"}
    assert rules_of(check(edited(embargoed, lifted))) == [
        ("protected", "verify.protected", {"field": "embargo_until"})
    ]


def test_a_draft_once_submitted_keeps_its_embargo_from_the_reporter() -> None:
    from redaksi.core.verify import check
    from tests.unit.test_verify_core import edited
    from tests.verify_steps import ALI, MS, rules_of, take, walk

    sent_back = walk(("submit", ALI))
    rejected = take(sent_back, "reject", MS).after
    assert rejected is not None and rejected.front is not None
    sent_back = dict(rejected.front)
    assert sent_back["status"] == "draft"
    embargoed = {**sent_back, "embargo_until": "2026-12-09T00:00:00+07:00"}
    assert rules_of(check(edited(sent_back, embargoed))) == [
        ("protected", "verify.protected", {"field": "embargo_until"})
    ]


BEFORE = "---\nid: x\ntitle: Banjir\nstatus: published\nhistory:\n- {action: publish}\n---\nIsi.\n"
AFTER = BEFORE.replace("status: published\n", "status: retracted\n").replace(
    "- {action: publish}\n", "- {action: publish}\n- {action: retract}\nretraction: {at: x}\n"
)


@pytest.mark.parametrize(
    ("raw", "found"),
    [
        (AFTER, []),  # status, history and the retraction are the step's own
        (AFTER.replace("title:", "# catatan\ntitle:"), ["comments"]),
        (AFTER.replace("Banjir", "Banjir "), ["title"]),  # a byte, not a value, changed
    ],
)
def test_a_step_with_no_edits_changes_no_byte_but_its_own(raw: str, found: list[str]) -> None:
    from redaksi.core.verify import Step, check
    from tests.verify_steps import KEYRA, PUBLISHED, rules_of, take, walk

    step = take(walk(*PUBLISHED), "retract", KEYRA)
    assert step.before is not None and step.after is not None and check(step) == []
    before = Version(step.before.path, step.before.front, step.before.body, BEFORE.encode())
    after = Version(step.after.path, step.after.front, step.after.body, raw.encode())
    assert rules_of(check(Step(step.commit, before, after))) == [
        ("edits", "verify.edits", {"action": "retract", "field": field}) for field in found
    ]
