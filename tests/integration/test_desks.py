"""Many desks, one remote: --push, sync and races against real remotes (bare repo, git daemon)."""

from __future__ import annotations

import socket
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import STAFF_YAML, git, redaksi_bin, snapshot, status

ALI = ("Ali Ya'lu", "ali@kabar.test")
MS = ("Mohammad S", "ms@kabar.test")
DEWI = ("Dewi", "dewi@kabar.test")
CONFIG = STAFF_YAML + "  - {name: Dewi, email: dewi@kabar.test, roles: [editor]}\n"

Clone = Callable[[str, tuple[str, str]], Path]


@pytest.fixture
def hub(tmp_path: Path) -> Path:
    """A bare remote holding a newsroom with one submitted article, 'satu'."""
    bare = tmp_path / "hub.git"
    git(tmp_path, "init", "-q", "--bare", "-b", "main", str(bare))
    seed = tmp_path / "seed"
    git(tmp_path, "clone", "-q", str(bare), str(seed))
    git(seed, "config", "user.name", ALI[0])
    git(seed, "config", "user.email", ALI[1])
    (seed / "redaksi.yaml").write_text(CONFIG)
    (seed / "articles").mkdir()
    (seed / "articles" / ".gitkeep").write_text("")
    git(seed, "add", "-A")
    git(seed, "commit", "-qm", "newsroom")
    run(seed, "draft", "--no-input", "--title", "Satu", "--category", "Hukum")
    run(seed, "draft", "--no-input", "--title", "Dua", "--category", "Hukum")
    run(seed, "submit", "satu")
    run(seed, "submit", "dua")
    git(seed, "push", "-q", "origin", "main")
    return bare


@pytest.fixture
def clone(hub: Path, tmp_path: Path) -> Clone:
    def make(name: str, who: tuple[str, str]) -> Path:
        path = tmp_path / name
        git(tmp_path, "clone", "-q", str(hub), str(path))
        git(path, "config", "user.name", who[0])
        git(path, "config", "user.email", who[1])
        return path

    return make


def run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [redaksi_bin(), *args], cwd=cwd, capture_output=True, text=True, check=False
    )


def remote_log(hub: Path) -> list[str]:
    return git(hub, "log", "--format=%an|%s", "main").splitlines()


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
    assert (
        "editor: {name: Mohammad S"
        in (second / next(second.glob("articles/*/*/satu.md")).relative_to(second)).read_text()
    )


