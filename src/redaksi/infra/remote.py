"""Infra: the shared remote: which branch, fetch, push, and what the remote said.

Everything git says about a push is read here and turned into a reason a person can act on
(a lost race, a stale lock on the server, a refusal, a local pre-push hook): porcelain lines
and credentials inside URLs never leave this module. Commits for a push are built in
:mod:`redaksi.infra.plumbing`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from redaksi.errors import RepositoryError
from redaksi.infra.git import Person, Repository

_USERINFO = re.compile(r"\b([a-zA-Z][a-zA-Z0-9+.-]*://)[^/\s@'\"]*@")
_PORCELAIN = re.compile(r"^(?P<flag>[ +\-*!=])\t(?P<refs>[^\t]*)\t(?P<summary>.*)$")
_RACE = ("stale info", "fetch first", "non-fast-forward")


class RaceLost(Exception):
    """Another desk pushed first: fetch and try again."""


class PushFailed(Exception):
    """The push did not happen: ``kind`` says who stopped it, ``reason`` in their own words.

    Kinds: ``unreachable`` (no connection), ``refused`` (the remote: a hook, protection,
    permissions), ``hook`` (this clone's own pre-push hook), ``locked`` (the remote's branch is
    locked by a git process that may have died there).
    """

    def __init__(self, kind: str, reason: str) -> None:
        super().__init__(reason)
        self.kind = kind
        self.reason = reason


@dataclass(frozen=True)
class Upstream:
    """The branch a clone pushes to: a configured remote's name, or a URL given to ``-u``."""

    remote: str
    branch: str
    local: str
    named: bool = True

    @property
    def tracking(self) -> str:
        """Where the last fetched upstream commit is kept (a private ref for a URL upstream)."""
        if self.named:
            return f"refs/remotes/{self.remote}/{self.branch}"
        return f"refs/redaksi/upstream/{self.local}"


@dataclass(frozen=True)
class LocalCommit:
    """A commit on the local branch that the upstream does not have."""

    sha: str
    parents: tuple[str, ...]
    author: Person
    date: str
    epoch: int
    committer: Person
    message: str

    @property
    def subject(self) -> str:
        return self.message.split("\n", 1)[0].strip()


def scrub(text: str) -> str:
    """``text`` without the user and password of any URL in it."""
    return _USERINFO.sub(r"\1", text)


def _remote_lines(stderr: str) -> list[str]:
    return [
        line.removeprefix("remote:").strip()
        for line in stderr.splitlines()
        if line.startswith("remote:") and line.removeprefix("remote:").strip()
    ]


def reason(stderr: str) -> str:
    """What git (or the remote) said went wrong, in one short line."""
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    remote = _remote_lines(stderr)
    found = (
        remote
        or [line for line in lines if line.startswith("fatal:")]
        or [line for line in lines if line.startswith("error:")]
        or lines[-1:]
    )
    text = " / ".join(found[:3]) if found else "unknown error"
    return scrub(text)[:300]


def upstream(repo: Repository) -> Upstream:
    """The current branch and the remote branch it tracks; refuses a detached HEAD or none."""
    code, branch, _ = repo.run_raw("symbolic-ref", "--quiet", "--short", "HEAD")
    if code != 0:
        raise RepositoryError("remote.detached")
    branch = branch.strip()
    code, name, _ = repo.run_raw("config", "--get", f"branch.{branch}.remote")
    code2, merge, _ = repo.run_raw("config", "--get", f"branch.{branch}.merge")
    name = name.strip()
    if code != 0 or code2 != 0 or name == ".":
        names = repo.run_raw("remote")[1].split()
        if not names:
            raise RepositoryError("remote.no_remote", branch=branch)
        raise RepositoryError("remote.no_upstream", branch=branch, remote=names[0])
    named = repo.run_raw("config", "--get", f"remote.{name}.url")[0] == 0
    return Upstream(name, merge.strip().removeprefix("refs/heads/"), branch, named)


def busy(repo: Repository) -> str | None:
    """A rebase, merge or cherry-pick left half done in this clone, if any."""
    git_dir = Path(repo.run("rev-parse", "--absolute-git-dir").strip())
    for name in ("rebase-merge", "rebase-apply", "MERGE_HEAD", "CHERRY_PICK_HEAD"):
        if (git_dir / name).exists():
            return name
    return None


