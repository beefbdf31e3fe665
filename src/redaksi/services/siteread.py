"""Services: the stories ``redaksi build`` reads from HEAD, remembered by blob id.

Front matter is parsed without its ``history`` (no page shows it); a story whose shortened
text the fast reader cannot take is read whole by the exact one. What was read is kept in
``.git/redaksi`` in parts, so a change rewrites only the part it touches.
"""

from __future__ import annotations

import contextlib
import gc
import marshal
import os
import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from redaksi import __version__
from redaksi.errors import RepositoryError
from redaksi.infra.guard import git_dir
from redaksi.site.stories import Story, from_flat, story

if TYPE_CHECKING:
    from redaksi.services.site import Report

FORMAT = 2
"""What the remembered stories' files hold; another format is read as nothing remembered."""
PARTS = "0123456789abcdef"
"""The remembered stories are kept in one file per first hex digit of their blob ids."""

_HISTORY = re.compile(r"^history:[^\n]*(?:\n(?:[ \t#][^\n]*)?(?=\n|\Z))*\n?", re.MULTILINE)
"""The top-level ``history`` key: its line, and every line after it that is indented, blank or
a comment (YAML ends a top-level value only at a line starting at its first column)."""


def without_history(front: str) -> str:
    """Front matter without its workflow history, which no page shows.

    Half of a published story's front matter is its history; the fast reader need not read
    it. Whatever else the text says is read exactly as before (a test holds the stories equal).
    """
    return _HISTORY.sub("", front, count=1) if "\nhistory:" in front else front


FEW = 8
"""Up to this many new stories (a rebuild after an edit) are read by the exact reader alone:
loading libyaml's would take longer than reading them."""


def parse_story(rel: str, data: bytes, exact: bool = False) -> tuple[Story | None, str]:
    """The story in an article file's bytes, and its body; None when it cannot be read.

    The fast reader reads it unless ``exact`` (or it cannot: then the exact reader does).
    """
    from redaksi.core import article, yamlio

    try:
        text = data.decode("utf-8")
        doc = article.split(text)
    except (UnicodeDecodeError, article.FormatProblem):
        return None, ""
    fast = None
    if not exact:
        from redaksi.core import fastread

        fast = fastread.load(without_history(doc.front), positions=())
    if fast is not None:
        front: Any = fast.data
    else:
        try:
            front = yamlio.to_plain(yamlio.load_mapping(doc.front))
        except Exception:
            return None, ""
    return (story(rel, front) if isinstance(front, dict) else None), doc.body


def named(err: RepositoryError, names: Mapping[str, str]) -> RepositoryError:
    """A missing object named by the file it is (``names``: id -> path), not by its id."""
    found = err.params.get("path")
    if err.key == "build.missing_object" and isinstance(found, str) and found in names:
        return RepositoryError("build.missing_object", path=names[found])
    return err


def body_of(data: bytes) -> str:
    from redaksi.core import article

    try:
        return article.split(data.decode("utf-8")).body
    except (UnicodeDecodeError, article.FormatProblem):
        return ""


