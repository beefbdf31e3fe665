"""Infra: one file's story in git, read with single git processes (no GitPython to load).

What the desk asks of a single path: is it as committed, what HEAD holds, which commits
changed it (renames followed), and which paths one commit changed.
"""

from __future__ import annotations

from redaksi.infra.git import Commit, Person, Repository


def committed_id(repo: Repository, path: str, rev: str = "HEAD") -> str | None:
    """The blob id of ``path`` in ``rev`` (one small git process), or None where it has none."""
    code, out, _ = repo.run_raw("rev-parse", "--verify", "--quiet", f"{rev}:{path}")
    return out.strip() if code == 0 and out.strip() else None


def committed_text(repo: Repository, path: str, rev: str = "HEAD") -> str | None:
    """The text of ``path`` as ``rev`` has it (cheap, for a config or one article)."""
    code, out, _ = repo.run_raw("cat-file", "blob", f"{rev}:{path}")
    return out if code == 0 else None


def differs_from_head(repo: Repository, path: str) -> bool:
    """Whether ``path`` (staged or not) differs from HEAD, as git sees it (filters included)."""
    return repo.run_raw("diff", "--quiet", "HEAD", "--", path)[0] != 0


def file_commits(repo: Repository, path: str, ref: str = "HEAD") -> list[Commit]:
    """Every commit that changed ``path`` (following renames), oldest first."""
    fields = "%H%x00%an%x00%ae%x00%aI%x00%B"  # NUL: the one byte a message cannot hold
    from redaksi.infra import partial

    # --follow compares blobs to find renames: in a partial clone that would download the
    # archive's, so there the path's own commits are listed (renames are findings anyway)
    follow = [] if partial.promisor(repo) else ["--follow"]
    code, out, _ = repo.run_raw("log", "-z", *follow, f"--format={fields}", ref, "--", path)
    if code != 0:
        return []
    parts = out.split("\0")
    commits = [
        Commit(sha.strip(), Person(name, email), date, message)
        for sha, name, email, date, message in (
            parts[n : n + 5] for n in range(0, len(parts) - 4, 5)
        )
    ]
    return list(reversed(commits))


def paths_in(repo: Repository, commit: str) -> list[str]:
    """The paths ``commit`` changed (against its first parent)."""
    out = repo.run("diff-tree", "--no-commit-id", "--name-only", "-r", "--root", commit)
    return [line for line in out.splitlines() if line]
