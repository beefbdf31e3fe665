"""Pushes that fail, stop or are killed: the step is kept, signed, or said to be uncertain."""

from __future__ import annotations

import os
import signal
import subprocess
from pathlib import Path

import pytest

from tests.conftest import git, snapshot, status
from tests.integration.conftest import (
    ALI,
    DEWI,
    MS,
    Clone,
    article,
    on_remote,
    remote_log,
    run,
    server_hook,
    spawn,
    wait_for,
)

JOURNAL = Path(".git") / "redaksi-journal.json"


def test_a_server_side_refusal_keeps_the_step_for_sync(hub: Path, clone: Clone) -> None:
    hook = server_hook(hub, "pre-receive", "echo 'branch main is protected' >&2\nexit 1")
    desk = clone("probolinggo", MS)
    before = git(hub, "rev-parse", "main")
    result = run(desk, "approve", "satu", "--push")
    assert result.returncode == 4
    assert "branch main is protected" in result.stderr and "redaksi sync" in result.stderr
    assert "\t" not in result.stderr and "refs/heads" not in result.stderr  # no raw porcelain
    assert git(hub, "rev-parse", "main") == before
    assert git(desk, "log", "-1", "--format=%s").strip() == "approve: Satu" and status(desk) == ""
    assert not (desk / JOURNAL).exists()
    hook.unlink()
    assert run(desk, "sync").returncode == 0
    assert remote_log(hub)[0] == "Mohammad S|approve: Satu"


def test_a_refused_push_from_a_clone_that_cannot_move_keeps_the_step(
    hub: Path, clone: Clone
) -> None:
    """Issue 17 item 2: the step used to dangle, and sync then said "nothing to sync"."""
    desk, other = clone("probolinggo", MS), clone("surabaya", DEWI)
    assert run(other, "approve", "satu", "--push").returncode == 0
    satu = article(desk, "satu")
    satu.write_text(satu.read_text() + "Suntingan yang belum di-commit.\n")
    hook = server_hook(hub, "pre-receive", "echo 'maintenance' >&2\nexit 1")
    result = run(desk, "approve", "dua", "--push")
    assert result.returncode == 4 and "committed here" in result.stderr
    assert git(desk, "log", "-1", "--format=%s").strip() == "approve: Dua"
    assert satu.read_text().endswith("Suntingan yang belum di-commit.\n")
    hook.unlink()
    synced = run(desk, "sync")
    assert synced.returncode == 0, synced.stderr
    assert "nothing to sync" not in synced.stderr
    assert [line for line in remote_log(hub) if "approve: Dua" in line] == [
        "Mohammad S|approve: Dua"
    ]


def test_a_draft_pushed_while_offline_is_kept(hub: Path, clone: Clone, tmp_path: Path) -> None:
    desk = clone("lumajang", ALI)
    git(desk, "remote", "set-url", "origin", str(tmp_path / "nowhere.git"))
    result = run(
        desk,
        "draft",
        "--no-input",
        "--body",
        "Isi berita. (*)",
        "--title",
        "Enam",
        "--category",
        "Hukum",
        "--push",
    )
    assert result.returncode == 4 and "committed here" in result.stderr
    assert git(desk, "log", "-1", "--format=%s").strip() == "draft: Enam" and status(desk) == ""
    git(desk, "remote", "set-url", "origin", str(hub))
    assert run(desk, "sync").returncode == 0
    assert remote_log(hub)[0] == "Ali Ya'lu|draft: Enam"


def test_a_stale_lock_on_the_server_is_named_and_the_step_kept(hub: Path, clone: Clone) -> None:
    desk = clone("probolinggo", MS)
    lock = hub / "refs" / "heads" / "main.lock"
    lock.touch()
    result = run(desk, "approve", "satu", "--push")
    assert result.returncode == 4
    assert "locked" in result.stderr and "main.lock" in result.stderr
    assert "other desks" not in result.stderr
    assert git(desk, "log", "-1", "--format=%s").strip() == "approve: Satu"
    lock.unlink()
    assert run(desk, "sync").returncode == 0
    assert remote_log(hub)[0] == "Mohammad S|approve: Satu"


def test_a_local_pre_push_hook_is_quoted_not_blamed_on_the_remote(hub: Path, clone: Clone) -> None:
    desk = clone("probolinggo", MS)
    hook = desk / ".git" / "hooks" / "pre-push"
    hook.write_text("#!/bin/sh\necho 'no pushing on Friday' >&2\nexit 1\n")
    hook.chmod(0o755)
    result = run(desk, "approve", "satu", "--push")
    assert result.returncode == 4
    assert "pre-push hook" in result.stderr and "no pushing on Friday" in result.stderr
    assert "remote refused" not in result.stderr
    assert git(desk, "log", "-1", "--format=%s").strip() == "approve: Satu"


