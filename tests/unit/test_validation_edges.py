"""Validation at its edges: formats checked the same by the quick and the exact validator, the
cross-file rules with every parameter, the facts read from one article, a schema's own errors,
and keys a state forbids."""

from __future__ import annotations

import json
from typing import Any

import pytest

from redaksi import schema
from redaksi.core import article, validation, yamlio
from redaksi.core.validation import Problem, Record
from tests.unit.test_validation import GOOD

SCHEMA = json.loads(schema.builtin_text(schema.ARTICLE))


def data_of(text: str) -> Any:
    return article.parse(text)[1]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("ali@kabar.test", "ali@kabar"),  # no dot in the domain: jsonschema-rs alone would pass it
        ("2025-03-04T09:12:00+07:00", "2025-03-04T23:59:60+07:00"),  # a leap second
        ("2025-03-04T09:12:00+07:00", "0000-03-04T09:12:00+07:00"),  # year zero
    ],
)
def test_both_validators_check_formats_by_redaksis_rules(old: str, new: str) -> None:
    fast, exact = validation.make_fast_validator(SCHEMA), validation.make_validator(SCHEMA)
    good = yamlio.to_plain(data_of(GOOD))
    assert fast is not None and fast.is_valid(good) and not list(exact.iter_errors(good))
    bad = yamlio.to_plain(data_of(GOOD.replace(old, new)))
    assert not fast.is_valid(bad)
    problems = validation.check_document(exact, data_of(GOOD.replace(old, new)), "a.md")
    assert [p.rule for p in problems] == ["format"]


def test_a_schemas_own_errors_name_where_they_are() -> None:
    assert validation.schema_errors({"type": "object"}) == []
    assert validation.schema_errors({"properties": {"a": {"items": {"type": "nope"}}}}) == [
        "properties/a/items/type: 'nope' is not valid under any of the given schemas"
    ]
    assert set(validation.schema_errors([])) == {"(root): [] is not of type 'object', 'boolean'"}


def test_the_cross_file_facts_of_one_article_and_where_they_are() -> None:
    text = "---\nid: 0f9c\ntitle: T\nslug: banjir\ncategory: Hukum\n---\nIsi.\n"
    assert validation.record("articles/2025/03/banjir.md", data_of(text)) == Record(
        "articles/2025/03/banjir.md",
        "0f9c",
        "banjir",
        "Hukum",
        {"id": (2, 5), "slug": (4, 7), "category": (5, 11)},
    )
    odd = validation.record("a.md", data_of("---\nid: 7\nslug: [a]\ntitle: x\n---\n"))
    assert odd == Record("a.md", None, None, None, {"id": (2, 5), "slug": (3, 7)})


def test_cross_file_problems_carry_every_parameter() -> None:
    where = {"id": (2, 5), "slug": (4, 7), "category": (6, 11)}
    records = [
        Record("articles/2025/03/solo.md", "0", "solo", "Ekonomi", where),
        Record("articles/2025/03/a.md", "1", "a", "Ekonomi", where),
        Record("articles/2025/03/x.md", "1", "b", "Ekonomi", where),
        Record("articles/2025/03/y.md", "1", "c", "Gosip", {}),
    ]
    found = validation.cross_file(records, ["Ekonomi", "Hukum"])
    others = {
        "articles/2025/03/a.md": "articles/2025/03/x.md, articles/2025/03/y.md",
        "articles/2025/03/x.md": "articles/2025/03/a.md, articles/2025/03/y.md",
        "articles/2025/03/y.md": "articles/2025/03/a.md, articles/2025/03/x.md",
    }
    assert found == [
        Problem(
            "articles/2025/03/a.md",
            2,
            5,
            "unique-id",
            "rule.unique_id",
            {"value": "1", "others": others["articles/2025/03/a.md"]},
        ),
        Problem(
            "articles/2025/03/x.md",
            2,
            5,
            "unique-id",
            "rule.unique_id",
            {"value": "1", "others": others["articles/2025/03/x.md"]},
        ),
        Problem(
            "articles/2025/03/x.md",
            4,
            7,
            "path-slug",
            "rule.path_slug",
            {"slug": "b", "name": "x.md"},
        ),
        Problem(
            "articles/2025/03/y.md",
            1,
            1,
            "category",
            "rule.category",
            {"value": "Gosip", "choices": "Ekonomi, Hukum"},
        ),
        Problem(
            "articles/2025/03/y.md",
            1,
            1,
            "path-slug",
            "rule.path_slug",
            {"slug": "c", "name": "y.md"},
        ),
        Problem(
            "articles/2025/03/y.md",
            1,
            1,
            "unique-id",
            "rule.unique_id",
            {"value": "1", "others": others["articles/2025/03/y.md"]},
        ),
    ]
    assert validation.cross_file(records, None) == [p for p in found if p.rule != "category"]


IMPORTED = 'imported: {from: wordpress, id: "7", at: 2025-03-04T09:12:00+07:00}'


def problems_of(
    text: str, schema_: Any = SCHEMA
) -> list[tuple[int, int, str, str, dict[str, Any]]]:
    found = validation.check_document(validation.make_validator(schema_), data_of(text), "a.md")
    return [(p.line, p.column, p.rule, p.key, dict(p.params)) for p in found]


def test_a_key_its_state_forbids_is_named_with_the_state() -> None:
    scheduled = "status: scheduled\npublish_at: 2025-03-05T06:00:00+07:00"
    assert problems_of(GOOD.replace("status: published", scheduled)) == [
        (
            12,
            1,
            "forbidden",
            "rule.forbidden",
            {"field": "", "extra": "published_at", "status": "scheduled"},
        )
    ]
    nested = {"type": "object", "properties": {"x": {"not": {"required": ["a", "b"]}}}}
    assert problems_of("---\nx: {a: 1, b: 2, status: z}\n---\n", nested) == [
        (2, 5, "forbidden", "rule.forbidden", {"field": "x", "extra": "x.a", "status": "z"}),
        (2, 11, "forbidden", "rule.forbidden", {"field": "x", "extra": "x.b", "status": "z"}),
    ]


def test_an_imported_story_may_not_carry_an_embargo() -> None:
    text = GOOD.replace(
        "status: published",
        f"status: published\n{IMPORTED}\nembargo_until: 2025-03-05T06:00:00+07:00",
    )
    assert problems_of(text) == [(7, 1, "imported-embargo", "rule.imported_embargo", {"field": ""})]


def test_a_photo_outside_media_and_any_other_not_are_named() -> None:
    photo = "category: Pemerintahan\nphoto: {file: ../x.jpg, caption: c, credit: k}"
    assert problems_of(GOOD.replace("category: Pemerintahan", photo)) == [
        (7, 15, "pattern", "rule.pattern.photo_file", {"field": "photo.file", "value": "../x.jpg"})
    ]
    other = {"type": "object", "properties": {"x": {"not": {"const": 1}}}}
    assert problems_of("---\nx: 1\n---\n", other) == [
        (
            2,
            4,
            "not",
            "rule.other",
            {"field": "x", "detail": "1 should not be valid under {'const': 1}"},
        )
    ]
