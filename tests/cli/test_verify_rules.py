"""verify's rules, one behaviour each: the bugs a mutation audit planted must fail here (issue 18)."""

from __future__ import annotations

from pathlib import Path

from tests.cli.test_transitions import ALI, KEYRA, MS, act_as
from tests.cli.test_verify import commit_as, edit, published, rules
from tests.conftest import drafted, git

__all__ = ["published"]


def _pr(root: Path) -> None:
    git(root, "branch", "-M", "main")
    git(root, "checkout", "-q", "-b", "pr")


def _amend(root: Path, message: str | None = None) -> None:
    args = ["commit", "-q", "--amend", "-a"]
    git(root, *args, *(["-m", message] if message else ["--no-edit"]))


def _review(newsroom: Path, cli, title: str = "Banjir") -> str:
    rel = cli(
        newsroom,
        "draft",
        "--no-input",
        "--body",
        "Isi berita. (*)",
        "--title",
        title,
        "--category",
        "Hukum",
    ).out.strip()
    edit(newsroom, rel, "Isi berita.", "Isi berita.")
    assert cli(newsroom, "submit", title.lower()).code == 0
    return rel


def test_a_hand_edit_to_a_retracted_story_fails(published, cli) -> None:
    root, rel = published
    act_as(root, KEYRA)
    assert (
        cli(root, "retract", "banjir-lumajang", "--ground", "anak", "--reason", "Anak.").code == 0
    )
    edit(root, rel, "Air setinggi lutut.", "Air setinggi pinggang.")
    commit_as(root, KEYRA, "fix")
    assert rules(cli, root) == ["verify-published-changed"]


def test_a_publish_that_does_not_record_when_fails(newsroom: Path, cli) -> None:
    rel = _review(newsroom, cli)
    act_as(newsroom, MS)
    assert cli(newsroom, "approve", "banjir").code == 0
    _pr(newsroom)
    act_as(newsroom, KEYRA)
    assert cli(newsroom, "publish", "banjir").code == 0
    text = (newsroom / rel).read_text()
    (newsroom / rel).write_text(
        "".join(x for x in text.splitlines(True) if not x.startswith("published_at:"))
    )
    _amend(newsroom)
    assert rules(cli, newsroom) == ["verify-record"]


def test_an_approve_that_also_credits_a_publisher_fails(newsroom: Path, cli) -> None:
    rel = _review(newsroom, cli)
    _pr(newsroom)
    act_as(newsroom, MS)
    assert cli(newsroom, "approve", "banjir").code == 0
    edit(
        newsroom,
        rel,
        "created_at:",
        "publisher: {name: Keyra, email: keyra@kabar.test}\ncreated_at:",
    )
    _amend(newsroom)
    assert "verify-protected" in rules(cli, newsroom)


def test_an_article_added_as_published_behind_draft_trailers_fails(published, cli) -> None:
    root, rel = published
    copy = rel.replace("banjir-lumajang", "salinan")
    text = (root / rel).read_text().replace("banjir-lumajang", "salinan")
    text = text.replace(text.split("id: ")[1][:36], "5f0c7a52-5f1e-4c51-9a53-8e2b61c0d2a4")
    (root / copy).write_text(text)
    message = (
        "draft: Salinan\n\nRedaksi-Action: draft\nRedaksi-From: new\nRedaksi-To: draft\n"
        "Redaksi-Article: 5f0c7a52-5f1e-4c51-9a53-8e2b61c0d2a4\nReporter: Ali Ya'lu <ali@kabar.test>\n"
    )
    commit_as(root, ALI, message)
    assert rules(cli, root) == ["verify-added-not-draft"]


