"""Scheduled and embargoed stories (issue 12): publish --at, unschedule, release, embargo."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from tests.cli.test_transitions import ALI, KEYRA, MS, act_as
from tests.cli.test_verify import commit_as, edit, rules
from tests.conftest import drafted, git, head, redaksi_bin, snapshot
from tests.integration.conftest import Hold

BOT = ("Release Bot", "bot@ci.test")
SOON = "2026-12-01 06:00"
SOON_RFC = "2026-12-01T06:00:00+07:00"
BEFORE = "2026-11-30T12:00:00+07:00"
AFTER = "2026-12-01T06:05:00+07:00"
LATER = "2026-12-02T00:00:00+07:00"
"""When verify runs in these tests: after every commit they make, whatever today is."""


def backdate(root: Path, when: str) -> None:
    """Amend the last commit to claim it was made at ``when`` (author and committer)."""
    env = {**os.environ, "GIT_COMMITTER_DATE": when}
    subprocess.run(
        ["git", "commit", "-q", "--amend", "--no-edit", f"--date={when}"],
        cwd=root,
        env=env,
        check=True,
    )


@pytest.fixture
def edited(newsroom: Path, cli, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A newsroom on main with one story approved (edit), the clock on 30 Nov 2026, noon WIB."""
    monkeypatch.setenv("REDAKSI_NOW", BEFORE)
    act_as(newsroom, ALI)
    rel = drafted(cli, newsroom, "Sidang")
    edit(newsroom, rel.strip(), "Isi berita.", "Sidang digelar besok.")
    assert cli(newsroom, "submit", "sidang").code == 0
    act_as(newsroom, MS)
    assert cli(newsroom, "approve", "sidang").code == 0
    git(newsroom, "branch", "-M", "main")
    return newsroom


def front(cli, root: Path, slug: str = "sidang") -> dict:
    return json.loads(cli(root, "show", slug, "--format", "json").out)


def test_publish_at_schedules_in_the_newsrooms_zone(edited: Path, cli) -> None:
    act_as(edited, KEYRA)
    result = cli(edited, "publish", "sidang", "--at", SOON)
    assert result.code == 0, result.err
    data = front(cli, edited)
    assert (data["status"], data["publish_at"]) == ("scheduled", SOON_RFC)
    assert data["publisher"] == {"name": "Keyra", "email": "keyra@kabar.test"}
    assert data["history"][-1]["action"] == "schedule" and "published_at" not in data
    assert cli(edited, "publish", "sidang", "--at", "2026-12-02T01:00:00+02:00").code == 3


@pytest.mark.parametrize(
    ("at", "said"),
    [
        ("2026-11-30 11:00", "not in the future"),
        ("besok 06:00", "is not a time"),
        ("2026-02-30 06:00", "not a real date"),
        ("2026-13-01 06:00", "not a real"),
    ],
)
def test_publish_at_refuses_times_that_are_not_ahead(edited: Path, cli, at: str, said: str) -> None:
    act_as(edited, KEYRA)
    before, commit = snapshot(edited), head(edited)
    result = cli(edited, "publish", "sidang", "--at", at)
    assert result.code == 2 and said in result.err
    assert snapshot(edited) == before and head(edited) == commit


@pytest.mark.parametrize(
    ("at", "said"),
    [("2026-10-25 02:30", "happens twice"), ("2026-03-29 02:30", "never happens")],
)
def test_a_local_time_that_happens_twice_or_never_is_refused(
    edited: Path, cli, monkeypatch: pytest.MonkeyPatch, at: str, said: str
) -> None:
    edit(edited, "redaksi.yaml", "timezone: Asia/Jakarta", "timezone: Europe/Berlin")
    git(edited, "commit", "-qam", "moved to Berlin")
    monkeypatch.setenv("REDAKSI_NOW", "2026-01-01T00:00:00+01:00")
    act_as(edited, KEYRA)
    result = cli(edited, "publish", "sidang", "--at", at)
    assert result.code == 2 and said in result.err


def test_only_a_publisher_schedules_and_four_eyes_applies(edited: Path, cli) -> None:
    act_as(edited, MS)
    assert cli(edited, "publish", "sidang", "--at", SOON).code == 3
    edit(edited, "redaksi.yaml", "roles: [reporter]}", "roles: [reporter, publisher]}")
    (edited / "redaksi.yaml").write_text(
        (edited / "redaksi.yaml").read_text() + "four_eyes: true\n"
    )
    git(edited, "commit", "-qam", "ali publishes too")
    act_as(edited, ALI)
    result = cli(edited, "publish", "sidang", "--at", SOON)
    assert result.code == 3 and "four" in result.err.lower()


