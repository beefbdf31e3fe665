"""``redaksi draft`` with flags, on real repositories."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from redaksi.core import article
from tests.conftest import git, head, snapshot, status


def _draft(cli, root: Path, *extra: str):
    return cli(
        root,
        "draft",
        "--no-input",
        "--title",
        "Banjir Lumajang: Warga Mengungsi",
        "--category",
        "Pemerintahan",
        *extra,
    )


def test_draft_writes_one_file_in_one_commit_by_the_reporter(newsroom: Path, cli) -> None:
    result = _draft(cli, newsroom, "--tag", "Lumajang", "--tag", "Banjir", "--dateline", "Lumajang")
    assert result.code == 0, result.err
    rel = result.out.strip()
    assert rel.startswith("articles/2") and rel.endswith("/banjir-lumajang-warga-mengungsi.md")
    assert git(newsroom, "show", "--name-only", "--format=", "HEAD").split() == [rel]
    assert git(newsroom, "log", "-1", "--format=%an <%ae>|%s").strip() == (
        "Ali Ya'lu <ali@kabar.test>|draft: Banjir Lumajang: Warga Mengungsi"
    )
    _, data = article.parse((newsroom / rel).read_text())
    assert data["status"] == "draft"
    assert data["tags"] == ["Lumajang", "Banjir"]
    assert data["reporter"] == {"name": "Ali Ya'lu", "email": "ali@kabar.test"}
    assert str(data["created_at"]).endswith("+07:00")
    assert rel.split("/")[1:3] == str(data["created_at"])[:7].split("-")
    trailers = subprocess.run(
        ["git", "interpret-trailers", "--parse"],
        input=git(newsroom, "log", "-1", "--format=%B"),
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    assert trailers == [
        "Redaksi-Action: draft",
        "Redaksi-From: new",
        "Redaksi-To: draft",
        f"Redaksi-Article: {data['id']}",
        "Reporter: Ali Ya'lu <ali@kabar.test>",
    ]
    assert (newsroom / rel).read_text().endswith("---\nLumajang,- Write the story here. (*)\n")
    assert status(newsroom) == ""
    assert cli(newsroom, "validate").code == 0


def test_draft_leaves_other_work_exactly_as_it_was(newsroom: Path, cli) -> None:
    (newsroom / "staged.txt").write_text("staged\n")
    git(newsroom, "add", "staged.txt")
    (newsroom / "redaksi.yaml").write_text(
        (newsroom / "redaksi.yaml").read_text() + "# local note\n"
    )
    (newsroom / "untracked.txt").write_text("mine\n")
    before = status(newsroom)
    assert _draft(cli, newsroom).code == 0
    assert status(newsroom) == before
    assert git(newsroom, "diff", "--cached", "--name-only").split() == ["staged.txt"]


@pytest.mark.parametrize(
    ("args", "code", "words"),
    [
        (["--slug", "Bad_Slug"], 2, "not a valid slug"),
        (["--slug", "../../etc/passwd"], 2, "not a valid slug"),
        (["--slug", "a--b"], 2, "not a valid slug"),
        (["--category", "Gosip"], 2, "not in redaksi.yaml"),
    ],
)
def test_draft_refuses_bad_options(
    newsroom: Path, cli, args: list[str], code: int, words: str
) -> None:
    before, commit = snapshot(newsroom), head(newsroom)
    result = _draft(cli, newsroom, *args)
    assert result.code == code
    assert words in result.err and result.err.count("\n") == 1
    assert snapshot(newsroom) == before and head(newsroom) == commit


def test_draft_without_a_terminal_names_the_missing_option(newsroom: Path, cli) -> None:
    before = snapshot(newsroom)
    result = cli(newsroom, "draft", "--category", "Ekonomi")
    assert result.code == 2 and "--title" in result.err
    result = cli(newsroom, "draft", "--title", "Judul")
    assert result.code == 2 and "--category" in result.err
    assert snapshot(newsroom) == before


def test_draft_refuses_a_taken_slug(newsroom: Path, cli) -> None:
    assert _draft(cli, newsroom).code == 0
    before, commit = snapshot(newsroom), head(newsroom)
    result = _draft(cli, newsroom)
    assert result.code == 3 and "already used" in result.err
    assert snapshot(newsroom) == before and head(newsroom) == commit


@pytest.mark.parametrize(
    ("email", "words"),
    [("stranger@kabar.test", "not on staff"), ("ms@kabar.test", "not a reporter")],
)
def test_only_reporters_on_staff_draft(newsroom: Path, cli, email: str, words: str) -> None:
    git(newsroom, "config", "user.email", email)
    before, commit = snapshot(newsroom), head(newsroom)
    result = _draft(cli, newsroom)
    assert result.code == 3 and words in result.err
    assert snapshot(newsroom) == before and head(newsroom) == commit


def test_staff_email_matches_case_insensitively(newsroom: Path, cli) -> None:
    git(newsroom, "config", "user.email", "ALI@Kabar.Test")
    assert _draft(cli, newsroom).code == 0


def test_a_failing_hook_removes_the_draft_and_unstages_it(newsroom: Path, cli) -> None:
    hook = newsroom / ".git" / "hooks" / "pre-commit"
    hook.write_text("#!/bin/sh\necho 'redaksi validate failed' >&2\nexit 1\n")
    hook.chmod(0o755)
    before, commit = snapshot(newsroom), head(newsroom)
    result = _draft(cli, newsroom)
    assert result.code == 4 and "hook" in result.err
    assert snapshot(newsroom) == before and head(newsroom) == commit
    assert status(newsroom) == ""
    assert not any((newsroom / "articles").rglob("*.md"))
    assert sorted(p.name for p in (newsroom / "articles").iterdir()) == [".gitkeep"]


def test_a_held_index_lock_is_a_repository_problem(newsroom: Path, cli) -> None:
    (newsroom / ".git" / "index.lock").write_text("")
    before = snapshot(newsroom)
    result = _draft(cli, newsroom)
    assert result.code == 4 and "lock" in result.err
    assert snapshot(newsroom) == before


def test_titles_with_quotes_colons_hashes_and_emoji_round_trip(newsroom: Path, cli) -> None:
    title = "Bupati: \"OPD Jangan 'Nafsi-nafsi'\" #PemkabProbolinggo 🎉 — Sidoarjo"
    result = cli(newsroom, "draft", "--no-input", "--title", title, "--category", "Hukum")
    assert result.code == 0, result.err
    _, data = article.parse((newsroom / result.out.strip()).read_text())
    assert data["title"] == title
    assert git(newsroom, "log", "-1", "--format=%s").strip() == f"draft: {title}"


def test_draft_outside_a_newsroom(repo: Path, cli) -> None:
    result = _draft(cli, repo)
    assert result.code == 4 and "redaksi init" in result.err


def test_slug_suggestion() -> None:
    from redaksi.services.draft import suggest_slug

    assert (
        suggest_slug("Bupati Gus Haris Larang OPD ‘Nafsi-nafsi’!")
        == "bupati-gus-haris-larang-opd-nafsi-nafsi"
    )
    assert suggest_slug("Café Ñoño") == "cafe-nono"
    assert len(suggest_slug("kata " * 100)) <= 80
