"""The site's small parts: images read from bytes, dates as a portal prints them, bodies."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from redaksi.site import body, dates, images

DATA = Path(__file__).resolve().parents[1] / "data"
WHEN = datetime.fromisoformat("2025-03-04T16:17:00+07:00")


@pytest.mark.parametrize(
    ("name", "kind"), [("gps.jpg", "jpeg"), ("tiny.png", "png"), ("gps.webp", "webp")]
)
def test_images_are_known_by_their_bytes_and_lose_only_their_metadata(name: str, kind: str) -> None:
    data = (DATA / name).read_bytes()
    assert images.kind(data) == kind and images.size(data) == (32, 18)
    clean = images.strip_location(data)
    assert b"TestCam" not in clean and images.kind(clean) == kind and images.size(clean) == (32, 18)
    assert images.strip_location(clean) == clean
    assert images.kind(b"<svg xmlns='http://www.w3.org/2000/svg'/>") is None


@pytest.mark.parametrize(
    ("zone", "language", "expected"),
    [
        ("Asia/Jakarta", "id", "4 Mar 2025 16:17 WIB"),
        ("Asia/Makassar", "id", "4 Mar 2025 17:17 WITA"),
        ("Asia/Jayapura", "en", "4 Mar 2025 18:17 WIT"),
        ("Asia/Kolkata", "en", "4 Mar 2025 14:47 UTC+05:30"),
        ("America/Sao_Paulo", "id", "4 Mar 2025 06:17 UTC-03:00"),
    ],
)
def test_dates_carry_the_newsrooms_zone_label(zone: str, language: str, expected: str) -> None:
    assert dates.display(WHEN, zone, language) == expected


def test_month_names_come_from_the_locale() -> None:
    august = datetime.fromisoformat("2025-08-17T10:00:00+07:00")
    assert dates.display(august, "Asia/Jakarta", "id") == "17 Agu 2025 10:00 WIB"
    assert dates.display(august, "Asia/Jakarta", "en") == "17 Aug 2025 10:00 WIB"


def test_a_body_keeps_no_raw_html_and_no_unsafe_links() -> None:
    html = body.render(
        "<img src=x onerror=alert(1)>\n\n[a](javascript:alert(1)) [b](vbscript:x) [c](data:text/html,x) "
        "[d](/ok) [e](mailto:r@kabar.test) ![f](javascript:x)",
        "Jember",
    )
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert (
        'href="javascript' not in html
        and 'href="vbscript' not in html
        and 'href="data:' not in html
    )
    assert '<a href="/ok">d</a>' in html and '<a href="mailto:r@kabar.test">e</a>' in html
    assert html.startswith("<p><strong>Jember,-</strong> ")


def _markdown_it(text: str) -> str:
    out: str = body._parser().render(text)
    return out


_WORD = st.one_of(
    st.text(alphabet=st.sampled_from("abcXYZéßяب019,.;:!?'\"()-+=>/%$@#~|{}^’🙂"), max_size=9),
    st.just("&"),
)
_LINE = st.builds(
    lambda first, rest, end: f"{first} {rest}".rstrip() + end,
    st.sampled_from("aZé1Я中"),
    st.lists(_WORD, max_size=6).map(" ".join),
    st.sampled_from(["", " "]),
)


def _marked(lines: list[str], mark: str, where: int, end: str) -> str:
    """A paragraph's lines, at most one ``*`` or ``_`` inside the first, spaces after the last."""
    first = lines[0]
    at = 1 + where % len(first.rstrip())
    return "\n".join([first[:at] + mark + first[at:], *lines[1:]]) + end


_PARAGRAPH = st.builds(
    _marked,
    st.lists(_LINE, min_size=1, max_size=4),
    st.sampled_from(["", "*", "_", " (*)"]),
    st.integers(min_value=0, max_value=40),
    st.sampled_from(["", "  ", "   "]),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PARAGRAPH, min_size=1, max_size=4), st.sampled_from(["\n\n", "\n\n\n"]))
def test_plain_paragraphs_skip_markdown_it_and_come_out_as_it_writes_them(
    paragraphs: list[str], gap: str
) -> None:
    text = gap.join(paragraphs) + "\n"
    fast = body.plain_html(text)
    assert fast is not None, text
    assert fast == _markdown_it(text)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from("aZ1 \n\t*_&<>#-+=.)([]\\`~!|\"'\u00a0\r;"), max_size=40))
