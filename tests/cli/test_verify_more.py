"""``redaksi verify``: behaviours the mutation run found untested (issue 18, bench/mutation.py).

Each test is written against what verify must say, not against the line a mutant changed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.test_transitions import ALI, KEYRA, MS, act_as
from tests.cli.test_verify import commit_as, edit, rules
from tests.cli.test_verify_second_round import FAKE_IMPORT, TINY
from tests.conftest import drafted, git


def _pr(root: Path) -> None:
    git(root, "branch", "-M", "main")
    git(root, "checkout", "-q", "-b", "pr")


def test_only_an_empty_gitkeep_may_sit_among_the_articles(newsroom: Path, cli) -> None:
    _pr(newsroom)
    keep = newsroom / "articles" / "2025" / ".gitkeep"
    keep.parent.mkdir(parents=True)
    keep.write_text("")
    commit_as(newsroom, ALI, "keep the folder")
    assert rules(cli, newsroom) == []
    keep.write_text("status: published\n")  # a .gitkeep is no place to hide text
    commit_as(newsroom, ALI, "notes")
    assert rules(cli, newsroom) == ["verify-not-article"]
    git(newsroom, "reset", "-q", "--hard", "main")
    (newsroom / "articles" / "kosong.txt").write_text("")  # empty, but not a .gitkeep
    commit_as(newsroom, ALI, "placeholder")
    assert rules(cli, newsroom) == ["verify-not-article"]


def _report(cli, root: Path) -> list[dict[str, object]]:
    result = cli(root, "verify", "--base", "main", "--format", "json")
    errors = json.loads(result.out)["errors"]
    assert result.code == (1 if errors else 0), result.err
    return errors


def _sha(root: Path) -> str:
    return git(root, "rev-parse", "--short=7", "HEAD").strip()


def test_each_finding_names_the_commit_its_author_the_file_and_the_line(
    newsroom: Path, cli
) -> None:
    rel = drafted(cli, newsroom, "Pintas", body="Isi.")
    _pr(newsroom)
    assert cli(newsroom, "submit", "pintas").code == 0
    text = (newsroom / rel).read_text()
    line = text.splitlines().index("status: review") + 1
    (newsroom / rel).write_text(text.replace("status: review", "status: published"))
    commit_as(newsroom, ALI, "terbitkan")
    assert _report(cli, newsroom) == [
        {
            "file": rel,
            "line": line,
            "column": 1,
            "rule": "verify-status-by-hand",
            "message": f"commit {_sha(newsroom)} by Ali Ya'lu <ali@kabar.test> changes status "
            "from 'review' to 'published' by hand; use the redaksi command for that step",
        }
    ]
    result = cli(newsroom, "verify", "--base", "main")
    assert result.err == (
        "1 problem(s) in 2 commit(s) checked; "
        "a pull request must move articles only with redaksi's own steps\n"
    )


def test_a_commit_dated_in_the_future_fails(
    newsroom: Path, cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    rel = drafted(cli, newsroom, "Esok", body=None)
    _pr(newsroom)
    monkeypatch.setenv("REDAKSI_NOW", "2025-03-04T09:00:00+07:00")
    path = newsroom / rel
    for stamp, rules_found in (
        ("2025-03-04T09:10:00+07:00", []),  # ten minutes ahead: clocks differ that much
        ("2025-03-04T09:10:01+07:00", [(rel, 1, "verify-future")]),
    ):
        git(newsroom, "reset", "-q", "--hard", "main")
        path.write_text(path.read_text().replace("Write the story here.", "Isi."))
        monkeypatch.setenv("GIT_COMMITTER_DATE", stamp)
        monkeypatch.setenv("GIT_AUTHOR_DATE", "2025-03-04T10:30:00+09:00")  # 08:30 in Jakarta
        commit_as(newsroom, ALI, "write")
        found = [(e["file"], e["line"], e["rule"]) for e in _report(cli, newsroom)]
        assert found == rules_found, stamp
    assert _report(cli, newsroom)[0]["message"] == (
        f"commit {_sha(newsroom)} by Ali Ya'lu <ali@kabar.test> is dated "
        "2025-03-04T09:10:01+07:00, in the future; fix the machine's clock and commit again"
    )  # the later moment, not the date that reads larger in another zone
    git(newsroom, "reset", "-q", "--hard", "main")
    path.write_text(path.read_text().replace("Write the story here.", "Isi."))
    monkeypatch.setenv("GIT_COMMITTER_DATE", "2025-03-04T08:00:00+07:00")
    monkeypatch.setenv("GIT_AUTHOR_DATE", "2099-01-01T00:00:00+07:00")
    commit_as(newsroom, ALI, "write")
    assert (
        "is dated 2099-01-01T00:00:00+07:00, in the future" in _report(cli, newsroom)[0]["message"]
    )  # the author date is the one in the future: the finding names it


def test_a_step_redaksi_does_not_have_is_named(newsroom: Path, cli) -> None:
    rel = drafted(cli, newsroom, "Aneh", body=None)
    _pr(newsroom)
    path = newsroom / rel
    path.write_text(path.read_text().replace("Write the story here.", "Isi."))
    commit_as(newsroom, ALI, "aneh: Aneh\n\nRedaksi-Action: fast-track")
    found = _report(cli, newsroom)
    status = path.read_text().splitlines().index("status: draft") + 1
    assert [(e["file"], e["line"], e["rule"]) for e in found] == [
        (rel, 1, "verify-illegal-transition"),  # the commit's: at the top of its first file
        (rel, 1, "verify-stray-trailers"),  # it names no article
        (rel, status, "verify-illegal-transition"),  # the article's: at its status
    ]
    messages = " ".join(str(e["message"]) for e in found)
    assert "claims the step 'fast-track', which redaksi does not have" in messages
    assert "claims 'fast-track' but moves the article from 'draft' to 'draft'" in messages


def test_trailers_on_a_commit_that_changes_no_article_are_stray(newsroom: Path, cli) -> None:
    _pr(newsroom)
    (newsroom / "README.md").write_text("Kabar Test\n")
    commit_as(newsroom, ALI, "approve: x\n\nRedaksi-Action: approve\nRedaksi-Article: abc")
    found = _report(cli, newsroom)
    assert [(e["file"], e["rule"]) for e in found] == [("README.md", "verify-stray-trailers")]
    assert "carries redaksi trailers for article abc but does not change it" in found[0]["message"]
    git(newsroom, "reset", "-q", "--hard", "main")
    (newsroom / "README.md").write_text("Kabar Test\n")
    commit_as(newsroom, ALI, "catatan: x\n\nCatatan: bukan langkah")  # prose, not a step
    assert _report(cli, newsroom) == []


def test_a_folder_named_like_articles_in_other_letters_is_not_a_way_around(
    newsroom: Path, cli
) -> None:
    _pr(newsroom)
    hidden = newsroom / "Articles" / "2025" / "03" / "titipan.md"
    hidden.parent.mkdir(parents=True)
    hidden.write_text("---\nstatus: published\n---\n")
    commit_as(newsroom, ALI, "titip")
    assert [(e["file"], e["rule"]) for e in _report(cli, newsroom)] == [
        ("Articles/2025/03/titipan.md", "verify-not-article")
    ]


def test_an_executable_article_is_still_an_article(newsroom: Path, cli) -> None:
    rel = cli(
        newsroom, "draft", "--no-input", "--body", "Isi.", "--title", "Mode", "--category", "Hukum"
    ).out.strip()
    _pr(newsroom)
    (newsroom / rel).chmod(0o755)  # git records 100755: still a plain file
    commit_as(newsroom, ALI, "chmod")
    assert git(newsroom, "ls-tree", "HEAD", rel).split()[0] == "100755"
    assert rules(cli, newsroom) == []


def test_files_that_are_not_articles_are_named_each_at_its_own_path(newsroom: Path, cli) -> None:
    _pr(newsroom)
    for rel in ("Articles/2025/03/titipan.md", "Media/foto.jpg", "articles/2025/03/catatan.txt"):
        (newsroom / rel).parent.mkdir(parents=True, exist_ok=True)
        (newsroom / rel).write_text("isi\n")
    commit_as(newsroom, ALI, "titipan")
    who = f"commit {_sha(newsroom)} by Ali Ya'lu <ali@kabar.test> leaves"
    misspelled = "in a folder spelled like {0}/ in other letters: one folder on a case-insensitive "
    misspelled += "disk, but never read as {0}/; move it into {0}/"
    assert _report(cli, newsroom) == [
        {"file": rel, "line": 1, "column": 1, "rule": "verify-not-article", "message": message}
        for rel, message in (
            ("Articles/2025/03/titipan.md", f"{who} 'Articles/2025/03/titipan.md' "
             + misspelled.format("articles")),
            ("Media/foto.jpg", f"{who} 'Media/foto.jpg' " + misspelled.format("media")),
            ("articles/2025/03/catatan.txt", f"{who} 'articles/2025/03/catatan.txt' under "
             "articles/, which is not an article (articles are <slug>.md files); move it out of "
             "articles/"),
        )
    ]  # fmt: skip


def test_an_article_that_cannot_be_read_is_a_finding_not_a_crash(newsroom: Path, cli) -> None:
    _pr(newsroom)
    rel = "articles/2025/03/rusak.md"
    (newsroom / rel).parent.mkdir(parents=True, exist_ok=True)
    (newsroom / rel).write_text("---\ntitle: [tidak tertutup\n---\nIsi.\n")
    commit_as(newsroom, ALI, "rusak")
    assert [(e["file"], e["rule"]) for e in _report(cli, newsroom)] == [(rel, "verify-unreadable")]


def test_stray_trailers_point_at_the_first_file_changed_or_at_a_dash(newsroom: Path, cli) -> None:
    _pr(newsroom)
    for name in ("README.md", "NOTES.md"):
        (newsroom / name).write_text("Kabar Test\n")
    message = "approve: x\n\nRedaksi-Action: approve\nRedaksi-Article: abc"
    commit_as(newsroom, ALI, message)
    git(newsroom, "commit", "-q", "--allow-empty", "-m", message)  # a commit that changes nothing
    assert [(e["file"], e["line"], e["column"], e["rule"]) for e in _report(cli, newsroom)] == [
        ("-", 1, 1, "verify-stray-trailers"),
        ("NOTES.md", 1, 1, "verify-stray-trailers"),
    ]


CI = """\
name: ci
on: pull_request
jobs:
  lint:
    runs-on: ubuntu-latest
  # >>> redaksi (managed by 'redaksi init --ci'; edits inside are replaced)
  verify:
    runs-on: ubuntu-latest
  # <<< redaksi
