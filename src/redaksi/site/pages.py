"""Site (pure): which pages a site has, what each shows, and a key that changes when it must.

Every output file is a :class:`Page`: its path under the output folder, its kind, the model it
renders (stories and plain values, no HTML) and a cheap ``key``: when a page's key is the one
it had at the last build, its bytes are the same and it is neither rendered nor written again.

"More from this category" is local, never quadratic: each story lists the few published just
before it in its category (filled from just after it when it is among the first). A new story
therefore changes its own page, the listings and the feeds, and nothing else: that is what
keeps a rebuild after one change cheap at any size.
"""

from __future__ import annotations

import posixpath
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from operator import attrgetter
from typing import Any
from urllib.parse import unquote, urlsplit

from redaksi.site.stories import Story, public, public_at, slugify

MORE = 6
"""Stories under "Baca Lainnya"."""
LATEST = 30
"""Stories on the front page and at the head of each category and tag page."""
ARCHIVE = 100
"""Stories per archive page of a category or tag (counted from the oldest, so they stay put)."""
FEED = 20
NEWS_DAYS = 2
NEWS_MAX = 1000
SITEMAP_MAX = 50_000


@dataclass(frozen=True, slots=True)
class Page:
    """One output file: where it goes, what renders it, and what it shows.

    An article page's model is its :class:`Story`, and the rest of what it shows is in its key
    (see :func:`article_parts`): at 100,000 articles a dict per page would cost 25 MB.
    """

    path: str
    kind: str
    key: tuple[Any, ...]
    model: Any = field(default_factory=dict, compare=False)


def article_parts(page: Page) -> tuple[str, tuple[Any, ...], tuple[Any, ...] | None, bool]:
    """An article page's body version, "more" lines, photo and whether readers may see it."""
    _, _, version, more, photo, is_public = page.key
    return version, more, photo, is_public


@dataclass(frozen=True, slots=True)
class Media:
    """A photo file in the repository: its blob (or other version key) and pixel size."""

    version: str
    width: int
    height: int


def safe_path(path: str) -> str | None:
    """``path`` normalised under the output folder, or None if it would leave it (or hide)."""
    if not path or "\\" in path or "\0" in path or path.startswith("/"):
        return None
    normal = posixpath.normpath(path)
    if normal in (".", "") or normal.startswith("../") or normal == "..":
        return None
    if any(part.startswith(".") for part in normal.split("/")):
        return None  # the marker file, .git, .well-known: never written from content
    return normal


def media_path(file: str) -> str | None:
    """Where a photo's ``file`` (relative to ``media/``) goes, or None if it is not a safe path."""
    safe = safe_path(file)
    return f"media/{safe}" if safe is not None and safe == file else None


def _seen(stories: list[tuple[Story, str]], now: datetime) -> list[tuple[Story, str]]:
    """The (story, version) pairs a reader may see at ``now``.

    Times are UTC seconds, cheap to compare, parsed when each story was read.
    """
    at = now.timestamp()
    return [pair for pair in stories if public_at(pair[0], at)]


_BY_TIME = attrgetter("sort_ts", "slug")
"""Oldest first: a story a reader may see always has its time (``sort_ts``)."""


Lines = dict[str, tuple[Any, ...]]
"""Each live story's line (by its path), made once however many lists show it."""


def _line(item: Story, media: dict[str, Media]) -> tuple[Any, ...]:
    """What a listing or a "more" list shows of a story (also its part of the page key)."""
    photo = item.photo
    shown = None
    if photo is not None and photo.file and photo.file in media:
        found = media[photo.file]
        shown = (media_path(photo.file), found.width, found.height, photo.caption)
    elif photo is not None and photo.url:
        shown = (photo.url, 0, 0, photo.caption)
    return (item.shown_title, item.url, item.published_at, item.category, shown)


def _more(in_category: list[Story], lines: Lines) -> dict[str, tuple[Any, ...]]:
    """For each story, the few just before it (newest first), filled from just after it."""
    row = [lines[s.rel] for s in in_category]
    found: dict[str, tuple[Any, ...]] = {}
    for index, item in enumerate(in_category):
        before = row[max(0, index - MORE) : index][::-1]
        if len(before) < MORE:
            before += row[index + 1 : index + 1 + MORE - len(before)]
        found[item.rel] = tuple(before)
    return found


