"""Every word of the command line in the newsroom's language: help, usage and Click's errors."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

import pytest
from typer.main import get_command

from redaksi.cli.app import app
from redaksi.cli.localize import walk
from redaksi.messages import CATALOGUE
from tests.conftest import git

TYPER_OWN = {"--help", "--install-completion", "--show-completion"}


def test_every_command_option_and_argument_takes_its_help_from_the_catalogue() -> None:
    """New commands must use catalogue keys (cli/localize.py says how); this lists any that do not."""
    plain: list[str] = []
    for path, command in walk(get_command(app)):
        where = " ".join(("redaksi", *path))
        if not (
            isinstance(command.help, str)
            and command.help.startswith("help.")
            and command.help in CATALOGUE
        ):
            plain.append(f"{where}: {command.help!r}")
        for param in command.params:
            name = max(param.opts, key=len) if param.opts else param.name
            if name in TYPER_OWN:
                continue
            if not (isinstance(param.help, str) and param.help in CATALOGUE):
                plain.append(f"{where} {name}: {param.help!r}")
            metavar = getattr(param, "metavar", None)
            if metavar is not None and metavar not in CATALOGUE:
                plain.append(f"{where} {name} metavar: {metavar!r}")
            own = f"help.mv.{(param.name or '').replace('_', '-')}"
            kind = getattr(getattr(param, "type_descriptor", None), "annotation", str)
            shown_as_text = kind is not str and not issubclass(kind, Enum)
            if shown_as_text and not getattr(param, "is_flag", False) and own not in CATALOGUE:
                plain.append(f"{where} {name}: a {kind.__name__} shown as TEXT")  # no help.mv key
    assert plain == []


@pytest.fixture
def indonesian(newsroom: Path) -> Path:
    config = newsroom / "redaksi.yaml"
    config.write_text(config.read_text().replace("language: en", "language: id"))
    git(newsroom, "commit", "-qam", "bahasa Indonesia")
    return newsroom


ENGLISH = ("Usage:", "Options", "Arguments", "Show this", "default:", "<str>", "<list", "TEXT")


@pytest.mark.parametrize("command", [[], ["draft"], ["list"], ["retract"], ["staff", "add"]])
def test_help_speaks_the_newsrooms_language(indonesian: Path, cli, command: list[str]) -> None:
    result = cli(indonesian, *command, "--help")
    assert result.code == 0
    assert "Cara pakai: redaksi" in result.out and "Opsi:" in result.out
    assert [word for word in ENGLISH if word in result.out] == []


def test_examples_are_never_wrapped(indonesian: Path, cli) -> None:
    out = cli(indonesian, "retract", "--help").out
    assert "Contoh:" in out
    assert any(
        line.strip().startswith("redaksi retract") and "--reason" in line
        for line in out.splitlines()
    )


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["show"], "redaksi: ARTIKEL belum diberikan; 'redaksi show -h' menampilkan bantuan"),
        (["list", "--format", "xml"], "redaksi: --format 'xml' bukan salah satu dari: table, json"),
        (["list", "--bogus"], "redaksi: tidak ada opsi --bogus"),
        (["lst"], "redaksi: tidak ada perintah 'lst'; maksudnya list?"),
        (["list", "--status"], "redaksi: --status memerlukan nilai"),
        (["show", "a", "b"], "redaksi: argumen berlebih: b"),
    ],
)
def test_clicks_own_errors_are_one_line_in_the_newsrooms_language(
    indonesian: Path, cli, args: list[str], expected: str
) -> None:
    result = cli(indonesian, *args)
    assert result.code == 2
    assert result.err.startswith(expected), result.err
    assert result.err.count("\n") == 1 and "Error" not in result.err and "Usage" not in result.err


def test_english_newsrooms_get_english_errors(newsroom: Path, cli) -> None:
    result = cli(newsroom, "show")
    assert result.err.startswith("redaksi: missing ARTICLE; 'redaksi show -h' shows help")


def test_completion_is_offered_for_commands_and_slugs(newsroom: Path, cli, monkeypatch) -> None:
    result = cli(newsroom, "--help")
    assert "--install-completion" in result.out and "--show-completion" in result.out
    folder = newsroom / "articles" / "2025" / "03"
    folder.mkdir(parents=True)
    for slug in ("banjir-lumajang", "banjir-jember", "pasar-baru"):
        (folder / f"{slug}.md").write_text("---\n---\n")
    monkeypatch.setenv("_REDAKSI_COMPLETE", "complete_bash")
    monkeypatch.setenv("COMP_WORDS", "redaksi submit banj")
    monkeypatch.setenv("COMP_CWORD", "2")
    completed = cli(newsroom, "submit", "banj")
    assert completed.out.split() == ["banjir-jember", "banjir-lumajang"]
    monkeypatch.setenv("COMP_WORDS", "redaksi rea")
    monkeypatch.setenv("COMP_CWORD", "1")
    assert cli(newsroom).out.split() == ["reassign"]


def test_the_fast_completion_knows_every_command_that_takes_an_article() -> None:
    from redaksi.cli.completion import ARTICLE_COMMANDS

    taking = {
        " ".join(path)
        for path, command in walk(get_command(app))
        if any(p.help in ("help.arg.article", "help.arg.article_exact") for p in command.params)
    }
    assert taking == ARTICLE_COMMANDS


def test_bash_completes_slugs_without_loading_typer(newsroom: Path) -> None:
    import os
    import subprocess

    from tests.conftest import redaksi_bin

    folder = newsroom / "articles" / "2025" / "03"
    folder.mkdir(parents=True)
    for slug in ("banjir-lumajang", "banjir-jember", "pasar-baru"):
        (folder / f"{slug}.md").write_text("---\n---\n")
    env = {
        **os.environ,
        "_REDAKSI_COMPLETE": "complete_bash",
        "COMP_CWORD": "2",
        "COMP_WORDS": "redaksi publish banj",
        "PYTHONPROFILEIMPORTTIME": "1",
    }
    done = subprocess.run(
        [redaksi_bin()], cwd=newsroom, env=env, capture_output=True, text=True, check=False
    )
    assert done.stdout.split() == ["banjir-jember", "banjir-lumajang"]
    assert "typer" not in done.stderr  # -X importtime: the fast path never imported it


@pytest.mark.parametrize("language", ["en", "id"])
def test_the_command_list_shows_every_summary_whole(
    newsroom: Path, cli, monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    """Click cuts a summary at 45 characters with '...': redaksi's are shown whole, wrapped."""
    from redaksi.messages import render

    config = newsroom / "redaksi.yaml"
    config.write_text(config.read_text().replace("language: en", f"language: {language}"))
    monkeypatch.setenv("COLUMNS", "80")
    out = cli(newsroom, "--help").out
    section = " ".join(out[out.index("  init ") :].split())
    for name, command in sorted(get_command(app).commands.items()):
        summary = render(str(command.help), language).split("\n\n")[0]
        assert f"{name} {' '.join(summary.split())}" in section, name
    assert "..." not in section
