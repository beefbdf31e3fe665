"""Services: ``redaksi build``: the public site from what HEAD holds, writing only what changed.

read (HEAD's tree: articles, media, templates) -> stories (remembered by blob id) -> page
models (``site.pages``) -> keys -> render what changed (``site.render``) -> one writer
(``infra.sitewrite``). The same commit and ``--now`` give the same bytes.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import marshal
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from importlib import resources
from itertools import islice
from pathlib import Path
from typing import Any

from redaksi import __version__
from redaksi.config import Newsroom
from redaksi.errors import RepositoryError, UsageError
from redaksi.infra import sitewrite, tree
from redaksi.services.siteread import Memory, body_of, named, parse_story, read_stories
from redaksi.site import images
from redaksi.site.pages import Media, Page, article_parts, plan
from redaksi.site.render import TEMPLATES, Renderer, Settings
from redaksi.site.stories import Story, from_flat, slugify

FOLDERS = ("articles", "media", "templates")
PLACEHOLDER = "http://localhost/"
"""The base used for absolute links while ``site.url`` is not set."""
PARALLEL_FROM = 2000
"""Render in worker processes when at least this many pages must be rendered."""
BATCH = 96
"""Pages rendered per batch: their bodies are read from git in one stream (96 requests fit
in a pipe at once, so no thread is started to write them)."""
PRELOAD = [__name__, "redaksi.core.fastread", "yaml", "jinja2", "babel.dates"]
"""Imported once by the fork server, before it forks the workers that parse and render."""
PARSE_BATCH = 250
"""Stories read and parsed per batch by a worker (about a megabyte of articles)."""
WHOLE_SITE = frozenset({"sitemap", "sitemapindex", "newssitemap", "rss", "jsonfeed", "redirects"})
"""Pages made from every story (or many): rendered in the building process, never sent."""
ORDER = {"media": 0, "article": 1, "redirect": 2} | {kind: 4 for kind in WHOLE_SITE}
"""Writing order: what is linked to is written before what links to it (listings are 3)."""


@dataclass
class Report:
    """What a build did, and what it left out (each a catalogue key and its parameters)."""

    out: Path
    pages: int = 0
    written: int = 0
    removed: int = 0
    warnings: list[tuple[str, dict[str, Any]]] = field(default_factory=list)


def packaged_templates() -> dict[str, str]:
    """The templates redaksi ships."""
    folder = resources.files("redaksi") / "templates"
    return {name: (folder / name).read_text(encoding="utf-8") for name in TEMPLATES}


def media_sizes(
    wanted: Mapping[str, str],
    memory: Memory,
    load: Callable[[list[str]], Iterable[tuple[str, bytes]]],
) -> dict[str, Media]:
    """Pixel sizes of the photos (``file`` -> version) that are real JPEG, PNG or WebP."""
    new = sorted({v for v in wanted.values() if v not in memory.media})
    for version, data in load(new):
        found = images.kind(data)
        measured = images.size(data) if found else None
        memory.media[version] = (found, *measured) if found and measured else None
        memory.changed["site-media"] = True
    result = {}
    for file, version in wanted.items():
        known = memory.media.get(version)
        if known is not None and known[0] == images.kind_of_name(file):
            result[file] = Media(version, known[1], known[2])
    return result


def settings_for(
    newsroom: Newsroom, stories: list[tuple[Story, str]], base: str, preview: bool
) -> Settings:
    present = {slugify(s.category) for s, _ in stories if s.status == "published"}
    nav = tuple((c, slugify(c)) for c in newsroom.categories if slugify(c) in present)
    return Settings(
        name=newsroom.name,
        base=base,
        description=newsroom.site_description or "",
        language=newsroom.language,
        zone=newsroom.timezone,
        nav=nav,
        preview=preview,
    )


def salt(settings: Settings, templates: Mapping[str, str]) -> bytes:
    """What every page depends on besides its own model: redaksi, settings, templates."""
    digest = hashlib.sha1(__version__.encode(), usedforsecurity=False)
    digest.update(repr(settings).encode())
    for name in sorted(templates):
        digest.update(name.encode() + b"\0" + templates[name].encode() + b"\0")
    return digest.digest()


def page_digest(seed: bytes, key: tuple[Any, ...]) -> bytes:
    """A page key's digest: the same for equal keys, whichever objects they are made of.

    marshal's version 0 writes values only; later versions also write whether a string is
    interned and which objects are shared (by reference count), so equal keys made in two
    builds could differ and pages be rendered again for nothing.
    """
    return hashlib.sha1(seed + marshal.dumps(key, 0), usedforsecurity=False).digest()


def keyed(pages: list[Page], seed: bytes) -> list[tuple[Page, bytes]]:
    ordered = sorted(pages, key=lambda p: ORDER.get(p.kind, 3))
    return [(page, page_digest(seed, page.key)) for page in ordered]


_WORKER: dict[str, Any] = {}
"""A worker process's own blob reader and renderer (a worker serves one build)."""


