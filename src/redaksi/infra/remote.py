"""Infra: the shared remote: fetch, build commits without touching the working tree, push.

Commits for a push are made with git's plumbing (a temporary index, ``commit-tree``) on top of
the upstream branch, so nothing in a person's working tree or index moves until the result is
on the remote; then the local branch is moved the way ``git checkout`` moves it, which refuses
rather than overwrite uncommitted work. Blobs are stored through git's clean filters
(``core.autocrlf``, ``.gitattributes``), so a pushed commit holds what ``git commit`` would.

Everything git says is read here and turned into a reason a person can act on: porcelain lines
and credentials inside URLs never leave this module.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Mapping
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
    committer_email: str
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
        raise RepositoryError("remote.no_upstream", branch=branch)
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
    fields = "%H%x1f%P%x1f%an%x1f%ae%x1f%aI%x1f%at%x1f%ce%x1f%B%x1e"
    out = repo.run(
        "log", "--first-parent", "--reverse", f"--format={fields}", f"{base}..{head}", "--"
    )
    found = []
    for record in out.split("\x1e"):
        parts = record.strip("\n").split("\x1f")
        if len(parts) == 8:
            sha, parents, name, email, date, epoch, committer, message = parts
            found.append(
                LocalCommit(
                    sha,
                    tuple(parents.split()),
                    Person(name, email),
                    date,
                    int(epoch),
                    committer,
                    message,
                )
            )
    return found


def fork_point(repo: Repository, up: Upstream, head: str) -> str | None:
    """Where this branch left the upstream as this clone has seen it (its reflog), if known."""
    code, out, _ = repo.run_raw("merge-base", "--fork-point", up.tracking, head)
    return out.strip() if code == 0 and out.strip() else None


def is_ancestor(repo: Repository, ancestor: str, descendant: str) -> bool:
    return repo.run_raw("merge-base", "--is-ancestor", ancestor, descendant)[0] == 0


def merge_base(repo: Repository, a: str, b: str) -> str | None:
    code, out, _ = repo.run_raw("merge-base", a, b)
    return out.strip() if code == 0 else None


def signed(repo: Repository, commit: str) -> bool:
    """Whether ``commit`` carries a signature (checked or not)."""
    raw = repo.run("cat-file", "commit", commit)
    header = raw.split("\n\n", 1)[0]
    return "\ngpgsig " in f"\n{header}" or "\ngpgsig-sha256 " in f"\n{header}"


def signs_by_default(repo: Repository) -> bool:
    """``commit.gpgSign``: whether ``git commit`` would sign here."""
    code, out, _ = repo.run_raw("config", "--bool", "--get", "commit.gpgsign")
    return code == 0 and out.strip() == "true"


def blob_id(repo: Repository, commit: str, path: str) -> str | None:
    """The blob id of ``path`` in ``commit`` (None: no such file)."""
    code, out, _ = repo.run_raw("rev-parse", "--verify", "--quiet", f"{commit}:{path}")
    return out.strip() if code == 0 and out.strip() else None


def clean_id(repo: Repository, path: str, data: bytes | None, *, write: bool = False) -> str | None:
    """The blob id git would store for ``data`` at ``path`` (its clean filters applied)."""
    if data is None:
        return None
    args = ["hash-object", "--stdin", f"--path={path}"] + (["-w"] if write else [])
    code, out, err = repo.run_raw(*args, stdin=data)
    if code != 0:
        raise RepositoryError("repo.git_failed", command="hash-object", detail=reason(err))
    return out.strip()


def find_article(repo: Repository, commit: str, article_id: str) -> str | None:
    """The path of the article whose front matter has ``id: <article_id>`` in ``commit``."""
    if not article_id:
        return None
    code, out, _ = repo.run_raw("grep", "-l", "-F", "-e", article_id, commit, "--", "articles/")
    if code != 0:
        return None
    for line in out.splitlines():
        path = line.split(":", 1)[1] if ":" in line else line
        if not path.endswith(".md"):
            continue
        raw = repo.blob(commit, path) or b""
        if re.search(rb"(?m)^id:\s*['\"]?" + re.escape(article_id.encode()) + rb"['\"]?\s*$", raw):
            return path
    return None


def article_paths(repo: Repository, commit: str) -> list[str]:
    """Every file under ``articles/`` in ``commit``."""
    code, out, _ = repo.run_raw("ls-tree", "-r", "--name-only", commit, "--", "articles/")
    return out.splitlines() if code == 0 else []


def last_touch(repo: Repository, since: str | None, until: str, path: str) -> Person | None:
    """Who last changed ``path`` in ``since..until`` (or anywhere before ``until``)."""
    span = f"{since}..{until}" if since else until
    code, out, _ = repo.run_raw("log", "-1", "--format=%an%x1f%ae", span, "--", path)
    if code != 0 or "\x1f" not in out:
        return None
    name, email = out.strip().split("\x1f", 1)
    return Person(name, email)


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


def merge_text(base: bytes, ours: bytes, theirs: bytes) -> bytes | None:
    """A three-way merge of one file's text (``git merge-file``); None when they conflict."""
    import subprocess

    with tempfile.TemporaryDirectory(prefix="redaksi-merge-") as folder:
        paths = []
        for name, data in (("ours", ours), ("base", base), ("theirs", theirs)):
            path = Path(folder) / name
            path.write_bytes(data)
            paths.append(str(path))
        done = subprocess.run(
            ["git", "merge-file", "-p", "--quiet", *paths], capture_output=True, check=False
        )
    return done.stdout if done.returncode == 0 else None


