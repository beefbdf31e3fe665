"""Core: what one WordPress item becomes: an article, or a reason it is left behind.

The rules (SPEC "Moving in: WordPress" and "Import."): only posts are articles; publish,
future, draft and pending become published, scheduled, draft and review; private,
password-protected and trashed posts, pages, attachments, menu items and revisions are
skipped and counted. ``post_date_gmt`` is the truth about time; a draft's
``0000-00-00 00:00:00`` is no date at all. The WordPress author is the reporter.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo
from typing import Any
from urllib.parse import quote, unquote, urlsplit

from redaksi.core.slugs import slugify
from redaksi.core.wordpress import body as bodies
from redaksi.core.wordpress.wxr import Channel, Item

STATES = {"publish": "published", "future": "scheduled", "draft": "draft", "pending": "review"}
SKIPPED_STATES = {
    "private": "private",
    "trash": "trash",
    "auto-draft": "auto-draft",
    "inherit": "revision",
}
SKIPPED_TYPES = {
    "page": "page",
    "attachment": "attachment",
    "nav_menu_item": "menu-item",
    "revision": "revision",
}
SLUG_LIMIT = 120
"""The schema's own limit: a WordPress address is kept whole where it can be."""
TITLE_SLUG_LIMIT = 80
"""A slug made from a title is as long as ``redaksi draft`` would make it."""
PRIMARY_META = ("_yoast_wpseo_primary_category", "rank_math_primary_category")
_ZERO = "0000-00-00 00:00:00"
_STAMP = re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$")
_EMAIL = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")
_CONTROL_SPACE = "\t\n\r"


@dataclass(frozen=True)
class Attachment:
    """What a featured image needs of its attachment item."""

    url: str
    caption: str
    credit: str


@dataclass(frozen=True)
class Skip:
    """A post left behind: its WordPress id, the reason (a catalogue key suffix), its title."""

    post_id: str
    reason: str
    title: str = ""
    routine: bool = True
    """Routine skips (pages, attachments...) are only counted; the others are also listed."""
    detail: tuple[str, dict[str, Any]] | None = None
    """For a post that would not validate: the catalogue key and parameters saying why."""


@dataclass
class Post:
    """A post worked out as an article, before its slug is made unique in the newsroom."""

    post_id: str
    title: str
    wanted_slug: str
    post_name: str
    status: str
    category: str
    tags: list[str]
    reporter: dict[str, str]
    created_at: datetime
    published_at: datetime | None
    publish_at: datetime | None
    url: str
    photo: dict[str, str] | None
    body: str
    shortcodes: Counter[str] = field(default_factory=Counter)
    embeds: int = 0
    controls_removed: int = 0
    invented_email: bool = False
    photo_dropped: str | None = None
    """Why a featured image could not become ``photo`` (not-https, missing), if it could not."""


def routine_skip(item: Item) -> str | None:
    """Why this item is not a post to import (a page, a private post...), or None."""
    kind = item.get("wp:post_type") or "post"
    if kind != "post":
        return SKIPPED_TYPES.get(kind, "other-type")
    status = item.get("wp:status")
    if status in SKIPPED_STATES:
        return SKIPPED_STATES[status]
    if item.get("wp:post_password"):
        return "password"
    if status not in STATES:
        return "other-status"
    return None


def attachment_of(item: Item) -> tuple[str, Attachment] | None:
    """An attachment item's id and what a featured image takes from it."""
    post_id = item.get("wp:post_id")
    url = item.get("wp:attachment_url") or item.get("guid")
    if item.get("wp:post_type") != "attachment" or not post_id or not url:
        return None
    caption = bodies.text_of(item.fields.get("excerpt:encoded", ""))
    credit = bodies.text_of(item.meta.get("_media_credit", ""))
    return post_id, Attachment(url, caption, credit)


def clean_title(raw: str) -> tuple[str, int]:
    """A title as readers saw it (entities decoded, HTML dropped) and how many controls went."""
    text = bodies.text_of(raw, collapse=False)
    removed = sum(1 for c in text if unicodedata.category(c) == "Cc" and c not in _CONTROL_SPACE)
    kept = "".join(c for c in text if unicodedata.category(c) != "Cc" or c in _CONTROL_SPACE)
    return " ".join(kept.split()), removed


def wanted_slug(post_name: str, title: str, post_id: str) -> str:
    """The slug a post asks for: its ``post_name`` percent-decoded, else its title, else its id."""
    return (
        slugify(unquote(post_name), SLUG_LIMIT)
        or slugify(title, TITLE_SLUG_LIMIT)
        or f"post-{post_id}"
    )


def moment(value: str, zone: tzinfo, *, utc: bool) -> datetime | None:
    """A WXR date (``2025-03-04 09:17:00``), in UTC or the site's zone; None when it is none."""
    value = value.strip()
    if not value or value == _ZERO or not _STAMP.match(value):
        return None
    try:
        naive = datetime.fromisoformat(value)
    except ValueError:
        return None
    return naive.replace(tzinfo=UTC if utc else zone)


