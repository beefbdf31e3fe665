"""Remotes for the many-desks tests: a bare hub (built once, copied per test), clones, hooks."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import STAFF_YAML, git, redaksi_bin

ALI = ("Ali Ya'lu", "ali@kabar.test")
MS = ("Mohammad S", "ms@kabar.test")
DEWI = ("Dewi", "dewi@kabar.test")
KEYRA = ("Keyra", "keyra@kabar.test")
CONFIG = STAFF_YAML + "  - {name: Dewi, email: dewi@kabar.test, roles: [editor]}\n"

Clone = Callable[[str, tuple[str, str]], Path]


def run(cwd: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [redaksi_bin(), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, **env},
    )


def act_as(path: Path, who: tuple[str, str]) -> None:
    git(path, "config", "user.name", who[0])
    git(path, "config", "user.email", who[1])


@pytest.fixture(scope="session")
def hub_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A bare remote holding a newsroom: 'satu' and 'dua' in review, 'tiga' published.

    Built once per worker with its own isolated git settings (the autouse fixture is per test).
    """
    root = tmp_path_factory.mktemp("hub-template")
    (root / ".gitconfig").write_text("[init]\n\tdefaultBranch = main\n")
    env = {
        **{k: v for k, v in os.environ.items() if k not in ("CI", "LANG", "LC_ALL")},
        "HOME": str(root),
        "GIT_CONFIG_GLOBAL": str(root / ".gitconfig"),
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_COMMITTER_DATE": "2025-03-04T09:00:00+07:00",
    }

    def sh(cwd: Path, *args: str) -> None:
        subprocess.run(args, cwd=cwd, env=env, check=True, capture_output=True)

    bare, seed = root / "hub.git", root / "seed"
    sh(root, "git", "init", "-q", "--bare", "-b", "main", str(bare))
    sh(root, "git", "clone", "-q", str(bare), str(seed))
    (seed / "redaksi.yaml").write_text(CONFIG)
    (seed / "articles").mkdir()
    (seed / "articles" / ".gitkeep").write_text("")
    sh(seed, "git", "config", "user.name", ALI[0])
    sh(seed, "git", "config", "user.email", ALI[1])
    sh(seed, "git", "add", "-A")
    sh(seed, "git", "commit", "-qm", "newsroom")
    redaksi = redaksi_bin()
    for title in ("Satu", "Dua", "Tiga"):
        sh(
            seed,
            redaksi,
            "draft",
            "--no-input",
            "--body",
            "Isi berita. (*)",
            "--title",
            title,
            "--category",
            "Hukum",
        )
        sh(seed, redaksi, "submit", title.lower())
    for who, action in ((MS, "approve"), (KEYRA, "publish")):
        sh(seed, "git", "config", "user.name", who[0])
        sh(seed, "git", "config", "user.email", who[1])
        sh(seed, redaksi, action, "tiga")
    sh(seed, "git", "push", "-q", "origin", "main")
    return bare


@pytest.fixture
def hub(hub_template: Path, tmp_path: Path) -> Path:
    """This test's own copy of the hub."""
    bare = tmp_path / "hub.git"
    shutil.copytree(hub_template, bare, symlinks=True)
    return bare


@pytest.fixture
def clone(hub: Path, tmp_path: Path) -> Clone:
    def make(name: str, who: tuple[str, str]) -> Path:
        path = tmp_path / name
        git(tmp_path, "clone", "-q", str(hub), str(path))
        act_as(path, who)
        return path

    return make


def remote_log(hub: Path) -> list[str]:
    return git(hub, "log", "--format=%an|%s", "main").splitlines()


def article(path: Path, slug: str) -> Path:
    return next(path.glob(f"articles/*/*/{slug}.md"))


def on_remote(hub: Path, clone_path: Path, slug: str) -> str:
    rel = article(clone_path, slug).relative_to(clone_path).as_posix()
    return git(hub, "show", f"main:{rel}")


def server_hook(hub: Path, name: str, body: str) -> Path:
    """A hook in the bare remote (pre-receive, post-receive, ...)."""
    path = hub / "hooks" / name
    path.write_text(f"#!/bin/sh\n{body}\n")
    path.chmod(0o755)
    return path


def wait_for(path: Path, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not path.exists():
        if time.monotonic() > deadline:
            raise AssertionError(f"{path} never appeared")
        time.sleep(0.02)


class Hold:
    """A pre-receive hook on the hub that holds the FIRST push until the test releases it.

    While it is held, other desks push freely; released, the first push finds the branch moved
    under it, exactly as when two desks race. No timing luck: the race always happens.
    """

    def __init__(self, hub: Path, folder: Path) -> None:
        self.held = folder / "held"
        self.release_file = folder / "release"
        server_hook(
            hub,
            "pre-receive",
            f"cat >/dev/null\n"
            f"if mkdir '{self.held}' 2>/dev/null; then\n"
            f"  n=0; while [ ! -e '{self.release_file}' ] && [ $n -lt 1500 ]; do\n"
            f"    sleep 0.02; n=$((n+1)); done\n"
            f"fi\nexit 0",
        )

    def wait(self) -> None:
        wait_for(self.held)

    def release(self) -> None:
        self.release_file.touch()


@pytest.fixture
def hold(hub: Path, tmp_path: Path) -> Hold:
    return Hold(hub, tmp_path)


def spawn(cwd: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [redaksi_bin(), *args],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def daemon(hub: Path) -> Iterator[Callable[[bool], str]]:
    """git daemon serving the hub on 127.0.0.1, started and stopped by the test."""
    started: list[subprocess.Popen[bytes]] = []

    def serve(writable: bool) -> str:
        port = _free_port()
        args = [
            "git",
            "daemon",
            "--reuseaddr",
            "--export-all",
            f"--base-path={hub.parent}",
            "--listen=127.0.0.1",
            f"--port={port}",
        ]
        if writable:
            args.append("--enable=receive-pack")
        started.append(
            subprocess.Popen(
                [*args, str(hub.parent)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
            )
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", port)) == 0:
                    return f"git://127.0.0.1:{port}/{hub.name}"
            time.sleep(0.05)
        raise AssertionError("git daemon did not start")

    yield serve
    for proc in started:
        proc.terminate()
        proc.wait(timeout=10)
