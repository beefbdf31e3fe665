"""Services: find an article by what a person types (slug, id, id prefix or path), and read it."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml.comments import CommentedMap

from redaksi.core import article
from redaksi.core.article import Article
from redaksi.errors import InputError, UsageError
from redaksi.infra import store

_ID_LINE = re.compile(r"^id:\s*['\"]?([0-9a-fA-F-]+)", re.MULTILINE)
MIN_PREFIX = 4
SUGGESTIONS = 3


@dataclass(frozen=True)
class Loaded:
    """An article as read from disk: its exact bytes, text, parts and front matter."""

    path: Path
    rel: str
    raw: bytes
    doc: Article
    data: CommentedMap


def find(root: Path, ref: str, *, exact: bool = False) -> Path:
    """The article file ``ref`` names; unknown or ambiguous is a usage error (exit 2).

    SPEC's order: exact path, slug, id, id prefix (four characters or more), slug prefix. Two
    candidates at the first level that matches are listed, never guessed between. ``exact``
    (publish, retract, discard: what cannot be undone) accepts no prefixes.
    """
    ref = ref.strip()
    if "/" in ref or ref.endswith(".md"):
        return _by_path(root, ref)
    looks_like_id = len(ref) >= MIN_PREFIX and re.fullmatch(r"[0-9a-fA-F-]+", ref) is not None
    levels: list[tuple[bool, Callable[[], list[Path]]]] = [
        (False, lambda: store.files_named(root, f"{ref}.md")),
        (False, lambda: _by_id(root, ref.lower(), prefix=False) if looks_like_id else []),
        (True, lambda: _by_id(root, ref.lower(), prefix=True) if looks_like_id else []),
        (True, lambda: store.files_starting(root, ref) if ref else []),
    ]
    for is_prefix, level in levels:
        found = level()
        if not found:
            continue
        if exact and is_prefix:
            listed = ", ".join(p.stem for p in found[:10])
            raise UsageError("article.exact_needed", ref=ref, candidates=listed)
        if len(found) == 1:
            return found[0]
        listed = ", ".join(store.relative(root, p) for p in found[:10])
        raise UsageError("article.ambiguous", ref=ref, candidates=listed)
    close = similar_slugs(root, ref)
    if close:
        raise UsageError("article.unknown_similar", ref=ref, candidates=", ".join(close))
    raise UsageError("article.unknown", ref=ref)


def _by_path(root: Path, ref: str) -> Path:
    path = Path(ref) if Path(ref).is_absolute() else Path.cwd() / ref
    if not path.is_file():
        path = root / ref
    if not path.is_file():
        raise UsageError("article.unknown", ref=ref)
    if not store.inside(root / store.ARTICLES, path):
        raise InputError("file.outside", path=ref)
    return path


def _by_id(root: Path, ref: str, *, prefix: bool) -> list[Path]:
    matches = []
    for path in store.article_files(root):
        found = _id_of(path)
        if found and (found.startswith(ref) if prefix else found == ref):
            matches.append(path)
    return matches


def similar_slugs(root: Path, ref: str) -> list[str]:
    """The slugs closest to a mistyped ``ref`` ("did you mean"), best first."""
    import difflib

    slugs = sorted({p.stem for p in store.article_files(root)})
    return difflib.get_close_matches(ref.lower(), slugs, n=SUGGESTIONS, cutoff=0.6)


def _id_of(path: Path) -> str | None:
    try:
        with path.open("rb") as handle:
            head = handle.read(4096).decode("utf-8", errors="replace")
    except OSError:
        return None
    match = _ID_LINE.search(head)
    return match.group(1).lower() if match else None


def load(root: Path, path: Path) -> Loaded:
    """Read and parse an article; a file that is not one is refused with its position."""
    rel = store.relative(root, path)
    text = store.read_text(root, path)
    try:
        doc, data = article.parse(text)
    except article.FormatProblem as err:
        raise InputError(
            err.key, file=rel, line=err.line, column=err.column, **err.params
        ) from None
    return Loaded(path, rel, text.encode("utf-8"), doc, data)