def _start_worker(root: str) -> None:
    _WORKER["blobs"] = tree.Blobs(Path(root))


def _parse_batch(items: list[tuple[str, str]]) -> bytes:
    """Read and parse stories ((path, version) pairs): (version, flat story or None), marshalled.

    marshal keeps interned what ``story`` interned (names, months, categories): the builder's
    stories share those strings as if it had read them itself (copies would cost megabytes at
    100,000 stories).
    """
    paths = dict((version, rel) for rel, version in items)
    found = []
    for version, data in _WORKER["blobs"].read_many([version for _, version in items]):
        story = parse_story(paths[version], data)[0]
        found.append((version, story.flat() if story is not None else None))
    return marshal.dumps(found)


def _render_batch(config: tuple[Any, ...], chunk: list[Page]) -> list[tuple[str, bytes]]:
    """Render pages, reading the bodies and photo bytes they need here.

    ``config`` (templates, settings, compiled code) comes with every batch: the workers are
    started before it is known (to parse), and each makes its renderer from the first one.
    """
    renderer = _WORKER.get("renderer")
    if renderer is None:
        renderer = _WORKER["renderer"] = Renderer(*config)
    found = _needed(chunk, _WORKER["blobs"].read_many)
    return [(p.path, renderer.render(p, found.__getitem__, found.__getitem__)) for p in chunk]


class Workers:
    """Worker processes for a big build, started when first needed.

    They parse the stories read for the first time and render pages, each reading from git
    what it needs (the bytes are not read here and copied over). They come from a fork server
    (a fresh interpreter), not from this process: forked from here, each would start holding
    every story and page planned (286 MB each at 100,000 articles). A few batches are in
    flight at a time, so memory stays bounded at any size.
    """

    def __init__(self, root: Path) -> None:
        self.root = root
        self.count = min(os.cpu_count() or 1, 4)
        self._pool: Any = None

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def map(self, work: Callable[..., Any], jobs: Iterable[tuple[Any, ...]]) -> Iterator[Any]:
        """``work(*job)`` for each job, in worker processes; the results in order."""
        from collections import deque

        pool = self._start()
        flying: deque[Any] = deque()
        for job in jobs:
            flying.append(pool.submit(work, *job))
            if len(flying) > self.count:  # each worker busy, one batch waiting
                yield flying.popleft().result()
        while flying:
            yield flying.popleft().result()

    def _start(self) -> Any:
        if self._pool is None:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(PRELOAD)
            self._pool = ProcessPoolExecutor(
                self.count,
                mp_context=context,
                initializer=_start_worker,
                initargs=(str(self.root),),
            )
        return self._pool

    def close(self) -> None:
        """Stop the workers and the fork server (on failure too: no idle interpreter lingers)."""
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None
            _stop_fork_server()


def _stop_fork_server() -> None:
    """Stop the fork server and wait for it, as for any child.

    Its workers' time and memory are then counted as this command's (``time redaksi build``
    tells the truth), and no idle interpreter outlives the build. ``_stop`` is private to
    multiprocessing (its own tests use it): called where present.
    """
    from multiprocessing import forkserver

    stop = getattr(forkserver._forkserver, "_stop", None)
    if stop is not None:
        stop()


