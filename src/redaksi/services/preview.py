"""Services: ``redaksi preview``: the working tree as readers will see it, drafts included.

The same pipeline as ``build`` (stories -> page models -> templates), with the working tree as
its source and memory as its writer: every story gets its page, each unpublished one under a
banner naming its state and ``noindex``. A watcher notices saved files (articles, media,
templates, redaksi.yaml) and renders again only the pages whose key changed; each page asks
the server for the site's version and reloads itself when it moves.
"""

from __future__ import annotations

import mimetypes
import os
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from redaksi.config import CONFIG_FILE, Newsroom, load
from redaksi.infra import clock, store
from redaksi.services import site, siteread
from redaksi.site import images
from redaksi.site.pages import Media, Page, plan
from redaksi.site.render import TEMPLATES, Renderer
from redaksi.site.stories import Story

VERSION_PATH = "/__redaksi__/version"
WATCHED = ("articles", "media", "templates")


@dataclass
class _Known:
    signature: tuple[int, int]
    story: Story | None
    body: str


def _signature(path: Path) -> tuple[int, int] | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size


class Preview:
    """The site of a working tree, kept in memory and kept current."""

    def __init__(self, newsroom: Newsroom, base: str) -> None:
        self.newsroom = newsroom
        self.root = newsroom.root
        self.base = base
        self.version = 0
        self.pages: dict[str, tuple[bytes, bytes]] = {}
        """path -> (key, bytes)."""
        self._known: dict[str, _Known] = {}
        self._seen: Any = None
        self._lock = threading.Lock()

    def _tree(self) -> tuple[Any, ...]:
        """What the watcher compares: every watched file's time and size."""
        found: list[tuple[str, int, int]] = []
        for folder in WATCHED:
            for parent, dirs, files in os.walk(self.root / folder):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    signature = _signature(Path(parent, name))
                    if signature is not None:
                        found.append((os.path.join(parent, name), *signature))
        return (_signature(self.root / CONFIG_FILE), tuple(found))

    def refresh(self, now: datetime | None = None) -> bool:
        """Render again if anything was saved; True when the site changed."""
        seen = self._tree()
        if seen == self._seen:
            return False
        with self._lock:
            self._render(now or clock.now())
            self._seen = seen
        return True

    def _stories(self) -> list[tuple[Story, str]]:
        stories = []
        current = {store.relative(self.root, p): p for p in store.article_files(self.root)}
        for rel, path in current.items():
            signature = _signature(path)
            known = self._known.get(rel)
            if signature is None or path.is_symlink():
                continue
            if known is None or known.signature != signature:
                data = path.read_bytes()
                found, body = siteread.parse_story(rel, data)
                known = _Known(signature, found, body)
                self._known[rel] = known
            if known.story is not None:
                stories.append((known.story, f"{rel}@{known.signature}"))
        self._known = {rel: k for rel, k in self._known.items() if rel in current}
        return stories

    def _media(self, stories: list[tuple[Story, str]]) -> dict[str, Media]:
        found = {}
        for item, _ in stories:
            file = item.photo.file if item.photo else None
            if not file:
                continue
            path = self.root / "media" / file
            if path.is_symlink() or not store.inside(self.root / "media", path):
                continue
            try:
                data = path.read_bytes()
            except OSError:
                continue
            size = images.size(data)
            if size is not None and images.kind(data) == images.kind_of_name(file):
                found[file] = Media(f"{file}@{_signature(path)}", *size)
        return found

    def _templates(self) -> dict[str, str]:
        templates = site.packaged_templates()
        for name in TEMPLATES:
            path = self.root / "templates" / name
            if path.is_file() and not path.is_symlink():
                templates[name] = path.read_text(encoding="utf-8", errors="replace")
        return templates

    def _render(self, now: datetime) -> None:
        newsroom = load(self.root)
        stories = self._stories()
        media = self._media(stories)
        templates = self._templates()
        settings = site.settings_for(newsroom, stories, self.base, preview=True)
        renderer = Renderer(templates, settings)
        bodies = {version: self._known[s.rel].body for s, version in stories}
        pages: list[Page] = plan(stories, media, now, preview=True)
        seed = site.salt(settings, templates)
        fresh: dict[str, tuple[bytes, bytes]] = {}
        for page in pages:
            key = site.page_digest(seed, page.key)
            before = self.pages.get(page.path)
            if before is not None and before[0] == key:
                fresh[page.path] = before
                continue
            data = renderer.render(page, bodies.__getitem__, self._media_bytes)
            fresh[page.path] = (key, data)
        if fresh != self.pages:
            self.pages = fresh
            self.version += 1

    def _media_bytes(self, version: str) -> bytes:
        file = version.rsplit("@", 1)[0]
        return (self.root / "media" / file).read_bytes()

    def answer(self, path: str) -> tuple[int, str, bytes]:
        """The server's answer for a request path."""
        if path == VERSION_PATH:
            return 200, "text/plain; charset=utf-8", str(self.version).encode()
        from urllib.parse import unquote

        wanted = unquote(path).lstrip("/")
        if wanted == "" or wanted.endswith("/"):
            wanted += "index.html"
        with self._lock:
            found = self.pages.get(wanted) or self.pages.get(wanted + "/index.html")
        if found is None:
            return 404, "text/plain; charset=utf-8", b"not found\n"
        kind = mimetypes.guess_type(wanted)[0] or "application/octet-stream"
        if kind.startswith("text/") or kind in ("application/json", "application/xml"):
            kind += "; charset=utf-8"
        return 200, kind, found[1]

    def address(self, rel: str) -> str:
        """The preview address of the article file ``rel``."""
        known = self._known.get(rel)
        if known is None or known.story is None:
            return self.base
        return self.base + known.story.url


def watch(preview: Preview, stop: threading.Event, every: float = 0.4) -> None:
    """Refresh the preview whenever a file is saved, until ``stop`` is set."""
    while not stop.wait(every):
        try:
            preview.refresh()
        except Exception:  # a file caught half-saved, a config mid-edit: the next look will do
            continue
