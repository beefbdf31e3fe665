"""Hostile input: whatever is in a file or on the command line, one clear line and no traceback."""

from __future__ import annotations

import os
import subprocess
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from redaksi.core import article
from tests.conftest import drafted, git, head, redaksi_bin, snapshot, status

CONTRACT = {0, 1, 2, 3, 4}
SETTINGS = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

GOOD = """\
---
id: 0f9c7a52-5f1e-4c51-9a53-8e2b61c0d2a4
title: Bupati Larang OPD
slug: bupati-larang-opd
status: draft
category: Hukum
reporter: {name: Ali Ya'lu, email: ali@kabar.test}
created_at: 2025-03-04T09:12:00+07:00
---
Probolinggo,- ... (*)
"""

YAMLISH = st.text(alphabet="abc:-[]{}&*!#'\"\n \t|>?%@`,0123456789\ufeff\r", max_size=200)
ARTICLE = Path("articles/2025/03/bupati-larang-opd.md")


def assert_one_clear_line(result) -> None:
    assert result.code in CONTRACT
    assert "Traceback" not in result.err and "unexpected error" not in result.err
    if result.code not in (0, 1):
        assert result.err.count("\n") == 1, result.err


@SETTINGS
@given(front=YAMLISH, body=st.text(max_size=50))
def test_no_generated_front_matter_gets_a_traceback(
    newsroom: Path, cli, front: str, body: str
) -> None:
    path = newsroom / ARTICLE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\n{front}\n---\n{body}", encoding="utf-8", newline="")
    before = path.read_bytes()
    for command in (
        ["validate"],
        ["validate", "--format", "json"],
        ["show", str(ARTICLE)],
        ["submit", str(ARTICLE), "--no-input"],
        ["list"],
    ):
        result = cli(newsroom, *command)
        assert_one_clear_line(result)
    if path.read_bytes() != before:  # only a successful submit may change the file
        assert git(newsroom, "log", "-1", "--format=%s").startswith("submit:")
        git(newsroom, "reset", "-q", "--hard", "HEAD~1")


@SETTINGS
@given(data=st.binary(max_size=300))
def test_no_generated_bytes_get_a_traceback(newsroom: Path, cli, data: bytes) -> None:
    path = newsroom / ARTICLE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    for command in (["validate"], ["submit", str(ARTICLE), "--no-input"]):
        assert_one_clear_line(cli(newsroom, *command))
    assert path.read_bytes() == data or git(newsroom, "log", "-1", "--format=%s").startswith(
        "submit:"
    )


@SETTINGS
@given(
    # what a shell can pass as one argument: no NUL, not an option
    ref=st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\x00"), max_size=60).map(
        lambda r: r.lstrip("-")
    )
)
def test_no_generated_article_name_gets_a_traceback(newsroom: Path, cli, ref: str) -> None:
    before = snapshot(newsroom)
    result = cli(newsroom, "approve", ref, "--no-input")
    assert_one_clear_line(result)
    assert result.code != 0 and snapshot(newsroom) == before


TITLES = st.text(
    alphabet=st.characters(
        codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp"), exclude_characters="\ufeff\x85"
    ),
    min_size=1,
    max_size=80,
).filter(lambda t: t.strip())


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(title=TITLES)
def test_any_title_round_trips_through_draft_and_submit(newsroom: Path, cli, title: str) -> None:
    result = cli(
        newsroom,
        "draft",
        "--no-input",
        "--body",
        "Isi berita. (*)",
        "--title",
        title,
        "--category",
        "Hukum",
        "--slug",
        "judul",
    )
    assert result.code == 0, result.err  # every title a person can type is taken as typed
    path = newsroom / result.out.strip()
    assert cli(newsroom, "submit", "judul").code == 0
    _, data = article.parse(path.read_text(encoding="utf-8"))
    assert data["title"] == title.strip()
    git(newsroom, "rm", "-q", str(path))
    git(newsroom, "commit", "-qm", "clean up")


