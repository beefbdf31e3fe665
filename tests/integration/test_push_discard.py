"""`discard --push`, and a pushed step that may carry no edits refusing uncommitted ones."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import git, status
from tests.integration.conftest import ALI, Clone, remote_log, run


def _drafted(desk: Path) -> str:
    made = run(
        desk,
        "draft",
        "--no-input",
        "--push",
        "--body",
        "Isi berita. (*)",
        "--title",
        "Empat",
        "--category",
        "Hukum",
    )
    assert made.returncode == 0, made.stderr
    return git(desk, "ls-files", "articles/*/*/empat.md").strip()


def test_discard_push_deletes_the_draft_on_the_remote(hub: Path, clone: Clone) -> None:
    desk = clone("probolinggo", ALI)
    rel = _drafted(desk)
    base = git(desk, "rev-parse", "HEAD").strip()
    result = run(desk, "discard", "empat", "--note", "Dobel.", "--push")
    assert result.returncode == 0, result.stderr
    assert remote_log(hub)[0] == "Ali Ya'lu|discard: Empat"
    assert git(hub, "show", "--name-status", "--format=", "main").split() == ["D", rel]
    assert result.stdout.strip() == git(hub, "rev-parse", "main").strip()
    assert status(desk) == "" and not (desk / rel).exists()
    check = run(desk, "verify", "--base", base, "--head", "origin/main", "--format", "json")
    assert json.loads(check.stdout)["errors"] == [] and check.returncode == 0


def test_a_draft_submitted_elsewhere_is_not_discarded(hub: Path, clone: Clone) -> None:
    first = clone("probolinggo", ALI)
    _drafted(first)
    second = clone("lumajang", ALI)
    assert run(first, "submit", "empat", "--push").returncode == 0
    on_remote = git(hub, "rev-parse", "main")
    result = run(second, "discard", "empat", "--note", "Dobel.", "--push")
    assert result.returncode == 4, result.stderr
    assert "Ali Ya'lu <ali@kabar.test> already moved this article to 'review' upstream" in (
        result.stderr
    )
    assert git(hub, "rev-parse", "main") == on_remote  # nothing deleted upstream
    rel = git(second, "ls-files", "articles/*/*/empat.md").strip()
    assert "status: review" in (second / rel).read_text()  # the desk follows the remote
    assert status(second) == ""


def test_a_pushed_retract_refuses_to_carry_uncommitted_edits(hub: Path, clone: Clone) -> None:
    from tests.conftest import snapshot
    from tests.integration.conftest import KEYRA, article

    desk = clone("probolinggo", KEYRA)
    story = article(desk, "tiga")
    story.write_text(story.read_text().replace("Isi berita.", "Isi berita, diubah diam-diam."))
    before, remote = snapshot(desk), git(hub, "rev-parse", "main")
    args = ("retract", "tiga", "--ground", "dewan-pers", "--reason", "Salah.", "--push")
    result = run(desk, *args)
    assert result.returncode == 3, result.stderr
    assert "cannot carry (verify would call them hand edits)" in result.stderr
    assert snapshot(desk) == before and git(hub, "rev-parse", "main") == remote
