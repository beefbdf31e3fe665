"""The catalog never gives a stale answer: every way an article can change is seen."""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from redaksi.services import catalog
from tests.conftest import git

GOOD = """\
---
id: 0f9c7a52-5f1e-4c51-9a53-8e2b61c0d{n:03d}
title: Berita {n}
slug: berita-{n}
status: {status}
category: Hukum
reporter: {{name: Ali, email: ali@kabar.test}}
created_at: 2025-03-04T09:12:00+07:00
---
(*)
"""


def write(root: Path, n: int, status: str = "draft") -> Path:
    path = root / "articles" / "2025" / "03" / f"berita-{n}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(GOOD.format(n=n, status=status))
    return path


def fresh(cli, root: Path, *args: str) -> str:
    """The answer with nothing remembered."""
    shutil.rmtree(root / ".git" / "redaksi", ignore_errors=True)
    return cli(root, *args).out


def test_uncommitted_staged_and_untracked_changes_are_seen(newsroom: Path, cli) -> None:
    for n in range(3):
        write(newsroom, n)
    git(newsroom, "add", "-A")
    git(newsroom, "commit", "-qm", "three")
    assert cli(newsroom, "validate").code == 0
    path = write(newsroom, 1, status="publishd")  # edited, not staged
    assert cli(newsroom, "validate").code == 1
    git(newsroom, "add", str(path))  # staged: the index changes
    assert cli(newsroom, "validate").code == 1
    write(newsroom, 1)  # back, but the index still has the broken version
    assert cli(newsroom, "validate").code == 0
    write(newsroom, 7, status="terbit")  # a new, untracked article
    assert "berita-7.md" in cli(newsroom, "validate").out
    (newsroom / "articles" / "2025" / "03" / "berita-7.md").unlink()
    assert cli(newsroom, "validate").code == 0


def test_same_size_same_second_edits_are_seen(newsroom: Path, cli) -> None:
    path = write(newsroom, 1)
    git(newsroom, "add", "-A")
    git(newsroom, "commit", "-qm", "one")
    assert cli(newsroom, "list", "--format", "json").code == 0
    stat = path.stat()
    path.write_text(path.read_text().replace("status: draft", "status: edit!"))  # same length
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # and the same time
    result = json.loads(cli(newsroom, "list", "--status", "all", "--format", "json").out)
    assert result["articles"] == []  # 'edit!' is no status: the article left every queue
    assert cli(newsroom, "validate").code == 1


def test_schema_and_config_changes_are_seen(newsroom: Path, cli) -> None:
    write(newsroom, 1)
    assert cli(newsroom, "validate").code == 0
    config = newsroom / "redaksi.yaml"
    config.write_text(
        config.read_text().replace("[Pemerintahan, Ekonomi, Hukum]", "[Pemerintahan, Ekonomi]")
    )
    assert "category 'Hukum' is not in redaksi.yaml" in cli(newsroom, "validate").out
    config.write_text(
        config.read_text().replace("[Pemerintahan, Ekonomi]", "[Pemerintahan, Ekonomi, Hukum]")
    )
    assert cli(newsroom, "validate").code == 0
    schemas = newsroom / "schemas"
    schemas.mkdir()
    schema = json.loads(
        (Path(__file__).resolve().parents[2] / "schemas" / "article.schema.json").read_text()
    )
    schema["required"].append("dateline")
    (schemas / "article.schema.json").write_text(json.dumps(schema))
    assert "'dateline' is missing" in cli(newsroom, "validate").out


def test_a_damaged_or_deleted_cache_is_ignored(newsroom: Path, cli) -> None:
    write(newsroom, 1, status="terbit")
    expected = cli(newsroom, "validate").out
    for name in os.listdir(newsroom / ".git" / "redaksi"):
        (newsroom / ".git" / "redaksi" / name).write_bytes(b"\x00garbage")
    assert cli(newsroom, "validate").out == expected
    assert fresh(cli, newsroom, "validate") == expected


