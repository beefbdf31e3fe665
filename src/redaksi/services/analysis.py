"""Services: one article file analysed: its problems, and the facts the desk needs.

Fast where it can be (libyaml and jsonschema-rs say "valid"), exact where it must be (ruamel
and jsonschema explain what is wrong, with positions). Runs in worker processes on a cold
catalog, so it keeps its validators per process.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from redaksi import schema
from redaksi.core import article, desk, fastread, validation, yamlio
from redaksi.errors import RedaksiError
from redaksi.infra import store

Entry = tuple[Any, ...]


def _fast_validator(root: Path) -> Any:
    """jsonschema-rs for the schema as it is now (kept per schema text, never per folder)."""
    path = schema.path_for(root, schema.ARTICLE)
    try:
        text = path.read_text(encoding="utf-8") if path else schema.builtin_text(schema.ARTICLE)
    except OSError:
        text = schema.builtin_text(schema.ARTICLE)
    return _fast_validator_for(text)


@cache
def _fast_validator_for(text: str) -> Any:
    try:
        data = json.loads(text)
    except ValueError:
        data = None
    if not isinstance(data, dict):  # an unreadable schema is validate's to report
        data = json.loads(schema.builtin_text(schema.ARTICLE))
    return validation.make_fast_validator(data)


def _person(value: Any) -> tuple[str | None, str | None]:
    if isinstance(value, dict):
        name, email = value.get("name"), value.get("email")
        return (name if isinstance(name, str) else None, email if isinstance(email, str) else None)
    return None, None


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _entry(
    problems: tuple[Any, ...], data: dict[str, Any], where: dict[str, tuple[int, int]]
) -> Entry:
    name, email = _person(data.get("reporter"))
    status = data.get("status")
    return (
        problems,
        _text(data.get("id")),
        _text(data.get("slug")),
        _text(data.get("category")),
        where,
        _text(data.get("title")),
        _text(status),
        name,
        email,
        desk.waiting_since(data) if isinstance(status, str) else None,
        tuple(
            e for e in (_person(data.get(k))[1] for k in ("reporter", "editor", "publisher")) if e
        ),
    )


def _failed(line: int, column: int, rule: str, key: str, params: dict[str, Any]) -> Entry:
    problem = (line, column, rule, key, tuple(params.items()))
    return ((problem,), None, None, None, {}, None, None, None, None, None, ())


def analyse_file(root: Path, rel: str) -> Entry:
    """The entry of the article at ``rel`` as it is on disk now."""
    path = root / rel
    try:
        text = store.read_text(root, path)
    except RedaksiError as err:
        return _failed(err.line or 1, err.column or 1, "file", err.key, err.params)
    try:
        doc = article.split(text)
    except article.FormatProblem as err:
        return _failed(err.line, err.column, "format", err.key, err.params)
    fast_validator = _fast_validator(root)
    fast = fastread.load(doc.front) if fast_validator is not None else None
    if fast is not None and fast_validator.is_valid(fast.data):
        where: dict[str, tuple[int, int]] = {
            key: (fast.where[key][0] + article.FIRST_YAML_LINE, fast.where[key][1] + 1)
            for key in ("id", "slug", "category")
            if key in fast.where
        }
        return _entry((), fast.data, where)
    try:
        _, data = article.parse(text)
    except article.FormatProblem as err:
        return _failed(err.line, err.column, "format", err.key, err.params)
    found = validation.check_document(schema.validator(root, schema.ARTICLE), data, rel)
    problems = tuple((p.line, p.column, p.rule, p.key, tuple(p.params.items())) for p in found)
    record = validation.record(rel, data)
    plain = yamlio.to_plain(data)
    return _entry(problems, plain if isinstance(plain, dict) else {}, dict(record.where))


def analyse_chunk(root: Path, jobs: list[tuple[str, str | None]]) -> list[Entry]:
    """Entries for a chunk of (path, blob) jobs: the unit of work of a worker process."""
    return [analyse_file(root, rel) for rel, _ in jobs]
