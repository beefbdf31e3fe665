"""The release: towncrier's changelog from changes/, the notes a release shows, the workflow."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from ruamel.yaml import YAML

from tests.conftest import git, make_repo

PROJECT = Path(__file__).resolve().parents[2]
NOTES = PROJECT / ".ci" / "release_notes.py"


def _run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, check=False)


def test_a_release_moves_every_fragment_into_the_changelog_and_its_notes(tmp_path: Path) -> None:
    copy = make_repo(tmp_path / "project")
    for name in ("pyproject.toml", "CHANGELOG.md"):
        shutil.copy(PROJECT / name, copy / name)
    shutil.copytree(PROJECT / "changes", copy / "changes")
    git(copy, "add", "-A")
    git(copy, "commit", "-qm", "before the release")
    fragments = {
        p.name: p.read_text(encoding="utf-8").strip()
        for p in (copy / "changes").iterdir()
        if p.name != "README.md"
    }
    assert fragments, "this round of work tells the newsroom what it adds"
    towncrier = str(Path(sys.executable).with_name("towncrier"))
    built = _run(copy, towncrier, "build", "--yes", "--version", "9.9.0", "--date", "2026-12-01")
    assert built.returncode == 0, built.stderr
    assert sorted(p.name for p in (copy / "changes").iterdir()) == ["README.md"]
    notes = _run(copy, sys.executable, str(NOTES), "v9.9.0", "CHANGELOG.md")
    assert notes.returncode == 0, notes.stderr
    for text in fragments.values():
        assert text in notes.stdout
    assert "## 9.9.0" not in notes.stdout  # the release names itself: the body only
    missing = _run(copy, sys.executable, str(NOTES), "v9.9.1", "CHANGELOG.md")
    assert missing.returncode == 1 and "towncrier build --version 9.9.1" in missing.stderr
    assert missing.stdout == ""


def test_the_release_workflow_publishes_a_tag_by_trusted_publishing() -> None:
    workflow = YAML(typ="safe").load(
        (PROJECT / ".github" / "workflows" / "release.yml").read_text()
    )
    assert workflow["on"] == {"push": {"tags": ["v*"]}}
    assert workflow["permissions"] == {"contents": "read"}
    jobs = workflow["jobs"]
    build = [step.get("run", "") for step in jobs["build"]["steps"]]
    assert "python -m build" in build
    assert any(".ci/release_notes.py" in run for run in build)
    assert any("dist/redaksi-${GITHUB_REF_NAME#v}-py3-none-any.whl" in run for run in build)
    pypi = jobs["pypi"]
    assert pypi["permissions"] == {"id-token": "write"}  # OIDC: no token stored anywhere
    assert pypi["environment"]["name"] == "pypi"
    assert [s["uses"] for s in pypi["steps"]][-1] == "pypa/gh-action-pypi-publish@release/v1"
    release = jobs["github-release"]
    assert release["needs"] == "pypi" and release["permissions"] == {"contents": "write"}
    assert "--notes-file release-notes.md" in release["steps"][-1]["run"]


def test_the_version_is_the_tag_and_any_other_commit_says_so(tmp_path: Path) -> None:
    """setuptools-scm with this project's pyproject.toml, on a copy of its history."""
    copy = tmp_path / "project"
    git(tmp_path, "clone", "-q", str(PROJECT), str(copy))
    git(copy, "config", "user.email", "keyra@kabar.test")
    git(copy, "config", "user.name", "Keyra")

    def version() -> str:
        found = _run(copy, sys.executable, "-m", "setuptools_scm", "--root", ".")
        assert found.returncode == 0, found.stderr
        return found.stdout.strip()

    git(copy, "commit", "-q", "--allow-empty", "-m", "release: 9.9.0")  # a commit of its own
    git(copy, "tag", "v9.9.0")
    assert version() == "9.9.0"
    git(copy, "commit", "-q", "--allow-empty", "-m", "after the release")
    untagged = version()
    commit = git(copy, "rev-parse", "--short=7", "HEAD").strip()
    assert untagged.startswith("9.9.1.dev1+g") and commit in untagged