def fetch(repo: Repository, up: Upstream) -> str:
    """Fetch the upstream branch; its commit id. Raises :class:`PushFailed` (unreachable)."""
    refspec = f"+refs/heads/{up.branch}:{up.tracking}"
    # A reflog for the private ref too, so that fork-point finds what the remote dropped.
    code, _, err = repo.run_raw(
        "-c", "core.logAllRefUpdates=always", "fetch", "--quiet", "--no-tags", up.remote, refspec
    )
    if code != 0:
        raise PushFailed("unreachable", reason(err))
    return repo.run("rev-parse", up.tracking).strip()


def push(repo: Repository, up: Upstream, commit: str, expected: str) -> None:
    """Push ``commit`` to the upstream branch only if it still is ``expected``.

    Raises :class:`RaceLost` when another push got there first, :class:`PushFailed` otherwise.
    """
    lease = f"--force-with-lease=refs/heads/{up.branch}:{expected}"
    target = f"refs/heads/{up.branch}"
    code, out, err = repo.run_raw(
        "push", "--porcelain", "--quiet", lease, up.remote, f"{commit}:{target}"
    )
    if code == 0:
        if not up.named:
            repo.run("-c", "core.logAllRefUpdates=always", "update-ref", up.tracking, commit)
        return
    status = _status_of(out, target)
    if status is None:  # the push never reached the remote
        words = [
            line.strip()
            for line in err.splitlines()
            if line.strip() and not line.startswith(("error:", "fatal:", "hint:", "To "))
        ]
        if words and "fatal:" not in err:
            raise PushFailed("hook", scrub(" / ".join(words[:3]))[:300])
        if "remote error:" in err:  # the server answered, and said no (git daemon, ...)
            raise PushFailed("refused", reason(err).removeprefix("fatal: remote error: "))
        raise PushFailed("unreachable", reason(err))
    summary = status
    if summary.startswith("[rejected]") and any(sign in summary for sign in _RACE):
        raise RaceLost
    if "failed to update ref" in summary or "failed to lock" in summary:
        if "but expected" in err:  # the branch moved while our push waited on the remote
            raise RaceLost
        raise PushFailed("locked", reason(err))
    remote_words = _remote_lines(err)
    detail = summary.split("(", 1)[1].rstrip(")") if "(" in summary else summary
    raise PushFailed("refused", scrub(" / ".join(remote_words[:3]) or detail)[:300])


def _status_of(porcelain: str, target: str) -> str | None:
    """The summary of the porcelain line about ``target`` (None: there is none)."""
    for line in porcelain.splitlines():
        match = _PORCELAIN.match(line)
        if match and match["refs"].endswith(f":{target}"):
            return match["summary"].strip()
    return None


def local_commits(repo: Repository, base: str, head: str) -> list[LocalCommit]:
    """The commits of ``base..head`` on the first-parent line, oldest first."""
    fields = "%H%x1f%P%x1f%an%x1f%ae%x1f%aI%x1f%at%x1f%cn%x1f%ce%x1f%B%x1e"
    out = repo.run(
        "log", "--first-parent", "--reverse", f"--format={fields}", f"{base}..{head}", "--"
    )
    found = []
    for record in out.split("\x1e"):
        parts = record.strip("\n").split("\x1f")
        if len(parts) == 9:
            sha, parents, name, email, date, epoch, c_name, c_email, message = parts
            found.append(
                LocalCommit(
                    sha,
                    tuple(parents.split()),
                    Person(name, email),
                    date,
                    int(epoch),
                    Person(c_name, c_email),
                    message,
                )
            )
    return found


def fork_point(repo: Repository, up: Upstream, head: str) -> str | None:
    """Where this branch left the upstream as this clone has seen it (its reflog), if known."""
    code, out, _ = repo.run_raw("merge-base", "--fork-point", up.tracking, head)
    return out.strip() if code == 0 and out.strip() else None


def upstream_messages(
    repo: Repository, since: str | None, until: str
) -> list[tuple[str, int, str]]:
    """(author email, author time, message) of every commit in ``since..until``."""
    span = f"{since}..{until}" if since else until
    out = repo.run("log", "--format=%ae%x1f%at%x1f%B%x1e", span, "--")
    found = []
    for record in out.split("\x1e"):
        parts = record.strip("\n").split("\x1f")
        if len(parts) == 3:
            found.append((parts[0], int(parts[1]), parts[2]))
    return found
