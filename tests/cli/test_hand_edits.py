"""A hand edit to a story on the record is caught before the commit, with a way back (issue 13.7)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from tests.cli.test_ci import install_hook
from tests.cli.test_transitions import KEYRA, MS, act_as
from tests.cli.test_verify import edit, published, rules
from tests.conftest import drafted, git

__all__ = ["published"]


def test_validate_catches_a_hand_edit_to_a_published_story_and_says_how_to_go_on(
    published, cli
) -> None:
    root, rel = published
    edit(root, rel, "Air setinggi lutut.", "Air setinggi pinggang.")
    for args in (["validate"], ["validate", rel]):  # whole, and as the pre-commit hook runs it
        result = cli(root, *args)
        assert result.code == 1
        assert "redaksi correct banjir-lumajang" in result.out, result.out
    git(root, "add", rel)  # staged, the working tree as the index: still caught
    report = json.loads(cli(root, "validate", "--format", "json").out)
    assert [e["rule"] for e in report["errors"]] == ["changed-on-record"]
    act_as(root, MS)  # the way back: the edit goes in as a public correction
    assert cli(root, "correct", "banjir-lumajang", "--note", "Ketinggian air diperbaiki.").code == 0
    assert cli(root, "validate").code == 0
    assert rules(cli, root) == []


def test_a_draft_may_be_edited_freely(newsroom: Path, cli) -> None:
    rel = drafted(cli, newsroom, "Draf", body=None)
    (newsroom / rel).write_text((newsroom / rel).read_text() + "Tambahan.\n")
    assert cli(newsroom, "validate").code == 0


def test_the_real_pre_commit_hook_stops_a_hand_edit_on_the_record(published, cli) -> None:
    root, rel = published
    env = install_hook(root)
    before = git(root, "rev-parse", "HEAD")
    edit(root, rel, "Air setinggi lutut.", "Air setinggi pinggang.")
    git(root, "add", rel)
    result = subprocess.run(
        ["git", "commit", "-m", "by hand"], cwd=root, capture_output=True, text=True, env=env
    )
    said = result.stdout + result.stderr
    assert result.returncode == 1, said
    assert "redaksi validate" in said and "Failed" in said  # pre-commit ran the shipped hook
    assert f"{rel}:1:1: this story is published, and changed since its last commit" in said
    assert "run 'redaksi correct banjir-lumajang --note \"what changed\"'" in said
    assert f"'git restore --staged --worktree {rel}'" in said
    assert git(root, "rev-parse", "HEAD") == before
    act_as(root, MS)  # the way back it names: the edit goes in as a public correction
    assert cli(root, "correct", "banjir-lumajang", "--note", "Ketinggian air diperbaiki.").code == 0
    assert "Air setinggi pinggang." in (root / rel).read_text()
    assert git(root, "log", "-1", "--format=%s").startswith("correct: ")
    act_as(root, KEYRA)  # every step on the record commits through the same hook
    retracted = cli(
        root, "retract", "banjir-lumajang", "--ground", "trauma", "--reason", "Keluarga."
    )
    assert retracted.code == 0, retracted.err
    assert rules(cli, root) == []