def test_shell_metacharacters_are_never_run(newsroom: Path, cli) -> None:
    title = "$(touch pwned) `touch pwned2`; touch pwned3 && echo"
    assert (
        cli(
            newsroom,
            "draft",
            "--no-input",
            "--body",
            "Isi berita. (*)",
            "--title",
            title,
            "--category",
            "Hukum",
            "--slug",
            "aman",
        ).code
        == 0
    )
    assert cli(newsroom, "submit", "aman", "--note", "$(touch pwned4)").code == 0
    assert not list(newsroom.glob("pwned*")) and not list(Path.cwd().glob("pwned*"))
    assert git(newsroom, "log", "-1", "--format=%b").startswith("$(touch pwned4)")


def test_an_article_that_is_a_symlink_is_refused(newsroom: Path, cli) -> None:
    real = newsroom / "articles" / "2025" / "03" / "asli.md"
    real.parent.mkdir(parents=True)
    real.write_text(GOOD.replace("bupati-larang-opd", "asli"))
    (real.parent / "bupati-larang-opd.md").symlink_to(real)
    before = snapshot(newsroom)
    result = cli(newsroom, "submit", "bupati-larang-opd")
    assert result.code == 3 and "symbolic link" in result.err
    assert snapshot(newsroom) == before
    assert (real.parent / "bupati-larang-opd.md").is_symlink()
    validated = cli(newsroom, "validate").out
    assert (
        "bupati-larang-opd.md:1:1: 'articles/2025/03/bupati-larang-opd.md' is a symbolic link"
        in validated
    )


def test_an_articles_folder_linked_out_of_the_repository_is_not_read(
    tmp_path: Path, newsroom: Path, cli
) -> None:
    outside = tmp_path / "elsewhere"
    (outside / "2025" / "03").mkdir(parents=True)
    (outside / "2025" / "03" / "bupati-larang-opd.md").write_text(GOOD)
    (newsroom / "articles" / ".gitkeep").unlink()
    (newsroom / "articles").rmdir()
    (newsroom / "articles").symlink_to(outside)
    result = cli(newsroom, "validate")
    assert result.code == 1 and "'articles' is a symbolic link" in result.out
    assert cli(newsroom, "submit", "bupati-larang-opd").code == 3


@pytest.mark.parametrize(
    ("ref", "code", "says"),
    [
        # a path to nothing names no article (usage); a real file outside articles/ is refused
        ("../redaksi.yaml", 2, "no article '../redaksi.yaml'"),
        ("articles/../../etc/passwd.md", 2, "no article 'articles/../../etc/passwd.md'"),
        ("/etc/passwd", 3, "'/etc/passwd' is outside this newsroom's articles/ folder"),
        ("articles/../redaksi.yaml", 3, "is outside this newsroom's articles/ folder"),
    ],
)
def test_paths_that_leave_articles_are_refused(
    newsroom: Path, cli, ref: str, code: int, says: str
) -> None:
    before = snapshot(newsroom)
    result = cli(newsroom, "submit", ref)
    assert result.code == code and result.err.count("\n") == 1
    assert says in result.err
    assert snapshot(newsroom) == before


def bytes_read() -> int:
    """What this process has read through read(2) so far (Linux's /proc/self/io ``rchar``)."""
    for line in Path("/proc/self/io").read_text().splitlines():
        if line.startswith("rchar:"):
            return int(line.split()[1])
    raise AssertionError("no rchar in /proc/self/io")


def test_a_50_megabyte_article_is_refused_without_being_read_whole(newsroom: Path, cli) -> None:
    path = newsroom / ARTICLE
    path.parent.mkdir(parents=True)
    with path.open("wb") as handle:
        handle.write(GOOD.encode())
        handle.truncate(50 * 1024 * 1024)
    before = path.read_bytes()
    for command, code, stream in (
        (["validate"], 1, "out"),
        (["submit", "bupati-larang-opd"], 3, "err"),
    ):
        read_before = bytes_read()
        result = cli(newsroom, *command)
        read_mb = (bytes_read() - read_before) / 2**20
        assert result.code == code
        assert f"the file is {50 * 2**20} bytes, above the limit" in getattr(result, stream)
        assert read_mb < 10, f"{command}: read {read_mb:.0f} MB of a file refused for its size"
    assert path.read_bytes() == before


