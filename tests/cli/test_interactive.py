"""People at real terminals (a pty, 80 and 120 columns, Indonesian and English): prompts, the
editor, tables, confirmations and Ctrl-C."""

from __future__ import annotations

import io
import os
import re
import sys
from pathlib import Path

import pytest

from redaksi.core import article
from tests.cli.test_help import ENGLISH
from tests.conftest import git, redaksi_bin

pexpect = pytest.importorskip("pexpect")

DOWN = "\x1b[B"
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
STORY = "Air setinggi dada merendam 300 rumah di Lumajang."


@pytest.fixture(scope="session")
def editor(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A scripted editor: writes STORY where the template's placeholder was."""
    script = tmp_path_factory.mktemp("editor") / "editor.py"
    script.write_text(
        "import sys, pathlib\n"
        "p = pathlib.Path(sys.argv[1])\n"
        "t = p.read_text()\n"
        f"for old in ('Write the story here.', 'Tulis berita di sini.'):\n"
        f"    t = t.replace(old, {STORY!r})\n"
        "p.write_text(t)\n"
    )
    return f"{sys.executable} {script}"


def spawn(cwd: Path, *args: str, columns: int = 100, editor: str = "false", **extra: str):
    env = {
        **os.environ,
        **extra,
        "PROMPT_TOOLKIT_NO_CPR": "1",
        "TERM": "xterm",
        "COLUMNS": str(columns),
        "LINES": "30",
        "VISUAL": editor,
    }
    return pexpect.spawn(
        redaksi_bin(),
        list(args),
        cwd=str(cwd),
        env=env,
        encoding="utf-8",
        timeout=20,
        dimensions=(30, columns),
    )


def finish(child) -> str:
    child.expect(pexpect.EOF)
    child.close()
    return ANSI.sub("", child.before)


def speak(root: Path, language: str) -> None:
    config = root / "redaksi.yaml"
    text = config.read_text()
    if f"language: {language}" not in text:
        config.write_text(re.sub(r"language: \w+", f"language: {language}", text))
        git(root, "commit", "-qam", f"language {language}")


def quick_draft(cli, root: Path, title: str, category: str = "Ekonomi") -> None:
    """Set-up needs no terminal: it runs in-process (spawning costs a whole interpreter)."""
    result = cli(
        root,
        "draft",
        "--title",
        title,
        "--category",
        category,
        "--no-input",
        "--body",
        f"{STORY} (*)",
    )
    assert result.code == 0, result.err


def step(cli, root: Path, email: str, *args: str) -> None:
    git(root, "config", "user.email", email)
    result = cli(root, *args)
    assert result.code == 0, result.err


def test_draft_asks_then_opens_the_editor(newsroom: Path, cli, editor: str) -> None:
    child = spawn(newsroom, "draft", editor=editor)
    child.expect("Title")
    child.send("\r")  # empty: asked again, never refused
    child.expect("cannot be empty")
    child.send("Banjir Bandang di Lumajang, Warga Mengungsi\r")
    child.expect("Category")
    child.expect(r"arrow keys to move")
    child.send(DOWN)  # Pemerintahan -> Ekonomi
    child.send("\r")
    child.expect("Tags")
    child.send("Lumajang, Banjir ,\r")
    child.expect("Dateline")
    child.send("Lumajang\r")
    child.expect("Slug")
    child.expect("banjir-bandang-di-lumajang-warga-mengungsi")  # suggested from the title
    child.send("\r")
    out = finish(child)
    assert child.exitstatus == 0, out
    assert "Use arrow keys" not in out
    assert "  redaksi submit banjir-bandang-di-lumajang-warga-mengungsi\r\n" in out  # unwrapped
    assert out.count("articles/") == 1  # the path once, not twice
    [path] = list((newsroom / "articles").rglob("*.md"))
    doc, data = article.parse(path.read_text())
    assert (data["title"], data["category"], list(data["tags"]), data["dateline"]) == (
        "Banjir Bandang di Lumajang, Warga Mengungsi",
        "Ekonomi",
        ["Lumajang", "Banjir"],
        "Lumajang",
    )
    assert doc.body == f"Lumajang,- {STORY} (*)\n"  # written in the editor, not yet committed
    assert git(newsroom, "status", "--porcelain").startswith(" M articles/")
    submit = spawn(newsroom, "submit", "banjir-bandang")  # a unique start of the slug
    out = finish(submit)
    assert submit.exitstatus == 0, out
    assert not re.search(r"\b[0-9a-f]{40}\b", out)  # a person reads the short id only


def test_a_taken_slug_is_refused_at_the_prompt_and_another_accepted(newsroom: Path, cli) -> None:
    quick_draft(cli, newsroom, "Pasar Baru")
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
        "--no-edit",
    )
    child.expect("Slug")
    child.send("\r")
    child.expect("already used")
    child.send("-kedua\r")
    finish(child)
    assert child.exitstatus == 0
    assert sorted(p.name for p in (newsroom / "articles").rglob("*.md")) == [
        "pasar-baru-kedua.md",
        "pasar-baru.md",
    ]


