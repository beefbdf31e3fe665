"""Core: one import as a whole: unique slugs, the newsroom's categories, and the tally.

A :class:`Batch` takes the posts one by one, in export order, and turns each into the file it
becomes (its path, front matter and body), keeping what the report needs: counts by state
and by reason skipped, the categories to add to ``redaksi.yaml``, the slugs that had to
change. Nothing here touches the disk; the service writes what the batch planned.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from typing import Any
from urllib.parse import urlsplit

from redaksi.core import fastwrite
from redaksi.core.wordpress.posts import SLUG_LIMIT, Post, Skip

ARTICLES = "articles"


def site_key(site: str) -> str:
    """The site's address as re-imports compare it: no scheme, host lowercased, no end slash."""
    parts = urlsplit(site.strip())
    host = (parts.hostname or "") + (f":{parts.port}" if parts.port else "")
    return (host + parts.path).rstrip("/") if host else site.strip().rstrip("/").casefold()


def article_id(site: str, post_id: str) -> str:
    """The article's id: the same post of the same site always gets the same uuid."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"wordpress:{site_key(site)}#{post_id}"))


@dataclass(frozen=True)
class Planned:
    """One article to write: where, and its whole text."""

    rel: str
    text: str
    post: Post
    slug: str
    front: dict[str, Any]


@dataclass
class Tally:
    """What an import did or would do, for the person and for scripts."""

    imported: Counter[str] = field(default_factory=Counter)
    skipped: Counter[str] = field(default_factory=Counter)
    listed: list[Skip] = field(default_factory=list)
    already: int = 0
    categories_added: list[str] = field(default_factory=list)
    slug_changes: list[tuple[str, str, str]] = field(default_factory=list)
    """(post id, WordPress post_name, slug given)."""
    shortcodes: Counter[str] = field(default_factory=Counter)
    embeds: int = 0
    controls_removed: int = 0
    invented_emails: int = 0
    photos: int = 0
    photos_dropped: Counter[str] = field(default_factory=Counter)

    def skip(self, skip: Skip) -> None:
        self.skipped[skip.reason] += 1
        if not skip.routine:
            self.listed.append(skip)


class Batch:
    """The posts of one export, made into articles that fit this newsroom."""

    def __init__(
        self,
        site: str,
        imported_keys: Iterable[tuple[str, str]],
        taken_slugs: Iterable[str],
        categories: Iterable[str],
        importer: dict[str, str],
        now: datetime,
        zone: tzinfo,
    ) -> None:
        self.site = site
        self._key = site_key(site)
        self._imported = {(site_key(s), i) for s, i in imported_keys}
        self._taken = set(taken_slugs)
        self._categories = {c.casefold(): c for c in categories}
        self._importer = importer
        self._now = now
        self._zone = zone
        self.tally = Tally()

    def known(self, post_id: str) -> bool:
        """Whether this post is already in the newsroom (or earlier in this export)."""
        return (self._key, post_id) in self._imported

    def plan(self, post: Post) -> Planned:
        """The article ``post`` becomes: a unique slug, the newsroom's spelling of its category.

        Nothing is reserved until :meth:`accept`: a planned article that turns out unusable
        (it would not validate) leaves no slug or category behind.
        """
        slug, number = post.wanted_slug, 1
        while slug in self._taken:
            number += 1
            suffix = f"-{number}"
            slug = post.wanted_slug[: SLUG_LIMIT - len(suffix)].rstrip("-") + suffix
        category = self._categories.get(post.category.casefold(), post.category)
        tags = [t for t in post.tags if t.casefold() != category.casefold()]
        front = self._front(post, slug, category, tags)
        when = post.published_at or post.created_at
        rel = f"{ARTICLES}/{when:%Y}/{when:%m}/{slug}.md"
        text = "---\n" + fastwrite.front_matter(list(front.items())) + "---\n" + post.body
        return Planned(rel, text, post, slug, _plain(front))

    def accept(self, planned: Planned) -> None:
        """Take ``planned`` into the import: its slug, its category, its counts."""
        post, tally = planned.post, self.tally
        self._imported.add((self._key, post.post_id))
        self._taken.add(planned.slug)
        if planned.slug != post.post_name:
            tally.slug_changes.append((post.post_id, post.post_name, planned.slug))
        category = str(planned.front["category"])
        if category.casefold() not in self._categories:
            self._categories[category.casefold()] = category
            tally.categories_added.append(category)
        tally.imported[post.status] += 1
        tally.shortcodes.update(post.shortcodes)
        tally.embeds += post.embeds
        tally.controls_removed += post.controls_removed
        tally.invented_emails += post.invented_email
        tally.photos += post.photo is not None
        if post.photo_dropped:
            tally.photos_dropped[post.photo_dropped] += 1

    def _front(self, post: Post, slug: str, category: str, tags: list[str]) -> dict[str, Any]:
        stamp = fastwrite.Stamp
        now = stamp(self._now.astimezone(self._zone).isoformat(timespec="seconds"))
        front: dict[str, Any] = {
            "id": article_id(self.site, post.post_id),
            "title": post.title,
            "slug": slug,
            "status": post.status,
            "category": category,
        }
        if tags:
            front["tags"] = tags
        front["reporter"] = post.reporter
        if post.status == "scheduled":  # release is made in the name of who let it stand
            front["publisher"] = dict(self._importer)
        front["created_at"] = stamp(post.created_at.isoformat(timespec="seconds"))
        if post.published_at is not None:
            front["published_at"] = stamp(post.published_at.isoformat(timespec="seconds"))
        if post.publish_at is not None:
            front["publish_at"] = stamp(post.publish_at.isoformat(timespec="seconds"))
        if post.photo:
            front["photo"] = post.photo
        imported = {"from": "wordpress", "site": self.site, "id": post.post_id}
        if post.url:
            imported["url"] = post.url
        front["imported"] = {**imported, "at": now}
        entry = {"action": "import", "to": post.status, "by": self._importer["email"], "at": now}
        front["history"] = [entry]
        return front


def _plain(value: Any) -> Any:
    """Plain ``str`` where the writer had marked timestamps (validators want exact types)."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return str(value) if isinstance(value, str) else value