"""


def test_each_commit_is_judged_by_its_own_ci_file(newsroom: Path, cli) -> None:
    """A reporter may edit a CI file outside redaksi's block, even when the publisher later
    changes the block in the same pull request: her commit did not touch it."""
    workflow = newsroom / ".github" / "workflows" / "ci.yml"
    workflow.parent.mkdir(parents=True)
    workflow.write_text(CI)
    commit_as(newsroom, KEYRA, "ci")
    _pr(newsroom)
    workflow.write_text(CI.replace("  lint:\n", "  lint:\n    timeout-minutes: 5\n"))
    commit_as(newsroom, ALI, "lint timeout")
    assert _report(cli, newsroom) == []
    workflow.write_text(workflow.read_text().replace("  verify:\n", "  verify:\n    if: false\n"))
    commit_as(newsroom, KEYRA, "verify off")  # the publisher's own commit: allowed
    assert _report(cli, newsroom) == []
    git(newsroom, "reset", "-q", "--hard", "HEAD~2")
    workflow.write_text(CI.replace("  verify:\n", "  verify:\n    if: false\n"))
    commit_as(newsroom, ALI, "verify off")
    workflow.write_text(CI)
    commit_as(newsroom, KEYRA, "verify on again")  # the block ends as it began: still a finding
    assert [(e["file"], e["rule"]) for e in _report(cli, newsroom)] == [
        (".github/workflows/ci.yml", "verify-config")
    ]


_IMPORTED = "articles/2025/02/bupati-ditangkap.md"


def _import(root: Path, text: str = FAKE_IMPORT) -> None:
    story = root / _IMPORTED
    story.parent.mkdir(parents=True, exist_ok=True)
    story.write_text(text)
    commit_as(root, KEYRA, "import: wordpress\n\nRedaksi-Action: import\n")


def test_an_import_that_also_edits_a_story_is_named_at_that_story(newsroom: Path, cli) -> None:
    rel = drafted(cli, newsroom, "Lama")
    _pr(newsroom)
    edit(newsroom, rel, "Isi berita.", "Isi diubah diam-diam.")
    _import(newsroom)
    found = _report(cli, newsroom)
    assert [(e["file"], e["line"], e["rule"]) for e in found] == [
        (rel, 1, "verify-import-extra"),
        (rel, (newsroom / rel).read_text().splitlines().index("status: draft") + 1,
         "verify-illegal-transition"),
    ]  # fmt: skip
    assert f"is an import but also touches {rel};" in str(found[0]["message"])


def test_an_import_may_append_the_categories_its_stories_use(newsroom: Path, cli) -> None:
    _pr(newsroom)
    edit(newsroom, "redaksi.yaml", "Hukum]", "Hukum, Olahraga]")
    _import(newsroom, FAKE_IMPORT.replace("category: Hukum", "category: Olahraga"))
    assert _report(cli, newsroom) == []
    git(newsroom, "reset", "-q", "--hard", "main")
    edit(newsroom, "redaksi.yaml", "newsroom: Kabar Test", "newsroom: Kabar Lain")
    commit_as(newsroom, KEYRA, "import: wordpress\n\nRedaksi-Action: import\n")
    assert [(e["file"], e["rule"]) for e in _report(cli, newsroom)] == [
        ("redaksi.yaml", "verify-import-config")  # an import changes only the categories
    ]


def test_deleting_a_file_that_never_read_as_an_article_is_a_deletion(newsroom: Path, cli) -> None:
    broken = "articles/2025/03/rusak.md"
    (newsroom / broken).parent.mkdir(parents=True)
    (newsroom / broken).write_text("---\ntitle: [tidak tertutup\n---\nIsi.\n")
    commit_as(newsroom, ALI, "rusak (before verify ran on main)")
    _pr(newsroom)
    (newsroom / broken).unlink()
    commit_as(newsroom, ALI, "hapus")
    assert [(e["file"], e["rule"]) for e in _report(cli, newsroom)] == [(broken, "verify-deleted")]


def test_every_article_a_commit_changes_is_judged(newsroom: Path, cli) -> None:
    first = drafted(cli, newsroom, "Alpha")
    second = drafted(cli, newsroom, "Beta")
    _pr(newsroom)
    edit(newsroom, first, "Isi berita.", "Isi.")  # an honest edit, sorted first
    edit(newsroom, second, "status: draft", "status: published")
    commit_as(newsroom, ALI, "dua berita")
    assert [(e["file"], e["rule"]) for e in _report(cli, newsroom)] == [
        (second, "verify-status-by-hand")
    ]


def test_the_allowed_signers_file_changes_only_in_a_publishers_own_commit(
    newsroom: Path, cli
) -> None:
    signers = newsroom / ".redaksi-signers"
    signers.write_text("keyra@kabar.test ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKeyra\n")
    edit(newsroom, "redaksi.yaml", "staff:\n", "allowed_signers: .redaksi-signers\nstaff:\n")
    commit_as(newsroom, KEYRA, "signed commits")
    _pr(newsroom)
    with signers.open("a") as out:
        out.write("ali@kabar.test ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAli\n")
    commit_as(newsroom, ALI, "my key")  # a reporter trusting her own key
    assert [(e["file"], e["line"], e["rule"]) for e in _report(cli, newsroom)] == [
        (".redaksi-signers", 1, "verify-config")
    ]
    git(newsroom, "commit", "-q", "--amend", "--no-edit", "--author", "Keyra <keyra@kabar.test>")
    assert _report(cli, newsroom) == []


def test_only_a_release_may_go_unsigned_where_signatures_are_required(
    newsroom: Path, cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The scheduler's machine holds no one's key: a release is the one step exempt."""
    monkeypatch.setenv("REDAKSI_NOW", "2026-11-30T12:00:00+07:00")
    edit(newsroom, "redaksi.yaml", "staff:\n", "require_signed: true\nstaff:\n")
    commit_as(newsroom, KEYRA, "signed commits only")
    drafted(cli, newsroom, "Sidang")
    assert cli(newsroom, "submit", "sidang").code == 0
    act_as(newsroom, MS)
    assert cli(newsroom, "approve", "sidang").code == 0
    act_as(newsroom, KEYRA)
    assert cli(newsroom, "publish", "sidang", "--at", "2026-12-01 06:00").code == 0
    _pr(newsroom)
    monkeypatch.setenv("REDAKSI_NOW", "2026-12-01T06:05:00+07:00")
    act_as(newsroom, ("Release Bot", "bot@ci.test"))
    assert cli(newsroom, "release").code == 0
    monkeypatch.setenv("REDAKSI_NOW", "2026-12-02T00:00:00+07:00")
    assert _report(cli, newsroom) == []
    act_as(newsroom, ALI)
    (newsroom / "README.md").write_text("Kabar Test\n")
    commit_as(newsroom, ALI, "readme")  # outside what verify watches: no signature asked
    assert _report(cli, newsroom) == []
    rel = drafted(cli, newsroom, "Lain")
    sha = _sha(newsroom)
    assert _report(cli, newsroom) == [
        {
            "file": rel,
            "line": 1,
            "column": 1,
            "rule": "verify-unsigned",
            "message": f"commit {sha} by Ali Ya'lu <ali@kabar.test> has no good signature, and "
            f"redaksi.yaml requires signed transitions (git verify-commit {sha})",
        }
    ]


