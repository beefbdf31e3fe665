"""The layers stay layers: dependencies point one way, and only one module talks to each tool."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "redaksi"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def _modules() -> dict[str, set[str]]:
    return {p.relative_to(SRC).as_posix(): _imports(p) for p in SRC.rglob("*.py")}


def test_core_and_infra_never_import_the_cli_or_services() -> None:
    for module, imports in _modules().items():
        if module.startswith(("core/", "infra/")):
            assert not any(
                i.startswith(("redaksi.cli", "redaksi.services", "typer")) for i in imports
            ), module
        if module.startswith("core/"):
            assert not any(
                i.startswith(("redaksi.infra", "git", "subprocess", "os")) for i in imports
            ), module


def test_one_door_per_tool() -> None:
    doors = {
        "git": "infra/git.py",
        "questionary": "cli/prompts.py",
        "jinja2": "site/render.py",
        "markdown_it": "site/body.py",
        "babel": "site/dates.py",
    }
    for module, imports in _modules().items():
        for tool, door in doors.items():
            if any(i == tool or i.startswith(tool + ".") for i in imports):
                assert module == door, f"{module} imports {tool}"


def test_only_the_cli_prints() -> None:
    for path in SRC.rglob("*.py"):
        module = path.relative_to(SRC).as_posix()
        if module.startswith("cli/"):
            continue
        assert "print(" not in path.read_text(encoding="utf-8"), module


def test_modules_stay_readable() -> None:
    for path in SRC.rglob("*.py"):
        assert len(path.read_text(encoding="utf-8").splitlines()) <= 500, path


def test_the_sites_models_and_rendering_are_pure() -> None:
    for module, imports in _modules().items():
        if module.startswith("site/"):
            assert not any(
                i.startswith(("redaksi.infra", "redaksi.services", "redaksi.cli", "typer"))
                or i in ("os", "subprocess", "pathlib", "shutil", "socket", "http.server")
                for i in imports
            ), module
