"""Ways past verify found by the second attack round, end to end on real repositories."""

from __future__ import annotations

import os
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

from tests.cli.test_transitions import ALI, KEYRA, MS, act_as
from tests.cli.test_verify import commit_as, edit, report, rules
from tests.conftest import drafted, git

TINY = Path(__file__).resolve().parents[1] / "data" / "tiny.png"


def _other_png() -> bytes:
    """tiny.png with one more harmless chunk after IHDR: the same picture, other bytes."""
    data, body = TINY.read_bytes(), b"crop"
    chunk = struct.pack(">I", len(body)) + b"raNd" + body
    return data[:33] + chunk + struct.pack(">I", zlib.crc32(b"raNd" + body)) + data[33:]


def _story_with_photo(cli, root: Path, title: str) -> tuple[str, str]:
    """A draft by Ali with a photo (its own commit); returns the article and its media file."""
    act_as(root, ALI)
    slug = title.lower()
    rel = cli(root, "draft", "--no-input", "--body", "Isi. (*)", "--title", title,
              "--category", "Hukum").out.strip()  # fmt: skip
    image = root.parent / f"{slug}.png"
    image.write_bytes(TINY.read_bytes())
    placed = cli(root, "photo", slug, str(image), "--caption", "Pasar", "--credit", "Ali")
    assert placed.code == 0, placed.err
    media = next(p for p in git(root, "ls-files", "media").split() if slug in p)
    return rel, media


def test_a_merge_cannot_swap_the_photo_of_a_story_published_meanwhile(newsroom: Path, cli) -> None:
    _, media = _story_with_photo(cli, newsroom, "Pasar")
    assert cli(newsroom, "submit", "pasar").code == 0
    act_as(newsroom, MS)
    assert cli(newsroom, "approve", "pasar").code == 0
    git(newsroom, "branch", "-M", "main")
    git(newsroom, "checkout", "-q", "-b", "pr")  # forked while the story is still in edit
    act_as(newsroom, ALI)
    (newsroom / media).write_bytes(_other_png())
    git(newsroom, "commit", "-qam", "better crop")  # honest where it stands: a story in edit
    git(newsroom, "checkout", "-q", "main")
    act_as(newsroom, KEYRA)
    assert cli(newsroom, "publish", "pasar").code == 0  # with the photo Keyra saw
    git(newsroom, "checkout", "-q", "pr")
    act_as(newsroom, ALI)
    git(newsroom, "merge", "-q", "--no-edit", "main")
    shown = subprocess.run(["git", "show", f"HEAD:{media}"], cwd=newsroom, capture_output=True)
    assert shown.stdout == _other_png()  # the merge result carries the branch's photo
    assert rules(cli, newsroom) == ["verify-media"]


def test_a_merge_may_bring_in_a_drafts_new_photo(newsroom: Path, cli) -> None:
    _, media = _story_with_photo(cli, newsroom, "Pasar")
    git(newsroom, "branch", "-M", "main")
    git(newsroom, "checkout", "-q", "-b", "pr")
    (newsroom / media).write_bytes(_other_png())
    git(newsroom, "commit", "-qam", "better crop")  # the story is a draft on both sides
    git(newsroom, "checkout", "-q", "main")
    _story_with_photo(cli, newsroom, "Lain")
    git(newsroom, "checkout", "-q", "pr")
    git(newsroom, "merge", "-q", "--no-edit", "main")
    assert rules(cli, newsroom) == []


def test_a_photo_key_spelled_to_hide_is_a_finding(newsroom: Path, cli) -> None:
    rel, _ = _story_with_photo(cli, newsroom, "Pasar")
    git(newsroom, "branch", "-M", "main")
    git(newsroom, "checkout", "-q", "-b", "pr")
    edit(newsroom, rel, "\nphoto:", '\n"photo":')  # the same YAML, invisible to '^photo:'
    git(newsroom, "commit", "-qam", "tidy")
    assert cli(newsroom, "validate").code == 0  # a legal draft...
    assert rules(cli, newsroom) == ["verify-spelling"]  # ...that verify could not watch


