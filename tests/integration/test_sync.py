"""``redaksi sync``: steps taken offline reach the remote once, or are dropped saying why."""

from __future__ import annotations

import os
import signal
from pathlib import Path

from tests.conftest import git, status
from tests.integration.conftest import (
    ALI,
    DEWI,
    KEYRA,
    MS,
    Clone,
    Hold,
    article,
    on_remote,
    remote_log,
    run,
    server_hook,
    spawn,
    wait_for,
)


def test_offline_steps_are_kept_then_synced(hub: Path, clone: Clone, tmp_path: Path) -> None:
    desk = clone("lapangan", MS)
    git(desk, "remote", "set-url", "origin", str(tmp_path / "nowhere.git"))
    result = run(desk, "approve", "satu", "--push")
    assert result.returncode == 4 and "redaksi sync" in result.stderr
    assert git(desk, "log", "-1", "--format=%s").strip() == "approve: Satu"
    offline = run(desk, "sync")
    assert offline.returncode == 4 and "cannot reach the remote" in offline.stderr
    git(desk, "remote", "set-url", "origin", str(hub))
    kept = git(desk, "rev-parse", "HEAD")
    synced = run(desk, "sync")
    assert synced.returncode == 0, synced.stderr
    assert git(hub, "rev-parse", "main") == kept  # nothing changed upstream: the same commit
    assert remote_log(hub)[0] == "Mohammad S|approve: Satu"
    assert status(desk) == "" and git(desk, "rev-parse", "HEAD") == git(hub, "rev-parse", "main")
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
    assert remote_log(hub)[:2] == ["Mohammad S|approve: Dua", "Dewi|approve: Satu"]
    assert status(offline) == "?? catatan.txt\n"
    assert git(offline, "rev-parse", "HEAD") == git(hub, "rev-parse", "main")


def _corrections(text: str, note: str) -> int:
    return sum(1 for line in text.splitlines() if "type: ralat" in line and note in line)


def test_a_correction_lands_once_however_often_sync_runs(hub: Path, clone: Clone) -> None:
    """Issue 17 item 1: the clone cannot move, and every sync used to push the same step again."""
    desk, other = clone("lapangan", MS), clone("surabaya", DEWI)
    assert run(desk, "correct", "tiga", "--note", "Nama jabatan diperbaiki.").returncode == 0
    assert run(other, "approve", "satu", "--push").returncode == 0
    satu = article(desk, "satu")
    satu.write_text(satu.read_text() + "Catatan yang belum di-commit.\n")  # in the way upstream
    first = run(desk, "sync")
    assert first.returncode == 0, first.stderr
    assert "did not move" in first.stderr
    for _ in range(2):
        again = run(desk, "sync")
        assert again.returncode == 0, again.stderr
        assert "already on the remote: correct: Tiga" in again.stderr
        assert "nothing to sync" not in again.stderr and "pushed;" not in again.stderr
    assert _corrections(on_remote(hub, desk, "tiga"), "Nama jabatan diperbaiki.") == 1
    assert satu.read_text().endswith("Catatan yang belum di-commit.\n")


def test_a_sync_killed_after_the_push_is_not_pushed_again(
    hub: Path, clone: Clone, tmp_path: Path
) -> None:
    desk, other = clone("lapangan", MS), clone("surabaya", DEWI)
    assert run(desk, "correct", "tiga", "--note", "Ralat nama.").returncode == 0
    assert run(other, "approve", "satu", "--push").returncode == 0  # so sync rebuilds the step
    marker = tmp_path / "received"
    hook = server_hook(hub, "post-receive", f"cat >/dev/null\ntouch '{marker}'\nsleep 60")
    proc = spawn(desk, "sync")
    wait_for(marker)  # the remote's branch has moved; redaksi is still waiting for the push
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    hook.unlink()
    result = run(desk, "sync")
    assert result.returncode == 0, result.stderr
    assert "already on the remote: correct: Tiga" in result.stderr
    assert _corrections(on_remote(hub, desk, "tiga"), "Ralat nama.") == 1
    assert git(desk, "rev-parse", "HEAD") == git(hub, "rev-parse", "main")


