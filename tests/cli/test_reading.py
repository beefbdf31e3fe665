"""``list``, ``show``, ``log`` and ``demo`` against real repositories."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.test_transitions import MS, act_as
from tests.conftest import drafted, git

ARTICLE = """\
---
id: {id}
title: {title}
slug: {slug}
status: {status}
category: Hukum
reporter: {{name: {name}, email: {email}}}
created_at: 2025-03-0{day}T09:00:00+07:00
history:
  - {{action: submit, from: draft, to: review, by: {email}, at: 2025-03-0{day}T10:00:00+07:00}}
---
(*)
"""


def put(
    root: Path, slug: str, status: str, day: int, email: str = "ali@kabar.test", name: str = "Ali"
) -> None:
    folder = root / "articles" / "2025" / "03"
    folder.mkdir(parents=True, exist_ok=True)
    text = ARTICLE.format(
        id=f"{day:08d}-0000-4000-8000-000000000000",
        title=slug.title(),
        slug=slug,
        status=status,
        day=day,
        email=email,
        name=name,
    )
    if status != "review":
        text = text.replace("to: review", f"to: {status}")
    if status in ("edit", "published"):
        text = text.replace("created_at", "editor: {name: M, email: ms@kabar.test}\ncreated_at")
    if status == "published":
        text = text.replace(
            "created_at",
            "publisher: {name: K, email: k@kabar.test}\npublished_at: 2025-03-09T09:00:00+07:00\ncreated_at",
        )
    (folder / f"{slug}.md").write_text(text)


def test_list_is_the_queue_oldest_waiting_first(newsroom: Path, cli) -> None:
    put(newsroom, "tiga", "review", 3)
    put(newsroom, "satu", "draft", 1, email="dewi@kabar.test", name="Dewi")
    put(newsroom, "dua", "edit", 2)
    put(newsroom, "terbit", "published", 4)
    (newsroom / "articles" / "2025" / "03" / "rusak.md").write_text("not an article")
    result = cli(newsroom, "list", "--format", "json")
    assert result.code == 0, result.err
    articles = json.loads(result.out)["articles"]
    assert [a["slug"] for a in articles] == ["satu", "dua", "tiga"]
    assert articles[0] == {
        "id": "00000001-0000-4000-8000-000000000000",
        "slug": "satu",
        "title": "Satu",
        "status": "draft",
        "path": "articles/2025/03/satu.md",
        "reporter": {"name": "Dewi", "email": "dewi@kabar.test"},
        "category": "Hukum",
        "waiting_since": "2025-03-01T10:00:00+07:00",
        "publish_at": None,
        "returned": None,
    }
    review = json.loads(cli(newsroom, "list", "--status", "review", "--format", "json").out)[
        "articles"
    ]
    assert [a["slug"] for a in review] == ["tiga"]
    everything = json.loads(cli(newsroom, "list", "--status", "all", "--format", "json").out)[
        "articles"
    ]
    assert [a["slug"] for a in everything] == ["satu", "dua", "tiga", "terbit"]
    mine = json.loads(cli(newsroom, "list", "--mine", "--format", "json").out)["articles"]
    assert [a["slug"] for a in mine] == ["dua", "tiga"]
    by_dewi = json.loads(
        cli(newsroom, "list", "--reporter", "DEWI@kabar.test", "--format", "json").out
    )["articles"]
    assert [a["slug"] for a in by_dewi] == ["satu"]
    assert cli(newsroom, "list", "--status", "terbit").code == 2


def test_list_in_a_pipe_is_plain_columns(newsroom: Path, cli) -> None:
    put(newsroom, "satu", "draft", 1)
    lines = cli(newsroom, "list").out.splitlines()
    assert lines[0].split() == ["STATUS", "WAITING", "SLUG", "CATEGORY", "TITLE", "REPORTER"]
    assert lines[1].split()[0] == "draft" and lines[1].split()[2] == "satu"
    assert lines[1].split()[1].endswith("d")  # waited days
    assert "\x1b[" not in "".join(lines)


def test_show_gives_front_matter_and_path(newsroom: Path, cli) -> None:
    put(newsroom, "satu", "draft", 1)
    shown = json.loads(cli(newsroom, "show", "satu", "--format", "json").out)
    assert shown["path"] == "articles/2025/03/satu.md" and shown["status"] == "draft"
    text = cli(newsroom, "show", "00000001").out
    assert "Path:      articles/2025/03/satu.md" in text
    assert "History:   2025-03-01T10:00:00+07:00  submit  draft -> draft" in text
    assert text.endswith("\n\n(*)\n")  # the body, after the metadata
    assert cli(newsroom, "show", "nope").code == 2


def test_log_follows_an_article_that_moved(newsroom: Path, cli) -> None:
    rel = drafted(cli, newsroom, "Pindah Folder")
    assert cli(newsroom, "submit", "pindah-folder").code == 0
    act_as(newsroom, MS)
    assert cli(newsroom, "reject", "pindah-folder", "--note", "Perlu foto.").code == 0
    (newsroom / "articles" / "2020" / "01").mkdir(parents=True)
    git(newsroom, "mv", rel, "articles/2020/01/pindah-folder.md")
    git(newsroom, "commit", "-qm", "move")
    result = cli(newsroom, "log", "pindah-folder", "--format", "json")
    assert result.code == 0, result.err
    steps = json.loads(result.out)["transitions"]
    assert [(s["action"], s["from"], s["to"], s["author"]["email"], s["note"]) for s in steps] == [
        ("draft", "new", "draft", "ali@kabar.test", None),
        ("submit", "draft", "review", "ali@kabar.test", None),
        ("reject", "review", "draft", "ms@kabar.test", "Perlu foto."),
        ("edit", None, None, "ms@kabar.test", None),  # the move: a commit by hand
    ]
    assert steps[-1]["subject"] == "move"
    assert json.loads(result.out)["path"] == "articles/2020/01/pindah-folder.md"
    text = cli(newsroom, "log", "pindah-folder").out.splitlines()
    assert text[0].split() == ["WHEN", "ACTION", "STATE", "WHO", "COMMIT", "NOTE"]
    assert "reject" in text[3] and "Perlu foto." in text[3] and "+07" not in text[3]


def test_demo_walks_a_story_to_published(tmp_path: Path, cli) -> None:
    folder = tmp_path / "demo"
    result = cli(tmp_path, "demo", str(folder), "--language", "en")
    assert result.code == 0, result.err
    authors = git(folder, "log", "--reverse", "--format=%an|%s").splitlines()
    assert [a.split("|")[0] for a in authors] == [
        "Keyra",
        "Ali Ya'lu",
        "Ali Ya'lu",
        "Mohammad S",
        "Ali Ya'lu",
        "Mohammad S",
        "Keyra",
    ]
    assert [a.split("|")[1].split(":")[0] for a in authors] == [
        "init",
        "draft",
        "submit",
        "reject",
        "submit",
        "approve",
        "publish",
    ]
    assert "publish" in result.out and "Tambahkan tanggapan Bappeda" in result.out
    assert "cd " in result.err
    assert cli(folder, "validate").code == 0
    assert git(folder, "status", "--porcelain") == ""
    again = cli(tmp_path, "demo", str(folder))
    assert again.code == 2 and "not empty" in again.err
