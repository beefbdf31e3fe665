"""The installed command: --help, --version, python -m redaksi, and no tracebacks."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from redaksi import __version__
from tests.conftest import redaksi_bin


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, cwd=cwd, check=False)


def test_help_lists_every_command() -> None:
    result = run(redaksi_bin(), "--help")
    assert result.returncode == 0
    for command in ("init", "draft", "validate"):
        assert command in result.stdout


def test_version_from_the_script_and_the_module() -> None:
    assert run(redaksi_bin(), "--version").stdout.strip() == f"redaksi {__version__}"
    assert (
        run(sys.executable, "-m", "redaksi", "--version").stdout.strip() == f"redaksi {__version__}"
    )


def test_unknown_options_are_usage_errors() -> None:
    result = run(redaksi_bin(), "validate", "--format", "xml")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_help_does_not_import_the_heavy_libraries() -> None:
    code = (
        "import sys\n"
        "sys.argv = ['redaksi', '--help']\n"
        "from redaksi.cli.app import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('git', 'jsonschema', 'questionary', 'ruamel.yaml') if m in sys.modules]\n"
        "print(','.join(heavy), file=sys.stderr)\n"
    )
    result = run(sys.executable, "-c", code)
    assert result.stderr.strip() == ""


def test_an_unexpected_error_is_one_line(tmp_path: Path) -> None:
    # a redaksi.yaml that is a folder: reading it fails in a way no rule anticipates
    (tmp_path / ".git").mkdir()
    (tmp_path / "redaksi.yaml").mkdir()
    result = run(redaksi_bin(), "draft", "--no-input", "--body", "Isi berita. (*)", cwd=tmp_path)
    assert result.returncode == 4
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1


def test_a_command_with_options_does_not_import_pydantic(tmp_path: Path) -> None:
    """Typer would build a pydantic model per option (0.1 s of every command): plain values
    (text, paths, lists of paths, flags, a choice given as its value) are taken as parsed."""
    code = (
        "import sys, json\n"
        "from redaksi.cli.app import main\n"
        "seen = {}\n"
        "for argv in (['demo', 'kabar', '--language', 'en'], ['--version'],\n"
        "             ['validate', '--format', 'json', 'articles'],\n"
        "             ['list', '--format', 'json', '--reporter', 'x@kabar.test']):\n"
        "    sys.argv = ['redaksi', *argv]\n"
        "    try:\n        main()\n    except SystemExit as e:\n        seen[argv[0]] = e.code\n"
        "    if argv[0] == 'demo':\n        import os; os.chdir('kabar')\n"
        "print(json.dumps(seen), 'pydantic' in sys.modules, file=sys.stderr)\n"
    )
    result = run(sys.executable, "-c", code, cwd=tmp_path)
    assert result.stderr.strip().splitlines()[-1] == (
        '{"demo": 0, "--version": 0, "validate": 0, "list": 0} False'
    ), result.stderr
    assert result.stdout.count('"articles"') >= 1  # the list really ran, as JSON


def test_values_that_are_not_plain_are_still_judged_by_typer() -> None:
    """A choice not offered, a number given as text: Typer's own coercion and wording."""
    wrong = run(redaksi_bin(), "list", "--format", "xml")
    assert wrong.returncode == 2 and "xml" in wrong.stderr and "Traceback" not in wrong.stderr
    port = run(redaksi_bin(), "preview", "--port", "lapan")
    assert port.returncode == 2 and "lapan" in port.stderr and "Traceback" not in port.stderr


def test_a_typer_without_its_private_coercion_classes_still_runs_commands(tmp_path: Path) -> None:
    """cli/coerce.py builds on Typer's private RuntimeParam: without it, Typer coerces alone."""
    code = (
        "import sys\n"
        "import typer._coercion\n"
        "del typer._coercion.RuntimeParam\n"
        "sys.argv = ['redaksi', 'demo', 'kabar']\n"
        "from redaksi.cli.app import main\n"
        "main()\n"
    )
    result = run(sys.executable, "-c", code, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "kabar" / "redaksi.yaml").is_file()


