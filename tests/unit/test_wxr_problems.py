"""The WXR reader's exact words and places for each problem, and what a sparse export holds."""

from __future__ import annotations

import pytest

from redaksi.core.wordpress.wxr import Author, WxrProblem
from tests.unit.test_wxr import problem, read

WP = b'xmlns:wp="http://wordpress.org/export/1.2/"'


@pytest.mark.parametrize(
    ("data", "key", "line", "column", "params"),
    [
        (b"", "wxr.empty", 1, 1, {}),
        (b"<html/>", "wxr.not_wxr", 1, 1, {"found": "html"}),
        (b"<rss><channel><title>x</title></channel></rss>", "wxr.not_wxr", 1, 1, {"found": "rss"}),
        (b"<rss><channel>\n  <item><title>x</title></item></channel></rss>", "wxr.not_wxr", 2, 3,
         {"found": "rss"}),
        # the WordPress namespace alone, without <wp:wxr_version>, makes no export
        (b"<rss " + WP + b"><channel><wp:author/>\n<item/></channel></rss>", "wxr.not_wxr", 2, 1,
         {"found": "rss"}),
        (b'<rss xmlns:wp="http://wordpress.org/export/1.9/"><channel><wp:wxr_version>1.9'
         b"</wp:wxr_version></channel></rss>", "wxr.version", 1, 59, {"version": "1.9"}),
        (b'<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY a "b">]><rss/>', "wxr.doctype", 2, 15,
         {}),
        (b"<rss><channel>\n<title>x</title>\n</channe></rss>", "wxr.malformed", 3, 3,
         {"detail": "mismatched tag"}),
        (b"<rss><channel><title>x</title></channel></rss><extra/>", "wxr.malformed", 1, 47,
         {"detail": "junk after document element"}),
    ],
)  # fmt: skip
def test_each_problem_is_named_and_placed(
    data: bytes, key: str, line: int, column: int, params: dict[str, str]
) -> None:
    found = problem(data)
    assert (found.key, found.line, found.column, found.params) == (key, line, column, params)
    assert str(found) == key


def test_an_export_fed_in_empty_chunks_only_is_empty() -> None:
    with pytest.raises(WxrProblem) as caught:
        read(b"", chunks=[0, 0])
    assert caught.value.key == "wxr.empty"


SPARSE = b"""<?xml version="1.0"?>
<rss xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<wp:wxr_version>1.2</wp:wxr_version>
<wp:author><wp:author_login>sparse</wp:author_login></wp:author>
<wp:author><wp:author_email> e@x.test </wp:author_email></wp:author>
<wp:category><wp:term_id> 7 </wp:term_id></wp:category>
<wp:category><wp:cat_name>Tanpa id</wp:cat_name></wp:category>
<item>
<title>T</title>
<category>Bare</category>
<category domain="post_tag"/>
<wp:postmeta><wp:meta_key>_k</wp:meta_key></wp:postmeta>
<wp:postmeta><wp:meta_value>v</wp:meta_value></wp:postmeta>
</item>
</channel>
</rss>
"""


def test_what_an_export_leaves_out_reads_as_empty() -> None:
    reader, items = read(SPARSE)
    channel = reader.channel
    assert channel.version == "1.2"
    assert channel.authors == {
        "sparse": Author("sparse", "", ""),
        "": Author("", "e@x.test", ""),
    }
    assert channel.categories == {"7": ""}  # a category without an id cannot be found
    assert channel.fields == {"wp:wxr_version": "1.2"}
    [item] = items
    assert item.line == 9
    assert item.fields == {"title": "T"}
    assert item.get("wp:post_id") == ""
    assert item.terms == [("", "", "Bare"), ("post_tag", "", "")]
    assert item.meta == {"_k": ""}  # post meta without a key is dropped


def test_channel_parts_before_the_authors_and_after_the_items_are_read() -> None:
    data = b"""<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel>
<image><url>https://k.test/logo.png</url></image>
<wp:wxr_version>1.2</wp:wxr_version>
<item><title>Satu</title></item>
<wp:category><wp:term_id>3</wp:term_id><wp:cat_name>Hukum</wp:cat_name></wp:category>
<link>https://k.test</link>
</channel></rss>"""
    reader, items = read(data)
    assert [item.get("title") for item in items] == ["Satu"]
    assert reader.channel.categories == {"3": "Hukum"}
    assert reader.channel.site == "https://k.test"


def test_an_export_fed_whole_then_an_empty_chunk_is_not_empty() -> None:
    from tests.unit.test_wxr import SAMPLE

    _, items = read(SAMPLE, chunks=[len(SAMPLE)])  # then the empty rest
    assert len(items) == 2