def test_ctrl_c_during_the_push_exits_130_and_says_the_remote_may_have_it(
    hub: Path, clone: Clone, tmp_path: Path
) -> None:
    desk = clone("probolinggo", MS)
    marker = tmp_path / "pushing"
    server_hook(hub, "pre-receive", f"cat >/dev/null\ntouch '{marker}'\nsleep 30")
    before, head = snapshot(desk), git(desk, "rev-parse", "HEAD")
    proc = spawn(desk, "approve", "satu", "--push")
    wait_for(marker)
    os.killpg(proc.pid, signal.SIGINT)  # Ctrl-C reaches the whole foreground group
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130
    assert "may or may not have the step" in err
    assert snapshot(desk) == before and git(desk, "rev-parse", "HEAD") == head


@pytest.mark.parametrize("meanwhile", [False, True])
def test_a_kill_while_the_clone_moves_loses_no_edit(
    hub: Path, clone: Clone, tmp_path: Path, meanwhile: bool
) -> None:
    """Issue 17 item 3: the person's edits were left only inside a dangling commit.

    ``meanwhile``: the person committed something else by hand before the next redaksi.
    """
    desk = clone("lumajang", ALI)
    editor = clone("probolinggo", MS)
    assert run(editor, "reject", "satu", "--note", "Tambah data.", "--push").returncode == 0
    git(desk, "pull", "-q")
    path = article(desk, "satu")
    path.write_text(path.read_text().replace("Isi berita.", "Data BPBD: 120 warga."))
    marker = tmp_path / "moving"
    monitor = tmp_path / "fsmonitor"
    # git asks the fsmonitor hook while it refreshes the index: just before the checkout moves.
    monitor.write_text(
        f"#!/bin/sh\ngrep -q 'Data BPBD' '{path}' || {{ touch '{marker}'; sleep 60; }}\nexit 1\n"
    )
    monitor.chmod(0o755)
    git(desk, "config", "core.fsmonitor", str(monitor))
    proc = spawn(desk, "submit", "satu", "--push")
    wait_for(marker)  # pushed; the article is reset to HEAD and the move has not happened
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    git(desk, "config", "--unset", "core.fsmonitor")
    assert "Data BPBD" not in path.read_text() and (desk / JOURNAL).exists()
    locked = run(desk, "list")  # git itself was killed holding the index lock
    assert locked.returncode == 4 and (desk / JOURNAL).exists()
    (desk / ".git" / "index.lock").unlink()
    if meanwhile:
        (desk / "catatan.txt").write_text("lain\n")
        git(desk, "add", "catatan.txt")
        git(desk, "commit", "-qm", "catatan")
        result = run(desk, "list")
        saved = next((desk / ".git" / "redaksi" / "kept").iterdir())
        assert f"saved in {saved.relative_to(desk).as_posix()}" in result.stderr
        assert "Data BPBD: 120 warga." in saved.read_text()
        return
    result = run(desk, "list")
    assert "the interrupted submit is committed here now" in result.stderr
    assert "Data BPBD: 120 warga." in path.read_text()
    assert git(desk, "rev-parse", "HEAD") == git(hub, "rev-parse", "main")
    assert status(desk) == "" and not (desk / JOURNAL).exists()


def _corrections(text: str, note: str) -> int:
    return sum(1 for line in text.splitlines() if "type: ralat" in line and note in line)


@pytest.mark.parametrize("hook", ["pre-receive", "post-receive"])
def test_a_push_killed_before_or_after_the_remote_took_it_lands_once(
    hub: Path, clone: Clone, tmp_path: Path, hook: str
) -> None:
    """Killed while pushing, the step is committed here at the next command; sync pushes it
    only if the remote does not have it (pre-receive: it does not; post-receive: it does)."""
    desk = clone("probolinggo", MS)
    marker = tmp_path / "pushing"
    installed = server_hook(hub, hook, f"cat >/dev/null\ntouch '{marker}'\nsleep 60")
    proc = spawn(desk, "correct", "tiga", "--note", "Ralat jabatan.", "--push")
    wait_for(marker)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    installed.unlink()
    result = run(desk, "list")
    assert "the interrupted correct is committed here now" in result.stderr
    assert git(desk, "log", "-1", "--format=%s").strip() == "correct: Tiga"
    synced = run(desk, "sync")
    assert synced.returncode == 0, synced.stderr
    assert ("synced: the remote is at" in synced.stderr) == (hook == "pre-receive")
    assert _corrections(on_remote(hub, desk, "tiga"), "Ralat jabatan.") == 1
    assert run(desk, "sync").stderr.startswith("nothing to sync")