def test_only_the_command_named_is_built_and_it_runs_as_in_the_whole_app() -> None:
    from typer.main import get_command

    from redaksi.cli.app import _only, app

    whole = get_command(app)
    for name in ("build", "staff", "import"):
        only = get_command(_only([name]))
        assert list(only.commands) == [name]  # one command built, not every one
        assert _shape(only.commands[name]) == _shape(whole.commands[name])
    for first in ([], ["--version"], ["buil"]):  # the tool's help, its options, a typo
        assert list(get_command(_only(first)).commands) == list(whole.commands)


def test_a_mistyped_command_is_still_offered_the_right_name() -> None:
    result = run(redaksi_bin(), "buil")
    assert result.returncode == 2
    assert "build" in result.stderr


def _shape(command: Any) -> tuple[Any, ...]:
    """What a command parses and says: its help, its options and arguments, its subcommands."""
    params = [(p.name, p.opts, p.default, getattr(p, "help", None)) for p in command.params]
    subcommands = getattr(command, "commands", {})
    return (command.help, params, {n: _shape(c) for n, c in subcommands.items()})


_TEARDOWN = (
    "import atexit, os, sys\n"
    "class Noisy:\n"
    "    def __del__(self):\n"
    "        os.write(2, b'torn down\\n')\n"
    "kept = Noisy()\n"
    "atexit.register(lambda: print('exit handler ran'))\n"
    "sys.argv = ['redaksi', *sys.argv[1:]]\n"
    "from redaksi.cli.entry import main\n"
    "main()\n"
)


def test_a_build_ends_without_tearing_the_interpreter_down(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """build, list and validate exit at once: exit handlers run and every line is written,
    but no object is freed one by one (40 ms after 10,000 articles); others exit as usual."""
    monkeypatch.delenv("PYTHONUNBUFFERED", raising=False)  # a pipe's output waits in a buffer
    assert run(redaksi_bin(), "demo", "kabar", cwd=tmp_path).returncode == 0
    kabar = tmp_path / "kabar"
    built = run(
        sys.executable, "-c", _TEARDOWN, "build", "--out", str(tmp_path / "site"), cwd=kabar
    )
    assert built.returncode == 0, built.stderr
    assert "exit handler ran" in built.stdout  # run, and its line left in a pipe's buffer written
    assert "torn down" not in built.stderr
    assert str(tmp_path / "site") in built.stdout + built.stderr
    listed = run(sys.executable, "-c", _TEARDOWN, "list", "--format", "json", cwd=kabar)
    assert listed.returncode == 0 and '"articles"' in listed.stdout
    assert "torn down" not in listed.stderr
    (kabar / "articles" / "broken.md").write_text("no front matter\n", encoding="utf-8")
    failed = run(sys.executable, "-c", _TEARDOWN, "validate", cwd=kabar)
    assert failed.returncode == 1 and "broken.md" in failed.stdout + failed.stderr
    assert "exit handler ran" in failed.stdout and "torn down" not in failed.stderr
    other = run(sys.executable, "-c", _TEARDOWN, "--version", cwd=kabar)
    assert other.returncode == 0 and "torn down" in other.stderr  # the usual exit


def test_a_profiled_build_still_leaves_its_profile(tmp_path: Path) -> None:
    assert run(redaksi_bin(), "demo", "kabar", cwd=tmp_path).returncode == 0
    profile = tmp_path / "build.prof"
    args = ("-m", "cProfile", "-o", str(profile), "-m", "redaksi", "build")
    done = run(sys.executable, *args, "--out", str(tmp_path / "site"), cwd=tmp_path / "kabar")
    assert done.returncode == 0, done.stderr
    assert profile.stat().st_size > 0


@pytest.mark.parametrize("closed", [">&-", "2>&-"])
def test_a_closed_output_stream_changes_no_exit_code(tmp_path: Path, closed: str) -> None:
    """A command run with its output or error stream closed ends as it always did."""
    assert run(redaksi_bin(), "demo", "kabar", cwd=tmp_path).returncode == 0
    kabar = tmp_path / "kabar"
    for command, expected in (("build", 0), ("validate", 0), ("list --status nope", 2)):
        done = run("bash", "-c", f"{redaksi_bin()} {command} {closed}", cwd=kabar)
        assert done.returncode == expected, (command, done.stderr)
        assert "Traceback" not in done.stderr
