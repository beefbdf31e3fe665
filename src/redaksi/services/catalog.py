"""Services: every article's facts, read once per version and remembered.

The catalog is what ``validate`` and ``list`` stand on. Each article version is analysed once
(its problems, and the few fields the desk and the cross-file rules need) and remembered under
the git blob id of exactly the bytes that were analysed, in ``.git/redaksi/catalog`` (safe to
delete). A file git reports modified (or cannot vouch for: see :mod:`treestate`) is read and
hashed the way git would hash it; any other file is looked up by its index blob id and, when
read, filed under the id of what was read, so a remembered answer is only ever used for the
bytes it was computed from. When nothing changed since the last run (the fingerprint of
:func:`treestate.state`), the last answer is used whole. A cold run analyses files in parallel
processes.
"""

from __future__ import annotations

import contextlib
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from redaksi.infra import cache, store
from redaksi.infra.guard import git_dir
from redaksi.services import treestate
from redaksi.services.treestate import State, blob_id, state

if TYPE_CHECKING:  # analysis pulls in the YAML readers: a warm run never needs them
    from redaksi.services.analysis import Analysed

__all__ = ["Article", "Entry", "State", "blob_id", "state"]

FORMAT = 7
PARALLEL_FROM = 1000
"""Analyse in worker processes when at least this many versions are new."""
CHUNK = 250
"""Articles per task sent to a worker process."""

Entry = tuple[Any, ...]
"""(problems, id, slug, category, where, title, status, reporter_name, reporter_email,
waiting_since, credited emails, returned, photo): problems are (line, column, rule, key, params)
tuples; where maps id, slug and category to 1-based (line, column); returned is (by, at, note)
when the last step sent the article back to its reporter (``reject``), else None; photo is
(file, url) or None."""
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
    RETURNED,
    PHOTO,
) = range(13)


class Progress(Protocol):
    def start(self, total: int) -> None: ...

    def advance(self, count: int = 1) -> None: ...


@dataclass(frozen=True)
class Article:
    rel: str
    entry: Entry | None


def _cache_path(root: Path) -> Path:
    return git_dir(root) / "redaksi" / "catalog"


def _read_cache(root: Path, salt: str) -> dict[str, Entry]:
    """Blob id -> entry, as the last run that learned something left them."""
    known: dict[str, Entry] = {}
    try:
        pieces = cache.read_pieces(_cache_path(root))
        if pieces and pieces[0] == (FORMAT, salt):
            for blobs, entries in zip(pieces[1::2], pieces[2::2], strict=True):
                known.update(zip(blobs, entries, strict=True))
    except (OSError, ValueError, EOFError, TypeError, IndexError):
        return {}
    return known


PIECE = 20_000
"""Entries per marshalled piece of the catalog: its bytes are never all in memory at once."""


def _write_cache(root: Path, salt: str, kept: dict[str, Entry]) -> None:
    path = _cache_path(root)
    blobs, entries = list(kept), list(kept.values())
    ids: list[Any] = [FORMAT]
    pieces: list[Any] = [(FORMAT, salt)]
    for at in range(0, len(blobs), PIECE):
        some, theirs = blobs[at : at + PIECE], entries[at : at + PIECE]
        ids.append({blob: entry[ID] for blob, entry in zip(some, theirs, strict=True) if entry[ID]})
        pieces += [some, theirs]
    cache.write_pieces(path.with_name("ids"), ids)
    cache.write_pieces(path, pieces)


_ENTRY = re.compile(r"[A-Za-z] (\d+) ([0-9a-f]+) \d\t([^\0]*\.md)\0")


def _versions(root: Path, now: State) -> dict[str, str | None]:
    """Each article path and the blob id git or the disk gives its bytes now (None: a link).

    Dirty articles get the id of the bytes read for this state, which are the bytes analysed.
    """
    versions: dict[str, str | None] = {}
    found = now.listing if now.listing is not None else treestate.listing(root, list(now.scope))
    text = found.decode("utf-8", "surrogateescape")
    skip = now.changed | now.absent
    for mode, blob, path in _ENTRY.findall(text):  # one C-speed pass over 100,000 lines
        if mode == "120000":
            versions[path] = None
        elif path not in skip:
            versions[path] = blob
    for rel in now.dirty:
        data = now.data.get(rel)
        if os.path.islink(root / rel):
            versions[rel] = None
        elif data is not None:
            versions[rel] = blob_id(data) if len(data) <= store.MAX_FILE_BYTES else None
        else:
            versions.pop(rel, None)  # gone, or flagged and not in the working tree
    return versions


def _snapshot_path(root: Path, part: str) -> Path:
    return git_dir(root) / "redaksi" / f"snapshot-{part}"


