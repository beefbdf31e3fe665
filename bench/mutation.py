"""Mutation testing: how many small planted bugs the suite catches, per module.

    .venv/bin/pip install -q -e '.[dev,mutation]'     # once: mutmut
    .venv/bin/python bench/mutation.py                 # both suites from scratch, then the report
    .venv/bin/python bench/mutation.py core            # one suite: core or services
    .venv/bin/python bench/mutation.py services --only 'redaksi.services.verify.*'
    .venv/bin/python bench/mutation.py --survivors     # after adding tests: retest what survived
    .venv/bin/python bench/mutation.py core --survivors 'redaksi.core.workflow.*'  # some of it
    .venv/bin/python bench/mutation.py --report        # the last report again, nothing run

Two suites, each run by mutmut in a workspace of its own (.mutation/<suite>/, ignored by git):

- core: every module of core/, against the unit tests (the core is pure: its tests need no
  disk, no git, and run in milliseconds);
- services: services/verify.py, trust.py, merges.py and catalog.py, against the end-to-end
  tests of verify and of the catalog (these modules only run on real git).

mutmut records which tests reach each function and runs only those against its mutants, fastest
first, stopping at the first failure. Mutants that survive although no test can tell them apart
from the original, and those mutmut cannot switch on, are listed with a reason in
bench/mutation-equivalent.md and counted apart. A benchmark-like report: CI never runs it.

What mutmut sees: a test is tied to the functions it calls while it runs, so a function first
called by a shared fixture or behind a cache is tied to the first test that called it only (its
mutants meet fewer tests than could kill them: the score errs low, never high). Property tests
run without deadline and with fixed examples (a conftest.py the workspace adds above tests/).
"""

from __future__ import annotations

import argparse
import fnmatch
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
WORK = ROOT / ".mutation"
EQUIVALENT = ROOT / "bench" / "mutation-equivalent.md"
NOT_SOURCE = ["--ignore=tests/unit/test_architecture.py", "--ignore=tests/unit/test_messages.py"]
SUITES = {
    "core": (["src/redaksi/core/*"], ["tests/unit", *NOT_SOURCE]),
    "services": (
        [f"src/redaksi/services/{name}.py" for name in ("verify", "trust", "merges", "catalog")],
        [
            "tests/cli/test_verify.py",
            "tests/cli/test_verify_rules.py",
            "tests/cli/test_verify_attacks.py",
            "tests/cli/test_verify_more.py",
            "tests/cli/test_verify_second_round.py",
            "tests/integration/test_catalog.py",
            "tests/integration/test_partial_clone.py",  # verify's one-request prefetch
            *NOT_SOURCE,
        ],
    ),
}
LINKED = ("src", "tests", "schemas", ".github", ".pre-commit-hooks.yaml")
HYPOTHESIS = """\
# Written by bench/mutation.py into mutmut's folder, above tests/: property tests get no
# deadline (trampolines and a busy machine make them slow; a missed deadline is no kill) and
# the same examples on every run, so a mutant's verdict does not depend on chance.
from hypothesis import settings

settings.register_profile("mutation", deadline=None, derandomize=True, database=None)
settings.load_profile("mutation")
"""
STATUS = {1: "killed", 3: "killed", 0: "survived", 5: "no tests", 33: "no tests", 36: "timeout"}
STATUS |= {code: "timeout" for code in (-24, 24, 152, 255)}
COLUMNS = ("killed", "survived", "timeout", "no tests", "equivalent", "not checked", "other")


def mutmut() -> str:
    found = Path(sys.executable).with_name("mutmut")
    if not found.exists():
        sys.exit("mutmut is not installed: .venv/bin/pip install -q -e '.[dev,mutation]'")
    return str(found)


def workspace(suite: str, fresh: bool) -> Path:
    """The suite's folder: links to the project, and pyproject.toml with the suite's [tool.mutmut]."""
    where = WORK / suite
    if fresh:
        shutil.rmtree(where, ignore_errors=True)
    where.mkdir(parents=True, exist_ok=True)
    for name in LINKED:
        link = where / name
        if not link.is_symlink():
            link.symlink_to(ROOT / name)
    mutate, tests = SUITES[suite]
    # an older checkout (the score before) may lack some test files: pytest would refuse them
    tests = [t for t in tests if t.startswith("-") or (ROOT / t).exists()]
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    text = text.split("\n[tool.mutmut]", 1)[0]
    text += "\n[tool.mutmut]\n" + "\n".join(
        f"{key} = {json.dumps(value)}"
        for key, value in (
            ("source_paths", ["src/"]),
            ("only_mutate", mutate),
            ("pytest_add_cli_args", ["-n", "0", "-p", "no:cacheprovider"]),
            ("pytest_add_cli_args_test_selection", tests),
            ("also_copy", ["schemas", ".github", ".pre-commit-hooks.yaml", "conftest.py"]),
        )
    )
    (where / "pyproject.toml").write_text(text + "\n", encoding="utf-8")
    (where / "conftest.py").write_text(HYPOTHESIS, encoding="utf-8")
    return where


