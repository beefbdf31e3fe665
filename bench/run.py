"""The performance table: redaksi against its baselines, whole processes, side by side.

    python bench/run.py --size 10000 [--runs 3] [--keep DIR]

Builds a deterministic corpus (bench/corpus.py), then times each operation as a new process
and prints medians with peak memory. check-jsonschema is timed when it is installed
(``pip install check-jsonschema``); it is a baseline, not a dependency.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import build

BIN = Path(sys.executable).parent
REDAKSI = str(BIN / "redaksi")

MINIMAL = r"""
import sys, json, pathlib, yaml, jsonschema_rs
class Loader(yaml.CSafeLoader):
    pass
Loader.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_scalar)
root = pathlib.Path(sys.argv[1])
validator = jsonschema_rs.validator_for(json.loads((root / "schemas/article.schema.json").read_text()))
bad = 0
for path in root.glob("articles/*/*/*.md"):
    text = path.read_text(encoding="utf-8")
    front = text.split("\n---\n", 1)[0].removeprefix("---\n")
    bad += not validator.is_valid(yaml.load(front, Loader=Loader))
print(bad)
"""


def timed(
    args: list[str], cwd: Path, runs: int, before: list[str] | None = None
) -> tuple[float, int, float]:
    """Median wall seconds, peak memory (KB) and median CPU seconds (user + system, children
    included) of ``args`` run ``runs`` times."""
    seconds, peaks, cpu = [], [], []
    for _ in range(runs):
        if before:
            subprocess.run(before, cwd=cwd, shell=False, check=False, capture_output=True)
        started = time.perf_counter()
        done = subprocess.run(
            ["/usr/bin/time", "-f", "%M %U %S", *args],
            cwd=cwd,
            capture_output=True,
            text=True,
            check=False,
        )
        seconds.append(time.perf_counter() - started)
        if done.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(args[:3])} failed: {done.stderr[-500:]}")
        peak, user, system = done.stderr.strip().splitlines()[-1].split()
        peaks.append(int(peak))
        cpu.append(float(user) + float(system))
    return statistics.median(seconds), max(peaks), statistics.median(cpu)


def row(label: str, result: tuple[float, int, float] | tuple[float, int]) -> None:
    cpu = f"{result[2] * 1000:,.0f} ms" if len(result) > 2 else ""
    print(f"| {label} | {result[0] * 1000:,.0f} ms | {cpu} | {result[1] / 1024:,.0f} MB |")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--size", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="build the corpus here and keep it")
    parser.add_argument(
        "--skip-check-jsonschema", action="store_true", help="it takes minutes at 100k"
    )
    args = parser.parse_args()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "compileall",
            "-q",
            str(Path(__file__).resolve().parents[1] / "src"),
        ],
        capture_output=True,
    )
    tmp = Path(tempfile.mkdtemp())
    root = args.keep or tmp / "newsroom"
    if not root.exists():
        build(root, args.size)
    subprocess.run(["git", "config", "user.email", "ms@kabar.test"], cwd=root, check=True)
    cache = root / ".git" / "redaksi"
    clear = [
        sys.executable,
        "-c",
        f"import shutil; shutil.rmtree({str(cache)!r}, ignore_errors=True)",
    ]
    print(f"{args.size:,} articles, {os.cpu_count()} cores, medians of {args.runs}\n")
    print(f"load average before: {os.getloadavg()[0]:.1f}\n")
    print("| operation | wall | CPU | peak memory |\n|---|---|---|---|")
    row(
        "minimal script: libyaml + jsonschema-rs, 1 process",
        timed([sys.executable, "-c", MINIMAL, str(root)], root, args.runs),
    )
    checker = (
        None if args.skip_check_jsonschema else shutil.which("check-jsonschema", path=str(BIN))
    )
    if checker:
        extracted = tmp / "front"
        extracted.mkdir(exist_ok=True)
        for n, path in enumerate(sorted((root / "articles").rglob("*.md"))):
            (extracted / f"{n}.yaml").write_text(
                path.read_text().split("\n---\n", 1)[0].removeprefix("---\n")
            )
        files = sorted(str(p) for p in extracted.iterdir())
        row(
            "check-jsonschema on the same front matter",
            timed(
                [checker, "--schemafile", str(root / "schemas/article.schema.json"), *files],
                root,
                1,
            ),
        )
    row(
        "redaksi validate, cold (no cache)",
        timed([REDAKSI, "validate"], root, args.runs, before=clear),
    )
    row("redaksi validate, warm (nothing changed)", timed([REDAKSI, "validate"], root, args.runs))
    row(
        "redaksi list, cold (first run after a clone)",
        timed([REDAKSI, "list"], root, args.runs, before=clear),
    )
    row("redaksi list, warm", timed([REDAKSI, "list"], root, args.runs))
    in_review = [
        p for p in sorted((root / "articles").rglob("*.md")) if "status: review" in p.read_text()
    ]
    changed = in_review[0]
    changed.write_text(changed.read_text().replace("Warga", "Para warga", 1))
    row(
        "redaksi validate --changed-since HEAD, one article changed",
        timed([REDAKSI, "validate", "--changed-since", "HEAD"], root, args.runs),
    )
    subprocess.run(["git", "checkout", "-q", "--", "."], cwd=root, check=True)
    transition, by_hand = [], []
    for n in range(args.runs):
        transition.append(
            timed([REDAKSI, "approve", in_review[1 + n].stem, "--no-input"], root, 1)[0]
        )
        path = in_review[-1 - n]
        path.write_text(path.read_text().replace("status: review", "status: edit"))
        by_hand.append(timed(["sh", "-c", f"git add -- {path} && git commit -q -m x"], root, 1)[0])
    row("redaksi approve (one transition)", (statistics.median(transition), 0))
    row("the same edit with git add + git commit", (statistics.median(by_hand), 0))
    row("redaksi --help", timed([REDAKSI, "--help"], root, max(args.runs, 5)))
    row("python -c pass", timed([sys.executable, "-c", "pass"], root, max(args.runs, 5)))
    if not args.keep:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
