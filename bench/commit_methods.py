"""How to commit one changed article in a large repository: GitPython's index or git itself.

    python bench/commit_methods.py --size 10000 --runs 5

Times, on the same corpus, (a) GitPython's pure-Python index (``repo.index.add`` +
``repo.index.commit``) and (b) git's own porcelain driven through GitPython
(``repo.git.commit("--only", ...)``, what redaksi uses), and prints the medians.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import build


def measure(size: int, runs: int) -> dict[str, float]:
    from git import Repo

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "newsroom"
        build(root, size)
        repo = Repo(root)
        target = sorted((root / "articles").rglob("*.md"))[0]
        rel = target.relative_to(root).as_posix()
        timings: dict[str, list[float]] = {"gitpython-index": [], "git-commit-only": []}
        for run in range(runs):
            for method in timings:
                target.write_text(target.read_text() + f"{method} {run}\n")
                started = time.perf_counter()
                if method == "gitpython-index":
                    repo.index.add([rel])
                    repo.index.commit(f"{method} {run}")
                else:
                    repo.git.commit("--only", "-q", "-m", f"{method} {run}", "--", rel)
                timings[method].append(time.perf_counter() - started)
        repo.close()
    return {method: statistics.median(values) * 1000 for method, values in timings.items()}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--size", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    for method, ms in measure(args.size, args.runs).items():
        print(f"{args.size:>7} articles  {method:<16} {ms:8.1f} ms (median of {args.runs})")


if __name__ == "__main__":
    main()
