"""Infra: the shared remote: fetch, build commits without touching the working tree, push.

Commits for a push are made with git's plumbing (a temporary index, ``commit-tree``) on top of
the upstream branch, so nothing in a person's working tree or index moves until the result is
on the remote; then the local branch is moved with ``reset --keep``, which refuses rather than
overwrite uncommitted work.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from redaksi.errors import RepositoryError
from redaksi.infra.git import Person, Repository

RACE_SIGNS = (
    "non-fast-forward",
    "fetch first",
    "stale info",
    "cannot lock ref",
    "failed to update ref",
)


class RaceLost(Exception):
    """Another desk pushed first: fetch and try again."""


class RemoteFailed(Exception):
    """The remote could not be reached or refused: ``reason`` is the remote's own words."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Upstream:
    remote: str
    branch: str
    local: str

    @property
    def tracking(self) -> str:
        return f"refs/remotes/{self.remote}/{self.branch}"


def _reason(stderr: str, stdout: str = "") -> str:
    lines = [line.strip() for line in (stdout + "\n" + stderr).splitlines() if line.strip()]
    for prefix in ("remote: ", "! ", "fatal: ", "error: "):
        found = [
            line
            for line in lines
            if line.startswith(prefix) or (prefix == "! " and "[remote rejected]" in line)
        ]
        if found:
            text = " / ".join(line.removeprefix("remote: ").strip() for line in found[:3])
            return text[:300]
    return (lines[-1] if lines else "unknown error")[:300]


def upstream(repo: Repository) -> Upstream:
    """The current branch and the remote branch it tracks; refuses a detached HEAD or none."""
    code, branch, _ = repo.run_raw("symbolic-ref", "--quiet", "--short", "HEAD")
    if code != 0:
        raise RepositoryError("remote.detached")
    branch = branch.strip()
    code, remote, _ = repo.run_raw("config", "--get", f"branch.{branch}.remote")
    code2, merge, _ = repo.run_raw("config", "--get", f"branch.{branch}.merge")
    if code != 0 or code2 != 0 or remote.strip() == ".":
        raise RepositoryError("remote.no_upstream", branch=branch)
    return Upstream(remote.strip(), merge.strip().removeprefix("refs/heads/"), branch)


def busy(repo: Repository) -> str | None:
    """A rebase, merge or cherry-pick left half done in this clone, if any."""
    git_dir = Path(repo.run("rev-parse", "--absolute-git-dir").strip())
    for name in ("rebase-merge", "rebase-apply", "MERGE_HEAD", "CHERRY_PICK_HEAD"):
        if (git_dir / name).exists():
            return name
    return None


def fetch(repo: Repository, up: Upstream) -> str:
    """Fetch the upstream branch; its commit id. Raises :class:`RemoteFailed` with git's reason."""
    refspec = f"+refs/heads/{up.branch}:{up.tracking}"
    code, out, err = repo.run_raw("fetch", "--quiet", "--no-tags", up.remote, refspec)
    if code != 0:
        raise RemoteFailed(_reason(err, out))
    return repo.run("rev-parse", up.tracking).strip()


def push(repo: Repository, up: Upstream, commit: str, expected: str) -> None:
    """Push ``commit`` to the upstream branch only if it still is ``expected``."""
    lease = f"--force-with-lease=refs/heads/{up.branch}:{expected}"
    code, out, err = repo.run_raw(
        "push", "--porcelain", "--quiet", lease, up.remote, f"{commit}:refs/heads/{up.branch}"
    )
    if code == 0:
        return
    text = out + err
    rejected_by_remote = "remote rejected" in text and "failed to update ref" not in text
    if any(sign in text for sign in RACE_SIGNS) and not rejected_by_remote:
        raise RaceLost
    raise RemoteFailed(_reason(err, out))


def pending(repo: Repository, base: str, head: str) -> list[str]:
    """Local commits not on the upstream, oldest first (first parent only)."""
    out = repo.run("rev-list", "--reverse", "--first-parent", f"{base}..{head}")
    return [line for line in out.splitlines() if line.strip()]


def parents(repo: Repository, commit: str) -> list[str]:
    return repo.run("rev-list", "--parents", "-n", "1", commit).split()[1:]


def store_blob(repo: Repository, data: bytes) -> str:
    code, out, err = repo.run_raw("hash-object", "-w", "--stdin", stdin=data)
    if code != 0:
        raise RepositoryError("repo.git_failed", command="hash-object", detail=_reason(err))
    return out.strip()


def commit_files(
    repo: Repository,
    parent: str,
    files: dict[str, bytes | None],
    message: str,
    author: Person,
    author_date: str | None = None,
) -> str:
    """A new commit on ``parent`` whose tree differs only in ``files`` (None deletes one)."""
    handle, index = tempfile.mkstemp(prefix="redaksi-index-")
    os.close(handle)
    os.unlink(index)  # git wants to create the index itself
    env = {"GIT_INDEX_FILE": index}
    try:
        repo.run("read-tree", parent, env=env)
        for path, data in files.items():
            if data is None:
                repo.run("update-index", "--force-remove", "--", path, env=env)
            else:
                mode = repo.run("ls-tree", parent, "--", path).split(" ")[0] or "100644"
                repo.run(
                    "update-index",
                    "--add",
                    "--cacheinfo",
                    f"{mode},{store_blob(repo, data)},{path}",
                    env=env,
                )
        tree = repo.run("write-tree", env=env).strip()
    finally:
        if os.path.exists(index):
            os.unlink(index)
    from redaksi.infra import clock

    commit_env = {"GIT_AUTHOR_NAME": author.name, "GIT_AUTHOR_EMAIL": author.email}
    commit_env.update(clock.git_dates())
    if author_date:
        commit_env["GIT_AUTHOR_DATE"] = author_date
    code, out, err = repo.run_raw(
        "commit-tree", tree, "-p", parent, "-F", "-", env=commit_env, stdin=message.encode("utf-8")
    )
    if code != 0:
        raise RepositoryError("repo.git_failed", command="commit-tree", detail=_reason(err))
    return out.strip()


def move_to(repo: Repository, commit: str, reason: str = "redaksi") -> bool:
    """Move the current branch to ``commit`` the way ``git checkout`` would.

    Files that differ are updated, while other staged and unstaged work stays exactly as it
    was (staged stays staged). False, with nothing moved, when a local change is in the way.
    """
    head = repo.run("rev-parse", "HEAD").strip()
    if head == commit:
        return True
    repo.run_raw("update-index", "-q", "--refresh")  # files rewritten in place look changed
    if repo.run_raw("read-tree", "-m", "-u", head, commit)[0] != 0:
        return False
    repo.run("update-ref", "-m", reason, "HEAD", commit, head)
    return True
