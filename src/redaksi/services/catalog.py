"""Services: every article's facts, read once per version and remembered.

The catalog is what ``validate`` and ``list`` stand on. Each article version is analysed once
(its problems, and the few fields the desk and the cross-file rules need) and remembered under
its git blob id in ``.git/redaksi/catalog`` (safe to delete). A file whose working-tree bytes
differ from the index is hashed the way git would hash it, so a remembered answer is only ever
used for exactly the bytes it was computed from. When nothing changed since the last run
(same index entries, same dirty files, same schema and config), the last answer is used whole.
A cold run analyses files in parallel processes.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from redaksi import __version__, schema
from redaksi.config import CONFIG_FILE
from redaksi.infra import git, store
from redaksi.infra.guard import git_dir

FORMAT = 3
PARALLEL_FROM = 1000
"""Analyse in worker processes when at least this many versions are new."""

Entry = tuple[Any, ...]
"""(problems, id, slug, category, where, title, status, reporter_name, reporter_email,
waiting_since, credited emails): problems are (line, column, rule, key, params) tuples;
where maps id, slug and category to 1-based (line, column)."""
(
    PROBLEMS,
    ID,
    SLUG,
    CATEGORY,
    WHERE,
    TITLE,
    STATUS,
    REPORTER_NAME,
    REPORTER_EMAIL,
    WAITING,
    CREDITED,
) = range(11)


class Progress(Protocol):
    def start(self, total: int) -> None: ...

    def advance(self) -> None: ...


@dataclass(frozen=True)
class Article:
    rel: str
    entry: Entry | None


def blob_id(data: bytes) -> str:
    """The id git gives these bytes as a blob."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data, usedforsecurity=False).hexdigest()


def _cache_path(root: Path) -> Path:
    return git_dir(root) / "redaksi" / "catalog"


