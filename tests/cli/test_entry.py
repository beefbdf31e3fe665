"""The installed command: --help, --version, python -m redaksi, and no tracebacks."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

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