def test_ctrl_c_at_a_prompt_exits_130_in_the_newsrooms_language(newsroom: Path, cli) -> None:
    speak(newsroom, "id")
    child = spawn(newsroom, "draft")
    child.expect("Judul")
    child.sendcontrol("c")
    out = finish(child)
    assert child.exitstatus == 130
    assert "dihentikan; tidak ada yang berubah" in out and "Cancelled" not in out
    assert not list((newsroom / "articles").rglob("*.md"))


@pytest.mark.parametrize(("columns", "language"), [(80, "id"), (120, "en")])
def test_list_never_cuts_a_slug_and_marks_every_cut_title(
    newsroom: Path, cli, columns: int, language: str
) -> None:
    speak(newsroom, language)
    long_title = (
        "Sidang Korupsi Dana Desa Kecamatan Tiris Ditunda karena Terdakwa Sakit, "
        "Jaksa Minta Surat Dokter Nomor 3202"
    )
    quick_draft(cli, newsroom, long_title, "Hukum")
    slug = "sidang-korupsi-dana-desa-kecamatan-tiris-ditunda-karena-terdakwa-sakit-jaksa"
    child = spawn(newsroom, "list", columns=columns)
    out = finish(child)
    assert child.exitstatus == 0
    assert slug in out
    header = "KATEGORI" if language == "id" else "CATEGORY"
    assert header in out and "Hukum" in out
    assert all(len(line.rstrip()) <= columns for line in out.splitlines())
    assert "Sidang Korupsi Dana" in out and "Nomor 3202" not in out
    assert any("…" in line and "Sidang" in line for line in out.splitlines())  # cut, and says so


def test_list_in_a_pipe_cuts_nothing(newsroom: Path, cli) -> None:
    import subprocess

    title = "Sidang Korupsi Dana Desa Ditunda, Jaksa Minta Surat Dokter Nomor 3202 dari Rumah Sakit"
    quick_draft(cli, newsroom, title, "Hukum")
    piped = subprocess.run(
        [redaksi_bin(), "list"],
        cwd=newsroom,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "COLUMNS": "80"},
    )
    assert title in piped.stdout and "…" not in piped.stdout


def test_an_empty_desk_says_so(newsroom: Path, cli) -> None:
    child = spawn(newsroom, "list")
    out = finish(child)
    assert child.exitstatus == 0
    assert "nothing on the desk" in out and "SLUG" not in out


def test_reject_asks_again_for_an_empty_note_and_the_reporter_sees_it(newsroom: Path, cli) -> None:
    quick_draft(cli, newsroom, "Pasar Baru")
    step(cli, newsroom, "ali@kabar.test", "submit", "pasar-baru")
    git(newsroom, "config", "user.email", "ms@kabar.test")
    child = spawn(newsroom, "reject", "pasar-baru")
    child.expect("Note")
    child.send("\r")
    child.expect("cannot be empty")
    child.send("Tambahkan foto.\r")
    finish(child)
    assert child.exitstatus == 0
    assert "Tambahkan foto." in git(newsroom, "log", "-1", "--format=%b")
    git(newsroom, "config", "user.email", "ali@kabar.test")
    mine = finish(spawn(newsroom, "list", "--mine"))
    assert "draft (sent back)" in mine and "Mohammad S: Tambahkan foto." in mine