class Memory:
    """What a build remembers under ``.git/redaksi/`` (safe to delete).

    Stories and photo sizes by version (blob id), and the templates' compiled code (by
    Jinja2's key). Stories are kept in 16 parts by their version's first digit, so that a
    change rewrites a part or two (not 4 MB at 10,000 articles) and a cold build never holds
    all of them marshalled at once (70 MB at 100,000).
    """

    def __init__(self, root: Path) -> None:
        self.folder = git_dir(root) / "redaksi"
        self.stories: dict[str, Story | None] = {}
        self.load_stories()
        self.touched: set[str] = set()
        """The parts of ``stories`` that gained a version."""
        self.media: dict[str, Any] = self._load("site-media")
        self.code: dict[str, bytes] = self._load("site-code")
        self.changed = {"site-media": False, "site-code": False}

    def load_stories(self) -> None:
        """Read the remembered stories, a part at a time.

        Each part's flat tuples become stories before the next part is read, so the next
        part's tuples fill the room the last ones left: the stories lie packed in memory.
        """
        for part in PARTS:
            flats = self._load(f"site-stories-{part}")
            for version, flat in flats.items():
                self.stories[version] = from_flat(flat) if flat is not None else None
            del flats

    def _load(self, name: str) -> dict[str, Any]:
        with contextlib.suppress(OSError, ValueError, EOFError, TypeError):
            data = marshal.loads((self.folder / name).read_bytes())
            if isinstance(data, tuple) and data[:2] == (FORMAT, __version__):
                return dict(data[2])
        return {}

    def _write(self, name: str, table: dict[str, Any]) -> None:
        with contextlib.suppress(OSError, ValueError):
            self.folder.mkdir(exist_ok=True)
            temp = self.folder / f"{name}.{os.getpid()}.tmp"
            temp.write_bytes(marshal.dumps((FORMAT, __version__, table)))
            os.replace(temp, self.folder / name)

    def remember(self, version: str, found: Story | None) -> None:
        """Remember a story (None: unreadable) by its version (made flat when written)."""
        self.stories[version] = found
        self.touched.add(version[:1])

    def save_stories(self, keep: set[str]) -> None:
        """Write the parts of ``stories`` that changed, keeping only the versions in ``keep``."""
        parts = set(self.touched)
        parts.update(version[:1] for version in self.stories if version not in keep)
        self.touched = set()
        grouped: dict[str, dict[str, Story | None]] = {part: {} for part in parts & set(PARTS)}
        for version, found in self.stories.items():
            table = grouped.get(version[:1])
            if table is not None and version in keep:
                table[version] = found
        for part in sorted(grouped):  # flat tuples for one part at a time
            table = grouped.pop(part)
            flats = {v: s.flat() if s is not None else None for v, s in table.items()}
            self._write(f"site-stories-{part}", flats)
        with contextlib.suppress(OSError):
            (self.folder / "site-stories").unlink(missing_ok=True)  # (one part, before 16)

    def save(self, name: str, keep: set[str]) -> None:
        """Write ``site-media`` or ``site-code`` if it changed, keeping only ``keep``."""
        if not self.changed[name]:
            return
        table = self.media if name == "site-media" else self.code
        self._write(name, {k: v for k, v in table.items() if k in keep})
        self.changed[name] = False


ParseMany = Callable[[Iterable[tuple[str, str]]], Iterable[tuple[str, "Story | None"]]]
"""Read and parse many (path, version) pairs elsewhere (a build's workers): (version, story)."""


def read_stories(
    versions: Mapping[str, str],
    memory: Memory,
    load: Callable[[list[str]], Iterable[tuple[str, bytes]]],
    report: Report,
    parse_many: ParseMany | None = None,
    many: int = 0,
) -> list[tuple[Story, str]]:
    """Each article's story by (path, version), reading only versions not remembered.

    At least ``many`` of them to read (a cold build), they are read by ``parse_many``.
    """
    new = sorted({v for v in versions.values() if v not in memory.stories})
    paths = {v: rel for rel, v in versions.items()}
    try:
        if parse_many is not None and len(new) >= many:
            for version, found in parse_many((paths[v], v) for v in new):
                memory.remember(version, found)
        else:
            exact = len(new) <= FEW
            for version, data in load(new):
                memory.remember(version, parse_story(paths[version], data, exact)[0])
    except RepositoryError as err:
        raise named(err, paths) from None
    stories = []
    collecting = gc.isenabled()
    gc.disable()  # (a story per article, no cycles: nothing for the collector to find)
    try:
        for rel, version in sorted(versions.items()):
            found = _story_of(rel, version, memory, load)
            if found is None:
                report.warnings.append(("build.unreadable", {"path": rel}))
                continue
            stories.append((found, version))
    finally:
        if collecting:
            gc.enable()
    return stories


def _story_of(
    rel: str,
    version: str,
    memory: Memory,
    load: Callable[[list[str]], Iterable[tuple[str, bytes]]],
) -> Story | None:
    found = memory.stories.get(version)
    if found is not None and found.rel != rel:
        found = _reparse(rel, version, load)
    return found


def _reparse(
    rel: str, version: str, load: Callable[[list[str]], Iterable[tuple[str, bytes]]]
) -> Story | None:
    """A remembered version now at another path (a moved file): read again for its address."""
    for _, data in load([version]):
        return parse_story(rel, data)[0]
    return None
