"""One headless Chromium for the whole session, and one built site to read with it.

Debian's ``chromium`` and ``chromium-driver`` (``.ci/run`` installs them) driven by Selenium
offline: Selenium Manager is told not to look for drivers on the network.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import redaksi_bin
from tests.sitekit import SITE_YAML, article

CHROMIUM = "/usr/bin/chromium"
DRIVER = "/usr/bin/chromedriver"
DATA = Path(__file__).resolve().parents[1] / "data"
NOW = "2025-03-05T12:00:00+07:00"


def _env(home: Path) -> dict[str, str]:
    (home / ".gitconfig").write_text(
        "[init]\n\tdefaultBranch = main\n[user]\n\tname = Keyra\n\temail = keyra@kabar.test\n"
    )
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "REDAKSI_", "LC_", "LANG"))
    }
    return {
        **env,
        "HOME": str(home),
        "GIT_CONFIG_GLOBAL": str(home / ".gitconfig"),
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_COMMITTER_DATE": "2025-03-05T09:00:00+07:00",
        "GIT_AUTHOR_DATE": "2025-03-05T09:00:00+07:00",
    }


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not (Path(CHROMIUM).exists() and Path(DRIVER).exists()):
        pytest.skip("chromium and chromium-driver are not installed (.ci/run installs them)")
    os.environ.setdefault("SE_OFFLINE", "true")
    os.environ.setdefault("SE_AVOID_STATS", "true")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--hide-scrollbars",
        "--no-first-run",
        "--disable-extensions",
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="session")
def newsroom_env(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """A committed newsroom like a small portal: photos, a correction, a retraction, a draft."""
    root = tmp_path_factory.mktemp("portal")
    env = _env(tmp_path_factory.mktemp("home"))
    subprocess.run(["git", "init", "-q"], cwd=root, env=env, check=True)
    (root / "redaksi.yaml").write_text(SITE_YAML, encoding="utf-8")
    (root / "media").mkdir()
    shutil.copy(DATA / "gps.jpg", root / "media" / "pasar.jpg")
    long_body = "Probolinggo,- " + " ".join(
        ["Kalimat berita yang cukup panjang untuk dibaca."] * 12
    )
    long_body += "\n\nPanjangsekalisebuahkatatanpaspasiyangtidakbolehmembuathalamanbergeserkesampingsamasekali.\n"
    article(
        root,
        "pasar",
        category="Ekonomi",
        title="Pemkot Benahi Tiga Pasar Tradisional, Pedagang Diminta Tak Pindah",
        photo={
            "file": "pasar.jpg",
            "caption": "Suasana los sayur Pasar Baru",
            "credit": "Ali Ya'lu",
        },
        corrections=[
            {
                "at": "2025-03-05T08:00:00+07:00",
                "type": "ralat",
                "note": "Angka anggaran diperbaiki.",
            }
        ],
        updated_at="2025-03-05T08:00:00+07:00",
        body=long_body,
    )
    for n in range(1, 5):
        article(
            root,
            f"ekonomi-{n}",
            category="Ekonomi",
            at=f"2025-03-0{n}T08:00:00+07:00",
            title=f"Berita Ekonomi {n}",
            **(
                {"photo": {"file": "pasar.jpg", "caption": "Foto kecil", "credit": "K"}}
                if n == 1
                else {}
            ),
        )
    article(
        root,
        "dicabut",
        status="retracted",
        at="2025-03-03T10:00:00+07:00",
        body="Probolinggo,- TUBUH-RAHASIA. (*)\n",
        retraction={
            "at": "2025-03-04T10:00:00+07:00",
            "ground": "anak",
            "reason": "Nama anak terungkap.",
        },
    )
    article(
        root, "draf", status="draft", title="Draf Belum Terbit", body="Probolinggo,- versi satu.\n"
    )
    subprocess.run(["git", "add", "-A"], cwd=root, env=env, check=True)
    subprocess.run(["git", "commit", "-q", "-m", "portal"], cwd=root, env=env, check=True)
    done = subprocess.run(
        [redaksi_bin(), "build", "--now", NOW], cwd=root, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return root, env


@pytest.fixture(scope="session")
def site_url(newsroom_env: tuple[Path, dict[str, str]]) -> Iterator[str]:
    """The built site served over HTTP on 127.0.0.1, as a reader's browser gets it."""
    root, _ = newsroom_env

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            return

    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(root / "_site"))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()
