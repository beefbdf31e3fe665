"""``redaksi init`` on real repositories."""

from __future__ import annotations

from pathlib import Path

from redaksi import schema
from tests.conftest import git, head, make_repo, snapshot, status


def test_init_makes_a_newsroom_in_one_commit(repo: Path, cli) -> None:
    result = cli(repo, "init", "--no-input", "--name", "Kabar Probolinggo", "--language", "en")
    assert result.code == 0, result.err
    assert "Kabar Probolinggo" in result.err
    files = git(repo, "show", "--name-only", "--format=", "HEAD").split()
    assert sorted(files) == [
        ".gitignore",
        "articles/.gitkeep",
        "redaksi.yaml",
        "schemas/article.schema.json",
        "schemas/newsroom.schema.json",
    ]
    assert (
        git(repo, "log", "--format=%an <%ae>|%s").strip()
        == "Ali Ya'lu <ali@kabar.test>|init: Kabar Probolinggo"
    )
    assert (repo / "schemas" / schema.ARTICLE).read_text() == schema.builtin_text(schema.ARTICLE)
    assert status(repo) == ""
    assert "_site/" in (repo / ".gitignore").read_text().splitlines()  # the built site stays out
    check = cli(repo, "validate")
    assert check.code == 0, check.out + check.err
    config = (repo / "redaksi.yaml").read_text()
    assert "language: en" in config and "timezone: Asia/Jakarta" in config
    assert "roles: [reporter, editor, publisher]" in config


def test_init_defaults_to_indonesian(repo: Path, cli) -> None:
    result = cli(repo, "init", "--no-input")
    assert result.code == 0
    assert "language: id" in (repo / "redaksi.yaml").read_text()
    assert "siap" in result.err
    assert f"newsroom: {repo.name}" in (repo / "redaksi.yaml").read_text()


def test_init_keeps_other_staged_work_staged(repo: Path, cli) -> None:
    (repo / "notes.txt").write_text("draft notes\n")
    git(repo, "add", "notes.txt")
    assert cli(repo, "init", "--no-input").code == 0
    assert status(repo) == "A  notes.txt\n"


def test_init_refuses_an_existing_newsroom(newsroom: Path, cli) -> None:
    before, commit = snapshot(newsroom), head(newsroom)
    result = cli(newsroom, "init", "--no-input")
    assert result.code == 3
    assert result.err.count("\n") == 1 and "already a newsroom" in result.err
    assert snapshot(newsroom) == before and head(newsroom) == commit


def test_init_outside_git(tmp_path: Path, cli) -> None:
    result = cli(tmp_path, "init", "--no-input")
    assert result.code == 4
    assert "git init" in result.err


def test_init_without_a_git_identity_changes_nothing(tmp_path: Path, cli) -> None:
    repo = tmp_path / "anon"
    repo.mkdir()
    git(repo, "init", "-q")
    result = cli(repo, "init", "--no-input")
    assert result.code == 4
    assert "git config user.email" in result.err
    assert snapshot(repo) == {}


def test_init_rejects_a_bad_timezone_and_language(repo: Path, cli) -> None:
    assert cli(repo, "init", "--no-input", "--timezone", "Asia/Probolinggo").code == 2
    assert cli(repo, "init", "--no-input", "--language", "jv").code == 2
    assert snapshot(repo) == {}


def test_init_from_a_subfolder_uses_the_repository_root(repo: Path, cli) -> None:
    (repo / "sub").mkdir()
    assert cli(repo / "sub", "init", "--no-input").code == 0
    assert (repo / "redaksi.yaml").exists()


def test_a_failing_hook_leaves_nothing_behind(repo: Path, cli) -> None:
    hook = repo / ".git" / "hooks" / "pre-commit"
    hook.write_text("#!/bin/sh\necho 'policy: no commits today' >&2\nexit 1\n")
    hook.chmod(0o755)
    result = cli(repo, "init", "--no-input")
    assert result.code == 4
    assert "policy: no commits today" in result.err
    assert snapshot(repo) == {}
    assert status(repo) == ""


def test_init_in_a_repository_with_history(tmp_path: Path, cli) -> None:
    repo = make_repo(tmp_path / "old")
    (repo / "README").write_text("hi\n")
    git(repo, "add", "README")
    git(repo, "commit", "-qm", "first")
    assert cli(repo, "init", "--no-input").code == 0
    assert git(repo, "rev-list", "--count", "HEAD").strip() == "2"
