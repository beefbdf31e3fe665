"""Site (pure): times as a portal prints them, in the newsroom's zone and language (Babel).

``4 Mar 2025 16:17 WIB``: Babel names the month in Indonesian or English; the zone label is
WIB, WITA or WIT for Indonesia's zones (by the IANA name in redaksi.yaml), else ``UTC+hh:mm``.
"""

from __future__ import annotations

from datetime import datetime
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo

INDONESIA = {
    "Asia/Jakarta": "WIB",
    "Asia/Pontianak": "WIB",
    "Asia/Makassar": "WITA",
    "Asia/Ujung_Pandang": "WITA",
    "Asia/Jayapura": "WIT",
}
SHORT = "d MMM yyyy HH:mm"
LONG = "EEEE, d MMMM yyyy HH:mm"


def zone_label(zone: str, moment: datetime) -> str:
    """WIB, WITA, WIT, or ``UTC+hh:mm`` for any other zone (at that moment's offset)."""
    if zone in INDONESIA:
        return INDONESIA[zone]
    offset = moment.astimezone(ZoneInfo(zone)).utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset is not None else 0
    sign = "+" if minutes >= 0 else "-"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


@cache
def _locale(language: str) -> Any:
    from babel import Locale

    return Locale.parse("id" if language == "id" else "en")


def display(moment: datetime, zone: str, language: str, pattern: str = SHORT) -> str:
    """``4 Mar 2025 16:17 WIB`` (``pattern`` is a Babel/CLDR date pattern)."""
    from babel.dates import format_datetime

    local = moment.astimezone(ZoneInfo(zone))
    text = format_datetime(local, pattern, locale=_locale(language))
    return f"{text} {zone_label(zone, moment)}"


def w3c(moment: datetime, zone: str) -> str:
    """RFC 3339 in the newsroom's zone, to the second (sitemaps, JSON-LD, JSON Feed)."""
    return moment.astimezone(ZoneInfo(zone)).isoformat(timespec="seconds")


def rfc822(moment: datetime) -> str:
    """RSS 2.0's date format, always in English as RFC 822 requires."""
    from email.utils import format_datetime

    return format_datetime(moment)