def recall(root: Path, now: State, part: str) -> Any:
    """A whole answer (``report``, ``desk-review``...) kept for exactly this state, or None."""
    try:
        data = cache.read_pieces(_snapshot_path(root, part))
        if not data or data[0] != (FORMAT, now.fingerprint):
            return None
        return data[1] if len(data) == 2 else dict(zip(data[1], data[2:], strict=True))
    except (OSError, ValueError, EOFError, TypeError, IndexError):
        return None


def remember(root: Path, now: State, part: str, value: Any) -> None:
    """Keep a whole answer for this state (one small file per part: read only what is asked).

    A mapping is written one value at a time, so a 100,000-article column list never needs
    all its bytes in memory at once. Nothing is kept when an article changed while it was
    being read: the fingerprint would name bytes that the answer was not computed from.
    """
    if now.unsettled:
        return
    pieces: list[Any] = [(FORMAT, now.fingerprint)]
    pieces += [list(value), *value.values()] if isinstance(value, dict) else [value]
    cache.write_pieces(_snapshot_path(root, part), pieces)


Job = tuple[str, bytes | None]
"""An article to analyse: its path, and its bytes when they were already read."""


def _analyse_many(root: Path, jobs: list[Job], progress: Progress | None) -> list[Analysed]:
    """(blob id of the bytes analysed, entry) for each job, in order."""
    from redaksi.services import analysis

    if len(jobs) >= PARALLEL_FROM and (os.cpu_count() or 1) > 1:
        from concurrent.futures import ProcessPoolExecutor

        results: list[Analysed] = []
        workers = min(os.cpu_count() or 2, 4)
        chunks = [jobs[n : n + CHUNK] for n in range(0, len(jobs), CHUNK)]
        with ProcessPoolExecutor(max_workers=workers) as pool:
            for found in pool.map(analysis.analyse_chunk, [root] * len(chunks), chunks):
                results += found
                if progress is not None:
                    progress.advance(len(found))
        return results
    analyser = analysis.Analyser(root)
    results = []
    for rel, data in jobs:
        results.append(analyser.analyse(rel, data))
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
    salt = treestate.salt(root)
    now = now or state(root)
    if now is None:  # not tracked by git here: analyse everything, remember nothing
        rels = [store.relative(root, p) for p in store.article_files(root)]
        if progress is not None:
            progress.start(len(rels))
        found = _analyse_many(root, [(rel, None) for rel in rels], progress)
        return [Article(rel, entry) for rel, (_, entry) in zip(rels, found, strict=True)]
    known = _read_cache(root, salt)
    versions = _versions(root, now)
    jobs = [
        (rel, now.data.get(rel))
        for rel, blob in versions.items()
        if (blob is None or blob not in known) and (only is None or rel in only)
    ]
    if progress is not None:
        progress.start(len(jobs))
    fresh: dict[str, Entry] = {}
    learned = False
    for (rel, _), (blob, entry) in zip(jobs, _analyse_many(root, jobs, progress), strict=True):
        fresh[rel] = entry
        if blob is not None:
            known[blob] = entry  # filed under the bytes it was computed from, and only those
            learned = True
        if blob != versions[rel] and versions[rel] is not None:
            now.unsettled.add(rel)  # changed since git looked: this answer is for newer bytes
            versions[rel] = blob
    if learned:
        current = {blob for blob in versions.values() if blob}  # forget versions no longer here
        kept = {blob: entry for blob, entry in known.items() if blob in current}
        _write_cache(root, salt, kept)
    return [
        Article(rel, fresh[rel] if rel in fresh else known.get(versions[rel] or ""))
        for rel in sorted(versions)
    ]


def named(root: Path, only: set[str], now: State) -> tuple[dict[str, Entry], dict[str, str | None]]:
    """Entries for the named articles, and the id of every other one where it is known.

    For a pull request or a pre-commit hook: the named files are analysed; the rest are only
    looked up (by blob id, in the small ``ids`` file), so the cost follows the change.
    """
    versions = _versions(root, now)
    ids: dict[str, str] = {}
    with contextlib.suppress(OSError, ValueError, EOFError, TypeError, IndexError):
        pieces = cache.read_pieces(git_dir(root) / "redaksi" / "ids")
        if pieces and pieces[0] == FORMAT and all(isinstance(p, dict) for p in pieces[1:]):
            for piece in pieces[1:]:
                ids.update(piece)
    wanted = sorted(only)
    found = _analyse_many(root, [(rel, now.data.get(rel)) for rel in wanted], None)
    others = {
        rel: (ids.get(blob) if blob else None) for rel, blob in versions.items() if rel not in only
    }
    return {rel: entry for rel, (_, entry) in zip(wanted, found, strict=True)}, others


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
    "returned",
)
_DESK_FIELDS = (
    ID,
    SLUG,
    TITLE,
    STATUS,
    REPORTER_NAME,
    REPORTER_EMAIL,
    CATEGORY,
    WAITING,
    CREDITED,
    RETURNED,
)
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