def test_a_release_changes_no_byte_but_its_own(newsroom: Path, cli, monkeypatch) -> None:
    """A release is the one step exempt from signatures: it may not even add a comment."""
    monkeypatch.setenv("REDAKSI_NOW", "2026-11-30T12:00:00+07:00")
    rel, _ = _story_with_photo(cli, newsroom, "Sidang")
    assert cli(newsroom, "submit", "sidang").code == 0
    act_as(newsroom, MS)
    assert cli(newsroom, "approve", "sidang").code == 0
    act_as(newsroom, KEYRA)
    assert cli(newsroom, "publish", "sidang", "--at", "2026-12-01 06:00").code == 0
    git(newsroom, "branch", "-M", "main")
    git(newsroom, "checkout", "-q", "-b", "pr")
    monkeypatch.setenv("REDAKSI_NOW", "2026-12-01T06:05:00+07:00")
    act_as(newsroom, ("Release Bot", "bot@ci.test"))
    assert cli(newsroom, "release").code == 0
    monkeypatch.setenv("REDAKSI_NOW", "2026-12-02T00:00:00+07:00")
    assert rules(cli, newsroom) == []  # the honest release passes
    for where, new in (("\ntitle:", "\n# dikoreksi diam-diam\ntitle:"), ("(*)", "(*) ")):
        edit(newsroom, rel, where, new)
        date = "2026-12-01T06:05:00+07:00"
        subprocess.run(["git", "commit", "-q", "--amend", "-a", "--no-edit", f"--date={date}"],
                       cwd=newsroom, check=True, env={**os.environ, "GIT_COMMITTER_DATE": date})  # fmt: skip
        assert rules(cli, newsroom) == ["verify-edits"], where
        git(newsroom, "reset", "-q", "--hard", "HEAD@{1}")


def test_a_photo_hidden_by_its_spelling_in_the_archive_is_still_protected(
    newsroom: Path, cli
) -> None:
    """Written before verify watched (on main, unchecked), the quoted key still counts."""
    rel, media = _story_with_photo(cli, newsroom, "Pasar")
    edit(newsroom, rel, "\nphoto:", '\n"photo":')
    git(newsroom, "commit", "-qam", "tidy")
    assert cli(newsroom, "submit", "pasar").code == 0
    act_as(newsroom, MS)
    assert cli(newsroom, "approve", "pasar").code == 0
    act_as(newsroom, KEYRA)
    assert cli(newsroom, "publish", "pasar").code == 0
    git(newsroom, "branch", "-M", "main")
    git(newsroom, "checkout", "-q", "-b", "pr")
    act_as(newsroom, ALI)
    (newsroom / media).write_bytes(_other_png())
    git(newsroom, "commit", "-qam", "better crop")
    assert rules(cli, newsroom) == ["verify-media"]


FAKE_IMPORT = """---
id: 11111111-2222-4333-8444-555555555555
title: Bupati Ditangkap
slug: bupati-ditangkap
status: published
category: Hukum
reporter: {name: Keyra, email: keyra@kabar.test}
created_at: 2025-02-01T10:00:00+07:00
published_at: 2025-02-01T10:00:00+07:00
imported: {from: wordpress, id: '4242', at: 2025-03-04T09:00:00+07:00}
history:
  - {action: import, to: published, by: keyra@kabar.test, at: 2025-03-04T09:00:00+07:00}
---
Probolinggo,- Bupati ditangkap, kata sumber tak bernama. (*)
"""


def test_a_publisher_cannot_import_her_own_story_past_four_eyes(newsroom: Path, cli) -> None:
    config = newsroom / "redaksi.yaml"
    for four_eyes, found in (("true", ["verify-four-eyes"]), ("false", [])):
        git(newsroom, "checkout", "-q", "-B", "main")
        text = config.read_text().split("four_eyes:")[0].rstrip("\n") + "\n"
        config.write_text(f"{text}four_eyes: {four_eyes}\n")
        git(newsroom, "commit", "-qam", f"four_eyes {four_eyes}")
        git(newsroom, "checkout", "-q", "-B", "pr")
        story = newsroom / "articles" / "2025" / "02" / "bupati-ditangkap.md"
        story.parent.mkdir(parents=True, exist_ok=True)
        story.write_text(FAKE_IMPORT)
        git(newsroom, "add", "-A")
        env = {**os.environ, "GIT_AUTHOR_NAME": "Keyra", "GIT_AUTHOR_EMAIL": "keyra@kabar.test"}
        subprocess.run(["git", "commit", "-qm", "import: wordpress\n\nRedaksi-Action: import\n"],
                       cwd=newsroom, check=True, env=env)  # fmt: skip
        assert rules(cli, newsroom) == found, four_eyes
        git(newsroom, "checkout", "-q", "main")
        git(newsroom, "branch", "-q", "-D", "pr")


