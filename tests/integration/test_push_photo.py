"""A photo put on an article in review travels with its next step, pushed or not (SPEC: Photos)."""

from __future__ import annotations

import json
import re
import struct
import zlib
from pathlib import Path

from tests.conftest import git, snapshot, status
from tests.integration.conftest import ALI, MS, Clone, act_as, article, run

TINY = Path(__file__).resolve().parents[1] / "data" / "tiny.png"


def _photo(desk: Path, image: Path, name: str = "pasar.png") -> str:
    copy = desk.parent / name
    copy.write_bytes(image.read_bytes())
    result = run(desk, "photo", "satu", str(copy), "--caption", "Los sayur", "--credit", "Ali")
    assert result.returncode == 0, result.stderr
    front = article(desk, "satu").read_text()
    found = re.search(r"file: ([^,}\n]+)", front)
    assert found is not None, front
    return f"media/{found.group(1).strip()}"


def test_approve_push_carries_the_photo_left_waiting(hub: Path, clone: Clone) -> None:
    desk = clone("probolinggo", ALI)
    base = git(desk, "rev-parse", "HEAD").strip()
    media = _photo(desk, TINY)
    assert media in status(desk)  # waiting in the working tree, as SPEC says
    act_as(desk, MS)
    result = run(desk, "approve", "satu", "--push")
    assert result.returncode == 0, result.stderr
    pushed = git(hub, "show", "--name-only", "--format=", "main").split()
    rel = article(desk, "satu").relative_to(desk).as_posix()
    assert sorted(pushed) == sorted([rel, media])
    assert git(hub, "cat-file", "-s", f"main:{media}").strip() == str(len(TINY.read_bytes()))
    assert status(desk) == ""  # the clone moved onto the pushed step: nothing left behind
    check = run(desk, "verify", "--base", base, "--head", "origin/main", "--format", "json")
    assert json.loads(check.stdout)["errors"] == [] and check.returncode == 0


def _another_png() -> bytes:
    """tiny.png with one more (ancillary, harmless) chunk after IHDR: the same picture, other bytes."""
    data = TINY.read_bytes()
    body = b"kabar"
    chunk = struct.pack(">I", len(body)) + b"raNd" + body
    chunk += struct.pack(">I", zlib.crc32(b"raNd" + body))
    return data[:33] + chunk + data[33:]  # 8 signature bytes + IHDR's 25


def test_another_desks_photo_under_the_same_name_is_never_overwritten(
    hub: Path, clone: Clone, tmp_path: Path
) -> None:
    first, second = clone("probolinggo", ALI), clone("lumajang", ALI)
    media = "media/2026/11/satu-pasar.png"  # what redaksi photo names it, committed by hand
    (first / media).parent.mkdir(parents=True)
    (first / media).write_bytes(TINY.read_bytes())
    git(first, "add", media)
    git(first, "commit", "-qm", "a photo for later")
    git(first, "push", "-q", "origin", "main")
    other = tmp_path / "other.png"
    other.write_bytes(_another_png())
    assert _photo(second, other) == media  # the same name, other bytes
    act_as(second, MS)
    before = snapshot(second)
    result = run(second, "approve", "satu", "--push")
    assert result.returncode == 4, result.stderr
    assert result.stderr == (
        f"redaksi: {media}: upstream already has another file under this name; nothing was "
        "pushed: put your photo on again from a file with another name (redaksi photo), then retry\n"
    )
    assert snapshot(second) == before
    assert git(hub, "cat-file", "-s", f"main:{media}").strip() == str(len(TINY.read_bytes()))
