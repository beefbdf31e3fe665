"""Services: check a newsroom: its schema, its config, and every (or every named) article."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from redaksi import schema
from redaksi.config import CONFIG_FILE, config_problems
from redaksi.core import article, validation
from redaksi.core.validation import Problem, Record
from redaksi.errors import RedaksiError
from redaksi.infra import git, store


class Progress(Protocol):
    """Told how many files there are, then once per file (the CLI draws a bar from it)."""

    def start(self, total: int) -> None: ...

    def advance(self) -> None: ...


@dataclass(frozen=True)
class Report:
    """What validation found, sorted by file and position, and how many files it read."""

    problems: list[Problem]
    checked: int

    @property
    def files_with_problems(self) -> int:
        return len({p.file for p in self.problems})


def schema_file_problems(root: Path) -> list[Problem]:
    """The newsroom's own schemas must be JSON and valid JSON Schema 2020-12."""
    problems: list[Problem] = []
    for name in (schema.ARTICLE, schema.NEWSROOM):
        path = schema.path_for(root, name)
        if path is None:
            continue
        rel = store.relative(root, path)
        try:
            data = json.loads(store.read_text(root, path))
        except json.JSONDecodeError as err:
            problems.append(
                Problem(
                    rel,
                    err.lineno,
                    err.colno,
                    "schema",
                    "rule.schema_unreadable",
                    {"detail": err.msg},
                )
            )
            continue
        except RedaksiError as err:
            problems.append(
                Problem(rel, err.line or 1, err.column or 1, "file", err.key, err.params)
            )
            continue
        for detail in validation.schema_errors(data):
            problems.append(Problem(rel, 1, 1, "schema", "rule.schema_invalid", {"detail": detail}))
    return problems


def check_article(root: Path, path: Path, validator: object) -> tuple[list[Problem], Record | None]:
    """Problems of one article file, and its cross-file record when it could be parsed."""
    rel = store.relative(root, path)
    try:
        text = store.read_text(root, path)
        _, data = article.parse(text)
    except article.FormatProblem as err:
        return [Problem(rel, err.line, err.column, "format", err.key, err.params)], None
    except RedaksiError as err:
        return [Problem(rel, err.line or 1, err.column or 1, "file", err.key, err.params)], None
    problems = validation.check_document(validator, data, rel)
    return problems, validation.record(rel, data)


def validate(
    root: Path,
    paths: Sequence[Path] | None = None,
    progress: Progress | None = None,
) -> Report:
    """Validate the newsroom at ``root``: everything, or the named files and folders."""
    problems = schema_file_problems(root)
    config, data = config_problems(root)
    problems += config
    categories = None
    listed = data.get("categories") if data is not None else None
    if not config and isinstance(listed, list):
        categories = [str(c) for c in listed]
    if paths is None:
        files = store.article_files(root)
    else:
        files = [
            p for p in store.expand(root, list(paths)) if store.relative(root, p) != CONFIG_FILE
        ]
        files = [p for p in files if not store.relative(root, p).startswith(f"{schema.FOLDER}/")]
    validator = schema.validator(root, schema.ARTICLE)
    records: list[Record] = []
    if progress is not None:
        progress.start(len(files))
    for path in files:
        found, rec = check_article(root, path, validator)
        problems += found
        if rec is not None:
            records.append(rec)
        if progress is not None:
            progress.advance()
    problems += validation.cross_file(records, categories)
    if paths is not None:
        problems += _slug_clashes_elsewhere(root, records)
        problems += _id_clashes_elsewhere(root, records)
    unique = sorted(set(problems), key=Problem.sort_key)
    return Report(unique, len(files))


def changed(root: Path, since: str, within: Sequence[Path] | None = None) -> list[Path]:
    """Articles changed between ``since`` (its merge base with HEAD) and the working tree."""
    with git.Repository(root) as repo:
        base = repo.merge_base(repo.resolve(since), repo.resolve("HEAD"))
        names = repo.changed_files(base, store.ARTICLES)
    paths = [root / name for name in names if name.endswith(".md")]
    if within:
        folders = [p.absolute() for p in within]
        paths = [p for p in paths if any(p == f or f in p.parents for f in folders)]
    return paths


def _id_clashes_elsewhere(root: Path, records: Sequence[Record]) -> list[Problem]:
    """With named files only, an id can still be used by an article that was not named."""
    named = {r.file for r in records}
    problems = []
    with git.Repository(root) as repo:
        for rec in records:
            if not rec.id:
                continue
            others = [
                f for f in repo.files_containing(f"id: {rec.id}", store.ARTICLES) if f not in named
            ]
            if others:
                line, column = rec.where.get("id", (1, 1))
                problems.append(
                    Problem(
                        rec.file,
                        line,
                        column,
                        "unique-id",
                        "rule.unique_id",
                        {"value": rec.id, "others": ", ".join(others)},
                    )
                )
    return problems


def _slug_clashes_elsewhere(root: Path, records: Sequence[Record]) -> list[Problem]:
    """With named files only, a slug can still clash with an article that was not named."""
    named = {r.file for r in records}
    by_name: dict[str, list[str]] = {}
    for path in store.article_files(root):
        by_name.setdefault(path.name, []).append(store.relative(root, path))
    problems = []
    for rec in records:
        if not rec.slug:
            continue
        others = [f for f in by_name.get(f"{rec.slug}.md", []) if f != rec.file and f not in named]
        if others:
            line, column = rec.where.get("slug", (1, 1))
            problems.append(
                Problem(
                    rec.file,
                    line,
                    column,
                    "unique-slug",
                    "rule.unique_slug",
                    {"value": rec.slug, "others": ", ".join(others)},
                )
            )
    return problems
