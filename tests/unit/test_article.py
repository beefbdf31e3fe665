"""Front matter splitting and in-place rewriting, including property tests."""

from __future__ import annotations

import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from redaksi.core import article, yamlio
from redaksi.core.article import FormatProblem

SPEC_EXAMPLE = """\
---
id: 0f9c7a52-5f1e-4c51-9a53-8e2b61c0d2a4     # uuid, set at draft, never changes
title: Akselerasi Program Kerja, Bupati Larang OPD Tangani Masalah Sendiri-sendiri
slug: akselerasi-program-kerja-bupati          # unique in the repo
status: review                               # draft | review | edit | published | retracted
category: Pemerintahan
reporter: {name: Ali Ya'lu, email: ali@kabar.test}
created_at: 2025-03-04T09:12:00+07:00
history:                                                # appended by every transition
  - {action: submit, from: draft, to: review, by: ali@kabar.test, at: 2025-03-04T10:00:00+07:00}
  - {action: correct, from: published, to: published, by: ms@kabar.test, at: 2025-03-05T08:00:00+07:00,
     note: Nama jabatan diperbaiki.}
# a closing comment stays where it is
---
Probolinggo,- Bupati Probolinggo ... (*)
"""


@pytest.mark.parametrize(
    ("text", "key", "line"),
    [
        ("", "article.empty", 1),
        ("\n \n", "article.empty", 1),
        ("title: x\n", "article.no_front_matter", 1),
        ("---\ntitle: x\n", "article.unclosed", 1),
        ("---\n---\nbody\n", "yaml.not_mapping", 1),
        ("---\n- a\n---\n", "yaml.not_mapping", 1),
        ("---\ntitle: a: b\n---\n", "yaml.syntax", 2),
        ("---\ntitle: a\ntitle: b\n---\n", "yaml.duplicate", 3),
        ("---\nslug: x\nx: &a [1]\n---\n", "yaml.alias", 3),
    ],
)
def test_bad_articles_are_refused_with_a_position(text: str, key: str, line: int) -> None:
    with pytest.raises(FormatProblem) as caught:
        article.parse(text)
    assert caught.value.key == key
    assert caught.value.line == line


def test_split_keeps_bom_crlf_and_body() -> None:
    text = "\ufeff---\r\ntitle: x\r\n---\r\nbody\r\n"
    doc = article.split(text)
    assert doc.newline == "\r\n"
    assert doc.front == "title: x\r\n"
    assert doc.body == "body\r\n"
    assert doc.head + doc.front + doc.closing + doc.body == text


def test_rewrite_changes_only_the_lines_it_sets() -> None:
    doc, data = article.parse(SPEC_EXAMPLE)
    stamp = yamlio.timestamp("2025-03-04T14:02:00+07:00")
    new = article.rewrite(
        doc,
        data,
        set_keys={"status": "edit", "editor": {"name": "Mohammad S", "email": "ms@kabar.test"}},
        append={
            "history": [
                {
                    "action": "approve",
                    "from": "review",
                    "to": "edit",
                    "by": "ms@kabar.test",
                    "at": stamp,
                }
            ]
        },
    )
    old_lines, new_lines = SPEC_EXAMPLE.splitlines(), new.splitlines()
    removed = [line for line in old_lines if line not in new_lines]
    added = [line for line in new_lines if line not in old_lines]
    assert removed == [
        "status: review                               # draft | review | edit | published | retracted"
    ]
    assert added == [
        "status: edit                                 # draft | review | edit | published | retracted",
        "editor: {name: Mohammad S, email: ms@kabar.test}",
        "  - {action: approve, from: review, to: edit, by: ms@kabar.test, at: 2025-03-04T14:02:00+07:00}",
    ]
    # the new editor sits after the reporter, the new history item after the last one
    assert (
        new_lines.index(added[1])
        == new_lines.index("reporter: {name: Ali Ya'lu, email: ali@kabar.test}") + 1
    )
    assert new_lines.index(added[2]) == new_lines.index("     note: Nama jabatan diperbaiki.}") + 1


def test_rewrite_keeps_crlf_and_bom() -> None:
    text = "\ufeff" + SPEC_EXAMPLE.replace("\n", "\r\n")
    doc, data = article.parse(text)
    new = article.rewrite(
        doc,
        data,
        set_keys={"status": "edit", "updated_at": yamlio.timestamp("2025-03-05T08:00:00+07:00")},
    )
    assert new.startswith("\ufeff---\r\n")
    assert "\n" not in new.replace("\r\n", "")
    assert new.endswith("---\r\nProbolinggo,- Bupati Probolinggo ... (*)\r\n")


