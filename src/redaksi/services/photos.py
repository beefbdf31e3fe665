"""Services: validate's photo checks, which no schema can make (SPEC: Photos).

The file a ``photo.file`` names must exist under ``media/`` (in a sparse checkout, in git's
index), be a regular file (no symbolic link), be the image its name says (JPEG, PNG or WebP,
read from its bytes) and be no larger than ``max_photo_mb``. A ``photo.url`` must be https; it
is never fetched. Checked on every run, never remembered: a photo changes without its article.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from redaksi.core.validation import Problem
from redaksi.infra import git, store
from redaksi.site import images
from redaksi.site.pages import safe_path

Photo = tuple[str, tuple[str | None, str | None], int]
"""(article path, (file, url), 1-based line of ``photo:``)."""
_PHOTO_LINE = re.compile(r"^photo:", re.MULTILINE)
HEAD_BYTES = 64


def listed(
    root: Path, entries: Iterable[tuple[str, tuple[str | None, str | None] | None]]
) -> list[Photo]:
    """The photos of the given (path, photo) entries, each with the line it is set on."""
    found = []
    for rel, photo in entries:
        if not photo or not (photo[0] or photo[1]):
            continue
        line = 1
        try:
            text = (root / rel).read_text(encoding="utf-8", errors="replace")
            match = _PHOTO_LINE.search(text)
            if match:
                line = text.count("\n", 0, match.start()) + 1
        except OSError:
            pass
        found.append((rel, photo, line))
    return found


def _from_index(root: Path, rel: str) -> tuple[int, bytes] | None:
    """(size, first bytes) of a file git tracks but the checkout left out (sparse)."""
    [listing] = git.plumb(root, ["ls-files", "-t", "-s", "--", rel])
    fields = (listing or b"").split()
    if len(fields) < 3 or fields[0] != b"S":  # S: skip-worktree, left out by a sparse checkout
        return None
    blob = fields[2].decode()
    size, data = git.plumb(root, ["cat-file", "-s", blob], ["cat-file", "blob", blob])
    if size is None or data is None:
        return None
    return int(size), data[:HEAD_BYTES]


def _read(root: Path, rel: str) -> tuple[int, bytes] | str:
    """(size, first bytes) of ``media/...``, or the rule it breaks (missing, symlink)."""
    path = root / rel
    if not store.inside(root / "media", path.parent) or any(
        p.is_symlink() for p in (path, *path.parents) if root in p.parents
    ):
        return "symlink"
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            return size, handle.read(HEAD_BYTES)
    except FileNotFoundError:
        found = _from_index(root, rel)
        return found if found is not None else "missing"
    except OSError:
        return "missing"


def problems(root: Path, photos: Iterable[Photo], max_mb: float) -> list[Problem]:
    """Everything wrong with the photos' files and addresses."""
    found: list[Problem] = []
    for rel, (file, url), line in photos:
        where = (rel, line, 1)
        if url and not url.startswith("https://"):
            found.append(Problem(*where, "photo-url", "rule.photo_url", {"url": url}))
        if not file:
            continue
        if safe_path(file) != file:
            found.append(Problem(*where, "photo-path", "rule.photo_path", {"file": file}))
            continue
        read = _read(root, f"media/{file}")
        if isinstance(read, str):
            found.append(Problem(*where, f"photo-{read}", f"rule.photo_{read}", {"file": file}))
            continue
        size, head = read
        expected, actual = images.kind_of_name(file), images.kind(head)
        if expected is None or actual != expected:
            kinds = {"file": file, "expected": expected or "?", "found": actual or "?"}
            found.append(Problem(*where, "photo-kind", "rule.photo_kind", kinds))
        if size > max_mb * 1024 * 1024:
            params: dict[str, Any] = {
                "file": file,
                "size": round(size / 1048576, 1),
                "limit": max_mb,
            }
            found.append(Problem(*where, "photo-size", "rule.photo_size", params))
    return found
