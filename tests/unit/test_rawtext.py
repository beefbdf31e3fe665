"""What verify reads from an article's bytes: how keys are spelled, which keys' bytes changed."""

from __future__ import annotations

import pytest

from redaksi.core.rawtext import changed_keys, hidden_keys, segments

ARTICLE = (
    "---\n"
    "id: 2026-11-aaaaaaaa\n"
    "title: Pasar: ramai\n"
    "# a note at the margin\n"
    "tags:\n"
    "- pasar\n"
    "  - nested\n"
    "\tdeep: x\n"
    "\n"
    "status: published\n"
    "---\n"
    "Isi.\n"
)


def test_segments_cut_the_front_matter_by_top_level_key_with_comments_and_body_apart() -> None:
    assert segments(ARTICLE.encode()) == {
        "#": "# a note at the margin\n",
        "---": "---\n---\nIsi.\n",
        "id": "id: 2026-11-aaaaaaaa\n",
        "title": "title: Pasar: ramai\n",
        "tags": "tags:\n- pasar\n  - nested\n\tdeep: x\n\n",
        "status": "status: published\n",
    }


def test_lines_before_any_key_and_carriage_returns_stay_where_they_are_written() -> None:
    found = segments(b"---\r\n  lead\r\nid: a\r\n\rmore: b\n---\nIsi.")
    assert found == {
        "#": "",
        "---": "---\r\n---\nIsi.",
        "": "  lead\r\n",
        "id": "id: a\r\n\r",
        "more": "more: b\n",
    }


@pytest.mark.parametrize("raw", [b"no front matter\n", b"---\nid: a\n", b"---\nid: \xff\n---\n"])
def test_what_is_not_an_article_has_no_segments_and_no_changed_keys(raw: bytes) -> None:
    assert segments(raw) is None
    assert changed_keys(raw, ARTICLE.encode(), set()) == []
    assert changed_keys(ARTICLE.encode(), raw, set()) == []


def test_the_same_bytes_change_no_key() -> None:
    assert changed_keys(ARTICLE.encode(), ARTICLE.encode(), set()) == []


@pytest.mark.parametrize(
    ("old", "new", "changed"),
    [
        ("- pasar\n", "- pasar\n- ikan\n", ["tags"]),  # a line under a key is the key's
        ("\tdeep: x\n", "\tdeep: y\n", ["tags"]),
        ("# a note at the margin\n", "# another note\n", ["comments"]),
        ("Isi.\n", "Isi lain.\n", ["body"]),
        ("---\nIsi", "--- \nIsi", ["body"]),  # the closing fence is the body's
        ("status: published\n", "status: retracted\n", ["status"]),
        ("title: Pasar: ramai\n", "title: Pasar: sepi\n", ["title"]),
        ("title: Pasar: ramai\n", "", ["title"]),  # a key gone
        ("status: published\n", "status: published\nzebra: 1\nalpha: 2\n", ["alpha", "zebra"]),
    ],
)
def test_changed_keys_name_each_key_whose_bytes_changed(
    old: str, new: str, changed: list[str]
) -> None:
    after = ARTICLE.replace(old, new, 1)
    assert changed_keys(ARTICLE.encode(), after.encode(), set()) == changed


def test_an_added_byte_order_mark_is_the_body_s() -> None:
    after = ("\ufeff" + ARTICLE).encode()
    assert changed_keys(ARTICLE.encode(), after, set()) == ["body"]


def test_keys_the_step_may_change_are_not_named() -> None:
    after = ARTICLE.replace("published", "retracted").replace("Pasar: ramai", "Pasar: sepi")
    assert changed_keys(ARTICLE.encode(), after.encode(), {"status"}) == ["title"]
    assert changed_keys(ARTICLE.encode(), after.encode(), {"status", "title"}) == []


PLAIN = b"---\nid: 2026-11-aaaaaaaa\ntitle: t\nphoto: {file: a.png}\n---\nIsi.\n"
FRONT = {"id": "2026-11-aaaaaaaa", "title": "t", "photo": {"file": "a.png"}}


def test_keys_written_as_redaksi_writes_them_are_not_hidden() -> None:
    assert hidden_keys(PLAIN, FRONT) == []
    assert hidden_keys(PLAIN, {"title": "t", "id": 7}) == []  # an id that is no text: not searched


def test_a_photo_not_at_a_line_s_start_and_an_escaped_id_are_hidden() -> None:
    raw = b'---\nid: "2026-11-\\x61aaaaaaa"\ntitle: "photo: no"\n "photo": {file: a.png}\n---\n'
    assert hidden_keys(raw, FRONT) == ["photo", "id"]


def test_a_photo_key_absent_from_the_data_is_not_looked_for() -> None:
    assert hidden_keys(b"---\nid: 2026-11-aaaaaaaa\n---\n", {"id": "2026-11-aaaaaaaa"}) == []


def test_bytes_that_are_not_utf8_are_read_not_refused() -> None:
    raw = b"---\nid: 2026-11-aaaaaaaa\ntitle: \xff\nphoto: {file: a.png}\n---\n"
    assert hidden_keys(raw, FRONT) == []


def test_a_value_continued_at_the_margin_stays_with_its_key() -> None:
    from redaksi.core.rawtext import segments

    text = '---\ntitle: "Pasar\nBaru"\ntags: [a,\nb]\nhistory: [{action: draft},\n{action: submit}]\n---\nIsi.\n'
    found = segments(text.encode())
    assert found is not None
    assert found["title"] == 'title: "Pasar\nBaru"\n'
    assert found["tags"] == "tags: [a,\nb]\n"
    assert found["history"] == "history: [{action: draft},\n{action: submit}]\n"
    assert set(found) == {"#", "---", "title", "tags", "history"}
