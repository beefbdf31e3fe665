"""The desk's view, pure: since when an article waits, whether it came back, how long ago, and
what an editor changed word by word; times a person types, read in the newsroom's zone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from redaksi.core import desk, when, wordiff
from redaksi.core.wordiff import DELETED, INSERTED, KEPT, Piece
from redaksi.errors import UsageError

JAKARTA = ZoneInfo("Asia/Jakarta")
NEW_YORK = ZoneInfo("America/New_York")
NOW = datetime.fromisoformat("2025-03-04T12:00:00+07:00")
CREATED = "2025-03-01T08:00:00+07:00"


def test_an_article_waits_since_it_entered_its_state() -> None:
    history = [
        {"action": "draft", "to": "draft", "at": CREATED},
        {"action": "submit", "to": "review", "at": "2025-03-02T08:00:00+07:00"},
        {"action": "reject", "to": "draft", "at": "2025-03-03T08:00:00+07:00"},
        {"action": "embargo", "to": "draft", "at": ""},
    ]
    front = {"status": "draft", "created_at": CREATED, "history": history}
    assert desk.waiting_since(front) == "2025-03-03T08:00:00+07:00"  # the latest, with a time
    assert desk.waiting_since({**front, "status": "review"}) == "2025-03-02T08:00:00+07:00"
    assert desk.waiting_since({**front, "status": "edit"}) == CREATED  # no entry: its creation
    assert desk.waiting_since({"status": "draft", "history": ["draft", 3]}) is None
    assert desk.waiting_since({"status": "draft", "history": "draft", "created_at": 1}) == "1"
    assert desk.waiting_since({"status": "draft", "created_at": ""}) is None


def test_an_article_sent_back_says_by_whom_when_and_why() -> None:
    back = {"action": "reject", "to": "draft", "by": "ms@k.test", "at": CREATED, "note": "Data."}
    assert desk.returned({"status": "draft", "history": [back]}) == ("ms@k.test", CREATED, "Data.")
    bare = {"action": "reject", "to": "draft"}
    assert desk.returned({"status": "draft", "history": [back, bare]}) == ("", "", "")
    assert desk.returned({"status": "review", "history": [back]}) is None  # moved on since
    assert desk.returned({"status": "draft", "history": [back, {"action": "embargo"}]}) is None
    assert desk.returned({"status": "draft", "history": []}) is None
    assert desk.returned({"status": "draft", "history": ["reject"]}) is None
    assert desk.returned({"status": "draft"}) is None


@pytest.mark.parametrize(
    ("ago", "shown"),
    [
        (timedelta(0), "0m"),
        (timedelta(seconds=59), "0m"),
        (timedelta(minutes=59, seconds=59), "59m"),
        (timedelta(minutes=59), "59m"),
        (timedelta(hours=1), "1h"),
        (timedelta(hours=47, minutes=59), "47h"),
        (timedelta(hours=48), "2d"),
        (timedelta(days=9, hours=23), "9d"),
        (-timedelta(hours=5), "0m"),  # a clock behind the record: never a negative age
    ],
)
def test_an_age_is_short_and_rounded_down(ago: timedelta, shown: str) -> None:
    assert desk.age((NOW - ago).isoformat(), NOW) == shown


def test_an_age_of_no_time_or_an_unreadable_one_is_unknown() -> None:
    assert desk.age(None, NOW) == "?"
    assert desk.age("kemarin", NOW) == "?"
    assert desk.age("2025-03-04T04:00:00z", NOW) == "1h"  # a lower-case Z is UTC too


def test_an_editors_change_word_by_word() -> None:
    pieces = wordiff.compare("Banjir di Lumajang, 3 warga.", "Banjir besar di Lumajang, 5 warga!")
    assert pieces == [
        Piece(KEPT, "Banjir"),
        Piece(INSERTED, " besar"),
        Piece(KEPT, " di Lumajang, "),
        Piece(DELETED, "3"),
        Piece(INSERTED, "5"),
        Piece(KEPT, " warga"),
        Piece(DELETED, "."),
        Piece(INSERTED, "!"),
    ]
    assert wordiff.changed(pieces)
    same = wordiff.compare("Satu.\n\nDua.", "Satu.\n\nDua.")
    assert same == [Piece(KEPT, "Satu.\n\nDua.")] and not wordiff.changed(same)
    assert wordiff.compare("", "") == [] and not wordiff.changed([])
    assert wordiff.compare("a b", "") == [Piece(DELETED, "a b")]
    assert wordiff.compare("", "a b") == [Piece(INSERTED, "a b")]


def test_words_spaces_and_marks_are_the_pieces_text_is_cut_into() -> None:
    text = "Rp5.000,  kata\n\nlain-lain?"
    assert wordiff.tokens(text) == [
        "Rp5",
        ".",
        "000",
        ",",
        "  ",
        "kata",
        "\n\n",
        "lain",
        "-",
        "lain",
        "?",
    ]
    assert "".join(wordiff.tokens(text)) == text


def test_a_long_text_with_repeated_words_is_compared_exactly() -> None:
    words = " ".join(["warga"] * 150)  # difflib's autojunk would skip such frequent words
    pieces = wordiff.compare(f"{words} akhir {words}", f"{words} awal {words}")
    assert pieces == [
        Piece(KEPT, f"{words} "),
        Piece(DELETED, "akhir"),
        Piece(INSERTED, "awal"),
        Piece(KEPT, f" {words}"),
    ]


@pytest.mark.parametrize(
    ("text", "moment"),
    [
        ("2026-12-01 06:00", "2026-12-01T06:00:00+07:00"),
        ("2026-12-01T06:00:30", "2026-12-01T06:00:30+07:00"),
        ("  2026-12-01 06:00  ", "2026-12-01T06:00:00+07:00"),
        ("2026-12-01T06:00:00+09:00", "2026-12-01T06:00:00+09:00"),
        ("2026-12-01 06:00z", "2026-12-01T06:00:00+00:00"),
        ("2026-12-01t06:00:00.5Z", "2026-12-01T06:00:00.500000+00:00"),
    ],
)
def test_a_typed_time_is_read_in_the_newsrooms_zone(text: str, moment: str) -> None:
    assert when.parse(text, JAKARTA, "--at") == datetime.fromisoformat(moment)


@pytest.mark.parametrize(
    ("text", "zone", "key"),
    [
        ("besok pagi", JAKARTA, "when.format"),
        ("2026-12-01", JAKARTA, "when.format"),
        ("2026-12-01 6:00", JAKARTA, "when.format"),
        ("2026-02-30 06:00", JAKARTA, "when.impossible"),
        ("2026-12-01 24:00", JAKARTA, "when.impossible"),
        ("2026-02-30T06:00:00+07:00", JAKARTA, "when.impossible"),
        ("2026-03-08 02:30", NEW_YORK, "when.skipped"),
        ("2026-11-01 01:30", NEW_YORK, "when.ambiguous"),
    ],
)
def test_a_typed_time_that_names_no_moment_is_refused_saying_why(
    text: str, zone: ZoneInfo, key: str
) -> None:
    with pytest.raises(UsageError) as caught:
        when.parse(text, zone, "--embargo")
    assert (caught.value.key, caught.value.params) == (key, {"option": "--embargo", "value": text})


def test_a_moment_is_written_in_the_newsrooms_zone_to_the_second() -> None:
    moment = datetime(2026, 12, 1, 1, 2, 3, 999_999, tzinfo=UTC)
    assert when.stamp(moment, JAKARTA) == "2026-12-01T08:02:03+07:00"


def test_only_a_time_after_now_is_in_the_future() -> None:
    now = datetime(2026, 12, 1, tzinfo=UTC)
    when.future(now + timedelta(seconds=1), now, "--at", "x")
    for moment in (now, now - timedelta(seconds=1)):
        with pytest.raises(UsageError) as caught:
            when.future(moment, now, "--at", "kemarin")
        assert (caught.value.key, caught.value.params) == (
            "when.past",
            {"option": "--at", "value": "kemarin"},
        )


def test_a_recorded_time_is_read_only_with_its_offset() -> None:
    assert when.read("2025-03-04T10:00:00+07:00") == NOW - timedelta(hours=2)
    assert when.read("2025-03-04T03:00:00z") == NOW - timedelta(hours=2)
    assert when.read("2025-03-04T10:00:00") is None
    assert when.read("besok") is None
    assert when.read(None) is None