OPERATIONS = st.lists(
    st.tuples(
        st.sampled_from(["edit", "break", "new", "delete", "commit", "stage", "restore"]),
        st.integers(0, 4),
    ),
    min_size=1,
    max_size=8,
)


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(OPERATIONS)
@example([("edit", 1), ("break", 1), ("edit", 1)])  # an already-changed file changed again
@example([("new", 0), ("break", 0), ("stage", 0), ("edit", 0), ("restore", 0)])
def test_remembered_answers_equal_fresh_ones_after_any_changes(
    newsroom: Path, cli, operations
) -> None:
    for n in range(3):
        write(newsroom, n)
    git(newsroom, "add", "-A")
    git(newsroom, "commit", "-qm", "start", "--allow-empty")
    for operation, n in operations:
        path = newsroom / "articles" / "2025" / "03" / f"berita-{n}.md"
        if operation == "edit":
            write(newsroom, n, status="review")
        elif operation == "break":
            write(newsroom, n, status="rusak")
        elif operation == "new":
            write(newsroom, n + 10)
        elif operation == "delete" and path.exists():
            path.unlink()
        elif operation == "commit":
            git(newsroom, "add", "-A")
            git(newsroom, "commit", "-qm", "step", "--allow-empty")
        elif operation == "stage":
            git(newsroom, "add", "-A")
        elif operation == "restore":
            git(newsroom, "checkout", "-q", "--", ".")
        remembered = [
            cli(newsroom, "validate", "--format", "json").out,
            cli(newsroom, "list", "--status", "all", "--format", "json").out,
        ]
        assert remembered == [
            fresh(cli, newsroom, "validate", "--format", "json"),
            fresh(cli, newsroom, "list", "--status", "all", "--format", "json"),
        ]
    git(newsroom, "rm", "-rqf", "--cached", "--ignore-unmatch", "articles/2025")
    shutil.rmtree(newsroom / "articles" / "2025", ignore_errors=True)
    git(newsroom, "commit", "-qm", "reset", "--allow-empty")


def test_the_blob_id_is_gits() -> None:
    assert catalog.blob_id(b"hello\n") == "ce013625030ba8dba906f756967f9e9ca394464a"


def test_the_catalog_knows_every_status() -> None:
    from redaksi.core.workflow import STATUSES

    assert catalog.STATUSES == STATUSES


def test_a_whole_validate_leaves_list_warm(newsroom: Path, cli) -> None:
    write(newsroom, 1)
    assert cli(newsroom, "validate").code == 0
    now = catalog.state(newsroom)
    assert now is not None and catalog.recall(newsroom, now, "desk-draft") is not None


def test_parallel_analysis_gives_the_same_answers(newsroom: Path, cli, monkeypatch) -> None:
    for n in range(40):
        write(newsroom, n, status="rusak" if n % 7 == 0 else "draft")
    serial = fresh(cli, newsroom, "validate", "--format", "json")
    monkeypatch.setattr(catalog, "PARALLEL_FROM", 10)
    parallel = fresh(cli, newsroom, "validate", "--format", "json")
    assert parallel == serial and json.loads(parallel)["checked"] == 40
    assert len(json.loads(parallel)["errors"]) == 6


# -- answers stored under the bytes they came from (issue 10.7) ---------------------------------

HOUR_AGO = 3600 * 10**9


def age(path: Path) -> None:
    """Give ``path`` a modification time an hour ago (out of reach of every racy-time guard)."""
    old = path.stat().st_mtime_ns - HOUR_AGO
    os.utime(path, ns=(old, old))


def age_folders(root: Path) -> None:
    for folder in [root / "articles", *(p for p in (root / "articles").rglob("*") if p.is_dir())]:
        age(folder)


def committed(root: Path, *numbers: int) -> list[Path]:
    paths = [write(root, n) for n in numbers]
    for path in paths:
        age(path)
    git(root, "add", "-A")
    git(root, "commit", "-qm", "articles")
    return paths


def assert_fresh(cli, root: Path, code: int) -> None:
    """validate answers ``code``, and exactly what a run with nothing remembered answers."""
    remembered = cli(root, "validate", "--format", "json")
    assert remembered.code == code, remembered.out
    assert remembered.out == fresh(cli, root, "validate", "--format", "json")


def test_a_file_saved_while_validate_reads_is_never_filed_under_the_old_bytes(
    newsroom: Path, cli, monkeypatch
) -> None:
    [path] = committed(newsroom, 1)
    good = path.read_bytes()
    real_state = catalog.state

    def state_then_save(root: Path, *args: object):
        now = real_state(root, *args)
        path.write_text(GOOD.format(n=1, status="rusak"))  # saved after git looked
        return now

    monkeypatch.setattr(catalog, "state", state_then_save)
    cli(newsroom, "validate")  # whichever answer: it must not be kept for the committed bytes
    monkeypatch.setattr(catalog, "state", real_state)
    path.write_bytes(good)
    git(newsroom, "update-index", "--refresh")
    assert_fresh(cli, newsroom, 0)


@pytest.mark.parametrize("flag", ["--assume-unchanged", "--skip-worktree"])
def test_flagged_files_are_read_for_what_they_hold(newsroom: Path, cli, flag: str) -> None:
    [path] = committed(newsroom, 1)
    assert cli(newsroom, "validate").code == 0
    git(newsroom, "update-index", flag, str(path))
    path.write_text(GOOD.format(n=1, status="rusak"))  # git diff-files will never say so
    assert_fresh(cli, newsroom, 1)
    listed = json.loads(cli(newsroom, "list", "--status", "all", "--format", "json").out)
    assert listed["articles"] == []  # 'rusak' is no status
    path.write_text(GOOD.format(n=1, status="review"))
    assert_fresh(cli, newsroom, 0)


