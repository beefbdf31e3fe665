"""The WXR reader: namespaces by URI, streaming in any chunks, every problem placed."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from redaksi.core.wordpress.wxr import Reader, WxrProblem
from tests.wxr import Post, export


def read(data: bytes, chunks: list[int] | None = None) -> tuple[Reader, list]:
    reader = Reader()
    items = []
    start = 0
    for size in chunks or []:
        items += reader.feed(data[start : start + size])
        start += size
    items += reader.feed(data[start:])
    items += reader.close()
    return reader, items


def problem(data: bytes) -> WxrProblem:
    with pytest.raises(WxrProblem) as caught:
        read(data)
    return caught.value


SAMPLE = export(
    [
        Post(1, "Satu", meta={"_thumbnail_id": "9"}, tags=["Probolinggo"], comments=2),
        Post(9, "foto", type="attachment", status="inherit", attachment_url="https://k.test/a.jpg"),
    ]
).encode()


def test_channel_authors_categories_and_items() -> None:
    reader, items = read(SAMPLE)
    channel = reader.channel
    assert channel.version == "1.2"
    assert channel.site == "https://kabar.test"
    assert channel.authors["ali"].email == "ali@kabar.test"
    assert channel.authors["keyra"].display_name == "Keyra"
    assert channel.categories == {"3": "Pemerintahan", "4": "Ekonomi", "5": "Olahraga"}
    first, second = items
    assert first.get("wp:post_id") == "1" and first.get("title") == "Satu"
    assert first.get("wp:post_date_gmt") == "2025-03-03 09:17:00"
    assert first.terms == [
        ("category", "pemerintahan", "Pemerintahan"),
        ("post_tag", "probolinggo", "Probolinggo"),
    ]
    assert first.meta == {"_thumbnail_id": "9"}  # comments are not post meta
    assert "wp:comment_content" not in first.fields
    assert second.get("wp:attachment_url") == "https://k.test/a.jpg"
    assert first.line < second.line


@pytest.mark.parametrize(
    ("version", "scheme", "prefix"),
    [
        ("1.0", "http", "wp"),
        ("1.1", "https", "wp"),
        ("1.2", "https", "wordpress"),
        ("1.2", "http", "x"),
    ],
)
def test_namespaces_are_matched_by_uri_not_prefix(version: str, scheme: str, prefix: str) -> None:
    data = export([Post(1, "Satu")], version=version, scheme=scheme, wp=prefix).encode()
    reader, items = read(data)
    assert reader.channel.version == version
    assert items[0].get("wp:post_id") == "1" and items[0].get("wp:status") == "publish"


def test_a_prefix_bound_to_another_uri_is_not_wordpress() -> None:
    data = export([Post(1)]).replace(
        'xmlns:wp="http://wordpress.org/export/1.2/"', 'xmlns:wp="urn:x"'
    )
    assert problem(data.encode()).key == "wxr.not_wxr"


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(min_value=1, max_value=700), max_size=12))
def test_any_chunking_gives_the_same_items(sizes: list[int]) -> None:
    whole = read(SAMPLE)[1]
    assert [(i.fields, i.terms, i.meta, i.line) for i in read(SAMPLE, sizes)[1]] == [
        (i.fields, i.terms, i.meta, i.line) for i in whole
    ]


def test_invalid_character_is_placed_at_its_line_and_column() -> None:
    text = export([Post(1)]).replace("Bupati meminta", "Bupati\x0bmeminta")
    at = text.index("\x0b")
    found = problem(text.encode())
    assert found.key == "wxr.malformed"
    assert (found.line, found.column) == (text[:at].count("\n") + 1, at - text.rfind("\n", 0, at))


def test_columns_count_characters_not_bytes() -> None:
    found = problem("<rss>\n<é>é\x0b</é></rss>".encode())
    assert (found.line, found.column) == (2, 5)


@pytest.mark.parametrize(
    ("data", "key"),
    [
        (b"", "wxr.empty"),
        (b"   \n", "wxr.malformed"),
        (b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"/>', "wxr.not_wxr"),
        (b"<rss><channel><title>x</title></channel></rss>", "wxr.not_wxr"),
        (b"<rss><channel><item/></channel></rss>", "wxr.not_wxr"),
        (
            b'<rss xmlns:wp="http://wordpress.org/export/1.3/"><wp:wxr_version/></rss>',
            "wxr.version",
        ),
        (b'<?xml version="1.0"?><!DOCTYPE rss><rss/>', "wxr.doctype"),
        (b'<!DOCTYPE r [<!ENTITY a "b">]><rss>&a;</rss>', "wxr.doctype"),
        (SAMPLE[: len(SAMPLE) // 2], "wxr.malformed"),
        (SAMPLE.replace(b"</item>", b"</itemx>", 1), "wxr.malformed"),
    ],
)
def test_what_is_not_a_readable_export_is_refused(data: bytes, key: str) -> None:
    found = problem(data)
    assert found.key == key
    assert found.line >= 1 and found.column >= 1


def test_a_billion_laughs_never_expands() -> None:
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + b"".join(
            b'<!ENTITY lol%d "%s">' % (n, (b"&lol%d;" % (n - 1) if n > 1 else b"&lol;") * 10)
            for n in range(1, 10)
        )
        + b"]><rss>&lol9;</rss>"
    )
    assert problem(bomb).key == "wxr.doctype"


def test_latin1_exports_are_decoded() -> None:
    data = export([Post(1, "Café")]).replace('encoding="UTF-8"', 'encoding="ISO-8859-1"')
    _, items = read(data.encode("latin-1"))
    assert items[0].get("title") == "Café"
