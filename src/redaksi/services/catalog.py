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
import re
import time
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
    ids = {
        blob: entry[ID]
        for blob, entry in zip(data["blobs"], data["entries"], strict=True)
        if entry[ID]
    }
    with contextlib.suppress(OSError, ValueError):
        path.parent.mkdir(exist_ok=True)
        temp = path.with_name(f"ids.{os.getpid()}.tmp")
        temp.write_bytes(marshal.dumps(ids))
        os.replace(temp, path.with_name("ids"))
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
    changed: frozenset[str]  # modified in the working tree
    dirty: tuple[str, ...]  # modified or untracked articles: read from disk


RACY = 2_000_000_000
"""Nanoseconds: a folder changed this close to the moment it was looked at may change again
within the same clock tick unseen, so its time is not trusted next run (as git's own
untracked cache does)."""


def _folders(root: Path) -> dict[str, int]:
    """Every folder under articles/ and its modification time (no file is stat'ed)."""
    found: dict[str, int] = {}
    stack = [root / store.ARTICLES]
    while stack:
        folder = stack.pop()
        try:
            info = folder.stat()
            found[str(folder)] = info.st_mtime_ns
            if info.st_nlink == 2:  # a folder's link count is 2 + its subfolders: a leaf
                continue
            with os.scandir(folder) as entries:
                stack.extend(
                    Path(e.path)
                    for e in entries
                    if e.is_dir(follow_symlinks=False) and e.name != ".git"
                )
        except OSError:
            continue
    return found


def _untracked(root: Path, seen: dict[str, int]) -> bytes | None:
    """``git ls-files -o`` for articles/, reused while no folder under it has changed."""
    path = git_dir(root) / "redaksi" / "untracked"
    with contextlib.suppress(OSError, ValueError, EOFError, TypeError):
        folders, recorded, listing = marshal.loads(path.read_bytes())
        if folders == seen and all(mtime < recorded - RACY for mtime in seen.values()):
            return bytes(listing)
    [listing] = git.plumb(
        root, ["ls-files", "-o", "--exclude-standard", "-z", "--", store.ARTICLES]
    )
    if listing is not None:
        with contextlib.suppress(OSError, ValueError):
            path.parent.mkdir(exist_ok=True)
            temp = path.with_name(f"untracked.{os.getpid()}.tmp")
            temp.write_bytes(marshal.dumps((seen, time.time_ns(), listing)))
            os.replace(temp, path)
    return listing


def state(root: Path) -> State | None:
    """The current state of articles/, or None where git cannot tell (not a repository).

    git compares every tracked file with the index (the one cost that grows with the
    archive) while this process hashes the index itself and looks at folder times to know
    whether untracked files can have come or gone.
    """
    from redaksi.infra import prefetch

    try:
        diff = prefetch.take(root)  # never rewrites the index: its bytes are part of our key
    except OSError:
        return None
    try:
        index = (git_dir(root) / "index").read_bytes()
    except OSError:
        index = b""
    seen = _folders(root)
    modified = diff.communicate()[0]
    if diff.returncode != 0:
        return None
    untracked = _untracked(root, seen)
    if untracked is None:
        return None
    changed = frozenset(p for p in modified.decode("utf-8", "surrogateescape").split("\0") if p)
    names = changed | set(untracked.decode("utf-8", "surrogateescape").split("\0"))
    dirty = tuple(sorted(p for p in names if p.endswith(".md")))
    digest = hashlib.sha1(_salt(root).encode(), usedforsecurity=False)
    digest.update(index + b"\1" + modified + b"\1" + untracked)
    for rel in dirty:
        with contextlib.suppress(OSError):
            digest.update(rel.encode() + b"\0" + (root / rel).read_bytes())
    for name in (
        CONFIG_FILE,
        f"{schema.FOLDER}/{schema.NEWSROOM}",
        ".gitignore",
        f"{store.ARTICLES}/.gitignore",
    ):
        with contextlib.suppress(OSError):
            digest.update(b"\2" + (root / name).read_bytes())
    return State(digest.hexdigest(), changed, dirty)