def test_an_untracked_article_is_seen_when_its_folder_time_is_put_back(newsroom: Path, cli) -> None:
    committed(newsroom, 1)
    age_folders(newsroom)
    folder = newsroom / "articles" / "2025" / "03"
    stamp = folder.stat().st_mtime_ns
    assert cli(newsroom, "validate").code == 0
    write(newsroom, 2, status="rusak")
    os.utime(folder, ns=(stamp, stamp))  # as if nothing had been added
    assert_fresh(cli, newsroom, 1)


@pytest.mark.parametrize("where", [".git/info/exclude", ".gitignore", "../excludes-file"])
def test_an_edit_to_an_exclude_file_is_seen(newsroom: Path, cli, where: str) -> None:
    committed(newsroom, 1)
    exclude = newsroom / where
    if where == "../excludes-file":
        git(newsroom, "config", "core.excludesFile", str(exclude))
    exclude.write_text("berita-2.md\n")
    write(newsroom, 2, status="rusak")  # untracked, and ignored
    age_folders(newsroom)
    assert_fresh(cli, newsroom, 0)
    exclude.write_text("# nothing ignored\n")  # the same folders, the same times
    assert_fresh(cli, newsroom, 1)


def test_loose_stat_settings_do_not_hide_an_edit(newsroom: Path, cli) -> None:
    git(newsroom, "config", "core.checkStat", "minimal")
    git(newsroom, "config", "core.trustCtime", "false")
    [path] = committed(newsroom, 1)
    assert cli(newsroom, "validate").code == 0
    before = path.stat()
    saved = path.with_name(".berita-1.md.swp")  # saved as editors do: a new file renamed over
    saved.write_text(path.read_text().replace("status: draft", "status: rusak"))  # same size
    os.utime(saved, ns=(before.st_atime_ns, before.st_mtime_ns))  # and the same time
    os.replace(saved, path)
    assert git(newsroom, "diff-files", "--name-only") == ""  # git, so configured, sees nothing
    assert_fresh(cli, newsroom, 1)


def test_an_edited_file_edited_again_to_a_broken_state_is_seen(newsroom: Path, cli) -> None:
    [path] = committed(newsroom, 1)
    path.write_text(GOOD.format(n=1, status="review"))  # modified: git says so
    assert_fresh(cli, newsroom, 0)
    stamp = path.stat()
    path.write_text(GOOD.format(n=1, status="rusak!"))  # again, same size, same time
    os.utime(path, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    assert cli(newsroom, "validate").code == 1
    assert_fresh(cli, newsroom, 1)


def test_a_folder_changed_moments_ago_is_listed_again(newsroom: Path) -> None:
    from redaksi.services import treestate

    folder = str(newsroom / "articles")
    scope = ["articles"]
    just_now = time.time_ns()
    recent = {folder: (just_now, just_now, None)}
    assert treestate.untracked(newsroom, recent, b"", scope) == b""
    write(newsroom, 2)  # within the same clock tick, the folder's times could be the same
    listing = treestate.untracked(newsroom, recent, b"", scope)
    assert listing == b"articles/2025/03/berita-2.md\0"
    # the same times, long ago: trusted, so the remembered listing is reused without asking git
    old = {folder: (just_now - HOUR_AGO, just_now - HOUR_AGO, None)}
    assert treestate.untracked(newsroom, old, b"", scope) == listing
    write(newsroom, 3)
    assert treestate.untracked(newsroom, old, b"", scope) == listing


def test_a_catalog_kept_in_many_pieces_reads_back_whole(
    newsroom: Path, cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One entry a piece: every piece of the catalog, its ids and the desk is read back."""
    from tests.conftest import drafted

    monkeypatch.setattr(catalog, "PIECE", 1)
    for title in ("Banjir di Kraksaan", "Jalan desa rusak", "Pasar baru dibuka"):
        drafted(cli, newsroom, title)
    kept = newsroom / ".git" / "redaksi"
    shutil.rmtree(kept, ignore_errors=True)
    fresh = cli(newsroom, "list", "--format", "json")
    assert cli(newsroom, "validate").code == 0
    assert len(catalog.cache.read_pieces(kept / "catalog")) == 7  # the header, 3 x (ids, entries)
    for snapshot in kept.glob("snapshot-*"):
        snapshot.unlink()  # the answers must now come from the pieces
    analysed: list[object] = []
    original = catalog._analyse_many

    def counting(root: Path, jobs: list, progress: object) -> list:  # type: ignore[type-arg]
        analysed.extend(jobs)
        return original(root, jobs, progress)  # type: ignore[arg-type]

    monkeypatch.setattr(catalog, "_analyse_many", counting)
    again = cli(newsroom, "list", "--format", "json")
    assert analysed == []  # every entry was found in the pieces
    assert again.code == 0 and json.loads(again.out) == json.loads(fresh.out)
    assert len(json.loads(again.out)["articles"]) == 3
    one = next((newsroom / "articles").rglob("*.md")).relative_to(newsroom).as_posix()
    assert cli(newsroom, "validate", one).code == 0  # the ids file, read in pieces
