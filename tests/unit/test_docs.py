"""The documents cite tests as evidence: every cited test must exist."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CITED = re.compile(r"`(?:[\w/]+\.py::)?(test_\w+)`")


def _defined() -> set[str]:
    found: set[str] = set()
    for path in (ROOT / "tests").rglob("test_*.py"):
        found.update(re.findall(r"^(?:async )?def (test_\w+)\(", path.read_text(), re.M))
    return found


def test_every_test_the_documents_cite_exists() -> None:
    defined = _defined()
    missing = [
        f"{doc}: {name}"
        for doc in ("README.md", "SECURITY.md", "CONTRIBUTING.md")
        if (ROOT / doc).exists()
        for name in CITED.findall((ROOT / doc).read_text())
        if name not in defined
    ]
    assert missing == []
