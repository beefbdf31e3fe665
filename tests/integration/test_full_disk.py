"""A full disk, for real: a newsroom on a tiny tmpfs, filled to a few KiB, then a transition.

Whatever the point at which the disk runs out (writing the article, git's objects, its index
or its ref), the command says the disk is full, exits 4, and leaves the article byte for byte
and HEAD where they were; with space freed, the same command then succeeds.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import STAFF_YAML, git, redaksi_bin

SIZE_KB = 1024


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    mount = tmp_path / "disk"
    mount.mkdir()
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={SIZE_KB}k", "tmpfs", str(mount)],
        capture_output=True,
        check=False,
    )
    if made.returncode != 0:
        pytest.skip("mounting a tmpfs needs root (CI runs as root)")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def _free_kb(path: Path) -> int:
    found = os.statvfs(path)
    return found.f_bavail * found.f_frsize // 1024


def _fill(disk: Path, leave_kb: int) -> Path:
    filler = disk / "filler"
    filler.unlink(missing_ok=True)
    with filler.open("wb") as out:
        out.write(b"\0" * max(0, (_free_kb(disk) - leave_kb) * 1024))
    return filler


def test_a_full_disk_during_a_transition_changes_nothing(small_disk: Path) -> None:
    root = small_disk / "kabar"
    root.mkdir()
    git(root, "init", "-q")
    git(root, "config", "user.name", "Ali Ya'lu")
    git(root, "config", "user.email", "ali@kabar.test")
    (root / "redaksi.yaml").write_text(STAFF_YAML)
    git(root, "add", "-A")
    git(root, "commit", "-qm", "newsroom")
    run = [redaksi_bin()]
    made = subprocess.run(
        [
            *run,
            "draft",
            "--no-input",
            "--body",
            "Isi berita. (*)",
            "--title",
            "Banjir",
            "--category",
            "Hukum",
        ],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    )
    article = root / made.stdout.strip()
    original, commit = article.read_bytes(), git(root, "rev-parse", "HEAD").strip()
    failures, succeeded = 0, False
    for leave in range(4, 64, 4):
        filler = _fill(small_disk, leave)
        done = subprocess.run([*run, "submit", "banjir"], cwd=root, capture_output=True, text=True)
        filler.unlink()
        if done.returncode == 0:
            succeeded = True
            break
        failures += 1
        assert done.returncode == 4, done.stderr
        assert "disk is full" in done.stderr and "unexpected" not in done.stderr
        assert article.read_bytes() == original, f"changed with {leave} KiB free"
        assert git(root, "rev-parse", "HEAD").strip() == commit
        assert not (root / ".git" / "redaksi-journal.json").exists()
    assert failures >= 2  # the disk ran out at more than one point
    assert succeeded and "status: review" in article.read_text()
