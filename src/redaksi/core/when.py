"""Core: times a person types (``--at``, ``--until``, ``--embargo``), read in the newsroom's zone.

``2026-12-01 06:00`` means six in the morning where the newsroom is; an RFC 3339 time with an
offset means exactly that moment. A local time that happens twice (the hour a clock turns back)
or never (the hour it skips) is refused rather than guessed. Pure: ``now`` and the zone are
passed in.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, tzinfo
from typing import Any

from redaksi.errors import UsageError

_LOCAL = re.compile(r"^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$")
_OFFSET = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:\d{2})$")


def parse(text: str, zone: tzinfo, option: str) -> datetime:
    """The moment ``text`` names, aware; a usage error (exit 2) saying why it names none."""
    cleaned = text.strip()
    if _OFFSET.match(cleaned):
        try:
            return datetime.fromisoformat(cleaned.upper().replace("Z", "+00:00").replace(" ", "T"))
        except ValueError:
            raise UsageError("when.impossible", option=option, value=text) from None
    found = _LOCAL.match(cleaned)
    if not found:
        raise UsageError("when.format", option=option, value=text)
    year, month, day, hour, minute, second = (int(g) if g else 0 for g in found.groups())
    try:
        naive = datetime(year, month, day, hour, minute, second)
    except ValueError:
        raise UsageError("when.impossible", option=option, value=text) from None
    early, late = naive.replace(tzinfo=zone, fold=0), naive.replace(tzinfo=zone, fold=1)
    if early.astimezone(UTC).astimezone(zone).replace(tzinfo=None) != naive:
        raise UsageError("when.skipped", option=option, value=text)
    if early.utcoffset() != late.utcoffset():
        raise UsageError("when.ambiguous", option=option, value=text)
    return early


def stamp(moment: datetime, zone: tzinfo) -> str:
    """RFC 3339 in the newsroom's zone, to the second (as every timestamp redaksi writes)."""
    return moment.astimezone(zone).isoformat(timespec="seconds")


def future(moment: datetime, now: datetime, option: str, text: str) -> None:
    """Refuse a time that is not after ``now`` (exit 2)."""
    if moment <= now:
        raise UsageError("when.past", option=option, value=text)


def read(value: Any) -> datetime | None:
    """A timestamp as the front matter holds it (RFC 3339 text), or None."""
    try:
        moment = datetime.fromisoformat(str(value).upper().replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None