def test_a_refused_step_is_refused_before_anything_is_asked(newsroom: Path, cli) -> None:
    quick_draft(cli, newsroom, "Pasar Baru")
    child = spawn(newsroom, "reject", "pasar-baru")  # Ali is no editor
    out = finish(child)
    assert child.exitstatus == 3 and "Note" not in out
    git(newsroom, "config", "user.email", "ms@kabar.test")
    child = spawn(newsroom, "reject", "pasar-bary")  # a typo: named before anything is asked
    out = finish(child)
    assert child.exitstatus == 2 and "Note" not in out and "did you mean: pasar-baru" in out


def test_retract_describes_the_grounds_and_asks_to_confirm(newsroom: Path, cli) -> None:
    speak(newsroom, "id")
    quick_draft(cli, newsroom, "Pasar Baru")
    step(cli, newsroom, "ali@kabar.test", "submit", "pasar-baru")
    step(cli, newsroom, "ms@kabar.test", "approve", "pasar-baru")
    step(cli, newsroom, "keyra@kabar.test", "publish", "pasar-baru")
    before = git(newsroom, "rev-parse", "HEAD")
    child = spawn(newsroom, "retract", "pasar-baru", "--reason", "Identitas anak terungkap.")
    child.expect("Alasan")
    child.expect("membahayakan masa depan anak")  # each ground says what it means
    child.send(DOWN * 2 + "\r")  # sara -> kesusilaan -> anak
    child.expect("Cabut")
    child.expect("Tidak")
    child.send("\r")  # the default is No
    out = finish(child)
    assert child.exitstatus == 3 and "tidak ada yang berubah" in out
    assert git(newsroom, "rev-parse", "HEAD") == before
    child = spawn(newsroom, "retract", "pasar-baru", "--ground", "anak", "--reason", "Anak.")
    child.expect("Tidak")
    child.send(DOWN + "\r")
    finish(child)
    assert child.exitstatus == 0
    assert "Redaksi-Action: retract" in git(newsroom, "log", "-1", "--format=%B")


def test_discard_of_unsaved_work_is_confirmed_on_a_terminal(newsroom: Path, cli) -> None:
    quick_draft(cli, newsroom, "Pasar Baru")
    [path] = list((newsroom / "articles").rglob("*.md"))
    path.write_text(path.read_text() + "Paragraf yang belum disimpan.\n")
    child = spawn(newsroom, "discard", "pasar-baru")
    child.expect("Discard it anyway")
    child.expect("No")
    child.send(DOWN + "\r")  # No -> Yes
    finish(child)
    assert child.exitstatus == 0 and not path.exists()
    assert "Redaksi-Action: discard" in git(newsroom, "log", "-1", "--format=%B")


def _many_articles(root: Path, count: int) -> None:
    folder = root / "articles" / "2025" / "03"
    folder.mkdir(parents=True)
    for n in range(count):
        (folder / f"berita-{n}.md").write_text(
            f"---\nid: 00000000-0000-4000-8000-{n:012d}\ntitle: Berita {n}\nslug: berita-{n}\nstatus: draft\n"
            "category: Ekonomi\nreporter: {name: Ali, email: ali@kabar.test}\ncreated_at: 2025-03-04T09:12:00+07:00\n---\n(*)\n"
        )


def test_validate_shows_progress_on_a_terminal_only(newsroom: Path, cli) -> None:
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


def test_diff_is_coloured_on_a_terminal_unless_no_color(newsroom: Path, cli) -> None:
    quick_draft(cli, newsroom, "Pasar Baru")
    step(cli, newsroom, "ali@kabar.test", "submit", "pasar-baru")
    [path] = list((newsroom / "articles").rglob("*.md"))
    path.write_text(path.read_text().replace("300 rumah", "350 rumah"))
    child = spawn(newsroom, "diff", "pasar-baru")
    child.expect(pexpect.EOF)
    assert "\x1b[31m300\x1b[0m\x1b[32m350\x1b[0m" in child.before and "[-" not in child.before
    plain = pexpect.spawn(
        redaksi_bin(),
        ["diff", "pasar-baru"],
        cwd=str(newsroom),
        encoding="utf-8",
        env={**os.environ, "NO_COLOR": "1"},
    )
    plain.expect(pexpect.EOF)
    assert "[-300-]{+350+}" in plain.before and "\x1b[31m" not in plain.before


