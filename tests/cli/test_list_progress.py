"""The first ``list`` on a large clone shows progress on a terminal, as validate does (13.11)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import git, redaksi_bin

pexpect = pytest.importorskip("pexpect")


def many_articles(root: Path, count: int) -> None:
    folder = root / "articles" / "2025" / "03"
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        (folder / f"berita-{n}.md").write_text(
            f"---\nid: 00000000-0000-4000-8000-{n:012d}\ntitle: Berita {n}\nslug: berita-{n}\n"
            "status: review\ncategory: Ekonomi\nreporter: {name: Ali, email: ali@kabar.test}\n"
            "created_at: 2025-03-04T09:12:00+07:00\n---\n(*)\n"
        )
    git(root, "add", "-A")
    git(root, "commit", "-qm", "many")


def test_a_cold_list_shows_progress_on_a_terminal_only(newsroom: Path) -> None:
    many_articles(newsroom, 250)
    env = {**os.environ, "TERM": "xterm", "COLUMNS": "120"}
    child = pexpect.spawn(
        redaksi_bin(), ["list"], cwd=str(newsroom), env=env, encoding="utf-8", timeout=30
    )
    child.expect("Reading articles")
    child.expect("berita-249")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    warm = pexpect.spawn(
        redaksi_bin(), ["list"], cwd=str(newsroom), env=env, encoding="utf-8", timeout=30
    )
    warm.expect(pexpect.EOF)
    assert "Reading articles" not in (warm.before or "")  # nothing to read: no bar
    shutil.rmtree(newsroom / ".git" / "redaksi")
    piped = subprocess.run(
        [redaksi_bin(), "list"], cwd=newsroom, capture_output=True, text=True, check=False
    )
    assert piped.returncode == 0 and "berita-249" in piped.stdout
    assert "Reading" not in piped.stderr