def test_an_empty_repository(tmp_path: Path, cli) -> None:
    repo = tmp_path / "kosong"
    repo.mkdir()
    git(repo, "init", "-q")
    git(repo, "config", "user.name", "Ali")
    git(repo, "config", "user.email", "ali@kabar.test")
    for command in (
        ["validate"],
        ["list"],
        ["verify", "--base", "HEAD"],
        ["sync"],
        ["draft", "--no-input"],
    ):
        result = cli(repo, *command)
        assert result.code == 4 and "redaksi init" in result.err, command
    (repo / "redaksi.yaml").write_text(
        "newsroom: K\ntimezone: Asia/Jakarta\nlanguage: en\ncategories: [Hukum]\n"
        "staff:\n  - {name: Ali, email: ali@kabar.test, roles: [reporter]}\n"
    )
    assert cli(repo, "validate").code == 0
    assert cli(repo, "list").code == 0
    result = cli(repo, "verify", "--base", "HEAD")
    assert result.code == 4 and "not a commit" in result.err
    drafted = cli(
        repo,
        "draft",
        "--no-input",
        "--body",
        "Isi berita. (*)",
        "--title",
        "Pertama",
        "--category",
        "Hukum",
    )
    assert drafted.code == 0, drafted.err
    assert git(repo, "log", "--format=%s").strip() == "draft: Pertama"


def test_a_detached_head_still_takes_local_steps(newsroom: Path, cli) -> None:
    drafted(cli, newsroom, "Lepas")
    git(newsroom, "checkout", "-q", "--detach")
    commit = head(newsroom)
    assert cli(newsroom, "submit", "lepas").code == 0
    assert git(newsroom, "rev-parse", "HEAD~1").strip() == commit
    git(newsroom, "config", "user.email", "ms@kabar.test")  # the editor: the role is no reason
    submitted = head(newsroom)
    result = cli(newsroom, "approve", "lepas", "--push")
    assert result.code == 4 and result.err.count("\n") == 1
    assert "HEAD is detached" in result.err
    assert head(newsroom) == submitted and status(newsroom) == ""


def peak_memory_mb(cwd: Path, *args: str) -> tuple[int, str, float]:
    """Exit code, stdout and peak memory of ``redaksi ARGS`` in a fresh process of its own."""
    with tempfile.TemporaryFile() as out:
        proc = subprocess.Popen([redaksi_bin(), *args], cwd=cwd, stdout=out, stderr=out)
        _, status_, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status_)
        out.seek(0)
        return proc.returncode, out.read().decode(), usage.ru_maxrss / 1024


def test_deep_nesting_is_refused_with_bounded_memory(newsroom: Path) -> None:
    path = newsroom / ARTICLE
    path.parent.mkdir(parents=True)
    path.write_text(GOOD)
    code, _, plain_mb = peak_memory_mb(newsroom, "validate", "--format", "json")
    assert code == 0
    path.write_text("---\ntitle: " + "[" * 200_000 + "]" * 200_000 + "\n---\n")
    code, out, deep_mb = peak_memory_mb(newsroom, "validate", "--format", "json")
    assert code == 1 and "nested deeper" in out
    assert deep_mb - plain_mb < 100, f"{deep_mb:.0f} MB against {plain_mb:.0f} MB"


def test_no_code_runs_what_it_reads() -> None:
    source = Path(__file__).resolve().parents[2] / "src" / "redaksi"
    for path in source.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for forbidden in (
            "shell=True",
            "eval(",
            "exec(",
            "os.system",
            "pickle",
            "yaml.load(",
            'typ="unsafe"',
            "typ='unsafe'",
        ):
            assert forbidden not in text, f"{path}: {forbidden}"
