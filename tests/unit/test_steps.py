"""Steps told apart by their key and scope; what git says about a push, read without leaking."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from redaksi.core import commits, steps
from redaksi.infra import remote

FRONT = {"id": "0f9c", "status": "published", "reporter": {"name": "Ali", "email": "a@k.test"}}


def _message(action: str, note: str | None = None) -> str:
    return commits.message(action, "Banjir", "published", "published", "0f9c", FRONT, note)


def test_a_step_keeps_its_key_when_its_message_is_rebuilt() -> None:
    original = _message("correct", "Nama diperbaiki.")
    rebuilt = steps.keep_trailers(_message("correct", "Nama diperbaiki."), original)
    assert steps.key("MS@kabar.test", 10, original) == steps.key("ms@kabar.test", 10, rebuilt)
    assert steps.key("ms@kabar.test", 10, original) == (
        "ms@kabar.test",
        10,
        "correct",
        "0f9c",
        "Nama diperbaiki.",
    )


def test_keys_differ_by_time_action_note_and_person() -> None:
    base = steps.key("ms@kabar.test", 10, _message("correct", "A"))
    assert base != steps.key("ms@kabar.test", 11, _message("correct", "A"))
    assert base != steps.key("ms@kabar.test", 10, _message("correct", "B"))
    assert base != steps.key("ms@kabar.test", 10, _message("retract", "A"))
    assert base != steps.key("keyra@kabar.test", 10, _message("correct", "A"))


def test_a_commit_without_an_action_is_no_step() -> None:
    assert steps.key("ms@kabar.test", 10, "perbaiki typo\n\nSigned-off-by: M <m@k>\n") is None


@given(st.sampled_from(["approve", "schedule", "reassign", "staff", "import", "x-legal-review"]))
def test_any_action_trailer_makes_a_step(action: str) -> None:
    found = steps.key("ms@kabar.test", 1, _message(action))
    assert found is not None and found[2] == action


def test_a_step_on_one_article_may_add_its_photo_and_nothing_else() -> None:
    article = ("M", "articles/2025/03/a.md", "articles/2025/03/a.md")
    photo = ("A", None, "media/2025/03/a-foto.jpg")
    assert steps.in_scope("publish", [article])
    assert steps.in_scope("submit", [article, photo])
    assert not steps.in_scope("publish", [article, ("M", "articles/x/y/b.md", "articles/x/y/b.md")])
    assert not steps.in_scope("publish", [article, ("M", "redaksi.yaml", "redaksi.yaml")])
    assert not steps.in_scope("publish", [article, ("M", "media/old.jpg", "media/old.jpg")])
    assert steps.in_scope("staff", [("M", "redaksi.yaml", "redaksi.yaml")])


def test_extra_trailers_of_the_original_are_kept() -> None:
    original = _message("release") + "Redaksi-Released-By: CI <ci@kabar.test>\n"
    kept = steps.keep_trailers(_message("release"), original)
    assert commits.parse(kept)[2]["Redaksi-Released-By"] == "CI <ci@kabar.test>"


def test_credentials_never_leave_a_url() -> None:
    text = "fatal: unable to access 'https://ms:s3cr3t@git.kabar.test/hub.git/': 403"
    assert "s3cr3t" not in remote.scrub(text) and "git.kabar.test/hub.git" in remote.scrub(text)
    assert remote.scrub("To git://u:p@127.0.0.1:9/x") == "To git://127.0.0.1:9/x"
    assert remote.scrub("ali@kabar.test approved") == "ali@kabar.test approved"


def test_porcelain_is_read_for_our_branch_only() -> None:
    out = (
        "To https://ms:pw@git.kabar.test/hub.git\n"
        "!\tabc:refs/heads/other\t[rejected] (fetch first)\n"
        "!\tdef:refs/heads/main\t[remote rejected] (pre-receive hook declined)\nDone\n"
    )
    assert (
        remote._status_of(out, "refs/heads/main") == "[remote rejected] (pre-receive hook declined)"
    )
    assert remote._status_of("Done\n", "refs/heads/main") is None


def test_the_reason_is_the_remotes_words() -> None:
    err = (
        "remote: branch main is protected        \nremote: \n"
        "error: failed to push some refs to 'https://ms:pw@h/x.git'\n"
    )
    assert remote.reason(err) == "branch main is protected"
    assert remote.reason("fatal: could not read from 'https://u:pw@h/x'\n") == (
        "fatal: could not read from 'https://h/x'"
    )
