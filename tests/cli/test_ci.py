"""CI wiring: validate --changed-since, and the pre-commit hook with real pre-commit."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import drafted, git, redaksi_bin

PROJECT = Path(__file__).resolve().parents[2]


def _two_articles(cli, root: Path) -> tuple[str, str]:
    one = drafted(cli, root, "Satu")
    two = drafted(cli, root, "Dua")
    return one, two


def test_changed_since_checks_only_what_changed(newsroom: Path, cli) -> None:
    one, two = _two_articles(cli, newsroom)
    git(newsroom, "branch", "-M", "main")
    git(newsroom, "checkout", "-q", "-b", "pr")
    (newsroom / one).write_text(
        (newsroom / one).read_text().replace("status: draft", "status: drafted")
    )
    git(newsroom, "commit", "-qam", "break one")
    report = json.loads(
        cli(newsroom, "validate", "--changed-since", "main", "--format", "json").out
    )
    assert report["checked"] == 1 and [e["file"] for e in report["errors"]] == [one]
    (newsroom / two).write_text((newsroom / two).read_text() + "uncommitted edit\n")
    report = json.loads(
        cli(newsroom, "validate", "--changed-since", "main", "--format", "json").out
    )
    assert report["checked"] == 2
    git(newsroom, "checkout", "-q", "--", ".")
    git(newsroom, "reset", "-q", "--hard", "main")
    result = cli(newsroom, "validate", "--changed-since", "main", "--format", "json")
    assert result.code == 0 and json.loads(result.out)["checked"] == 0


def test_changed_since_still_catches_an_id_copied_from_an_unchanged_article(
    newsroom: Path, cli
) -> None:
    one, _ = _two_articles(cli, newsroom)
    git(newsroom, "branch", "-M", "main")
    copy = newsroom / one.replace("satu", "tiga")
    copy.write_text((newsroom / one).read_text().replace("slug: satu", "slug: tiga"))
    result = cli(newsroom, "validate", "--changed-since", "main", "--format", "json")
    assert [e["rule"] for e in json.loads(result.out)["errors"]] == ["unique-id"]


def test_changed_since_an_unknown_ref(newsroom: Path, cli) -> None:
    assert cli(newsroom, "validate", "--changed-since", "origin/nope").code == 4


def _pre_commit() -> str:
    """pre-commit is a dev dependency (``.[dev]``): missing, the test fails, it never skips."""
    found = shutil.which("pre-commit", path=str(Path(sys.executable).parent))
    if found is None:
        pytest.fail("pre-commit is not installed: install the project with '.[dev]'")
    return found


def install_hook(root: Path) -> dict[str, str]:
    """The project's shipped hook, installed by real pre-commit in ``root``; the environment to
    commit with (its own PRE_COMMIT_HOME)."""
    import io
    import os

    from ruamel.yaml import YAML

    [shipped] = YAML(typ="safe").load((PROJECT / ".pre-commit-hooks.yaml").read_text())
    # the same hook as a local one: 'language: python' would fetch redaksi from a registry
    local = {**shipped, "language": "system", "entry": f"{redaksi_bin()} validate"}
    config = {"repos": [{"repo": "local", "hooks": [local]}]}
    out = io.StringIO()
    YAML(typ="safe").dump(config, out)
    (root / ".pre-commit-config.yaml").write_text(out.getvalue())
    git(root, "add", ".pre-commit-config.yaml")
    git(root, "commit", "-qm", "hooks")
    env = {**os.environ, "PRE_COMMIT_HOME": str(root.parent / "pre-commit-cache")}
    subprocess.run([_pre_commit(), "install"], cwd=root, check=True, capture_output=True, env=env)
    assert (root / ".git" / "hooks" / "pre-commit").exists()
    return env


def test_the_shipped_hook_runs_in_real_pre_commit(newsroom: Path, cli) -> None:
    env = install_hook(newsroom)
    rel = drafted(cli, newsroom, "Lolos")
    assert rel  # the draft's own commit went through the hook
    bad = newsroom / "articles" / "2025" / "03" / "rusak.md"
    bad.parent.mkdir(parents=True)
    bad.write_text("---\nslug: rusak\nstatus: terbit\n---\n")
    git(newsroom, "add", str(bad))
    result = subprocess.run(
        ["git", "commit", "-m", "by hand"], cwd=newsroom, capture_output=True, text=True, env=env
    )
    assert result.returncode != 0
    assert (
        "articles/2025/03/rusak.md:3:9: status: 'terbit' is not allowed"
        in result.stdout + result.stderr
    )
    assert git(newsroom, "log", "-1", "--format=%s").strip() == "draft: Lolos"