def _listing(
    path: str, title: str, items: list[Story], lines: Lines, extra: dict[str, Any]
) -> Page:
    shown = tuple([lines[s.rel] for s in items])
    key = ("listing", title, shown, tuple(sorted(extra.items())))
    return Page(path, "listing", key, {"title": title, "lines": shown, **extra})


def _groups(
    path: str, label: str, groups: dict[str, list[Story]], names: dict[str, str], lines: Lines
) -> list[Page]:
    """Head and archive pages of each category or tag (newest first at the head)."""
    pages = []
    for slug, items in sorted(groups.items()):
        chunks = [items[n : n + ARCHIVE] for n in range(0, len(items), ARCHIVE)]
        head = items[::-1][:LATEST]
        extra = {"group": label, "archives": len(chunks), "base": f"{path}/{slug}/"}
        pages.append(_listing(f"{path}/{slug}/index.html", names[slug], head, lines, extra))
        if len(chunks) > 1:
            for number, chunk in enumerate(chunks, 1):
                extra = {"group": label, "archive": number, "base": f"{path}/{slug}/"}
                pages.append(
                    _listing(f"{path}/{slug}/{number}/index.html", names[slug], chunk, lines, extra)
                )
    return pages


def plan(
    stories: list[tuple[Story, str]],
    media: dict[str, Media],
    now: datetime,
    *,
    preview: bool = False,
) -> list[Page]:
    """Every page of the site at ``now``, from (story, body version) pairs.

    Only stories a reader may see at ``now`` are on the site; with ``preview`` every story gets
    its own page (marked with its state), while listings and feeds stay as readers see them.
    """
    seen_pairs = _seen(stories, now)
    seen = [s for s, _ in seen_pairs]
    versions = {s.rel: v for s, v in seen_pairs}
    live = sorted((s for s in seen if s.status == "published"), key=_BY_TIME)
    by_category, by_tag, names = _grouped(live)
    lines = {s.rel: _line(s, media) for s in live}
    more: dict[str, tuple[Any, ...]] = {}
    for items in by_category.values():
        more.update(_more(items, lines))
    if preview:
        pages = [_article(s, v, more.get(s.rel, ()), media, s.rel in versions) for s, v in stories]
    else:
        pages = [_article(s, v, more.get(s.rel, ()), media, True) for s, v in seen_pairs]
    newest = live[::-1]
    desk = () if not preview else tuple(_desk(s for s, _ in stories if not public(s, now)))
    pages.append(_listing("index.html", "", newest[:LATEST], lines, {"desk": desk}))
    pages += _groups("kategori", "category", by_category, names, lines)
    pages += _groups("tag", "tag", by_tag, names, lines)
    pages += _feeds(newest[:FEED], versions)
    listings = [p.path for p in pages if p.kind == "listing"]
    pages += _sitemaps(live, listings, now, lines)
    for item in live:
        if item.photo and item.photo.file and item.photo.file in media:
            target = media_path(item.photo.file)
            if target is not None:
                pages.append(Page(target, "media", ("media", media[item.photo.file].version)))
    pages.append(Page("style.css", "style", ("style",)))
    pages += redirects(seen, {p.path for p in pages})
    return _unique(pages)


def _grouped(
    live: list[Story],
) -> tuple[dict[str, list[Story]], dict[str, list[Story]], dict[str, str]]:
    """The stories of each category and of each tag (by folder name), and each folder's name.

    A folder's name is the first spelling met of a category or tag that makes that folder.
    """
    by_category: dict[str, list[Story]] = defaultdict(list)
    by_tag: dict[str, list[Story]] = defaultdict(list)
    names: dict[str, str] = {}
    folder: dict[str, str] = {}  # each spelling's folder, worked out once
    for item in live:
        name = item.category
        slug = folder.get(name)
        if slug is None:
            slug = folder[name] = slugify(name)
            names.setdefault(slug, name)
        by_category[slug].append(item)
        done: list[str] = []
        for name in item.tags:
            slug = folder.get(name)
            if slug is None:
                slug = folder[name] = slugify(name)
                names.setdefault(slug, name)
            if slug not in done:
                done.append(slug)
                by_tag[slug].append(item)
    return by_category, by_tag, names


def _desk(items: Iterable[Story]) -> Iterable[tuple[Any, ...]]:
    for item in sorted(items, key=lambda s: (s.status, s.rel)):
        yield (item.shown_title, item.url, item.status, item.category)


