"""``redaksi validate``: every rule, every format, and files that are not articles at all."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import git, snapshot

PROJECT = Path(__file__).resolve().parents[2]

GOOD = """\
---
id: 0f9c7a52-5f1e-4c51-9a53-8e2b61c0d2a4
title: Bupati Larang OPD Tangani Masalah Sendiri-sendiri
slug: bupati-larang-opd
status: draft
category: Pemerintahan
reporter: {name: Ali Ya'lu, email: ali@kabar.test}
created_at: 2025-03-04T09:12:00+07:00
---
Probolinggo,- ... (*)
"""


def put(root: Path, rel: str, data: str | bytes) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    return path


def test_the_projects_own_example_newsroom_validates(tmp_path: Path, cli) -> None:
    # On a clone: nothing is left in the project's .git, and no answer remembered there from
    # an earlier run (with other code) can stand in for this run's.
    copy = tmp_path / "example"
    git(tmp_path, "clone", "-q", str(PROJECT), str(copy))
    assert not (copy / ".git" / "redaksi").exists()
    articles = git(copy, "ls-files", "articles/*.md").split()
    result = cli(copy, "validate", "--format", "json")
    assert result.code == 0, result.out
    report = json.loads(result.out)
    assert report == {"errors": [], "checked": len(articles)} and len(articles) >= 3


def test_json_shape_and_positions(newsroom: Path, cli) -> None:
    put(
        newsroom,
        "articles/2025/03/bupati-larang-opd.md",
        GOOD.replace("status: draft", "status: publishd"),
    )
    result = cli(newsroom, "validate", "--format", "json")
    assert result.code == 1
    assert json.loads(result.out) == {
        "errors": [
            {
                "file": "articles/2025/03/bupati-larang-opd.md",
                "line": 5,
                "column": 9,
                "rule": "enum",
                "message": "status: 'publishd' is not allowed; use one of: draft, review, edit, scheduled, published, retracted",
            }
        ],
        "checked": 1,
    }


def test_text_and_github_formats(newsroom: Path, cli) -> None:
    put(
        newsroom,
        "articles/2025/03/bupati-larang-opd.md",
        GOOD.replace("ali@kabar.test", '"ali, kabar: 100%"'),
    )
    text = cli(newsroom, "validate")
    assert text.code == 1
    assert text.out.startswith(
        "articles/2025/03/bupati-larang-opd.md:7:36: reporter.email: 'ali, kabar: 100%'"
    )
    github = cli(newsroom, "validate", "--format", "github")
    assert github.code == 1
    assert github.out == (
        "::error file=articles/2025/03/bupati-larang-opd.md,line=7,col=36,title=redaksi format::"
        "reporter.email: 'ali, kabar: 100%25' is not an email address\n"
    )


@pytest.mark.parametrize(
    ("data", "line", "words"),
    [
        (b"", 1, "empty"),
        (b"---\ntitle: x\n", 1, "never closed"),
        (b"no fence\n", 1, "first line must be '---'"),
        (b"---\ntitle: \xff\xfe\n---\n", 2, "not UTF-8"),
        (b"---\ntitle: a: b\n---\n", 2, "YAML syntax error"),
        (b"---\ntitle: a\ntitle: b\n---\n", 3, "appears twice"),
        (b"---\na: &a [1]\nb: *a\n---\n", 2, "anchors and aliases"),
        (b"---\ntitle: !!python/object/apply:os.system [ls]\n---\n", 2, "tag"),
        (b"---\n" + b"a: " + b"[" * 3000 + b"]" * 3000 + b"\n---\n", 2, "nested"),
    ],
)
def test_files_that_are_not_articles_get_one_clear_line(
    newsroom: Path, cli, data: bytes, line: int, words: str
) -> None:
    put(newsroom, "articles/2025/03/x.md", data)
    before = snapshot(newsroom)
    result = cli(newsroom, "validate", "--format", "json")
    assert result.code == 1
    errors = json.loads(result.out)["errors"]
    assert len(errors) == 1, errors
    assert errors[0]["line"] == line and words in errors[0]["message"]
    assert "Traceback" not in result.err
    assert snapshot(newsroom) == before


def test_bom_crlf_and_unquoted_dates_validate(newsroom: Path, cli) -> None:
    put(
        newsroom,
        "articles/2025/03/bupati-larang-opd.md",
        ("\ufeff" + GOOD).replace("\n", "\r\n").encode(),
    )
    assert cli(newsroom, "validate").code == 0


def test_a_huge_file_is_refused_by_size(newsroom: Path, cli) -> None:
    put(newsroom, "articles/2025/03/big.md", GOOD + "x" * (2 * 1024 * 1024))
    result = cli(newsroom, "validate", "--format", "json")
    errors = json.loads(result.out)["errors"]
    assert result.code == 1 and "above the limit" in errors[0]["message"]


def test_cross_file_rules(newsroom: Path, cli) -> None:
    put(newsroom, "articles/2025/03/bupati-larang-opd.md", GOOD)
    put(newsroom, "articles/2025/04/bupati-larang-opd.md", GOOD)
    put(
        newsroom,
        "articles/2025/04/lain.md",
        GOOD.replace("0f9c7a52", "1f9c7a52").replace("Pemerintahan", "Gosip"),
    )
    result = cli(newsroom, "validate", "--format", "json")
    rules = [(e["file"].split("articles/")[1], e["rule"]) for e in json.loads(result.out)["errors"]]
    assert rules == [
        ("2025/03/bupati-larang-opd.md", "unique-id"),
        ("2025/03/bupati-larang-opd.md", "unique-slug"),
        ("2025/04/bupati-larang-opd.md", "unique-id"),
        ("2025/04/bupati-larang-opd.md", "unique-slug"),
        ("2025/04/lain.md", "path-slug"),
        ("2025/04/lain.md", "unique-slug"),
        ("2025/04/lain.md", "category"),
    ]


def test_named_paths_only_but_slugs_clash_with_the_rest(newsroom: Path, cli) -> None:
    put(newsroom, "articles/2025/03/bupati-larang-opd.md", GOOD)
    other = put(
        newsroom, "articles/2025/04/bupati-larang-opd.md", GOOD.replace("0f9c7a52", "1f9c7a52")
    )
    put(newsroom, "articles/2025/05/broken.md", "broken")
    result = cli(newsroom, "validate", "--format", "json", str(other))
    report = json.loads(result.out)
    assert report["checked"] == 1
    assert [e["rule"] for e in report["errors"]] == ["unique-slug"]
    put(
        newsroom,
        "articles/2025/06/lain.md",
        GOOD.replace("0f9c7a52", "2f9c7a52").replace("bupati-larang-opd", "lain"),
    )
    assert cli(newsroom, "validate", "articles/2025/06").code == 0
    assert cli(newsroom, "validate", "articles/nope.md").code == 2


def test_a_broken_config_and_schema_are_reported(newsroom: Path, cli) -> None:
    config = newsroom / "redaksi.yaml"
    config.write_text(
        config.read_text().replace(
            "timezone: Asia/Jakarta", "timezone: Asia/Probolinggo\nfour_eyes: maybe"
        )
    )
    put(newsroom, "schemas/article.schema.json", '{"type": "objekt"}')
    result = cli(newsroom, "validate", "--format", "json")
    errors = {(e["file"], e["line"], e["rule"]) for e in json.loads(result.out)["errors"]}
    assert errors == {
        ("redaksi.yaml", 2, "timezone"),
        ("redaksi.yaml", 3, "type"),
        ("schemas/article.schema.json", 1, "schema"),
    }
    put(newsroom, "schemas/article.schema.json", "{not json")
    result = cli(newsroom, "validate", "--format", "json")
    assert ("schemas/article.schema.json", 1, "schema") in {
        (e["file"], e["line"], e["rule"]) for e in json.loads(result.out)["errors"]
    }


def test_the_newsrooms_own_schema_applies(newsroom: Path, cli) -> None:
    shutil.copytree(PROJECT / "schemas", newsroom / "schemas")
    path = newsroom / "schemas" / "article.schema.json"
    schema = json.loads(path.read_text())
    schema["required"].append("dateline")
    path.write_text(json.dumps(schema))
    put(newsroom, "articles/2025/03/bupati-larang-opd.md", GOOD)
    result = cli(newsroom, "validate", "--format", "json")
    assert [e["message"] for e in json.loads(result.out)["errors"]] == [
        "'dateline' is missing; add it"
    ]


def test_a_symlink_out_of_the_newsroom_is_not_followed(newsroom: Path, tmp_path: Path, cli) -> None:
    secret = tmp_path / "secret.md"
    secret.write_text(GOOD)
    (newsroom / "articles" / "2025").mkdir()
    (newsroom / "articles" / "2025" / "leak.md").symlink_to(secret)
    result = cli(newsroom, "validate", "--format", "json")
    assert [e["rule"] for e in json.loads(result.out)["errors"]] == ["file"]
    assert "outside" in json.loads(result.out)["errors"][0]["message"]


def test_messages_speak_the_newsrooms_language(newsroom: Path, cli) -> None:
    config = newsroom / "redaksi.yaml"
    config.write_text(config.read_text().replace("language: en", "language: id"))
    put(
        newsroom,
        "articles/2025/03/bupati-larang-opd.md",
        GOOD.replace("status: draft", "status: terbit"),
    )
    result = cli(newsroom, "validate")
    assert "tidak diizinkan" in result.out and "masalah" in result.err


def test_validate_outside_a_newsroom(tmp_path: Path, cli) -> None:
    assert cli(tmp_path, "validate").code == 4