def test_removing_files_that_are_not_articles_is_no_finding(newsroom: Path, cli) -> None:
    stray = ["Articles/2025/03/titipan.md", "articles/2025/03/catatan.txt"]
    for rel in stray:
        (newsroom / rel).parent.mkdir(parents=True, exist_ok=True)
        (newsroom / rel).write_text("isi\n")
    commit_as(newsroom, ALI, "titipan (before verify ran on main)")
    _pr(newsroom)
    for rel in stray:
        (newsroom / rel).unlink()
    commit_as(newsroom, ALI, "bersih-bersih")
    assert _report(cli, newsroom) == []


def test_a_finding_about_a_whole_import_points_at_its_first_story(newsroom: Path, cli) -> None:
    edit(newsroom, "redaksi.yaml", "staff:\n", "four_eyes: true\nstaff:\n")
    commit_as(newsroom, KEYRA, "four eyes")
    _pr(newsroom)
    _import(newsroom)  # Keyra's own story, out with no second person
    assert [(e["file"], e["line"], e["rule"]) for e in _report(cli, newsroom)] == [
        (_IMPORTED, 1, "verify-four-eyes")
    ]


def test_verify_judges_the_head_it_is_given_not_the_checkout(newsroom: Path, cli) -> None:
    rel = drafted(cli, newsroom, "Bola")
    _pr(newsroom)
    edit(newsroom, rel, "category: Hukum", "category: Olahraga")  # not a listed category
    commit_as(newsroom, ALI, "olahraga")
    git(newsroom, "checkout", "-q", "main")
    result = cli(newsroom, "verify", "--base", "main", "--head", "pr", "--format", "json")
    assert result.code == 1, result.err
    assert [(e["file"], e["rule"]) for e in json.loads(result.out)["errors"]] == [
        (rel, "verify-schema")
    ]