def _needed(
    chunk: list[Page], load: Callable[[list[str]], Iterable[tuple[str, bytes]]]
) -> dict[str, Any]:
    """The bodies (by version) and photo bytes (by blob) rendering ``chunk`` reads."""
    wanted = sorted({v for page in chunk for v in bodies_needed(page)})
    found: dict[str, Any] = {v: body_of(d) for v, d in load(wanted)}
    blobs = sorted({p.key[1] for p in chunk if p.kind == "media"})
    found.update(load(blobs))
    return found


def bodies_needed(page: Page) -> list[str]:
    """The article versions whose bodies rendering ``page`` reads."""
    if page.kind == "article" and page.model.status != "retracted":
        return [article_parts(page)[0]]
    if page.kind in ("rss", "jsonfeed"):
        return list(page.model["versions"])
    return []


def _out_allowed(root: Path, out: Path) -> None:
    resolved = out.resolve()
    for folder in (".git", "articles", "media", "templates", "schemas"):
        guarded = (root / folder).resolve()
        if resolved == guarded or guarded in resolved.parents:
            raise UsageError("build.out_inside", out=str(out))
    if resolved == root.resolve() or resolved in root.resolve().parents:
        raise UsageError("build.out_inside", out=str(out))


def build(newsroom: Newsroom, out: Path, now: datetime | None = None) -> Report:
    """Write the public site of HEAD into ``out`` (SPEC: The reader's side)."""
    root = newsroom.root
    _out_allowed(root, out)
    report = Report(out)
    sitewrite.token_of(out)  # a foreign folder is refused before anything is read
    base = newsroom.site_url or PLACEHOLDER
    if not base.endswith("/"):
        base += "/"
    if newsroom.site_url is None:
        report.warnings.append(("build.no_site_url", {"base": base}))
    memory = Memory(root)
    try:
        with tree.Snapshot(root, "HEAD", FOLDERS) as snap, Workers(root) as workers:
            moment = now or snap.committed_at
            stories, files, media, templates = _inputs(snap, memory, report, workers)
            settings = settings_for(newsroom, stories, base, preview=False)
            with _planning():  # (not while reading: parsing leaves cycles to collect)
                pages = plan(stories, media, moment)
                _photo_warnings(stories, media, moment, report)
                listing = [(p.path, k) for p, k in keyed(pages, salt(settings, templates))]
            compiled = dict(memory.code)
            produce = _producer(snap, pages, templates, settings, memory.code, workers)
            try:
                written = sitewrite.publish(root, out, listing, produce)
            except RepositoryError as err:  # (a body or photo git lacks: named by its file)
                names = {v: s.rel for s, v in stories}
                names.update((blob, f"media/{f}") for f, blob in files.items())
                raise named(err, names) from None
            memory.changed["site-code"] = memory.code != compiled
    finally:
        gc.unfreeze()  # (frozen by _planning)
    memory.save("site-media", set(files.values()))
    memory.save("site-code", set(memory.code))
    report.pages, report.written, report.removed = written.total, written.written, written.removed
    return report