def test_two_clones_approving_at_once_land_exactly_one(hub: Path, clone: Clone) -> None:
    desks = [clone("probolinggo", MS), clone("surabaya", DEWI)]
    procs = [
        subprocess.Popen(
            [redaksi_bin(), "approve", "satu", "--push"],
            cwd=d,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for d in desks
    ]
    codes = sorted(p.wait(timeout=60) for p in procs)
    assert codes == [0, 4]
    approvals = [line for line in remote_log(hub) if "approve: Satu" in line]
    assert len(approvals) == 1
    for desk in desks:
        git(desk, "fetch", "-q")
        assert status(desk) == ""


def test_desks_on_different_articles_both_land(hub: Path, clone: Clone) -> None:
    desks = [clone("probolinggo", MS), clone("surabaya", DEWI)]
    procs = [
        subprocess.Popen(
            [redaksi_bin(), "approve", slug, "--push"],
            cwd=d,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for d, slug in zip(desks, ["satu", "dua"], strict=True)
    ]
    assert [p.wait(timeout=60) for p in procs] == [0, 0]
    subjects = [line.split("|")[1] for line in remote_log(hub)[:2]]
    assert sorted(subjects) == ["approve: Dua", "approve: Satu"]


def test_body_edits_travel_and_other_work_stays(hub: Path, clone: Clone, tmp_path: Path) -> None:
    reporter = clone("lumajang", ALI)
    run(reporter, "reject", "x")  # no-op: keeps the clone honest about unknown articles
    editor = clone("probolinggo", MS)
    assert run(editor, "reject", "satu", "--note", "Tambah data.", "--push").returncode == 0
    git(reporter, "pull", "-q")
    path = next(reporter.glob("articles/*/*/satu.md"))
    path.write_text(path.read_text().replace("Write the story here.", "Data BPBD ditambahkan."))
    (reporter / "catatan.txt").write_text("pribadi\n")
    (reporter / "staged.txt").write_text("staged\n")
    git(reporter, "add", "staged.txt")
    result = run(reporter, "submit", "satu", "--push")
    assert result.returncode == 0, result.stderr
    assert "Data BPBD ditambahkan." in git(
        hub, "show", f"main:{path.relative_to(reporter).as_posix()}"
    )
    assert status(reporter) == "A  staged.txt\n?? catatan.txt\n"


def test_local_edits_to_an_article_that_moved_upstream_are_kept(hub: Path, clone: Clone) -> None:
    reporter, editor = clone("lumajang", ALI), clone("probolinggo", MS)
    assert run(editor, "approve", "satu", "--push").returncode == 0
    path = next(reporter.glob("articles/*/*/satu.md"))
    path.write_text(path.read_text() + "Paragraf baru.\n")
    before, remote_before = snapshot(reporter), git(hub, "rev-parse", "main")
    result = run(reporter, "submit", "satu", "--push")
    assert result.returncode == 4 and "your edits are kept" in result.stderr
    assert snapshot(reporter) == before and git(hub, "rev-parse", "main") == remote_before


def test_offline_steps_are_kept_then_synced(hub: Path, clone: Clone, tmp_path: Path) -> None:
    desk = clone("lapangan", MS)
    git(desk, "remote", "set-url", "origin", str(tmp_path / "nowhere.git"))
    result = run(desk, "approve", "satu", "--push")
    assert result.returncode == 4 and "redaksi sync" in result.stderr
    assert git(desk, "log", "-1", "--format=%s").strip() == "approve: Satu"
    offline = run(desk, "sync")
    assert offline.returncode == 4 and "cannot reach the remote" in offline.stderr
    git(desk, "remote", "set-url", "origin", str(hub))
    synced = run(desk, "sync")
    assert synced.returncode == 0, synced.stderr
    assert remote_log(hub)[0] == "Mohammad S|approve: Satu"
    assert clean_on_upstream(desk)
    assert run(desk, "sync").stderr.startswith("nothing to sync")


def test_sync_drops_a_step_another_desk_overtook_and_pushes_the_rest(
    hub: Path, clone: Clone
) -> None:
    offline, online = clone("lapangan", MS), clone("surabaya", DEWI)
    assert run(offline, "approve", "satu").returncode == 0  # committed locally, not pushed
    assert run(offline, "approve", "dua").returncode == 0
    (offline / "catatan.txt").write_text("tetap di sini\n")
    assert run(online, "approve", "satu", "--push").returncode == 0
    result = run(offline, "sync")
    assert result.returncode == 0, result.stderr
    assert (
        "dropped approve: Satu" in result.stderr
        and "Dewi <dewi@kabar.test> already moved the article to 'edit'" in result.stderr
    )
    log = remote_log(hub)
    assert log[:2] == ["Mohammad S|approve: Dua", "Dewi|approve: Satu"]
    assert status(offline) == "?? catatan.txt\n"
    assert git(offline, "rev-parse", "HEAD") == git(hub, "rev-parse", "main")


def test_a_server_side_hook_refusal_keeps_the_step_for_sync(hub: Path, clone: Clone) -> None:
    hook = hub / "hooks" / "pre-receive"
    hook.write_text("#!/bin/sh\necho 'branch main is protected: open a pull request' >&2\nexit 1\n")
    hook.chmod(0o755)
    desk = clone("probolinggo", MS)
    before = git(hub, "rev-parse", "main")
    result = run(desk, "approve", "satu", "--push")
    assert result.returncode == 4
    assert (
        "branch main is protected: open a pull request" in result.stderr
        and "redaksi sync" in result.stderr
    )
    assert git(hub, "rev-parse", "main") == before
    assert git(desk, "log", "-1", "--format=%s").strip() == "approve: Satu" and status(desk) == ""
    hook.unlink()
    assert run(desk, "sync").returncode == 0
    assert remote_log(hub)[0] == "Mohammad S|approve: Satu"


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


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def daemon(hub: Path) -> Iterator[Callable[[bool], str]]:
    """git daemon serving the hub on 127.0.0.1, started and stopped by the test."""
    started: list[subprocess.Popen[bytes]] = []

    def serve(writable: bool) -> str:
        port = _free_port()
        args = [
            "git",
            "daemon",
            "--reuseaddr",
            "--export-all",
            f"--base-path={hub.parent}",
            "--listen=127.0.0.1",
            f"--port={port}",
        ]
        if writable:
            args.append("--enable=receive-pack")
        started.append(
            subprocess.Popen(
                [*args, str(hub.parent)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
            )
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", port)) == 0:
                    return f"git://127.0.0.1:{port}/{hub.name}"
            time.sleep(0.05)
        raise AssertionError("git daemon did not start")

    yield serve
    for proc in started:
        proc.terminate()
        proc.wait(timeout=10)


def test_over_git_daemon_and_a_daemon_that_refuses_pushes(hub: Path, clone: Clone, daemon) -> None:
    desk = clone("probolinggo", MS)
    git(desk, "remote", "set-url", "origin", daemon(True))
    result = run(desk, "approve", "satu", "--push")
    assert result.returncode == 0, result.stderr
    assert remote_log(hub)[0] == "Mohammad S|approve: Satu"
    git(desk, "remote", "set-url", "origin", daemon(False))
    refused = run(desk, "approve", "dua", "--push")
    assert refused.returncode == 4
    assert "refused the push" in refused.stderr and "redaksi sync" in refused.stderr
    assert remote_log(hub)[0] == "Mohammad S|approve: Satu"


def test_a_draft_can_be_pushed_too(hub: Path, clone: Clone) -> None:
    desk = clone("lumajang", ALI)
    result = run(desk, "draft", "--no-input", "--title", "Tiga", "--category", "Hukum", "--push")
    assert result.returncode == 0, result.stderr
    assert remote_log(hub)[0] == "Ali Ya'lu|draft: Tiga"
    assert clean_on_upstream(desk) and (desk / result.stdout.strip()).exists()
