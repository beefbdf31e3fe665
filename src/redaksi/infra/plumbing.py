"""Infra: commits built without touching the working tree, and the checkout that follows them.

A step for the remote is committed with git's plumbing (a temporary index, ``commit-tree``) on
top of the upstream branch, so nothing in a person's working tree or index moves until the
remote has it; then the branch moves the way ``git checkout`` moves it, which refuses rather
than overwrite uncommitted work. Blobs go through git's clean filters (``core.autocrlf``,
``.gitattributes``), so a commit holds what ``git commit`` would, and is signed when asked.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Mapping
from pathlib import Path

from redaksi.errors import RepositoryError
from redaksi.infra import clock
from redaksi.infra.git import Person, Repository
from redaksi.infra.remote import reason


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
        # --missing-ok: in a blobless partial clone the parent's blobs live on the remote;
        # without it git downloads every one of them to check they exist (the whole archive)
        tree = repo.run("write-tree", "--missing-ok", env=env).strip()
    finally:
        if os.path.exists(index):
            os.unlink(index)
    commit_env = {"GIT_AUTHOR_NAME": author.name, "GIT_AUTHOR_EMAIL": author.email}
    commit_env.update(clock.git_dates())  # REDAKSI_NOW: commits agree with what they record
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


def merge_base(repo: Repository, a: str, b: str) -> str | None:
    code, out, _ = repo.run_raw("merge-base", a, b)
    return out.strip() if code == 0 else None
