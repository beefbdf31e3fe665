"""Services: what articles/ is now, as git and the disk see it, summed up in one fingerprint.

The catalog may reuse a whole answer only when this fingerprint is unchanged, so everything an
answer depends on goes into it: the index, what git sees modified, the untracked articles, the
bytes of every article git cannot vouch for, the config and the schema. git cannot vouch for:

- files it reports modified (their bytes are read and hashed here);
- untracked files (listed by ``git ls-files -o``; that listing is reused only while no folder
  under articles/ and no exclude file has changed, and never when a folder changed too
  recently to trust its time);
- files marked ``--assume-unchanged`` or ``--skip-worktree``, which ``git diff-files`` never
  compares (read and hashed like modified ones; absent ones are not in the working tree);
- and files whose stat data git compares loosely (``core.checkStat=minimal``,
  ``core.trustCtime=false``): git is asked to compare them strictly instead.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import re
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from redaksi import __version__, schema
from redaksi.config import CONFIG_FILE
from redaksi.errors import RepositoryError
from redaksi.infra import git, store
from redaksi.infra.guard import git_dir

RACY = 2_000_000_000
"""Nanoseconds: a folder changed this close to the moment it was looked at may change again
within the same clock tick unseen, so its time is not trusted next run (as git's own
untracked cache does)."""

FLAGGED = re.compile(rb"(?:\A|\0)([^H\0]) \d+ [0-9a-f]+ \d\t([^\0]*)")
"""Index entries that git's scan skips: assume-unchanged (lower case) and skip-worktree (S)."""


@dataclass(frozen=True)
class State:
    """What the articles are now, as git sees them, summed up in one fingerprint."""

    fingerprint: str
    changed: frozenset[str]  # modified in the working tree, as git sees it
    dirty: tuple[str, ...]  # modified, untracked or flagged articles: read from disk
    data: Mapping[str, bytes] = field(default_factory=dict)  # their bytes, as read for this state
    absent: frozenset[str] = frozenset()  # flagged entries with no file (outside a sparse cone)
    listing: bytes | None = None  # ``git ls-files -s -v`` when it was read for this state
    scope: tuple[str, ...] = ("articles",)  # the pathspecs of the articles in the working tree
    unsettled: set[str] = field(default_factory=set)
    """Articles whose bytes changed while this state was read: no whole answer is remembered."""


def blob_id(data: bytes) -> str:
    """The id git gives these bytes as a blob."""
    digest = hashlib.sha1(b"blob %d\0" % len(data), usedforsecurity=False)
    digest.update(data)
    return digest.hexdigest()


def salt(root: Path) -> str:
    """What every remembered answer depends on besides the article: schema and redaksi."""
    path = schema.path_for(root, schema.ARTICLE)
    text = path.read_bytes() if path else schema.builtin_text(schema.ARTICLE).encode()
    return hashlib.sha1(text + __version__.encode(), usedforsecurity=False).hexdigest()


def common_dir(root: Path) -> Path:
    """The git directory shared by all worktrees (where ``info/exclude`` lives)."""
    own = git_dir(root)
    with contextlib.suppress(OSError):
        pointer = (own / "commondir").read_text(encoding="utf-8").strip()
        return (own / pointer).resolve()
    return own


def _read(path: Path | str) -> bytes | None:
    try:
        with open(path, "rb") as handle:
            return handle.read(store.MAX_FILE_BYTES + 1)
    except OSError:
        return None


def folders(root: Path) -> dict[str, tuple[int, int, bytes | None]]:
    """Every folder under articles/: its modification and change times, and its .gitignore.

    No article is stat'ed. The change time is kept because it cannot be put back: a file added
    and the folder's modification time restored is still seen.
    """
    found: dict[str, tuple[int, int, bytes | None]] = {}
    stack = [str(root / store.ARTICLES)]
    while stack:
        folder = stack.pop()
        try:
            info = os.stat(folder)
            found[folder] = (info.st_mtime_ns, info.st_ctime_ns, _read(f"{folder}/.gitignore"))
            if info.st_nlink == 2:  # a folder's link count is 2 + its subfolders: a leaf
                continue
            with os.scandir(folder) as entries:
                stack.extend(
                    e.path for e in entries if e.is_dir(follow_symlinks=False) and e.name != ".git"
                )
        except OSError:
            continue
    return found


