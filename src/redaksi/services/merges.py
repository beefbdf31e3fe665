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
Ids = dict[str, str]


def hand_made(
    repo: git.Repository, commit: str, parents: list[str]
) -> tuple[list[Change], dict[str, str]]:
    """The changes of ``commit`` that no side brought in cleanly, and what each changed.

    A change is judged against the first parent's version; where the first parent has no such
    file, against the version a side itself added (the merger edited what it brought), never
    against an old version that a side merely still had (a story brought back from the dead
    is an addition).
    """
    changes = repo.changes(parents[0], commit, renames=False)
    paths = sorted({p for _, old, new in changes for p in (old, new) if p})
    if not paths:
        return [], {}
    result = repo.blob_ids(commit, paths)
    first = repo.blob_ids(parents[0], paths)
    sides = []
    for other in parents[1:]:
        bases = [repo.blob_ids(b, paths) for b in repo.merge_bases(parents[0], other)]
        sides.append((other, repo.blob_ids(other, paths), bases))
    made = [c for c in changes if not _brought_in(c[2] or c[1] or "", result, first, sides)]
    against = {}
    for _, _, new in made:
        if new is None or new in first:
            continue
        for other, side, bases in sides:
            if new in side and bases and all(b.get(new) != side[new] for b in bases):
                against[new] = other
                break
    return made, against


def _brought_in(
    path: str, result: Ids, first: Ids, sides: list[tuple[str, Ids, list[Ids]]]
) -> bool:
    mine, theirs_first = result.get(path), first.get(path)
    for index, (_, side, bases) in enumerate(sides):
        if side.get(path) != mine or not bases:
            continue
        untouched_by_first = all(b.get(path) == theirs_first for b in bases)
        changed_by_side = all(b.get(path) != mine for b in bases)
        others_quiet = all(
            other.get(path) == mine or all(b.get(path) == other.get(path) for b in other_bases)
            for n, (_, other, other_bases) in enumerate(sides)
            if n != index
        )
        if untouched_by_first and changed_by_side and others_quiet:
            return True
    return False