def test_an_approve_that_publishes_fails_even_with_matching_trailers(newsroom: Path, cli) -> None:
    rel = _review(newsroom, cli)
    _pr(newsroom)
    act_as(newsroom, MS)
    assert cli(newsroom, "approve", "banjir").code == 0
    edit(newsroom, rel, "status: edit", "status: published")
    edit(newsroom, rel, "to: edit, by: ms", "to: published, by: ms")
    message = git(newsroom, "log", "-1", "--format=%B").replace(
        "Redaksi-To: edit", "Redaksi-To: published"
    )
    _amend(newsroom, message)
    assert rules(cli, newsroom) == ["verify-illegal-transition"]


def test_a_role_granted_inside_the_pull_request_does_not_count(newsroom: Path, cli) -> None:
    _review(newsroom, cli)
    _pr(newsroom)
    edit(newsroom, "redaksi.yaml", "roles: [reporter]}", "roles: [reporter, editor]}")
    commit_as(newsroom, KEYRA, "ali edits too", "redaksi.yaml")  # a publisher, on its own
    assert cli(newsroom, "approve", "banjir").code == 0  # Ali, with the new local role
    assert rules(cli, newsroom) == ["verify-role"]


def _keyra_reports_and_publishes(newsroom: Path) -> None:
    edit(newsroom, "redaksi.yaml", "roles: [publisher]}", "roles: [reporter, publisher]}")
    (newsroom / "redaksi.yaml").write_text(
        (newsroom / "redaksi.yaml").read_text() + "four_eyes: true\n"
    )
    git(newsroom, "commit", "-qam", "four eyes")
    act_as(newsroom, KEYRA)


def test_a_pull_request_cannot_turn_four_eyes_off_and_publish_its_own_story(
    newsroom: Path, cli
) -> None:
    _keyra_reports_and_publishes(newsroom)
    _review(newsroom, cli)
    act_as(newsroom, MS)
    assert cli(newsroom, "approve", "banjir").code == 0
    _pr(newsroom)
    edit(newsroom, "redaksi.yaml", "four_eyes: true", "four_eyes: false")
    commit_as(newsroom, KEYRA, "one person newsroom", "redaksi.yaml")
    act_as(newsroom, KEYRA)
    assert cli(newsroom, "publish", "banjir").code == 0
    assert rules(cli, newsroom) == ["verify-four-eyes"]


def test_without_four_eyes_a_reporter_may_publish_their_own_story(newsroom: Path, cli) -> None:
    edit(newsroom, "redaksi.yaml", "roles: [publisher]}", "roles: [reporter, publisher]}")
    git(newsroom, "commit", "-qam", "keyra reports too")
    act_as(newsroom, KEYRA)
    _review(newsroom, cli)
    act_as(newsroom, MS)
    assert cli(newsroom, "approve", "banjir").code == 0
    _pr(newsroom)
    act_as(newsroom, KEYRA)
    assert cli(newsroom, "publish", "banjir").code == 0
    assert rules(cli, newsroom) == []


def test_staff_is_read_before_the_commit_not_in_it(newsroom: Path, cli) -> None:
    _review(newsroom, cli)
    _pr(newsroom)
    act_as(newsroom, MS)
    assert cli(newsroom, "approve", "banjir").code == 0
    edit(newsroom, "redaksi.yaml", "roles: [editor]}", "roles: [reporter]}")
    _amend(newsroom)  # the approve commit also demotes its author
    assert sorted(rules(cli, newsroom)) == ["verify-config", "verify-extra-files"]


def test_emails_match_staff_whatever_their_case(newsroom: Path, cli) -> None:
    _review(newsroom, cli)
    _pr(newsroom)
    act_as(newsroom, ("Mohammad S", "MS@Kabar.TEST"))
    assert cli(newsroom, "approve", "banjir").code == 0
    assert rules(cli, newsroom) == []


def test_a_hand_commit_whose_message_ends_in_prose_with_a_colon(newsroom: Path, cli) -> None:
    rel = drafted(cli, newsroom, "Banjir")
    _pr(newsroom)
    edit(newsroom, rel, "Isi berita.", "Isi.")
    commit_as(newsroom, ALI, "lede\n\nCatatan: judul masih sementara, jangan diterbitkan dulu.")
    assert rules(cli, newsroom) == []
    result = cli(newsroom, "log", "banjir")
    assert result.code == 0 and "draft" in result.out