def equivalents() -> dict[str, str]:
    """Mutant name -> why it is not counted, from bench/mutation-equivalent.md."""
    found = {}
    if EQUIVALENT.exists():
        for line in EQUIVALENT.read_text(encoding="utf-8").splitlines():
            match = re.match(r"^- `([\w.ǁ*]+)`: (.+)$", line)
            if match:
                found[match.group(1)] = match.group(2)
    return found


def results() -> dict[str, dict[str, str]]:
    """Module -> mutant name -> status, from every suite's mutants/ folder."""
    table: dict[str, dict[str, str]] = defaultdict(dict)
    for meta in sorted(WORK.glob("*/mutants/src/**/*.py.meta")):
        src = next(p for p in meta.parents if p.name == "src")
        module = meta.relative_to(src).as_posix().removesuffix(".py.meta")
        for name, code in json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"].items():
            table[module][name] = "not checked" if code is None else STATUS.get(code, "other")
    return table


def _equivalent(name: str, listed: dict[str, str]) -> bool:
    return name in listed or any(
        "*" in k and re.fullmatch(k.replace("*", ".*"), name) for k in listed
    )


def report(seconds: float | None) -> int:
    table, listed = results(), equivalents()
    if not table:
        print("no results: run 'python bench/mutation.py' first")
        return 1
    print("| module | mutants | " + " | ".join(COLUMNS) + " | score |")
    print("|---|---:|" + "---:|" * len(COLUMNS) + "---:|")
    total: Counter[str] = Counter()
    survivors = []
    for module, mutants in sorted(table.items()):
        counts: Counter[str] = Counter()
        for name, status in mutants.items():
            if status in ("survived", "no tests") and _equivalent(name, listed):
                status = "equivalent"
            counts[status] += 1
            if status not in ("killed", "equivalent"):
                survivors.append(f"{name} {status}\n")
        total += counts
        print(_row(module, counts))
    print(_row("**all**", total))
    if seconds is not None:
        print(f"\nthis run: {seconds / 60:.1f} min")
    print("\nlast full runs:\n" + (wall_times() or "none\n"), end="")
    listing = WORK / "survivors.txt"
    listing.write_text("".join(sorted(survivors)), encoding="utf-8")
    print(f"\n{len(survivors)} not killed: {listing.relative_to(ROOT)}; one in detail:")
    print("(cd .mutation/<suite> && ../../.venv/bin/mutmut show NAME)")
    return 0


def _row(module: str, counts: Counter[str]) -> str:
    """A module's counts; the score is caught / judged (equivalent and not checked left out)."""
    judged = sum(counts.values()) - counts["equivalent"] - counts["not checked"]
    score = f"{100 * (counts['killed'] + counts['timeout']) / judged:.1f}%" if judged else "-"
    cells = " | ".join(str(counts[c]) for c in COLUMNS)
    return f"| {module} | {sum(counts.values())} | {cells} | {score} |"


def run(suite: str, names: list[str], jobs: int, fresh: bool) -> None:
    where = workspace(suite, fresh)
    command = [mutmut(), "run", "--max-children", str(jobs), *names]
    log = where / "mutmut.log"
    started = time.monotonic()
    with log.open("wb") as out:
        done = subprocess.run(command, cwd=where, stdout=out, stderr=out, check=False)
    if done.returncode != 0:
        sys.exit(f"mutmut exited {done.returncode} in {where}: see {log}")
    if fresh:  # a full run's wall time, kept for the report
        minutes = (time.monotonic() - started) / 60
        (where / "wall-time.txt").write_text(
            f"{suite}: {minutes:.1f} min, --max-children {jobs}, {os.cpu_count()} cores\n"
        )


def wall_times() -> str:
    return "".join(t.read_text() for t in sorted(WORK.glob("*/wall-time.txt")))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("suite", nargs="?", choices=[*SUITES, "all"], default="all")
    what = parser.add_mutually_exclusive_group()
    what.add_argument(
        "--survivors",
        nargs="*",
        metavar="GLOB",
        help="retest what did not die (only names matching GLOB, if given)",
    )
    what.add_argument("--report", action="store_true", help="only print the last report")
    what.add_argument(
        "--only", nargs="+", help="mutant names to run (globs), e.g. 'redaksi.core.verify.*'"
    )
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    args = parser.parse_args()
    if args.report:
        return report(None)
    suites = list(SUITES) if args.suite == "all" else [args.suite]
    started = time.monotonic()
    for suite in suites:
        names = [n for n in args.only or [] if _module_in(n, SUITES[suite][0])]
        if args.only and not names:
            continue
        if args.survivors is not None:
            listing = (WORK / "survivors.txt").read_text(encoding="utf-8").splitlines()
            mine = [n for n, *_ in map(str.split, listing) if _module_in(n, SUITES[suite][0])]
            globs = args.survivors or ["*"]
            names = [n for n in mine if any(fnmatch.fnmatch(n, g) for g in globs)]
            if not names:
                continue
        fresh = args.survivors is None and not args.only
        run(suite, names, args.jobs, fresh=fresh)
    return report(time.monotonic() - started)


def _module_in(name: str, patterns: list[str]) -> bool:
    module = name.rsplit(".", 1)[0].replace(".", "/")  # redaksi.core.verify.x_rule__mutmut_3
    return any(fnmatch.fnmatch(f"src/{module}.py", p) for p in patterns)  # as mutmut matches


if __name__ == "__main__":
    sys.exit(main())
