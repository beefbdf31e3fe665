"""Infra: the one clock. ``REDAKSI_NOW`` (RFC 3339) stands in for now, for tests and rehearsals.

Every command that records or compares a time asks here, so a test (or a newsroom rehearsing
tomorrow's release) can fix the moment: ``REDAKSI_NOW=2026-12-01T06:00:00+07:00 redaksi release``.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime

from redaksi.errors import UsageError

VARIABLE = "REDAKSI_NOW"


def git_dates() -> dict[str, str]:
    """Commit dates for git when the clock is fixed, so commits agree with what they record."""
    if not os.environ.get(VARIABLE):
        return {}
    moment = now().isoformat()
    return {"GIT_AUTHOR_DATE": moment, "GIT_COMMITTER_DATE": moment}


def now() -> datetime:
    """The current moment, timezone-aware (``REDAKSI_NOW`` when set)."""
    fixed = os.environ.get(VARIABLE)
    if not fixed:
        return datetime.now(UTC)
    try:
        moment = datetime.fromisoformat(fixed.strip().upper().replace("Z", "+00:00"))
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        raise UsageError("clock.bad_now", variable=VARIABLE, value=fixed)
    return moment
