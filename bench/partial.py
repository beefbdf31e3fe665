"""A desk larger than its laptop: redaksi in a blobless partial clone with a sparse cone.

    python bench/partial.py CORPUS --cone articles/2025/04 [--runs 3]

CORPUS is a newsroom built by bench/corpus.py (``bench/run.py --keep DIR`` leaves one). It is
served as a bare remote (``uploadpack.allowFilter``), cloned with ``--filter=blob:none`` and
a cone-mode sparse checkout (with a sparse index), and each command is timed there as a new
process. The objects the clone lacks are counted before and after: nothing may be downloaded
but what verify checks.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import REDAKSI, row, timed


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=cwd, check=True, capture_output=True, text=True
    ).stdout


def missing(clone: Path) -> int:
    out = git(clone, "rev-list", "--objects", "--missing=print", "--all")
    return sum(1 for line in out.splitlines() if line.startswith("?"))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--cone", default="articles/2025/04")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp())
    remote, clone = tmp / "remote.git", tmp / "desk"
    git(tmp, "clone", "-q", "--bare", str(args.corpus), str(remote))
    git(remote, "config", "uploadpack.allowFilter", "true")
    git(remote, "config", "uploadpack.allowAnySHA1InWant", "true")
    started = time.perf_counter()
    git(tmp, "clone", "-q", "--filter=blob:none", "--sparse", f"file://{remote}", str(clone))
    git(clone, "sparse-checkout", "set", "--cone", "--sparse-index", args.cone, "schemas")
    took = time.perf_counter() - started
    for key, value in (("user.name", "Mohammad S"), ("user.email", "ms@kabar.test")):
        git(clone, "config", key, value)
    cone = len(list((clone / "articles").rglob("*.md")))
    total = len(git(clone, "ls-tree", "-r", "--name-only", "HEAD", "--", "articles").split())
    print(f"{total:,} articles, a cone of {cone:,} ({args.cone}), medians of {args.runs}\n")
    print("| operation | wall | CPU | peak memory |\n|---|---|---|---|")
    row("git clone --filter=blob:none --sparse + sparse-checkout set", (took, 0))
    absent = missing(clone)
    cache = clone / ".git" / "redaksi"
    clear = [sys.executable, "-c", f"import shutil; shutil.rmtree({str(cache)!r}, True)"]
    row("redaksi validate, cold", timed([REDAKSI, "validate"], clone, args.runs, before=clear))
    row("redaksi validate, warm", timed([REDAKSI, "validate"], clone, args.runs))
    row("redaksi list, cold", timed([REDAKSI, "list"], clone, args.runs, before=clear))
    row("redaksi list, warm", timed([REDAKSI, "list"], clone, args.runs))
    listed = subprocess.run(
        [REDAKSI, "list", "--status", "review", "--format", "json"],
        cwd=clone,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    import json

    slugs = [a["slug"] for a in json.loads(listed)["articles"]]
    approve = [timed([REDAKSI, "approve", s, "--no-input"], clone, 1)[0] for s in slugs[:3]]
    row("redaksi approve", (sorted(approve)[len(approve) // 2], 0))
    row(
        "redaksi validate --changed-since HEAD~3",
        timed([REDAKSI, "validate", "--changed-since", "HEAD~3"], clone, args.runs),
    )
    row("redaksi verify --base HEAD~3", timed([REDAKSI, "verify", "--base", "HEAD~3"], clone, 1))
    print(f"\nobjects missing before: {absent:,}; after every command above: {missing(clone):,}")
    _verify_outside_the_cone(args.corpus, remote, clone, args.cone)
    shutil.rmtree(tmp, ignore_errors=True)


def _verify_outside_the_cone(corpus: Path, remote: Path, clone: Path, cone: str) -> None:
    """CI's case: a pull request of 20 hand edits to the archive, verified in the clone."""
    work = corpus.parent / f"{corpus.name}-work"
    git(corpus.parent, "clone", "-q", "--shared", str(corpus), str(work))
    old = git(work, "rev-parse", "HEAD").strip()
    paths = [p for p in git(work, "ls-files", "--", "articles").split() if not p.startswith(cone)][
        :20
    ]
    for path in paths:
        file = work / path
        file.write_text(file.read_text().replace("Warga", "Para warga", 1))
    git(work, "-c", "user.name=X", "-c", "user.email=x@kabar.test", "commit", "-qam", "edits")
    git(work, "push", "-q", f"file://{remote}", "HEAD:refs/heads/pr")
    git(clone, "fetch", "-q", "origin", "pr")
    before = missing(clone)
    result = timed([REDAKSI, "verify", "--base", old, "--head", "FETCH_HEAD"], clone, 1)
    row("redaksi verify of 20 hand edits outside the cone (CI)", result)
    print(f"objects fetched by that verify: {before - missing(clone)} (the 40 versions it reads)")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
