"""Site (pure): an article as the site sees it, and whether a reader may see it now.

A :class:`Story` holds only what pages show; it is made from plain front matter (as libyaml or
ruamel read it) and the article's path, and is small enough to remember by blob id. The body is
read separately, only for the pages that must be rendered again.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime
from functools import cache
from sys import intern
from typing import Any, NamedTuple

PUBLIC = ("published", "retracted")
_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_PATH = re.compile(r"^articles/(\d{4})/(\d{2})/([^/]+)\.md$")


class Photo(NamedTuple):
    file: str | None
    url: str | None
    caption: str
    credit: str


class Story(NamedTuple):
    """What the site shows of one article (strings as written; times parsed when needed).

    A named tuple, not a dataclass: a rebuild makes one for every article from the remembered
    tuple, and a tuple is made in a fraction of a frozen dataclass's time.
    """

    rel: str
    year: str
    month: str
    id: str
    title: str
    slug: str
    status: str
    category: str
    tags: tuple[str, ...]
    dateline: str
    reporter: str
    editor: str
    publisher: str
    created_at: str
    published_at: str
    updated_at: str
    embargo_until: str
    photo: Photo | None
    corrections: tuple[tuple[str, str, str], ...]
    retraction: tuple[str, str, str, str] | None
    """(at, ground, reason, public title or '')."""
    imported_url: str
    sort_ts: float | None = None
    """``sort_time`` as UTC seconds (None when it is not a time), parsed once, when read."""
    embargo_ts: float | None = None
    """``embargo_until`` as UTC seconds, or None."""

    @property
    def url(self) -> str:
        """The story's address relative to the site's base: ``YYYY/MM/slug/``."""
        return f"{self.year}/{self.month}/{self.slug}/"

    @property
    def shown_title(self) -> str:
        """The title readers see: a retraction's public title where one replaces it."""
        if self.retraction and self.retraction[3]:
            return self.retraction[3]
        return self.title

    @property
    def sort_time(self) -> str:
        return self.published_at or self.created_at

    def flat(self) -> tuple[Any, ...]:
        """A plain tuple (for the cache); :func:`from_flat` gives the story back."""
        photo = self.photo
        return (*self[:17], tuple(photo) if photo else None, *self[18:])


def from_flat(values: tuple[Any, ...] | list[Any]) -> Story:
    """The story of :meth:`Story.flat` (its shared strings were interned when it was read)."""
    photo = values[17]
    if photo:
        return Story._make((*values[:17], Photo(*photo), *values[18:]))
    return Story._make(values)


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _name(value: Any) -> str:
    return _text(value.get("name")) if isinstance(value, dict) else ""


def story(rel: str, data: dict[str, Any]) -> Story | None:
    """The story at ``rel`` from its front matter, or None where it cannot be placed on a site.

    The address comes from the file's folders (SPEC: the same year and month as its file) and
    the slug, which must be a slug: nothing read here can make a path leave its folder.
    """
    match = _PATH.match(rel)
    slug = _text(data.get("slug"))
    if match is None or not _SLUG.match(slug) or not isinstance(data.get("status"), str):
        return None
    photo_data = data.get("photo")
    photo = None
    if isinstance(photo_data, dict) and (photo_data.get("file") or photo_data.get("url")):
        photo = Photo(
            _text(photo_data.get("file")) or None,
            _text(photo_data.get("url")) or None,
            _text(photo_data.get("caption")),
            _text(photo_data.get("credit")),
        )
    listed = data.get("corrections")
    corrections = tuple(
        (_text(c.get("at")), _text(c.get("type")), _text(c.get("note")))
        for c in (listed if isinstance(listed, list) else [])
        if isinstance(c, dict)
    )
    retraction_data = data.get("retraction")
    retraction = None
    if isinstance(retraction_data, dict):
        retraction = tuple(
            _text(retraction_data.get(k)) for k in ("at", "ground", "reason", "public_title")
        )
    imported = data.get("imported")
    found_tags = data.get("tags")
    tags: list[Any] = found_tags if isinstance(found_tags, list) else []
    return Story(
        rel=rel,
        # the same few names, states and months in every story: one copy of each, which the
        # remembered tuples (marshal keeps interned strings interned) share as well
        year=intern(match.group(1)),
        month=intern(match.group(2)),
        id=_text(data.get("id")),
        title=_text(data.get("title")),
        slug=slug,
        status=intern(str(data["status"])),
        category=intern(_text(data.get("category"))),
        tags=tuple(intern(t) for t in tags if isinstance(t, str) and t.strip()),
        dateline=intern(_text(data.get("dateline"))),
        reporter=intern(_name(data.get("reporter"))),
        editor=intern(_name(data.get("editor"))),
        publisher=intern(_name(data.get("publisher"))),
        created_at=_text(data.get("created_at")),
        published_at=_text(data.get("published_at")),
        updated_at=_text(data.get("updated_at")),
        embargo_until=_text(data.get("embargo_until")),
        photo=photo,
        corrections=corrections,
        retraction=retraction,  # type: ignore[arg-type]  # four strings, built just above
        imported_url=_text(imported.get("url")) if isinstance(imported, dict) else "",
        sort_ts=_seconds(_text(data.get("published_at")) or _text(data.get("created_at"))),
        embargo_ts=_seconds(embargo) if (embargo := _text(data.get("embargo_until"))) else None,
    )


def moment(text: str) -> datetime | None:
    """An RFC 3339 time with its offset, or None."""
    try:
        found = datetime.fromisoformat(text.strip().replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        return None
    return found if found.tzinfo is not None else None


def public(item: Story, now: datetime) -> bool:
    """Whether readers may see the story at ``now``.

    Published (or retracted), its time come, and no embargo still running (SPEC: nothing in
    draft, review, edit or scheduled, nothing under embargo).
    """
    return public_at(item, now.timestamp())


def public_at(item: Story, now: float) -> bool:
    """:func:`public`, with ``now`` in UTC seconds (a planner asks this of every story)."""
    if item.status not in PUBLIC or not item.published_at:
        return False
    published = item.sort_ts  # (the published time, since there is one)
    if published is None or published > now:
        return False
    return item.embargo_ts is None or item.embargo_ts <= now


def _seconds(text: str) -> float | None:
    found = moment(text)
    return found.timestamp() if found is not None else None


@cache
def slugify(name: str) -> str:
    """A folder name for a category or tag: ASCII letters and digits joined by hyphens."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    if slug:
        return slug
    import hashlib

    return "t-" + hashlib.sha1(name.encode("utf-8"), usedforsecurity=False).hexdigest()[:8]
