"""The fast writer: whatever it writes, both YAML readers read back exactly."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from redaksi.core import fastread, fastwrite, yamlio

TRICKY = [
    "yes",
    "No",
    "ON",
    "null",
    "~",
    "",
    " leading",
    "trailing ",
    "017",
    "1_000",
    "1e3",
    ".inf",
    "2025-03-04",
    "2025-03-04T09:12:00+07:00",
    "a: b",
    "a #b",
    "- dash",
    "[list]",
    "{map}",
    "'quoted'",
    '"double"',
    "back\\slash",
    "tab\there",
    "line\nbreak",
    "nel\x85next",
    "ls\u2028ps\u2029",
    "bom\ufeff",
    "bell\x07",
    "zero\u200bwidth",
    "emoji 👩\u200d👩\u200d👧",
    "مرحبا بالعالم",
    "Ελληνικά",
    "Ali Ya'lu",
    "ali@kabar.test",
    "@handle",
    "%percent",
    "&anchor",
    "*alias",
    "!tag",
    "|block",
    ">folded",
    "?key",
    "a, b",
    "=",
]
TEXT = st.one_of(st.sampled_from(TRICKY), st.text(max_size=40))


def both(front: str) -> tuple[object, object]:
    fast = fastread.load(front)
    return (fast.data if fast else None), yamlio.to_plain(yamlio.load_mapping(front))


@pytest.mark.parametrize("value", TRICKY)
def test_tricky_strings_read_back_as_themselves(value: str) -> None:
    front = fastwrite.front_matter(
        [("title", value), ("tags", [value, "x"]), ("reporter", {"name": value, "email": "a@b.c"})]
    )
    expected = {"title": value, "tags": [value, "x"], "reporter": {"name": value, "email": "a@b.c"}}
    fast, exact = both(front)
    assert exact == expected
    assert fast in (expected, None)  # None: the fast reader hands over to the exact one


def test_plain_where_a_person_expects_it() -> None:
    front = fastwrite.front_matter(
        [
            ("id", "0f9c7a52-5f1e-4c51-9a53-8e2b61c0d2a4"),
            ("title", "Bupati Larang OPD, Kerja Sendiri"),
            ("created_at", fastwrite.Stamp("2025-03-04T16:17:00+07:00")),
            ("history", [{"action": "import", "at": fastwrite.Stamp("2025-03-04T16:17:00+07:00")}]),
        ]
    )
    assert front == (
        "id: 0f9c7a52-5f1e-4c51-9a53-8e2b61c0d2a4\n"
        "title: Bupati Larang OPD, Kerja Sendiri\n"
        "created_at: 2025-03-04T16:17:00+07:00\n"
        "history:\n"
        "  - {action: import, at: 2025-03-04T16:17:00+07:00}\n"
    )
    fast = fastread.load(front)  # plain enough that the fast reader takes it, and agrees
    assert fast is not None and fast.data == yamlio.to_plain(yamlio.load_mapping(front))


@settings(max_examples=300, deadline=None)
@given(TEXT, st.lists(TEXT, max_size=3), st.dictionaries(st.sampled_from(["a", "b"]), TEXT))
def test_any_text_reads_back_the_same_from_both_readers(
    title: str, tags: list[str], person: dict[str, str]
) -> None:
    entries: list[tuple[str, object]] = [("title", title), ("tags", tags)]
    if person:
        entries += [("reporter", person), ("history", [person, person])]
    front = fastwrite.front_matter(entries)
    expected = dict(entries)
    fast, exact = both(front)
    assert exact == expected
    assert fast in (expected, None)