def test_sync_retries_a_lost_race(hub: Path, clone: Clone, hold: Hold) -> None:
    offline, online = clone("lapangan", MS), clone("surabaya", DEWI)
    assert run(offline, "approve", "satu").returncode == 0
    held = spawn(offline, "sync")
    hold.wait()  # sync's push waits on the remote while another desk lands
    assert run(online, "approve", "dua", "--push").returncode == 0
    hold.release()
    out, err = held.communicate(timeout=60)
    assert held.returncode == 0, err
    assert [line.split("|")[1] for line in remote_log(hub)[:2]] == ["approve: Satu", "approve: Dua"]
    assert out.strip() == git(hub, "rev-parse", "main").strip()


def test_an_offline_draft_whose_slug_was_taken_is_renamed_not_lost(hub: Path, clone: Clone) -> None:
    """Issue 17 item 9: the same slug drafted on two desks used to crash every later sync."""
    laptop, office = clone("laptop", ALI), clone("kantor", ALI)
    offline = run(
        laptop,
        "draft",
        "--no-input",
        "--body",
        "Isi berita. (*)",
        "--title",
        "Empat",
        "--category",
        "Hukum",
    )
    assert offline.returncode == 0
    path = laptop / offline.stdout.strip()
    path.write_text(path.read_text().replace("Isi berita.", "Cerita dari lapangan."))
    assert run(laptop, "submit", "empat").returncode == 0  # a second offline step on it
    online = run(
        office,
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
    assert online.returncode == 0
    result = run(laptop, "sync")
    assert result.returncode == 0, result.stderr
    assert "your draft 'empat' is now 'empat-2'" in result.stderr
    renamed = git(hub, "show", f"main:{path.parent.relative_to(laptop).as_posix()}/empat-2.md")
    assert "slug: empat-2" in renamed and "status: review" in renamed
    assert "Cerita dari lapangan." in renamed
    assert run(laptop, "validate").returncode == 0
    assert run(laptop, "approve", "empat-2", "--push").returncode == 3  # a reporter: refused
    assert run(laptop, "sync").returncode == 0


def test_an_offline_step_follows_an_article_moved_upstream(hub: Path, clone: Clone) -> None:
    """Issue 17 item 10: it used to be dropped as "? already moved the article to '?'"."""
    desk, reporter = clone("lapangan", MS), clone("lumajang", ALI)
    assert run(desk, "approve", "dua").returncode == 0
    old = article(reporter, "dua").relative_to(reporter)
    (reporter / "articles" / "2024" / "12").mkdir(parents=True)
    git(reporter, "mv", str(old), "articles/2024/12/dua.md")
    git(reporter, "commit", "-qm", "pindah folder")
    git(reporter, "push", "-q")
    result = run(desk, "sync")
    assert result.returncode == 0, result.stderr
    assert "status: edit" in git(hub, "show", "main:articles/2024/12/dua.md")
    assert remote_log(hub)[0] == "Mohammad S|approve: Dua"


def test_an_offline_step_on_an_article_deleted_upstream_is_dropped_naming_who(
    hub: Path, clone: Clone
) -> None:
    desk, reporter = clone("lapangan", MS), clone("lumajang", ALI)
    assert run(desk, "approve", "dua").returncode == 0
    git(reporter, "rm", "-q", str(article(reporter, "dua").relative_to(reporter)))
    git(reporter, "commit", "-qm", "hapus dua")
    git(reporter, "push", "-q")
    before = git(hub, "rev-parse", "main")
    result = run(desk, "sync")
    assert result.returncode == 0, result.stderr
    assert "dropped approve: Dua" in result.stderr
    assert "Ali Ya'lu <ali@kabar.test> deleted or moved the article" in result.stderr
    assert git(hub, "rev-parse", "main") == before


def test_an_offline_step_by_someone_demoted_upstream_is_dropped(hub: Path, clone: Clone) -> None:
    desk, chief = clone("lapangan", DEWI), clone("jakarta", KEYRA)
    assert run(desk, "approve", "satu").returncode == 0
    config = chief / "redaksi.yaml"
    config.write_text(config.read_text().replace("roles: [editor]}\n", "roles: [reporter]}\n"))
    git(chief, "commit", "-qam", "Dewi kembali meliput")
    git(chief, "push", "-q")
    before = git(hub, "rev-parse", "main")
    result = run(desk, "sync")
    assert result.returncode == 0, result.stderr
    assert "dropped approve: Satu" in result.stderr and "is not an editor" in result.stderr
    assert git(hub, "rev-parse", "main") == before


def test_offline_body_edits_survive_a_replay_onto_a_changed_article(
    hub: Path, clone: Clone
) -> None:
    desk, other = clone("lapangan", MS), clone("surabaya", DEWI)
    path = article(desk, "tiga")
    path.write_text(path.read_text().replace("Isi berita.", "Jabatan: Sekda."))
    assert run(desk, "correct", "tiga", "--note", "Jabatan diperbaiki.").returncode == 0
    assert run(other, "correct", "tiga", "--note", "Tanggal diperbaiki.", "--push").returncode == 0
    result = run(desk, "sync")
    assert result.returncode == 0, result.stderr
    text = on_remote(hub, desk, "tiga")
    assert "Jabatan: Sekda." in text
    assert _corrections(text, "Jabatan diperbaiki.") == 1
    assert _corrections(text, "Tanggal diperbaiki.") == 1
    assert text.index("Tanggal diperbaiki.") < text.index("Jabatan diperbaiki.")
    assert run(desk, "verify", "--base", "main~2", "--head", "origin/main").returncode == 0


def test_a_schedule_is_redone_with_its_own_time_on_a_changed_article(
    hub: Path, clone: Clone
) -> None:
    """Replay reads any action's options back from the article: here ``publish --at``."""
    from datetime import UTC, datetime

    from redaksi import config
    from redaksi.core import workflow
    from redaksi.infra import git as repository
    from redaksi.services import transition

    editor, chief = clone("probolinggo", MS), clone("jakarta", KEYRA)
    assert run(editor, "approve", "satu", "--push").returncode == 0
    git(chief, "pull", "-q")
    newsroom = config.load(chief)
    at = "2026-12-01T06:00:00+07:00"
    with repository.Repository(chief) as repo:  # offline, through the service itself
        transition.transition(
            newsroom, repo, "satu", "schedule", workflow.Options(at=at), datetime.now(UTC)
        )
    path = article(editor, "satu")
    path.write_text(path.read_text().replace("Isi berita.", "Disunting redaktur."))
    git(editor, "commit", "-qam", "sunting")
    git(editor, "push", "-q")
    result = run(chief, "sync")
    assert result.returncode == 0, result.stderr
    text = on_remote(hub, chief, "satu")
    assert "status: scheduled" in text and f"publish_at: {at}" in text
    assert "Disunting redaktur." in text
    assert remote_log(hub)[0] == "Keyra|schedule: Satu"


def test_an_offline_release_is_replayed_in_the_schedulers_name(hub: Path, clone: Clone) -> None:
    """release: the author is the publisher who scheduled it; whoever ran it is the committer."""
    editor, chief = clone("probolinggo", MS), clone("jakarta", KEYRA)
    cron = clone("ci", ("CI Bot", "ci@kabar.test"))  # not on staff: release needs no role
    assert run(editor, "approve", "satu", "--push").returncode == 0
    git(chief, "pull", "-q")
    scheduled = run(
        chief,
        "publish",
        "satu",
        "--at",
        "2026-01-02T06:00:00+07:00",
        "--push",
        REDAKSI_NOW="2026-01-01T06:00:00+07:00",
    )
    assert scheduled.returncode == 0, scheduled.stderr
    git(cron, "pull", "-q")
    released = run(cron, "release", REDAKSI_NOW="2026-01-03T06:00:00+07:00")  # offline
    assert released.returncode == 0, released.stderr
    assert run(editor, "approve", "dua", "--push").returncode == 0
    result = run(cron, "sync", REDAKSI_NOW="2026-01-03T06:05:00+07:00")
    assert result.returncode == 0, result.stderr
    top = git(hub, "log", "-1", "--format=%an|%cn|%s%n%b", "main")
    assert top.startswith("Keyra|CI Bot|release: Satu")
    assert "Redaksi-Released-By: CI Bot <ci@kabar.test>" in top
    assert "status: published" in on_remote(hub, cron, "satu")
