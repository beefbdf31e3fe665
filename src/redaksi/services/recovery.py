"""Services: after a killed command, put the article back to one whole state and say which."""

from __future__ import annotations

from pathlib import Path

from redaksi.infra import git, guard


def recover(root: Path) -> guard.Recovery | None:
    """Repair what a killed redaksi left behind, if anything (cheap when there is nothing)."""
    rel = guard.pending_path(root)
    if rel is None:
        return None
    with guard.exclusive(root), git.Repository(root) as repo:
        found = guard.recover(root, repo.blob("HEAD", rel))
        if found is not None and found.key == "guard.rolled_back" and not repo.blob("HEAD", rel):
            repo.run_raw("rm", "--cached", "--quiet", "--ignore-unmatch", "--", rel)
        return found
