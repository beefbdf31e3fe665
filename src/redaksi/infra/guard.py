"""Infra: one redaksi at a time per clone, and a journal that survives a killed process.

The lock is an advisory ``flock`` on ``.git/redaksi.lock``: the kernel drops it when the
process dies, so a killed redaksi never leaves a stale lock behind. The journal
(``.git/redaksi-journal.json``) is written before an article is replaced and removed after its
commit; if it is still there, the last command was killed midway and :func:`recover` puts the
article back to one whole state and says which. A pushed step keeps a journal of its own kind
(``land``) while the clone moves onto it, holding the person's bytes until the move is done.
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import hashlib
import json
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from redaksi.errors import RepositoryError
from redaksi.infra import store

LOCK_WAIT = 10.0
"""Seconds a second redaksi waits for the first to finish before giving up with exit 4."""
JOURNAL = "redaksi-journal.json"


def git_dir(root: Path) -> Path:
    """The repository's git directory (``.git`` may be a file pointing elsewhere)."""
    dot = root / ".git"
    if dot.is_file():
        text = dot.read_text(encoding="utf-8").strip()
        if text.startswith("gitdir:"):
            target = Path(text.removeprefix("gitdir:").strip())
            return target if target.is_absolute() else (root / target).resolve()
    return dot


@contextlib.contextmanager
def exclusive(root: Path, wait: float = LOCK_WAIT) -> Iterator[None]:
    """Hold the clone's redaksi lock; another redaksi waits up to ``wait`` seconds, then exit 4."""
    path = git_dir(root) / "redaksi.lock"
    try:
        handle = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as err:
        raise store.os_failure(err, ".git/redaksi.lock") from None
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise RepositoryError("guard.busy", seconds=int(wait)) from None
                time.sleep(0.05)
        yield
    finally:
        os.close(handle)  # closing releases the lock


def _digest(data: bytes | None) -> str | None:
    return hashlib.sha256(data).hexdigest() if data is not None else None


def encode(data: bytes | None) -> str | None:
    """Bytes as a journal keeps them."""
    return base64.b64encode(data).decode() if data is not None else None


def decode(text: Any) -> bytes | None:
    return base64.b64decode(text) if isinstance(text, str) else None


@contextlib.contextmanager
def _kept(root: Path, record: dict[str, Any], whole: Callable[[], bool]) -> Iterator[None]:
    """Keep ``record`` as the journal for the block; a failed block keeps it unless ``whole``."""
    path = git_dir(root) / JOURNAL
    temp = path.with_suffix(".tmp")
    try:
        temp.write_text(json.dumps(record), encoding="utf-8")
        os.replace(temp, path)
    except OSError as err:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise store.os_failure(err, str(path.parent)) from None
    try:
        yield
    except BaseException:
        if whole():
            path.unlink(missing_ok=True)
        raise
    path.unlink(missing_ok=True)


@contextlib.contextmanager
def journal(
    root: Path, rel: str, action: str, before: bytes | None, after: bytes | None
) -> Iterator[None]:
    """Record an article change for the duration of the block (write, then commit).

    The record goes before anything is touched (a full disk stops the command there). It is
    removed when the block ends with the article whole: committed, or back as it was. If the
    block fails and the article is neither, the record stays for the next command to repair.
    """
    record = {"path": rel, "action": action, "before": encode(before), "after": _digest(after)}
    with _kept(root, record, lambda: store.read_bytes(root / rel) == before):
        yield


@contextlib.contextmanager
def replacing(
    root: Path, rel: str, action: str, before: bytes | None, after: bytes | None
) -> Iterator[None]:
    """Put ``after`` in place of the article (None deletes it) for a block that commits it.

    If the block fails, the article is put back byte for byte, and putting back needs no free
    disk space: the old file is kept as a second name (a hard link) until the commit is made,
    and a new file is simply removed.
    """
    target = root / rel
    with journal(root, rel, action, before, after):
        kept = store.keep(target, git_dir(root) / "redaksi") if before is not None else None
        try:
            if after is None:
                store.delete(target)
            else:
                store.write_atomic(target, after.decode("utf-8"), new=before is None)
            yield
        except BaseException:
            store.put_back(target, before, kept)
            raise
        finally:
            store.forget(kept)


@contextlib.contextmanager
def landing(
    root: Path, action: str, head: str, target: str, consumed: dict[str, bytes | None]
) -> Iterator[None]:
    """Record, for the duration of the block, that this clone moves from ``head`` to ``target``.

    ``consumed`` holds the person's own bytes of the files whose edits travel in ``target``;
    a failed block keeps the record unless every one of them is back as it was.
    """
    record = {
        "kind": "land",
        "action": action,
        "head": head,
        "target": target,
        "path": next(iter(consumed), None),
        "files": {path: encode(data) for path, data in consumed.items()},
    }

    def whole() -> bool:
        return all(store.read_bytes(root / rel) == data for rel, data in consumed.items())

    with _kept(root, record, whole):
        yield


def pending(root: Path) -> dict[str, Any] | None:
    """The journal a killed command left, if any (cheap: one small file read)."""
    path = git_dir(root) / JOURNAL
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        path.unlink(missing_ok=True)
        return None
    return record if isinstance(record, dict) else None


def clear(root: Path) -> None:
    (git_dir(root) / JOURNAL).unlink(missing_ok=True)


@contextlib.contextmanager
def uninterrupted() -> Iterator[None]:
    """Ignore Ctrl-C for a short critical section, in this process and the git it starts.

    Moving a clone onto a pushed step takes milliseconds; stopping halfway would leave the
    index and HEAD apart. An ignored SIGINT is inherited by child processes (a Python handler
    would not be), so git's own work is not cut short either. Outside the main thread (tests,
    embedding) nothing changes.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


@dataclass(frozen=True)
class Recovery:
    """What :func:`recover` found and did, as a catalogue key and its parameters."""

    key: str
    path: str
    action: str
    lock: bool


def recover(root: Path, record: dict[str, Any], committed: bytes | None) -> Recovery:
    """Finish the story of a killed transition, as its journal ``record`` tells it.

    ``committed`` is the article as HEAD has it (read by the caller, who knows git). The
    article ends fully before or fully after the step: after if the commit was made, before
    otherwise. Nothing a person changed since is overwritten.
    """
    rel, action = str(record.get("path")), str(record.get("action"))
    before = decode(record.get("before"))
    current = store.read_bytes(root / rel)
    lock = (git_dir(root) / "index.lock").exists()
    if _digest(committed) == record.get("after"):
        key = "guard.completed"
    elif _digest(current) == record.get("after"):
        store.restore(root / rel, before)
        key = "guard.rolled_back"
    elif current == before:
        key = "guard.nothing"
    else:
        key = "guard.left_alone"
    clear(root)
    return Recovery(key, rel, action, lock)
