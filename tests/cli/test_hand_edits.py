"""A hand edit to a story on the record is caught before the commit, with a way back (issue 13.7)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.test_transitions import MS, act_as
from tests.cli.test_verify import edit, published, rules
from tests.conftest import git

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
    rel = cli(newsroom, "draft", "--no-input", "--title", "Draf", "--category", "Hukum").out.strip()
    (newsroom / rel).write_text((newsroom / rel).read_text() + "Tambahan.\n")
    assert cli(newsroom, "validate").code == 0
