"""Schema and cross-file rules, with the positions and words a reporter sees."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from redaksi import schema
from redaksi.core import article, validation
from redaksi.core.validation import Problem

ROOT = Path(__file__).resolve().parents[2]

GOOD = """\
---
id: 0f9c7a52-5f1e-4c51-9a53-8e2b61c0d2a4
title: Bupati Larang OPD Tangani Masalah Sendiri-sendiri
slug: bupati-larang-opd
status: published
category: Pemerintahan
reporter: {name: Ali Ya'lu, email: ali@kabar.test}
editor: {name: Mohammad S, email: ms@kabar.test}
publisher: {name: Keyra, email: keyra@kabar.test}
created_at: 2025-03-04T09:12:00+07:00
published_at: 2025-03-04T16:17:00+07:00
---
Probolinggo,- ... (*)
"""


@pytest.fixture  # one per test: a mutation tool then sees every test that relies on it
def validator() -> object:
    return validation.make_validator(json.loads(schema.builtin_text(schema.ARTICLE)))


def problems(validator: object, text: str) -> list[Problem]:
    _, data = article.parse(text)
    return validation.check_document(validator, data, "a.md")


def test_a_good_article_has_no_problems(validator: object) -> None:
    assert problems(validator, GOOD) == []


@pytest.mark.parametrize(
    ("old", "new", "rule", "line", "column"),
    [
        ("status: published", "status: publishd", "enum", 5, 9),
        (
            "reporter: {name: Ali Ya'lu, email: ali@kabar.test}",
            "reporter: {name: A, email: a@b.co, x: 1}",
            "unknown-key",
            7,
            36,
        ),
        ("ali@kabar.test", "ali-at-kabar", "format", 7, 36),
        (
            "created_at: 2025-03-04T09:12:00+07:00",
            "created_at: 2025-03-04T09:12:00",
            "format",
            10,
            13,
        ),
        (
            "created_at: 2025-03-04T09:12:00+07:00",
            "created_at: 2025-02-31T09:12:00+07:00",
            "format",
            10,
            13,
        ),
        ("created_at: 2025-03-04T09:12:00+07:00", "created_at: 2025-03-04", "format", 10, 13),
        ("slug: bupati-larang-opd", "slug: Bupati_Larang", "pattern", 4, 7),
        ("title: Bupati Larang OPD Tangani Masalah Sendiri-sendiri", "title: ''", "empty", 3, 8),
        ("editor: {name: Mohammad S, email: ms@kabar.test}\n", "", "status-requires", 1, 1),
        ("published_at: 2025-03-04T16:17:00+07:00\n", "", "status-requires", 1, 1),
        (
            "reporter: {name: Ali Ya'lu, email: ali@kabar.test}",
            "reporter: {name: Ali}",
            "required",
            7,
            11,
        ),
        ("category: Pemerintahan", "category: [a, b]", "type", 6, 11),
    ],
)
def test_each_rule_names_its_position(
    validator: object, old: str, new: str, rule: str, line: int, column: int
) -> None:
    assert old in GOOD
    found = problems(validator, GOOD.replace(old, new))
    assert [(p.rule, p.line, p.column) for p in found] == [(rule, line, column)]


def test_retracted_needs_a_retraction(validator: object) -> None:
    found = problems(validator, GOOD.replace("status: published", "status: retracted"))
    assert [(p.rule, p.params["missing"], p.params["status"]) for p in found] == [
        ("status-requires", "retraction", "retracted")
    ]


def test_unknown_key_suggests_the_close_one(validator: object) -> None:
    found = problems(validator, GOOD.replace("category:", "categroy:"))
    assert [(p.rule, p.line, p.column) for p in found] == [
        ("required", 1, 1),
        ("unknown-key", 6, 1),
    ]
    assert found[1].key == "rule.unknown_key_hint"
    assert found[1].params["hint"] == "category"


def test_extension_keys_are_allowed(validator: object) -> None:
    assert problems(validator, GOOD.replace("---\nProb", "x-desk: Lumajang\n---\nProb")) == []


def _record(file: str, id_: str, slug: str, category: str = "Ekonomi") -> validation.Record:
    return validation.Record(
        file, id_, slug, category, {"id": (2, 5), "slug": (4, 7), "category": (6, 11)}
    )


def test_cross_file_rules() -> None:
    records = [
        _record("articles/2025/03/a.md", "1", "a"),
        _record("articles/2025/03/b.md", "1", "a"),
        _record("articles/2025/03/c.md", "3", "c", category="Gosip"),
        _record("articles/c.md", "4", "d"),
    ]
    found = validation.cross_file(records, ["Ekonomi"])
    assert [(p.file, p.rule, p.line) for p in found] == [
        ("articles/2025/03/a.md", "unique-id", 2),
        ("articles/2025/03/a.md", "unique-slug", 4),
        ("articles/2025/03/b.md", "unique-id", 2),
        ("articles/2025/03/b.md", "path-slug", 4),
        ("articles/2025/03/b.md", "unique-slug", 4),
        ("articles/2025/03/c.md", "category", 6),
        ("articles/c.md", "path-layout", 1),
        ("articles/c.md", "path-slug", 4),
    ]
    assert found[0].params["others"] == "articles/2025/03/b.md"


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ("2025-03-04T09:12:00+07:00", True),
        ("2025-03-04T09:12:00.5Z", True),
        ("2025-03-04t09:12:00z", True),
        ("2025-03-04T09:12:00", False),
        ("2025-03-04 09:12:00+07:00", False),
        ("2025-13-04T09:12:00+07:00", False),
        ("2025-03-04T25:12:00+07:00", False),
        ("04/03/2025", False),
    ],
)
def test_rfc3339(value: str, ok: bool) -> None:
    assert validation.is_rfc3339(value) is ok


def test_shipped_schemas_are_valid_json_schema() -> None:
    for name in (schema.ARTICLE, schema.NEWSROOM):
        assert validation.schema_errors(json.loads(schema.builtin_text(name))) == []


def test_top_level_schemas_are_the_packaged_ones() -> None:
    for name in (schema.ARTICLE, schema.NEWSROOM):
        assert (ROOT / "schemas" / name).read_text(encoding="utf-8") == schema.builtin_text(name)