def _producer(
    snap: tree.Snapshot,
    pages: list[Page],
    templates: dict[str, str],
    settings: Settings,
    code: dict[str, bytes],
    workers: Workers,
) -> Callable[[list[str]], Iterator[tuple[str, bytes]]]:
    """What renders the pages the writer asks for, in batches (in worker processes for many)."""
    by_path = {p.path: p for p in pages}

    def chunks(paths: list[str]) -> Iterator[list[Page]]:
        for start in range(0, len(paths), BATCH):
            yield [by_path[p] for p in paths[start : start + BATCH]]

    def here(paths: list[str], renderer: Renderer | None = None) -> Iterator[tuple[str, bytes]]:
        if renderer is None and paths:  # Jinja2 only if needed
            renderer = Renderer(templates, settings, code)
        for chunk in chunks(paths):
            found = _needed(chunk, snap.read_many)  # (bodies read in one stream per batch)
            for page in chunk:
                assert renderer is not None
                yield page.path, renderer.render(page, found.__getitem__, found.__getitem__)

    def produce(paths: list[str]) -> Iterator[tuple[str, bytes]]:
        if len(paths) < PARALLEL_FROM or workers.count < 2:
            yield from here(paths)
            return
        # pages made of the whole site are rendered here, after the rest (they are asked for
        # last): sent to a worker, each would be copied there and its 7 MB copied back
        whole = [p for p in paths if by_path[p].kind in WHOLE_SITE]
        rest = [p for p in paths if by_path[p].kind not in WHOLE_SITE]
        renderer = Renderer(templates, settings, code)
        renderer.prepare()  # compiled once: the workers and later builds reuse the code
        config = (templates, settings, code)  # (a worker serves one build only)
        for done in workers.map(_render_batch, ((config, chunk) for chunk in chunks(rest))):
            yield from done
        yield from here(whole, renderer)

    return produce


def _inputs(
    snap: tree.Snapshot, memory: Memory, report: Report, workers: Workers
) -> tuple[list[tuple[Story, str]], dict[str, str], dict[str, Media], dict[str, str]]:
    """What HEAD holds for the site: stories, photo files (name -> blob), photo sizes, templates."""
    articles = {
        p: e.blob
        for p, e in snap.files.items()
        if p.startswith("articles/") and p.endswith(".md") and e.mode != "120000"
    }
    gone = snap.missing(articles)
    if gone:
        raise RepositoryError("build.missing_object", path=gone[0])
    parse = None
    if workers.count > 1:

        def parse(items: Iterable[tuple[str, str]]) -> Iterator[tuple[str, Story | None]]:
            pending = iter(items)  # (taken a batch at a time: no list of 100,000 pairs)
            jobs = iter(lambda: list(islice(pending, PARSE_BATCH)), [])
            for done in workers.map(_parse_batch, ((batch,) for batch in jobs)):
                for version, flat in marshal.loads(done):
                    yield version, from_flat(flat) if flat is not None else None

    stories = read_stories(articles, memory, snap.read_many, report, parse, PARALLEL_FROM)
    memory.save_stories(set(articles.values()))
    memory.stories = {}  # (the stories are in ``stories`` now)
    files = {}
    for item, _ in stories:
        photo = item.photo
        if photo is not None and photo.file:
            entry = snap.files.get(f"media/{photo.file}")
            if entry is not None and entry.mode in ("100644", "100755"):
                files[photo.file] = entry.blob
    gone = snap.missing([f"media/{file}" for file in files])
    if gone:
        raise RepositoryError("build.missing_object", path=gone[0])
    media = media_sizes(files, memory, snap.read_many)
    templates = packaged_templates()
    for name in TEMPLATES:
        entry = snap.files.get(f"templates/{name}")
        if entry is not None and entry.mode != "120000":
            templates[name] = snap.read(entry.blob).decode("utf-8", "replace")
    snap.files = {}  # every file needed is found; at 100,000 articles the listing holds 30 MB
    return stories, files, media, templates


@contextlib.contextmanager
def _planning() -> Iterator[None]:
    """No cyclic garbage collection while the site is planned; its objects frozen after.

    Planning makes a few hundred thousand small tuples that all live until the build ends and
    hold no cycles: the collector would walk them again and again for nothing (a fifth of
    planning's time at 10,000 articles). Frozen, they are not walked while pages render, nor
    touched (and so copied) in the worker processes forked to render a cold build.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def _photo_warnings(
    stories: list[tuple[Story, str]], media: Mapping[str, Media], now: datetime, report: Report
) -> None:
    from redaksi.site.stories import public

    for item, _ in stories:
        if item.photo and item.photo.file and item.photo.file not in media and public(item, now):
            report.warnings.append(
                ("build.photo_missing", {"path": item.rel, "file": item.photo.file})
            )