def test_a_story_discarded_in_the_range_does_not_hide_the_next(newsroom: Path, cli) -> None:
    first = drafted(cli, newsroom, "Alpha")
    second = drafted(cli, newsroom, "Beta")
    _pr(newsroom)
    edit(newsroom, first, "Isi berita.", "Isi.")
    commit_as(newsroom, ALI, "alpha")
    assert cli(newsroom, "discard", "alpha", "--note", "Batal.").code == 0
    edit(newsroom, second, "category: Hukum", "category: Olahraga")  # not a listed category
    commit_as(newsroom, ALI, "beta")
    assert [(e["file"], e["rule"]) for e in _report(cli, newsroom)] == [(second, "verify-schema")]


def test_a_branch_with_a_history_of_its_own_is_judged_from_nothing(newsroom: Path, cli) -> None:
    git(newsroom, "branch", "-M", "main")
    git(newsroom, "checkout", "-q", "--orphan", "own")
    git(newsroom, "commit", "-qm", "a newsroom of my own")  # the same files, no shared history
    found = _report(cli, newsroom)
    assert found[0] == {
        "file": ".",
        "line": 1,
        "column": 1,
        "rule": "verify-behind",
        "message": "the branch does not contain main: what it would do once merged cannot be "
        "judged; merge main into it (or rebase onto it) and push again",
    }
    assert [(e["file"], e["rule"]) for e in found[1:]] == [("redaksi.yaml", "verify-config")]


