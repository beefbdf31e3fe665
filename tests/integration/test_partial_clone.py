"""A desk larger than its laptop: a blobless partial clone with a cone of one year (issue 15).

A real bare remote serves filtered clones (``uploadpack.allowFilter``); each test counts the
objects the clone lacks (``git rev-list --missing=print``) before and after redaksi runs, so a
command that downloads the archive behind the user's back fails here.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import STAFF_YAML, git, make_repo

SCHEMA = Path(__file__).resolve().parents[2] / "schemas" / "article.schema.json"

ARTICLE = """\
---
id: 0f9c7a52-5f1e-4c51-9a53-{n:012d}
title: Berita {n}
slug: berita-{n}
status: {status}
category: Hukum
reporter: {{name: Ali Ya'lu, email: ali@kabar.test}}
{extra}created_at: {year}-03-04T09:12:00+07:00
history:
  - {{action: draft, to: draft, by: ali@kabar.test, at: {year}-03-04T09:12:00+07:00}}
---
Probolinggo,- Berita nomor {n}. (*)
"""
PUBLISHED = (
    "editor: {name: Mohammad S, email: ms@kabar.test}\n"
    "publisher: {name: Keyra, email: keyra@kabar.test}\n"
    "published_at: 2025-03-05T09:12:00+07:00\n"
)


def write(root: Path, n: int, year: int, status: str) -> str:
    rel = f"articles/{year}/03/berita-{n}.md"
    (root / rel).parent.mkdir(parents=True, exist_ok=True)
    extra = PUBLISHED if status == "published" else ""
    (root / rel).write_text(ARTICLE.format(n=n, year=year, status=status, extra=extra))
    return rel


def missing(root: Path) -> set[str]:
    """The objects this clone lacks (never fetching them to find out)."""
    out = git(root, "rev-list", "--objects", "--missing=print", "--all")
    return {line[1:] for line in out.splitlines() if line.startswith("?")}


@pytest.fixture
def desk(tmp_path: Path) -> tuple[Path, Path]:
    """(an editor's blobless clone with the cone articles/2026, the full clone it came from)."""
    work = make_repo(tmp_path / "work", "keyra@kabar.test", "Keyra")
    (work / "redaksi.yaml").write_text(STAFF_YAML)
    (work / "schemas").mkdir()
    shutil.copy(SCHEMA, work / "schemas" / "article.schema.json")
    for n in range(30):
        write(work, n, 2025, "published")
    for n in range(30, 36):
        write(work, n, 2026, "review" if n % 2 else "draft")
    git(work, "add", "-A")
    git(work, "commit", "-qm", "archive")
    remote = tmp_path / "remote.git"
    git(tmp_path, "clone", "-q", "--bare", str(work), str(remote))
    git(remote, "config", "uploadpack.allowFilter", "true")
    git(remote, "config", "uploadpack.allowAnySHA1InWant", "true")
    git(work, "remote", "add", "origin", str(remote))
    git(work, "fetch", "-q", "origin")
    clone = tmp_path / "desk"
    url = f"file://{remote}"
    git(tmp_path, "clone", "-q", "--filter=blob:none", "--sparse", url, str(clone))
    git(clone, "sparse-checkout", "set", "articles/2026", "schemas")
    git(clone, "config", "user.name", "Mohammad S")
    git(clone, "config", "user.email", "ms@kabar.test")
    return clone, work


def test_every_reading_command_works_on_the_cone_and_downloads_nothing(
    desk: tuple[Path, Path], cli
) -> None:
    clone, _ = desk
    absent = missing(clone)
    assert len(absent) == 30  # the archive's articles are not here
    result = cli(clone, "validate", "--format", "json")
    assert result.code == 0 and json.loads(result.out)["checked"] == 6
    listed = json.loads(cli(clone, "list", "--status", "all", "--format", "json").out)
    assert sorted(a["slug"] for a in listed["articles"]) == [f"berita-{n}" for n in range(30, 36)]
    assert cli(clone, "show", "berita-31").code == 0
    assert cli(clone, "approve", "berita-31", "--no-input").code == 0
    assert cli(clone, "log", "berita-31").code == 0
    assert cli(clone, "validate", "--changed-since", "HEAD~1").code == 0
    assert cli(clone, "validate").code == 0  # warm, after a commit
    assert missing(clone) == absent


def test_verify_fetches_what_it_checks_in_one_request(
    desk: tuple[Path, Path], cli, tmp_path: Path
) -> None:
    clone, work = desk
    base = git(clone, "rev-parse", "HEAD").strip()
    for n in (3, 4, 5):  # published stories changed by hand: findings, outside the cone
        path = work / f"articles/2025/03/berita-{n}.md"
        path.write_text(path.read_text().replace("Berita nomor", "Berita diubah"))
    git(work, "commit", "-qam", "hand edits")
    git(work, "push", "-q", "origin", "HEAD:main")
    git(clone, "fetch", "-q", "origin")
    before = missing(clone)
    trace = tmp_path / "packets"
    os.environ["GIT_TRACE_PACKET"] = str(trace)
    try:
        result = cli(clone, "verify", "--base", base, "--head", "origin/main", "--format", "json")
    finally:
        del os.environ["GIT_TRACE_PACKET"]
    assert result.code == 1
    named = {e["file"] for e in json.loads(result.out)["errors"]}
    assert named == {f"articles/2025/03/berita-{n}.md" for n in (3, 4, 5)}
    changed = set(
        git(clone, "log", "--raw", "--no-abbrev", "--format=", f"{base}..origin/main")
        .replace(" ", "\n")
        .split()
    )
    fetched = before - missing(clone)
    assert fetched and fetched <= changed  # the old and new versions of those three, nothing else
    assert len(fetched) == 6
    assert trace.read_text().count("fetch> command=fetch") == 1


def test_only_the_cone_is_listed(desk: tuple[Path, Path], tmp_path: Path) -> None:
    from redaksi.services import treestate

    clone, work = desk
    assert treestate.articles_scope(clone) == ["articles/2026", ":(glob)articles/*"]
    listing = treestate.listing(clone, treestate.articles_scope(clone))
    assert listing.count(b"\0") == 6  # the cone's six, none of the archive's thirty
    git(clone, "sparse-checkout", "set", "articles", "schemas")
    assert treestate.articles_scope(clone) == ["articles"]
    git(clone, "sparse-checkout", "disable")
    assert treestate.articles_scope(clone) == ["articles"]
    assert treestate.articles_scope(work) == ["articles"]


def test_a_cone_without_the_schemas_is_refused(desk: tuple[Path, Path], cli) -> None:
    clone, _ = desk
    git(clone, "sparse-checkout", "set", "articles/2026")  # schemas/ left out
    result = cli(clone, "validate")
    assert result.code == 4
    assert "git sparse-checkout add schemas" in result.err
    git(clone, "sparse-checkout", "add", "schemas")
    assert cli(clone, "validate").code == 0


def test_every_writing_command_works_on_the_cone_and_downloads_nothing(
    desk: tuple[Path, Path], cli
) -> None:
    clone, _ = desk
    absent = missing(clone)
    people = {"ali": ("Ali Ya'lu", "ali@kabar.test"), "ms": ("Mohammad S", "ms@kabar.test")}
    people["keyra"] = ("Keyra", "keyra@kabar.test")

    def as_(who: str, *args: str) -> None:
        git(clone, "config", "user.name", people[who][0])
        git(clone, "config", "user.email", people[who][1])
        result = cli(clone, *args)
        assert result.code == 0, (args, result.err)

    as_("keyra", "staff", "add", "dewi@kabar.test", "--name", "Dewi", "--role", "reporter")
    git(clone, "push", "-q", "origin", "HEAD:main")  # staff counts once it is on the base
    base = git(clone, "rev-parse", "HEAD").strip()
    as_("ms", "approve", "berita-33", "--push")  # on top of the remote, pushed
    as_("ms", "sync")
    as_(
        "ali", "draft", "--no-input", "--body", "Isi. (*)", "--title", "Baru", "--category", "Hukum"
    )
    as_("ali", "submit", "baru")
    as_("ms", "approve", "baru")
    as_("ms", "diff", "baru")
    as_("keyra", "publish", "baru")
    as_("ms", "correct", "baru", "--note", "Nama diperbaiki.")
    as_("ms", "reassign", "berita-30", "--to", "dewi@kabar.test", "--note", "Dewi saja.")
    as_("ali", "discard", "berita-32", "--note", "Dobel.")
    as_("ms", "embargo", "berita-34", "--until", "2099-01-01 00:00")
    as_("keyra", "release")  # nothing is due
    as_("ms", "log", "baru")
    checked = cli(clone, "verify", "--base", base, "--head", "HEAD", "--format", "json")
    assert [e["message"] for e in json.loads(checked.out)["errors"]] == [] and checked.code == 0
    assert missing(clone) == absent
