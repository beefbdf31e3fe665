"""``redaksi verify``: behaviours the mutation run found untested (issue 18, bench/mutation.py).

Each test is written against what verify must say, not against the line a mutant changed.
"""

from __future__ import annotations

from pathlib import Path

from tests.cli.test_transitions import ALI
from tests.cli.test_verify import commit_as, rules
from tests.conftest import git


def _pr(root: Path) -> None:
    git(root, "branch", "-M", "main")
    git(root, "checkout", "-q", "-b", "pr")


def test_only_an_empty_gitkeep_may_sit_among_the_articles(newsroom: Path, cli) -> None:
    _pr(newsroom)
    keep = newsroom / "articles" / "2025" / ".gitkeep"
    keep.parent.mkdir(parents=True)
    keep.write_text("")
    commit_as(newsroom, ALI, "keep the folder")
    assert rules(cli, newsroom) == []
    keep.write_text("status: published\n")  # a .gitkeep is no place to hide text
    commit_as(newsroom, ALI, "notes")
    assert rules(cli, newsroom) == ["verify-not-article"]
    git(newsroom, "reset", "-q", "--hard", "main")
    (newsroom / "articles" / "kosong.txt").write_text("")  # empty, but not a .gitkeep
    commit_as(newsroom, ALI, "placeholder")
    assert rules(cli, newsroom) == ["verify-not-article"]
