"""Transitions end to end: one attributed commit each, refusals and faults that change nothing."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from redaksi.core import article
from tests import conftest
from tests.conftest import git, head, snapshot, status

ALI = ("Ali Ya'lu", "ali@kabar.test")
MS = ("Mohammad S", "ms@kabar.test")
KEYRA = ("Keyra", "keyra@kabar.test")


def act_as(repo: Path, who: tuple[str, str]) -> None:
    git(repo, "config", "user.name", who[0])
    git(repo, "config", "user.email", who[1])


@pytest.fixture
def drafted(newsroom: Path, cli) -> tuple[Path, str]:
    """A newsroom with one committed draft by Ali; returns (root, path)."""
    result = cli(
        newsroom,
        "draft",
        "--no-input",
        "--body",
        "Isi berita. (*)",
        "--title",
        "Banjir Lumajang",
        "--category",
        "Hukum",
        "--dateline",
        "Lumajang",
    )
    assert result.code == 0, result.err
    return newsroom, result.out.strip()


def trailers(repo: Path) -> list[str]:
    message = git(repo, "log", "-1", "--format=%B")
    return subprocess.run(
        ["git", "interpret-trailers", "--parse"],
        input=message,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()


def numstat(repo: Path) -> list[str]:
    return git(repo, "show", "--numstat", "--format=", "HEAD").split()


def front(repo: Path, rel: str) -> dict:
    _, data = article.parse((repo / rel).read_text())
    return data


def test_the_whole_path_one_attributed_commit_per_step(drafted: tuple[Path, str], cli) -> None:
    root, rel = drafted
    article_id = front(root, rel)["id"]

    assert cli(root, "submit", "banjir-lumajang").code == 0
    assert numstat(root) == ["2", "1", rel]  # status, one history line
    act_as(root, MS)
    assert cli(root, "approve", "banjir-lumajang", "--note", "Rapi.").code == 0
    assert numstat(root) == ["3", "1", rel]  # status, editor, history
    act_as(root, KEYRA)
    assert cli(root, "publish", rel).code == 0
    assert numstat(root) == ["4", "1", rel]  # status, publisher, published_at, history
    assert trailers(root) == [
        "Redaksi-Action: publish",
        "Redaksi-From: edit",
        "Redaksi-To: published",
        f"Redaksi-Article: {article_id}",
        "Reporter: Ali Ya'lu <ali@kabar.test>",
        "Editor: Mohammad S <ms@kabar.test>",
        "Publisher: Keyra <keyra@kabar.test>",
    ]
    act_as(root, MS)
    assert (
        cli(
            root,
            "correct",
            article_id[:8],
            "--note",
            "Nama kecamatan diperbaiki.",
            "--type",
            "koreksi",
        ).code
        == 0
    )
    act_as(root, KEYRA)
    result = cli(
        root,
        "retract",
        article_id,
        "--ground",
        "trauma",
        "--reason",
        "Atas permintaan keluarga korban.",
    )
    assert result.code == 0, result.err
    log = git(root, "log", "--format=%an|%s").strip().splitlines()
    assert [line.split("|")[:2] for line in log[:6]] == [
        ["Keyra", "retract: Banjir Lumajang"],
        ["Mohammad S", "correct: Banjir Lumajang"],
        ["Keyra", "publish: Banjir Lumajang"],
        ["Mohammad S", "approve: Banjir Lumajang"],
        ["Ali Ya'lu", "submit: Banjir Lumajang"],
        ["Ali Ya'lu", "draft: Banjir Lumajang"],
    ]
    data = front(root, rel)
    assert data["status"] == "retracted"
    assert data["corrections"][0]["type"] == "koreksi"
    assert data["retraction"]["ground"] == "trauma"
    assert [h["action"] for h in data["history"]] == [
        "draft",
        "submit",
        "approve",
        "publish",
        "correct",
        "retract",
    ]
    assert data["history"][2]["note"] == "Rapi."
    assert git(root, "log", "-1", "--format=%B").startswith(
        "retract: Banjir Lumajang\n\nRedaksi-Action"
    )
    assert cli(root, "validate").code == 0
    assert status(root) == ""


def test_reject_needs_a_note_and_records_it(drafted: tuple[Path, str], cli) -> None:
    root, rel = drafted
    assert cli(root, "submit", "banjir-lumajang").code == 0
    act_as(root, MS)
    before, commit = snapshot(root), head(root)
    result = cli(root, "reject", "banjir-lumajang")
    assert result.code == 2 and "--note" in result.err
    assert snapshot(root) == before and head(root) == commit
    assert cli(root, "reject", "banjir-lumajang", "--note", "Konfirmasi ke BPBD.").code == 0
    assert front(root, rel)["status"] == "draft"
    assert "Konfirmasi ke BPBD." in git(root, "log", "-1", "--format=%b")


@pytest.mark.parametrize(
    ("who", "command", "code", "words"),
    [
        (MS, ["publish", "banjir-lumajang"], 3, "cannot publish an article in 'draft'"),
        (KEYRA, ["submit", "banjir-lumajang"], 3, "neither this article's reporter nor an editor"),
        (("Tamu", "tamu@kabar.test"), ["submit", "banjir-lumajang"], 3, "not on staff"),
        (ALI, ["approve", "banjir-lumajang"], 3, "cannot approve"),
        (ALI, ["submit", "tidak-ada"], 2, "no article 'tidak-ada'"),
        (ALI, ["submit", "./redaksi.yaml"], 3, "outside"),
        (ALI, ["submit", "../../etc/passwd"], 2, "no article"),
        (ALI, ["correct", "banjir-lumajang", "--note", "x", "--type", "salah"], 2, "--type"),
    ],
)
def test_refusals_leave_file_and_head_untouched(
    drafted: tuple[Path, str], cli, who, command, code, words
) -> None:
    root, _ = drafted
    act_as(root, who)
    before, commit = snapshot(root), head(root)
    result = cli(root, *command, "--no-input")
    assert result.code == code, result.err
    assert words in result.err and result.err.count("\n") == 1
    assert snapshot(root) == before and head(root) == commit


def test_four_eyes_stops_a_reporter_publishing_their_own_story(newsroom: Path, cli) -> None:
    config = newsroom / "redaksi.yaml"
    config.write_text(
        config.read_text().replace("roles: [reporter]}", "roles: [reporter, editor, publisher]}")
        + "four_eyes: true\n"
    )
    git(newsroom, "commit", "-qam", "four eyes")
    rel = conftest.drafted(cli, newsroom, "Sendiri")
    assert cli(newsroom, "submit", "sendiri").code == 0
    before = snapshot(newsroom)
    result = cli(newsroom, "approve", "sendiri")
    assert result.code == 3 and "four_eyes" in result.err
    assert snapshot(newsroom) == before
    act_as(newsroom, MS)
    assert cli(newsroom, "approve", "sendiri").code == 0
    act_as(newsroom, ALI)
    before = snapshot(newsroom)
    result = cli(newsroom, "publish", "sendiri")
    assert result.code == 3 and "four_eyes" in result.err
    assert snapshot(newsroom) == before
    act_as(newsroom, KEYRA)
    assert cli(newsroom, "publish", "sendiri").code == 0
    assert front(newsroom, rel)["publisher"]["email"] == "keyra@kabar.test"


def test_body_edits_go_in_and_everything_else_stays_as_it_was(
    drafted: tuple[Path, str], cli
) -> None:
    root, rel = drafted
    path = root / rel
    path.write_text(
        path.read_text().replace("Isi berita.", "Air setinggi lutut merendam Pronojiwo.")
    )
    (root / "staged.txt").write_text("staged\n")
    git(root, "add", "staged.txt")
    (root / "redaksi.yaml").write_text((root / "redaksi.yaml").read_text() + "# unstaged\n")
    (root / "scratch.txt").write_text("untracked\n")
    before = status(root)
    staged_before = git(root, "diff", "--cached")
    assert cli(root, "submit", "banjir-lumajang").code == 0
    assert status(root) == before.replace(f" M {rel}\n", "")
    assert git(root, "diff", "--cached") == staged_before
    assert "Air setinggi lutut" in git(root, "show", f"HEAD:{rel}")
    assert git(root, "show", "--name-only", "--format=", "HEAD").split() == [rel]


def test_comments_and_quoting_survive_a_transition(drafted: tuple[Path, str], cli) -> None:
    root, rel = drafted
    path = root / rel
    text = path.read_text().replace(
        "title: Banjir Lumajang", "title: 'Banjir Lumajang'   # judul sementara"
    )
    text = text.replace("---\nLumajang", "# catatan: cek data BPBD\n---\nLumajang")
    path.write_text(text)
    git(root, "commit", "-qam", "hand edit")
    assert cli(root, "submit", "banjir-lumajang").code == 0
    diff = [
        line
        for line in git(root, "show", "--format=", "-U0", "HEAD").splitlines()
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]
    assert diff[0] == "-status: draft" and diff[1] == "+status: review"
    assert len(diff) == 3 and diff[2].startswith("+  - {action: submit, from: draft, to: review")
    assert "title: 'Banjir Lumajang'   # judul sementara" in path.read_text()


def test_crlf_and_bom_survive_a_transition(drafted: tuple[Path, str], cli) -> None:
    root, rel = drafted
    path = root / rel
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    git(root, "commit", "-qam", "windows editor")
    assert cli(root, "submit", "banjir-lumajang").code == 0
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf---\r\n") and b"\n" not in data.replace(b"\r\n", b"")


def _index(root: Path) -> str:
    return git(root, "ls-files", "-s", "--debug")


def test_a_failing_hook_restores_the_article_byte_for_byte(drafted: tuple[Path, str], cli) -> None:
    root, rel = drafted
    path = root / rel
    path.write_bytes(path.read_bytes() + b"Kalimat yang belum disimpan.\n")
    hook = root / ".git" / "hooks" / "pre-commit"
    hook.write_text("#!/bin/sh\necho 'validate: judul terlalu pendek' >&2\nexit 1\n")
    hook.chmod(0o755)
    before, commit, index = snapshot(root), head(root), git(root, "ls-files", "-s")
    result = cli(root, "submit", "banjir-lumajang")
    assert result.code == 4 and "judul terlalu pendek" in result.err
    assert snapshot(root) == before and head(root) == commit
    assert git(root, "ls-files", "-s") == index


def test_a_held_lock_restores_the_article(drafted: tuple[Path, str], cli) -> None:
    root, _ = drafted
    (root / ".git" / "index.lock").write_text("")
    before, commit = snapshot(root), head(root)
    result = cli(root, "submit", "banjir-lumajang")
    assert result.code == 4 and "lock" in result.err
    assert snapshot(root) == before and head(root) == commit


def test_a_read_only_article_is_refused(drafted: tuple[Path, str], cli) -> None:
    root, rel = drafted
    (root / rel).chmod(0o444)
    before, commit = snapshot(root), head(root)
    result = cli(root, "submit", "banjir-lumajang")
    assert result.code == 4 and "read-only" in result.err
    assert snapshot(root) == before and head(root) == commit


def test_an_article_never_committed_is_committed_by_its_first_transition(
    newsroom: Path, cli
) -> None:
    result = cli(
        newsroom,
        "draft",
        "--no-input",
        "--body",
        "Isi berita. (*)",
        "--title",
        "Tulisan Tangan",
        "--category",
        "Hukum",
    )
    rel = result.out.strip()
    git(newsroom, "rm", "-q", "--cached", rel)
    git(newsroom, "commit", "-qm", "untrack")
    assert cli(newsroom, "submit", "tulisan-tangan").code == 0
    assert git(newsroom, "show", "--name-status", "--format=", "HEAD").split() == ["A", rel]


def test_an_ambiguous_id_prefix_lists_the_candidates(newsroom: Path, cli) -> None:
    for n in range(2):
        folder = newsroom / "articles" / "2025" / "03"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"a{n}.md").write_text(
            f"---\nid: abcd{n}a52-5f1e-4c51-9a53-8e2b61c0d2a4\ntitle: A\nslug: a{n}\nstatus: draft\ncategory: Hukum\n"
            "reporter: {name: Ali Ya'lu, email: ali@kabar.test}\ncreated_at: 2025-03-04T09:12:00+07:00\n---\n"
            "Isi berita. (*)\n"
        )
    result = cli(newsroom, "submit", "abcd")
    assert result.code == 2 and "a0.md" in result.err and "a1.md" in result.err
    assert cli(newsroom, "submit", "abcd1").code == 0


def test_a_result_that_would_not_validate_is_refused(drafted: tuple[Path, str], cli) -> None:
    root, rel = drafted
    path = root / rel
    path.write_text(
        path.read_text().replace("category: Hukum", "category: Hukum\nx-ok: 1\nmystery: 2")
    )
    before = snapshot(root)
    result = cli(root, "submit", "banjir-lumajang")
    assert result.code == 3 and "mystery" in result.err
    assert snapshot(root) == before


def test_a_broken_article_is_refused_with_its_position(drafted: tuple[Path, str], cli) -> None:
    root, rel = drafted
    path = root / rel
    path.write_text(path.read_text().replace("title: Banjir Lumajang", "title: Banjir: Lumajang"))
    result = cli(root, "submit", "banjir-lumajang")
    assert result.code == 3
    assert result.err.startswith(f"redaksi: {rel}:3:")


def test_a_failed_write_restores_the_article(
    drafted: tuple[Path, str], cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno
    import os

    root, _ = drafted

    def disk_full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)  # a full disk cannot be made here for real
    before, commit = snapshot(root), head(root)
    result = cli(root, "submit", "banjir-lumajang")
    assert result.code == 4 and "disk is full" in result.err
    assert snapshot(root) == before and head(root) == commit
    assert not [p for p in (root / "articles").rglob(".*.tmp")]
