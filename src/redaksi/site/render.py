"""Site (pure): pages to bytes. The only module that imports Jinja2.

Templates are the only place HTML lives. They come in as texts (the package's own, with any
the newsroom keeps in ``templates/`` in their place), autoescape every value, and speak through
the catalogue (``t('site.more')``), in the newsroom's language. Feeds in JSON are written with
``json``; everything else is a template.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Mapping, MutableMapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from redaksi.messages import render as message
from redaksi.site import body, dates
from redaksi.site.pages import Page, article_parts
from redaksi.site.stories import Story, moment, slugify

TEMPLATES = (
    "base.html",
    "article.html",
    "listing.html",
    "redirect.html",
    "feed.xml",
    "sitemap.xml",
    "news-sitemap.xml",
    "style.css",
)
"""The templates a site is made of; a newsroom may replace any of them in ``templates/``."""


@dataclass(frozen=True)
class Settings:
    """What every page knows of its site."""

    name: str
    base: str
    """Absolute base of every public link, ending in ``/`` (``site.url``)."""
    description: str
    language: str
    zone: str
    nav: tuple[tuple[str, str], ...] = ()
    """(category, its folder) for each category that has a page."""
    preview: bool = False


Body = Callable[[str], str]
"""The body text of an article version."""
Blob = Callable[[str], bytes]
"""The bytes of a media version."""


def _jsonld(value: Any) -> str:
    """JSON safe inside a ``<script>`` element."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _code_cache(store: MutableMapping[str, bytes]) -> Any:
    """A Jinja2 bytecode cache kept in ``store`` (its caller decides where that lives).

    Compiling the article's templates costs more than rendering the page; a rebuild that
    renders one page reads their code instead. Jinja2 checks each entry against its template's
    source and its own and Python's versions, and compiles again when any differs.
    """
    from jinja2 import BytecodeCache

    class Cache(BytecodeCache):
        def load_bytecode(self, bucket: Any) -> None:
            data = store.get(bucket.key)
            if data is not None:
                bucket.bytecode_from_string(data)

        def dump_bytecode(self, bucket: Any) -> None:
            store[bucket.key] = bucket.bytecode_to_string()

    return Cache()


