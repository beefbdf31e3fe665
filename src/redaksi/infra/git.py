"""Infra: the one door to git. The only module that imports GitPython.

Commits go through git's own porcelain (``git commit --only``), driven by GitPython: it honours
hooks, ``.gitattributes`` and the user's config, leaves every other staged or unstaged change
exactly as it was, and stays fast in a large repository where GitPython's in-Python index does
not (FIELD-NOTES: 42 ms against 418 ms at 10,000 files). Every git failure becomes a
:class:`RepositoryError` with git's own reason.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from redaksi.errors import RepositoryError, UsageError

OWN_STEP = "REDAKSI_STEP"
"""Set in the environment of the hooks of every commit redaksi makes itself."""


def own_step() -> bool:
    """Whether this process runs in a hook of a commit redaksi itself is making.

    Such a commit is a step (``correct`` changing a published story), never a hand edit.
    """
    return os.environ.get(OWN_STEP) == "1"


@dataclass(frozen=True)
class Person:
    """Somebody git records: a commit's author, or a credit in a trailer."""

    name: str
    email: str

    def __str__(self) -> str:
        return f"{self.name} <{self.email}>"


@dataclass(frozen=True)
class Commit:
    """One commit as ``log`` shows it."""

    sha: str
    author: Person
    date: str
    message: str


@dataclass(frozen=True)
class Facts:
    """One commit as ``verify`` reads it: who wrote it, who committed it, when, and the message."""

    sha: str
    author: Person
    committer: Person
    author_date: str
    committer_date: str
    message: str


def init_repository(path: Path, person: Person) -> Repository:
    """A new repository at ``path`` whose user is ``person`` (used by ``redaksi demo``)."""
    from git import Repo

    Repo.init(path)
    repo = Repository(path)
    repo.set_identity(person)
    repo._git("config", "commit.gpgsign", "false")
    return repo


def plumb(root: Path, *commands: Sequence[str]) -> list[bytes | None]:
    """Run read-only git commands side by side (no GitPython: this is the fast path).

    Each result is the command's stdout, or None where it failed or git is missing.
    """
    import subprocess

    env = {**os.environ, "GIT_OPTIONAL_LOCKS": "0", "GIT_TERMINAL_PROMPT": "0"}
    try:
        running = [
            subprocess.Popen(
                ["git", *args], cwd=root, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env
            )
            for args in commands
        ]
    except OSError:
        return [None] * len(commands)
    results: list[bytes | None] = []
    for proc in running:
        out, _ = proc.communicate()
        results.append(out if proc.returncode == 0 else None)
    return results


def find_root(start: Path) -> Path:
    """The working tree that contains ``start``, found as git does (a ``.git`` dir or file)."""
    here = start.absolute()
    for folder in (here, *here.parents):
        if (folder / ".git").exists():
            return folder
    raise RepositoryError("repo.not_git")


def _detail(stderr: str) -> str:
    """The line of git's (or a hook's) output that says what went wrong."""
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    return lines[-1] if lines else ""


