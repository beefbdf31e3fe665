"""Services: after a killed command, put the article back to one whole state and say which."""

from __future__ import annotations

from pathlib import Path

from redaksi.infra import git, guard


def recover(root: Path) -> guard.Recovery | None:
    """Repair what a killed redaksi left behind, if anything (cheap when there is nothing)."""
    if guard.pending(root) is None:
        return None
    with guard.exclusive(root), git.Repository(root) as repo:
        record = guard.pending(root)  # read again: the lock's last holder may have finished
        if record is None:
            return None
        if record.get("kind") == "land":
            from redaksi.services import landing

            return landing.recover(root, repo, record)
        rel = str(record.get("path"))
        found = guard.recover(root, record, repo.blob("HEAD", rel))
        if found.key == "guard.rolled_back" and not repo.blob("HEAD", rel):
            repo.run_raw("rm", "--cached", "--quiet", "--ignore-unmatch", "--", rel)
        return found
