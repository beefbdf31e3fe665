"""What a reader sees, in a real browser: the article page, the dark mode, a phone's width,
a retraction, no console errors, no JavaScript needed; and preview reloading after a save."""

from __future__ import annotations

import itertools
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import redaksi_bin

SHOTS = Path(os.environ.get("REDAKSI_SHOTS", "")) if os.environ.get("REDAKSI_SHOTS") else None
"""Set REDAKSI_SHOTS=DIR to keep a screenshot of every page looked at (to read them by eye)."""


def _open(browser: Any, url: str, width: int, dark: bool = False, name: str = "") -> None:
    browser.execute_cdp_cmd(
        "Emulation.setEmulatedMedia",
        {"features": [{"name": "prefers-color-scheme", "value": "dark" if dark else "light"}]},
    )
    browser.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": 800, "deviceScaleFactor": 1, "mobile": width < 600},
    )
    browser.get_log("browser")  # start each page with an empty console
    browser.get(url)
    if SHOTS is not None and name:
        SHOTS.mkdir(parents=True, exist_ok=True)
        height = browser.execute_script("return document.documentElement.scrollHeight")
        browser.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride",
            {
                "width": width,
                "height": min(height, 4000),
                "deviceScaleFactor": 1,
                "mobile": width < 600,
            },
        )
        browser.save_screenshot(str(SHOTS / f"{name}-{width}-{'dark' if dark else 'light'}.png"))


def _js(browser: Any, script: str) -> Any:
    return browser.execute_script(script)


@pytest.mark.parametrize("width", [360, 1280])
def test_the_article_as_a_reader_sees_it(browser, site_url: str, width: int) -> None:
    _open(browser, site_url + "2025/03/pasar/", width, name="article")
    assert _js(browser, "return document.documentElement.scrollWidth") <= width
    assert _js(browser, "return document.documentElement.lang") == "id"
    kicker = _js(browser, "return document.querySelector('.story .kicker').innerText")
    assert kicker == "EKONOMI · 4 Mar 2025 16:17 WIB"
    assert _js(browser, "return document.querySelector('h1').innerText").startswith("Pemkot Benahi")
    image = _js(
        browser,
        "var i = document.querySelector('figure img'); return [i.alt, i.getAttribute('width'), i.getAttribute('height'), i.loading, i.complete && i.naturalWidth]",
    )
    assert image == ["Suasana los sayur Pasar Baru", "32", "18", "auto", 32]
    assert _js(browser, "return document.querySelector('figcaption').innerText").endswith(
        "(foto: Ali Ya'lu)"
    )
    assert (
        _js(browser, "return document.querySelector('.body p strong').innerText") == "Probolinggo,-"
    )
    credits = _js(
        browser, "return [...document.querySelectorAll('.credits dt')].map(e => e.innerText)"
    )
    assert credits == ["Editor", "Publisher", "Reporter"]
    more = _js(browser, "return [...document.querySelectorAll('.more li a')].map(e => e.innerText)")
    assert more[:2] == ["Berita Ekonomi 4", "Berita Ekonomi 3"]
    levels = _js(
        browser, "return [...document.querySelectorAll('h1,h2,h3,h4')].map(e => +e.tagName[1])"
    )
    assert levels[0] == 1 and all(b - a <= 1 for a, b in itertools.pairwise(levels))
    assert (
        _js(browser, "return document.querySelector('.corrected a').getAttribute('href')")
        == "#koreksi"
    )
    assert "Ralat" in _js(browser, "return document.querySelector('#koreksi').innerText")
    assert [e for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []


def test_dark_mode_follows_the_readers_setting(browser, site_url: str) -> None:
    colours = {}
    for dark in (False, True):
        _open(browser, site_url, 360, dark=dark, name="index")
        lead = "return [...document.querySelectorAll('.lines img')].map(i => [i.loading, i.width > 300])"
        assert _js(browser, lead) == [["eager", True], ["lazy", False]]  # lead wide, thumbs lazy
        colours[dark] = _js(browser, "return getComputedStyle(document.body).backgroundColor")
        assert _js(browser, "return document.documentElement.scrollWidth") <= 360
    assert colours == {False: "rgb(255, 255, 255)", True: "rgb(18, 18, 18)"}


def test_a_retracted_story_shows_only_its_notice(browser, site_url: str) -> None:
    _open(browser, site_url + "2025/03/dicabut/", 360, dark=True, name="retracted")
    text = _js(browser, "return document.body.innerText")
    assert "Berita ini telah dicabut" in text and "melindungi masa depan anak" in text
    assert "TUBUH-RAHASIA" not in browser.page_source
    assert _js(browser, "return document.querySelectorAll('article img, .body').length") == 0
    assert _js(browser, "return document.documentElement.scrollWidth") <= 360


@pytest.mark.parametrize("page", ["", "kategori/ekonomi/", "tag/probolinggo/"])
def test_every_listing_fits_a_phone(browser, site_url: str, page: str) -> None:
    _open(
        browser,
        site_url + page,
        360,
        name="listing-" + (page.strip("/").replace("/", "-") or "front"),
    )
    assert _js(browser, "return document.querySelectorAll('main a[href]').length") > 0
    assert _js(browser, "return document.documentElement.scrollWidth") <= 360
    assert [e for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []


def test_reading_needs_no_javascript(browser, site_url: str) -> None:
    browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        browser.get(site_url + "2025/03/pasar/")
        assert "Kalimat berita" in browser.find_element("css selector", ".body").text
    finally:
        browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


def test_preview_reloads_the_page_after_a_save(browser, newsroom_env) -> None:
    from selenium.webdriver.support.ui import WebDriverWait

    root, env = newsroom_env
    proc = subprocess.Popen(
        [redaksi_bin(), "preview", "draf", "--port", "0"],
        cwd=root,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    path = root / "articles/2025/03/draf.md"
    original = path.read_text()
    try:
        url = proc.stdout.readline().strip() if proc.stdout else ""
        _open(browser, url, 360, name="preview")
        assert "berstatus draf" in _js(
            browser, "return document.querySelector('.banner').innerText"
        )
        path.write_text(original.replace("Draf Belum Terbit", "Judul Sesudah Disimpan"))
        WebDriverWait(browser, 20).until(
            lambda b: "Disimpan" in b.find_element("css selector", "h1").text
        )
        assert [e for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []
    finally:
        path.write_text(original)
        proc.terminate()
        proc.wait(timeout=20)
