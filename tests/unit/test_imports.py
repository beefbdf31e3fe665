"""verify's rule for an import commit: honest imports pass, every forgery is named."""

from __future__ import annotations

import copy
from datetime import datetime
from typing import Any

import pytest

from redaksi.core.imports import check_import

WHEN = datetime.fromisoformat("2025-03-04T09:00:00+07:00")
PUBLISHER = "keyra@kabar.test"
CONFIG = {"newsroom": "Kabar", "timezone": "Asia/Jakarta", "categories": ["Ekonomi", "Hukum"]}


def imported(**changes: Any) -> dict[str, Any]:
    front: dict[str, Any] = {
        "id": "0f9c7a52-5f1e-4c51-9a53-8e2b61c0d2a4",
        "title": "Bupati",
        "slug": "bupati",
        "status": "published",
        "category": "Ekonomi",
        "reporter": {"name": "Ali", "email": "ali@kabar.test"},
        "created_at": "2025-03-03T16:17:00+07:00",
        "published_at": "2025-03-03T16:17:00+07:00",
        "imported": {
            "from": "wordpress",
            "site": "https://k.test",
            "id": "1",
            "at": "2025-03-04T09:00:00+07:00",
        },
        "history": [
            {
                "action": "import",
                "to": "published",
                "by": PUBLISHER,
                "at": "2025-03-04T09:00:00+07:00",
            }
        ],
    }
    front.update(changes)
    return {k: v for k, v in front.items() if v is not None}


def rules(
    *,
    roles: frozenset[str] | None = frozenset({"publisher"}),
    added: list[tuple[str, Any]] | None = None,
    other: list[str] | None = None,
    before: dict[str, Any] | None = CONFIG,
    after: dict[str, Any] | None = CONFIG,
) -> list[str]:
    found = check_import(
        PUBLISHER,
        roles,
        WHEN,
        added if added is not None else [("articles/2025/03/bupati.md", imported())],
        other or [],
        before,
        after,
    )
    return sorted(f.rule for f in found)


def test_an_honest_import_passes() -> None:
    appended = {**CONFIG, "categories": ["Ekonomi", "Hukum", "Olahraga"]}
    draft = imported(status="draft", published_at=None)
    draft["history"] = [{**draft["history"][0], "to": "draft"}]
    added = [("articles/2025/03/bupati.md", imported()), ("articles/2025/03/draf.md", draft)]
    assert rules(added=added, other=["redaksi.yaml"], after=appended) == []


def test_not_staff_or_not_a_publisher() -> None:
    assert rules(roles=None) == ["not-staff"]
    assert rules(roles=frozenset({"editor", "reporter"})) == ["role"]


def test_touching_anything_else_is_found() -> None:
    assert rules(other=["articles/2025/03/lama.md"]) == ["import-extra"]
    assert rules(other=["schemas/article.schema.json"]) == ["import-extra"]
    assert rules(added=[("media/x.md", imported())]) == ["import-extra"]
    assert rules(added=[("articles/2025/03/rusak.md", None)]) == ["import-extra"]


def test_an_article_without_imported_is_not_an_import() -> None:
    assert rules(added=[("articles/2025/03/x.md", imported(imported=None))]) == [
        "import-not-imported"
    ]


@pytest.mark.parametrize("status", ["retracted", "edit"])
def test_states_an_import_cannot_bring(status: str) -> None:
    front = imported(status=status)
    front["history"] = [{**front["history"][0], "to": status}]
    assert rules(added=[("articles/2025/03/x.md", front)]) == ["import-status"]


@pytest.mark.parametrize(
    "history",
    [
        [],
        [{"action": "import", "to": "published", "by": PUBLISHER, "at": "x"}] * 2,
        [{"action": "publish", "to": "published", "by": PUBLISHER, "at": "x"}],
        [{"action": "import", "to": "draft", "by": PUBLISHER, "at": "x"}],
        [{"action": "import", "to": "published", "by": "ali@kabar.test", "at": "x"}],
    ],
)
def test_history_must_be_one_import_entry_by_the_author(history: list[dict[str, str]]) -> None:
    assert rules(added=[("articles/2025/03/x.md", imported(history=history))]) == ["history"]


