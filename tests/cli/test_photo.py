"""redaksi photo, and validate's photo checks (SPEC: Photos)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from redaksi.site import images
from tests.conftest import git, head, snapshot, status
from tests.sitekit import article, commit

DATA = Path(__file__).resolve().parents[1] / "data"


def _draft(cli, root: Path) -> str:
    result = cli(root, "draft", "--no-input", "--title", "Pasar Baru", "--category", "Hukum")
    assert result.code == 0, result.err
    return result.out.strip()


def test_photo_on_a_draft_is_one_commit_without_location_data(newsroom: Path, cli) -> None:
    rel = _draft(cli, newsroom)
    folder = rel.split("/")[1:3]
    source = newsroom.parent / "Foto Pasar!.JPG"
    shutil.copy(DATA / "gps.jpg", source)
    result = cli(
        newsroom, "photo", "pasar-baru", str(source), "--caption", "Los sayur", "--credit", "Ali"
    )
    assert result.code == 0, result.err
    media = f"media/{folder[0]}/{folder[1]}/pasar-baru-foto-pasar.jpg"
    assert sorted(git(newsroom, "show", "--name-only", "--format=", "HEAD").split()) == sorted(
        [rel, media]
    )
    assert git(newsroom, "log", "-1", "--format=%s").strip() == "photo: Pasar Baru"
    data = (newsroom / media).read_bytes()
    assert images.kind(data) == "jpeg" and b"TestCam" not in data and b"Exif" not in data
    assert images.size(data) == (32, 18)
    text = (newsroom / rel).read_text()
    assert (
        f"photo: {{file: {'/'.join(folder)}/pasar-baru-foto-pasar.jpg, caption: Los sayur, credit: Ali}}"
        in text
    )
    assert status(newsroom) == ""
    assert cli(newsroom, "validate").code == 0


def test_photo_in_review_travels_with_the_next_step(newsroom: Path, cli) -> None:
    rel = _draft(cli, newsroom)
    (newsroom / rel).write_text((newsroom / rel).read_text() + "Isi berita. (*)\n")
    assert cli(newsroom, "submit", "pasar-baru").code == 0
    commit_before = head(newsroom)
    result = cli(
        newsroom, "photo", "pasar-baru", str(DATA / "tiny.png"), "--caption", "c", "--credit", "k"
    )
    assert result.code == 0 and head(newsroom) == commit_before
    git(newsroom, "config", "user.email", "ms@kabar.test")
    assert cli(newsroom, "approve", "pasar-baru").code == 0
    changed = git(newsroom, "show", "--name-only", "--format=", "HEAD").split()
    assert rel in changed and any(p.endswith("pasar-baru-tiny.png") for p in changed)
    assert status(newsroom) == ""


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["--caption", "c"], 2),
        (["--caption", "c", "--credit", "k", "--image", "not-an-image"], 3),
        (["--caption", "c", "--credit", "k", "--image", "missing"], 2),
    ],
)
def test_photo_refusals_change_nothing(newsroom: Path, cli, args: list[str], code: int) -> None:
    _draft(cli, newsroom)
    image = str(DATA / "tiny.png")
    if "--image" in args:
        kind = args[-1]
        args = args[:-2]
        image = str(newsroom.parent / "x.jpg")
        if kind == "not-an-image":
            (newsroom.parent / "x.jpg").write_text("<svg/>")
    before, commit_before = snapshot(newsroom), head(newsroom)
    assert cli(newsroom, "photo", "pasar-baru", image, *args).code == code
    assert snapshot(newsroom) == before and head(newsroom) == commit_before


def test_photo_is_refused_on_a_published_story_and_when_too_large(newsroom: Path, cli) -> None:
    article(newsroom, "terbit")
    commit(newsroom)
    before = snapshot(newsroom)
    result = cli(
        newsroom, "photo", "terbit", str(DATA / "tiny.png"), "--caption", "c", "--credit", "k"
    )
    assert result.code == 3 and snapshot(newsroom) == before
    _draft(cli, newsroom)
    config = newsroom / "redaksi.yaml"
    config.write_text(config.read_text() + "max_photo_mb: 0.0001\n")
    commit(newsroom, "tiny limit")
    big = newsroom.parent / "big.png"
    big.write_bytes((DATA / "tiny.png").read_bytes() + b"\0" * 200)
    result = cli(newsroom, "photo", "pasar-baru", str(big), "--caption", "c", "--credit", "k")
    assert result.code == 3 and "max_photo_mb" in result.err


def test_validate_checks_the_photo_files(newsroom: Path, cli) -> None:
    media = newsroom / "media"
    media.mkdir()
    shutil.copy(DATA / "tiny.png", media / "png-named.jpg")
    shutil.copy(DATA / "gps.jpg", media / "real.jpg")
    (media / "link.jpg").symlink_to(media / "real.jpg")
    cases = {
        "ok": {"file": "real.jpg"},
        "missing": {"file": "nope.jpg"},
        "kind": {"file": "png-named.jpg"},
        "symlink": {"file": "link.jpg"},
        "url": {"url": "http://lama.test/a.jpg"},
    }
    for slug, photo in cases.items():
        article(newsroom, slug, status="draft", photo={**photo, "caption": "c", "credit": "k"})
    commit(newsroom)
    result = cli(newsroom, "validate", "--format", "json")
    assert result.code == 1
    rules = {e["file"].rsplit("/", 1)[1]: e["rule"] for e in json.loads(result.out)["errors"]}
    assert rules == {
        "missing.md": "photo-missing",
        "kind.md": "photo-kind",
        "symlink.md": "photo-symlink",
        "url.md": "pattern",
    }
    assert all(
        e["line"] > 1 for e in json.loads(result.out)["errors"] if e["rule"].startswith("photo")
    )
    # a warm run (nothing changed in articles/) still sees a photo deleted since
    (media / "real.jpg").unlink()
    again = json.loads(cli(newsroom, "validate", "--format", "json").out)
    assert "photo-missing" in {e["rule"] for e in again["errors"] if e["file"].endswith("/ok.md")}


def test_validate_reads_a_sparse_checkouts_photo_from_git(newsroom: Path, cli) -> None:
    (newsroom / "media").mkdir()
    shutil.copy(DATA / "gps.jpg", newsroom / "media" / "real.jpg")
    article(
        newsroom, "ok", status="draft", photo={"file": "real.jpg", "caption": "c", "credit": "k"}
    )
    commit(newsroom)
    git(newsroom, "sparse-checkout", "set", "--no-cone", "/*", "!/media/")
    assert not (newsroom / "media" / "real.jpg").exists()
    assert cli(newsroom, "validate").code == 0


def test_a_photo_step_is_pushed_by_sync_and_passes_verify(
    newsroom: Path, cli, tmp_path: Path
) -> None:
    remote = tmp_path / "remote.git"
    git(newsroom, "branch", "-M", "main")
    git(tmp_path, "init", "-q", "--bare", str(remote))
    git(newsroom, "remote", "add", "origin", str(remote))
    git(newsroom, "push", "-q", "-u", "origin", "main")
    base = head(newsroom)
    _draft(cli, newsroom)
    shutil.copy(DATA / "gps.jpg", newsroom.parent / "pasar.jpg")
    photo = str(newsroom.parent / "pasar.jpg")
    args = ("--caption", "Los sayur", "--credit", "Ali")
    assert cli(newsroom, "photo", "pasar-baru", photo, *args).code == 0
    assert "Redaksi-Action: photo" in git(newsroom, "log", "-1", "--format=%B")
    result = cli(newsroom, "sync")
    assert result.code == 0, result.err
    assert git(remote, "log", "-1", "--format=%s", "main").strip() == "photo: Pasar Baru"
    check = cli(newsroom, "verify", "--base", base, "--format", "json")
    assert [e["message"] for e in json.loads(check.out)["errors"]] == [] and check.code == 0
