"""Mutation testing: how many small planted bugs the suite catches, per module.

    .venv/bin/pip install -q -e '.[dev,mutation]'   # once: mutmut
    .venv/bin/python bench/mutation.py               # a full run from scratch, then the report
    .venv/bin/python bench/mutation.py --survivors   # after adding tests: retest what survived
    .venv/bin/python bench/mutation.py --report      # the report of the last run, nothing run

What is mutated and which tests run is configured in pyproject.toml ([tool.mutmut]): all of
core/, and services/verify.py, trust.py, merges.py and catalog.py. mutmut records which tests
call each function and runs only those against its mutants (fastest first, stopping at the first
failure). Mutants that survive although no test could ever tell them apart from the original are
listed, each with its reason, in bench/mutation-equivalent.md, and counted as equivalent.

A benchmark-like report, never part of CI (.ci/run does not run it): the work happens in
mutants/ (ignored by git), on every core unless --jobs says otherwise.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EQUIVALENT = ROOT / "bench" / "mutation-equivalent.md"
STATUS = {1: "killed", 3: "killed", 0: "survived", 5: "no tests", 33: "no tests", 36: "timeout"}
STATUS |= {code: "timeout" for code in (-24, 24, 152, 255)}
COLUMNS = ("killed", "survived", "timeout", "no tests", "equivalent", "not checked", "other")


def mutmut() -> str:
    found = Path(sys.executable).with_name("mutmut")
    if not found.exists():
        sys.exit("mutmut is not installed: .venv/bin/pip install -q -e '.[dev,mutation]'")
    return str(found)


def equivalents() -> dict[str, str]:
    """Mutant name -> why no test can kill it, from bench/mutation-equivalent.md."""
    if not EQUIVALENT.exists():
        return {}
    found = {}
    for line in EQUIVALENT.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^- `([\w.ǁ]+__mutmut_\d+)`: (.+)$", line)
        if match:
            found[match.group(1)] = match.group(2)
    return found


def results() -> dict[str, dict[str, str]]:
    """Module -> mutant name -> status, from mutmut's files in mutants/."""
    table: dict[str, dict[str, str]] = defaultdict(dict)
    for meta in sorted((ROOT / "mutants" / "src").rglob("*.py.meta")):
        data = json.loads(meta.read_text(encoding="utf-8"))
        module = meta.relative_to(ROOT / "mutants" / "src").as_posix().removesuffix(".py.meta")
        for name, code in data["exit_code_by_key"].items():
            table[module][name] = STATUS.get(code, "other") if code is not None else "not checked"
    return table


def report(seconds: float | None) -> int:
    table, equivalent = results(), equivalents()
    if not table:
        print("no results: run 'python bench/mutation.py' first")
        return 1
    print("| module | mutants | " + " | ".join(COLUMNS) + " | score |")
    print("|---|---:|" + "---:|" * len(COLUMNS) + "---:|")
    total: Counter[str] = Counter()
    survivors = []
    stale = set(equivalent)
    for module, mutants in sorted(table.items()):
        if not mutants:
            continue
        counts: Counter[str] = Counter()
        for name, status in mutants.items():
            if status == "survived" and name in equivalent:
                status = "equivalent"
                stale.discard(name)
            counts[status] += 1
            if status in ("survived", "no tests", "timeout", "other"):
                survivors.append((name, status))
        total += counts
        print(_row(module, counts))
    print(_row("**all**", total))
    if seconds is not None:
        print(f"\nwall time: {seconds / 60:.1f} min on {os.cpu_count()} cores")
    if stale:
        print(f"\n{len(stale)} names in {EQUIVALENT.name} match no surviving mutant (now killed?)")
    listing = ROOT / "mutants" / "survivors.txt"
    listing.write_text("".join(f"{n} {s}\n" for n, s in sorted(survivors)), encoding="utf-8")
    print(f"\n{len(survivors)} not killed, listed in {listing.relative_to(ROOT)}")
    print("see one: .venv/bin/mutmut show NAME")
    return 0


def _row(module: str, counts: Counter[str]) -> str:
    mutants = sum(counts.values())
    judged = mutants - counts["equivalent"]
    score = 100 * counts["killed"] / judged if judged else 100.0
    cells = " | ".join(str(counts[c]) for c in COLUMNS)
    return f"| {module} | {mutants} | {cells} | {score:.1f}% |"


def run(names: list[str], jobs: int) -> float:
    started = time.monotonic()
    command = [mutmut(), "run", "--max-children", str(jobs), *names]
    done = subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, check=False)
    if done.returncode != 0:
        sys.exit(f"mutmut exited {done.returncode}: run '{' '.join(command)}' to see why")
    return time.monotonic() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    what = parser.add_mutually_exclusive_group()
    what.add_argument("--survivors", action="store_true", help="retest what did not die")
    what.add_argument("--report", action="store_true", help="only print the last report")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    args = parser.parse_args()
    os.chdir(ROOT)
    if args.report:
        return report(None)
    if args.survivors:
        listing = ROOT / "mutants" / "survivors.txt"
        names = [line.split()[0] for line in listing.read_text().splitlines() if line.strip()]
        if not names:
            return report(None)
        return report(run(names, args.jobs))
    shutil.rmtree(ROOT / "mutants", ignore_errors=True)
    return report(run([], args.jobs))


if __name__ == "__main__":
    sys.exit(main())
