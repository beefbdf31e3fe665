"""Infra: what a commit holds, read with git's plumbing (``ls-tree`` and ``cat-file --batch``).

``redaksi build`` reads HEAD's tree, never the working tree: the site is what is committed.
One ``git ls-tree`` lists every file with its blob id; one long-running ``git cat-file --batch``
hands over the bytes of only the blobs asked for (requests are written from a thread while
answers are read, so thousands of blobs stream without a round trip each). In a partial clone,
a blob git does not have is never fetched behind the newsroom's back: it is exit 4, named.
"""

from __future__ import annotations

import contextlib
import os
import re
import subprocess
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from types import TracebackType

from redaksi.errors import RepositoryError

_RECORD = re.compile(rb"([0-7]+) [a-z]+ ([0-9a-f]+)\t([^\0]*)\0")
"""One ``ls-tree -z`` record: mode, type, object id, then a tab and the path."""
_BUFFER = 1 << 18
_INLINE = 4096
"""Requests shorter than this are written at once, without a thread: they fit in any pipe
(POSIX's least), so writing them cannot wait for git, which may be waiting for us to read."""
_ENV = {"GIT_OPTIONAL_LOCKS": "0", "GIT_TERMINAL_PROMPT": "0", "GIT_NO_LAZY_FETCH": "1"}


@dataclass(frozen=True, slots=True)
class Entry:
    mode: str
    blob: str


def _git(root: Path, *args: str) -> bytes | None:
    done = subprocess.run(
        ["git", *args], cwd=root, capture_output=True, env={**os.environ, **_ENV}, check=False
    )
    return done.stdout if done.returncode == 0 else None


class Blobs:
    """A reader of a repository's blobs by id: one long-running ``git cat-file --batch``.

    A build's worker processes each have their own, so that the bytes a page needs are read
    where it is rendered, not read here and copied over.
    """

    def __init__(self, root: Path) -> None:
        self.root = root
        self._proc: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> Blobs:
        return self

    def __exit__(self, *exc: object | TracebackType) -> None:
        self.close()

    def close(self) -> None:
        if self._proc is not None:
            if self._proc.stdin is not None:
                with contextlib.suppress(OSError):  # (git may have stopped: a missing object)
                    self._proc.stdin.close()
            self._proc.wait()
            self._proc = None

    def _abandon(self) -> None:
        """Stop git when answers are left unread (a missing object, a reader that stopped).

        Waiting for it, or asking it more, would hang on answers nobody reads.
        """
        if self._proc is not None:
            self._proc.kill()
            self._proc.wait()
            for stream in (self._proc.stdin, self._proc.stdout):
                if stream is not None:
                    with contextlib.suppress(OSError):
                        stream.close()
            self._proc = None

    def _cat(self) -> subprocess.Popen[bytes]:
        if self._proc is None:
            self._proc = subprocess.Popen(
                ["git", "cat-file", "--batch"],
                bufsize=_BUFFER,  # (a few reads per blob, not one per 8 KB)
                cwd=self.root,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                env={**os.environ, **_ENV},
            )
        return self._proc

    def read_many(self, blobs: list[str]) -> Iterator[tuple[str, bytes]]:
        """(blob, bytes) for each of ``blobs``, in order; a missing one is exit 4."""
        proc = self._cat()
        assert proc.stdin is not None and proc.stdout is not None

        def ask() -> None:
            assert proc.stdin is not None
            try:
                for blob in blobs:
                    proc.stdin.write(blob.encode() + b"\n")
                proc.stdin.flush()
            except (BrokenPipeError, OSError):
                pass

        writer = None
        if sum(len(blob) + 1 for blob in blobs) < _INLINE:
            ask()  # fits in the pipe at once: git reads it while we read the answers
        else:
            writer = threading.Thread(target=ask, daemon=True)
            writer.start()
        answered = 0
        try:
            for blob in blobs:
                header = proc.stdout.readline().split()
                if len(header) != 3:
                    raise RepositoryError("build.missing_object", path=blob)
                data = proc.stdout.read(int(header[2]))
                proc.stdout.read(1)  # the newline after each object
                answered += 1
                yield blob, data
        finally:
            if answered < len(blobs):
                self._abandon()  # (the writer, blocked on a full pipe, then fails and ends)
            if writer is not None:
                writer.join()

    def read(self, blob: str) -> bytes:
        """One blob's bytes (one request, one answer: no thread needed)."""
        proc = self._cat()
        assert proc.stdin is not None and proc.stdout is not None
        proc.stdin.write(blob.encode() + b"\n")
        proc.stdin.flush()
        header = proc.stdout.readline().split()
        if len(header) != 3:
            raise RepositoryError("build.missing_object", path=blob)
        data = proc.stdout.read(int(header[2]))
        proc.stdout.read(1)
        return data


class Snapshot:
    """The files of one commit under some folders, and a reader of their bytes."""

    def __init__(self, root: Path, ref: str, folders: Iterable[str]) -> None:
        self.root = root
        commit = _git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
        if not commit:
            raise RepositoryError("build.no_commit")
        self.commit = commit.decode().strip()
        stamp = _git(root, "show", "-s", "--format=%cI", self.commit) or b""
        self.committed_at = datetime.fromisoformat(stamp.decode().strip())
        listing = _git(root, "ls-tree", "-r", "-z", "--full-tree", self.commit, "--", *folders)
        modes: dict[bytes, str] = {}  # a handful of modes: one string each
        self.files: dict[str, Entry] = {}
        for mode, blob, path in _RECORD.findall(listing or b""):
            known = modes.get(mode) or modes.setdefault(mode, mode.decode())
            self.files[path.decode("utf-8", "surrogateescape")] = Entry(known, blob.decode())
        self.blobs = Blobs(root)
        self._gone: set[str] | None = None
        promisors = r"^(extensions\.partialclone|remote\..*\.promisor)$"
        settings = _git(root, "config", "--get-regexp", promisors) or b""
        self._partial = any(  # (git 2.39's clone --filter sets only remote.<name>.promisor)
            not line.endswith((b" false", b" 0")) for line in settings.lower().splitlines()
        )

    def __enter__(self) -> Snapshot:
        return self

    def __exit__(self, *exc: object | TracebackType) -> None:
        self.close()

    def close(self) -> None:
        self.blobs.close()

    def read_many(self, blobs: list[str]) -> Iterator[tuple[str, bytes]]:
        """(blob, bytes) for each of ``blobs``, in order; a missing one is exit 4."""
        return self.blobs.read_many(blobs)

    def read(self, blob: str) -> bytes:
        return self.blobs.read(blob)

    def missing(self, paths: Iterable[str]) -> list[str]:
        """Those of ``paths`` whose blobs this clone does not have (only a partial clone can)."""
        if not self._partial:
            return []
        if self._gone is None:  # (one walk of the commit, however many times it is asked)
            args = ("rev-list", "--objects", "--missing=print", "--no-walk", self.commit)
            found = (_git(self.root, *args) or b"").decode().splitlines()
            self._gone = {line[1:] for line in found if line.startswith("?")}
        wanted = {self.files[p].blob: p for p in paths if p in self.files}
        return sorted(wanted[b] for b in self._gone if b in wanted)
