"""The desk on day one: staff, reassign, discard, edit, diff, hand edits in log, naming articles."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from redaksi.core import article
from tests.cli.test_transitions import ALI, KEYRA, MS, act_as, front, trailers
from tests.conftest import git, head, snapshot, status

DEWI = ("Dewi", "dewi@kabar.test")


def draft(cli, root: Path, title: str = "Banjir Lumajang", *extra: str) -> str:
    result = cli(
        root,
        "draft",
        "--no-input",
        "--title",
        title,
        "--category",
        "Hukum",
        "--body",
        "Lumajang,- Air setinggi lutut merendam 300 rumah warga. (*)",
        *extra,
    )
    assert result.code == 0, result.err
    return result.out.strip()


# -- staff ---------------------------------------------------------------------------------------


def test_staff_add_is_one_commit_of_the_config_alone_keeping_its_comments(
    newsroom: Path, cli
) -> None:
    config = newsroom / "redaksi.yaml"
    config.write_text(
        config.read_text().replace("staff:\n", "# who works here\nstaff:\n") + "# end\n"
    )
    git(newsroom, "commit", "-qam", "comments")
    before = config.read_text()
    (newsroom / "notes.txt").write_text("mine\n")
    act_as(newsroom, KEYRA)
    result = cli(
        newsroom,
        "staff",
        "add",
        "dewi@kabar.test",
        "--name",
        "Dewi Lestari",
        "--role",
        "reporter",
        "--role",
        "editor",
    )
    assert result.code == 0, result.err
    assert git(newsroom, "show", "--name-only", "--format=", "HEAD").split() == ["redaksi.yaml"]
    assert git(newsroom, "log", "-1", "--format=%an|%s").strip() == (
        "Keyra|staff: add Dewi Lestari <dewi@kabar.test> (reporter, editor)"
    )
    assert "Redaksi-Action: staff" in trailers(newsroom)
    after = config.read_text()
    assert after.startswith(before.removesuffix("# end\n"))  # every old line, byte for byte
    assert after.endswith(
        "  - {name: Dewi Lestari, email: dewi@kabar.test, roles: [reporter, editor]}\n# end\n"
    )
    assert status(newsroom) == "?? notes.txt\n"
    listed = json.loads(cli(newsroom, "staff", "list", "--format", "json").out)["staff"]
    assert listed[-1] == {
        "name": "Dewi Lestari",
        "email": "dewi@kabar.test",
        "roles": ["reporter", "editor"],
    }


@pytest.mark.parametrize(
    ("who", "args", "code", "words"),
    [
        (KEYRA, ["add", "MS@kabar.test", "--name", "M", "--role", "editor"], 3, "already on staff"),
        (MS, ["add", "dewi@kabar.test", "--name", "D", "--role", "reporter"], 3, "publisher"),
        (KEYRA, ["add", "dewi@kabar.test", "--name", "D", "--role", "boss"], 2, "boss"),
        (KEYRA, ["add", "dewi", "--name", "D", "--role", "reporter"], 2, "not an email"),
        (KEYRA, ["remove", "keyra@kabar.test"], 3, "last publisher"),
        (KEYRA, ["remove", "nobody@kabar.test"], 2, "not on staff"),
    ],
)
def test_staff_refusals_change_nothing(
    newsroom: Path, cli, who: tuple[str, str], args: list[str], code: int, words: str
) -> None:
    act_as(newsroom, who)
    before, commit = snapshot(newsroom), head(newsroom)
    result = cli(newsroom, "staff", *args)
    assert (result.code, words in result.err) == (code, True), result.err
    assert snapshot(newsroom) == before and head(newsroom) == commit


def test_staff_remove_takes_out_exactly_one_member(newsroom: Path, cli) -> None:
    act_as(newsroom, KEYRA)
    before = (newsroom / "redaksi.yaml").read_text()
    assert cli(newsroom, "staff", "remove", "ms@kabar.test").code == 0
    assert (newsroom / "redaksi.yaml").read_text() == before.replace(
        "  - {name: Mohammad S, email: ms@kabar.test, roles: [editor]}\n", ""
    )
    assert git(newsroom, "log", "-1", "--format=%s").strip() == (
        "staff: remove Mohammad S <ms@kabar.test>"
    )


def test_roles_come_from_the_committed_config_and_uncommitted_changes_warn(
    newsroom: Path, cli
) -> None:
    config = newsroom / "redaksi.yaml"
    config.write_text(
        config.read_text() + "  - {name: Dewi, email: dewi@kabar.test, roles: [reporter]}\n"
    )
    act_as(newsroom, DEWI)
    result = cli(newsroom, "draft", "--no-input", "--title", "Tamu", "--category", "Hukum")
    assert result.code == 3 and "not on staff" in result.err
    assert "redaksi.yaml has uncommitted changes" in result.err
    assert "uncommitted changes" in cli(newsroom, "validate").err  # every command warns
    act_as(newsroom, KEYRA)
    refused = cli(
        newsroom, "staff", "add", "dewi@kabar.test", "--name", "Dewi", "--role", "reporter"
    )
    assert refused.code == 3 and "commit or restore" in refused.err
    git(newsroom, "checkout", "--", "redaksi.yaml")
    assert "uncommitted" not in cli(newsroom, "list").err


def test_a_config_without_four_eyes_means_false(newsroom: Path, cli) -> None:
    config = newsroom / "redaksi.yaml"
    assert "four_eyes" not in config.read_text()
    config.write_text(
        config.read_text().replace("roles: [reporter]}", "roles: [reporter, editor, publisher]}")
    )
    git(newsroom, "commit", "-qam", "ali does it all")
    draft(cli, newsroom, "Sendiri")
    for step in ("submit", "approve", "publish"):
        result = cli(newsroom, step, "sendiri")
        assert result.code == 0, result.err


def test_init_turns_four_eyes_on_and_says_how_to_turn_it_off(repo: Path, cli) -> None:
    result = cli(repo, "init", "--no-input", "--language", "en")
    assert result.code == 0, result.err
    assert "four_eyes: true" in (repo / "redaksi.yaml").read_text()
    assert "four_eyes: false" in result.err and "redaksi staff add" in result.err


# -- reassign and discard ----------------------------------------------------------------------


def test_reassign_hands_the_story_over_and_four_eyes_still_covers_the_old_reporter(
    newsroom: Path, cli
) -> None:
    config = newsroom / "redaksi.yaml"
    config.write_text(
        config.read_text().replace("roles: [reporter]}", "roles: [reporter, publisher]}")
        + "  - {name: Dewi, email: dewi@kabar.test, roles: [reporter]}\nfour_eyes: true\n"
    )
    git(newsroom, "commit", "-qam", "dewi joins")
    rel = draft(cli, newsroom)
    act_as(newsroom, MS)
    result = cli(
        newsroom, "reassign", "banjir-lumajang", "--to", "DEWI@kabar.test", "--note", "Ali cuti."
    )
    assert result.code == 0, result.err
    assert git(newsroom, "show", "--name-only", "--format=", "HEAD").split() == [rel]
    data = front(newsroom, rel)
    assert data["reporter"] == {"name": "Dewi", "email": "dewi@kabar.test"}
    assert data["history"][-1]["reporter_from"] == "ali@kabar.test"
    assert data["history"][-1]["reporter_to"] == "dewi@kabar.test"
    assert "Reporter: Dewi <dewi@kabar.test>" in trailers(newsroom)
    assert cli(newsroom, "validate").code == 0
    act_as(newsroom, DEWI)
    assert cli(newsroom, "submit", "banjir-lumajang").code == 0
    act_as(newsroom, MS)
    assert cli(newsroom, "approve", "banjir-lumajang").code == 0
    act_as(newsroom, ALI)  # a publisher now, but he reported it once
    refused = cli(newsroom, "publish", "banjir-lumajang")
    assert refused.code == 3 and "four_eyes" in refused.err


@pytest.mark.parametrize(
    ("who", "to", "code", "words"),
    [
        (MS, "ms@kabar.test", 3, "not a reporter"),
        (MS, "ghost@kabar.test", 3, "not on staff"),
        (MS, "ali@kabar.test", 3, "already this article's reporter"),
        (ALI, "ali@kabar.test", 3, "not an editor"),
    ],
)
def test_reassign_refusals(newsroom: Path, cli, who, to: str, code: int, words: str) -> None:
    draft(cli, newsroom)
    act_as(newsroom, who)
    before = snapshot(newsroom)
    result = cli(newsroom, "reassign", "banjir-lumajang", "--to", to)
    assert (result.code, words in result.err) == (code, True), result.err
    assert snapshot(newsroom) == before


def test_discard_deletes_the_draft_in_one_commit_with_trailers(newsroom: Path, cli) -> None:
    rel = draft(cli, newsroom)
    article_id = front(newsroom, rel)["id"]
    (newsroom / "notes.txt").write_text("mine\n")
    assert cli(newsroom, "discard", "banjir-lumajang", "--note", "Sudah diliput.").code == 0
    assert not (newsroom / rel).exists()
    assert git(newsroom, "show", "--name-status", "--format=", "HEAD").split() == ["D", rel]
    assert trailers(newsroom) == [
        "Redaksi-Action: discard",
        "Redaksi-From: draft",
        "Redaksi-To: discarded",
        f"Redaksi-Article: {article_id}",
        "Reporter: Ali Ya'lu <ali@kabar.test>",
    ]
    assert status(newsroom) == "?? notes.txt\n"


def test_discard_refuses_prefixes_published_stories_strangers_and_unsaved_work(
    newsroom: Path, cli
) -> None:
    rel = draft(cli, newsroom)
    before, commit = snapshot(newsroom), head(newsroom)
    prefix = cli(newsroom, "discard", "banjir")
    assert prefix.code == 2 and "banjir-lumajang" in prefix.err
    act_as(newsroom, KEYRA)  # a publisher is not an editor
    assert cli(newsroom, "discard", "banjir-lumajang").code == 3
    act_as(newsroom, ALI)
    (newsroom / rel).write_text((newsroom / rel).read_text() + "Paragraf baru.\n")
    unsaved = cli(newsroom, "discard", "banjir-lumajang")
    assert unsaved.code == 3 and "never committed" in unsaved.err
    git(newsroom, "checkout", "--", rel)
    assert cli(newsroom, "submit", "banjir-lumajang").code == 0
    assert cli(newsroom, "discard", "banjir-lumajang").code == 3  # only a draft
    assert head(newsroom) != commit and (newsroom / rel).exists()
    del before


# -- naming an article -------------------------------------------------------------------------


def test_a_unique_slug_prefix_names_the_article_and_a_typo_gets_suggestions(
    newsroom: Path, cli
) -> None:
    draft(cli, newsroom, "Sidang Korupsi Dana Desa")
    draft(cli, newsroom, "Sidang Kedua")
    assert cli(newsroom, "show", "sidang-korupsi").code == 0
    both = cli(newsroom, "show", "sidang")
    assert both.code == 2 and "sidang-kedua" in both.err and "sidang-korupsi-dana-desa" in both.err
    typo = cli(newsroom, "show", "sidang-korupsi-dana-dsa")
    assert typo.code == 2 and "did you mean: sidang-korupsi-dana-desa" in typo.err


def test_reject_names_the_article_before_asking_for_a_note(newsroom: Path, cli) -> None:
    act_as(newsroom, MS)
    result = cli(newsroom, "reject", "banjir")
    assert result.code == 2 and "no article 'banjir'" in result.err


# -- edit, diff and log ------------------------------------------------------------------------


@pytest.fixture
def editor_script(tmp_path: Path) -> str:
    """An editor a test can run: replaces '300 rumah' with what EDIT_TO says."""
    script = tmp_path / "editor.py"
    script.write_text(
        "import os, sys, pathlib\n"
        "p = pathlib.Path(sys.argv[1])\n"
        "p.write_text(p.read_text().replace('300 rumah', os.environ['EDIT_TO']))\n"
    )
    return f"{sys.executable} {script}"


def test_edit_opens_visual_then_editor_then_gits_editor(
    newsroom: Path, cli, editor_script: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    rel = draft(cli, newsroom)
    monkeypatch.setenv("EDIT_TO", "310 rumah")
    monkeypatch.setenv("VISUAL", editor_script)
    monkeypatch.setenv("EDITOR", "false")
    assert cli(newsroom, "edit", "banjir-lumajang").code == 0
    assert "310 rumah" in (newsroom / rel).read_text()
    monkeypatch.delenv("VISUAL")
    monkeypatch.setenv("EDIT_TO", "320 rumah")
    broken = cli(newsroom, "edit", "banjir-lumajang")  # EDITOR=false: exit 1
    assert broken.code == 2 and "EDITOR" in broken.err
    monkeypatch.delenv("EDITOR")
    git(newsroom, "config", "core.editor", editor_script)
    monkeypatch.setenv("EDIT_TO", "330 rumah")
    git(newsroom, "checkout", "--", rel)
    assert cli(newsroom, "edit", "banjir-lumajang").code == 0
    assert "330 rumah" in (newsroom / rel).read_text()


def test_diff_shows_what_the_editor_changed_since_submit_word_by_word(newsroom: Path, cli) -> None:
    rel = draft(cli, newsroom)
    assert cli(newsroom, "submit", "banjir-lumajang").code == 0
    path = newsroom / rel
    path.write_text(path.read_text().replace("lutut merendam 300", "pinggang merendam 350"))
    result = cli(newsroom, "diff", "banjir-lumajang")
    assert result.code == 0, result.err
    assert result.out.strip() == (
        "Lumajang,- Air setinggi [-lutut-]{+pinggang+} merendam [-300-]{+350+} rumah warga. (*)"
    )
    assert "\x1b[" not in result.out  # a pipe gets plain marks, never colour
    assert "since submit" in result.err
    assert cli(newsroom, "diff", "banjir-lumajang", "--since", "approve").code == 2
    assert cli(newsroom, "diff", "banjir-lumajang", "--since", "HEAD").out.count("{+") == 2
    assert cli(newsroom, "diff", "banjir-lumajang", "--since", "nosuchrev").code == 2


def test_log_shows_hand_edits_between_steps(newsroom: Path, cli) -> None:
    rel = draft(cli, newsroom)
    path = newsroom / rel
    path.write_text(path.read_text().replace("300", "301"))
    act_as(newsroom, MS)
    git(newsroom, "commit", "-qam", "fix the count")
    act_as(newsroom, ALI)
    assert cli(newsroom, "submit", "banjir-lumajang").code == 0
    steps = json.loads(cli(newsroom, "log", "banjir-lumajang", "--format", "json").out)[
        "transitions"
    ]
    assert [(s["action"], s["author"]["name"], s["subject"]) for s in steps] == [
        ("draft", "Ali Ya'lu", "draft: Banjir Lumajang"),
        ("edit", "Mohammad S", "fix the count"),
        ("submit", "Ali Ya'lu", "submit: Banjir Lumajang"),
    ]
    text = cli(newsroom, "log", "banjir-lumajang").out
    assert "fix the count" in text


def test_show_prints_tags_and_the_body(newsroom: Path, cli) -> None:
    rel = draft(cli, newsroom, "Banjir Lumajang", "--tag", "Wisata, Pantai", "--tag", "Lumajang")
    path = newsroom / rel
    path.write_text(
        path.read_text().replace(
            "history:",
            'photo: {url: "https://kabar.test/banjir.jpg", caption: Banjir, credit: Ali}\nhistory:',
        )
    )
    shown = cli(newsroom, "show", "banjir-lumajang").out
    assert "Tags:" in shown and "Wisata, Pantai, Lumajang" in shown
    assert "Photo:" in shown and "https://kabar.test/banjir.jpg: Banjir (Ali)" in shown
    assert shown.rstrip().endswith("300 rumah warga. (*)")
    data = json.loads(cli(newsroom, "show", "banjir-lumajang", "--format", "json").out)
    assert data["tags"] == ["Wisata", "Pantai", "Lumajang"]
    assert data["body"] == "Lumajang,- Air setinggi lutut merendam 300 rumah warga. (*)\n"


def test_submit_refuses_an_empty_or_template_body(newsroom: Path, cli) -> None:
    result = cli(
        newsroom,
        "draft",
        "--no-input",
        "--title",
        "Kosong",
        "--category",
        "Hukum",
        "--dateline",
        "Lumajang",
    )
    rel = result.out.strip()
    before = snapshot(newsroom)
    refused = cli(newsroom, "submit", "kosong")
    assert refused.code == 3 and "template" in refused.err
    assert snapshot(newsroom) == before
    path = newsroom / rel
    text, _ = path.read_text().rsplit("---\n", 1)
    path.write_text(text + "---\n\n")
    assert cli(newsroom, "submit", "kosong").code == 3
    path.write_text(text + "---\nLumajang,- Hujan deras sejak pagi. (*)\n")
    assert cli(newsroom, "submit", "kosong").code == 0
    _, data = article.parse(path.read_text())
    assert data["status"] == "review"


def test_sync_without_a_remote_names_the_real_branch(newsroom: Path) -> None:
    from tests.conftest import redaksi_bin

    git(newsroom, "branch", "-M", "desk-probolinggo")
    done = subprocess.run(
        [redaksi_bin(), "sync"], cwd=newsroom, capture_output=True, text=True, check=False
    )
    assert done.returncode == 4
    assert "git push -u origin desk-probolinggo" in done.stderr
    assert "git remote add origin" in done.stderr


def test_the_demos_hint_runs_where_redaksi_is_not_on_path(tmp_path: Path) -> None:
    from tests.conftest import redaksi_bin

    env = dict(os.environ)
    env["PATH"] = "/usr/bin:/bin"  # a fresh shell: the venv is not on PATH
    done = subprocess.run(
        [redaksi_bin(), "demo", str(tmp_path / "d"), "--language", "en"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert f"{redaksi_bin()} show " in done.stderr


def test_published_stories_wait_for_nothing_and_github_summaries_speak_indonesian(
    newsroom: Path, cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.cli.test_reading import put

    put(newsroom, "terbit", "published", 4)
    lines = cli(newsroom, "list", "--status", "published").out.splitlines()
    assert lines[1].split()[:3] == ["published", "-", "terbit"]
    config = newsroom / "redaksi.yaml"
    config.write_text(config.read_text().replace("language: en", "language: id"))
    git(newsroom, "commit", "-qam", "id")
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert cli(newsroom, "validate", "--format", "github").code == 0
    assert "Tidak ada masalah." in summary.read_text()