def _read_cache(root: Path, salt: str) -> dict[str, Any]:
    try:
        data = marshal.loads(_cache_path(root).read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("salt") != salt:
        return {}
    return data


def _write_cache(root: Path, data: dict[str, Any]) -> None:
    path = _cache_path(root)
    with contextlib.suppress(OSError):
        path.parent.mkdir(exist_ok=True)
        temp = path.with_name(f"catalog.{os.getpid()}.tmp")
        temp.write_bytes(marshal.dumps(data))
        os.replace(temp, path)


def _salt(root: Path) -> str:
    """What every remembered answer depends on besides the article: schema and redaksi."""
    path = schema.path_for(root, schema.ARTICLE)
    text = path.read_bytes() if path else schema.builtin_text(schema.ARTICLE).encode()
    return hashlib.sha1(text + __version__.encode(), usedforsecurity=False).hexdigest()


@dataclass(frozen=True)
class _Scan:
    """What git says about articles/: clean tracked files by blob, and the others."""

    blobs: dict[str, str]  # path -> blob id, for files whose working tree matches the index
    links: list[str]  # symbolic links git tracks
    dirty: list[str]  # modified or untracked: read from disk
    fingerprint: str


def _scan(root: Path) -> _Scan | None:
    listing, modified, untracked = git.plumb(
        root,
        ["ls-files", "-s", "-z", "--", store.ARTICLES],
        ["diff-files", "--name-only", "-z", "--", store.ARTICLES],
        ["ls-files", "-o", "--exclude-standard", "-z", "--", store.ARTICLES],
    )
    if listing is None or modified is None or untracked is None:
        return None
    changed = {p for p in modified.decode("utf-8", "surrogateescape").split("\0") if p}
    blobs: dict[str, str] = {}
    links: list[str] = []
    for line in listing.decode("utf-8", "surrogateescape").split("\0"):
        if not line.endswith(".md"):
            continue
        meta, _, path = line.partition("\t")
        mode, blob, _ = meta.split(" ", 2)
        if mode == "120000":
            links.append(path)
        elif path not in changed:
            blobs[path] = blob
    dirty = sorted(
        p
        for p in changed | set(untracked.decode("utf-8", "surrogateescape").split("\0"))
        if p.endswith(".md")
    )
    digest = hashlib.sha1(listing + b"\1" + modified + b"\1" + untracked, usedforsecurity=False)
    for rel in dirty:
        with contextlib.suppress(OSError):
            digest.update(rel.encode() + b"\0" + (root / rel).read_bytes())
    with contextlib.suppress(OSError):
        digest.update((root / CONFIG_FILE).read_bytes())
    return _Scan(blobs, links, dirty, digest.hexdigest())


def _analyse_many(
    root: Path, jobs: list[tuple[str, str | None]], progress: Progress | None
) -> dict[str, Entry]:
    """Entries for (path, blob or None) jobs, by blob (or by path when unknown)."""
    from redaksi.services import analysis

    results: dict[str, Entry] = {}
    if len(jobs) >= PARALLEL_FROM and (os.cpu_count() or 1) > 1:
        from concurrent.futures import ProcessPoolExecutor

        workers = min(os.cpu_count() or 2, 4)
        chunks = [jobs[n : n + 250] for n in range(0, len(jobs), 250)]
        with ProcessPoolExecutor(max_workers=workers) as pool:
            for chunk, found in zip(
                chunks, pool.map(analysis.analyse_chunk, [root] * len(chunks), chunks), strict=True
            ):
                for (rel, blob), entry in zip(chunk, found, strict=True):
                    results[blob or rel] = entry
                    if progress is not None:
                        progress.advance()
        return results
    for rel, blob in jobs:
        results[blob or rel] = analysis.analyse_file(root, rel)
        if progress is not None:
            progress.advance()
    return results


def articles(
    root: Path, progress: Progress | None = None, only: set[str] | None = None
) -> list[Article]:
    """Every article under articles/ with its entry, from memory where possible.

    With ``only``, just those paths are analysed if they are new; other new versions come back
    with an empty entry (``None``) rather than costing a read.
    """
    salt = _salt(root)
    scan = _scan(root)
    if scan is None:  # not tracked by git here: analyse everything, remember nothing
        rels = [store.relative(root, p) for p in store.article_files(root)]
        if progress is not None:
            progress.start(len(rels))
        found = _analyse_many(root, [(rel, None) for rel in rels], progress)
        return [Article(rel, found[rel]) for rel in rels]
    cache = _read_cache(root, salt)
    if cache.get("fingerprint") == scan.fingerprint:
        return [
            Article(rel, entry) for rel, entry in zip(cache["paths"], cache["entries"], strict=True)
        ]
    known: dict[str, Entry] = dict(
        zip(cache.get("blobs", ()), cache.get("entries", ()), strict=False)
    )
    versions: dict[str, str | None] = dict(scan.blobs)
    for rel in scan.dirty:
        data = store.read_bytes(root / rel)
        if data is not None and not (root / rel).is_symlink():
            versions[rel] = blob_id(data)
        elif data is not None:
            versions[rel] = None
    for rel in scan.links:
        versions[rel] = None
    jobs = [
        (rel, blob)
        for rel, blob in versions.items()
        if (blob is None or blob not in known) and (only is None or rel in only)
    ]
    if progress is not None:
        progress.start(len(jobs))
    fresh = _analyse_many(root, jobs, progress)
    known.update({key: entry for key, entry in fresh.items() if len(key) == 40 and "/" not in key})
    paths = sorted(versions)
    entries = [known.get(versions[rel] or "") if versions[rel] else fresh.get(rel) for rel in paths]
    if all(entry is not None for entry in entries):
        blobs = [versions[rel] or "" for rel in paths]
        whole = {
            "paths": paths,
            "blobs": blobs,
            "entries": entries,
            "fingerprint": scan.fingerprint,
        }
        _write_cache(root, {"format": FORMAT, "salt": salt, **whole})
    elif fresh:  # a partial run still remembers what it learned, without a fingerprint
        _write_cache(
            root,
            {"format": FORMAT, "salt": salt, "blobs": list(known), "entries": list(known.values())},
        )
    return [Article(rel, entry) for rel, entry in zip(paths, entries, strict=True)]
