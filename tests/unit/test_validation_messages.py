"""Each schema rule's words: the catalogue key and the values a reporter reads in the message."""

from __future__ import annotations

import json
from typing import Any

import pytest

from redaksi import schema
from redaksi.core import article, validation
from tests.unit.test_validation import GOOD

SLUG = "slug: bupati-larang-opd"
TITLE = "title: Bupati Larang OPD Tangani Masalah Sendiri-sendiri"
REPORTER = "reporter: {name: Ali Ya'lu, email: ali@kabar.test}"
AT = "2025-03-04T09:12:00+07:00"
LINE = json.loads(schema.builtin_text(schema.ARTICLE))["$defs"]["line"]["pattern"]
STATUSES = "draft, review, edit, scheduled, published, retracted"
TOP = (
    "category, corrections, created_at, dateline, editor, embargo_until, history, id, imported, "
    "photo, publish_at, published_at, publisher, reporter, retraction, slug, status, tags, "
    "title, updated_at"
)
PHOTO = r"^[^/\\][^\\]*\.([Jj][Pp][Ee]?[Gg]|[Pp][Nn][Gg]|[Ww][Ee][Bb][Pp])$"
ID = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"


def _found(validator: Any, text: str) -> list[tuple[object, ...]]:
    _, data = article.parse(text)
    return [
        (p.file, p.line, p.column, p.rule, p.key, dict(p.params))
        for p in validation.check_document(validator, data, "a.md")
    ]


@pytest.fixture
def validator() -> object:
    return validation.make_validator(json.loads(schema.builtin_text(schema.ARTICLE)))


