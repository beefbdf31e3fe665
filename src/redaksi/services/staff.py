"""Services: who is on staff. ``redaksi staff add/remove/list``, and staff as committed.

Roles are authorised from the committed redaksi.yaml, because that is what ``verify`` sees in
CI: a colleague typed into the file by hand but never committed can act nowhere. Changing the
staff is one commit of redaksi.yaml alone, by a publisher, with the trailer
``Redaksi-Action: staff``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from pathlib import Path

from redaksi import config
from redaksi.config import CONFIG_FILE, Newsroom
from redaksi.core import staffing
from redaksi.errors import RedaksiError, RefusedError
from redaksi.infra import git, gitfiles, guard, store
from redaksi.services.people import authorize


@dataclass(frozen=True)
class Committed:
    """The newsroom whose staff and rules are the committed ones, and what was uncommitted."""

    newsroom: Newsroom
    dirty: bool


def _blob_id(data: bytes) -> str:
    return hashlib.sha1(b"blob %d\0" % len(data) + data, usedforsecurity=False).hexdigest()


def config_dirty(root: Path, repo: git.Repository) -> bool:
    """Whether redaksi.yaml has changes git has not committed (cheap when it has none).

    One ``git rev-parse`` names the committed blob; the file's own bytes are hashed as git
    would. Only when they differ does git compare them itself (line-ending filters and the like).
    """
    committed = gitfiles.committed_id(repo, CONFIG_FILE)
    if committed is None:
        return True
    data = store.read_bytes(root / CONFIG_FILE)
    if data is not None and _blob_id(data) == committed:
        return False
    return gitfiles.differs_from_head(repo, CONFIG_FILE)


def committed(newsroom: Newsroom, repo: git.Repository) -> Committed:
    """``newsroom`` with staff, four_eyes and require_signed as HEAD has them."""
    if not config_dirty(newsroom.root, repo):
        return Committed(newsroom, False)
    text = gitfiles.committed_text(repo, CONFIG_FILE)
    if text is None:  # not committed at all yet: there is nothing else to go by
        return Committed(newsroom, True)
    try:
        at_head = config.load(newsroom.root, text)
    except RedaksiError:
        return Committed(newsroom, True)
    kept = replace(
        newsroom,
        staff=at_head.staff,
        four_eyes=at_head.four_eyes,
        require_signed=at_head.require_signed,
    )
    return Committed(kept, True)


def listing(newsroom: Newsroom) -> list[staffing.Member]:
    """The staff, as the committed redaksi.yaml lists them."""
    return [
        staffing.Member(m.name, m.email, tuple(r for r in staffing.ROLES if r in m.roles))
        for m in newsroom.staff
    ]


def add(newsroom: Newsroom, repo: git.Repository, member: staffing.Member) -> str:
    """Put ``member`` on staff in one commit by the acting publisher; return the commit id."""
    staffing.check_member(member)
    roles = ", ".join(member.roles)
    subject = f"staff: add {member.name} <{member.email}> ({roles})"
    return _change(newsroom, repo, subject, lambda text: staffing.add(text, member))


def remove(newsroom: Newsroom, repo: git.Repository, email: str) -> str:
    """Take ``email`` off staff in one commit by the acting publisher; return the commit id."""
    gone: list[staffing.Member] = []

    def edit(text: str) -> str:
        result, member = staffing.remove(text, email)
        gone.append(member)
        return result

    return _change(newsroom, repo, None, edit, gone)


def _change(
    newsroom: Newsroom,
    repo: git.Repository,
    subject: str | None,
    edit: staffing.Edit,
    gone: list[staffing.Member] | None = None,
) -> str:
    root = newsroom.root
    actor = authorize(newsroom, repo.identity().email, "publisher", "staff")
    with guard.exclusive(root):
        if config_dirty(root, repo):
            raise RefusedError("staff.config_dirty")
        path = root / CONFIG_FILE
        raw = path.read_bytes()
        text = edit(raw.decode("utf-8"))
        config.load(root, text)  # the result must still be a valid config
        if gone:
            member = gone[0]
            subject = f"staff: remove {member.name} <{member.email}>"
        message = f"{subject}\n\nRedaksi-Action: staff\n"
        with guard.journal(root, CONFIG_FILE, "staff", raw, text.encode("utf-8")):
            try:
                store.write_atomic(path, text)
                return repo.commit([CONFIG_FILE], message, actor.person())
            except BaseException:
                store.restore(path, raw)
                raise