class Repository:
    """A newsroom's git repository, opened at its root.

    Commands run git directly (one process each, nothing to import); GitPython is opened only
    for reading objects, where its persistent ``git cat-file`` pays off (verify, sync).
    """

    def __init__(self, root: Path) -> None:
        if not (root / ".git").exists():
            raise RepositoryError("repo.not_git")
        self.root = root
        self._opened: Any = None

    @property
    def _objects(self) -> Any:
        if self._opened is None:
            from git import Repo
            from git.exc import GitError

            try:
                self._opened = Repo(self.root)
            except GitError:
                raise RepositoryError("repo.not_git") from None
        return self._opened

    def close(self) -> None:
        if self._opened is not None:
            self._opened.close()

    def __enter__(self) -> Repository:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def run(self, command: str, *args: str, **kwargs: Any) -> str:
        """Run ``git COMMAND ARGS`` here; a failure becomes a :class:`RepositoryError`."""
        return self._git(command, *args, **kwargs)

    def run_raw(
        self,
        command: str,
        *args: str,
        env: Mapping[str, str] | None = None,
        stdin: bytes | None = None,
    ) -> tuple[int, str, str]:
        """Run git and return (status, stdout, stderr) without raising.

        For callers that read git's own answer: a push rejected, an ancestor test.
        """
        import os
        import subprocess

        full_env = {**os.environ, "GIT_TERMINAL_PROMPT": "0", **(env or {})}
        done = subprocess.run(
            ["git", command, *args],
            cwd=self.root,
            env=full_env,
            input=stdin,
            capture_output=True,
            check=False,
        )
        return (
            done.returncode,
            done.stdout.decode("utf-8", "replace"),
            done.stderr.decode("utf-8", "replace"),
        )

    def _git(
        self,
        command: str,
        *args: str,
        env: Mapping[str, str] | None = None,
        stdin: bytes | None = None,
        **_: Any,
    ) -> str:
        code, out, err = self.run_raw(command.replace("_", "-"), *args, env=env, stdin=stdin)
        if code == 0:
            return out[:-1] if out.endswith("\n") else out
        detail = _detail(err) or f"exit {code}"
        if "No space left on device" in err or _disk_nearly_full(self.root):
            raise RepositoryError("file.disk_full", path=".git")
        if "File exists" in err and ".lock" in err:
            raise RepositoryError("repo.lock_held", detail=detail)
        if "Permission denied" in err or "Read-only file system" in err:
            raise RepositoryError("file.not_writable", path=".git", detail=detail)
        raise RepositoryError("repo.git_failed", command=command, detail=detail)

    def identity(self) -> Person:
        """Who is acting: ``git config user.name`` and ``user.email``."""
        try:
            found = self._git("config", "--get-regexp", r"^user\.(name|email)$")
        except RepositoryError:
            raise RepositoryError("repo.no_identity") from None
        values: dict[str, str] = {}
        for line in found.splitlines():  # the last value of each key wins, as in git
            key, _, value = line.partition(" ")
            values[key] = value.strip()
        if not values.get("user.name") or not values.get("user.email"):
            raise RepositoryError("repo.no_identity")
        return Person(values["user.name"], values["user.email"])

    def set_identity(self, person: Person) -> None:
        """Act as ``person`` in this repository (its local user.name and user.email)."""
        self._git("config", "user.name", person.name)
        self._git("config", "user.email", person.email)

    def is_tracked(self, path: str) -> bool:
        return bool(self._git("ls-files", "--", path).strip())

    def commit(
        self, paths: Sequence[str], message: str, author: Person, *, new: Sequence[str] = ()
    ) -> str:
        """Commit exactly ``paths`` as they are in the working tree; return the new commit id.

        ``new`` names paths git does not track yet. Other staged and unstaged changes are left
        as they were. If the commit fails (a hook, a lock), the index is put back as it was.
        Paths go to git on its standard input, so an import of thousands fits.
        """
        from redaksi.infra import clock

        env = {
            "GIT_AUTHOR_NAME": author.name,
            "GIT_AUTHOR_EMAIL": author.email,
            OWN_STEP: "1",  # the commit's hooks see a redaksi step, not a hand edit
            **clock.git_dates(),
        }
        listed = ("--pathspec-from-file=-", "--pathspec-file-nul")
        if new:
            self._git("add", *listed, stdin="\0".join(new).encode())
        try:
            self._git(
                "commit",
                "--only",
                "--cleanup=whitespace",
                "--quiet",
                "-m",
                message,
                *listed,
                env=env,
                stdin="\0".join(paths).encode(),
            )
        except RepositoryError as err:
            if new:
                self.run_raw("rm", "--cached", "--quiet", *listed, stdin="\0".join(new).encode())
            if err.key == "repo.git_failed" and not _git_message(err.params.get("detail", "")):
                raise RepositoryError("repo.hook_failed", detail=err.params["detail"]) from None
            raise
        return self._git("rev-parse", "HEAD").strip()

    def transitions(self, article_id: str, ref: str = "HEAD") -> list[Commit]:
        """Every commit whose trailer names this article and that changed it, oldest first.

        Found by id, wherever the file was; a commit that carries the trailers but changed some
        other file (a forged step) is not one of the article's transitions.
        """
        try:
            shas = self._git(
                "log",
                "--reverse",
                "-F",
                f"--grep=Redaksi-Article: {article_id}",
                "--format=%H",
                ref,
                "--",
                "articles/",
            ).split()
        except RepositoryError:
            return []  # no commits yet
        if not shas:
            return []
        out = self._git("show", "-s", "-z", "--format=%H%x00%an%x00%ae%x00%aI%x00%B", *shas)
        parts = out.split("\0")
        commits = []
        for start in range(0, len(parts) - 4, 5):
            sha, name, email, date, message = parts[start : start + 5]
            sha = sha.strip()
            parent = f"{sha}^" if self._has_parent(sha) else None
            changed = self.changes(parent, sha, "articles/", renames=False)
            names = [path for _, old, new in changed for path in (old, new) if path]
            if any(self._names(sha, path, article_id) for path in names):
                commits.append(Commit(sha, Person(name, email), date, message))
        return commits

    def _has_parent(self, sha: str) -> bool:
        return self.run_raw("rev-parse", "--verify", "--quiet", f"{sha}^")[0] == 0

    def _names(self, commit: str, path: str, article_id: str) -> bool:
        """Whether ``path`` is the article ``article_id`` at ``commit`` (or just before it)."""
        for side in (commit, f"{commit}^"):
            data = self.blob(side, path)
            if data is not None:
                found = _ID_LINE.search(data[:8192])
                return found is not None and found.group(1).decode() == article_id
        return False

    # -- reading history (verify, validate --changed-since) -------------------------------------

    def resolve(self, ref: str) -> str:
        """The commit id ``ref`` names; a missing ref (or a shallow clone) is exit 4 with a hint.

        A name that two refs answer to (a tag called ``origin/main`` beside the remote branch)
        is refused: the base of a check must not be chosen by whoever can push a tag.
        """
        if not ref.startswith("refs/") and not re.fullmatch(r"[0-9a-fA-F]{7,64}", ref):
            spelled = [
                f"refs/{ref}",
                f"refs/tags/{ref}",
                f"refs/heads/{ref}",
                f"refs/remotes/{ref}",
            ]
            spelled.append(f"refs/remotes/{ref}/HEAD")
            code, out, _ = self.run_raw("for-each-ref", "--format=%(refname)", *spelled)
            named = {line for line in out.splitlines() if line in spelled}
            if code == 0 and len(named) > 1:
                raise UsageError("repo.ambiguous_ref", ref=ref, refs=", ".join(sorted(named)))
        try:
            return self._git("rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").strip()
        except RepositoryError:
            shallow = self._git("rev-parse", "--is-shallow-repository").strip() == "true"
            raise RepositoryError(
                "repo.unknown_ref",
                ref=ref,
                shallow_msg="repo.shallow_hint" if shallow else "repo.fetch_hint",
            ) from None

    def commits_between(self, base: str, head: str) -> list[tuple[str, list[str]]]:
        """(commit, parents) of every commit in ``base..head``, parents before children."""
        out = self._git("rev-list", "--reverse", "--topo-order", "--parents", f"{base}..{head}")
        rows = [line.split() for line in out.splitlines() if line.strip()]
        return [(row[0], row[1:]) for row in rows]

    def merge_base(self, a: str, b: str) -> str:
        try:
            return self._git("merge-base", a, b).strip()
        except RepositoryError:
            return a

    def changes(
        self, parent: str | None, commit: str, *paths: str, renames: bool = True
    ) -> list[tuple[str, str | None, str | None]]:
        """(status letter, old path, new path) of what ``commit`` changed against ``parent``."""
        args = ["-r", "-M" if renames else "--no-renames", "--name-status", "-z", "--no-commit-id"]
        args += [parent, commit] if parent else ["--root", commit]
        out = self._git("diff-tree", *args, "--", *paths)
        fields = out.split("\0")
        found: list[tuple[str, str | None, str | None]] = []
        index = 0
        while index < len(fields) and fields[index]:
            letter = fields[index][0]
            if letter in "RC":
                found.append((letter, fields[index + 1], fields[index + 2]))
                index += 3
            else:
                path = fields[index + 1]
                found.append(
                    (letter, None if letter == "A" else path, None if letter == "D" else path)
                )
                index += 2
        return found

    def blob(self, commit: str, path: str) -> bytes | None:
        """The bytes of ``path`` as ``commit`` has it, or None where it has no such file."""
        from git.exc import GitError

        try:
            tree = self._objects.commit(commit).tree
            data: bytes = (tree / path).data_stream.read()
        except (KeyError, ValueError, GitError):
            return None
        return data

    def history(self, base: str, head: str) -> dict[str, Facts]:
        """Author, committer, their dates and the message of every commit in ``base..head``."""
        # NUL between fields and records: the one byte a commit message cannot hold.
        out = self._git(
            "log",
            "-z",
            "--format=%H%x00%an%x00%ae%x00%cn%x00%ce%x00%aI%x00%cI%x00%B",
            f"{base}..{head}",
        )
        parts = out.split("\0")
        found: dict[str, Facts] = {}
        for start in range(0, len(parts) - 7, 8):
            sha, an, ae, cn, ce, ad, cd, message = parts[start : start + 8]
            sha = sha.strip()
            found[sha] = Facts(sha, Person(an, ae), Person(cn, ce), ad, cd, message)
        return found

    def blob_ids(self, commit: str, paths: Sequence[str]) -> dict[str, str]:
        """``mode id`` of each of ``paths`` in ``commit`` (absent paths are left out).

        The mode counts: a story turned into a symbolic link with the same bytes has changed.
        """
        found: dict[str, str] = {}
        for start in range(0, len(paths), 500):  # keep the command line short
            out = self._git("ls-tree", "-z", commit, "--", *paths[start : start + 500])
            for entry in out.split("\0"):
                meta, _, path = entry.partition("\t")
                parts = meta.split(" ")
                if path and len(parts) == 3:
                    found[path] = f"{parts[0]} {parts[2]}"
        return found

    def is_ancestor(self, a: str, b: str) -> bool:
        """Whether commit ``a`` is in the history of ``b``."""
        return self.run_raw("merge-base", "--is-ancestor", a, b)[0] == 0

    def merge_bases(self, a: str, b: str) -> list[str]:
        """Every best common ancestor of ``a`` and ``b`` (none for unrelated histories)."""
        code, out, _ = self.run_raw("merge-base", "--all", a, b)
        return out.split() if code == 0 else []

    def signer(self, commit: str, allowed: Path | None = None) -> tuple[str, str, str]:
        """(git's signature letter, who signed, the key's fingerprint) for ``commit``.

        ``G`` is a good signature by a trusted key. ``allowed``: the SSH allowed-signers file to
        check against (else git's own setting). For GPG the fingerprint is the primary key's.
        """
        config = ["-c", f"gpg.ssh.allowedSignersFile={allowed}"] if allowed else []
        code, out, _ = self.run_raw(
            *config, "log", "-1", "--format=%G?%x00%GS%x00%GF%x00%GP", commit
        )
        letter, who, key, primary = [*out.strip().split("\0"), "", "", "", ""][:4]
        return (
            (letter.strip(), who.strip(), (primary or key).strip()) if code == 0 else ("E", "", "")
        )

    def commit_info(self, commit: str) -> Commit:
        found = self._objects.commit(commit)
        author = Person(str(found.author.name), str(found.author.email))
        return Commit(found.hexsha, author, found.authored_datetime.isoformat(), str(found.message))

    def signature_ok(self, commit: str) -> bool:
        """Whether ``git verify-commit`` accepts the commit's GPG or SSH signature."""
        return self.run_raw("verify-commit", commit)[0] == 0


NEARLY_FULL = 512 * 1024
"""Bytes: with less free than this, a git failure is taken for a full disk (git does not always
say so: a ref it could not write reads like a lock held by someone else)."""


def _disk_nearly_full(root: Path) -> bool:
    try:
        found = os.statvfs(root)
    except OSError:
        return False
    return found.f_bavail * found.f_frsize < NEARLY_FULL


_ID_LINE = re.compile(rb"^id:[ \t]*['\"]?([0-9a-fA-F-]+)", re.MULTILINE)


def _git_message(detail: str) -> bool:
    """Whether a failure line is git's own (as opposed to a hook's output)."""
    return detail.startswith(("fatal:", "error:", "hint:", "warning:"))