def _pr(root: Path) -> None:
    git(root, "branch", "-M", "main")
    git(root, "checkout", "-q", "-b", "pr")


def test_a_step_may_bring_the_photo_its_story_names_and_no_other_file(newsroom: Path, cli) -> None:
    rel = drafted(cli, newsroom, "Pasar")
    assert cli(newsroom, "submit", "pasar").code == 0
    _pr(newsroom)
    placed = cli(newsroom, "photo", "pasar", str(TINY), "--caption", "Los sayur", "--credit", "Ali")
    assert placed.code == 0, placed.err  # in review: it waits for the next step
    act_as(newsroom, MS)
    assert cli(newsroom, "approve", "pasar").code == 0
    year, month = rel.split("/")[1:3]
    photo = f"media/{year}/{month}/pasar-tiny.png"
    assert sorted(git(newsroom, "show", "--name-only", "--format=", "HEAD").split()) == [rel, photo]
    assert report(cli, newsroom) == []
    other = newsroom / photo.replace("pasar-tiny", "lain")  # a photo the story does not name
    other.write_bytes(TINY.read_bytes())
    git(newsroom, "add", "-A")
    git(newsroom, "commit", "-q", "--amend", "--no-edit")
    assert [(e["file"], e["rule"]) for e in report(cli, newsroom)] == [(rel, "verify-extra-files")]


def test_a_step_may_add_its_photo_but_never_change_it(newsroom: Path, cli) -> None:
    rel, media = _story_with_photo(cli, newsroom, "Pasar")  # committed while a draft
    assert cli(newsroom, "submit", "pasar").code == 0
    _pr(newsroom)
    act_as(newsroom, MS)
    assert cli(newsroom, "approve", "pasar").code == 0
    assert report(cli, newsroom) == []
    (newsroom / media).write_bytes(_other_png())  # the same name, other bytes
    git(newsroom, "commit", "-q", "-a", "--amend", "--no-edit")
    assert [(e["file"], e["rule"]) for e in report(cli, newsroom)] == [(rel, "verify-extra-files")]


def test_a_finding_about_a_photo_names_the_photo(newsroom: Path, cli) -> None:
    _pr(newsroom)
    photo = newsroom / "media" / "2025" / "03" / "foto.png"
    photo.parent.mkdir(parents=True)
    photo.write_bytes(TINY.read_bytes())
    commit_as(newsroom, ("Mallory", "mallory@evil.test"), "foto")
    assert [(e["file"], e["line"], e["rule"]) for e in report(cli, newsroom)] == [
        ("media/2025/03/foto.png", 1, "verify-not-staff")
    ]


@pytest.mark.parametrize("change", ["other bytes", "deleted"])
def test_a_merge_cannot_change_the_photo_of_a_story_published_meanwhile(
    newsroom: Path, cli, change: str
) -> None:
    _, media = _story_with_photo(cli, newsroom, "Pasar")
    assert cli(newsroom, "submit", "pasar").code == 0
    act_as(newsroom, MS)
    assert cli(newsroom, "approve", "pasar").code == 0
    _pr(newsroom)  # forked while the story is still in edit
    act_as(newsroom, ALI)
    if change == "deleted":
        (newsroom / media).unlink()
    else:
        (newsroom / media).write_bytes(_other_png())
    git(newsroom, "commit", "-qam", "photo")  # honest where it stands: a story in edit
    git(newsroom, "checkout", "-q", "main")
    act_as(newsroom, KEYRA)
    assert cli(newsroom, "publish", "pasar").code == 0
    git(newsroom, "checkout", "-q", "pr")
    act_as(newsroom, ALI)
    git(newsroom, "merge", "-q", "--no-edit", "main")
    assert [(e["file"], e["line"], e["rule"]) for e in report(cli, newsroom)] == [
        (media, 1, "verify-media")
    ]
