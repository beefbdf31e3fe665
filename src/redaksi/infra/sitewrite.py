"""Infra: the one writer of a built site. Writes only what changed; a reader never sees half.

The output folder carries a marker (``.redaksi-build``): a build writes into a folder that is
empty or marked, never into one it did not make, and deletes only what it wrote. What was
written last time is remembered (``.git/redaksi/site-*``: each file's page key and content
hash; safe to delete) together with the marker's token.

- First build, or the memory lost: the whole site is built in a sibling temporary folder
  (files whose bytes did not change are hard-linked from the old site) and exchanged with the
  old folder in one ``renameat2(RENAME_EXCHANGE)``: a reader sees the old site or the new one.
- Later builds: only pages whose key changed are rendered; each one whose bytes changed is
  written beside the site and renamed over its old version, stories and photos before the
  pages that link to them, deletions last. Copying 10,000 pages to swap folders would cost
  seconds; this costs what changed.
"""

from __future__ import annotations

import contextlib
import ctypes
import hashlib
import os
import secrets
import shutil
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from redaksi.errors import UsageError
from redaksi.infra import cache
from redaksi.infra.guard import git_dir

MARKER = ".redaksi-build"
FORMAT = 2


@dataclass
class Manifest:
    """What a site folder holds: its token, and for each path (page key, content hash)."""

    token: str
    files: dict[str, tuple[bytes, bytes]] = field(default_factory=dict)


@dataclass(frozen=True)
class Written:
    total: int
    written: int
    removed: int
    mode: str


def _memory(root: Path, out: Path) -> Path:
    name = hashlib.sha1(str(out.resolve()).encode(), usedforsecurity=False).hexdigest()[:16]
    return git_dir(root) / "redaksi" / f"site-{name}"


def recall(root: Path, out: Path) -> Manifest | None:
    with contextlib.suppress(OSError, ValueError, EOFError, TypeError):
        pieces = cache.read_pieces(_memory(root, out))
        head = pieces[0] if pieces else None
        if isinstance(head, tuple) and len(head) == 2 and head[0] == FORMAT:
            files: dict[str, tuple[bytes, bytes]] = {}
            for piece in pieces[1:]:
                files.update(piece)
            return Manifest(head[1], files)
    return None


PIECE = 20_000
"""Files per marshalled piece of the manifest (its bytes are never all in memory at once)."""


def _remember(root: Path, out: Path, manifest: Manifest | None) -> None:
    path = _memory(root, out)
    if manifest is None:
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)
        return
    items = list(manifest.files.items())
    pieces: list[object] = [(FORMAT, manifest.token)]
    pieces += [dict(items[n : n + PIECE]) for n in range(0, len(items), PIECE)]
    cache.write_pieces(path, pieces)


def token_of(out: Path) -> str | None:
    """The marker's token; None when the folder is missing or empty; refuse a foreign one."""
    try:
        names = os.listdir(out)
    except FileNotFoundError:
        return None
    except NotADirectoryError:
        raise UsageError("build.out_foreign", out=str(out), marker=MARKER) from None
    if not names:
        return None
    if MARKER not in names or (out / MARKER).is_symlink():
        raise UsageError("build.out_foreign", out=str(out), marker=MARKER)
    return (out / MARKER).read_text(encoding="utf-8", errors="replace").strip() or "?"


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders atomically (Linux renameat2); False where the system cannot."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        call = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    result = call(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    return bool(result == 0)


Produce = Callable[[list[str]], Iterator[tuple[str, bytes]]]
"""(path, bytes) of each page asked for, in the order asked (rendered only when asked, so the
caller can read what those pages need in batches)."""


def _write(path: str, data: bytes) -> None:
    """Write a new file (paths as strings: pathlib cost more than the write at 10,000 pages).

    Its folder is made only when the file cannot be opened without it: no set of the folders
    made (one per article: 13 MB at 100,000) is kept.
    """
    try:
        handle = open(path, "wb")  # noqa: SIM115 (closed just below; opened twice at most)
    except FileNotFoundError:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        handle = open(path, "wb")  # noqa: SIM115 (as above)
    with handle:
        handle.write(data)


def _place(put: Callable[[str, str], None], source: str, target: str) -> None:
    """``put(source, target)``, making the target's folder only where it is missing.

    ``put`` is ``os.link`` (an unchanged file kept) or ``os.replace`` (a staged page).
    """
    try:
        put(source, target)
    except FileNotFoundError:
        os.makedirs(os.path.dirname(target), exist_ok=True)
        put(source, target)


def _digest(data: bytes) -> bytes:
    return hashlib.sha1(data, usedforsecurity=False).digest()


