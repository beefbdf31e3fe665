"""Infra: partial clones (``git clone --filter=blob:none``): fetch what is read, at once.

In a blobless clone every blob that is read and missing costs a request to the remote of its
own. A command that knows what it will read (``verify``, from the trees of the commits it
checks) asks for all of it in one request instead.
"""

from __future__ import annotations

from collections.abc import Sequence

from redaksi.infra.git import Repository

ZERO = "0" * 40


def promisor(repo: Repository) -> str | None:
    """The remote a partial clone fetches missing objects from, or None in a full clone."""
    pattern = r"^(extensions\.partialclone|remote\..*\.promisor)$"
    _, out, _ = repo.run_raw("config", "--get-regexp", pattern)
    for line in out.splitlines():
        key, _, value = line.partition(" ")
        if key == "extensions.partialclone" and value:
            return value
        if key.endswith(".promisor") and value.lower() in ("true", "yes", "on", "1"):
            return key.removeprefix("remote.").removesuffix(".promisor")
    return None


def blobs_changed(repo: Repository, base: str, head: str, *paths: str) -> set[str]:
    """The blob ids, before and after, that commits in ``base..head`` changed in ``paths``.

    Read from trees alone (``--raw``, no rename detection): nothing is downloaded to list them.
    What commits on no remote wrote is left out: those blobs were made here.
    """
    out = repo.run(
        "log", "-m", "--no-renames", "--raw", "-z", "--no-abbrev", "--format=%x01%H",
        f"{base}..{head}", "--", *paths,
    )  # fmt: skip
    local = set(repo.run("rev-list", f"{base}..{head}", "--not", "--remotes").split())
    found: set[str] = set()
    made_here: set[str] = set()
    commit = ""
    for field in out.split("\0"):
        field = field.strip("\n")
        if field.startswith("\x01"):
            commit = field[1:]
        elif field.startswith(":"):  # ":100644 100644 <old> <new> M"
            old, new = field.split(" ")[2:4]
            found.add(old)
            (made_here if commit in local else found).add(new)
    return found - made_here - {ZERO}


def fetch_blobs(repo: Repository, blobs: set[str]) -> bool:
    """In a partial clone, fetch ``blobs`` in one request, if any of them is missing.

    Best effort: returns whether the remote was asked and answered. git fetches nothing when
    every blob is here already, and anything still missing is fetched when read, as before.
    """
    remote = promisor(repo)
    if remote is None or not blobs:
        return False
    code, _, _ = repo.run_raw(
        "-c", "fetch.negotiationAlgorithm=noop", "fetch", remote, "--no-tags",
        "--no-write-fetch-head", "--recurse-submodules=no", "--filter=blob:none", "--stdin",
        stdin="\n".join(sorted(blobs)).encode() + b"\n",
    )  # fmt: skip
    return code == 0


def prefetch_range(
    repo: Repository, base: str, head: str, paths: Sequence[str], base_files: Sequence[str]
) -> None:
    """Fetch, in one request, what checking ``base..head`` will read in a partial clone.

    That is the blobs the range changed in ``paths`` and the base's ``base_files``; in a full
    clone, nothing happens.
    """
    if promisor(repo) is None:
        return
    wanted = blobs_changed(repo, base, head, *paths)
    entries = repo.blob_ids(base, list(base_files)).values()  # "<mode> <blob id>" each
    fetch_blobs(repo, wanted | {entry.split(" ")[-1] for entry in entries})
