"""Every command reads a file the same way: merge keys and Unicode line separators (issue 10.8)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import git, head, snapshot

GOOD = """\
---
id: 0f9c7a52-5f1e-4c51-9a53-8e2b61c0d2a4
title: Bupati Larang OPD
slug: bupati-larang-opd
status: draft
category: Hukum
reporter: {name: Ali Ya'lu, email: ali@kabar.test}
created_at: 2025-03-04T09:12:00+07:00
---
Probolinggo,- Bupati melarang OPD menangani masalah sendiri-sendiri. (*)
"""
REL = "articles/2025/03/bupati-larang-opd.md"


def put(root: Path, text: str) -> None:
    path = root / REL
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))
    git(root, "add", "-A")
    git(root, "commit", "-qm", "by hand")


def one_problem(cli, root: Path) -> dict[str, object]:
    result = cli(root, "validate", "--format", "json")
    assert result.code == 1
    [error] = json.loads(result.out)["errors"]
    return error


@pytest.mark.parametrize(
    ("front", "line", "column"),
    [
        ("<<: {dateline: Probolinggo}\n", 9, 1),
        ("x-a: 1\n<<:\n  dateline: Probolinggo\n", 10, 1),
        ("x-a: {<<: {b: c}}\n", 9, 7),
    ],
)
def test_a_merge_key_is_one_problem_with_its_position_everywhere(
    newsroom: Path, cli, front: str, line: int, column: int
) -> None:
    put(newsroom, GOOD.replace("---\nProbolinggo", front + "---\nProbolinggo"))
    before, commit = snapshot(newsroom), head(newsroom)
    error = one_problem(cli, newsroom)
    assert (error["line"], error["column"]) == (line, column)
    assert "merge keys (<<)" in error["message"]
    for command in (["submit", "bupati-larang-opd", "--no-input"], ["show", "bupati-larang-opd"]):
        result = cli(newsroom, *command)
        assert result.code == 3, result.err  # as for anchors: the file cannot be read as an article
        assert result.err == f"redaksi: {REL}:{line}:{column}: " + error["message"] + "\n"
    assert snapshot(newsroom) == before and head(newsroom) == commit


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85"])
def test_a_unicode_line_separator_means_the_same_to_every_command(
    newsroom: Path, cli, separator: str
) -> None:
    # libyaml reads two keys here (status: draft, and a note), ruamel a syntax error
    put(newsroom, GOOD.replace("status: draft\n", f"status: draft{separator}x-note: lain\n"))
    error = one_problem(cli, newsroom)
    assert (error["line"], error["column"]) == (5, 14)
    assert f"U+{ord(separator):04X}" in str(error["message"])
    listed = json.loads(cli(newsroom, "list", "--status", "all", "--format", "json").out)
    assert listed["articles"] == []  # no reader calls it a draft
    result = cli(newsroom, "submit", "bupati-larang-opd", "--no-input")
    assert result.code == 3 and f"{REL}:5:14:" in result.err


def test_a_fence_after_a_line_separator_is_no_fence(newsroom: Path, cli) -> None:
    # str.splitlines would end the front matter after U+2028; git, YAML and editors do not
    text = GOOD.replace("title: Bupati Larang OPD\n", "title: Bupati\u2028---\n")
    put(newsroom, text)
    error = one_problem(cli, newsroom)
    assert (error["line"], error["column"], error["rule"]) == (3, 14, "format")


VERIFY_CASES = [
    GOOD.replace("---\nProbolinggo", "<<: {dateline: Probolinggo}\n---\nProbolinggo"),
    GOOD.replace("---\nProbolinggo", "x-a: {<<: {b: c}}\n---\nProbolinggo"),
    GOOD.replace("status: draft\n", "status: draft\u2028x-note: lain\n"),
    GOOD.replace("status: draft\n", "status: draft\u2029x-note: lain\n"),
    GOOD.replace("status: draft\n", "status: draft\x85x-note: lain\n"),
    GOOD.replace("title: Bupati Larang OPD\n", "title: Bupati\u2028---\n"),
]


@pytest.mark.parametrize(
    "text", VERIFY_CASES, ids=["merge", "nested-merge", "2028", "2029", "85", "fence"]
)
def test_verify_reads_a_pull_requests_file_as_validate_does(newsroom: Path, cli, text: str) -> None:
    # issue 10.8: verify read such a file as an article in state None; it must find the file
    # unreadable, as validate does (and submit/show refuse it), not judge a state no reader sees
    git(newsroom, "branch", "-M", "main")
    git(newsroom, "checkout", "-q", "-b", "pr")
    put(newsroom, text)
    error = one_problem(cli, newsroom)
    assert error["rule"] == "format"
    result = cli(newsroom, "verify", "--base", "main", "--format", "json")
    assert result.code == 1, result.err
    report = json.loads(result.out)
    assert [(e["file"], e["rule"]) for e in report["errors"]] == [(REL, "verify-unreadable")]
    assert "run 'redaksi validate' on it" in report["errors"][0]["message"]
    assert report["transitions"] == 0


def test_verify_reads_the_same_file_without_the_trap_as_a_draft(newsroom: Path, cli) -> None:
    # the control: the same hand-added file, readable, is read (status 'draft' on line 5)
    git(newsroom, "branch", "-M", "main")
    git(newsroom, "checkout", "-q", "-b", "pr")
    put(newsroom, GOOD)
    assert cli(newsroom, "validate").code == 0
    result = cli(newsroom, "verify", "--base", "main", "--format", "json")
    assert result.code == 1, result.err
    [error] = json.loads(result.out)["errors"]
    assert (error["file"], error["line"], error["rule"]) == (REL, 5, "verify-added-not-draft")
