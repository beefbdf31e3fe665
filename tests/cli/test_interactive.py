"""A reporter at a real terminal: ``redaksi draft`` asks, in a pty, and the answers land."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from redaksi.core import article
from tests.conftest import git, redaksi_bin

pexpect = pytest.importorskip("pexpect")

DOWN = "\x1b[B"


def spawn(cwd: Path, *args: str):
    env = {
        **os.environ,
        "PROMPT_TOOLKIT_NO_CPR": "1",
        "TERM": "xterm",
        "COLUMNS": "100",
        "LINES": "30",
    }
    return pexpect.spawn(
        redaksi_bin(),
        list(args),
        cwd=str(cwd),
        env=env,
        encoding="utf-8",
        timeout=20,
        dimensions=(30, 100),
    )


def test_draft_asks_for_what_is_missing(newsroom: Path) -> None:
    child = spawn(newsroom, "draft")
    child.expect("Title")
    child.send("Banjir Bandang di Lumajang, Warga Mengungsi\r")
    child.expect("Category")
    child.send(DOWN)  # Pemerintahan -> Ekonomi
    child.send("\r")
    child.expect("Tags")
    child.send("Lumajang, Banjir ,\r")
    child.expect("Dateline")
    child.send("Lumajang\r")
    child.expect("Slug")
    child.expect("banjir-bandang-di-lumajang-warga-mengungsi")  # suggested from the title
    child.send("\r")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
    [path] = list((newsroom / "articles").rglob("*.md"))
    _, data = article.parse(path.read_text())
    assert (data["title"], data["category"], list(data["tags"]), data["dateline"]) == (
        "Banjir Bandang di Lumajang, Warga Mengungsi",
        "Ekonomi",
        ["Lumajang", "Banjir"],
        "Lumajang",
    )
    assert path.name == "banjir-bandang-di-lumajang-warga-mengungsi.md"
    assert (
        git(newsroom, "log", "-1", "--format=%s").strip()
        == "draft: Banjir Bandang di Lumajang, Warga Mengungsi"
    )


def test_a_taken_slug_is_refused_at_the_prompt_and_another_accepted(newsroom: Path) -> None:
    first = spawn(
        newsroom,
        "draft",
        "--title",
        "Pasar Baru",
        "--category",
        "Ekonomi",
        "--no-input",
        "--body",
        "Isi. (*)",
    )
    first.expect(pexpect.EOF)
    first.close()
    assert first.exitstatus == 0
    child = spawn(
        newsroom,
        "draft",
        "--title",
        "Pasar Baru",
        "--category",
        "Ekonomi",
        "--tag",
        "x",
        "--dateline",
        "Probolinggo",
    )
    child.expect("Slug")
    child.send("\r")
    child.expect("already used")
    child.send("-kedua\r")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert sorted(p.name for p in (newsroom / "articles").rglob("*.md")) == [
        "pasar-baru-kedua.md",
        "pasar-baru.md",
    ]


def test_ctrl_c_at_a_prompt_writes_nothing(newsroom: Path) -> None:
    child = spawn(newsroom, "draft")
    child.expect("Title")
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 2
    assert "nothing was written" in child.before
    assert not list((newsroom / "articles").rglob("*.md"))


def _many_articles(root: Path, count: int) -> None:
    folder = root / "articles" / "2025" / "03"
    folder.mkdir(parents=True)
    for n in range(count):
        (folder / f"berita-{n}.md").write_text(
            f"---\nid: 00000000-0000-4000-8000-{n:012d}\ntitle: Berita {n}\nslug: berita-{n}\nstatus: draft\n"
            "category: Ekonomi\nreporter: {name: Ali, email: ali@kabar.test}\ncreated_at: 2025-03-04T09:12:00+07:00\n---\n(*)\n"
        )


def test_validate_shows_progress_on_a_terminal_only(newsroom: Path) -> None:
    import subprocess

    _many_articles(newsroom, 250)
    child = spawn(newsroom, "validate")
    child.expect("Checking articles")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    piped = subprocess.run(
        [redaksi_bin(), "validate"], cwd=newsroom, capture_output=True, text=True, check=False
    )
    assert piped.returncode == 0
    assert "Checking" not in piped.stderr and "250 file(s) checked" in piped.stderr
    env_ci = pexpect.spawn(
        redaksi_bin(),
        ["validate"],
        cwd=str(newsroom),
        env={**os.environ, "CI": "true"},
        encoding="utf-8",
    )
    env_ci.expect(pexpect.EOF)
    assert "Checking" not in env_ci.before


def test_list_draws_a_table_on_a_terminal(newsroom: Path) -> None:
    first = spawn(
        newsroom,
        "draft",
        "--title",
        "Pasar Baru",
        "--category",
        "Ekonomi",
        "--no-input",
        "--body",
        "Isi. (*)",
    )
    first.expect(pexpect.EOF)
    child = spawn(newsroom, "list")
    child.expect("SLUG")
    child.expect("pasar-baru")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_reject_asks_for_the_missing_note(newsroom: Path) -> None:
    first = spawn(
        newsroom,
        "draft",
        "--title",
        "Pasar Baru",
        "--category",
        "Ekonomi",
        "--no-input",
        "--body",
        "Isi. (*)",
    )
    first.expect(pexpect.EOF)
    submit = spawn(newsroom, "submit", "pasar-baru")
    submit.expect(pexpect.EOF)
    git(newsroom, "config", "user.email", "ms@kabar.test")
    child = spawn(newsroom, "reject", "pasar-baru")
    child.expect("Note")
    child.send("Tambahkan foto.\r")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert "Tambahkan foto." in git(newsroom, "log", "-1", "--format=%b")
