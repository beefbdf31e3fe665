"""Moving in: ``redaksi import wordpress`` on a generated archive, whole processes.

    python bench/wordpress.py [--posts 10000] [--huge-mb 200] [--keep DIR]

Writes a deterministic WXR export (bodies like a regional portal's: classic and block
editor, bold datelines, links, captions around featured images, galleries, embeds, lists,
quotes), imports it into a new newsroom, validates the result cold and warm, and prints
times and peak memory (``/usr/bin/time``). With ``--huge-mb``, also a large export of the
same posts carrying readers' comments (as big archives do), to show that memory follows the
largest post, not the file.
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.wxr import Post, export  # noqa: E402  (the tests' own export writer, on sys.path above)

BIN = Path(sys.executable).parent
REDAKSI = str(BIN / "redaksi")
NOW = "2026-01-01T00:00:00+07:00"
WORDS = str.split(
    "bupati pemerintah kabupaten warga desa jalan banjir bantuan sekolah rumah sakit pasar harga "
    "beras cabai petani nelayan dinas kesehatan pendidikan anggaran program kegiatan masyarakat "
    "kecamatan kota provinsi jawa timur probolinggo lumajang jember situbondo bondowoso polisi "
    "kejaksaan pengadilan sidang terdakwa saksi korban kerugian miliar rupiah tahun bulan pekan "
    "hari ini kemarin besok mengatakan menjelaskan menurut kepala sekretaris ketua anggota dewan "
    "rapat paripurna pembangunan jembatan irigasi sawah panen pupuk subsidi vaksin puskesmas"
)
CATEGORIES = ["Pemerintahan", "Ekonomi", "Hukum", "Pendidikan", "Kesehatan", "Olahraga", "Wisata"]


def sentence(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(8, 20))
    if rng.random() < 0.3:
        n = rng.randrange(len(words))
        words[n] = f'<a href="https://kabar.test/tag/{words[n]}/">{words[n]}</a>'
    if rng.random() < 0.2:
        n = rng.randrange(len(words))
        words[n] = f"<em>{words[n]}</em>"
    text = " ".join(words)
    return text[0].upper() + text[1:] + rng.choice([".", ".", ".", ",” katanya.", "?"])


def body(rng: random.Random, number: int, featured: int | None) -> str:
    paragraphs = [
        " ".join(sentence(rng) for _ in range(rng.randint(2, 4))) for _ in range(rng.randint(6, 11))
    ]
    paragraphs[0] = f"<strong>PROBOLINGGO</strong> &#8211; {paragraphs[0]}"
    if rng.random() < 0.3:
        items = "".join(f"<li>{sentence(rng)}</li>" for _ in range(rng.randint(2, 5)))
        paragraphs.insert(3, f"<ul>{items}</ul>")
    if rng.random() < 0.2:
        paragraphs.insert(2, f"<blockquote>{sentence(rng)}</blockquote>")
    if rng.random() < 0.1:
        paragraphs.append('[gallery ids="1,2,3"]')
    if rng.random() < 0.05:
        paragraphs.append('<iframe src="https://www.youtube.com/embed/x" width="560"></iframe>')
    if featured is not None:
        paragraphs.insert(
            0,
            f'[caption id="attachment_{featured}" align="aligncenter" width="640"]'
            f'<img class="wp-image-{featured}" src="https://kabar.test/wp-content/uploads/'
            f'2024/05/foto-{number}-640x480.jpg" /> {sentence(rng)}[/caption]',
        )
    if number % 3 == 0:  # block editor
        return "\n\n".join(
            f"<!-- wp:paragraph -->\n<p>{p}</p>\n<!-- /wp:paragraph -->" for p in paragraphs
        )
    return "\n\n".join(paragraphs[:4]) + "\n\n<!--more-->\n\n" + "\n\n".join(paragraphs[4:])


def archive(posts: int, comments: int = 0, seed: int = 14) -> list[Post]:
    rng = random.Random(seed)
    found: list[Post] = []
    for number in range(1, posts + 1):
        day = 1 + number * 3 // 1000  # about three years of news
        year, rest = 2022 + day // 365, day % 365
        date = f"{year}-{1 + rest // 31:02d}-{1 + rest % 28:02d} {number % 24:02d}:{number % 60:02d}:00"
        featured = 100_000 + number if rng.random() < 0.6 else None
        status = rng.choices(["publish", "draft", "pending", "private"], [94, 3, 2, 1])[0]
        title = " ".join(rng.choices(WORDS, k=rng.randint(5, 11))).title()
        meta = {"_thumbnail_id": str(featured)} if featured else {}
        found.append(
            Post(
                number,
                title,
                content=body(rng, number, featured),
                status=status,
                date_gmt=date if status != "draft" else "0000-00-00 00:00:00",
                modified_gmt=date,
                creator=rng.choice(["ali", "keyra"]),
                categories=rng.sample(CATEGORIES, rng.randint(1, 2)),
                tags=rng.sample(WORDS, rng.randint(0, 3)),
                meta=meta,
                comments=comments,
            )
        )
        if featured:
            found.append(
                Post(
                    featured,
                    f"foto-{number}",
                    type="attachment",
                    status="inherit",
                    attachment_url=f"https://kabar.test/wp-content/uploads/2024/05/foto-{number}.jpg",
                    excerpt="Keterangan foto",
                )
            )
    found += [Post(900_000 + n, f"Laman {n}", type="page") for n in range(50)]
    return found


def newsroom(folder: Path) -> Path:
    folder.mkdir(parents=True)
    for args in (
        ["init", "-q"],
        ["config", "user.name", "Keyra"],
        ["config", "user.email", "keyra@kabar.test"],
        ["config", "commit.gpgsign", "false"],
    ):
        subprocess.run(["git", *args], cwd=folder, check=True)
    subprocess.run(
        [REDAKSI, "init", "--name", "Kabar", "--no-input", "--language", "en"],
        cwd=folder,
        check=True,
        capture_output=True,
    )
    return folder


def timed(args: list[str], cwd: Path) -> tuple[float, float, int, str]:
    """Wall seconds, CPU seconds (user + system), peak memory (KB) and stdout of one process.

    CPU time is reported beside wall time because the machine may be shared: worker
    processes' time is included (``/usr/bin/time`` counts waited-for children).
    """
    started = time.perf_counter()
    done = subprocess.run(
        ["/usr/bin/time", "-f", "%M %U %S", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        env={**__import__("os").environ, "REDAKSI_NOW": NOW, "NO_PROGRESS": "1"},
    )
    seconds = time.perf_counter() - started
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(args[:3])} failed: {done.stderr[-800:]}")
    peak, user, system = done.stderr.strip().splitlines()[-1].split()
    return seconds, float(user) + float(system), int(peak), done.stdout


def row(label: str, result: tuple[float, float, int, str]) -> None:
    wall, cpu, peak, _ = result
    print(f"| {label} | {wall:,.1f} s | {cpu:,.1f} s | {peak / 1024:,.0f} MB |", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--huge-mb", type=int, default=0, help="also a large export (MB)")
    parser.add_argument("--keep", type=Path, help="work here and keep it")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp())
    work.mkdir(parents=True, exist_ok=True)
    path = work / "export.xml"
    path.write_text(export(archive(args.posts)), encoding="utf-8")
    size = path.stat().st_size / 1e6
    print(f"{args.posts:,} posts, export {size:,.1f} MB\n")
    print("| operation | wall | CPU | peak memory |\n|---|---|---|---|")
    root = newsroom(work / "newsroom")
    row(
        "import wordpress --dry-run",
        timed([REDAKSI, "import", "wordpress", str(path), "--dry-run"], root),
    )
    result = timed([REDAKSI, "import", "wordpress", str(path)], root)
    row("import wordpress (one commit)", result)
    print(f"\n{result[3].splitlines()[0]}\n")
    shutil.rmtree(root / ".git" / "redaksi", ignore_errors=True)
    row("validate, cold (no cache)", timed([REDAKSI, "validate"], root))
    row("validate, warm", timed([REDAKSI, "validate"], root))
    row("import again (nothing new)", timed([REDAKSI, "import", "wordpress", str(path)], root))
    if args.huge_mb:
        base = len(export(archive(args.posts)))
        comment = len(export(archive(1, comments=1))) - len(export(archive(1)))
        per_post = max(0, int((args.huge_mb * 1e6 - base) / args.posts / comment))
        big = work / "huge.xml"
        big.write_text(export(archive(args.posts, comments=per_post)), encoding="utf-8")
        print(f"\nlarge export: {big.stat().st_size / 1e6:,.0f} MB ({per_post} comments a post)\n")
        print("| operation | wall | CPU | peak memory |\n|---|---|---|---|")
        fresh = newsroom(work / "huge-newsroom")
        row(
            "import wordpress --dry-run",
            timed([REDAKSI, "import", "wordpress", str(big), "--dry-run"], fresh),
        )
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
