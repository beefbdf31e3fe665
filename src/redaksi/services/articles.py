"""Services: find an article by what a person types (slug, id, id prefix or path), and read it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml.comments import CommentedMap

from redaksi.core import article
from redaksi.core.article import Article
from redaksi.errors import InputError, UsageError
from redaksi.infra import store

_ID_LINE = re.compile(r"^id:\s*['\"]?([0-9a-fA-F-]+)", re.MULTILINE)
MIN_PREFIX = 4


@dataclass(frozen=True)
class Loaded:
    """An article as read from disk: its exact bytes, text, parts and front matter."""

    path: Path
    rel: str
    raw: bytes
    doc: Article
    data: CommentedMap


def find(root: Path, ref: str) -> Path:
    """The article file ``ref`` names; unknown or ambiguous is a usage error (exit 2)."""
    ref = ref.strip()
    if "/" in ref or ref.endswith(".md"):
        path = Path(ref) if Path(ref).is_absolute() else Path.cwd() / ref
        if not path.is_file():
            path = root / ref
        if not path.is_file():
            raise UsageError("article.unknown", ref=ref)
        if not store.inside(root / store.ARTICLES, path):
            raise InputError("file.outside", path=ref)
        return path
    by_slug = store.files_named(root, f"{ref}.md")
    if len(by_slug) == 1:
        return by_slug[0]
    if len(ref) >= MIN_PREFIX and re.fullmatch(r"[0-9a-fA-F-]+", ref):
        files = store.article_files(root)
        matches = [p for p in files if (found := _id_of(p)) and found.startswith(ref.lower())]
        if len(matches) == 1:
            return matches[0]
        by_slug = by_slug or matches
    if len(by_slug) > 1:
        listed = ", ".join(store.relative(root, p) for p in by_slug[:10])
        raise UsageError("article.ambiguous", ref=ref, candidates=listed)
    raise UsageError("article.unknown", ref=ref)


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