def test_a_kill_while_a_refused_step_is_kept_here_loses_no_edit(
    hub: Path, clone: Clone, tmp_path: Path
) -> None:
    """Issue 17 item 3, as reported: refused by the remote, then killed before the step landed."""
    desk = clone("probolinggo", MS)
    server_hook(hub, "pre-receive", "echo 'protected' >&2\nexit 1")
    path = article(desk, "satu")
    edited = path.read_text().replace("Isi berita.", "Angka korban: 12.")
    path.write_text(edited)
    marker = tmp_path / "committing"
    hook = desk / ".git" / "hooks" / "pre-commit"
    hook.write_text(f"#!/bin/sh\ntouch '{marker}'\nsleep 60\n")
    hook.chmod(0o755)
    proc = spawn(desk, "approve", "satu", "--push")
    wait_for(marker)  # refused upstream; now committing here, the article already rewritten
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    hook.unlink()
    (desk / ".git" / "index.lock").unlink(missing_ok=True)  # git was killed mid-commit
    result = run(desk, "list")
    assert "never committed; the article is back as it was before" in result.stderr
    assert path.read_text() == edited
    assert git(desk, "log", "-1", "--format=%s").strip() != "approve: Satu"


def test_a_failed_step_leaves_no_journal_behind(newsroom: Path) -> None:
    """Issue 18: a journal left behind made the next command 'repair' a step that never ran."""
    drafted = run(
        newsroom,
        "draft",
        "--no-input",
        "--body",
        "Isi berita. (*)",
        "--title",
        "Banjir",
        "--category",
        "Hukum",
    )
    assert drafted.returncode == 0
    hook = newsroom / ".git" / "hooks" / "pre-commit"
    hook.write_text("#!/bin/sh\necho 'tidak boleh' >&2\nexit 1\n")
    hook.chmod(0o755)
    before = snapshot(newsroom)
    result = run(newsroom, "submit", "banjir")
    assert result.returncode == 4 and "tidak boleh" in result.stderr
    assert not (newsroom / JOURNAL).exists()
    assert snapshot(newsroom) == before
    hook.unlink()
    after = run(newsroom, "list")
    assert after.returncode == 0 and "interrupted" not in after.stderr


def _signing(desk: Path, tmp_path: Path) -> None:
    key = tmp_path / "key"
    if not key.exists():
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(key)], check=True)
    public = (tmp_path / "key.pub").read_text().strip()
    signers = tmp_path / "allowed_signers"
    signers.write_text(f"ms@kabar.test {public}\ndewi@kabar.test {public}\n")
    git(desk, "config", "gpg.format", "ssh")
    git(desk, "config", "user.signingkey", str(key))
    git(desk, "config", "gpg.ssh.allowedSignersFile", str(signers))
    git(desk, "config", "commit.gpgsign", "true")


def _require_signed(hub: Path, clone: Clone) -> None:
    chief = clone("kantor", ("Keyra", "keyra@kabar.test"))
    config = chief / "redaksi.yaml"
    config.write_text(config.read_text() + "require_signed: true\n")
    git(chief, "commit", "-qam", "signed only")
    git(chief, "push", "-q")


def test_pushed_and_synced_steps_are_signed_as_git_would(
    hub: Path, clone: Clone, tmp_path: Path
) -> None:
    _require_signed(hub, clone)
    desk, other = clone("probolinggo", MS), clone("surabaya", DEWI)
    _signing(desk, tmp_path)
    _signing(other, tmp_path)
    assert run(desk, "approve", "satu", "--push").returncode == 0
    git(desk, "verify-commit", "origin/main")  # raises unless the signature is good
    assert run(desk, "approve", "dua").returncode == 0  # offline, signed by git commit
    assert run(other, "correct", "tiga", "--note", "Ralat.", "--push").returncode == 0
    result = run(desk, "sync")  # the replayed commit is new: it must be signed again
    assert result.returncode == 0, result.stderr
    assert git(hub, "log", "-1", "--format=%s", "main").strip() == "approve: Dua"
    git(desk, "verify-commit", "origin/main")


def test_a_newsroom_that_requires_signatures_refuses_unsigned_pushes(
    hub: Path, clone: Clone
) -> None:
    _require_signed(hub, clone)
    desk = clone("probolinggo", MS)
    before = git(hub, "rev-parse", "main")
    result = run(desk, "approve", "satu", "--push")
    assert result.returncode == 4 and "require_signed" in result.stderr
    assert "commit.gpgsign" in result.stderr
    assert git(hub, "rev-parse", "main") == before
