"""One transition in a large newsroom, against the same edit done by hand with git.

    python bench/transition.py --size 10000 --runs 5

Builds a corpus, then repeatedly times ``redaksi approve`` + ``redaksi reject`` on articles in
review (whole processes, as a person runs them) and, for comparison, a hand edit of the same
file followed by ``git add`` + ``git commit``. Prints medians in milliseconds.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import build

REDAKSI = str(Path(sys.executable).with_name("redaksi"))


def timed(args: list[str], cwd: Path) -> float:
    started = time.perf_counter()
    subprocess.run(args, cwd=cwd, check=True, capture_output=True)
    return (time.perf_counter() - started) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--size", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "newsroom"
        build(root, args.size)
        in_review = [
            p
            for p in sorted((root / "articles").rglob("*.md"))
            if "status: review" in p.read_text()
        ]
        approve, reject, by_hand = [], [], []
        for run in range(args.runs):
            slug = in_review[run].stem
            approve.append(timed([REDAKSI, "approve", slug, "--no-input"], root))
            reject.append(timed([REDAKSI, "reject", slug, "--note", "Bench.", "--no-input"], root))
            path = in_review[-1 - run]
            path.write_text(path.read_text().replace("status: review", "status: edit"))
            started = time.perf_counter()
            subprocess.run(["git", "add", "--", str(path)], cwd=root, check=True)
            subprocess.run(["git", "commit", "-q", "-m", "by hand"], cwd=root, check=True)
            by_hand.append((time.perf_counter() - started) * 1000)
        print(f"{args.size} articles, median of {args.runs}:")
        print(f"  redaksi approve          {statistics.median(approve):8.1f} ms")
        print(f"  redaksi reject --note    {statistics.median(reject):8.1f} ms")
        print(f"  git add + git commit     {statistics.median(by_hand):8.1f} ms")


if __name__ == "__main__":
    main()
