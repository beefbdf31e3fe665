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
class State:
    """What the articles are now, as git sees them, summed up in one fingerprint."""

    fingerprint: str
    listing: bytes  # git ls-files -s: the index entries under articles/
    changed: frozenset[str]  # modified in the working tree
    dirty: tuple[str, ...]  # modified or untracked articles: read from disk


def state(root: Path) -> State | None:
    """The current state of articles/, or None where git cannot tell (not a repository)."""
    listing, modified, untracked = git.plumb(
        root,
        ["ls-files", "-s", "-z", "--", store.ARTICLES],
        ["diff-files", "--name-only", "-z", "--", store.ARTICLES],
        ["ls-files", "-o", "--exclude-standard", "-z", "--", store.ARTICLES],
    )
    if listing is None or modified is None or untracked is None:
        return None
    changed = frozenset(p for p in modified.decode("utf-8", "surrogateescape").split("\0") if p)
    names = changed | set(untracked.decode("utf-8", "surrogateescape").split("\0"))
    dirty = tuple(sorted(p for p in names if p.endswith(".md")))
    digest = hashlib.sha1(_salt(root).encode(), usedforsecurity=False)
    digest.update(listing + b"\1" + modified + b"\1" + untracked)
    for rel in dirty:
        with contextlib.suppress(OSError):
            digest.update(rel.encode() + b"\0" + (root / rel).read_bytes())
    for name in (CONFIG_FILE, f"{schema.FOLDER}/{schema.NEWSROOM}"):
        with contextlib.suppress(OSError):
            digest.update(b"\2" + (root / name).read_bytes())
    return State(digest.hexdigest(), listing, changed, dirty)


def _versions(root: Path, now: State) -> dict[str, str | None]:
    """Each article path and the blob id of its bytes now (None: a link, not to be read)."""
    versions: dict[str, str | None] = {}
    for line in now.listing.decode("utf-8", "surrogateescape").split("\0"):
        if not line.endswith(".md"):
            continue
        meta, _, path = line.partition("\t")
        mode, blob, _ = meta.split(" ", 2)
        if mode == "120000":
            versions[path] = None
        elif path not in now.changed:
            versions[path] = blob
    for rel in now.dirty:
        data = store.read_bytes(root / rel)
        if data is not None:
            versions[rel] = None if (root / rel).is_symlink() else blob_id(data)
    return versions


def _snapshot_path(root: Path) -> Path:
    return git_dir(root) / "redaksi" / "snapshot"


def recall(root: Path, now: State, part: str) -> Any:
    """A whole answer (``report`` or ``desk``) remembered for exactly this state, or None."""
    try:
        data = marshal.loads(_snapshot_path(root).read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if (
        not isinstance(data, dict)
        or data.get("format") != FORMAT
        or data.get("fingerprint") != now.fingerprint
    ):
        return None
    return data.get(part)


def remember(root: Path, now: State, part: str, value: Any) -> None:
    """Keep a whole answer for this state, next to the others kept for it."""
    path = _snapshot_path(root)
    try:
        data = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        data = {}
    if (
        not isinstance(data, dict)
        or data.get("fingerprint") != now.fingerprint
        or data.get("format") != FORMAT
    ):
        data = {"format": FORMAT, "fingerprint": now.fingerprint}
    data[part] = value
    with contextlib.suppress(OSError):
        path.parent.mkdir(exist_ok=True)
        temp = path.with_name(f"snapshot.{os.getpid()}.tmp")
        temp.write_bytes(marshal.dumps(data))
        os.replace(temp, path)


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
    root: Path,
    progress: Progress | None = None,
    only: set[str] | None = None,
    now: State | None = None,
) -> list[Article]:
    """Every article under articles/ with its entry, from memory where possible.

    With ``only``, just those paths are analysed if they are new; other new versions come back
    with an empty entry (``None``) rather than costing a read.
    """
    salt = _salt(root)
    now = now or state(root)
    if now is None:  # not tracked by git here: analyse everything, remember nothing
        rels = [store.relative(root, p) for p in store.article_files(root)]
        if progress is not None:
            progress.start(len(rels))
        found = _analyse_many(root, [(rel, None) for rel in rels], progress)
        return [Article(rel, found[rel]) for rel in rels]
    cache = _read_cache(root, salt)
    known: dict[str, Entry] = dict(
        zip(cache.get("blobs", ()), cache.get("entries", ()), strict=False)
    )
    versions = _versions(root, now)
    jobs = [
        (rel, blob)
        for rel, blob in versions.items()
        if (blob is None or blob not in known) and (only is None or rel in only)
    ]
    if progress is not None:
        progress.start(len(jobs))
    fresh = _analyse_many(root, jobs, progress)
    learned = {key: entry for key, entry in fresh.items() if len(key) == 40 and "/" not in key}
    if learned:
        known.update(learned)
        current = {blob for blob in versions.values() if blob}  # forget versions no longer here
        kept = {blob: entry for blob, entry in known.items() if blob in current}
        _write_cache(
            root,
            {"format": FORMAT, "salt": salt, "blobs": list(kept), "entries": list(kept.values())},
        )
    paths = sorted(versions)
    return [
        Article(rel, known.get(versions[rel] or "") if versions[rel] else fresh.get(rel))
        for rel in paths
    ]
