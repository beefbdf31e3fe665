"""Core: the staff list of redaksi.yaml, changed in place: one member added or removed.

Like a transition's rewrite of front matter, only the lines of the member that changes are
touched: comments, blank lines, key order and quoting elsewhere stay byte for byte. The result
is read back and compared with what was meant; anything else is refused, never written.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from redaksi.core import yamlio
from redaksi.errors import RefusedError, UsageError

ROLES = ("reporter", "editor", "publisher")


@dataclass(frozen=True)
class Member:
    """One person on staff, as redaksi.yaml lists them."""

    name: str
    email: str
    roles: tuple[str, ...]

    def as_yaml(self) -> dict[str, Any]:
        return {"name": self.name, "email": self.email, "roles": list(self.roles)}


def members(text: str) -> list[Member]:
    """The staff as the text lists them (assumes a config that loads: see ``config``)."""
    staff = _staff(yamlio.load_mapping(text))
    return [
        Member(str(m.get("name", "")), str(m.get("email", "")), tuple(m.get("roles") or ()))
        for m in staff
        if isinstance(m, dict)
    ]


def _staff(data: CommentedMap) -> CommentedSeq:
    staff = data.get("staff")
    if not isinstance(staff, CommentedSeq):
        raise RefusedError("staff.no_list")
    return staff


def _index(staff: Sequence[Any], email: str) -> int | None:
    wanted = email.strip().casefold()
    for n, member in enumerate(staff):
        if isinstance(member, dict) and str(member.get("email", "")).casefold() == wanted:
            return n
    return None


def check_member(member: Member) -> None:
    """Refuse (exit 2) a member redaksi.yaml could not hold: no name, a bad email or role."""
    if not member.name.strip():
        raise UsageError("staff.empty_name")
    local, at, domain = member.email.partition("@")
    if not (local and at and "." in domain) or any(c.isspace() for c in member.email):
        raise UsageError("staff.bad_email", email=member.email)
    wrong = [r for r in member.roles if r not in ROLES]
    if wrong or not member.roles:
        raise UsageError("staff.bad_role", role=", ".join(wrong) or "-", choices=", ".join(ROLES))


def add(text: str, member: Member) -> str:
    """``text`` with ``member`` appended to ``staff``; an email already there is exit 3."""
    check_member(member)
    data = yamlio.load_mapping(text)
    staff = _staff(data)
    if _index(staff, member.email) is not None:
        raise RefusedError("staff.exists", email=member.email)
    lines = text.splitlines(keepends=True)
    newline = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    if staff and not staff.fa.flow_style():
        first_line = lines[staff.lc.item(0)[0]]
        dash = first_line[: len(first_line) - len(first_line.lstrip(" "))]
        at = _item_end(lines, staff, len(staff) - 1)
        item = f"{dash}- {_flow(member)}{newline}"
        result = "".join([*lines[:at], item, *lines[at:]])
    else:
        result = _rewrite_whole(text, data, [*yamlio.to_plain(staff), member.as_yaml()])
    _check(result, data, [*yamlio.to_plain(staff), member.as_yaml()])
    return result


def remove(text: str, email: str) -> tuple[str, Member]:
    """``text`` without the member whose email this is; the last publisher is never removed."""
    data = yamlio.load_mapping(text)
    staff = _staff(data)
    index = _index(staff, email)
    if index is None:
        raise UsageError("staff.not_found", email=email)
    gone = staff[index]
    kept = [m for n, m in enumerate(yamlio.to_plain(staff)) if n != index]
    if not any("publisher" in (m.get("roles") or ()) for m in kept if isinstance(m, dict)):
        raise RefusedError("staff.last_publisher", email=str(gone.get("email")))
    lines = text.splitlines(keepends=True)
    if not staff.fa.flow_style() and len(staff) > 1:
        start = staff.lc.item(index)[0]
        end = _item_end(lines, staff, index)
        result = "".join([*lines[:start], *lines[end:]])
    else:
        result = _rewrite_whole(text, data, kept)
    _check(result, data, kept)
    member = Member(str(gone.get("name")), str(gone.get("email")), tuple(gone.get("roles") or ()))
    return result, member


def _flow(member: Member) -> str:
    """``{name: .., email: .., roles: [..]}`` on one line, each value as plain as YAML allows."""
    parts = [yamlio.dump_entry(key, value).rstrip("\n") for key, value in member.as_yaml().items()]
    if any("\n" in part for part in parts):
        return yamlio.dump_flow_item(member.as_yaml())
    return "{" + ", ".join(parts) + "}"


def _item_end(lines: list[str], staff: CommentedSeq, index: int) -> int:
    """One past the last line of item ``index``: up to the next item, or the indented rest."""
    if index + 1 < len(staff):
        return int(staff.lc.item(index + 1)[0])
    start: int = staff.lc.item(index)[0]
    end = start + 1
    indent = len(lines[start]) - len(lines[start].lstrip(" "))
    for n in range(start + 1, len(lines)):
        stripped = lines[n].strip()
        if not stripped or stripped.startswith("#"):
            continue
        if len(lines[n]) - len(lines[n].lstrip(" ")) <= indent:
            break
        end = n + 1
    return end


def _rewrite_whole(text: str, data: CommentedMap, staff: list[Any]) -> str:
    """Replace the whole ``staff:`` entry (a flow-style or empty list has no lines per member)."""
    lines = text.splitlines(keepends=True)
    keys = [k for k in data]
    start = data.lc.key("staff")[0]
    after = keys.index("staff") + 1
    end = data.lc.key(keys[after])[0] if after < len(keys) else len(lines)
    while end > start + 1 and (
        not lines[end - 1].strip() or lines[end - 1].lstrip().startswith("#")
    ):
        end -= 1
    entry = yamlio.dump_entry("staff", staff)
    if lines and lines[0].endswith("\r\n"):
        entry = entry.replace("\n", "\r\n")
    return "".join([*lines[:start], entry, *lines[end:]])


def _check(text: str, before: CommentedMap, staff: list[Any]) -> None:
    """The edit changed ``staff`` into exactly ``staff`` and nothing else, or it is refused."""
    try:
        after = yamlio.to_plain(yamlio.load_mapping(text))
    except yamlio.YamlProblem:
        raise RefusedError("staff.rewrite_unsafe") from None
    if after != {**yamlio.to_plain(before), "staff": staff} or list(after) != list(before):
        raise RefusedError("staff.rewrite_unsafe")


Edit = Callable[[str], str]
"""A change to redaksi.yaml's text: :func:`add` or :func:`remove` with their arguments bound."""
