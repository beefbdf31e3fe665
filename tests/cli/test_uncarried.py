"""Steps that record nothing but their own keys never carry uncommitted edits (verify would
call those hand edits): unschedule, retract and release refuse while the file has some."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.test_transitions import ALI, KEYRA, MS, act_as
from tests.cli.test_verify import edit, rules
from tests.conftest import git, head, snapshot


@pytest.fixture
def on_the_desk(newsroom: Path, cli, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, str]:
    monkeypatch.setenv("REDAKSI_NOW", "2026-11-30T12:00:00+07:00")
    act_as(newsroom, ALI)
    made = cli(newsroom, "draft", "--no-input", "--body", "Isi. (*)", "--title", "Sidang",
               "--category", "Hukum")  # fmt: skip
    assert made.code == 0
    assert cli(newsroom, "submit", "sidang").code == 0
    act_as(newsroom, MS)
    assert cli(newsroom, "approve", "sidang").code == 0
    git(newsroom, "branch", "-M", "main")
    return newsroom, made.out.strip()


def _refused(cli, root: Path, rel: str, *args: str) -> None:
    before, commit = snapshot(root), head(root)
    result = cli(root, *args)
    assert result.code == 3
    assert result.err == (
        f"redaksi: {rel} has uncommitted changes, which {args[0]} cannot carry (verify would "
        f"call them hand edits); put them aside (git stash), run {args[0]} again, then git "
        "stash pop\n"
    )
    assert snapshot(root) == before and head(root) == commit


def test_unschedule_and_retract_refuse_to_carry_edits(on_the_desk: tuple[Path, str], cli) -> None:
    root, rel = on_the_desk
    git(root, "checkout", "-q", "-b", "pr")
    act_as(root, KEYRA)
    assert cli(root, "publish", "sidang", "--at", "2026-12-01 06:00").code == 0
    edit(root, rel, "Isi.", "Isi, diubah diam-diam.")
    _refused(cli, root, rel, "unschedule", "sidang")
    git(root, "stash", "-q")
    assert cli(root, "unschedule", "sidang").code == 0
    assert cli(root, "publish", "sidang").code == 0
    git(root, "stash", "pop", "-q")  # the edit comes back onto the published story...
    _refused(cli, root, rel, "retract", "sidang", "--ground", "dewan-pers", "--reason", "Salah.")
    git(root, "checkout", "-q", "--", rel)  # ...and is dropped: a published story is corrected
    assert cli(root, "retract", "sidang", "--ground", "dewan-pers", "--reason", "Salah.").code == 0
    assert rules(cli, root) == []  # every step verify sees is honest