@pytest.mark.parametrize("at", ["2025-03-04T09:00:00+07:00", "2025-12-01T00:00:00Z", "kemarin"])
def test_published_at_must_come_before_the_commit(at: str) -> None:
    assert rules(added=[("articles/2025/03/x.md", imported(published_at=at))]) == ["import-future"]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("retraction", {"at": "x", "ground": "anak", "reason": "y"}),
        ("corrections", [{"at": "x", "type": "ralat", "note": "y"}]),
        ("embargo_until", "2025-03-05T00:00:00+07:00"),
    ],
)
def test_records_only_redaksi_makes_cannot_arrive_by_import(field: str, value: Any) -> None:
    assert rules(added=[("articles/2025/03/x.md", imported(**{field: value}))]) == ["import-record"]


@pytest.mark.parametrize(
    "after",
    [
        {**CONFIG, "categories": ["Ekonomi"]},
        {**CONFIG, "categories": ["Hukum", "Ekonomi", "Olahraga"]},
        {**CONFIG, "categories": ["Olahraga", "Ekonomi", "Hukum"]},
        {**CONFIG, "timezone": "Asia/Makassar"},
        {**CONFIG, "staff": [{"name": "Eve", "email": "eve@x.test", "roles": ["publisher"]}]},
        None,
    ],
)
def test_the_config_may_only_gain_categories_at_the_end(after: dict[str, Any] | None) -> None:
    assert rules(other=["redaksi.yaml"], after=copy.deepcopy(after)) == ["import-config"]


KEYRA = {"name": "Keyra", "email": PUBLISHER}


def scheduled(**changes: Any) -> dict[str, Any]:
    front = imported(status="scheduled", published_at=None, publish_at="2025-03-10T09:00:00+07:00")
    front["history"] = [{**front["history"][0], "to": "scheduled"}]
    return {**front, **changes}


def test_a_scheduled_import_names_the_importing_publisher() -> None:
    assert rules(added=[("articles/2025/03/x.md", scheduled(publisher=KEYRA))]) == []


@pytest.mark.parametrize(
    "front",
    [
        imported(publisher=KEYRA),
        imported(editor=KEYRA),
        scheduled(publisher={"name": "Eve", "email": "eve@x.test"}),
    ],
)
def test_nobody_else_is_credited_by_an_import(front: dict[str, Any]) -> None:
    assert rules(added=[("articles/2025/03/x.md", front)]) == ["credit"]


def findings(**kwargs: Any) -> list[tuple[str, str, dict[str, Any]]]:
    """Every finding of one import commit, in order: rule, catalogue key and parameters."""
    arguments: dict[str, Any] = {
        "roles": frozenset({"publisher"}),
        "added": [("articles/2025/03/bupati.md", imported())],
        "other": [],
        "before": CONFIG,
        "after": CONFIG,
        **kwargs,
    }
    found = check_import(
        PUBLISHER,
        arguments["roles"],
        WHEN,
        arguments["added"],
        arguments["other"],
        arguments["before"],
        arguments["after"],
    )
    return [(f.rule, f.key, dict(f.params)) for f in found]