def commit_files(
    repo: Repository,
    parent: str,
    files: Mapping[str, bytes | None],
    message: str,
    author: Person,
    author_date: str | None = None,
    *,
    sign: bool = False,
) -> str:
    """A new commit on ``parent`` whose tree differs only in ``files`` (None deletes one).

    With ``sign``, the commit is signed as ``git commit -S`` would (``gpg.format``,
    ``user.signingkey``); a signature that cannot be made is refused with git's reason.
    """
    handle, index = tempfile.mkstemp(prefix="redaksi-index-")
    os.close(handle)
    os.unlink(index)  # git wants to create the index itself
    env = {"GIT_INDEX_FILE": index}
    try:
        repo.run("read-tree", parent, env=env)
        for path, data in files.items():
            if data is None:
                repo.run("update-index", "--force-remove", "--", path, env=env)
                continue
            mode = repo.run("ls-tree", parent, "--", path).split(" ")[0] or "100644"
            blob = clean_id(repo, path, data, write=True)
            repo.run("update-index", "--add", "--cacheinfo", f"{mode},{blob},{path}", env=env)
        tree = repo.run("write-tree", env=env).strip()
    finally:
        if os.path.exists(index):
            os.unlink(index)
    from redaksi.infra import clock

    commit_env = {"GIT_AUTHOR_NAME": author.name, "GIT_AUTHOR_EMAIL": author.email}
    commit_env.update(clock.git_dates())
    if author_date:
        commit_env["GIT_AUTHOR_DATE"] = author_date
    args = ["commit-tree", tree, "-p", parent, "-F", "-"] + (["-S"] if sign else [])
    code, out, err = repo.run_raw(*args, env=commit_env, stdin=message.encode("utf-8"))
    if code != 0:
        if sign:
            raise RepositoryError("remote.sign_failed", detail=reason(err))
        raise RepositoryError("repo.git_failed", command="commit-tree", detail=reason(err))
    return out.strip()


def move_to(repo: Repository, commit: str, reason_text: str = "redaksi") -> bool:
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
    repo.run("update-ref", "-m", reason_text, "HEAD", commit, head)
    return True


def index_matches(repo: Repository, head: str, target: str) -> bool:
    """Whether the index already holds ``target``'s version of every file it changes."""
    changed = repo.run("diff-tree", "-r", "--name-only", "-z", head, target).split("\0")
    paths = [p for p in changed if p]
    if not paths:
        return True
    code, _, _ = repo.run_raw("diff-index", "--cached", "--quiet", target, "--", *paths)
    return code == 0


def reset_path(repo: Repository, path: str) -> None:
    """Put ``path`` back as HEAD has it, in the index and the working tree."""
    if blob_id(repo, "HEAD", path) is None:
        repo.run_raw("rm", "--cached", "--quiet", "--ignore-unmatch", "--", path)
        (repo.root / path).unlink(missing_ok=True)
        return
    repo.run("restore", "--source=HEAD", "--staged", "--worktree", "--", path)