def test_ctrl_c_while_a_command_runs_exits_130(newsroom: Path, cli, tmp_path: Path) -> None:
    quick_draft(cli, newsroom, "Pasar Baru")
    started = tmp_path / "started"
    child = spawn(newsroom, "edit", "pasar-baru", editor=f"touch {started} && sleep 30 #")
    deadline = 200
    while not started.exists() and deadline:  # the editor is running: redaksi is waiting on it
        child.expect([pexpect.TIMEOUT, pexpect.EOF], timeout=0.05)
        deadline -= 1
    child.sendcontrol("c")
    out = finish(child)
    assert child.exitstatus == 130, out
    assert "interrupted" in out


def _english_words(*prefixes: str) -> list[str]:
    """test_help's English markers, and the fixed parts of every English text of these catalogue
    keys that the Indonesian text does not share (a label such as 'Status' is the same word)."""
    from redaksi.messages import CATALOGUE

    own = {
        part.strip()
        for key, (en, id_) in CATALOGUE.items()
        if key.startswith(prefixes)
        for part in re.split(r"\{\w+\}", en)
        if len(part.strip()) >= 4 and part.strip() not in id_
    }
    return [*ENGLISH, "Use arrow keys", *sorted(own)]


def test_show_labels_follow_an_indonesian_newsroom(newsroom: Path, cli) -> None:
    speak(newsroom, "id")
    made = cli(
        newsroom,
        "draft",
        "--no-input",
        "--title",
        "Pasar Baru",
        "--category",
        "Ekonomi",
        "--tag",
        "Pasar",
        "--dateline",
        "Probolinggo",
        "--body",
        f"{STORY} (*)",
    )
    assert made.code == 0, made.err
    step(cli, newsroom, "ali@kabar.test", "submit", "pasar-baru")
    step(cli, newsroom, "ms@kabar.test", "approve", "pasar-baru")
    step(cli, newsroom, "keyra@kabar.test", "publish", "pasar-baru")
    result = cli(newsroom, "show", "pasar-baru")
    assert result.code == 0, result.err
    head = result.out.split("\n\n", 1)[0].splitlines()
    assert [line.split(":", 1)[0] for line in head] == [
        "Judul",
        "Berkas",
        "Status",
        "Kategori",
        "Tag",
        "Dateline",
        "Id",
        "Wartawan",
        "Redaktur",
        "Publisher",
        "Dibuat",
        "Terbit",
        *["Riwayat"] * 4,
    ]
    assert [word for word in _english_words("show.") if word in "\n".join(head)] == []


def test_init_asks_in_indonesian_with_the_arrow_hint(repo: Path) -> None:
    # no newsroom yet: the language comes from REDAKSI_LANGUAGE (or the locale)
    child = spawn(repo, "init", REDAKSI_LANGUAGE="id")
    log = io.StringIO()
    child.logfile_read = log
    child.expect("Nama redaksi")
    child.send("\r")  # the default: the folder's name
    child.expect("Zona waktu")
    child.send("\r")
    child.expect("Bahasa pesan")
    child.expect(re.escape("(tombol panah untuk memilih, Enter untuk memastikan)"))
    child.send("\r")  # the default: id
    finish(child)
    assert child.exitstatus == 0, log.getvalue()
    config = (repo / "redaksi.yaml").read_text()
    assert "newsroom: repo\n" in config and "language: id\n" in config
    said = ANSI.sub("", log.getvalue())
    assert [word for word in _english_words("prompt.", "init.") if word in said] == []


def test_the_arrow_hint_follows_an_indonesian_newsroom(newsroom: Path) -> None:
    speak(newsroom, "id")
    child = spawn(newsroom, "draft", "--title", "Pasar Baru")
    log = io.StringIO()
    child.logfile_read = log
    child.expect("Kategori")
    child.expect(re.escape("(tombol panah untuk memilih, Enter untuk memastikan)"))
    child.sendcontrol("c")
    finish(child)
    assert child.exitstatus == 130
    said = ANSI.sub("", log.getvalue())
    assert [word for word in _english_words("prompt.", "cli.") if word in said] == []