def test_every_finding_of_an_import_names_its_key_and_parameters() -> None:
    path = "articles/2025/03/x.md"
    bad = imported(
        status="edit",
        published_at="2025-12-01T00:00:00+07:00",
        editor=KEYRA,
        publisher=KEYRA,
        updated_at="2025-03-04T08:00:00+07:00",
        embargo_until="2025-03-05T00:00:00+07:00",
    )
    grown = {**CONFIG, "timezone": "Asia/Makassar"}
    assert findings(
        roles=frozenset({"editor"}),
        other=["redaksi.yaml", "schemas/article.schema.json"],
        after=grown,
        added=[(path, bad), ("media/x.md", imported()), (path, imported(imported={"from": "wp"}))],
    ) == [
        ("role", "verify.role", {"action": "import", "role_msg": "role.publisher"}),
        ("import-config", "import.verify_config", {}),
        ("import-extra", "import.verify_extra", {"path": "schemas/article.schema.json"}),
        ("import-status", "import.verify_status", {"path": path, "status": "edit"}),
        ("history", "import.verify_history", {"path": path}),
        (
            "import-future",
            "import.verify_future",
            {"path": path, "at": "2025-12-01T00:00:00+07:00"},
        ),
        ("credit", "import.verify_credit", {"path": path, "field": "editor"}),
        ("credit", "import.verify_credit", {"path": path, "field": "publisher"}),
        ("import-record", "import.verify_record", {"path": path, "field": "embargo_until"}),
        ("import-record", "import.verify_record", {"path": path, "field": "updated_at"}),
        ("import-extra", "import.verify_extra", {"path": "media/x.md"}),
        ("import-not-imported", "import.verify_not_imported", {"path": path}),
    ]
    assert findings(roles=None) == [("not-staff", "verify.not_staff", {})]
    assert findings(other=["redaksi.yaml"], after=None) == [
        ("import-config", "import.verify_config", {})
    ]


def test_with_four_eyes_a_publisher_cannot_import_her_own_story_as_published() -> None:
    own = imported(reporter={"name": "Keyra", "email": "KEYRA@kabar.test"})
    path = "articles/2025/03/bupati.md"
    honest = check_import(PUBLISHER, frozenset({"publisher"}), WHEN, [(path, imported())], [],
                          CONFIG, CONFIG, four_eyes=True)  # fmt: skip
    assert honest == []  # someone else's story from the old site
    alone = check_import(PUBLISHER, frozenset({"publisher"}), WHEN, [(path, own)], [],
                         CONFIG, CONFIG, four_eyes=True)  # fmt: skip
    assert [(f.rule, f.key, dict(f.params)) for f in alone] == [
        ("four-eyes", "verify.four_eyes", {"action": "import"})
    ]
    assert rules(added=[(path, own)]) == []  # a newsroom of one turned four-eyes off
    draft = imported(status="draft", published_at=None, reporter=own["reporter"])
    draft["history"] = [{**draft["history"][0], "to": "draft"}]
    assert check_import(PUBLISHER, frozenset({"publisher"}), WHEN, [(path, draft)], [],
                        CONFIG, CONFIG, four_eyes=True) == []  # fmt: skip


@pytest.mark.parametrize(
    ("at", "found"),
    [
        ("2025-03-03T16:17:00Z", []),  # UTC, before the commit
        ("2025-03-03t16:17:00z", []),  # RFC 3339 lets both letters be lower case
        (" 2025-03-03T16:17:00+07:00 ", []),
        ("2025-03-03T16:17:00", ["import-future"]),  # no offset: no instant to compare
    ],
)
def test_published_at_is_read_as_rfc3339(at: str, found: list[str]) -> None:
    assert rules(added=[("articles/2025/03/x.md", imported(published_at=at))]) == found


@pytest.mark.parametrize("status", ["scheduled", "retracted"])
def test_with_four_eyes_her_own_story_is_out_whether_scheduled_or_retracted(status: str) -> None:
    own = imported(status=status, reporter={"name": "Keyra", "email": PUBLISHER})
    found = check_import(PUBLISHER, frozenset({"publisher"}), WHEN, [("articles/a.md", own)], [],
                         CONFIG, CONFIG, four_eyes=True)  # fmt: skip
    assert ("four-eyes", "verify.four_eyes", {"action": "import"}) in [
        (f.rule, f.key, dict(f.params)) for f in found
    ]


def test_with_four_eyes_a_reporter_that_is_no_mapping_credits_nobody() -> None:
    odd = imported(reporter=f"Keyra <{PUBLISHER}>")
    found = check_import(PUBLISHER, frozenset({"publisher"}), WHEN, [("articles/a.md", odd)], [],
                         CONFIG, CONFIG, four_eyes=True)  # fmt: skip
    assert "four-eyes" not in [f.rule for f in found]


def test_the_config_may_be_rewritten_with_the_same_categories() -> None:
    assert rules(other=["redaksi.yaml"], after=copy.deepcopy(CONFIG)) == []
