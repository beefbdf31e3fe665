"""Shared fixtures: real git repositories in temporary folders, isolated from this machine."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

STAFF_YAML = """\
newsroom: Kabar Test
timezone: Asia/Jakarta
language: en
categories: [Pemerintahan, Ekonomi, Hukum]
staff:
  - {name: Ali Ya'lu, email: ali@kabar.test, roles: [reporter]}
  - {name: Mohammad S, email: ms@kabar.test, roles: [editor]}
  - {name: Keyra, email: keyra@kabar.test, roles: [publisher]}
"""


@pytest.fixture(autouse=True)
def isolated_git(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No global or system git config, no CI, fixed dates: the machine does not leak in."""
    home = tmp_path_factory.mktemp("home")
    (home / ".gitconfig").write_text("[init]\n\tdefaultBranch = main\n")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(home / ".gitconfig"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("GIT_COMMITTER_DATE", "2025-03-04T09:00:00+07:00")
    for name in (
        "CI",
        "REDAKSI_LANGUAGE",
        "LANG",
        "LC_ALL",
        "LC_MESSAGES",
        "NO_COLOR",
        "GITHUB_STEP_SUMMARY",
    ):
        monkeypatch.delenv(name, raising=False)


def git(cwd: Path, *args: str, check: bool = True) -> str:
    result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
    if check and result.returncode != 0:
        raise AssertionError(f"git {' '.join(args)} failed: {result.stderr}")
    return result.stdout


def make_repo(path: Path, email: str = "ali@kabar.test", name: str = "Ali Ya'lu") -> Path:
    path.mkdir(parents=True, exist_ok=True)
    git(path, "init", "-q")
    git(path, "config", "user.name", name)
    git(path, "config", "user.email", email)
    return path


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """An empty git repository whose user is the reporter Ali."""
    return make_repo(tmp_path / "repo")


@pytest.fixture
def newsroom(repo: Path) -> Path:
    """A committed newsroom with a reporter, an editor and a publisher (language: en)."""
    (repo / "redaksi.yaml").write_text(STAFF_YAML, encoding="utf-8")
    (repo / "articles").mkdir()
    (repo / "articles" / ".gitkeep").write_text("")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "newsroom")
    return repo


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Iterator[object]:
    """Run ``redaksi ARGS`` in-process, in a folder, exactly as the console script does."""
    from redaksi.cli.app import main

    def run(cwd: Path, *args: str) -> Result:
        monkeypatch.chdir(cwd)
        monkeypatch.setattr(sys, "argv", ["redaksi", *args])
        capsys.readouterr()
        code = 0
        try:
            main()
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 1)
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    yield run


def head(repo: Path) -> str:
    return git(repo, "rev-parse", "HEAD").strip()


def status(repo: Path) -> str:
    return git(repo, "status", "--porcelain", "--untracked-files=all")


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file in the working tree (outside .git) with its bytes."""
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and ".git" not in p.relative_to(root).parts
    }


def redaksi_bin() -> str:
    return str(Path(sys.executable).with_name("redaksi"))


os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")


STORY = "Isi berita. (*)"
"""A body that is written (submit refuses draft's template)."""


def drafted(
    cli: object, root: Path, title: str, *, category: str = "Hukum", body: str | None = STORY
) -> str:
    """``redaksi draft --no-input`` as the repository's user; the new article's path.

    ``body=None`` leaves draft's own template in place (a story not yet written).
    """
    args = ["draft", "--no-input", *(["--body", body] if body is not None else [])]
    result = cli(root, *args, "--title", title, "--category", category)  # type: ignore[operator]
    assert result.code == 0, result.err
    return str(result.out).strip()
