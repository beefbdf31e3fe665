"""Services: what a merge commit wrote by hand, as opposed to what it brought in.

A merge is trusted only for files it takes unchanged from a side that changed them since the
sides parted, while the parent it is judged from left them alone (the one result git itself
would give without asking anybody). Those changes were made, and are checked, in the side's own
commits (or are already in the base). Anything else a merge writes (a conflict resolved by hand,
a file taken from a side that never changed it, such as an old commit merged back in, or a file
matching no parent at all) is returned as a change of that parent's version: a hand edit by
whoever merged, held to the same rules as any other commit. A merge is judged from every parent
that already holds the base of the check (see :func:`judged_against`); octopus merges too.
"""

from __future__ import annotations

from redaksi.infra import git

Change = tuple[str, str | None, str | None]
Ids = dict[str, str]


def judged_against(repo: git.Repository, base: str, parents: list[str]) -> list[str]:
    """The parents a merge is judged against: every one that already holds the base.

    What matters is what becomes of the base: a branch that merges the base in while keeping
    its own older files undoes the base's steps, and is judged for that. A parent that does
    not hold the base (a branch merged before it caught up) is trusted for what it brings, its
    own commits being checked one by one; with no parent holding the base, the first one.
    """
    holding = [p for p in parents if p == base or repo.is_ancestor(base, p)]
    return holding or parents[:1]


def hand_made(
    repo: git.Repository, commit: str, parents: list[str], judged: str | None = None
) -> tuple[list[Change], dict[str, str]]:
    """The changes of ``commit`` that no side brought in cleanly, and what each changed.

    A change is judged against the version of parent ``judged`` (the first parent unless
    said); where that parent has no such file, against the version a side itself added (the
    merger edited what it brought), never against an old version that a side merely still had
    (a story brought back from the dead is an addition).
    """
    first = judged or parents[0]
    parents = [first, *(p for p in parents if p != first)]
    changes = repo.changes(parents[0], commit, renames=False)
    paths = sorted({p for _, old, new in changes for p in (old, new) if p})
    if not paths:
        return [], {}
    result = repo.blob_ids(commit, paths)
    mine = repo.blob_ids(parents[0], paths)
    sides = []
    for other in parents[1:]:
        bases = [repo.blob_ids(b, paths) for b in repo.merge_bases(parents[0], other)]
        sides.append((other, repo.blob_ids(other, paths), bases))
    made = [c for c in changes if not _brought_in(c[2] or c[1] or "", result, mine, sides)]
    against = {}
    for _, _, new in made:
        if new is None or new in mine:
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