def settings(root: Path) -> dict[str, str]:
    """The git settings the tree's state depends on, read in one call (lower-case keys)."""
    pattern = r"^(core\.sparsecheckout(cone)?|core\.excludesfile)$"
    [found] = git.plumb(root, ["config", "--type=path", "--get-regexp", pattern])
    text = (found or b"").decode("utf-8", "surrogateescape")
    return dict(line.partition(" ")[::2] for line in text.splitlines())


def excludes(root: Path, config: dict[str, str]) -> bytes:
    """Every exclude file git reads besides the .gitignore files inside articles/."""
    parts = [_read(common_dir(root) / "info" / "exclude"), _read(root / ".gitignore")]
    configured = config.get("core.excludesfile")
    home = os.environ.get("XDG_CONFIG_HOME") or os.path.expanduser("~/.config")
    names = [configured] if configured else []
    for name in [*names, os.path.join(home, "git", "ignore")]:
        parts += [b"\3" + os.fsencode(name), _read(name)]
    return b"\1".join(p or b"" for p in parts)


def untracked(
    root: Path, seen: dict[str, tuple[int, int, bytes | None]], ignores: bytes, scope: list[str]
) -> bytes | None:
    """``git ls-files -o`` for articles/, reused while no folder or exclude file has changed."""
    path = git_dir(root) / "redaksi" / "untracked"
    key = (seen, ignores, scope)
    with contextlib.suppress(OSError, ValueError, EOFError, TypeError):
        kept, recorded, listing = marshal.loads(path.read_bytes())
        if kept == key and all(max(m, c) < recorded - RACY for m, c, _ in seen.values()):
            return bytes(listing)
    recorded = time.time_ns()  # before git looks: a change during its scan is "too recent"
    [listing] = git.plumb(root, ["ls-files", "-o", "--exclude-standard", "-z", "--", *scope])
    if listing is not None:
        with contextlib.suppress(OSError, ValueError):
            path.parent.mkdir(exist_ok=True)
            temp = path.with_name(f"untracked.{os.getpid()}.tmp")
            temp.write_bytes(marshal.dumps((key, recorded, listing)))
            os.replace(temp, path)
    return listing


def listing(root: Path, scope: list[str]) -> bytes:
    """``git ls-files -s -v -z`` of the articles: tag, mode, blob, stage and path of each."""
    [found] = git.plumb(root, ["ls-files", "-s", "-v", "-z", "--", *scope])
    return found or b""


def _flagged(root: Path, index_digest: str, scope: list[str]) -> tuple[list[str], bytes | None]:
    """Paths git's scan skips (assume-unchanged, skip-worktree), remembered per index.

    Returns them and, when the index changed since last time, the listing read to find them.
    """
    path = git_dir(root) / "redaksi" / "flagged"
    with contextlib.suppress(OSError, ValueError, EOFError, TypeError):
        digest, names = marshal.loads(path.read_bytes())
        if digest == index_digest:
            return list(names), None
    found = listing(root, scope)
    names = [m.group(2).decode("utf-8", "surrogateescape") for m in FLAGGED.finditer(found)]
    with contextlib.suppress(OSError, ValueError):
        path.parent.mkdir(exist_ok=True)
        temp = path.with_name(f"flagged.{os.getpid()}.tmp")
        temp.write_bytes(marshal.dumps((index_digest, names)))
        os.replace(temp, path)
    return names, found


def _present(root: Path, names: list[str]) -> tuple[list[str], frozenset[str]]:
    """Which flagged paths have a file (folders that do not exist are looked at once)."""
    present, absent = [], set()
    folder_exists: dict[str, bool] = {}
    for rel in names:
        folder = rel.rpartition("/")[0]
        exists = folder_exists.get(folder)
        if exists is None:
            exists = folder_exists[folder] = os.path.isdir(root / folder)
        if exists and os.path.lexists(root / rel):
            present.append(rel)
        else:
            absent.add(rel)
    return present, frozenset(absent)