def test_commits_after_a_merge_are_judged_too(newsroom: Path, cli) -> None:
    rel = drafted(cli, newsroom, "Banjir")
    _pr(newsroom)
    edit(newsroom, rel, "Isi berita.", "Isi.")
    commit_as(newsroom, ALI, "isi")
    git(newsroom, "checkout", "-q", "main")
    drafted(cli, newsroom, "Lain")
    git(newsroom, "checkout", "-q", "pr")
    git(newsroom, "merge", "-q", "--no-edit", "main")  # honest: brings in a checked draft
    edit(newsroom, rel, "status: draft", "status: published")
    commit_as(newsroom, ALI, "terbit")
    assert [(e["file"], e["rule"]) for e in _report(cli, newsroom)] == [
        (rel, "verify-status-by-hand")
    ]


def test_a_strangers_photo_rename_is_named_at_the_first_path_it_changes(
    newsroom: Path, cli
) -> None:
    """A rename is a deletion and an addition, as for articles; the first path names it."""
    old = newsroom / "media" / "2025" / "03" / "b.png"
    old.parent.mkdir(parents=True)
    old.write_bytes(TINY.read_bytes())
    commit_as(newsroom, KEYRA, "foto")
    _pr(newsroom)
    git(newsroom, "mv", "media/2025/03/b.png", "media/2025/03/a.png")
    commit_as(newsroom, ("Mallory", "mallory@evil.test"), "ganti nama")
    assert [(e["file"], e["rule"]) for e in _report(cli, newsroom)] == [
        ("media/2025/03/a.png", "verify-not-staff")
    ]
