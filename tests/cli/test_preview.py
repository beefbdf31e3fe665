"""redaksi preview: the working tree served on 127.0.0.1, in a real process."""

from __future__ import annotations

import signal
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import redaksi_bin
from tests.sitekit import article, commit, site_newsroom


def _get(url: str, host: str | None = None) -> tuple[int, str]:
    request = urllib.request.Request(url, headers={"Host": host} if host else {})
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status, answer.read().decode("utf-8")
    except urllib.error.HTTPError as err:
        return err.code, ""


def _until(check, seconds: float = 15.0) -> bool:
    """Poll a condition (bounded); the test asserts the outcome, never the time it took."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.1)
    return False


@pytest.fixture
def served(newsroom: Path) -> Iterator[tuple[Path, str, subprocess.Popen[str]]]:
    site_newsroom(newsroom)
    article(newsroom, "terbit", title="Sudah Terbit")
    commit(newsroom)
    article(
        newsroom,
        "draf-baru",
        status="draft",
        title="Draf <Baru>",
        body="Probolinggo,- versi satu.\n",
    )
    proc = subprocess.Popen(
        [redaksi_bin(), "preview", "draf-baru", "--port", "0"],
        cwd=newsroom,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    url = proc.stdout.readline().strip() if proc.stdout else ""
    try:
        yield newsroom, url, proc
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait()


def test_preview_serves_drafts_with_a_banner_and_only_to_localhost(served) -> None:
    _, url, _ = served
    assert url.startswith("http://127.0.0.1:") and url.endswith("/2025/03/draf-baru/")
    code, page = _get(url)
    assert code == 200 and "<h1>Draf &lt;Baru&gt;</h1>" in page
    assert "berstatus draf" in page and '<meta name="robots" content="noindex">' in page
    base = url.split("/2025/")[0]
    code, published = _get(f"{base}/2025/03/terbit/")
    assert code == 200 and 'class="banner"' not in published
    assert _get(f"{base}/", host="evil.test")[0] == 403
    assert _get(f"{base}/", host=f"localhost:{base.rsplit(':', 1)[1]}")[0] == 200
    assert _get(f"{base}/nope/")[0] == 404


def test_preview_follows_a_saved_file_and_stops_cleanly_on_ctrl_c(served) -> None:
    root, url, proc = served
    base = url.split("/2025/")[0]
    version = _get(f"{base}/__redaksi__/version")[1]
    path = root / "articles/2025/03/draf-baru.md"
    path.write_text(path.read_text().replace("versi satu", "versi dua"))
    assert _until(lambda: _get(f"{base}/__redaksi__/version")[1] != version)
    assert "versi dua" in _get(url)[1]
    proc.send_signal(signal.SIGINT)
    assert proc.wait(timeout=20) == 0
    assert "pratinjau dihentikan" in (proc.stderr.read() if proc.stderr else "")


def test_a_busy_port_is_a_usage_error(newsroom: Path, cli) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        result = cli(newsroom, "preview", "--port", str(taken.getsockname()[1]))
    assert result.code == 2 and "--port" in result.err


def test_an_embargoed_story_is_named_so_in_preview(newsroom: Path) -> None:
    from redaksi.config import load
    from redaksi.services.preview import Preview

    site_newsroom(newsroom)
    article(newsroom, "embargo", embargo_until="2999-01-01T00:00:00+07:00")
    preview = Preview(load(newsroom), "http://127.0.0.1:1/")
    preview.refresh()
    status, _, page = preview.answer("/2025/03/embargo/")
    assert status == 200 and "di bawah embargo" in page.decode()
