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
