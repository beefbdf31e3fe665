"""Services: what a merge commit wrote by hand, as opposed to what it brought in.

A merge is trusted only for files it takes unchanged from a side that changed them since the
sides parted, while the first parent left them alone (the one result git itself would give
without asking anybody). Those changes were made, and are checked, in the side's own commits
(or are already in the base). Anything else a merge writes (a conflict resolved by hand, a file
taken from a side that never changed it, such as an old commit merged back in, or a file
matching no parent at all) is returned as a change of the first parent's version: a hand edit by
whoever merged, held to the same rules as any other commit. Octopus merges follow the same rule.
"""

from __future__ import annotations

from redaksi.infra import git

Change = tuple[str, str | None, str | None]


def hand_made(repo: git.Repository, commit: str, parents: list[str]) -> list[Change]:
    """The changes of ``commit`` against its first parent that no side brought in cleanly."""
    changes = repo.changes(parents[0], commit, renames=False)
    paths = sorted({p for _, old, new in changes for p in (old, new) if p})
    if not paths:
        return []
    result = repo.blob_ids(commit, paths)
    first = repo.blob_ids(parents[0], paths)
    sides = []
    for other in parents[1:]:
        bases = [repo.blob_ids(b, paths) for b in repo.merge_bases(parents[0], other)]
        sides.append((repo.blob_ids(other, paths), bases))
    return [c for c in changes if not _brought_in(c[2] or c[1] or "", result, first, sides)]


Ids = dict[str, str]


def _brought_in(path: str, result: Ids, first: Ids, sides: list[tuple[Ids, list[Ids]]]) -> bool:
    mine, theirs_first = result.get(path), first.get(path)
    for index, (side, bases) in enumerate(sides):
        if side.get(path) != mine or not bases:
            continue
        untouched_by_first = all(b.get(path) == theirs_first for b in bases)
        changed_by_side = all(b.get(path) != mine for b in bases)
        others_quiet = all(
            other.get(path) == mine or all(b.get(path) == other.get(path) for b in other_bases)
            for n, (other, other_bases) in enumerate(sides)
            if n != index
        )
        if untouched_by_first and changed_by_side and others_quiet:
            return True
    return False
