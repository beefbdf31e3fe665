"""Twenty desks, one remote: concurrent pushed transitions on different articles.

    python bench/load.py --desks 20 --rounds 3

Serves a bare newsroom with ``git daemon`` on 127.0.0.1, clones it once per desk, then every
desk runs ``approve``, ``reject --note``, ``submit``... with ``--push`` on its own article, all
desks at once. Reports transitions per second, and checks that every transition that exited 0
is on the remote, and that no step is there twice (by its key: who, when, what, which article,
which note: what ``sync`` itself uses). With ``--sync``, every desk then takes one more step
offline and all of them run ``redaksi sync`` at once, twice.
"""

from __future__ import annotations

import argparse
import socket
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import STATES, build

from redaksi.core import steps

REDAKSI = str(Path(sys.executable).with_name("redaksi"))


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=cwd, check=True, capture_output=True, text=True
    ).stdout


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def desk(folder: Path, slug: str, rounds: int) -> list[tuple[int, str, float, str]]:
    """Run the rounds of one desk; (exit code, commit printed, seconds, stderr) per transition."""
    steps = []
    for n in range(rounds):
        args = [["approve", slug], ["reject", slug, "--note", f"Putaran {n}."], ["submit", slug]][
            n % 3
        ]
        started = time.perf_counter()
        done = subprocess.run(
            [REDAKSI, *args, "--push", "--no-input"], cwd=folder, capture_output=True, text=True
        )
        steps.append(
            (
                done.returncode,
                done.stdout.strip(),
                time.perf_counter() - started,
                done.stderr.strip(),
            )
        )
    return steps


def duplicated_steps(hub: Path) -> int:
    """How many steps the remote holds more than once, by the key ``sync`` recognises them by."""
    out = git(hub, "log", "--format=%ae%x1f%at%x1f%B%x1e", "main")
    keys = []
    for record in out.split("\x1e"):
        parts = record.strip("\n").split("\x1f")
        if len(parts) == 3 and (key := steps.key(parts[0], int(parts[1]), parts[2])):
            keys.append(key)
    return len(keys) - len(set(keys))


def offline_then_sync(folders: list[tuple[Path, str]]) -> list[tuple[int, str, float, str]]:
    """One offline step per desk, then every desk syncs at once, twice over."""
    for folder, slug in folders:
        subprocess.run([REDAKSI, "approve", slug, "--no-input"], cwd=folder, capture_output=True)

    def sync(folder: Path) -> tuple[int, str, float, str]:
        started = time.perf_counter()
        done = subprocess.run([REDAKSI, "sync"], cwd=folder, capture_output=True, text=True)
        return done.returncode, done.stdout.strip(), time.perf_counter() - started, done.stderr

    with ThreadPoolExecutor(max_workers=len(folders)) as pool:
        first = list(pool.map(sync, [f for f, _ in folders]))
        second = list(pool.map(sync, [f for f, _ in folders]))
    return first + second


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--desks", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--sync", action="store_true", help="then an offline step and sync")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        seed = root / "seed"
        build(seed, args.desks * len(STATES))  # one article in review per cycle of states
        hub = root / "hub.git"
        git(root, "clone", "-q", "--bare", str(seed), str(hub))
        port = free_port()
        daemon = subprocess.Popen(
            [
                "git",
                "daemon",
                "--reuseaddr",
                "--export-all",
                "--enable=receive-pack",
                f"--base-path={root}",
                "--listen=127.0.0.1",
                f"--port={port}",
                str(root),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            time.sleep(0.5)
            url = f"git://127.0.0.1:{port}/hub.git"
            slugs = [
                p.stem
                for p in sorted((seed / "articles").rglob("*.md"))
                if "status: review" in p.read_text()
            ]
            folders = []
            for n, slug in enumerate(slugs[: args.desks]):
                folder = root / f"desk{n}"
                git(root, "clone", "-q", url, str(folder))
                git(folder, "config", "user.name", "Mohammad S")
                git(folder, "config", "user.email", "ms@kabar.test")
                folders.append((folder, slug))
            started = time.perf_counter()
            with ThreadPoolExecutor(max_workers=len(folders)) as pool:
                results = list(pool.map(lambda fs: desk(fs[0], fs[1], args.rounds), folders))
            elapsed = time.perf_counter() - started
            synced = offline_then_sync(folders) if args.sync else []
        finally:
            daemon.terminate()
            daemon.wait()
        steps = [step for desk_steps in results for step in desk_steps]
        ok = [commit for code, commit, _, _ in steps if code == 0]
        on_remote = git(hub, "rev-list", "main").split()
        missing = [c for c in ok if c not in on_remote]
        duplicates = duplicated_steps(hub)
        latencies = sorted(seconds for _, _, seconds, _ in steps)
        print(
            f"{len(folders)} desks x {args.rounds} transitions, all at once, over git daemon on 127.0.0.1"
        )
        print(
            f"  succeeded {len(ok)} of {len(steps)} in {elapsed:.1f} s: {len(ok) / elapsed:.1f} transitions/s"
        )
        print(f"  latency median {latencies[len(latencies) // 2]:.2f} s, max {latencies[-1]:.2f} s")
        print(
            f"  exited 0 but missing on the remote: {len(missing)}; steps on the remote twice: {duplicates}"
        )
        failed = [(code, err) for code, _, _, err in steps if code != 0]
        for code, err in failed[:5]:
            print(f"  exit {code}: {err.splitlines()[-1] if err else ''}")
        print(f"  failed: {len(failed)}")
        if synced:
            codes = sorted({code for code, _, _, _ in synced})
            slowest = max(seconds for _, _, seconds, _ in synced)
            pushed = [c for code, c, _, _ in synced if code == 0 and c]
            lost = [c for c in pushed if c not in git(hub, "rev-list", "main").split()]
            print(
                f"  then {len(folders)} offline steps, every desk syncing at once, twice: exit codes"
                f" {codes}, slowest {slowest:.2f} s, pushed commits missing on the remote"
                f" {len(lost)}; steps on the remote twice: {duplicated_steps(hub)}"
            )


if __name__ == "__main__":
    main()