def test_whatever_the_fast_path_writes_is_what_markdown_it_writes(text: str) -> None:
    fast = body.plain_html(text)
    assert fast is None or fast == _markdown_it(text), text


@pytest.mark.parametrize(
    "text",
    [
        "1. satu",
        "2) dua",
        "Judul\n===",
        "Judul\n---",
        "a  \nb",
        "a\\\nb",
        "*miring* kata",
        "a_b_c",
        "A &amp; B",
        "A &#38; B",
        "ada <b>tebal</b>",
        "a `kode`",
        "[tautan](https://x.test)",
        "- butir",
        "# judul",
        "> kutipan",
        "    kode",
        "\u00a0awal",
        "akhir\u00a0",
        "baris\tdengan tab",
    ],
)
def test_bodies_that_mean_something_to_commonmark_go_to_markdown_it(text: str) -> None:
    assert body.plain_html(text) is None


def test_a_news_body_with_its_closing_mark_takes_the_fast_path() -> None:
    text = 'Warga "resah" & kecewa > 3 kali.\n\nItu kata 5 orang 2025 (*)\n'
    assert body.plain_html(text) == _markdown_it(text)
    assert body.plain_html(text) == (
        "<p>Warga &quot;resah&quot; &amp; kecewa &gt; 3 kali.</p>\n<p>Itu kata 5 orang 2025 (*)</p>\n"
    )


def _plain_of_whole(text: str, limit: int) -> str:
    whole = body.text_of(text)
    return whole if len(whole) <= limit else whole[:limit].rsplit(" ", 1)[0] + "…"


def test_a_description_is_the_words_a_reader_reads() -> None:
    story = (
        "## Pembuka\n\nPemerintah Kota (Pemkot) *Probolinggo* membenahi [tiga pasar]"
        "(https://a.test/pasar) ![foto](pasar.jpg) seharga Rp 2,4 miliar!\n\n> Kata warga: `aman`?\n"
        "\n- satu\n- dua\n"
    )
    assert body.plain(story) == (
        "Pembuka Pemerintah Kota (Pemkot) Probolinggo membenahi tiga pasar seharga Rp 2,4 "
        "miliar! Kata warga: aman? satu dua"
    )
    assert body.plain(story, 40) == "Pembuka Pemerintah Kota (Pemkot)…"
    assert body.plain("Satu.\n\nDua.", 5) == "Satu.…"  # a next paragraph past the limit is a cut


@settings(max_examples=300, deadline=None)
@given(
    st.builds(str.__mul__, st.sampled_from(["*", " ", "\n", "# ", "(_)"]), st.integers(0, 1500)),
    st.text(alphabet=st.sampled_from("ab *_#\n\t ()"), max_size=600),
    st.integers(1, 300),
)
def test_a_description_read_from_the_head_of_a_body_is_the_one_read_from_all_of_it(
    marks: str, text: str, limit: int
) -> None:
    assert body.plain(marks + text, limit) == _plain_of_whole(marks + text, limit)


_FRONT = """id: e434dfee
title: "Banjir: air naik"
slug: banjir
status: published
category: Hukum
{history}published_at: 2025-03-04T16:17:00+07:00
tags: [a, b]
dateline: Jember
"""


@pytest.mark.parametrize(
    "history",
    [
        "",
        "history:\n  - {action: draft, at: 2025-03-04T10:00:00+07:00}\n  - {action: publish}\n",
        "history: [{action: draft},\n  {action: publish}]\n",
        "history:\n  - action: draft\n\n# a note\n  - action: publish\n    note: |\n      a\n\n      b\n",
        "history: []\n",
    ],
)
def test_a_story_read_without_its_history_is_the_story_read_whole(history: str) -> None:
    from redaksi.core import fastread, yamlio
    from redaksi.services.siteread import parse_story, without_history
    from redaksi.site.stories import story

    front = _FRONT.format(history=history)
    assert fastread.load(without_history(front)) is not None  # the fast reader reads it
    text = f"---\n{front}---\nJember,- Isi.\n"
    read, body = parse_story("articles/2025/03/banjir.md", text.encode())
    whole = story("articles/2025/03/banjir.md", yamlio.to_plain(yamlio.load_mapping(front)))
    assert read is not None and read == whole and body == "Jember,- Isi.\n"
    assert parse_story("articles/2025/03/banjir.md", text.encode(), exact=True) == (read, body)
    assert "history" not in without_history(front)
    assert read.published_at == "2025-03-04T16:17:00+07:00" and read.category == "Hukum"
