"""Services: moving this clone onto a step pushed to the remote, safe against a kill.

The person's own uncommitted edits to the article travel inside the pushed commit. From the
push until the clone has moved onto it, a journal names that commit and keeps their bytes: if
the process dies, the next command moves the clone onto the step (so it is committed here, and
``redaksi sync``, which recognises a step already on the remote, pushes it at most once), or,
when local work is in the way, puts the edits back; and says which.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from redaksi.infra import git, guard, plumbing, store


def land(
    root: Path, repo: git.Repository, target: str, action: str, consumed: dict[str, bytes | None]
) -> bool:
    """Move this clone to ``target``; False (and nothing moved) when local work is in the way.

    ``consumed`` holds the person's bytes of files whose edits are already inside ``target``;
    if the clone cannot move, they are put back as they were.
    """
    head = repo.run("rev-parse", "HEAD").strip()
    if head == target:
        return True
    with guard.landing(root, action, head, target, consumed):
        return move(root, repo, target, consumed)


def move(root: Path, repo: git.Repository, target: str, consumed: dict[str, bytes | None]) -> bool:
    """Move to ``target`` (see :func:`land`), inside a journal the caller keeps."""
    for rel in consumed:
        plumbing.reset_path(repo, rel)  # the edits are in ``target``: let the checkout bring them
    if plumbing.move_to(repo, target):
        return True
    for rel, data in consumed.items():
        store.restore(root / rel, data)
    return False


def recover(root: Path, repo: git.Repository, record: dict[str, Any]) -> guard.Recovery:
    """Finish a move that a killed command left halfway, as its journal ``record`` tells it."""
    action, head, target = str(record.get("action")), record.get("head"), record.get("target")
    files = record.get("files")
    consumed = {
        str(k): guard.decode(v) for k, v in (files if isinstance(files, dict) else {}).items()
    }
    rel = next(iter(consumed), "")
    lock = (guard.git_dir(root) / "index.lock").exists()
    now = repo.run("rev-parse", "HEAD").strip()
    if not isinstance(head, str) or not isinstance(target, str) or now not in (head, target):
        key, rel = _left(root, consumed, str(target))
    elif now == target:
        key = "guard.landed"
    elif plumbing.index_matches(repo, head, target):
        repo.run("update-ref", "-m", "redaksi: finish", "HEAD", target, head)
        key = "guard.landed"
    elif not all(_ours(root, repo, path, data, head, target) for path, data in consumed.items()):
        key, rel = _left(root, consumed, target)
    else:
        moved = move(root, repo, target, consumed)
        key = "guard.landed" if moved else "guard.land_behind" if consumed else "guard.land_stopped"
    guard.clear(root)
    return guard.Recovery(key, rel, action, lock)


def _ours(
    root: Path, repo: git.Repository, path: str, before: bytes | None, head: str, target: str
) -> bool:
    """Whether the file holds bytes redaksi put there (so they may be replaced)."""
    current = store.read_bytes(root / path)
    if current == before:
        return True
    made = plumbing.clean_id(repo, path, current)
    return made in (plumbing.blob_id(repo, head, path), plumbing.blob_id(repo, target, path))


def _left(root: Path, consumed: dict[str, bytes | None], target: str) -> tuple[str, str]:
    """The clone changed since: touch nothing, but keep the person's bytes where they can see.

    Returns the catalogue key and what to name: the copy under ``.git/redaksi/kept/`` when
    the article no longer holds the person's own bytes, else the article.
    """
    for rel, data in consumed.items():
        if data is not None and store.read_bytes(root / rel) != data:
            folder = guard.git_dir(root) / "redaksi" / "kept"
            folder.mkdir(parents=True, exist_ok=True)
            copy = folder / f"{Path(rel).name}.{target[:7]}"
            copy.write_bytes(data)
            return "guard.land_saved", store.relative(root, copy)
    return "guard.land_left", next(iter(consumed), "")
