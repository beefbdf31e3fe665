"""``redaksi init --ci``: what the workflows install, rewriting redaksi's block, SchemaStore."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML

import redaksi
from redaksi.core import ci as core_ci
from redaksi.services import ci
from tests.conftest import git, head, make_repo, redaksi_bin, snapshot

PROJECT = Path(__file__).resolve().parents[2]
GITHUB = ".github/workflows/redaksi.yml"
GITLAB = ".gitlab-ci.yml"
KEYRA = ("Keyra", "keyra@kabar.test")


@pytest.fixture
def released(monkeypatch: pytest.MonkeyPatch) -> str:
    """redaksi as a release the package index serves (the suite itself runs a dev build)."""
    monkeypatch.setattr(redaksi, "__version__", "1.2.0")
    return "1.2.0"


def _as_publisher(root: Path) -> None:
    git(root, "config", "user.name", KEYRA[0])
    git(root, "config", "user.email", KEYRA[1])


def _set_install(root: Path, value: str) -> None:
    text = (root / "redaksi.yaml").read_text(encoding="utf-8")
    (root / "redaksi.yaml").write_text(text + f"ci:\n  install: {value}\n", encoding="utf-8")
    git(root, "commit", "-qam", "ci.install")


def _install_line(text: str) -> str:
    return next(line.strip() for line in text.splitlines() if "pip install" in line)


@pytest.mark.parametrize("kind", ["github", "gitlab"])
def test_init_ci_installs_the_version_that_wrote_it(repo: Path, cli, released, kind) -> None:
    result = cli(repo, "init", "--no-input", "--ci", kind)
    assert result.code == 0, result.err
    path = next(iter(ci.FILES[kind]))  # the checks; github also gets the site's deploy
    assert git(repo, "show", "--name-only", "--format=", "HEAD").split() == sorted(ci.FILES[kind])
    assert git(repo, "log", "-1", "--format=%(trailers:key=Redaksi-Action,valueonly)").strip() == (
        "ci"
    )
    text = (repo / path).read_text()
    assert _install_line(text).endswith('pip install "redaksi==1.2.0"')
    assert "redaksi validate --changed-since" in text and "redaksi verify --base" in text
    assert ("fetch-depth: 0" in text) if kind == "github" else ('GIT_DEPTH: "0"' in text)
    cache = YAML(typ="safe").load(text)
    if kind == "github":  # pip's cache, keyed by this very file (its install line)
        [setup] = [
            s for s in cache["jobs"]["redaksi"]["steps"] if "setup-python" in s.get("uses", "")
        ]
        assert setup["with"]["cache"] == "pip" and setup["with"]["cache-dependency-path"] == path
    else:
        assert cache["redaksi"]["cache"]["key"]["files"] == [path]
        assert cache["redaksi"]["variables"]["PIP_CACHE_DIR"] == "$CI_PROJECT_DIR/.cache/pip"


def test_a_development_build_without_ci_install_writes_nothing(repo: Path, cli) -> None:
    assert not core_ci.is_release(redaksi.__version__)  # the suite runs from a checkout
    result = cli(repo, "init", "--no-input", "--ci", "github")
    assert result.code == 2
    assert "ci: {install: ...}" in result.err and "redaksi init" in result.err
    assert snapshot(repo) == {} and git(repo, "rev-list", "--all") == ""


def test_a_development_build_on_a_newsroom_asks_for_ci_install(newsroom: Path, cli) -> None:
    _as_publisher(newsroom)
    before, commit = snapshot(newsroom), head(newsroom)
    result = cli(newsroom, "init", "--ci", "gitlab")
    assert result.code == 2 and "ci: {install: ...} in redaksi.yaml" in result.err
    assert snapshot(newsroom) == before and head(newsroom) == commit
    _set_install(newsroom, "1.2.0")
    assert cli(newsroom, "init", "--ci", "gitlab").code == 0
    assert _install_line((newsroom / GITLAB).read_text()) == '- pip install "redaksi==1.2.0"'


CHOICES = {
    "1.3.0": 'pip install "redaksi==1.3.0"',
    "https://files.kabar.test/redaksi-1.3.0-py3-none-any.whl": (
        'pip install "redaksi @ https://files.kabar.test/redaksi-1.3.0-py3-none-any.whl"'
    ),
    "git+https://github.com/kabar/redaksi@v1.3.0": (
        'pip install "redaksi @ git+https://github.com/kabar/redaksi@v1.3.0"'
    ),
}


@pytest.mark.parametrize("choice", sorted(CHOICES))
def test_each_ci_install_choice_is_the_install_line(newsroom: Path, cli, choice: str) -> None:
    _as_publisher(newsroom)
    _set_install(newsroom, choice)
    for kind in ("github", "gitlab"):
        assert cli(newsroom, "init", "--ci", kind).code == 0
    assert _install_line((newsroom / GITHUB).read_text()) == f"- run: {CHOICES[choice]}"
    assert _install_line((newsroom / GITLAB).read_text()) == f"- {CHOICES[choice]}"


def test_a_bad_ci_install_is_a_usage_error(newsroom: Path, cli) -> None:
    _as_publisher(newsroom)
    _set_install(newsroom, "git+https://github.com/kabar/redaksi")
    before, commit = snapshot(newsroom), head(newsroom)
    result = cli(newsroom, "init", "--ci", "github")
    assert result.code == 2 and "git URL with a tag" in result.err
    assert snapshot(newsroom) == before and head(newsroom) == commit


def test_only_a_publisher_rewrites_the_ci_files(newsroom: Path, cli, released) -> None:
    before, commit = snapshot(newsroom), head(newsroom)
    result = cli(newsroom, "init", "--ci", "github")  # Ali, a reporter
    assert result.code == 3 and "publisher" in result.err
    assert snapshot(newsroom) == before and head(newsroom) == commit


def test_rerunning_keeps_the_newsrooms_edits_outside_the_block(
    newsroom: Path, cli, monkeypatch: pytest.MonkeyPatch, released
) -> None:
    _as_publisher(newsroom)
    assert cli(newsroom, "init", "--ci", "github").code == 0
    path = newsroom / GITHUB
    ours = "  spelling:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make spell\n"
    edited = (
        path.read_text()
        .replace("  pull_request:\n", "  pull_request:\n  workflow_dispatch:\n")
        .replace("  # <<< redaksi\n", "  # <<< redaksi\n" + ours)
        .replace("timeout-minutes: 10", "timeout-minutes: 99")  # inside: redaksi's to set
    )
    path.write_text(edited)
    git(newsroom, "commit", "-qam", "our own job")
    monkeypatch.setattr(redaksi, "__version__", "1.3.0")
    result = cli(newsroom, "init", "--ci", "github")
    assert result.code == 0, result.err
    assert "Rewrote redaksi's block" in result.err
    expected = edited.replace("timeout-minutes: 99", "timeout-minutes: 10").replace(
        '"redaksi==1.2.0"', '"redaksi==1.3.0"'
    )
    assert path.read_text() == expected
    assert git(newsroom, "show", "--name-only", "--format=%an", "HEAD").split() == [
        "Keyra",
        *sorted(set(ci.FILES["github"]) - {GITHUB}),  # the site's deploy installs 1.3.0 too
        GITHUB,
    ]
    commit = head(newsroom)
    result = cli(newsroom, "init", "--ci", "github")
    assert result.code == 0 and "nothing to change" in result.err and head(newsroom) == commit


@pytest.mark.parametrize(
    ("edit", "says"),
    [
        (lambda t: t.replace("  # >>> redaksi", "  # >>> ours"), "(found 0 and 1)"),
        (lambda t: t + "  redaksi:\n    runs-on: self-hosted\n", "not be valid YAML"),
        (lambda t: "name: ours\non: push\njobs: {}\n", "no block marked"),
    ],
    ids=["begin-marker-gone", "a-second-job-named-redaksi", "our-own-file"],
)
def test_a_block_that_cannot_be_rewritten_is_refused(
    newsroom: Path, cli, released, edit, says: str
) -> None:
    _as_publisher(newsroom)
    assert cli(newsroom, "init", "--ci", "github").code == 0
    path = newsroom / GITHUB
    path.write_text(edit(path.read_text()))
    git(newsroom, "commit", "-qam", "by hand")
    before, commit = snapshot(newsroom), head(newsroom)
    result = cli(newsroom, "init", "--ci", "github")
    assert result.code == 3 and says in result.err and GITHUB in result.err
    assert result.err.count("\n") == 1
    assert snapshot(newsroom) == before and head(newsroom) == commit


def test_a_refused_commit_puts_every_file_back(
    newsroom: Path, cli, monkeypatch: pytest.MonkeyPatch, released
) -> None:
    _as_publisher(newsroom)
    assert cli(newsroom, "init", "--ci", "github").code == 0
    monkeypatch.setattr(redaksi, "__version__", "1.3.0")  # so the block would change
    hook = newsroom / ".git" / "hooks" / "pre-commit"
    hook.write_text("#!/bin/sh\necho 'no CI changes today' >&2\nexit 1\n")
    hook.chmod(0o755)
    (newsroom / GITHUB).write_text((newsroom / GITHUB).read_text() + "# our own note\n")
    before, commit = snapshot(newsroom), head(newsroom)
    result = cli(newsroom, "init", "--ci", "github")
    assert result.code == 4 and "no CI changes today" in result.err
    assert snapshot(newsroom) == before and head(newsroom) == commit


def test_the_project_runs_the_same_workflow_on_itself() -> None:
    assert (PROJECT / GITHUB).read_text() == ci.render("github", ".")[GITHUB]


def _check_jsonschema() -> str:
    return str(Path(sys.executable).with_name("check-jsonschema"))


def test_every_written_file_passes_schemastore(tmp_path: Path) -> None:
    """SchemaStore's schemas, as check-jsonschema vendors them (offline); one process a schema."""
    files: dict[str, list[Path]] = {"github": [], "gitlab": []}
    installs = ['"redaksi==1.2.0"', ".", *(f'"{core_ci.requirement(c, "1.2.0")}"' for c in CHOICES)]
    for n, install in enumerate(installs):
        for kind in files:
            for rel, text in ci.render(kind, install).items():
                out = tmp_path / kind / str(n) / Path(rel).name
                out.parent.mkdir(parents=True, exist_ok=True)
                out.write_text(text)
                files[kind].append(out)
    files["github"] += [PROJECT / GITHUB, PROJECT / ".github" / "workflows" / "release.yml"]
    schemas = {"github": "vendor.github-workflows", "gitlab": "vendor.gitlab-ci"}
    for kind, paths in files.items():
        result = subprocess.run(
            [_check_jsonschema(), "--builtin-schema", schemas[kind], *map(str, paths)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stdout + result.stderr


def _steps(text: str, kind: str) -> list[str]:
    data = YAML(typ="safe").load(text)
    if kind == "github":
        return [s["run"] for s in data["jobs"]["redaksi"]["steps"] if "run" in s]
    return list(data["redaksi"]["script"])


@pytest.mark.parametrize("kind", ["github", "gitlab"])
def test_a_new_newsrooms_first_pull_request_passes(
    tmp_path: Path, cli, released, kind: str
) -> None:
    """The commands redaksi wrote, run as CI would on a reporter's first pull request."""
    origin = tmp_path / "origin.git"
    git(tmp_path, "init", "-q", "--bare", str(origin))
    desk = make_repo(tmp_path / "desk", *reversed(KEYRA))
    assert cli(desk, "init", "--no-input", "--language", "en", "--ci", kind).code == 0
    git(desk, "remote", "add", "origin", str(origin))
    git(desk, "push", "-q", "origin", "HEAD:main")
    git(desk, "checkout", "-q", "-b", "first-story")
    draft = cli(
        desk,
        "draft",
        "--no-input",
        "--body",
        "Isi berita. (*)",
        "--title",
        "Banjir",
        "--category",
        "Hukum",
    )
    assert draft.code == 0, draft.err
    git(desk, "push", "-q", "origin", "first-story")
    runner = tmp_path / "runner"  # the CI checkout: the pull request's branch, whole history
    git(tmp_path, "clone", "-q", "--branch", "first-story", str(origin), str(runner))
    rel = next(iter(ci.FILES[kind]))
    steps = _steps((runner / rel).read_text(), kind)
    assert steps[0] == 'pip install "redaksi==1.2.0"'  # this test's redaksi is installed already
    env = {
        **os.environ,
        "PATH": f"{Path(redaksi_bin()).parent}{os.pathsep}{os.environ['PATH']}",
        "CI_MERGE_REQUEST_TARGET_BRANCH_NAME": "main",
    }
    for step in steps[1:]:
        command = step.replace("${{ github.base_ref }}", "main")
        result = subprocess.run(
            ["bash", "-c", command], cwd=runner, env=env, capture_output=True, text=True
        )
        assert result.returncode == 0, f"{shlex.quote(command)}: {result.stderr}"


def test_rewriting_speaks_the_newsrooms_language(newsroom: Path, cli, released) -> None:
    _as_publisher(newsroom)
    config = (newsroom / "redaksi.yaml").read_text().replace("language: en", "language: id")
    (newsroom / "redaksi.yaml").write_text(config)
    git(newsroom, "commit", "-qam", "bahasa")
    result = cli(newsroom, "init", "--ci", "github")
    assert result.code == 0 and f"{GITHUB} ditulis" in result.err