def test_rewrite_of_a_flow_root_is_refused() -> None:
    doc, data = article.parse("---\n{title: x, status: draft}\n---\n")
    with pytest.raises(FormatProblem) as caught:
        article.rewrite(doc, data, set_keys={"status": "review"})
    assert caught.value.key == "article.flow_front_matter"


def test_render_writes_timestamps_unquoted_and_quotes_what_needs_it() -> None:
    text = article.render(
        [
            ("title", 'Bupati: "Nafsi" #1'),
            ("created_at", yamlio.timestamp("2025-03-04T09:12:00+07:00")),
        ],
        "b\n",
    )
    assert (
        text
        == "---\ntitle: 'Bupati: \"Nafsi\" #1'\ncreated_at: 2025-03-04T09:12:00+07:00\n---\nb\n"
    )
    _, data = article.parse(text)
    assert data["title"] == 'Bupati: "Nafsi" #1'


# -- properties ------------------------------------------------------------------------------

KEYS = ["id", "title", "slug", "category", "dateline", "tags", "reporter", "photo", "x-note"]
SAFE_TEXT = st.text(
    alphabet=st.characters(
        codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp"), exclude_characters="\ufeff\x85"
    ),
    min_size=1,
    max_size=30,
)


def _scalar_lines(key: str, value: str, style: str) -> str:
    if style == "double":
        escaped = value.replace("\\", "\\\\").replace('"', '\\"')
        return f'{key}: "{escaped}"'
    if style == "single":
        return f"{key}: '{value.replace(chr(39), chr(39) * 2)}'"
    return yamlio.dump_entry(key, value).rstrip("\n")


@st.composite
def front_matters(draw: st.DrawFn) -> tuple[str, list[str]]:
    keys = draw(st.lists(st.sampled_from(KEYS), unique=True, min_size=1))
    lines: list[str] = []
    for key in keys:
        if draw(st.booleans()):
            lines.append(
                "# " + draw(st.text(alphabet=string.ascii_letters + " :#'\"", max_size=20))
            )
        kind = draw(st.sampled_from(["scalar", "list", "map", "block-list"]))
        if kind == "scalar":
            line = _scalar_lines(
                key, draw(SAFE_TEXT), draw(st.sampled_from(["plain", "single", "double"]))
            )
        elif kind == "list":
            line = yamlio.dump_entry(key, draw(st.lists(SAFE_TEXT, max_size=3))).rstrip("\n")
        elif kind == "map":
            line = yamlio.dump_entry(key, {"name": draw(SAFE_TEXT), "email": "a@b.test"}).rstrip(
                "\n"
            )
        else:
            items = draw(st.lists(SAFE_TEXT, min_size=1, max_size=3))
            line = f"{key}:\n" + "\n".join(
                yamlio.dump_entry("k", [i]).split("\n", 1)[1].rstrip("\n") for i in items
            )
        if kind != "block-list" and draw(st.booleans()):
            line += "   # " + draw(st.text(alphabet=string.ascii_letters + " #", max_size=10))
        lines.append(line)
    if "status" not in keys and draw(st.booleans()):
        lines.insert(draw(st.integers(0, len(lines))), "status: draft")
    return "\n".join(lines) + "\n", keys


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(
    front_matters(),
    st.sampled_from(["\n", "\r\n"]),
    st.booleans(),
    SAFE_TEXT,
    st.sampled_from(["status", "editor", "updated_at", "history"]),
)
def test_rewrite_changes_only_what_it_sets(
    fm: tuple[str, list[str]], newline: str, bom: bool, body: str, target: str
) -> None:
    front, _ = fm
    text = ("\ufeff" if bom else "") + f"---\n{front}---\n".replace("\n", newline) + body
    doc, data = article.parse(text)
    value: object = {
        "status": "review",
        "editor": {"name": "Mohammad S", "email": "ms@kabar.test"},
        "updated_at": yamlio.timestamp("2025-03-05T08:00:00+07:00"),
    }.get(target)
    if target == "history":
        new = article.rewrite(doc, data, append={"history": [{"action": "submit", "to": "review"}]})
    else:
        new = article.rewrite(doc, data, set_keys={target: value})
    new_doc, new_data = article.parse(new)
    # body, BOM and line endings are byte for byte the same
    assert new_doc.body == doc.body
    assert new_doc.head == doc.head
    assert new_doc.newline == doc.newline
    assert ("\r\n" in new_doc.front) == (newline == "\r\n") or not doc.front
    # every line of the old front matter that did not belong to the target key survives, in order
    old_lines = doc.front.splitlines(keepends=True)
    target_lines = set()
    if target in data:
        start = data.lc.key(target)[0]
        target_lines = {start}
    kept = [line for i, line in enumerate(old_lines) if i not in target_lines]
    new_lines = new_doc.front.splitlines(keepends=True)
    iterator = iter(new_lines)
    assert all(any(line == candidate for candidate in iterator) for line in kept)
    # and the data is the old data with just the target changed
    expected = yamlio.to_plain(data)
    if target == "history":
        expected["history"] = [{"action": "submit", "to": "review"}]
    else:
        expected[target] = yamlio.to_plain(value)
    assert yamlio.to_plain(new_data) == expected


