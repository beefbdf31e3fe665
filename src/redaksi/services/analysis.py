"""Services: one article file analysed: its problems, and the facts the desk needs.

Fast where it can be (libyaml and jsonschema-rs say "valid"), exact where it must be (ruamel
and jsonschema explain what is wrong, with positions). Each file is read once, and the answer
comes with the git blob id of exactly the bytes it was computed from, so the catalog never
files an answer under the id of other bytes (a file saved while validate runs, an
``--assume-unchanged`` path). Runs in worker processes on a cold catalog.
"""

from __future__ import annotations

import json
import os
import sys
from functools import cache
from pathlib import Path
from typing import Any

from redaksi import schema
from redaksi.core import article, desk, fastread, validation, yamlio
from redaksi.errors import RedaksiError
from redaksi.infra import store
from redaksi.services.treestate import blob_id

Entry = tuple[Any, ...]
Analysed = tuple[str | None, Entry]
"""(the blob id of the bytes analysed, or None where they were not read whole; the entry)."""


def _schema_text(root: Path) -> str:
    path = schema.path_for(root, schema.ARTICLE)
    try:
        return path.read_text(encoding="utf-8") if path else schema.builtin_text(schema.ARTICLE)
    except OSError:
        return schema.builtin_text(schema.ARTICLE)


@cache
def _fast_validator_for(text: str) -> Any:
    """jsonschema-rs for a schema text (kept per text: one per process, whatever the folder)."""
    try:
        data = json.loads(text)
    except ValueError:
        data = None
    if not isinstance(data, dict):  # an unreadable schema is validate's to report
        data = json.loads(schema.builtin_text(schema.ARTICLE))
    try:
        return validation.make_fast_validator(data)
    except Exception:  # an invalid schema (validate reports it): the exact path decides alone
        return None


def _person(value: Any) -> tuple[str | None, str | None]:
    if isinstance(value, dict):
        name, email = value.get("name"), value.get("email")
        return (name if isinstance(name, str) else None, email if isinstance(email, str) else None)
    return None, None


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _shared(value: str | None) -> str | None:
    """One object for a value many articles repeat (a category, a status, a reporter).

    A worker's chunk is then sent with each such string once, so 100,000 entries do not
    carry 100,000 copies of "published" back to the parent.
    """
    return sys.intern(value) if value is not None and len(value) < 200 else value


def _entry(
    problems: tuple[Any, ...], data: dict[str, Any], where: dict[str, tuple[int, int]]
) -> Entry:
    name, email = _person(data.get("reporter"))
    status = data.get("status")
    return (
        problems,
        _text(data.get("id")),
        _text(data.get("slug")),
        _shared(_text(data.get("category"))),
        where,
        _text(data.get("title")),
        _shared(_text(status)),
        _shared(name),
        _shared(email),
        desk.waiting_since(data) if isinstance(status, str) else None,
        tuple(
            _shared(e)
            for e in (_person(data.get(k))[1] for k in ("reporter", "editor", "publisher"))
            if e
        ),
        desk.returned(data),
        _photo(data.get("photo")),
    )


def _photo(value: Any) -> tuple[str | None, str | None] | None:
    """(file, url) of the article's photo, for validate's photo checks."""
    if not isinstance(value, dict):
        return None
    return _text(value.get("file")), _text(value.get("url"))


def _failed(line: int, column: int, rule: str, key: str, params: dict[str, Any]) -> Entry:
    problem = (line, column, rule, key, tuple(params.items()))
    return ((problem,), None, None, None, {}, None, None, None, None, None, (), None, None)


_POSITIONS = frozenset({"id", "slug", "category"})
"""The values whose positions cross-file problems point at."""


class Analyser:
    """Analyses the articles of one newsroom: validators built once, each folder checked once."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._prefix = f"{root}{os.sep}"
        self.fast = _fast_validator_for(_schema_text(root))
        self._folders: dict[str, bool] = {}

    def _folder_inside(self, path: str) -> bool:
        folder = os.path.dirname(path)
        known = self._folders.get(folder)
        if known is None:
            known = self._folders[folder] = store.inside(self.root, Path(folder))
        return known

    def analyse(self, rel: str, data: bytes | None = None) -> Analysed:
        """The entry of the article at ``rel``: of ``data`` if given, else of its bytes now."""
        path = self._prefix + rel
        try:
            if data is None:
                data = store.read_bounded(self.root, path, folder_inside=self._folder_inside(path))
            text = store.decode(self.root, path, data)
        except RedaksiError as err:
            whole = data is not None and len(data) <= store.MAX_FILE_BYTES
            failed = _failed(err.line or 1, err.column or 1, "file", err.key, err.params)
            return (blob_id(data) if whole and data is not None else None), failed
        return blob_id(data), self._analyse_text(rel, text)

    def _analyse_text(self, rel: str, text: str) -> Entry:
        try:
            doc = article.split(text)
        except article.FormatProblem as err:
            return _failed(err.line, err.column, "format", err.key, err.params)
        fast = fastread.load(doc.front, _POSITIONS) if self.fast is not None else None
        if fast is not None and self.fast.is_valid(fast.data):
            where: dict[str, tuple[int, int]] = {
                key: (line + article.FIRST_YAML_LINE, column + 1)
                for key, (line, column) in fast.where.items()
            }
            return _entry((), fast.data, where)
        try:
            _, data = article.parse(text)
        except article.FormatProblem as err:
            return _failed(err.line, err.column, "format", err.key, err.params)
        validator = schema.validator(self.root, schema.ARTICLE)
        found = validation.check_document(validator, data, rel)
        problems = tuple((p.line, p.column, p.rule, p.key, tuple(p.params.items())) for p in found)
        record = validation.record(rel, data)
        plain = yamlio.to_plain(data)
        return _entry(problems, plain if isinstance(plain, dict) else {}, dict(record.where))


def analyse_file(root: Path, rel: str) -> Entry:
    """The entry of the article at ``rel`` as it is on disk now."""
    return Analyser(root).analyse(rel)[1]


def analyse_chunk(root: Path, jobs: list[tuple[str, bytes | None]]) -> list[Analysed]:
    """(blob id, entry) for a chunk of (path, bytes if already read): a worker's unit of work."""
    analyser = Analyser(root)
    return [analyser.analyse(rel, data) for rel, data in jobs]