def publish(root: Path, out: Path, pages: Iterable[tuple[str, bytes]], produce: Produce) -> Written:
    """Make ``out`` hold exactly ``pages`` ((path, key) in writing order).

    Only what changed is rendered (``produce``) and written; what the folder holds is remembered.
    """
    token = token_of(out)
    old = recall(root, out)
    if token is not None and old is not None and old.token == token:
        return _incremental(root, out, list(pages), produce, old)
    return _whole(root, out, list(pages), produce, token is not None)


def _paired(
    pages: list[tuple[str, bytes]], wanted: set[str] | None, produce: Produce
) -> Iterator[tuple[str, bytes, bytes | None]]:
    """(path, key, bytes or None when not asked for) for every page (``wanted``: all), in order."""
    made = produce([path for path, _ in pages if wanted is None or path in wanted])
    for path, key in pages:
        if wanted is None or path in wanted:
            found, data = next(made)
            assert found == path
            yield path, key, data
        else:
            yield path, key, None


def _whole(
    root: Path, out: Path, pages: list[tuple[str, bytes]], produce: Produce, replacing: bool
) -> Written:
    temp = out.parent / f".{out.name}.redaksi-{os.getpid()}-{secrets.token_hex(4)}"
    temp.mkdir(parents=True)
    manifest = Manifest(secrets.token_hex(16))
    written = 0
    into, old_site = f"{temp}/", f"{out}/"
    try:
        for path, key, data in _paired(pages, None, produce):
            assert data is not None
            manifest.files[path] = (key, _digest(data))
            target = into + path
            if replacing and _same(Path(old_site + path), data):
                _place(os.link, old_site + path, target)
                continue
            _write(target, data)
            written += 1
        (temp / MARKER).write_text(manifest.token + "\n", encoding="utf-8")
        removed = 0
        if replacing:
            removed = len(_listed(out) - set(manifest.files))
            if not _exchange(temp, out):
                aside = temp.with_name(temp.name + "-old")
                os.rename(out, aside)
                os.rename(temp, out)
                os.rename(aside, temp)
        else:
            out.parent.mkdir(parents=True, exist_ok=True)
            if out.exists():
                out.rmdir()  # empty: checked by token_of
            os.rename(temp, out)
    finally:
        shutil.rmtree(temp, ignore_errors=True)
    _remember(root, out, manifest)
    return Written(len(manifest.files), written, removed, "whole")


def _same(path: Path, data: bytes) -> bool:
    try:
        if path.is_symlink() or path.stat().st_size != len(data):
            return False
        return path.read_bytes() == data
    except OSError:
        return False


def _listed(out: Path) -> set[str]:
    found = set()
    for folder, _, files in os.walk(out):
        for name in files:
            found.add(os.path.relpath(os.path.join(folder, name), out).replace(os.sep, "/"))
    found.discard(MARKER)
    return found


def _incremental(
    root: Path, out: Path, pages: list[tuple[str, bytes]], produce: Produce, old: Manifest
) -> Written:
    """Write what changed, once every changed page is rendered.

    Pages are rendered into a stage folder and put in place (each file by an atomic rename)
    only when all are: a page that fails to render leaves the site as it was, byte for byte.
    """
    stage = out.parent / f".{out.name}.redaksi-stage"
    stage.mkdir(exist_ok=True)
    manifest = Manifest(old.token)
    staged: list[str] = []  # (paths only: at 100,000 changed pages, two Paths each were 40 MB)
    into = f"{stage}/"
    try:
        wanted = {p for p, k in pages if old.files.get(p, (None, None))[0] != k}
        for path, key, data in _paired(pages, wanted, produce):
            if data is None:
                manifest.files[path] = old.files[path]
                continue
            before = old.files.get(path)
            digest = _digest(data)
            manifest.files[path] = (key, digest)
            if before is not None and before[1] == digest and (out / path).is_file():
                continue
            _write(f"{into}{len(staged)}", data)
            staged.append(path)
        _remember(root, out, None)  # until the site is whole again, no build may trust it
        site = f"{out}/"
        for number, path in enumerate(staged):
            _place(os.replace, f"{into}{number}", site + path)
        gone = [path for path in old.files if path not in manifest.files]
        for path in gone:
            with contextlib.suppress(FileNotFoundError):
                (out / path).unlink()
            _prune(out, (out / path).parent)
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    _remember(root, out, manifest)
    return Written(len(manifest.files), len(staged), len(gone), "changed")


def _prune(out: Path, folder: Path) -> None:
    """Remove folders left empty by a deletion, up to the site's own folder."""
    while folder != out and out in folder.parents:
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent
