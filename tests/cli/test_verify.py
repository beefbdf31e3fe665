"""``redaksi verify``: honest histories pass; each rule fails the commit that breaks it."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from tests.cli.test_transitions import ALI, KEYRA, MS, act_as
from tests.conftest import drafted, git

Who = tuple[str, str]


@pytest.fixture
def published(newsroom: Path, cli) -> tuple[Path, str]:
    """A newsroom on branch main with one article taken to published by three people."""
    rel = drafted(cli, newsroom, "Banjir Lumajang")
    path = newsroom / rel
    path.write_text(path.read_text().replace("Isi berita.", "Air setinggi lutut."))
    assert cli(newsroom, "submit", "banjir-lumajang").code == 0
    act_as(newsroom, MS)
    assert cli(newsroom, "approve", "banjir-lumajang").code == 0
    act_as(newsroom, KEYRA)
    assert cli(newsroom, "publish", "banjir-lumajang").code == 0
    git(newsroom, "branch", "-M", "main")
    git(newsroom, "checkout", "-q", "-b", "pr")
    return newsroom, rel


def commit_as(repo: Path, who: Who, message: str, *paths: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": who[0], "GIT_AUTHOR_EMAIL": who[1]}
    subprocess.run(["git", "add", "-A", "--", *paths], cwd=repo, check=True)
    subprocess.run(["git", "commit", "-q", "-m", message], cwd=repo, check=True, env=env)


def edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new, 1))


def report(cli, root: Path, *extra: str) -> list[dict[str, object]]:
    """Every finding of ``verify --base main`` (file, line, column, rule, message)."""
    result = cli(root, "verify", "--base", "main", "--format", "json", *extra)
    errors: list[dict[str, object]] = json.loads(result.out)["errors"]
    assert result.code == (1 if errors else 0), result.err
    return errors


def rules(cli, root: Path, *extra: str) -> list[str]:
    return [str(e["rule"]) for e in report(cli, root, *extra)]


def test_an_honest_history_made_by_redaksi_passes(published: tuple[Path, str], cli) -> None:
    root, _ = published
    first = git(root, "rev-list", "--max-parents=0", "HEAD").strip()
    result = cli(root, "verify", "--base", first)
    assert result.code == 0, result.out
    assert "4 commit(s) checked, 4 transition(s)" in result.err


def test_corrections_and_retractions_by_redaksi_pass(published: tuple[Path, str], cli) -> None:
    root, _ = published
    act_as(root, MS)
    assert cli(root, "correct", "banjir-lumajang", "--note", "Ralat ketinggian air.").code == 0
    act_as(root, KEYRA)
    assert (
        cli(
            root,
            "retract",
            "banjir-lumajang",
            "--ground",
            "trauma",
            "--reason",
            "Permintaan keluarga.",
        ).code
        == 0
    )
    assert rules(cli, root) == []


def test_setting_published_by_hand_fails(newsroom: Path, cli) -> None:
    rel = drafted(cli, newsroom, "Pintas")
    git(newsroom, "branch", "-M", "main")
    git(newsroom, "checkout", "-q", "-b", "pr")
    edit(newsroom, rel, "status: draft", "status: published")
    commit_as(newsroom, ALI, "publish it")
    result = cli(newsroom, "verify", "--base", "main")
    assert result.code == 1
    assert "changes status from 'draft' to 'published' by hand" in result.out
    assert rules(cli, newsroom) == ["verify-status-by-hand"]


def test_deleting_a_published_article_fails(published: tuple[Path, str], cli) -> None:
    root, rel = published
    git(root, "rm", "-q", rel)
    commit_as(root, KEYRA, "takedown")
    result = cli(root, "verify", "--base", "main")
    assert "never deleted: retract it" in result.out
    assert rules(cli, root) == ["verify-deleted"]


def test_renaming_a_published_article_away_fails(published: tuple[Path, str], cli) -> None:
    root, rel = published
    git(root, "mv", rel, rel.replace("banjir-lumajang", "banjir"))
    commit_as(root, KEYRA, "shorter url")
    assert rules(cli, root) == ["verify-renamed"]


def test_slipping_a_sentence_into_a_published_story_fails(published: tuple[Path, str], cli) -> None:
    root, rel = published
    edit(root, rel, "Air setinggi lutut.", "Air setinggi lutut. Bupati lalai.")
    commit_as(root, MS, "typo")
    result = cli(root, "verify", "--base", "main")
    assert "changes only with 'redaksi correct'" in result.out
    assert rules(cli, root) == ["verify-published-changed"]


def test_a_draft_may_be_edited_by_staff_but_not_by_strangers(newsroom: Path, cli) -> None:
    rel = drafted(cli, newsroom, "Draf")
    git(newsroom, "branch", "-M", "main")
    git(newsroom, "checkout", "-q", "-b", "pr")
    edit(newsroom, rel, "Isi berita.", "Isi berita, ditulis.")
    commit_as(newsroom, ALI, "write")
    assert rules(cli, newsroom) == []
    edit(newsroom, rel, "Isi berita, ditulis.", "Isi berita palsu.")
    commit_as(newsroom, ("Mallory", "mallory@evil.test"), "write")
    assert rules(cli, newsroom) == ["verify-not-staff"]


def test_changing_who_reported_by_hand_fails(newsroom: Path, cli) -> None:
    rel = drafted(cli, newsroom, "Draf")
    git(newsroom, "branch", "-M", "main")
    git(newsroom, "checkout", "-q", "-b", "pr")
    edit(
        newsroom,
        rel,
        "reporter: {name: Ali Ya'lu, email: ali@kabar.test}",
        "reporter: {name: Mohammad S, email: ms@kabar.test}",
    )
    commit_as(newsroom, MS, "credit me")
    assert rules(cli, newsroom) == ["verify-protected"]


def test_a_transition_by_someone_without_the_role_fails(newsroom: Path, cli) -> None:
    drafted(cli, newsroom, "Banjir")
    assert cli(newsroom, "submit", "banjir").code == 0
    git(newsroom, "branch", "-M", "main")
    git(newsroom, "checkout", "-q", "-b", "pr")
    config = newsroom / "redaksi.yaml"
    config.write_text(
        config.read_text().replace("roles: [reporter]}", "roles: [reporter, editor]}")
    )
    git(newsroom, "commit", "-qam", "ali edits too")  # redaksi authorises from what is committed
    assert cli(newsroom, "approve", "banjir").code == 0
    git(newsroom, "rebase", "-q", "--onto", "HEAD~2", "HEAD~1")  # the role change is gone again
    assert rules(cli, newsroom) == ["verify-role"]


def test_a_pull_request_cannot_put_itself_on_staff_and_publish(
    published: tuple[Path, str], cli
) -> None:
    root, _ = published
    git(root, "checkout", "-q", "main")
    act_as(root, ALI)
    drafted = cli(
        root,
        "draft",
        "--no-input",
        "--body",
        "Isi berita. (*)",
        "--title",
        "Titipan",
        "--category",
        "Hukum",
    )
    assert drafted.code == 0
    assert cli(root, "submit", "titipan").code == 0
    act_as(root, MS)
    assert cli(root, "approve", "titipan").code == 0
    git(root, "checkout", "-q", "-B", "pr")
    config = root / "redaksi.yaml"
    config.write_text(
        config.read_text() + "  - {name: Mallory, email: mallory@evil.test, roles: [publisher]}\n"
    )
    commit_as(root, ("Mallory", "mallory@evil.test"), "join", "redaksi.yaml")
    act_as(root, ("Mallory", "mallory@evil.test"))
    assert cli(root, "publish", "titipan").code == 0  # the clone's own config lets her
    assert rules(cli, root) == ["verify-not-staff", "verify-config"]


def test_trailers_that_disagree_with_the_change_fail(newsroom: Path, cli) -> None:
    rel = drafted(cli, newsroom, "Banjir")
    git(newsroom, "branch", "-M", "main")
    git(newsroom, "checkout", "-q", "-b", "pr")
    assert cli(newsroom, "submit", "banjir").code == 0
    message = git(newsroom, "log", "-1", "--format=%B").replace(
        "Redaksi-From: draft", "Redaksi-From: edit"
    )
    git(newsroom, "commit", "-q", "--amend", "-m", message)
    assert rules(cli, newsroom) == ["verify-trailers"]
    assert rel


def _approve_by_hand(root: Path, rel: str, editor: Who, author: Who, history_by: str) -> None:
    edit(root, rel, "status: review", "status: edit")
    edit(
        root, rel, "created_at:", f"editor: {{name: {editor[0]}, email: {editor[1]}}}\ncreated_at:"
    )
    path = root / rel
    text = path.read_text()
    head, _, body = text.partition("\n---\n")
    stamp = "2025-03-04T10:00:00+07:00"
    head += f"\n  - {{action: approve, from: review, to: edit, by: {history_by}, at: {stamp}}}"
    path.write_text(head + "\n---\n" + body)
    from redaksi.core import article

    _, data = article.parse(path.read_text())
    message = (
        f"approve: Banjir\n\nRedaksi-Action: approve\nRedaksi-From: review\nRedaksi-To: edit\n"
        f"Redaksi-Article: {data['id']}\nReporter: Ali Ya'lu <ali@kabar.test>\nEditor: {editor[0]} <{editor[1]}>\n"
    )
    commit_as(root, author, message)


def test_the_editor_must_be_whoever_approved(newsroom: Path, cli) -> None:
    config = newsroom / "redaksi.yaml"
    config.write_text(
        config.read_text().replace("roles: [publisher]}", "roles: [publisher, editor]}")
    )
    git(newsroom, "commit", "-qam", "keyra edits too")
    rel = drafted(cli, newsroom, "Banjir")
    assert cli(newsroom, "submit", "banjir").code == 0
    git(newsroom, "branch", "-M", "main")
    git(newsroom, "checkout", "-q", "-b", "pr")
    _approve_by_hand(newsroom, rel, editor=KEYRA, author=MS, history_by="ms@kabar.test")
    assert rules(cli, newsroom) == ["verify-credit"]


def test_an_approve_by_hand_that_follows_every_rule_passes(newsroom: Path, cli) -> None:
    rel = drafted(cli, newsroom, "Banjir")
    assert cli(newsroom, "submit", "banjir").code == 0
    git(newsroom, "branch", "-M", "main")
    git(newsroom, "checkout", "-q", "-b", "pr")
    _approve_by_hand(newsroom, rel, editor=MS, author=MS, history_by="ms@kabar.test")
    assert rules(cli, newsroom) == []
    git(newsroom, "reset", "-q", "--hard", "main")
    _approve_by_hand(newsroom, rel, editor=MS, author=MS, history_by="ali@kabar.test")
    assert rules(cli, newsroom) == ["verify-history"]


def test_a_correction_without_its_text_fails(published: tuple[Path, str], cli) -> None:
    root, rel = published
    act_as(root, MS)
    assert cli(root, "correct", "banjir-lumajang", "--note", "Ralat.").code == 0
    edit(root, rel, "note: Ralat.}", "note: ''}")
    git(root, "commit", "-q", "--amend", "--no-edit", "-a")
    assert "verify-record" in rules(cli, root)


def test_a_transition_commit_with_other_files_fails(published: tuple[Path, str], cli) -> None:
    root, _ = published
    act_as(root, MS)
    assert cli(root, "correct", "banjir-lumajang", "--note", "Ralat.").code == 0
    (root / "other.txt").write_text("x\n")
    git(root, "add", "other.txt")
    git(root, "commit", "-q", "--amend", "--no-edit")
    assert rules(cli, root) == ["verify-extra-files"]


def test_adding_a_published_article_by_hand_fails(published: tuple[Path, str], cli) -> None:
    root, rel = published
    copy = rel.replace("banjir-lumajang", "salinan")
    text = (root / rel).read_text().replace("slug: banjir-lumajang", "slug: salinan")
    (root / copy).write_text(text)
    commit_as(root, KEYRA, "import")
    assert rules(cli, root) == ["verify-added-not-draft"]


def test_merges_bring_in_checked_commits_and_evil_merges_fail(
    published: tuple[Path, str], cli
) -> None:
    root, rel = published
    act_as(root, ALI)
    git(root, "checkout", "-q", "-b", "side", "main")
    drafted(cli, root, "Sampingan")
    git(root, "checkout", "-q", "pr")
    act_as(root, MS)
    assert cli(root, "correct", "banjir-lumajang", "--note", "Ralat.").code == 0
    git(root, "merge", "-q", "--no-edit", "side")
    assert rules(cli, root) == []
    git(root, "checkout", "-q", "-b", "evil", "main")
    git(root, "merge", "-q", "--no-ff", "--no-commit", "side")
    edit(root, rel, "Air setinggi lutut.", "Air setinggi leher.")
    git(root, "add", rel)
    git(root, "commit", "-q", "--no-edit")
    assert rules(cli, root) == ["verify-published-changed"]


def test_github_format_and_step_summary(
    published: tuple[Path, str], cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, rel = published
    git(root, "rm", "-q", rel)
    commit_as(root, KEYRA, "takedown")
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    result = cli(root, "verify", "--base", "main", "--format", "github")
    assert result.code == 1
    assert result.out.startswith(
        f"::error file={rel},line=1,col=1,title=redaksi verify-deleted::commit "
    )
    text = summary.read_text()
    assert (
        text.startswith("## redaksi verify\n") and "| `" + rel + "` | 1 | verify-deleted |" in text
    )


def test_a_missing_base_and_a_shallow_clone_say_what_they_need(
    published: tuple[Path, str], cli, tmp_path: Path
) -> None:
    root, _ = published
    result = cli(root, "verify", "--base", "origin/main")
    assert result.code == 4 and "git fetch origin main" in result.err
    shallow = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{root}", str(shallow))
    result = cli(shallow, "verify", "--base", "origin/main~2")
    assert result.code == 4 and "fetch-depth: 0" in result.err


def _ssh_signing(repo: Path, key: Path, signers: Path) -> None:
    git(repo, "config", "gpg.format", "ssh")
    git(repo, "config", "user.signingkey", str(key))
    git(repo, "config", "gpg.ssh.allowedSignersFile", str(signers))


def test_require_signed_accepts_signed_transitions_and_refuses_unsigned(
    newsroom: Path, cli, tmp_path: Path
) -> None:
    key = tmp_path / "key"
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(key)], check=True)
    public = (tmp_path / "key.pub").read_text().strip()
    signers = tmp_path / "allowed_signers"
    signers.write_text(
        "".join(f"{email} {public}\n" for email in ("ali@kabar.test", "ms@kabar.test"))
    )
    _ssh_signing(newsroom, key, signers)
    config = newsroom / "redaksi.yaml"
    config.write_text(config.read_text() + "require_signed: true\n")
    git(newsroom, "commit", "-qam", "signed only")
    git(newsroom, "branch", "-M", "main")
    git(newsroom, "checkout", "-q", "-b", "pr")
    git(newsroom, "config", "commit.gpgsign", "true")
    drafted(cli, newsroom, "Banjir")
    assert cli(newsroom, "submit", "banjir").code == 0
    assert rules(cli, newsroom) == []
    git(newsroom, "config", "commit.gpgsign", "false")
    act_as(newsroom, MS)
    assert cli(newsroom, "approve", "banjir").code == 0
    assert rules(cli, newsroom) == ["verify-unsigned"]
