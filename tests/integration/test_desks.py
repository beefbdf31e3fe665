"""Many desks, one remote: ``--push`` against real remotes (bare repositories, git daemon)."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

from tests.conftest import git, snapshot, status
from tests.integration.conftest import (
    ALI,
    DEWI,
    KEYRA,
    MS,
    Clone,
    Hold,
    act_as,
    article,
    on_remote,
    remote_log,
    run,
    spawn,
)


def clean_on_upstream(path: Path) -> bool:
    return status(path) == "" and git(path, "rev-parse", "HEAD") == git(
        path, "rev-parse", "origin/main"
    )


def test_a_pushed_transition_lands_on_the_remote(hub: Path, clone: Clone) -> None:
    desk = clone("probolinggo", MS)
    result = run(desk, "approve", "satu", "--push")
    assert result.returncode == 0, result.stderr
    assert remote_log(hub)[0] == "Mohammad S|approve: Satu"
    assert result.stdout.strip() == git(hub, "rev-parse", "main").strip()
    assert clean_on_upstream(desk)


def test_the_second_editor_is_told_who_won_and_left_clean(hub: Path, clone: Clone) -> None:
    first, second = clone("probolinggo", MS), clone("surabaya", DEWI)
    assert run(first, "approve", "satu", "--push").returncode == 0
    before = git(hub, "rev-parse", "main")
    result = run(second, "approve", "satu", "--push")
    assert result.returncode == 4
    assert "Mohammad S <ms@kabar.test> already moved this article to 'edit'" in result.stderr
    assert git(hub, "rev-parse", "main") == before
    assert clean_on_upstream(second)
    assert "editor: {name: Mohammad S" in article(second, "satu").read_text()


def test_a_state_that_was_already_wrong_is_refused_not_reported_as_moved(
    hub: Path, clone: Clone
) -> None:
    desk = clone("jakarta", KEYRA)
    before = git(hub, "rev-parse", "main")
    result = run(desk, "publish", "satu", "--push")
    assert result.returncode == 3
    assert "cannot publish an article in 'review'" in result.stderr
    assert "moved" not in result.stderr
    assert git(hub, "rev-parse", "main") == before


def test_two_editors_racing_on_one_story_land_exactly_one(
    hub: Path, clone: Clone, hold: Hold
) -> None:
    first, second = clone("probolinggo", MS), clone("surabaya", DEWI)
    held = spawn(first, "approve", "satu", "--push")
    hold.wait()  # the first push is on the remote, not yet landed
    won = run(second, "approve", "satu", "--push")
    hold.release()
    _, err = held.communicate(timeout=60)
    assert won.returncode == 0, won.stderr
    assert held.returncode == 4 and "Dewi <dewi@kabar.test> already moved" in err
    assert [line for line in remote_log(hub) if "approve: Satu" in line] == ["Dewi|approve: Satu"]
    assert clean_on_upstream(first)


def test_a_lost_race_on_another_story_is_redone_and_lands(
    hub: Path, clone: Clone, hold: Hold
) -> None:
    first, second = clone("probolinggo", MS), clone("surabaya", DEWI)
    held = spawn(first, "approve", "satu", "--push")
    hold.wait()
    assert run(second, "approve", "dua", "--push").returncode == 0
    hold.release()
    out, err = held.communicate(timeout=60)
    assert held.returncode == 0, err
    assert [line.split("|")[1] for line in remote_log(hub)[:2]] == ["approve: Satu", "approve: Dua"]
    assert out.strip() == git(hub, "rev-parse", "main").strip()
    assert clean_on_upstream(first)


def test_body_edits_travel_and_other_work_stays(hub: Path, clone: Clone) -> None:
    editor, reporter = clone("probolinggo", MS), clone("lumajang", ALI)
    assert run(editor, "reject", "satu", "--note", "Tambah data.", "--push").returncode == 0
    git(reporter, "pull", "-q")
    path = article(reporter, "satu")
    path.write_text(path.read_text().replace("Isi berita.", "Data BPBD ditambahkan."))
    (reporter / "catatan.txt").write_text("pribadi\n")
    (reporter / "staged.txt").write_text("staged\n")
    git(reporter, "add", "staged.txt")
    result = run(reporter, "submit", "satu", "--push")
    assert result.returncode == 0, result.stderr
    assert "Data BPBD ditambahkan." in on_remote(hub, reporter, "satu")
    assert status(reporter) == "A  staged.txt\n?? catatan.txt\n"


def test_local_edits_to_an_article_that_moved_upstream_are_kept(hub: Path, clone: Clone) -> None:
    reporter, editor = clone("lumajang", ALI), clone("probolinggo", MS)
    assert run(editor, "approve", "satu", "--push").returncode == 0
    path = article(reporter, "satu")
    path.write_text(path.read_text() + "Paragraf baru.\n")
    before, remote_before = snapshot(reporter), git(hub, "rev-parse", "main")
    result = run(reporter, "submit", "satu", "--push")
    assert result.returncode == 4 and "your edits are kept" in result.stderr
    assert snapshot(reporter) == before and git(hub, "rev-parse", "main") == remote_before


def test_push_true_in_the_config_is_the_default(hub: Path, clone: Clone) -> None:
    desk = clone("probolinggo", MS)
    config = desk / "redaksi.yaml"
    config.write_text(config.read_text() + "push: true\n")
    git(desk, "commit", "-qam", "push by default")
    git(desk, "push", "-q")
    assert run(desk, "approve", "satu").returncode == 0
    assert remote_log(hub)[0] == "Mohammad S|approve: Satu"
    assert run(desk, "approve", "dua", "--no-push").returncode == 0
    assert remote_log(hub)[0] == "Mohammad S|approve: Satu"


def test_no_upstream_and_a_detached_head_say_what_to_do(newsroom: Path) -> None:
    assert "git push -u origin" in run(newsroom, "sync").stderr
    git(newsroom, "checkout", "-q", "--detach")
    result = run(newsroom, "sync")
    assert result.returncode == 4 and "detached" in result.stderr


def test_over_git_daemon_and_a_daemon_that_refuses_pushes(
    hub: Path, clone: Clone, daemon: Callable[[bool], str]
) -> None:
    desk = clone("probolinggo", MS)
    git(desk, "remote", "set-url", "origin", daemon(True))
    result = run(desk, "approve", "satu", "--push")
    assert result.returncode == 0, result.stderr
    assert remote_log(hub)[0] == "Mohammad S|approve: Satu"
    git(desk, "remote", "set-url", "origin", daemon(False))
    refused = run(desk, "approve", "dua", "--push")
    assert refused.returncode == 4
    assert "the remote refused the push" in refused.stderr and "redaksi sync" in refused.stderr
    assert remote_log(hub)[0] == "Mohammad S|approve: Satu"
    assert git(desk, "log", "-1", "--format=%s").strip() == "approve: Dua"


def test_a_draft_can_be_pushed_too(hub: Path, clone: Clone) -> None:
    desk = clone("lumajang", ALI)
    result = run(
        desk,
        "draft",
        "--no-input",
        "--body",
        "Isi berita. (*)",
        "--title",
        "Empat",
        "--category",
        "Hukum",
        "--push",
    )
    assert result.returncode == 0, result.stderr
    assert remote_log(hub)[0] == "Ali Ya'lu|draft: Empat"
    assert clean_on_upstream(desk) and (desk / result.stdout.strip()).exists()


def test_a_draft_whose_slug_was_taken_upstream_is_refused(hub: Path, clone: Clone) -> None:
    first, second = clone("lumajang", ALI), clone("jember", ALI)
    drafted = run(
        first,
        "draft",
        "--no-input",
        "--body",
        "Isi berita. (*)",
        "--title",
        "Lima",
        "--category",
        "Hukum",
        "--push",
    )
    assert drafted.returncode == 0, drafted.stderr
    (first / "articles" / "2024" / "01").mkdir(parents=True)
    git(first, "mv", drafted.stdout.strip(), "articles/2024/01/lima.md")  # another month's folder
    git(first, "commit", "-qm", "arsip")
    git(first, "push", "-q")
    before = git(hub, "rev-parse", "main")
    result = run(
        second,
        "draft",
        "--no-input",
        "--body",
        "Isi berita. (*)",
        "--title",
        "Lima",
        "--category",
        "Hukum",
        "--push",
    )
    assert result.returncode == 3 and "lima" in result.stderr
    assert git(hub, "rev-parse", "main") == before and status(second) == ""


# -- issue 17, item 4: only the person's own steps are pushed ---------------------------------


def test_a_hand_edit_never_rides_along_with_a_step(hub: Path, clone: Clone) -> None:
    desk = clone("probolinggo", MS)
    published = article(desk, "tiga")
    published.write_text(published.read_text().replace("(*)", "Tambahan diam-diam. (*)"))
    git(desk, "commit", "-qam", "perbaiki sedikit")
    sha = git(desk, "rev-parse", "--short", "HEAD").strip()
    before, remote_before = snapshot(desk), git(hub, "rev-parse", "main")
    result = run(desk, "approve", "satu", "--push")
    assert result.returncode == 4
    assert f"{sha} 'perbaiki sedikit'" in result.stderr and "made by hand" in result.stderr
    assert git(hub, "rev-parse", "main") == remote_before
    assert snapshot(desk) == before and git(desk, "rev-parse", "--short", "HEAD").strip() == sha


def test_someone_elses_unpushed_commits_are_listed_not_pushed(hub: Path, clone: Clone) -> None:
    other, desk = clone("surabaya", DEWI), clone("probolinggo", MS)
    assert run(other, "approve", "satu").returncode == 0  # committed there, never pushed
    git(desk, "pull", "-q", "--no-rebase", str(other), "main")
    remote_before = git(hub, "rev-parse", "main")
    result = run(desk, "approve", "dua", "--push")
    assert result.returncode == 4 and "committed by someone else" in result.stderr
    assert git(hub, "rev-parse", "main") == remote_before


def test_steps_the_remote_dropped_are_not_recreated(hub: Path, clone: Clone) -> None:
    desk = clone("probolinggo", MS)
    assert run(desk, "approve", "satu", "--push").returncode == 0
    git(hub, "update-ref", "refs/heads/main", "main~1")  # someone force-pushed it away
    dropped = git(hub, "rev-parse", "main")
    result = run(desk, "approve", "dua", "--push")
    assert result.returncode == 4 and "no longer has them" in result.stderr
    assert git(hub, "rev-parse", "main") == dropped


def test_own_offline_steps_go_first_and_are_named(hub: Path, clone: Clone) -> None:
    desk = clone("probolinggo", MS)
    assert run(desk, "approve", "satu").returncode == 0  # offline, committed here
    offline = git(desk, "rev-parse", "--short", "HEAD").strip()
    result = run(desk, "approve", "dua", "--push")
    assert result.returncode == 0, result.stderr
    assert f"pushed your earlier step: approve: Satu ({offline})" in result.stderr
    assert [line.split("|")[1] for line in remote_log(hub)[:2]] == ["approve: Dua", "approve: Satu"]
    assert clean_on_upstream(desk)


def test_a_diverged_branch_pushes_no_commit_made_by_hand(hub: Path, clone: Clone) -> None:
    """The reported case: a branch tracking a remote branch, both sides with commits the other
    lacks (``git push`` itself refuses), a hand commit below an offline step: nothing goes up."""
    git(hub, "branch", "meja", "main")
    desk, other = clone("probolinggo", MS), clone("surabaya", DEWI)
    for path in (desk, other):
        git(path, "checkout", "-q", "-b", "meja", "--track", "origin/meja")
    (desk / "catatan.txt").write_text("rapat redaksi\n")
    git(desk, "add", "catatan.txt")
    git(desk, "commit", "-qm", "catatan rapat")
    hand = git(desk, "rev-parse", "--short", "HEAD").strip()
    assert run(desk, "approve", "satu").returncode == 0  # an offline step on top of it
    assert run(other, "approve", "dua", "--push").returncode == 0  # the remote moves on
    (other / "jadwal.txt").write_text("piket\n")
    git(other, "add", "jadwal.txt")
    git(other, "commit", "-qm", "jadwal piket")
    git(other, "push", "-q")
    pushed = subprocess.run(["git", "push"], cwd=desk, capture_output=True, text=True)
    assert pushed.returncode == 1 and "[rejected]" in pushed.stderr  # git itself refuses
    git(desk, "fetch", "-q")
    assert git(desk, "status", "-sb").splitlines()[0] == "## meja...origin/meja [ahead 2, behind 2]"
    remote_before = {ref: git(hub, "rev-parse", ref) for ref in ("main", "meja")}
    before, local_head = snapshot(desk), git(desk, "rev-parse", "HEAD")
    for args in (["correct", "tiga", "--note", "Ralat angka.", "--push"], ["sync"]):
        result = run(desk, *args)
        assert result.returncode == 4, result.stderr
        assert result.stderr == (
            "redaksi: 1 local commit(s) are not steps you took with redaksi (the first: made by "
            f"hand, without redaksi): {hand} 'catatan rapat'; redaksi pushes only your own steps, "
            "so nothing was pushed: send those through a pull request, or take them off this "
            "branch (git rebase -i origin/meja), then try again\n"
        )
        assert {ref: git(hub, "rev-parse", ref) for ref in remote_before} == remote_before
        assert snapshot(desk) == before and git(desk, "rev-parse", "HEAD") == local_head
    git(desk, "rebase", "-q", "--onto", "HEAD~2", "HEAD~1")  # the advice: the hand commit out
    result = run(desk, "correct", "tiga", "--note", "Ralat angka.", "--push")
    assert result.returncode == 0, result.stderr
    assert "pushed your earlier step: approve: Satu" in result.stderr
    assert git(hub, "log", "--format=%an|%s", "-5", "meja").splitlines() == [
        "Mohammad S|correct: Tiga",
        "Mohammad S|approve: Satu",
        "Dewi|jadwal piket",
        "Dewi|approve: Dua",
        "Keyra|publish: Tiga",
    ]
    assert "catatan rapat" not in git(hub, "log", "--all", "--format=%s")
    assert git(hub, "rev-parse", "main") == remote_before["main"]


# -- item 5: roles come from the remote's committed redaksi.yaml -------------------------------


def test_an_editor_demoted_upstream_cannot_push_an_approval(hub: Path, clone: Clone) -> None:
    chief, desk = clone("jakarta", KEYRA), clone("surabaya", DEWI)
    config = chief / "redaksi.yaml"
    config.write_text(
        config.read_text().replace(
            "dewi@kabar.test, roles: [editor]", "dewi@kabar.test, roles: [reporter]"
        )
    )
    git(chief, "commit", "-qam", "Dewi kembali meliput")
    git(chief, "push", "-q")
    before = git(hub, "rev-parse", "main")
    result = run(desk, "approve", "satu", "--push")  # her clone still says editor
    assert result.returncode == 3 and "Dewi <dewi@kabar.test> is not an editor" in result.stderr
    assert git(hub, "rev-parse", "main") == before


# -- item 7: URL upstreams, and no credentials in any message ----------------------------------


def test_an_upstream_given_as_a_url_works(hub: Path, clone: Clone) -> None:
    desk = clone("probolinggo", MS)
    git(desk, "remote", "remove", "origin")
    git(desk, "push", "-q", "-u", hub.as_uri(), "main")
    result = run(desk, "approve", "satu", "--push")
    assert result.returncode == 0, result.stderr
    assert remote_log(hub)[0] == "Mohammad S|approve: Satu"
    assert run(desk, "sync").returncode == 0


def test_a_password_in_the_remote_url_is_never_printed(hub: Path, clone: Clone) -> None:
    desk = clone("probolinggo", MS)
    git(desk, "remote", "set-url", "origin", "https://ms:s3cr3t-token@127.0.0.1:9/hub.git")
    for args in (["approve", "satu", "--push"], ["sync"]):
        result = run(desk, *args)
        assert result.returncode == 4, result.stderr
        assert "s3cr3t" not in result.stderr + result.stdout
    git(desk, "config", "branch.main.remote", "https://ms:s3cr3t-token@127.0.0.1:9/hub.git")
    result = run(desk, "approve", "dua", "--push")
    assert result.returncode == 4 and "s3cr3t" not in result.stderr + result.stdout


# -- item 8: core.autocrlf ---------------------------------------------------------------------


def test_autocrlf_pushes_what_git_would_commit(hub: Path, clone: Clone) -> None:
    desk = clone("probolinggo", MS)
    git(desk, "config", "core.autocrlf", "true")
    git(desk, "rm", "-q", "--cached", "-r", ".")
    git(desk, "reset", "-q", "--hard")  # the working tree as Git for Windows writes it
    assert b"\r\n" in article(desk, "satu").read_bytes()
    result = run(desk, "approve", "satu", "--push")
    assert result.returncode == 0, result.stderr
    assert "did not move" not in result.stderr
    assert "\r" not in on_remote(hub, desk, "satu")
    assert git(hub, "diff", "--stat", "main~1", "main").count("\n") == 2  # a few lines, not all
    assert status(desk) == ""
    path = article(desk, "satu")
    path.write_bytes(path.read_bytes().replace(b"Isi berita.", b"Sumber: BPBD."))
    assert run(desk, "reject", "satu", "--note", "Sekali lagi.", "--push").returncode == 0
    text = on_remote(hub, desk, "satu")
    assert "Sumber: BPBD." in text and "\r" not in text and status(desk) == ""
    assert b"Sumber: BPBD. (*)\r\n" in path.read_bytes()


# -- item 10: moved or deleted upstream ---------------------------------------------------------


def test_a_push_on_an_article_deleted_upstream_names_who(hub: Path, clone: Clone) -> None:
    reporter, desk = clone("lumajang", ALI), clone("probolinggo", MS)
    git(reporter, "rm", "-q", str(article(reporter, "dua").relative_to(reporter)))
    git(reporter, "commit", "-qm", "hapus dua")
    git(reporter, "push", "-q")
    result = run(desk, "approve", "dua", "--push")
    assert result.returncode == 4
    assert "Ali Ya'lu <ali@kabar.test> deleted or moved it" in result.stderr


def test_a_push_follows_an_article_moved_upstream(hub: Path, clone: Clone) -> None:
    reporter, desk = clone("lumajang", ALI), clone("probolinggo", MS)
    old = article(reporter, "dua").relative_to(reporter)
    (reporter / "articles" / "2024" / "12").mkdir(parents=True)
    git(reporter, "mv", str(old), "articles/2024/12/dua.md")
    git(reporter, "commit", "-qm", "pindah folder")
    git(reporter, "push", "-q")
    result = run(desk, "approve", "dua", "--push")
    assert result.returncode == 0, result.stderr
    assert "status: edit" in git(hub, "show", "main:articles/2024/12/dua.md")
    assert clean_on_upstream(desk) and article(desk, "dua").parent.name == "12"


def test_a_second_step_is_not_confused_by_an_actor_switch(hub: Path, clone: Clone) -> None:
    desk = clone("probolinggo", MS)
    assert run(desk, "approve", "satu", "--push").returncode == 0
    act_as(desk, KEYRA)
    result = run(desk, "publish", "satu", "--push")
    assert result.returncode == 0, result.stderr
    assert remote_log(hub)[:2] == ["Keyra|publish: Satu", "Mohammad S|approve: Satu"]
