"""A WordPress item with parts missing: what it falls back on, or why it is skipped."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from redaksi.core.wordpress import posts
from redaksi.core.wordpress.wxr import Author, Channel, Item

ZONE = ZoneInfo("Asia/Jakarta")
NOW = datetime(2025, 3, 10, tzinfo=UTC)
BASE = {"wp:post_id": "5", "title": "T", "wp:status": "publish"}
GMT = {"wp:post_date_gmt": "2025-03-03 09:17:00"}


def convert(fields: dict[str, str], **authors: Author) -> Any:
    channel = Channel(version="1.2")
    channel.authors.update(authors)
    return posts.convert(Item(1, dict(fields)), channel, {}, ZONE, NOW)


def test_a_published_post_without_a_gmt_date_is_read_in_the_newsroom_s_zone() -> None:
    post = convert({**BASE, "wp:post_date": "2025-03-03 16:17:00"})
    assert post.created_at == post.published_at == datetime(2025, 3, 3, 16, 17, tzinfo=ZONE)
    assert post.body == "" and post.url == "" and post.category == "Uncategorized"


def test_a_draft_without_a_gmt_date_takes_its_local_date() -> None:
    draft = {**BASE, "wp:status": "draft", "wp:post_date_gmt": "0000-00-00 00:00:00"}
    post = convert({**draft, "wp:post_date": "2025-03-05 08:00:00"})
    assert post.created_at == datetime(2025, 3, 5, 8, 0, tzinfo=ZONE)
    assert str(post.created_at.utcoffset()) == "7:00:00"


def test_a_draft_with_no_date_at_all_is_skipped_and_listed() -> None:
    assert convert({**BASE, "wp:status": "draft"}) == posts.Skip("5", "no-date", "T", routine=False)


def test_an_item_without_a_title_is_skipped() -> None:
    assert convert({"wp:post_id": "5", "wp:status": "publish", **GMT}) == posts.Skip(
        "5", "no-title", "", routine=False
    )


def test_a_title_that_makes_no_slug_falls_back_on_the_id() -> None:
    assert convert({**BASE, **GMT, "title": "!!!"}).wanted_slug == "post-5"


def test_reporters_the_export_does_not_describe() -> None:
    nobody = convert({**BASE, **GMT})
    assert (nobody.reporter, nobody.invented_email) == (
        {"name": "WordPress", "email": "author@wordpress.invalid"},
        True,
    )
    odd = convert({**BASE, **GMT, "dc:creator": "..Ali Ya'lu.."}).reporter
    assert odd == {"name": "..Ali Ya'lu..", "email": "ali-ya-lu@wordpress.invalid"}
    unnamed = convert({**BASE, **GMT, "dc:creator": "ali"}, ali=Author("ali", "a@k.test", ""))
    assert (unnamed.reporter, unnamed.invented_email) == (
        {"name": "ali", "email": "a@k.test"},
        False,
    )


def test_an_item_without_a_type_is_a_post() -> None:
    assert posts.routine_skip(Item(1, {"wp:status": "publish"})) is None


FEATURED = {"9": posts.Attachment("https://k.test/a.jpg", "Dari pustaka", "Ali")}
PHOTO = {"url": "https://k.test/a.jpg", "caption": "Di pasar", "credit": "Ali"}


@pytest.mark.parametrize(
    "caption",
    [
        '[caption id="attachment_9"]<img src="https://cdn.test/other.jpg"> Di pasar[/caption]',
        '[caption]<img src="https://k.test/a-300x200.jpg"> Di pasar[/caption]',
    ],
)
def test_the_featured_image_s_caption_is_found_by_id_or_by_address(caption: str) -> None:
    item = Item(
        1, {**BASE, **GMT, "content:encoded": caption + "Isi."}, meta={"_thumbnail_id": "9"}
    )
    post = posts.convert(item, Channel(version="1.2"), FEATURED, ZONE, NOW)
    assert (post.photo, post.body, post.photo_dropped) == (PHOTO, "Isi.\n", None)


def test_a_post_without_a_featured_image_has_no_photo_to_drop() -> None:
    content = '[caption]<img src="https://k.test/a-300x200.jpg"> Di pasar[/caption]Isi.'
    item = Item(1, {**BASE, **GMT, "content:encoded": content})
    post = posts.convert(item, Channel(version="1.2"), FEATURED, ZONE, NOW)
    assert (post.photo, post.photo_dropped) == (None, None)
    assert post.body == "![](https://k.test/a-300x200.jpg)\n\n*Di pasar*\n\nIsi.\n"
