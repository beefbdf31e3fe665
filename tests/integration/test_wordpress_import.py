"""The import service on a real repository: an export that changes while it is read."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from redaksi import config
from redaksi.errors import UsageError
from redaksi.infra import clock, git
from redaksi.services.wordpress import import_wordpress
from tests.cli.test_transitions import KEYRA, act_as
from tests.conftest import head, snapshot
from tests.wxr import Post, export


class _Rewriter:
    """A progress listener that rewrites the export once the first pass has read it all."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.total = 0
        self.seen = 0

    def start(self, total: int) -> None:
        self.total = total

    def advance(self, amount: int) -> None:
        self.seen += amount
        if self.seen * 2 == self.total:  # the end of the first of two passes: a new export
            fresh = self.path.with_suffix(".new")
            fresh.write_text(export([Post(1), Post(2, "Disisipkan")]), encoding="utf-8")
            os.replace(fresh, self.path)


def test_an_export_that_changes_between_passes_is_refused_and_nothing_written(
    newsroom: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REDAKSI_NOW", "2025-03-04T09:00:00+07:00")
    act_as(newsroom, KEYRA)
    path = tmp_path / "kabar.xml"
    path.write_text(export([Post(1), Post(3, "Ketiga", categories=["Olahraga"])]), encoding="utf-8")
    before, files = head(newsroom), snapshot(newsroom)
    with git.Repository(newsroom) as repo, pytest.raises(UsageError) as caught:
        import_wordpress(config.load(newsroom), repo, path, clock.now(), progress=_Rewriter(path))
    assert caught.value.key == "import.changed"
    assert head(newsroom) == before and snapshot(newsroom) == files
