"""The site's page models (pure): what changes when one story changes, and the limits."""

from __future__ import annotations

import sys
from datetime import datetime, timedelta

import pytest

from redaksi.site import pages
from redaksi.site.stories import Story, public, story

NOW = datetime.fromisoformat("2025-03-31T12:00:00+07:00")


def _story(n: int, category: str = "Ekonomi", **extra: object) -> tuple[Story, str]:
    at = (NOW - timedelta(hours=n)).isoformat()
    data = {
        "slug": f"berita-{n}",
        "status": "published",
        "title": f"Berita {n}",
        "category": category,
        "published_at": at,
        "created_at": at,
        **extra,
    }
    found = story(f"articles/2025/03/berita-{n}.md", data)
    assert found is not None
    return found, f"v{n}"


def _keys(stories: list[tuple[Story, str]]) -> dict[str, tuple[object, ...]]:
    return {p.path: p.key for p in pages.plan(stories, {}, NOW)}


def test_a_new_story_changes_only_its_page_the_listings_and_the_feeds() -> None:
    old = [_story(n, category=("Ekonomi", "Hukum")[n % 2]) for n in range(1, 400)]
    before = _keys(old)
    after = _keys([_story(0), *old])
    changed = {path for path in after if before.get(path) != after[path]}
    assert changed == {
        "2025/03/berita-0/index.html",
        "index.html",
        "kategori/ekonomi/index.html",
        "kategori/ekonomi/2/index.html",  # the newest archive page (counted from the oldest)
        "feed.xml",
        "feed.json",
        "sitemap.xml",
        "news-sitemap.xml",
    }


def test_a_changed_title_reaches_only_the_few_pages_that_list_it() -> None:
    old = [_story(n) for n in range(1, 300)]
    before = _keys(old)
    renamed = [(s if s.slug != "berita-150" else _story(150, title="Baru")[0], v) for s, v in old]
    renamed = [(s, v if s.slug != "berita-150" else "v150b") for s, v in renamed]
    changed = {p for p, k in _keys(renamed).items() if before[p] != k}
    articles = {p for p in changed if p.startswith("2025/")}
    assert len(articles) == 1 + pages.MORE  # its page, and the stories that list it
    assert all(p.startswith(("2025/", "kategori/", "tag/", "sitemap")) for p in changed)


def test_news_sitemap_holds_two_days_and_at_most_a_thousand(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(pages, "NEWS_MAX", 5)
    stories = [_story(n) for n in range(0, 80, 4)]  # one every 4 hours
    news = next(p for p in pages.plan(stories, {}, NOW) if p.path == "news-sitemap.xml")
    recent = [
        s for s, _ in stories if NOW - datetime.fromisoformat(s.published_at) <= timedelta(days=2)
    ]
    assert (
        len(recent) > 5 and [s.slug for s in news.model["stories"]] == [s.slug for s in recent][:5]
    )


def test_sitemap_becomes_an_index_past_its_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pages, "SITEMAP_MAX", 10)
    found = {p.path: p for p in pages.plan([_story(n) for n in range(25)], {}, NOW)}
    assert found["sitemap.xml"].kind == "sitemapindex"
    assert all(len(found[n].model["urls"]) <= 10 for n in found["sitemap.xml"].model["names"])


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://lama.test/2019/05/judul/", ("2019/05/judul/index.html", "")),
        ("https://lama.test/judul.html", ("judul.html", "")),
        ("https://lama.test/?p=12", (None, "query")),
        ("https://lama.test/index.php?p=12", (None, "query")),
        ("https://lama.test/a/../../x/", (None, "unsafe")),
        ("https://lama.test/%2e%2e/%2e%2e/x", (None, "unsafe")),
        ("https://lama.test/.git/config", (None, "unsafe")),
        ("https://lama.test/", (None, "root")),
    ],
)
def test_old_permalinks_become_safe_paths(url: str, expected: tuple[str | None, str]) -> None:
    assert pages.old_path(url) == expected


def test_embargo_and_future_publication_are_not_public() -> None:
    item, _ = _story(1, embargo_until=(NOW + timedelta(minutes=1)).isoformat())
    assert not public(item, NOW) and public(item, NOW + timedelta(minutes=1))
    later, _ = _story(2, published_at=(NOW + timedelta(hours=1)).isoformat())
    assert not public(later, NOW)
    assert story("articles/2025/03/x.md", {"slug": "../x", "status": "published"}) is None


@pytest.mark.parametrize(
    "file", ["../x.jpg", "/etc/x.jpg", "a/../../x.jpg", "a\\x.jpg", ".hidden/x.jpg", "a//x.jpg"]
)
def test_a_photo_path_cannot_leave_media(file: str) -> None:
    assert pages.media_path(file) is None
    assert pages.media_path("2025/03/x.jpg") == "media/2025/03/x.jpg"


def test_equal_page_keys_have_one_digest_whatever_objects_they_are_made_of() -> None:
    from redaksi.services.site import page_digest

    shared = sys.intern("Banjir di Jember")
    fresh = ("Banjir di", "Banjir di")  # two strings made at run time, neither interned
    made = ("listing", (f"{fresh[0]} Jember", f"{fresh[1]} Jember"), 3)
    remembered = ("listing", (shared, shared), 3)  # one object twice, as a loaded story has
    assert made == remembered
    assert page_digest(b"seed", made) == page_digest(b"seed", remembered)
    assert page_digest(b"seed", made) != page_digest(b"seed", ("listing", (shared,), 3))
