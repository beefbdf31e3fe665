"""Services: who is acting, and whether the newsroom lets them."""

from __future__ import annotations

from redaksi.config import Newsroom, StaffMember
from redaksi.errors import RefusedError


def authorize(newsroom: Newsroom, email: str, role: str, action: str) -> StaffMember:
    """The staff member acting as ``email``, if they hold ``role``; refuses (exit 3) otherwise."""
    member = newsroom.member(email)
    if member is None:
        raise RefusedError("staff.unknown", email=email)
    if role not in member.roles:
        raise RefusedError(
            "staff.lacks_role",
            name=member.name,
            email=member.email,
            role_msg=f"role.{role}",
            action=action,
        )
    return member


def colleague(newsroom: Newsroom, email: str) -> dict[str, str]:
    """The reporter on staff a story is handed to (``reassign --to``), as ``{name, email}``."""
    member = newsroom.member(email)
    if member is None:
        raise RefusedError("staff.unknown", email=email)
    if "reporter" not in member.roles:
        raise RefusedError("reassign.not_reporter", email=member.email)
    return {"name": member.name, "email": member.email}