@settings(max_examples=100)
@given(
    st.lists(
        st.tuples(st.sampled_from(KEYS[1:]), SAFE_TEXT),
        min_size=1,
        max_size=5,
        unique_by=lambda t: t[0],
    ),
    SAFE_TEXT,
)
def test_render_then_parse_round_trips_any_text(entries: list[tuple[str, str]], body: str) -> None:
    text = article.render(entries, body)
    doc, data = article.parse(text)
    assert yamlio.to_plain(data) == dict(entries)
    assert doc.body == body


def test_file_positions_count_from_the_opening_fence() -> None:
    _, data = article.parse("---\nid: x\ntitle: Pasar\nm:\n  k: v\n---\nIsi.\n")
    assert article.file_position(data, ["title"]) == (3, 8)
    assert article.file_position(data, ["title"], key=True) == (3, 1)
    assert article.file_position(data, ["m", "k"]) == (5, 6)


@pytest.mark.parametrize(
    ("body", "dateline", "unwritten"),
    [
        ("", None, True),
        ("\ufeff  \n", None, True),
        ("Write the story here.", None, True),
        ("Probolinggo,- Write the story here. (*)", "Probolinggo ", True),
        ("Probolinggo,- (*)", "Probolinggo", True),
        ("(*) Write the story here.", None, False),  # the end mark belongs at the end
        ("Write the story here. Probolinggo,-", "Probolinggo", False),  # at the start only
        ("Probolinggo,- Isi. (*)", "Probolinggo", False),
        ("Probolinggo,- Isi.", 7, False),  # a dateline that is no text is not looked for
        ("\ufeffIsi.", None, False),
    ],
)
def test_a_body_is_unwritten_while_it_is_empty_or_the_template(
    body: str, dateline: object, unwritten: bool
) -> None:
    assert article.unwritten(
        body, dateline, ["Write the story here.", "Tulis berita di sini."]
    ) is (unwritten)


@pytest.mark.parametrize(
    ("text", "status", "result"),
    [
        ("---\nstatus: draft      # where\ntitle: T\n---\nIsi.\n", "review",
         "---\nstatus: review     # where\ntitle: T\n---\nIsi.\n"),  # the comment keeps its column
        ("---\nstatus: draft # x\ntitle: T\n---\nIsi.\n", "edit",
         "---\nstatus: edit  # x\ntitle: T\n---\nIsi.\n"),
        ("---\nstatus: draft # x\ntitle: T\n---\nIsi.\n", "published",
         "---\nstatus: published # x\ntitle: T\n---\nIsi.\n"),  # pushed right: the same gap
        ("---\nstatus: draft  # x\ntitle: T\n---\nIsi.\n", "published",
         "---\nstatus: published  # x\ntitle: T\n---\nIsi.\n"),
        ("---\r\nstatus: draft # x\r\ntitle: T\r\n---\r\nIsi.\r\n", "published",
         "---\r\nstatus: published # x\r\ntitle: T\r\n---\r\nIsi.\r\n"),
        ("---\nstatus: draft  # a\n# b\ntitle: T\n---\nIsi.\n", "review",
         "---\nstatus: review # a\n# b\ntitle: T\n---\nIsi.\n"),
    ],
)  # fmt: skip
def test_a_rewritten_value_keeps_its_trailing_comment(text: str, status: str, result: str) -> None:
    doc, data = article.parse(text)
    assert article.rewrite(doc, data, set_keys={"status": status}) == result
