"""Faults: killed processes, two redaksi at once, and the journal that repairs what a kill left."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from tests.conftest import git, head, redaksi_bin, snapshot, status


def spawn(cwd: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [redaksi_bin(), *args],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [redaksi_bin(), *args], cwd=cwd, capture_output=True, text=True, check=False
    )


def wait_for(path: Path, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while not path.exists():
        if time.monotonic() > deadline:
            raise AssertionError(f"{path} never appeared")
        time.sleep(0.02)


def hook(repo: Path, name: str, body: str) -> Path:
    marker = repo.parent / f"{name}.started"
    path = repo / ".git" / "hooks" / name
    path.write_text(f"#!/bin/sh\ntouch '{marker}'\n{body}\n")
    path.chmod(0o755)
    return marker


@pytest.fixture
def drafted(newsroom: Path) -> tuple[Path, Path]:
    result = run(
        newsroom,
        "draft",
        "--no-input",
        "--body",
        "Isi berita. (*)",
        "--title",
        "Banjir",
        "--category",
        "Hukum",
    )
    assert result.returncode == 0, result.stderr
    return newsroom, newsroom / result.stdout.strip()


def test_killed_between_write_and_commit_is_rolled_back_by_the_next_command(
    drafted: tuple[Path, Path],
) -> None:
    root, path = drafted
    before, commit = path.read_bytes(), head(root)
    marker = hook(root, "pre-commit", "sleep 60")
    proc = spawn(root, "submit", "banjir")
    wait_for(marker)  # the article is written; git commit is running its hook
    assert b"status: review" in path.read_bytes()  # fully after, in the working tree only
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    (root / ".git" / "hooks" / "pre-commit").unlink()
    result = run(root, "list", "--status", "all")
    assert "was written but never committed" in result.stderr
    assert path.read_bytes() == before and head(root) == commit
    (root / ".git" / "index.lock").unlink(missing_ok=True)  # git itself was killed mid-commit
    assert status(root) == ""
    assert run(root, "submit", "banjir").returncode == 0


def test_killed_after_the_commit_is_reported_complete(drafted: tuple[Path, Path]) -> None:
    root, path = drafted
    marker = hook(root, "post-commit", "sleep 60")
    proc = spawn(root, "submit", "banjir")
    wait_for(marker)  # the commit is made; the journal is not yet cleared
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    (root / ".git" / "hooks" / "post-commit").unlink()
    after = path.read_bytes()
    result = run(root, "show", "banjir")
    assert "had been committed; nothing to repair" in result.stderr
    assert path.read_bytes() == after and b"status: review" in after
    assert git(root, "log", "-1", "--format=%s").strip() == "submit: Banjir"


def test_a_hook_killed_while_it_sleeps_fails_the_step_cleanly(drafted: tuple[Path, Path]) -> None:
    root, _ = drafted
    pid_file = root.parent / "hook.pid"
    marker = hook(root, "pre-commit", f"echo $$ > '{pid_file}'\nexec sleep 60")
    before, commit = snapshot(root), head(root)
    proc = spawn(root, "submit", "banjir")
    wait_for(marker)
    wait_for(pid_file)
    os.kill(int(pid_file.read_text().strip()), signal.SIGKILL)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 4 and "hook" in err
    (root / ".git" / "hooks" / "pre-commit").unlink()
    assert snapshot(root) == before and head(root) == commit


def test_killed_draft_is_removed_and_unstaged(newsroom: Path) -> None:
    marker = hook(newsroom, "pre-commit", "sleep 60")
    before = snapshot(newsroom)
    proc = spawn(
        newsroom,
        "draft",
        "--no-input",
        "--body",
        "Isi berita. (*)",
        "--title",
        "Baru",
        "--category",
        "Hukum",
    )
    wait_for(marker)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    (newsroom / ".git" / "hooks" / "pre-commit").unlink()
    (newsroom / ".git" / "index.lock").unlink(missing_ok=True)
    result = run(newsroom, "list")
    assert "never committed" in result.stderr
    assert {k: v for k, v in snapshot(newsroom).items()} == before
    assert git(newsroom, "diff", "--cached", "--name-only") == ""


def test_the_next_command_names_a_stale_index_lock(drafted: tuple[Path, Path]) -> None:
    root, _ = drafted
    marker = hook(root, "pre-commit", "sleep 60")
    proc = spawn(root, "submit", "banjir")
    wait_for(marker)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    (root / ".git" / "index.lock").write_text("")  # as a killed git leaves it
    result = run(root, "list")
    assert "rm .git/index.lock" in result.stderr


def test_edits_made_after_a_kill_are_left_alone(drafted: tuple[Path, Path]) -> None:
    root, path = drafted
    marker = hook(root, "pre-commit", "sleep 60")
    proc = spawn(root, "submit", "banjir")
    wait_for(marker)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    path.write_bytes(path.read_bytes() + b"Ditulis setelahnya.\n")
    mine = path.read_bytes()
    result = run(root, "list")
    assert "left as it is" in result.stderr
    assert path.read_bytes() == mine


def test_two_redaksi_processes_in_one_clone_do_not_interleave(newsroom: Path) -> None:
    for title in ("Satu", "Dua"):
        assert (
            run(
                newsroom,
                "draft",
                "--no-input",
                "--body",
                "Isi berita. (*)",
                "--title",
                title,
                "--category",
                "Hukum",
            ).returncode
            == 0
        )
    marker = hook(newsroom, "pre-commit", "sleep 1")
    first = spawn(newsroom, "submit", "satu")
    wait_for(marker)
    second = spawn(newsroom, "submit", "dua")
    codes = [first.wait(timeout=60), second.wait(timeout=60)]
    assert codes == [0, 0]  # the second waited for the first
    log = git(newsroom, "log", "-2", "--name-only", "--format=%s").split()
    assert log[0] == "submit:" and len([x for x in log if x.endswith(".md")]) == 2
    assert status(newsroom) == ""


def test_a_second_redaksi_gives_up_after_waiting(
    newsroom: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from redaksi.errors import RepositoryError
    from redaksi.infra import guard

    with (
        guard.exclusive(newsroom),
        pytest.raises(RepositoryError) as caught,
        guard.exclusive(newsroom, wait=0.2),
    ):
        pass
    assert caught.value.key == "guard.busy"