def _dates(item: Item, zone: tzinfo) -> tuple[datetime | None, datetime | None]:
    """(post date, modified date), in UTC or the newsroom's zone.

    GMT is the truth; the local fields, read in the newsroom's zone, stand in only where
    WordPress wrote zeros (a draft has no GMT post date).
    """
    posted = moment(item.get("wp:post_date_gmt"), zone, utc=True)
    modified = moment(item.get("wp:post_modified_gmt"), zone, utc=True) or moment(
        item.get("wp:post_modified"), zone, utc=False
    )
    if posted is None and item.get("wp:status") in ("publish", "future"):
        posted = moment(item.get("wp:post_date"), zone, utc=False)
    return posted, modified


def _reporter(item: Item, channel: Channel) -> tuple[dict[str, str], bool]:
    login = item.get("dc:creator")
    author = channel.authors.get(login)
    name = (author.display_name if author else "") or login or "WordPress"
    email = author.email if author else ""
    if _EMAIL.match(email):
        return {"name": bodies.text_of(name) or login, "email": email}, False
    local = re.sub(r"[^a-z0-9._-]+", "-", login.lower()).strip(".-") or "author"
    return {"name": bodies.text_of(name) or local, "email": f"{local}@wordpress.invalid"}, True


def _terms(item: Item, channel: Channel) -> tuple[str, list[str]]:
    """(primary category, tags): the SEO plugin's primary category, else the first one."""
    categories = [bodies.text_of(n) for d, _, n in item.terms if d == "category"]
    categories = [c for c in dict.fromkeys(categories) if c]
    chosen = (channel.categories.get(item.meta.get(key, "").strip()) for key in PRIMARY_META)
    primary = next((name for name in chosen if name), "")
    primary = bodies.text_of(primary)
    category = primary if primary in categories else (categories[0] if categories else "")
    tags = [c for c in categories if c != category]
    tags += [bodies.text_of(n) for d, _, n in item.terms if d == "post_tag"]
    return category or "Uncategorized", [t for t in dict.fromkeys(tags) if t and t != category]


def https_url(url: str, site: str) -> str | None:
    """``url`` as an https address a page can show, or None (http elsewhere than the site)."""
    url = url.strip()
    parts = urlsplit(url)
    same_host = bool(parts.hostname) and parts.hostname == urlsplit(site).hostname
    if parts.scheme == "http" and urlsplit(site).scheme == "https" and same_host:
        url = "https" + url[4:]
    if not url.startswith("https://") or not urlsplit(url).hostname:
        return None
    return quote(url, safe=":/?#[]@!$&'()*+,;=%~")


def convert(
    item: Item,
    channel: Channel,
    attachments: Mapping[str, Attachment],
    zone: tzinfo,
    now: datetime,
) -> Post | Skip:
    """Item -> Post, or the reason it cannot be imported (listed with its id)."""
    post_id = item.get("wp:post_id")
    title, controls = clean_title(item.fields.get("title", ""))
    if not post_id.isdigit():
        return Skip(post_id or "?", "no-id", title, routine=False)
    if not title:
        return Skip(post_id, "no-title", routine=False)
    status = STATES[item.get("wp:status")]
    posted, modified = _dates(item, zone)
    created = posted if posted is not None and posted <= now else (modified or posted)
    if created is None:  # a draft that never had a date: the last thing WordPress knew
        created = moment(item.get("wp:post_date"), zone, utc=False)
    if created is None:
        return Skip(post_id, "no-date", title, routine=False)
    published = posted if status == "published" else None
    scheduled = posted if status == "scheduled" else None
    if status in ("published", "scheduled") and posted is None:
        return Skip(post_id, "no-date", title, routine=False)
    if published is not None and published >= now:
        return Skip(post_id, "published-in-future", title, routine=False)
    featured_id = item.meta.get("_thumbnail_id", "").strip() or None
    attachment = attachments.get(featured_id) if featured_id else None
    body = bodies.convert(
        item.fields.get("content:encoded", ""), featured_id, attachment.url if attachment else None
    )
    photo, dropped = _photo(featured_id, attachment, body.featured_caption, channel.site)
    category, tags = _terms(item, channel)
    reporter, invented = _reporter(item, channel)
    post_name = item.get("wp:post_name")
    return Post(
        post_id=post_id,
        title=title,
        wanted_slug=wanted_slug(post_name, title, post_id),
        post_name=post_name,
        status=status,
        category=category,
        tags=tags,
        reporter=reporter,
        created_at=created.astimezone(zone),
        published_at=published.astimezone(zone) if published else None,
        publish_at=scheduled.astimezone(zone) if scheduled else None,
        url=item.get("link"),
        photo=photo,
        body=body.markdown,
        shortcodes=body.shortcodes,
        embeds=body.embeds,
        controls_removed=controls,
        invented_email=invented,
        photo_dropped=dropped,
    )


def _photo(
    featured_id: str | None, attachment: Attachment | None, caption: str | None, site: str
) -> tuple[dict[str, str] | None, str | None]:
    if featured_id is None:
        return None, None
    if attachment is None:
        return None, "photo-missing"
    url = https_url(attachment.url, site)
    if url is None:
        return None, "photo-not-https"
    photo = {"url": url}
    if caption or attachment.caption:
        photo["caption"] = caption or attachment.caption
    if attachment.credit:
        photo["credit"] = attachment.credit
    return photo, None