class Renderer:
    """Renders pages with one set of templates and settings."""

    def __init__(
        self,
        templates: Mapping[str, str],
        settings: Settings,
        code: MutableMapping[str, bytes] | None = None,
    ) -> None:
        """``code``, when given, keeps the templates' compiled code (see :func:`_code_cache`)."""
        from jinja2 import DictLoader, Environment, select_autoescape

        self.settings = settings
        self.templates = dict(templates)
        self._dates: dict[tuple[str, str], str] = {}
        self._isos: dict[str, str] = {}
        self.env = Environment(
            loader=DictLoader(self.templates),
            autoescape=select_autoescape(["html", "xml"], default_for_string=True),
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            bytecode_cache=_code_cache(code) if code is not None else None,
        )
        self.env.globals.update(t=self.t, site=settings)

    def prepare(self) -> None:
        """Compile every template now, into ``code``.

        Worker processes then get the compiled code rather than compiling it each, and later
        builds find all of it remembered. A template that does not compile is left for the page
        that uses it to report.
        """
        from jinja2 import TemplateError

        for name in TEMPLATES:
            if name in self.templates:
                with contextlib.suppress(TemplateError):
                    self.env.get_template(name)

    def t(self, key: str, **params: Any) -> str:
        return message(key, self.settings.language, params)

    def when(self, text: str, pattern: str = dates.SHORT) -> str:
        key = (text, pattern)
        found = self._dates.get(key)
        if found is None:
            found = self._dates[key] = self._when(text, pattern)
        return found

    def _when(self, text: str, pattern: str) -> str:
        found = moment(text)
        return (
            dates.display(found, self.settings.zone, self.settings.language, pattern)
            if found
            else ""
        )

    def _iso(self, text: str) -> str:
        found = self._isos.get(text)
        if found is None:
            when = moment(text)
            found = self._isos[text] = dates.w3c(when, self.settings.zone) if when else ""
        return found

    def render(self, page: Page, read_body: Body, read_blob: Blob) -> bytes:
        """The bytes of ``page``."""
        kind = page.kind
        if kind == "media":
            return read_blob(page.key[1])
        if kind == "style":
            return self.templates["style.css"].encode("utf-8")
        if kind == "jsonfeed":
            return self._json_feed(page, read_body)
        if kind == "redirects":
            rows = [
                {"from": f, "to": self.settings.base + t, "reason": w}
                for f, t, w in page.model["rows"]
            ]
            return (json.dumps({"redirects": rows}, ensure_ascii=False, indent=1) + "\n").encode()
        name, context = self._context(page, read_body)
        try:
            return self.env.get_template(name).render(**context).encode("utf-8")
        except Exception as err:  # a newsroom's own template may fail in any way: say which
            from redaksi.errors import RepositoryError

            problem = f"{type(err).__name__}: {err}"
            raise RepositoryError(
                "build.template_failed",
                template=f"templates/{name}",
                page=page.path,
                problem=problem,
            ) from err

    def _context(self, page: Page, read_body: Body) -> tuple[str, dict[str, Any]]:
        root = "../" * page.path.count("/")
        here = page.path.removesuffix("index.html")
        common = {"root": root, "canonical": self.settings.base + here, "when": self.when}
        model = page.model
        if page.kind == "article":
            return "article.html", {**common, **self._article(page, root, read_body)}
        if page.kind == "listing":
            return "listing.html", {**common, **self._listing(model, root)}
        if page.kind == "redirect":
            return "redirect.html", {
                **common,
                "to": root + model["to"],
                "absolute": self.settings.base + model["to"],
            }
        if page.kind == "rss":
            items = [
                self._item(s, v, read_body)
                for s, v in zip(model["stories"], model["versions"], strict=True)
            ]
            stamps = [m for m in (moment(i["modified"]) for i in items) if m is not None]
            latest = max(stamps, default=None)
            return "feed.xml", {
                **common,
                "items": items,
                "built": dates.rfc822(latest) if latest else "",
            }
        if page.kind == "sitemap":
            urls = [(self.settings.base + u, self._iso(m)) for u, m in model["urls"]]
            return "sitemap.xml", {**common, "urls": urls, "index": False}
        if page.kind == "sitemapindex":
            urls = [(self.settings.base + n, "") for n in model["names"]]
            return "sitemap.xml", {**common, "urls": urls, "index": True}
        if page.kind == "newssitemap":
            rows = [
                (self.settings.base + s.url, s.shown_title, self._iso(s.published_at))
                for s in model["stories"]
            ]
            return "news-sitemap.xml", {**common, "rows": rows}
        raise ValueError(page.kind)

    def _article(self, page: Page, root: str, read_body: Body) -> dict[str, Any]:
        story: Story = page.model
        version, more, shown, is_public = article_parts(page)
        retracted = story.status == "retracted"
        text = "" if retracted else read_body(version)
        photo = None
        if shown is not None:
            src, width, height, _ = shown
            local = not src.startswith("https://")
            photo = {
                "src": root + src if local else src,
                "absolute": self.settings.base + src if local else src,
                "width": width or None,
                "height": height or None,
                "caption": story.photo.caption if story.photo else "",
                "credit": story.photo.credit if story.photo else "",
            }
        corrections = [
            {
                "n": n,
                "type": self.t(f"site.correction.{kind}"),
                "when": self.when(at),
                "note": note,
                "iso": self._iso(at),
            }
            for n, (at, kind, note) in enumerate(story.corrections, 1)
        ]
        retraction = None
        if retracted and story.retraction:
            at, ground, reason, _ = story.retraction
            retraction = {
                "when": self.when(at),
                "ground": self.t(f"site.ground.{ground}"),
                "reason": reason,
                "iso": self._iso(at),
            }
        description = story.retraction[2] if retracted and story.retraction else body.plain(text)
        return {
            "story": story,
            "title": story.shown_title,
            "description": description,
            "published": self.when(story.published_at),
            "published_iso": self._iso(story.published_at),
            "updated": self.when(story.updated_at) if story.updated_at else "",
            "category_href": f"{root}kategori/{_slug(story.category)}/",
            "tags": [(t, f"{root}tag/{_slug(t)}/") for t in story.tags],
            "photo": photo,
            "body_html": None if retracted else body.render(text, story.dateline),
            "corrections": corrections,
            "retraction": retraction,
            "more": [self._line(line, root) for line in more],
            "noindex": retracted or not is_public,
            "banner": "" if is_public else self._state(story),
            "jsonld": _jsonld(self._news_article(story, photo, retracted)),
        }

    def _state(self, story: Story) -> str:
        """The state an unpublished page's banner names (published but not yet: embargoed)."""
        if story.status in ("published", "retracted"):
            return self.t("site.state.embargoed")
        return self.t(f"site.state.{story.status}")

    def _news_article(self, story: Story, photo: Any, retracted: bool) -> dict[str, Any]:
        people = [story.reporter] if story.reporter else []
        data: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": story.shown_title[:110],
            "url": self.settings.base + story.url,
            "mainEntityOfPage": self.settings.base + story.url,
            "datePublished": self._iso(story.published_at),
            "dateModified": self._iso(story.updated_at or story.published_at),
            "author": [{"@type": "Person", "name": n} for n in people],
            "publisher": {
                "@type": "NewsMediaOrganization",
                "name": self.settings.name,
                "url": self.settings.base,
            },
            "articleSection": story.category,
            "inLanguage": self.settings.language,
        }
        if not retracted and photo is not None:
            data["image"] = [photo["absolute"]]
        return data

    def _line(self, line: tuple[Any, ...], root: str) -> dict[str, Any]:
        title, url, published, category, shown = line
        photo = None
        if shown is not None:
            src, width, height, caption = shown
            photo = {
                "src": src if src.startswith("https://") else root + src,
                "width": width or None,
                "height": height or None,
                "caption": caption,
            }
        return {
            "title": title,
            "href": root + url,
            "when": self.when(published),
            "iso": self._iso(published),
            "category": category,
            "category_href": f"{root}kategori/{_slug(category)}/",
            "photo": photo,
        }

    def _listing(self, model: dict[str, Any], root: str) -> dict[str, Any]:
        base = model.get("base", "")
        archives = (
            [(n, f"{root}{base}{n}/") for n in range(1, (model.get("archives") or 0) + 1)]
            if model.get("archives", 0) > 1
            else []
        )
        desk = [
            {"title": t, "href": root + u, "state": self.t(f"site.state.{s}"), "category": c}
            for t, u, s, c in model.get("desk", ())
        ]
        return {
            "title": model["title"],
            "group": model.get("group", ""),
            "archive": model.get("archive"),
            "head_href": root + base if base else "",
            "lines": [self._line(line, root) for line in model["lines"]],
            "archives": archives,
            "desk": desk,
            "noindex": bool(model.get("archive")),
        }

    def _item(self, story: Story, version: str, read_body: Body) -> dict[str, Any]:
        text = read_body(version)
        found = moment(story.published_at)
        return {
            "id": f"urn:uuid:{story.id}" if story.id else self.settings.base + story.url,
            "title": story.shown_title,
            "url": self.settings.base + story.url,
            "html": body.render(text, story.dateline),
            "summary": body.plain(text),
            "published": self._iso(story.published_at),
            "modified": self._iso(story.updated_at or story.published_at),
            "rfc822": dates.rfc822(found) if found else "",
            "author": story.reporter,
            "category": story.category,
            "tags": list(story.tags),
        }

    def _json_feed(self, page: Page, read_body: Body) -> bytes:
        base = self.settings.base
        items = []
        for story, version in zip(page.model["stories"], page.model["versions"], strict=True):
            item = self._item(story, version, read_body)
            entry: dict[str, Any] = {
                "id": item["id"],
                "url": item["url"],
                "title": item["title"],
                "content_html": item["html"],
                "summary": item["summary"],
                "date_published": item["published"],
                "date_modified": item["modified"],
                "tags": [item["category"], *item["tags"]],
                "language": self.settings.language,
            }
            if item["author"]:
                entry["authors"] = [{"name": item["author"]}]
            items.append(entry)
        feed = {
            "version": "https://jsonfeed.org/version/1.1",
            "title": self.settings.name,
            "home_page_url": base,
            "feed_url": base + "feed.json",
            "description": self.settings.description,
            "language": self.settings.language,
            "items": items,
        }
        return (json.dumps(feed, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


_slug = slugify


def now_label(moment_: datetime, settings: Settings) -> str:
    return dates.display(moment_, settings.zone, settings.language)
