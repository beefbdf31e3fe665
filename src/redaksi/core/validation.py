"""Core: article and config rules -> problems with file positions, in words a reporter reads.

The schema (JSON Schema 2020-12) carries the per-file rules; the cross-file rules no schema can
express (unique ids and slugs, file name matches slug, category listed) are here as plain
functions over small records. Nothing here reads files.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ruamel.yaml.comments import CommentedMap

from redaksi.core import yamlio
from redaksi.core.article import FIRST_YAML_LINE

_RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")
_EMAIL = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")
_ARTICLE_PATH = re.compile(r"^articles/\d{4}/(0[1-9]|1[0-2])/[^/]+\.md$")


@dataclass(frozen=True)
class Problem:
    """One thing wrong, where it is, and which catalogue message says so."""

    file: str
    line: int
    column: int
    rule: str
    key: str
    params: Mapping[str, Any] = field(default_factory=dict, hash=False)

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.file, self.line, self.column, self.rule)


def is_rfc3339(value: object) -> bool:
    """An RFC 3339 date-time with an explicit offset, and a real calendar date."""
    if not isinstance(value, str) or not _RFC3339.match(value):
        return not isinstance(value, str)  # non-strings are the type rule's business
    try:
        datetime.fromisoformat(value.upper().replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def has_control(text: str) -> bool:
    """Whether ``text`` holds a control character (an escape sequence, a line break...)."""
    return any(unicodedata.category(c) == "Cc" or c in "\u2028\u2029" for c in text)


def is_email(value: object) -> bool:
    return not isinstance(value, str) or bool(_EMAIL.match(value))


def make_validator(schema: Mapping[str, Any]) -> Any:
    """A Draft 2020-12 validator whose formats are really checked (no optional extras needed)."""
    from jsonschema import Draft202012Validator, FormatChecker

    checker = FormatChecker(formats=())
    checker.checks("date-time")(is_rfc3339)
    checker.checks("email")(is_email)
    return Draft202012Validator(schema, format_checker=checker)


def make_fast_validator(schema: Mapping[str, Any]) -> Any | None:
    """jsonschema-rs with the same format rules, for a quick yes or no (None if not installed).

    It only ever says "valid"; any "invalid" is explained by :func:`make_validator`'s
    validator, so the words and positions a person reads come from one place.
    """
    try:
        import jsonschema_rs
    except ImportError:  # pragma: no cover - an optional speed-up
        return None
    formats = {"date-time": is_rfc3339, "email": is_email}
    return jsonschema_rs.validator_for(dict(schema), formats=formats, validate_formats=True)


def schema_errors(schema: Mapping[str, Any]) -> list[str]:
    """Why ``schema`` is not valid JSON Schema 2020-12 (empty when it is)."""
    from jsonschema import Draft202012Validator

    meta = Draft202012Validator(Draft202012Validator.META_SCHEMA)
    return [
        f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}"
        for e in meta.iter_errors(schema)
    ]


def field_name(path: Sequence[str | int]) -> str:
    """``history[2].at`` for the path ("history", 2, "at")."""
    name = ""
    for step in path:
        name += f"[{step}]" if isinstance(step, int) else (f".{step}" if name else str(step))
    return name


def _describe(value: Any) -> str:
    text = str(value if isinstance(value, str) else yamlio.to_plain(value))
    text = text if len(text) <= 60 else text[:57] + "..."
    return "".join(c if c.isprintable() or c == " " else repr(c)[1:-1] for c in text)


def check_document(validator: Any, data: CommentedMap, file: str) -> list[Problem]:
    """Every schema problem of one parsed YAML document, each at the key or value it concerns."""
    plain = yamlio.to_plain(data)
    problems: list[Problem] = []
    for error in validator.iter_errors(plain):
        problems.extend(_translate(error, data, plain, validator.schema, file))
    return sorted(problems, key=Problem.sort_key)


def _at(data: CommentedMap, path: Sequence[str | int], *, key: bool = False) -> tuple[int, int]:
    if not path:
        return (FIRST_YAML_LINE - 1, 1)
    line, column = yamlio.position(data, path, key=key)
    return line + FIRST_YAML_LINE, column + 1


def _translate(
    error: Any, data: CommentedMap, plain: Any, schema: Mapping[str, Any], file: str
) -> Iterable[Problem]:
    path = list(error.absolute_path)
    kind = error.validator
    name = field_name(path)
    value = error.instance

    def problem(
        rule: str,
        key: str,
        where: Sequence[str | int] = path,
        *,
        at_key: bool = False,
        **params: Any,
    ) -> Problem:
        line, column = _at(data, where, key=at_key)
        return Problem(file, line, column, rule, key, {"field": name, **params})

    if kind == "required":
        missing = [k for k in error.validator_value if isinstance(value, dict) and k not in value]
        schema_path = list(error.absolute_schema_path)
        status = value.get("status") if isinstance(value, dict) else None
        for key in missing:
            full = field_name([*path, key])
            if "then" in schema_path:
                yield problem(
                    "status-requires", "rule.status_requires", missing=full, status=status
                )
            else:
                yield problem("required", "rule.required", missing=full)
    elif kind == "additionalProperties":
        allowed = set(error.schema.get("properties", {}))
        patterns = [re.compile(p) for p in error.schema.get("patternProperties", {})]
        for extra in value:
            if extra in allowed or any(p.search(str(extra)) for p in patterns):
                continue
            close = difflib.get_close_matches(str(extra), sorted(allowed), n=1)
            full = field_name([*path, extra])
            if close:
                yield problem(
                    "unknown-key",
                    "rule.unknown_key_hint",
                    [*path, extra],
                    at_key=True,
                    unknown=full,
                    hint=close[0],
                )
            else:
                yield problem(
                    "unknown-key",
                    "rule.unknown_key",
                    [*path, extra],
                    at_key=True,
                    unknown=full,
                    allowed=", ".join(sorted(allowed)),
                )
    elif kind in ("enum", "const"):
        choices = error.validator_value if kind == "enum" else [error.validator_value]
        yield problem(
            "enum", "rule.enum", value=_describe(value), choices=", ".join(map(str, choices))
        )
    elif kind == "type":
        expected = error.validator_value
        expected = expected if isinstance(expected, str) else expected[0]
        yield problem("type", "rule.type", expected_msg=f"type.{expected}", value=_describe(value))
    elif kind == "format":
        yield problem("format", f"rule.format.{error.validator_value}", value=_describe(value))
    elif kind == "pattern":
        last = next((s for s in reversed(path) if isinstance(s, str)), "")
        key = {
            "slug": "rule.pattern.slug",
            "id": "rule.pattern.id",
            "action": "rule.pattern.action",
            "file": "rule.pattern.photo_file",
            "url": "rule.pattern.photo_url",
        }.get(last, "rule.pattern")
        rule = "pattern"
        if isinstance(value, str) and not value.strip():
            key, rule = "rule.min_length", "empty"
        elif isinstance(value, str) and has_control(value):
            key, rule = "rule.control", "control"
        yield problem(rule, key, value=_describe(value), pattern=error.validator_value)
    elif kind == "not":
        yield from _negated(error, path, problem)
    elif kind == "oneOf" and isinstance(value, dict):
        options = [r for s in error.validator_value for r in s.get("required", ())]
        yield problem("one-of", "rule.one_of", choices=" / ".join(options))
    elif kind == "minLength":
        yield problem("empty", "rule.min_length")
    elif kind == "maxLength":
        yield problem("too-long", "rule.max_length", limit=error.validator_value)
    elif kind == "minItems":
        yield problem("min-items", "rule.min_items", limit=error.validator_value)
    elif kind == "uniqueItems":
        yield problem("duplicate-item", "rule.unique_items")
    else:
        yield problem(str(kind), "rule.other", detail=error.message)


def _negated(error: Any, path: list[str | int], problem: Any) -> Iterable[Problem]:
    """A ``not`` in the schema: a key a state forbids, or a photo path that leaves media/."""
    forbidden = (
        error.validator_value.get("required") if isinstance(error.validator_value, dict) else None
    )
    value = error.instance
    if forbidden and isinstance(value, dict):
        status = value.get("status")
        for extra in forbidden:
            if "imported" in value and extra == "embargo_until":
                yield problem(
                    "imported-embargo", "rule.imported_embargo", [*path, extra], at_key=True
                )
            else:
                yield problem(
                    "forbidden",
                    "rule.forbidden",
                    [*path, extra],
                    at_key=True,
                    extra=field_name([*path, extra]),
                    status=status,
                )
    elif path and path[-1] == "file":
        yield problem("pattern", "rule.pattern.photo_file", value=_describe(value))
    else:
        yield problem("not", "rule.other", detail=error.message)


@dataclass(frozen=True)
class Record:
    """What the cross-file rules need to know of one article."""

    file: str
    id: str | None
    slug: str | None
    category: str | None
    where: Mapping[str, tuple[int, int]]


def record(file: str, data: CommentedMap) -> Record:
    """The cross-file facts of one parsed article, with the positions of those keys."""
    where = {}
    for key in ("id", "slug", "category"):
        if key in data:
            line, column = yamlio.position(data, [key])
            where[key] = (line + FIRST_YAML_LINE, column + 1)

    def text(key: str) -> str | None:
        value = data.get(key)
        return str(value) if isinstance(value, str) else None

    return Record(file, text("id"), text("slug"), text("category"), where)


def cross_file(records: Sequence[Record], categories: Sequence[str] | None) -> list[Problem]:
    """Unique ids and slugs, file names that match slugs, categories that are listed."""
    problems: list[Problem] = []

    def at(rec: Record, key: str) -> tuple[int, int]:
        return rec.where.get(key, (FIRST_YAML_LINE - 1, 1))

    for key in ("id", "slug"):
        owners: dict[str, list[Record]] = defaultdict(list)
        for rec in records:
            value = getattr(rec, key)
            if value:
                owners[value].append(rec)
        for value, recs in owners.items():
            if len(recs) < 2:
                continue
            for rec in recs:
                others = ", ".join(r.file for r in recs if r is not rec)
                problems.append(
                    Problem(
                        rec.file,
                        *at(rec, key),
                        f"unique-{key}",
                        f"rule.unique_{key}",
                        {"value": value, "others": others},
                    )
                )
    for rec in records:
        name = rec.file.rsplit("/", 1)[-1]
        if rec.slug and name != f"{rec.slug}.md":
            problems.append(
                Problem(
                    rec.file,
                    *at(rec, "slug"),
                    "path-slug",
                    "rule.path_slug",
                    {"slug": rec.slug, "name": name},
                )
            )
        if rec.slug is not None and not _ARTICLE_PATH.match(rec.file):
            problems.append(Problem(rec.file, 1, 1, "path-layout", "rule.path_layout", {}))
        if categories is not None and rec.category and rec.category not in categories:
            problems.append(
                Problem(
                    rec.file,
                    *at(rec, "category"),
                    "category",
                    "rule.category",
                    {"value": rec.category, "choices": ", ".join(categories)},
                )
            )
    return sorted(problems, key=Problem.sort_key)
