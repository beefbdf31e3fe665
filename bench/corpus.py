"""A deterministic newsroom of N SPEC-conformant articles, committed in one go with git fast-import.

    python bench/corpus.py DIR --size 10000

Articles cycle through every state with the people and fields each state requires; the same
size always gives the same files (ids come from a seeded generator).
"""

from __future__ import annotations

import argparse
import random
import subprocess
import uuid
from pathlib import Path

SCHEMAS = Path(__file__).resolve().parents[1] / "schemas"
CONFIG = """\
newsroom: Kabar Bench
timezone: Asia/Jakarta
language: en
categories: [Pemerintahan, Ekonomi, Hukum, Pendidikan, Kesehatan]
staff:
  - {name: Ali Ya'lu, email: ali@kabar.test, roles: [reporter]}
  - {name: Mohammad S, email: ms@kabar.test, roles: [editor]}
  - {name: Keyra, email: keyra@kabar.test, roles: [publisher]}
"""
STATES = ("draft", "review", "edit", *("published",) * 46, "retracted")
"""As in a real archive: nearly everything published, a small queue on the desk."""
CATEGORIES = ("Pemerintahan", "Ekonomi", "Hukum", "Pendidikan", "Kesehatan")
PLACES = ("Probolinggo", "Lumajang", "Pasuruan", "Jember", "Situbondo", "Bondowoso")


WORDS = tuple(
    [
        "warga",
        "desa",
        "jalan",
        "rusak",
        "gotong",
        "royong",
        "kepala",
        "dinas",
        "pekerjaan",
        "umum",
        "anggaran",
        "tahun",
        "ini",
        "perbaikan",
        "selesai",
        "minggu",
        "depan",
        "kata",
        "camat",
        "kepada",
        "wartawan",
        "di",
        "lokasi",
        "bupati",
        "meninjau",
        "bersama",
        "perangkat",
        "dan",
        "tokoh",
        "masyarakat",
        "setempat",
        "pada",
        "hari",
        "sabtu",
        "pagi",
    ]
)
BODY_BYTES = 4500
"""A portal's story is about 4.5 KB of text: the bodies are that long."""


def _body(n: int, rng: random.Random) -> str:
    """About BODY_BYTES of paragraphs (deterministic for a given generator state)."""
    words: list[str] = []
    size = 0
    while size < BODY_BYTES:
        word = WORDS[rng.randrange(len(WORDS))]
        words.append(word + ("." if rng.randrange(14) == 0 else ""))
        size += len(word) + 1
        if rng.randrange(80) == 0:
            words.append("\n\n")
    return " ".join(words).replace(" \n\n ", "\n\n")


def article(n: int, rng: random.Random) -> tuple[str, str]:
    """(path, text) of article number ``n``."""
    status = STATES[n % len(STATES)]
    year, month, day = 2022 + n % 4, 1 + n % 12, 1 + n % 28
    place = PLACES[n % len(PLACES)]
    slug = f"berita-{place.lower()}-{n}"
    at = f"{year}-{month:02d}-{day:02d}T{8 + n % 9:02d}:{n % 60:02d}:00+07:00"
    later = f"{year}-{month:02d}-{day:02d}T18:{n % 60:02d}:00+07:00"
    lines = [
        "---",
        f"id: {uuid.UUID(int=rng.getrandbits(128), version=4)}",
        f"title: Warga {place} Gotong Royong Perbaiki Jalan Desa, Nomor {n}",
        f"slug: {slug}",
        f"status: {status}",
        f"category: {CATEGORIES[n % len(CATEGORIES)]}",
        f"tags: [{place}, Desa]",
        f"dateline: {place}",
        "reporter: {name: Ali Ya'lu, email: ali@kabar.test}",
    ]
    history = [f"  - {{action: draft, to: draft, by: ali@kabar.test, at: {at}}}"]
    if status != "draft":
        history.append(
            f"  - {{action: submit, from: draft, to: review, by: ali@kabar.test, at: {at}}}"
        )
    if status in ("edit", "published", "retracted"):
        lines.append("editor: {name: Mohammad S, email: ms@kabar.test}")
        history.append(
            f"  - {{action: approve, from: review, to: edit, by: ms@kabar.test, at: {at}}}"
        )
    if status in ("published", "retracted"):
        lines.append("publisher: {name: Keyra, email: keyra@kabar.test}")
        history.append(
            f"  - {{action: publish, from: edit, to: published, by: keyra@kabar.test, at: {later}}}"
        )
    lines.append(f"created_at: {at}")
    if status in ("published", "retracted"):
        lines.append(f"published_at: {later}")
    if status == "retracted":
        lines.append(
            f"retraction: {{at: {later}, ground: trauma, reason: Atas permintaan keluarga.}}"
        )
        history.append(
            f"  - {{action: retract, from: published, to: retracted, by: keyra@kabar.test, at: {later}}}"
        )
    lines += ["history:", *history, "---"]
    body = f"{place},- " + _body(n, rng) + " (*)\n"
    return f"articles/{year}/{month:02d}/{slug}.md", "\n".join(lines) + "\n" + body


def build(folder: Path, size: int) -> None:
    """Create ``folder`` as a newsroom repository with ``size`` committed articles."""
    folder.mkdir(parents=True)
    subprocess.run(["git", "init", "-q", "-b", "main", str(folder)], check=True)
    rng = random.Random(size)
    files = {"redaksi.yaml": CONFIG}
    for schema in SCHEMAS.glob("*.json"):
        files[f"schemas/{schema.name}"] = schema.read_text(encoding="utf-8")
    for n in range(size):
        path, text = article(n, rng)
        files[path] = text
    stream = bytearray(
        b"commit refs/heads/main\ncommitter Bench <bench@kabar.test> 1700000000 +0700\n"
    )
    message = f"corpus of {size} articles".encode()
    stream += b"data %d\n%s\n" % (len(message), message)
    for path, text in files.items():
        data = text.encode("utf-8")
        stream += b"M 100644 inline %s\ndata %d\n%s\n" % (path.encode(), len(data), data)
    subprocess.run(["git", "fast-import", "--quiet"], input=bytes(stream), cwd=folder, check=True)
    subprocess.run(["git", "checkout", "-q", "main"], cwd=folder, check=True)
    subprocess.run(["git", "reset", "-q", "--hard"], cwd=folder, check=True)
    for key, value in (("user.name", "Mohammad S"), ("user.email", "ms@kabar.test")):
        subprocess.run(["git", "config", key, value], cwd=folder, check=True)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("folder", type=Path)
    parser.add_argument("--size", type=int, default=1000)
    args = parser.parse_args()
    build(args.folder, args.size)
    print(f"{args.size} articles in {args.folder}")


if __name__ == "__main__":
    main()