def articles_scope(root: Path, config: dict[str, str] | None = None) -> list[str]:
    """Pathspecs for the articles in the working tree: all of articles/, or a sparse cone of it.

    In a cone-mode sparse checkout only the cone is read: every folder checked out whole, and
    the files directly in the folders above them (as cone mode checks those out too). Index
    entries outside the cone are then never listed, so costs follow the cone, not the archive.
    A sparse checkout that leaves out the newsroom's schemas is refused (exit 4).
    """
    config = settings(root) if config is None else config
    on = ("true", "yes", "on", "1")
    if config.get("core.sparsecheckout", "").lower() not in on:
        return [store.ARTICLES]
    _schemas_checked_out(root)
    if config.get("core.sparsecheckoutcone", "true").lower() not in on:
        return [store.ARTICLES]  # non-cone patterns: git's own matching decides, over everything
    text = (_read(git_dir(root) / "info" / "sparse-checkout") or b"").decode("utf-8", "replace")
    patterns = {line.strip() for line in text.splitlines()}
    whole = sorted(
        p.strip("/")
        for p in patterns
        if p.startswith("/") and p.endswith("/") and f"!{p}*/" not in patterns
    )
    if any(f"{store.ARTICLES}/".startswith(f"{folder}/") for folder in whole):
        return [store.ARTICLES]  # articles/ (or a folder above it) is checked out whole
    inside = [f for f in whole if f.startswith(f"{store.ARTICLES}/")]
    parents = {store.ARTICLES}
    for folder in inside:
        parts = folder.split("/")
        parents |= {"/".join(parts[:n]) for n in range(1, len(parts))}
    return [*inside, *(f":(glob){parent}/*" for parent in sorted(parents))]


def _schemas_checked_out(root: Path) -> None:
    """Refuse a sparse checkout without the newsroom's schemas.

    Every answer would otherwise be the built-in schema's: say so rather than validate against
    the wrong one.
    """
    if os.path.isdir(root / schema.FOLDER):
        return
    [tracked] = git.plumb(root, ["ls-files", "-z", "--", schema.FOLDER])
    if tracked:
        raise RepositoryError("repo.sparse_schemas", folder=schema.FOLDER)


def _head(root: Path) -> bytes:
    """The commit HEAD names, read from git's files (no process): loose ref, packed, or bare."""
    folder = git_dir(root)
    head = _read(folder / "HEAD") or b""
    if not head.startswith(b"ref: "):
        return head.strip()
    ref = head[5:].strip().decode("utf-8", "replace")
    loose = _read(folder / ref)
    if loose is not None:
        return loose.strip()
    for line in (_read(folder / "packed-refs") or b"").splitlines():
        if line.endswith(b" " + ref.encode()):
            return line.split(b" ")[0]
    return head.strip()


def state(root: Path, scope: list[str] | None = None) -> State | None:
    """The current state of articles/, or None where git cannot tell (not a repository).

    git compares every tracked file with the index (the one cost that grows with the
    archive) while this process hashes the index itself and looks at folder times to know
    whether untracked files can have come or gone.
    """
    from redaksi.infra import prefetch

    try:  # git's scan skips what a sparse checkout leaves out: over articles/, it is the cone's
        diff = prefetch.take(root)  # never rewrites the index: its bytes are in our key
    except OSError:
        return None
    config = settings(root)
    scope = scope or articles_scope(root, config)
    try:
        index = (git_dir(root) / "index").read_bytes()
    except OSError:
        index = b""
    index_digest = hashlib.sha1(index, usedforsecurity=False).hexdigest()
    seen = folders(root)
    ignores = excludes(root, config)
    modified = diff.communicate()[0]
    if diff.returncode != 0:
        return None
    found_untracked = untracked(root, seen, ignores, scope)
    if found_untracked is None:
        return None
    flagged, read_listing = _flagged(root, index_digest, scope)
    present, absent = _present(root, flagged)
    changed = frozenset(p for p in modified.decode("utf-8", "surrogateescape").split("\0") if p)
    names = changed | set(found_untracked.decode("utf-8", "surrogateescape").split("\0"))
    dirty = tuple(sorted(p for p in names | set(present) if p.endswith(".md")))
    digest = hashlib.sha1(salt(root).encode(), usedforsecurity=False)
    digest.update(index_digest.encode() + b"\1" + modified + b"\1" + found_untracked)
    data: dict[str, bytes] = {}
    for rel in dirty:
        content = _read(root / rel) if not os.path.islink(root / rel) else None
        digest.update(b"\0" + rel.encode("utf-8", "surrogateescape") + b"\0")
        if content is not None:
            data[rel] = content
            digest.update(b"%d\0" % len(content) + content)
    for name in (CONFIG_FILE, f"{schema.FOLDER}/{schema.NEWSROOM}"):
        digest.update(b"\2" + (_read(root / name) or b""))
    digest.update(b"\2" + ignores + b"\2" + "\0".join(sorted(absent)).encode("utf-8", "replace"))
    digest.update(b"\3" + _head(root))  # validate compares stories on the record with HEAD
    return State(digest.hexdigest(), changed, dirty, data, absent, read_listing, tuple(scope))
