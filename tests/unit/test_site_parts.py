"""The site's small parts: images read from bytes, dates as a portal prints them, bodies."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from redaksi.site import body, dates, images

DATA = Path(__file__).resolve().parents[1] / "data"
WHEN = datetime.fromisoformat("2025-03-04T16:17:00+07:00")


@pytest.mark.parametrize(
    ("name", "kind"), [("gps.jpg", "jpeg"), ("tiny.png", "png"), ("gps.webp", "webp")]
)
def test_images_are_known_by_their_bytes_and_lose_only_their_metadata(name: str, kind: str) -> None:
    data = (DATA / name).read_bytes()
    assert images.kind(data) == kind and images.size(data) == (32, 18)
    clean = images.strip_location(data)
    assert b"TestCam" not in clean and images.kind(clean) == kind and images.size(clean) == (32, 18)
    assert images.strip_location(clean) == clean
    assert images.kind(b"<svg xmlns='http://www.w3.org/2000/svg'/>") is None


@pytest.mark.parametrize(
    ("zone", "language", "expected"),
    [
        ("Asia/Jakarta", "id", "4 Mar 2025 16:17 WIB"),
        ("Asia/Makassar", "id", "4 Mar 2025 17:17 WITA"),
        ("Asia/Jayapura", "en", "4 Mar 2025 18:17 WIT"),
        ("Asia/Kolkata", "en", "4 Mar 2025 14:47 UTC+05:30"),
        ("America/Sao_Paulo", "id", "4 Mar 2025 06:17 UTC-03:00"),
    ],
)
def test_dates_carry_the_newsrooms_zone_label(zone: str, language: str, expected: str) -> None:
    assert dates.display(WHEN, zone, language) == expected


def test_month_names_come_from_the_locale() -> None:
    august = datetime.fromisoformat("2025-08-17T10:00:00+07:00")
    assert dates.display(august, "Asia/Jakarta", "id") == "17 Agu 2025 10:00 WIB"
    assert dates.display(august, "Asia/Jakarta", "en") == "17 Aug 2025 10:00 WIB"


def test_a_body_keeps_no_raw_html_and_no_unsafe_links() -> None:
    html = body.render(
        "<img src=x onerror=alert(1)>\n\n[a](javascript:alert(1)) [b](vbscript:x) [c](data:text/html,x) "
        "[d](/ok) [e](mailto:r@kabar.test) ![f](javascript:x)",
        "Jember",
    )
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert (
        'href="javascript' not in html
        and 'href="vbscript' not in html
        and 'href="data:' not in html
    )
    assert '<a href="/ok">d</a>' in html and '<a href="mailto:r@kabar.test">e</a>' in html
    assert html.startswith("<p><strong>Jember,-</strong> ")