def _listing(root: Path) -> bytes:
    [listing] = git.plumb(root, ["ls-files", "-s", "-z", "--", store.ARTICLES])
    return listing or b""


_ENTRY = re.compile(r"(\d+) ([0-9a-f]+) \d\t([^\0]*\.md)\0")


def _versions(root: Path, now: State) -> dict[str, str | None]:
    """Each article path and the blob id of its bytes now (None: a link, not to be read)."""
    versions: dict[str, str | None] = {}
    listing = _listing(root).decode("utf-8", "surrogateescape")
    for mode, blob, path in _ENTRY.findall(listing):  # one C-speed pass over 100,000 lines
        if mode == "120000":
            versions[path] = None
        elif path not in now.changed:
            versions[path] = blob
    for rel in now.dirty:
        data = store.read_bytes(root / rel)
        if data is not None:
            versions[rel] = None if (root / rel).is_symlink() else blob_id(data)
    return versions


def _snapshot_path(root: Path, part: str) -> Path:
    return git_dir(root) / "redaksi" / f"snapshot-{part}"


def recall(root: Path, now: State, part: str) -> Any:
    """A whole answer (``report``, ``desk-review``...) kept for exactly this state, or None."""
    try:
        data = marshal.loads(_snapshot_path(root, part).read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if not isinstance(data, tuple) or len(data) != 3 or data[:2] != (FORMAT, now.fingerprint):
        return None
    return data[2]


def remember(root: Path, now: State, part: str, value: Any) -> None:
    """Keep a whole answer for this state (one small file per part: read only what is asked)."""
    path = _snapshot_path(root, part)
    with contextlib.suppress(OSError, ValueError):
        path.parent.mkdir(exist_ok=True)
        temp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        temp.write_bytes(marshal.dumps((FORMAT, now.fingerprint, value)))
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


def named(root: Path, only: set[str], now: State) -> tuple[dict[str, Entry], dict[str, str | None]]:
    """Entries for the named articles, and the id of every other one where it is known.

    For a pull request or a pre-commit hook: the named files are analysed; the rest are only
    looked up (by blob id, in the small ``ids`` file), so the cost follows the change.
    """
    versions = _versions(root, now)
    try:
        ids = marshal.loads((git_dir(root) / "redaksi" / "ids").read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        ids = {}
    if not isinstance(ids, dict):
        ids = {}
    wanted = [(rel, versions.get(rel)) for rel in sorted(only)]
    entries = _analyse_many(root, [(rel, None) for rel, _ in wanted], None)
    others = {
        rel: (ids.get(blob) if blob else None) for rel, blob in versions.items() if rel not in only
    }
    return {rel: entries[rel] for rel, _ in wanted}, others


DESK_COLUMNS = (
    "path",
    "id",
    "slug",
    "title",
    "status",
    "reporter_name",
    "reporter_email",
    "category",
    "waiting_since",
    "credited",
)
_DESK_FIELDS = (ID, SLUG, TITLE, STATUS, REPORTER_NAME, REPORTER_EMAIL, CATEGORY, WAITING, CREDITED)
STATUSES = ("draft", "review", "edit", "scheduled", "published", "retracted")


def desk_columns(found: list[Article]) -> dict[str, dict[str, list[Any]]]:
    """What ``list`` needs of every article, as columns, per status."""
    by_status: dict[str, dict[str, list[Any]]] = {
        s: {n: [] for n in DESK_COLUMNS} for s in STATUSES
    }
    for article in found:
        entry = article.entry
        if entry is None or entry[STATUS] not in by_status:
            continue
        part = by_status[entry[STATUS]]
        part["path"].append(article.rel)
        for name, index in zip(DESK_COLUMNS[1:], _DESK_FIELDS, strict=True):
            part[name].append(entry[index])
    return by_status


def remember_desk(root: Path, now: State, found: list[Article]) -> None:
    """Keep ``list``'s columns for this state (a whole validate run has them at hand)."""
    for status, part in desk_columns(found).items():
        remember(root, now, f"desk-{status}", part)