def test_unschedule_puts_it_back_for_a_publisher_only(edited: Path, cli) -> None:
    act_as(edited, KEYRA)
    assert cli(edited, "publish", "sidang", "--at", SOON).code == 0
    act_as(edited, MS)
    assert cli(edited, "unschedule", "sidang").code == 3
    act_as(edited, KEYRA)
    assert cli(edited, "unschedule", "sidang").code == 0
    data = front(cli, edited)
    assert data["status"] == "edit" and "publish_at" not in data and "publisher" not in data


def test_an_embargo_stops_every_way_out_until_it_ends(
    edited: Path, cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    act_as(edited, MS)
    assert cli(edited, "embargo", "sidang", "--until", "2026-12-01 08:00").code == 0
    act_as(edited, KEYRA)
    assert cli(edited, "publish", "sidang").code == 3
    result = cli(edited, "publish", "sidang", "--at", SOON)
    assert result.code == 3 and "embargo" in result.err
    assert cli(edited, "publish", "sidang", "--at", "2026-12-01 08:00").code == 0
    monkeypatch.setenv("REDAKSI_NOW", "2026-12-01T08:00:01+07:00")
    assert cli(edited, "release").code == 0
    assert front(cli, edited)["status"] == "published"


def test_release_publishes_what_is_due_oldest_first_as_the_scheduler(
    edited: Path, cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    act_as(edited, ALI)
    rel = drafted(cli, edited, "Banjir")
    edit(edited, rel.strip(), "Isi berita.", "Air naik.")
    assert cli(edited, "submit", "banjir").code == 0
    act_as(edited, MS)
    assert cli(edited, "approve", "banjir").code == 0
    act_as(edited, KEYRA)
    assert cli(edited, "publish", "sidang", "--at", "2026-12-01 07:00").code == 0
    assert cli(edited, "publish", "banjir", "--at", "2026-12-01 06:30").code == 0
    act_as(edited, BOT)  # CI's bot: not on staff
    first = cli(edited, "release")
    assert first.code == 0 and "nothing is due: 2 scheduled" in first.err
    monkeypatch.setenv("REDAKSI_NOW", "2026-12-01T07:00:00+07:00")
    assert cli(edited, "release").code == 0
    log = git(edited, "log", "-2", "--reverse", "--format=%an|%cn|%s").splitlines()
    assert log == ["Keyra|Release Bot|release: Banjir", "Keyra|Release Bot|release: Sidang"]
    assert "Redaksi-Released-By: Release Bot <bot@ci.test>" in git(
        edited, "log", "-1", "--format=%B"
    )
    data = front(cli, edited)
    assert (data["status"], data["published_at"]) == ("published", "2026-12-01T07:00:00+07:00")
    again, commit = cli(edited, "release"), head(edited)
    assert again.code == 0 and head(edited) == commit and "nothing is due: 0" in again.err
    assert (
        rules(cli, edited, "--base", git(edited, "rev-list", "--max-parents=0", "HEAD").strip())
        == []
    )


def test_list_show_and_log_say_who_scheduled_and_when(
    edited: Path, cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    act_as(edited, KEYRA)
    monkeypatch.setenv("REDAKSI_NOW", "2026-11-30T15:30:00+07:00")  # not the approval's moment
    assert cli(edited, "publish", "sidang", "--at", SOON).code == 0
    listed = json.loads(cli(edited, "list", "--status", "scheduled", "--format", "json").out)
    assert [(a["slug"], a["publish_at"]) for a in listed["articles"]] == [("sidang", SOON_RFC)]
    assert "-> 2026-12-01 06:00" in cli(edited, "list", "--status", "scheduled").out
    shown = [" ".join(line.split()) for line in cli(edited, "show", "sidang").out.splitlines()]
    assert "Publisher: Keyra <keyra@kabar.test>" in shown
    assert "Scheduled for: 2026-12-01T06:00:00+07:00" in shown
    assert [line for line in shown if line.startswith("History:")][-1] == (
        "History: 2026-11-30T15:30:00+07:00 schedule edit -> scheduled keyra@kabar.test"
    )
    logged = [" ".join(line.split()) for line in cli(edited, "log", "sidang").out.splitlines()]
    assert logged[-1].startswith("2026-11-30 15:30 schedule edit -> scheduled Keyra ")
    steps = json.loads(cli(edited, "log", "sidang", "--format", "json").out)["transitions"]
    assert (steps[-1]["action"], steps[-1]["author"]["name"]) == ("schedule", "Keyra")


def _scheduled_on_a_remote(edited: Path, cli, tmp_path: Path) -> tuple[Path, Path, Path]:
    act_as(edited, KEYRA)
    assert cli(edited, "publish", "sidang", "--at", SOON).code == 0
    remote = tmp_path / "remote.git"
    git(tmp_path, "clone", "-q", "--bare", str(edited), str(remote))
    clones = []
    for name in ("ci-one", "ci-two"):
        clone = tmp_path / name
        git(tmp_path, "clone", "-q", str(remote), str(clone))
        act_as(clone, BOT)
        clones.append(clone)
    return remote, clones[0], clones[1]


def test_two_releases_at_once_publish_each_story_once(edited: Path, cli, tmp_path: Path) -> None:
    act_as(edited, ALI)
    drafted = cli(
        edited,
        "draft",
        "--no-input",
        "--body",
        "Air naik. (*)",
        "--title",
        "Banjir",
        "--category",
        "Hukum",
    )
    assert drafted.code == 0, drafted.err
    assert cli(edited, "submit", "banjir").code == 0
    act_as(edited, MS)
    assert cli(edited, "approve", "banjir").code == 0
    act_as(edited, KEYRA)
    assert cli(edited, "publish", "banjir", "--at", SOON).code == 0
    remote, one, two = _scheduled_on_a_remote(edited, cli, tmp_path)
    hold = Hold(remote, tmp_path)  # the remote holds the first push it receives
    env = {**os.environ, "REDAKSI_NOW": AFTER}
    first = subprocess.Popen(
        [redaksi_bin(), "release", "--push"],
        cwd=one,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        hold.wait()  # the first run is inside its push now
        second = subprocess.run(
            [redaksi_bin(), "release", "--push"], cwd=two, env=env, capture_output=True, text=True
        )
        assert first.poll() is None  # still held: the two runs overlapped
    finally:
        hold.release()
    out, err = first.communicate(timeout=120)
    assert second.returncode == 0, second.stderr
    assert first.returncode == 0, err
    assert len(second.stdout.split()) == 2 and second.stderr.count("released ") == 2
    assert out == "", out  # the held run lost the race for both stories: no commit of its own
    banjir, sidang = err.splitlines()
    gone = "already released elsewhere"
    assert banjir.startswith(f"articles/2026/11/banjir.md: {gone} (Keyra <keyra@kabar.test> ")
    assert sidang.startswith(f"articles/2026/11/sidang.md: {gone} (cannot release an article")
    subjects = git(remote, "log", "--format=%s", "main").splitlines()
    assert (subjects.count("release: Banjir"), subjects.count("release: Sidang")) == (1, 1)
    assert git(one, "rev-parse", "HEAD") == git(remote, "rev-parse", "main")


def test_verify_catches_every_way_out_of_a_schedule(
    edited: Path, cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    act_as(edited, KEYRA)
    assert cli(edited, "publish", "sidang", "--at", SOON).code == 0
    rel = git(edited, "ls-files", "articles").split()[-1]
    git(edited, "checkout", "-q", "-b", "pr")
    edit(edited, rel, "status: scheduled", "status: published")
    commit_as(edited, KEYRA, "out early")
    assert rules(cli, edited) == ["verify-status-by-hand"]
    git(edited, "reset", "-q", "--hard", "main")
    edit(edited, rel, "Sidang digelar besok.", "Sidang digelar lusa.")
    commit_as(edited, KEYRA, "fix")
    assert rules(cli, edited) == ["verify-published-changed"]
    git(edited, "reset", "-q", "--hard", "main")
    env = {**os.environ, "REDAKSI_NOW": AFTER}
    subprocess.run([redaksi_bin(), "release"], cwd=edited, env=env, check=True, capture_output=True)
    monkeypatch.setenv("REDAKSI_NOW", LATER)
    assert rules(cli, edited) == []
    backdate(edited, BEFORE)
    assert rules(cli, edited) == ["verify-early", "verify-record"]  # and published_at > date


def test_verify_catches_a_publish_before_the_embargo(
    edited: Path, cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    act_as(edited, MS)
    assert cli(edited, "embargo", "sidang", "--until", "2026-12-01 08:00").code == 0
    git(edited, "checkout", "-q", "-b", "pr")
    act_as(edited, KEYRA)
    env = {**os.environ, "REDAKSI_NOW": "2026-12-01T08:30:00+07:00"}
    subprocess.run(
        [redaksi_bin(), "publish", "sidang"], cwd=edited, env=env, check=True, capture_output=True
    )
    monkeypatch.setenv("REDAKSI_NOW", LATER)
    assert rules(cli, edited) == []
    backdate(edited, BEFORE)
    assert rules(cli, edited) == ["verify-embargo", "verify-record"]  # and published_at > date


def test_a_reporter_may_set_an_embargo_by_hand_only_before_submitting(newsroom: Path, cli) -> None:
    rel = drafted(cli, newsroom, "Rahasia")
    git(newsroom, "branch", "-M", "main")
    git(newsroom, "checkout", "-q", "-b", "pr")
    edit(newsroom, rel, "created_at:", f"embargo_until: {SOON_RFC}\ncreated_at:")
    commit_as(newsroom, ALI, "embargo")
    assert rules(cli, newsroom) == []
    git(newsroom, "reset", "-q", "--hard", "main")
    assert cli(newsroom, "submit", "rahasia").code == 0
    edit(newsroom, rel, "created_at:", f"embargo_until: {SOON_RFC}\ncreated_at:")
    commit_as(newsroom, ALI, "embargo late")
    assert rules(cli, newsroom) == ["verify-protected"]


def test_draft_embargo_records_it(newsroom: Path, cli) -> None:
    result = cli(
        newsroom,
        "draft",
        "--no-input",
        "--body",
        "Isi berita. (*)",
        "--title",
        "Embargo",
        "--category",
        "Hukum",
        "--embargo",
        SOON,
    )
    assert result.code == 0
    assert front(cli, newsroom, "embargo")["embargo_until"] == SOON_RFC


def test_the_cron_workflow_releases_and_pushes(edited: Path, cli, tmp_path: Path) -> None:
    """The release job `init --ci github` writes, its steps run as a runner would run them."""
    from ruamel.yaml import YAML

    from redaksi.services import ci

    text = ci.render("github", '"redaksi"')[".github/workflows/redaksi-release.yml"]
    workflow = YAML(typ="safe").load(text)
    assert workflow["on"]["schedule"] == [{"cron": "*/5 * * * *"}]
    steps = [s["run"] for s in workflow["jobs"]["release"]["steps"] if "run" in s]
    assert steps[0] == 'pip install "redaksi"'
    remote, runner, _ = _scheduled_on_a_remote(edited, cli, tmp_path)
    output = tmp_path / "github-output"
    env = {
        **os.environ,
        "PATH": f"{Path(redaksi_bin()).parent}{os.pathsep}{os.environ['PATH']}",
        "REDAKSI_NOW": AFTER,
        "GITHUB_OUTPUT": str(output),
    }
    for step in steps[1:]:
        done = subprocess.run(
            ["bash", "-c", step], cwd=runner, env=env, capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr
    assert output.read_text() == "released=true\n"  # so the site job builds and deploys
    assert workflow["jobs"]["site"]["uses"] == "./.github/workflows/redaksi-site.yml"
    assert git(remote, "log", "-1", "--format=%an|%cn|%s", "main").strip() == (
        "Keyra|redaksi release|release: Sidang"
    )


def test_the_gitlab_release_job_releases_and_pushes(edited: Path, cli, tmp_path: Path) -> None:
    """The job `init --ci gitlab` writes, its script run as a GitLab runner would run it: on a
    detached checkout of the branch, pushing to the URL the project's variable names."""
    from ruamel.yaml import YAML

    from redaksi.services import ci

    text = ci.render("gitlab", '"redaksi"')[".gitlab-ci.yml"]
    job = YAML(typ="safe").load(text)["redaksi-release"]
    assert job["rules"] == [{"if": '$CI_PIPELINE_SOURCE == "schedule"'}]
    script = job["script"]
    assert script[0] == 'pip install "redaksi"'
    remote, runner, _ = _scheduled_on_a_remote(edited, cli, tmp_path)
    git(runner, "checkout", "-q", "--detach", "HEAD")  # GitLab checks out the commit
    env = {
        **os.environ,
        "PATH": f"{Path(redaksi_bin()).parent}{os.pathsep}{os.environ['PATH']}",
        "REDAKSI_NOW": AFTER,
        "CI_COMMIT_BRANCH": "main",
        "REDAKSI_PUSH_URL": str(remote),
    }
    for line in script[1:]:
        done = subprocess.run(
            ["bash", "-c", line], cwd=runner, env=env, capture_output=True, text=True
        )
        assert done.returncode == 0, (line, done.stderr)
    assert git(remote, "log", "-1", "--format=%an|%cn|%s", "main").strip() == (
        "Keyra|redaksi release|release: Sidang"
    )