CASES: list[tuple[str, str, list[tuple[object, ...]]]] = [
    ("status: published", "status: publishd", [(5, 9, "enum", "rule.enum",
        {"field": "status", "value": "publishd", "choices": STATUSES})]),
    (REPORTER, "reporter: {name: A, email: a@b.co, emial: 1}", [(7, 36, "unknown-key",
        "rule.unknown_key_hint", {"field": "reporter", "unknown": "reporter.emial", "hint": "email"})]),
    (REPORTER, "reporter: {name: A, email: a@b.co, zzz: 1}", [(7, 36, "unknown-key",
        "rule.unknown_key", {"field": "reporter", "unknown": "reporter.zzz", "allowed": "email, name"})]),
    (SLUG, f"{SLUG}\nx-own: 1\nqqqq: 2", [(6, 1, "unknown-key", "rule.unknown_key",
        {"field": "", "unknown": "qqqq", "allowed": TOP})]),  # x- keys are the newsroom's own
    ("ali@kabar.test", "ali-at-kabar", [(7, 36, "format", "rule.format.email",
        {"field": "reporter.email", "value": "ali-at-kabar"})]),
    ("slug: bupati-larang-opd", "slug: Bupati_Larang", [(4, 7, "pattern", "rule.pattern.slug",
        {"field": "slug", "value": "Bupati_Larang", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"})]),
    ("id: 0f9c7a52-5f1e-4c51-9a53-8e2b61c0d2a4", "id: abc", [(2, 5, "pattern",
        "rule.pattern.id", {"field": "id", "value": "abc", "pattern": ID})]),
    (SLUG, f"{SLUG}\nphoto: {{file: /etc/a.png}}", [(5, 15, "pattern", "rule.pattern.photo_file",
        {"field": "photo.file", "value": "/etc/a.png", "pattern": PHOTO})]),
    (SLUG, f"{SLUG}\nphoto: {{url: http://a}}", [(5, 14, "pattern", "rule.pattern.photo_url",
        {"field": "photo.url", "value": "http://a", "pattern": r"^https://\S+$"})]),
    (SLUG, f"{SLUG}\nphoto: {{file: a/../b.png}}", [(5, 15, "pattern",
        "rule.pattern.photo_file", {"field": "photo.file", "value": "a/../b.png"})]),
    (SLUG, f"{SLUG}\nphoto: {{caption: c}}", [(5, 8, "one-of", "rule.one_of",
        {"field": "photo", "choices": "file / url"})]),
    (SLUG, f"{SLUG}\nhistory: [{{action: Pub, to: draft, by: a@b.co, at: {AT}}}]", [(5, 20,
        "pattern", "rule.pattern.action",
        {"field": "history[0].action", "value": "Pub", "pattern": "^[a-z][a-z-]*$"})]),
    (TITLE, "title: ' '", [(3, 8, "empty", "rule.min_length",
        {"field": "title", "value": " ", "pattern": LINE})]),
    (TITLE, 'title: "a\\x01b"', [(3, 8, "control", "rule.control",
        {"field": "title", "value": "a\\x01b", "pattern": LINE})]),
    (TITLE, "title: " + "a" * 301, [(3, 8, "too-long", "rule.max_length",
        {"field": "title", "limit": 300})]),
    ("editor: {name: Mohammad S, email: ms@kabar.test}\n", "", [(1, 1, "status-requires",
        "rule.status_requires", {"field": "", "missing": "editor", "status": "published"})]),
    (REPORTER, "reporter: {name: Ali}", [(7, 11, "required", "rule.required",
        {"field": "reporter", "missing": "reporter.email"})]),
    ("category: Pemerintahan", "category: [a, b]", [(6, 11, "type", "rule.type",
        {"field": "category", "expected_msg": "type.string", "value": "['a', 'b']"})]),
    (SLUG, f"{SLUG}\ntags: [a, a]", [(5, 7, "duplicate-item", "rule.unique_items",
        {"field": "tags"})]),
    (SLUG, f"{SLUG}\nretraction: {{at: {AT}, ground: x, reason: ''}}", [
        (5, 53, "enum", "rule.enum", {"field": "retraction.ground", "value": "x",
            "choices": "sara, kesusilaan, anak, trauma, dewan-pers"}),
        (5, 64, "empty", "rule.min_length", {"field": "retraction.reason"}),
    ]),
    ("status: published", "status: scheduled\npublish_at: 2025-03-04T16:17:00+07:00", [(12, 1,
        "forbidden", "rule.forbidden",
        {"field": "", "extra": "published_at", "status": "scheduled"})]),
    (SLUG, f"{SLUG}\nimported: {{from: wordpress, id: '1', at: {AT}}}\nembargo_until: {AT}", [
        (6, 1, "imported-embargo", "rule.imported_embargo", {"field": ""})]),
]  # fmt: skip


@pytest.mark.parametrize(("old", "new", "expected"), CASES)
def test_each_rule_says_which_message_and_with_what(
    validator: object, old: str, new: str, expected: list[tuple[object, ...]]
) -> None:
    assert old in GOOD
    assert _found(validator, GOOD.replace(old, new, 1)) == [("a.md", *e) for e in expected]


def test_rules_a_newsroom_s_own_schema_may_use() -> None:
    """A newsroom may extend the schema: const, a list of types, minItems, not, any pattern."""
    own = validation.make_validator(
        {
            "type": "object",
            "properties": {
                "a": {"const": "x"},
                "b": {"type": ["integer", "null"]},
                "c": {"type": "array", "minItems": 2},
                "d": {"not": {"type": "string"}},
                "e": {"type": "string", "format": "date-time"},
                "f": {"type": "string", "pattern": "^q$"},
            },
        }
    )
    text = "---\na: y\nb: s\nc: [1]\nd: s\ne: 2025-13-01\nf: r\n---\n"
    detail = "'s' should not be valid under {'type': 'string'}"
    assert _found(own, text) == [
        ("a.md", 2, 4, "enum", "rule.enum", {"field": "a", "value": "y", "choices": "x"}),
        ("a.md", 3, 4, "type", "rule.type", {"field": "b", "expected_msg": "type.integer",
            "value": "s"}),
        ("a.md", 4, 4, "min-items", "rule.min_items", {"field": "c", "limit": 2}),
        ("a.md", 5, 4, "not", "rule.other", {"field": "d", "detail": detail}),
        ("a.md", 6, 4, "format", "rule.format.date-time", {"field": "e", "value": "2025-13-01"}),
        ("a.md", 7, 4, "pattern", "rule.pattern", {"field": "f", "value": "r", "pattern": "^q$"}),
    ]  # fmt: skip


def test_the_cross_file_rules_words() -> None:
    from tests.unit.test_validation import _record

    records = [
        _record("articles/2025/03/a.md", "1", "a"),
        _record("articles/2025/03/b.md", "1", "a"),
        _record("articles/2025/03/c.md", "3", "c", category="Gosip"),
        _record("c.md", "4", "d"),  # a file outside any folder
    ]
    found = [
        (p.file, p.line, p.column, p.rule, p.key, dict(p.params))
        for p in validation.cross_file(records, ["Ekonomi", "Hukum"])
    ]
    a, b, c = (f"articles/2025/03/{n}.md" for n in "abc")
    assert found == [
        (a, 2, 5, "unique-id", "rule.unique_id", {"value": "1", "others": b}),
        (a, 4, 7, "unique-slug", "rule.unique_slug", {"value": "a", "others": b}),
        (b, 2, 5, "unique-id", "rule.unique_id", {"value": "1", "others": a}),
        (b, 4, 7, "path-slug", "rule.path_slug", {"slug": "a", "name": "b.md"}),
        (b, 4, 7, "unique-slug", "rule.unique_slug", {"value": "a", "others": a}),
        (c, 6, 11, "category", "rule.category", {"value": "Gosip", "choices": "Ekonomi, Hukum"}),
        ("c.md", 1, 1, "path-layout", "rule.path_layout", {}),
        ("c.md", 4, 7, "path-slug", "rule.path_slug", {"slug": "d", "name": "c.md"}),
    ]


ENUM = validation.make_validator({"type": "object", "properties": {"a": {"enum": ["x"]}}})


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("b" * 60, "b" * 60),  # sixty characters are shown whole
        ("b" * 61, "b" * 57 + "..."),
        ('"a b\\tc\\u2028d"', "a b\\tc\\u2028d"),  # a space stays, other blanks are escaped
        ("[1, {k: v}]", "[1, {'k': 'v'}]"),  # data is shown as data
    ],
)
def test_a_value_is_shown_short_and_printable(value: str, shown: str) -> None:
    [(*_, params)] = _found(ENUM, f"---\na: {value}\n---\n")
    assert params == {"field": "a", "value": shown, "choices": "x"}


@pytest.mark.parametrize(
    ("title", "rule"),
    [('"a\\u2028b"', "control"), ('"a\\x7fb"', "control"), ("XL\u00a0", "pattern")],
)
def test_a_line_with_a_control_character_is_named_so(title: str, rule: str) -> None:
    own = validation.make_validator(
        {"type": "object", "properties": {"t": {"type": "string", "pattern": "^[a-z]+$"}}}
    )
    [(*_, found, _key, _params)] = _found(own, f"---\nt: {title}\n---\n")
    assert found == rule


def test_rules_redaksi_has_no_words_for_and_odd_schemas_are_named_plainly() -> None:
    own = validation.make_validator(
        {
            "type": "object",
            "properties": {
                "a": {"const": "xy"},
                "g": {"type": "integer", "maximum": 3},
                "h": {"type": "object", "minProperties": 1},
                "o": {"oneOf": [{"type": "string"}, {"type": "object", "required": ["x"]}]},
                "p": {"type": "object", "additionalProperties": False},
                "n": {"not": True},
                "d": {"not": {"type": "object"}},
                "e": {"enum": ["z"]},
            },
        }
    )
    text = "---\na: y\ng: 5\nh: {}\no: {}\np: {q: 1}\nn: 1\nd: {}\ne: 'a\\b'\n---\n"
    assert _found(own, text) == [
        ("a.md", 2, 4, "enum", "rule.enum", {"field": "a", "value": "y", "choices": "xy"}),
        ("a.md", 3, 4, "maximum", "rule.other",
         {"field": "g", "detail": "5 is greater than the maximum of 3"}),
        ("a.md", 4, 4, "minProperties", "rule.other", {"field": "h", "detail": "{} should be non-empty"}),
        ("a.md", 5, 4, "one-of", "rule.one_of", {"field": "o", "choices": "x"}),
        ("a.md", 6, 5, "unknown-key", "rule.unknown_key", {"field": "p", "unknown": "p.q", "allowed": ""}),
        ("a.md", 7, 4, "not", "rule.other", {"field": "n", "detail": "1 should not be valid under True"}),
        ("a.md", 8, 4, "not", "rule.other",
         {"field": "d", "detail": "{} should not be valid under {'type': 'object'}"}),
        ("a.md", 9, 4, "enum", "rule.enum", {"field": "e", "value": "a\\b", "choices": "z"}),
    ]  # fmt: skip


def test_an_imported_scheduled_story_may_not_carry_published_at(validator: object) -> None:
    imported = f"{SLUG}\nimported: {{from: wordpress, id: '1', at: {AT}}}"
    scheduled = "status: scheduled\npublish_at: 2025-03-04T16:17:00+07:00"
    text = GOOD.replace("status: published", scheduled).replace(SLUG, imported)
    assert _found(validator, text) == [
        ("a.md", 13, 1, "forbidden", "rule.forbidden",
         {"field": "", "extra": "published_at", "status": "scheduled"}),
    ]  # fmt: skip
