"""The fast reader and validator never disagree with the exact ones they stand in for."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from redaksi import schema
from redaksi.core import article, fastread, validation, yamlio
from redaksi.core.yamlio import YamlProblem

SCHEMA = json.loads(schema.builtin_text(schema.ARTICLE))
EXACT = validation.make_validator(SCHEMA)
FAST = validation.make_fast_validator(SCHEMA)

SCALARS = st.one_of(
    st.sampled_from(
        [
            "draft",
            "review",
            "published",
            "2025-03-04T09:12:00+07:00",
            "2025-02-31T09:12:00+07:00",
            "2025-03-04",
            "ali@kabar.test",
            "ali-at-kabar",
            "0f9c7a52-5f1e-4c51-9a53-8e2b61c0d2a4",
            "017",
            "1_000",
            "yes",
            "true",
            "~",
            "null",
            "",
            "1e3",
            ".inf",
            "0x1F",
            "<<",
            "=",
            "a: b",
            "#x",
            "Hukum",
            "bupati-larang-opd",
            "-",
            "- a",
        ]
    ),
    st.text(max_size=12),
)
KEYS = st.sampled_from(
    [
        "id",
        "title",
        "slug",
        "status",
        "category",
        "tags",
        "dateline",
        "reporter",
        "editor",
        "created_at",
        "history",
        "x-a",
        "other",
    ]
)


def _style(value: str, style: int) -> str:
    if style == 0:
        return value
    if style == 1:
        return "'" + value.replace("'", "''") + "'"
    return json.dumps(value)


@st.composite
def documents(draw: st.DrawFn) -> str:
    lines = []
    for key in draw(st.lists(KEYS, min_size=1, max_size=9)):
        kind = draw(st.integers(0, 3))
        if kind == 0:
            lines.append(f"{key}: {_style(draw(SCALARS), draw(st.integers(0, 2)))}")
        elif kind == 1:
            items = ", ".join(
                _style(draw(SCALARS), draw(st.integers(1, 2)))
                for _ in range(draw(st.integers(0, 3)))
            )
            lines.append(f"{key}: [{items}]")
        elif kind == 2:
            lines.append(
                f"{key}: {{name: {_style(draw(SCALARS), 2)}, email: {_style(draw(SCALARS), draw(st.integers(0, 2)))}}}"
            )
        else:
            lines.append(
                f"{key}:\n  - {{action: {draw(SCALARS) or 'x'}, to: review, by: a@b.co, at: {draw(SCALARS) or 'x'}}}"
            )
    return "\n".join(lines) + "\n"


def _exact(text: str) -> tuple[object, bool]:
    try:
        data = yamlio.load_mapping(text)
    except YamlProblem:
        return None, False
    front = article.parse(f"---\n{text}---\n")[1]
    return yamlio.to_plain(data), validation.check_document(EXACT, front, "a.md") == []


@settings(max_examples=400, deadline=None)
@given(documents())
def test_fast_reader_and_validator_agree_with_the_exact_ones(text: str) -> None:
    fast = fastread.load(text)
    exact_data, exact_valid = _exact(text)
    if fast is None:
        return  # the exact path decides, by construction
    assert fast.data == exact_data
    assert FAST.is_valid(fast.data) == exact_valid


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120))
def test_fast_reader_never_accepts_what_the_exact_reader_refuses(text: str) -> None:
    fast = fastread.load(text)
    if fast is not None:
        assert yamlio.to_plain(yamlio.load_mapping(text)) == fast.data


def test_it_steps_aside_for_anchors_tags_numbers_and_duplicates() -> None:
    for text in (
        "a: &x 1\n",
        "a: !!str x\n",
        "a: 017\n",
        "a: b\na: c\n",
        "<<: {a: 1}\n",
        "a: yes1\nb: true\n",
        "- a\n",
    ):
        assert fastread.load(text) is None, text


def test_top_level_positions_match_the_exact_reader() -> None:
    text = "id: abc\ntitle: 'Judul'\nslug:   berita\n"
    fast = fastread.load(text)
    data = yamlio.load_mapping(text)
    assert fast is not None
    assert {k: fast.where[k] for k in ("id", "title", "slug")} == {
        k: tuple(data.lc.value(k)) for k in ("id", "title", "slug")
    }