DEWI = ("Dewi", "dewi@kabar.test")


def _with_dewi(newsroom: Path) -> None:
    config = newsroom / "redaksi.yaml"
    config.write_text(
        config.read_text() + "  - {name: Dewi, email: dewi@kabar.test, roles: [reporter]}\n"
    )
    git(newsroom, "commit", "-qam", "dewi")


def test_a_story_is_handed_only_to_a_reporter_on_staff(newsroom: Path, cli) -> None:
    _with_dewi(newsroom)
    rel = _review(newsroom, cli)
    _pr(newsroom)
    act_as(newsroom, MS)
    assert cli(newsroom, "reassign", "banjir", "--to", "dewi@kabar.test").code == 0
    assert rules(cli, newsroom) == []
    edit(
        newsroom,
        rel,
        "reporter: {name: Dewi, email: dewi@kabar.test}",
        "reporter: {name: Mallory, email: mallory@evil.test}",
    )
    edit(newsroom, rel, "reporter_to: dewi@kabar.test", "reporter_to: mallory@evil.test")
    _amend(
        newsroom,
        git(newsroom, "log", "-1", "--format=%B").replace(
            "Dewi <dewi@kabar.test>", "Mallory <mallory@evil.test>"
        ),
    )
    assert rules(cli, newsroom) == ["verify-credit"]


def test_a_draft_is_thrown_away_only_by_discard_and_by_its_reporter_or_an_editor(
    newsroom: Path, cli
) -> None:
    _with_dewi(newsroom)
    rel = drafted(cli, newsroom, "Buang", body=None)
    _pr(newsroom)
    git(newsroom, "rm", "-q", rel)
    commit_as(newsroom, ALI, "gone")
    assert rules(cli, newsroom) == ["verify-deleted"]  # by hand
    git(newsroom, "reset", "-q", "--hard", "main")
    act_as(newsroom, DEWI)
    assert cli(newsroom, "discard", "buang", "--note", "x").code == 3  # not hers, not an editor
    act_as(newsroom, ALI)
    assert cli(newsroom, "discard", "buang", "--note", "dobel").code == 0
    assert rules(cli, newsroom) == []
    git(newsroom, "commit", "-q", "--amend", "--no-edit", "--author", "Dewi <dewi@kabar.test>")
    assert rules(cli, newsroom) == ["verify-role"]


def test_a_story_past_draft_is_never_discarded(newsroom: Path, cli) -> None:
    rel = _review(newsroom, cli)
    _pr(newsroom)
    article_id = (newsroom / rel).read_text().split("id: ")[1][:36]
    git(newsroom, "rm", "-q", rel)
    message = (
        "discard: Banjir\n\nRedaksi-Action: discard\nRedaksi-From: draft\n"
        f"Redaksi-To: discarded\nRedaksi-Article: {article_id}\n"
    )
    commit_as(newsroom, MS, message)
    assert rules(cli, newsroom) == ["verify-deleted"]


def test_a_step_that_changes_its_article_s_id_names_that_article(published, cli) -> None:
    """The trailers name the id the article had: the id change is the finding, not stray trailers."""
    root, rel = published
    act_as(root, KEYRA)
    assert (
        cli(root, "retract", "banjir-lumajang", "--ground", "anak", "--reason", "Anak.").code == 0
    )
    text = (root / rel).read_text()
    old = next(line for line in text.splitlines() if line.startswith("id: "))
    edit(root, rel, old, "id: 2026-01-bbbbbbbb")
    _amend(root)
    assert old.removeprefix("id: ") in git(root, "log", "-1", "--format=%B")
    # the id is protected, a retract carries no edits, the trailer no longer matches the file;
    # but the commit does change the article its trailers name: no stray trailers
    assert rules(cli, root) == ["verify-edits", "verify-protected", "verify-trailers"]