def _article(
    item: Story, version: str, more: tuple[Any, ...], media: dict[str, Media], is_public: bool
) -> Page:
    photo = None
    if item.photo is not None and item.status != "retracted":
        if item.photo.file and item.photo.file in media:
            found = media[item.photo.file]
            photo = (media_path(item.photo.file), found.width, found.height, found.version)
        elif item.photo.url:
            photo = (item.photo.url, 0, 0, "")
    key = ("article", item.rel, version, more, photo, is_public)
    return Page(f"{item.url}index.html", "article", key, item)


def _feeds(items: list[Story], versions: dict[str, str]) -> list[Page]:
    key = tuple((s.rel, versions[s.rel]) for s in items)
    model = {"stories": items, "versions": [versions[s.rel] for s in items]}
    return [
        Page("feed.xml", "rss", ("rss", key), model),
        Page("feed.json", "jsonfeed", ("jsonfeed", key), model),
    ]


def _sitemaps(live: list[Story], listings: list[str], now: datetime, lines: Lines) -> list[Page]:
    urls = [(p.removesuffix("index.html"), "") for p in sorted(listings)]
    urls += [(lines[s.rel][1], s.updated_at or s.published_at) for s in live]  # (its url)
    pages = []
    if len(urls) <= SITEMAP_MAX:
        pages.append(Page("sitemap.xml", "sitemap", ("sitemap", tuple(urls)), {"urls": urls}))
    else:
        parts = [urls[n : n + SITEMAP_MAX] for n in range(0, len(urls), SITEMAP_MAX)]
        names = [f"sitemap-{n}.xml" for n in range(1, len(parts) + 1)]
        for name, part in zip(names, parts, strict=True):
            pages.append(Page(name, "sitemap", ("sitemap", tuple(part)), {"urls": part}))
        pages.append(Page("sitemap.xml", "sitemapindex", ("index", tuple(names)), {"names": names}))
    since = (now - timedelta(days=NEWS_DAYS)).timestamp()
    recent = [s for s in live if (s.sort_ts or 0.0) >= since][::-1][:NEWS_MAX]
    key = ("news", tuple((s.shown_title, s.url, s.published_at) for s in recent))
    pages.append(Page("news-sitemap.xml", "newssitemap", key, {"stories": recent}))
    return pages


def old_path(url: str) -> tuple[str | None, str]:
    """Where an old permalink's redirect page goes, or (None, why it cannot be written)."""
    parts = urlsplit(url)
    path = unquote(parts.path)
    if parts.query and path.strip("/") in ("", "index.php"):
        return None, "query"
    if not path.strip("/"):
        return None, "query" if parts.query else "root"
    last = path.rstrip("/").rsplit("/", 1)[-1]
    target = path.lstrip("/")
    if path.endswith("/") or "." not in last:
        target = target.rstrip("/") + "/index.html"
    safe = safe_path(target)
    if safe is None:
        return None, "unsafe"
    return safe, ""


def redirects(stories: Iterable[Story], taken: set[str]) -> list[Page]:
    """Redirect pages from imported stories' old addresses, and ``redirects.json`` for the rest.

    A query-style link (``/?p=123``), a path equal to the new one, or one that collides with
    another page (or another redirect) cannot be a page: it is listed instead (SPEC).
    """
    pages, listed = [], []
    claimed = set(taken)
    for item in sorted((s for s in stories if s.imported_url), key=lambda s: s.rel):
        path, why = old_path(item.imported_url)
        if path is not None and path == f"{item.url}index.html":
            path, why = None, "same"
        elif path is not None and path in claimed:
            path, why = None, "collision"
        if path is None:
            listed.append((item.imported_url, item.url, why))
            continue
        claimed.add(path)
        pages.append(Page(path, "redirect", ("redirect", item.url), {"to": item.url}))
    pages.append(
        Page("redirects.json", "redirects", ("redirects", tuple(listed)), {"rows": listed})
    )
    return pages


def _unique(pages: list[Page]) -> list[Page]:
    """One page per path (the first wins) and none outside the output folder."""
    kept: dict[str, Page] = {}
    for page in pages:
        # an article's path is made of checked parts (digits and a slug): no need to normalise
        safe = page.path if page.kind == "article" else safe_path(page.path)
        if safe is not None and safe not in kept:
            kept[safe] = page
    return list(kept.values())
