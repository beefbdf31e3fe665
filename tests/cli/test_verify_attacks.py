"""``redaksi verify`` against people trying to slip a story past it (issue 10, items 1-6).

Each test is one way past verify that an adversarial review found, reproduced against a real
repository; each failed before verify judged merges, files and commits as it does now.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from tests.cli.test_transitions import ALI, KEYRA, MS, act_as
from tests.cli.test_verify import Who, commit_as, edit, published, rules
from tests.conftest import drafted, git

__all__ = ["published"]  # the fixture, shared with test_verify

MALLORY = ("Mallory", "mallory@evil.test")


def merge_commit(root: Path, others: list[str], who: Who, message: str = "merge") -> None:
    """A merge of HEAD and ``others`` whose tree is the index as it is (git plumbing: git's
    porcelain refuses to merge a commit that is already an ancestor, an attacker need not)."""
    tree = git(root, "write-tree").strip()
    parents = [arg for other in ["HEAD", *others] for arg in ("-p", other)]
    env = {**os.environ, "GIT_AUTHOR_NAME": who[0], "GIT_AUTHOR_EMAIL": who[1]}
    made = subprocess.run(
        ["git", "commit-tree", tree, *parents, "-m", message],
        cwd=root,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    git(root, "reset", "-q", "--hard", made)


def _old_merge(root: Path, old: str, who: Who, restore: list[str], delete: list[str]) -> None:
    """Merge ``old`` (a commit already in main) taking its version of some files."""
    for path in restore:
        git(root, "checkout", old, "--", path)
    for path in delete:
        git(root, "rm", "-q", path)
    merge_commit(root, [old], who)


def _on_main(root: Path, cli, *steps: tuple[Who, tuple[str, ...]]) -> None:
    git(root, "checkout", "-q", "main")
    for who, args in steps:
        act_as(root, who)
        assert cli(root, *args).code == 0
    git(root, "checkout", "-q", "-B", "pr")


# -- item 1: merges ------------------------------------------------------------------------------


def test_merging_an_old_commit_back_cannot_delete_a_published_story(published, cli) -> None:
    root, rel = published
    before_draft = git(root, "rev-list", "--max-parents=0", "main").strip()
    _old_merge(root, before_draft, KEYRA, [], [rel])
    assert rules(cli, root) == ["verify-deleted"]


def test_merging_an_old_commit_back_cannot_drop_a_correction(published, cli) -> None:
    root, rel = published
    publish = git(root, "rev-parse", "main").strip()
    _on_main(root, cli, (MS, ("correct", "banjir-lumajang", "--note", "Ralat ketinggian.")))
    _old_merge(root, publish, KEYRA, [rel], [])
    assert rules(cli, root) == ["verify-published-changed"]


def test_merging_an_old_commit_back_cannot_unretract_a_story(published, cli) -> None:
    root, rel = published
    publish = git(root, "rev-parse", "main").strip()
    retract = ("retract", "banjir-lumajang", "--ground", "anak", "--reason", "Nama anak.")
    _on_main(root, cli, (KEYRA, retract))
    _old_merge(root, publish, KEYRA, [rel], [])
    assert rules(cli, root) == ["verify-status-by-hand"]


def test_an_octopus_merge_of_old_commits_is_held_to_the_same_rule(published, cli) -> None:
    root, rel = published
    first = git(root, "rev-list", "--max-parents=0", "main").strip()
    draft = git(root, "rev-parse", "main~3").strip()
    git(root, "checkout", draft, "--", rel)
    merge_commit(root, [first, draft], KEYRA)
    assert len(git(root, "rev-list", "--parents", "-n1", "HEAD").split()) == 4
    assert rules(cli, root) == ["verify-status-by-hand"]


def test_a_merge_by_a_stranger_brings_in_only_what_staff_did(published, cli) -> None:
    root, _ = published
    git(root, "checkout", "-q", "-b", "side", "main")
    act_as(root, ALI)
    side = cli(
        root,
        "draft",
        "--no-input",
        "--body",
        "Isi berita. (*)",
        "--title",
        "Samping",
        "--category",
        "Hukum",
    )
    git(root, "checkout", "-q", "pr")
    env = {**os.environ, "GIT_AUTHOR_NAME": MALLORY[0], "GIT_AUTHOR_EMAIL": MALLORY[1]}
    subprocess.run(
        ["git", "merge", "-q", "--no-ff", "--no-edit", "side"], cwd=root, env=env, check=True
    )
    assert rules(cli, root) == []  # the merge wrote nothing of its own: Ali's draft is checked
    git(root, "reset", "-q", "--hard", "HEAD~1")
    git(root, "merge", "-q", "--no-ff", "--no-commit", "side")
    edit(root, side.out.strip(), "Isi berita.", "Ditulis orang luar.")
    git(root, "add", "-A")
    subprocess.run(["git", "commit", "-q", "--no-edit"], cwd=root, env=env, check=True)
    assert rules(cli, root) == ["verify-not-staff"]


# -- items 2 and 3: every file under articles/ ------------------------------------------------


def test_renaming_a_published_story_out_of_md_is_a_takedown(published, cli) -> None:
    root, rel = published
    for suffix in (".MD", ".md.orig", ".txt"):
        git(root, "reset", "-q", "--hard", "main")
        git(root, "mv", rel, rel[: -len(".md")] + suffix)
        commit_as(root, KEYRA, "rename")
        assert sorted(rules(cli, root)) == ["verify-deleted", "verify-not-article"], suffix


def test_validate_names_every_file_under_articles_that_is_not_an_article(published, cli) -> None:
    root, rel = published
    git(root, "mv", rel, rel + ".orig")
    result = cli(root, "validate", "--format", "json")
    report = json.loads(result.out)
    assert result.code == 1
    assert [(e["file"], e["rule"]) for e in report["errors"]] == [
        (rel, "changed-on-record"),  # the published story is gone from where HEAD has it
        (rel + ".orig", "not-article"),
    ]


def test_a_published_markdown_file_is_not_an_article(published, cli) -> None:
    root, rel = published
    other = root / rel.replace("banjir-lumajang.md", "salinan.markdown")
    other.write_text((root / rel).read_text().replace("banjir-lumajang", "salinan"))
    commit_as(root, KEYRA, "copy")
    assert rules(cli, root) == ["verify-not-article"]


def test_a_file_smuggled_in_under_another_name_and_renamed_is_an_addition(published, cli) -> None:
    root, rel = published
    text = (root / rel).read_text().replace("banjir-lumajang", "titipan")
    text = text.replace("status: published", "status: edit")
    smuggled = rel.replace("banjir-lumajang.md", "titipan.markdown")
    (root / smuggled).write_text(text)
    commit_as(root, ALI, "notes")
    git(root, "mv", smuggled, smuggled.replace(".markdown", ".md"))
    commit_as(root, ALI, "rename")
    assert rules(cli, root) == ["verify-not-article", "verify-added-not-draft"]


# -- item 4: identity ------------------------------------------------------------------------


def _signing(root: Path, tmp_path: Path, who: str) -> None:
    key = tmp_path / f"key-{who}"
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(key)], check=True)
    signers = tmp_path / "allowed_signers"
    with signers.open("a") as out:
        out.write(f"{who} {(tmp_path / f'key-{who}.pub').read_text().strip()}\n")
    git(root, "config", "gpg.format", "ssh")
    git(root, "config", "user.signingkey", str(key))
    git(root, "config", "gpg.ssh.allowedSignersFile", str(signers))
    git(root, "config", "commit.gpgsign", "true")


def _require_signed(root: Path) -> None:
    config = root / "redaksi.yaml"
    config.write_text(config.read_text() + "require_signed: true\n")
    git(root, "commit", "-qam", "signed only")
    git(root, "branch", "-M", "main")
    git(root, "checkout", "-q", "-b", "pr")


def test_a_signature_must_be_the_authors_own(newsroom: Path, cli, tmp_path: Path) -> None:
    _require_signed(newsroom)
    _signing(newsroom, tmp_path, "ali@kabar.test")
    drafted(cli, newsroom, "Banjir")
    assert cli(newsroom, "submit", "banjir").code == 0
    assert rules(cli, newsroom) == []
    act_as(newsroom, MS)  # still signing with Ali's key
    assert cli(newsroom, "approve", "banjir").code == 0
    assert rules(cli, newsroom) == ["verify-unsigned"]


def test_with_require_signed_every_commit_to_articles_is_checked(
    newsroom: Path, cli, tmp_path: Path
) -> None:
    _require_signed(newsroom)
    rel = cli(
        newsroom,
        "draft",
        "--no-input",
        "--body",
        "Isi berita. (*)",
        "--title",
        "Banjir",
        "--category",
        "Hukum",
    )
    assert rules(cli, newsroom) == ["verify-unsigned"]  # the draft itself
    _signing(newsroom, tmp_path, "ali@kabar.test")
    git(newsroom, "commit", "-q", "--amend", "--no-edit", "-S")
    assert rules(cli, newsroom) == []
    git(newsroom, "config", "commit.gpgsign", "false")
    edit(newsroom, rel.out.strip(), "Isi berita.", "Isi.")
    commit_as(newsroom, ALI, "write")
    assert rules(cli, newsroom) == ["verify-unsigned"]  # a hand edit too


def test_credited_names_must_be_the_staff_names(newsroom: Path, cli) -> None:
    git(newsroom, "branch", "-M", "main")
    git(newsroom, "checkout", "-q", "-b", "pr")
    git(newsroom, "config", "user.name", "Keyra")  # Ali's email, someone else's name
    drafted(cli, newsroom, "Nama")
    assert rules(cli, newsroom) == []  # redaksi credits the staff list's name, not git's
    rel = git(newsroom, "ls-files", "articles/*/*/nama.md").strip()
    edit(newsroom, rel, "reporter: {name: Ali Ya'lu,", "reporter: {name: Keyra,")
    git(newsroom, "commit", "-q", "--amend", "-a", "--no-edit")
    assert "verify-credit" in rules(cli, newsroom)


# -- item 5: the base's schema and config judge -----------------------------------------------


def _schema_allowing_sponsor(root: Path) -> None:
    from redaksi import schema

    data = json.loads(schema.builtin_text(schema.ARTICLE))
    data["properties"]["sponsor"] = {"type": "string"}
    (root / "schemas").mkdir(exist_ok=True)
    (root / "schemas" / "article.schema.json").write_text(json.dumps(data, indent=2))


def test_a_pull_request_cannot_loosen_the_schema_for_itself(newsroom: Path, cli) -> None:
    rel = drafted(cli, newsroom, "Iklan")
    git(newsroom, "branch", "-M", "main")
    git(newsroom, "checkout", "-q", "-b", "pr")
    _schema_allowing_sponsor(newsroom)
    edit(newsroom, rel, "status: draft", "status: draft\nsponsor: PT Titipan")
    commit_as(newsroom, ALI, "sponsored")
    assert sorted(rules(cli, newsroom)) == ["verify-config", "verify-schema"]
    git(newsroom, "reset", "-q", "--hard", "main")
    _schema_allowing_sponsor(newsroom)
    commit_as(newsroom, KEYRA, "schema: sponsors")  # a publisher, in a commit of its own
    edit(newsroom, rel, "status: draft", "status: draft\nsponsor: PT Titipan")
    commit_as(newsroom, ALI, "sponsored")
    assert rules(cli, newsroom) == ["verify-schema"]  # judged by the base's schema all the same


def test_a_category_added_in_the_pull_request_is_not_yet_allowed(newsroom: Path, cli) -> None:
    rel = drafted(cli, newsroom, "Bola")
    git(newsroom, "branch", "-M", "main")
    git(newsroom, "checkout", "-q", "-b", "pr")
    edit(
        newsroom,
        "redaksi.yaml",
        "[Pemerintahan, Ekonomi, Hukum]",
        "[Pemerintahan, Ekonomi, Hukum, Olahraga]",
    )
    commit_as(newsroom, KEYRA, "categories", "redaksi.yaml")
    edit(newsroom, rel, "category: Hukum", "category: Olahraga")
    commit_as(newsroom, ALI, "olahraga")
    assert rules(cli, newsroom) == ["verify-schema"]


def test_changing_redaksis_ci_block_is_a_finding(newsroom: Path, cli) -> None:
    workflow = newsroom / ".github" / "workflows" / "redaksi.yml"
    workflow.parent.mkdir(parents=True)
    workflow.write_text("name: redaksi\non: pull_request\njobs: {}\n")
    git(newsroom, "add", "-A")
    git(newsroom, "commit", "-qm", "ci")
    rel = drafted(cli, newsroom, "Lolos")
    git(newsroom, "branch", "-M", "main")
    git(newsroom, "checkout", "-q", "-b", "pr")
    workflow.write_text("name: redaksi\non: pull_request\njobs: {}\n# verify off\n")
    edit(newsroom, rel, "Isi berita.", "Isi.")
    commit_as(newsroom, ALI, "ci")
    assert rules(cli, newsroom) == ["verify-config"]


# -- item 6: trailers on commits that do not change the article --------------------------------


def test_trailers_on_a_commit_that_does_not_change_the_article(published, cli) -> None:
    root, _ = published
    article_id = json.loads(cli(root, "show", "banjir-lumajang", "--format", "json").out)["id"]
    (root / "NOTES.txt").write_text("x\n")
    message = (
        "retract: Banjir Lumajang\n\nRedaksi-Action: retract\nRedaksi-From: published\n"
        f"Redaksi-To: retracted\nRedaksi-Article: {article_id}\n"
    )
    commit_as(root, MALLORY, message, "NOTES.txt")
    steps = json.loads(cli(root, "log", "banjir-lumajang", "--format", "json").out)["transitions"]
    assert [s["action"] for s in steps] == ["draft", "submit", "approve", "publish"]
    assert rules(cli, root) == ["verify-stray-trailers"]


def test_signing_keys_come_from_the_base_not_the_pull_request(
    newsroom: Path, cli, tmp_path: Path
) -> None:
    """A pull request that adds its own key to the allowed signers gains nothing."""
    key = tmp_path / "ali"
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(key)], check=True)
    signers = newsroom / ".redaksi-signers"
    signers.write_text(f"ali@kabar.test {(tmp_path / 'ali.pub').read_text().strip()}\n")
    config = newsroom / "redaksi.yaml"
    config.write_text(
        config.read_text() + "require_signed: true\nallowed_signers: .redaksi-signers\n"
    )
    git(newsroom, "add", "-A")
    git(newsroom, "commit", "-qm", "signed only")
    git(newsroom, "branch", "-M", "main")
    git(newsroom, "checkout", "-q", "-b", "pr")
    git(newsroom, "config", "gpg.format", "ssh")
    git(newsroom, "config", "user.signingkey", str(key))
    git(newsroom, "config", "commit.gpgsign", "true")
    drafted(cli, newsroom, "Banjir")
    assert rules(cli, newsroom) == []  # checked against the base's file, whatever git is told
    mallory = tmp_path / "mallory"
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(mallory)], check=True)
    with signers.open("a") as out:
        out.write(f"ms@kabar.test {(tmp_path / 'mallory.pub').read_text().strip()}\n")
    commit_as(newsroom, KEYRA, "keys", ".redaksi-signers")
    git(newsroom, "config", "user.signingkey", str(mallory))
    act_as(newsroom, MS)
    assert cli(newsroom, "submit", "banjir").code == 0
    assert rules(cli, newsroom) == ["verify-unsigned", "verify-unsigned"]


# -- found by attacking the fixes --------------------------------------------------------------


def test_a_branch_that_merges_main_keeping_its_old_files_undoes_nothing(published, cli) -> None:
    root, _ = published
    git(root, "checkout", "-q", "-b", "old", "main")
    _on_main(root, cli, (MS, ("correct", "banjir-lumajang", "--note", "Ralat.")))
    git(root, "checkout", "-q", "old")
    env = {**os.environ, "GIT_AUTHOR_NAME": MALLORY[0], "GIT_AUTHOR_EMAIL": MALLORY[1]}
    subprocess.run(
        ["git", "merge", "-q", "-s", "ours", "--no-edit", "main"], cwd=root, env=env, check=True
    )
    assert rules(cli, root, "--head", "old") == ["verify-published-changed"]
    git(root, "checkout", "-q", "-b", "github", "main")  # the merge GitHub makes of it
    git(root, "merge", "-q", "--no-ff", "--no-edit", "old")
    assert rules(cli, root, "--head", "github") == ["verify-published-changed"]


def test_a_tag_that_shadows_the_base_is_refused(published, cli) -> None:
    root, _ = published
    git(root, "update-ref", "refs/remotes/origin/main", "main")
    git(root, "tag", "origin/main", "HEAD")
    result = cli(root, "verify", "--base", "origin/main")
    assert result.code == 2 and "refs/remotes/origin/main" in result.err
    assert cli(root, "verify", "--base", "refs/remotes/origin/main").code == 0


def test_a_branch_that_does_not_contain_the_base_is_a_finding(published, cli) -> None:
    root, _ = published
    git(root, "checkout", "-q", "-b", "stale", "main~1")
    _on_main(root, cli, (MS, ("correct", "banjir-lumajang", "--note", "Ralat.")))
    assert rules(cli, root, "--head", "stale") == ["verify-behind"]


def test_an_honest_merge_of_main_into_a_desk_branch_passes(newsroom: Path, cli) -> None:
    rel = drafted(cli, newsroom, "Banjir")
    edit(newsroom, rel, "Isi berita.", "Paragraf satu.\n\nParagraf dua.")
    assert cli(newsroom, "submit", "banjir").code == 0
    git(newsroom, "branch", "-M", "main")
    git(newsroom, "checkout", "-q", "-b", "desk")
    edit(newsroom, rel, "Paragraf dua.", "Paragraf dua, diperbaiki.")
    commit_as(newsroom, ALI, "polish")
    _on_main(newsroom, cli, (MS, ("approve", "banjir")))
    git(newsroom, "checkout", "-q", "desk")
    act_as(newsroom, ALI)
    git(newsroom, "merge", "-q", "--no-edit", "main")  # git merges the two cleanly
    assert rules(cli, newsroom, "--head", "desk") == []


def test_a_message_with_separator_bytes_is_read_whole(newsroom: Path, cli) -> None:
    rel = drafted(cli, newsroom, "Banjir")
    git(newsroom, "branch", "-M", "main")
    git(newsroom, "checkout", "-q", "-b", "pr")
    edit(newsroom, rel, "Isi berita.", "Isi.")
    commit_as(newsroom, ALI, "odd\x1fmessage\x1e with separators")
    assert rules(cli, newsroom) == []


def test_a_story_turned_into_a_symbolic_link_is_taken_down(published, cli) -> None:
    root, rel = published
    blob = git(root, "rev-parse", f"HEAD:{rel}").strip()
    git(root, "update-index", "--cacheinfo", f"120000,{blob},{rel}")  # same bytes, now a link
    git(root, "commit", "-qm", "tidy")
    assert "verify-not-article" in rules(cli, root)


def test_gitattributes_change_like_the_config(published, cli) -> None:
    root, _ = published
    (root / ".gitattributes").write_text("articles/** working-tree-encoding=UTF-16\n")
    commit_as(root, ALI, "attrs", ".gitattributes")
    assert rules(cli, root) == ["verify-config"]


def test_a_forged_import_that_credits_an_editor_fails(published, cli) -> None:
    root, rel = published
    copy = rel.replace("banjir-lumajang", "skandal")
    text = (root / rel).read_text().replace("banjir-lumajang", "skandal")
    text = text.replace(text.split("id: ")[1][:36], "6f0c7a52-5f1e-4c51-9a53-8e2b61c0d2a4")
    head, _, body = text.partition("\nhistory:")
    history = (
        "\n  - {action: import, to: published, by: keyra@kabar.test, at: 2025-03-01T10:00:00+07:00}"
    )
    imported = "imported: {from: wordpress, id: '9', at: 2025-03-01T10:00:00+07:00}"
    rest = body[body.index("\n---") :]
    (root / copy).write_text(f"{head}\n{imported}\nhistory:{history}{rest}")
    commit_as(root, KEYRA, "import: 1\n\nRedaksi-Action: import\n")
    assert "verify-credit" in rules(cli, root)


def test_four_eyes_holds_for_a_hand_approved_story(newsroom: Path, cli) -> None:
    config = newsroom / "redaksi.yaml"
    config.write_text(
        config.read_text().replace("roles: [reporter]}", "roles: [reporter, editor]}")
        + "four_eyes: true\n"
    )
    git(newsroom, "commit", "-qam", "four eyes")
    drafted(cli, newsroom, "Sendiri")
    assert cli(newsroom, "submit", "sendiri").code == 0
    git(newsroom, "branch", "-M", "main")
    git(newsroom, "checkout", "-q", "-b", "pr")
    config.write_text(config.read_text().replace("four_eyes: true", "four_eyes: false"))
    git(newsroom, "commit", "-qam", "no four eyes")  # redaksi authorises from what is committed
    assert cli(newsroom, "approve", "sendiri").code == 0
    git(newsroom, "rebase", "-q", "--onto", "HEAD~2", "HEAD~1")  # ...and the change is gone again
    assert rules(cli, newsroom) == ["verify-four-eyes"]


def test_a_photo_on_the_record_is_matched_however_its_path_is_spelled(newsroom: Path, cli) -> None:
    rel = drafted(cli, newsroom, "Foto")
    (newsroom / "media" / "2025" / "03").mkdir(parents=True)
    (newsroom / "media" / "2025" / "03" / "a.jpg").write_bytes(b"\xff\xd8\xff\xe0photo")
    edit(newsroom, rel, "created_at:", 'photo: {file: "2025/03/a\\x2Ejpg"}\ncreated_at:')
    git(newsroom, "add", "-A")
    git(newsroom, "commit", "-qm", "photo")
    assert cli(newsroom, "submit", "foto").code == 0
    act_as(newsroom, MS)
    assert cli(newsroom, "approve", "foto").code == 0
    act_as(newsroom, KEYRA)
    assert cli(newsroom, "publish", "foto").code == 0
    git(newsroom, "branch", "-M", "main")
    git(newsroom, "checkout", "-q", "-b", "pr")
    (newsroom / "media" / "2025" / "03" / "a.jpg").write_bytes(b"\xff\xd8\xff\xe0other")
    commit_as(newsroom, ALI, "better photo")
    assert rules(cli, newsroom) == ["verify-media"]
    git(newsroom, "reset", "-q", "--hard", "main")
    (newsroom / "media" / "2025" / "03" / "b.jpg").write_bytes(b"\xff\xd8\xff\xe0new")
    commit_as(newsroom, MALLORY, "a photo")
    assert rules(cli, newsroom) == ["verify-not-staff"]  # photos change only by staff


def test_a_publish_must_record_when_it_happened(newsroom: Path, cli) -> None:
    rel = drafted(cli, newsroom, "Banjir")
    edit(newsroom, rel, "Isi berita.", "Isi.")
    assert cli(newsroom, "submit", "banjir").code == 0
    act_as(newsroom, MS)
    assert cli(newsroom, "approve", "banjir").code == 0
    git(newsroom, "branch", "-M", "main")
    git(newsroom, "checkout", "-q", "-b", "pr")
    act_as(newsroom, KEYRA)
    assert cli(newsroom, "publish", "banjir").code == 0
    stamp = json.loads(cli(newsroom, "show", "banjir", "--format", "json").out)["published_at"]
    edit(newsroom, rel, f"published_at: {stamp}", "published_at: 2019-01-01T00:00:00+07:00")
    git(newsroom, "commit", "-q", "--amend", "-a", "--no-edit")
    assert rules(cli, newsroom) == ["verify-record"]


def test_a_reject_must_carry_its_note(newsroom: Path, cli) -> None:
    rel = drafted(cli, newsroom, "Banjir")
    assert cli(newsroom, "submit", "banjir").code == 0
    git(newsroom, "branch", "-M", "main")
    git(newsroom, "checkout", "-q", "-b", "pr")
    act_as(newsroom, MS)
    assert cli(newsroom, "reject", "banjir", "--note", "Konfirmasi dulu.").code == 0
    edit(newsroom, rel, ", note: Konfirmasi dulu.}", "}")
    git(newsroom, "commit", "-q", "--amend", "-a", "--no-edit")
    assert rules(cli, newsroom) == ["verify-history"]


def test_an_id_and_slug_used_twice_are_findings(published, cli) -> None:
    root, rel = published
    copy = "articles/2019/01/banjir-lumajang.md"
    text = (root / rel).read_text().replace("status: published", "status: draft")
    (root / copy).parent.mkdir(parents=True)
    head, _, rest = text.partition("\neditor:")
    body = rest[rest.index("\ncreated_at:") :]
    created = body.split("\n")[1]
    entry = f"history:\n  - {{action: draft, to: draft, by: ali@kabar.test, at: {created.split(': ')[1]}}}\n"
    (root / copy).write_text(f"{head}\n{created}\n{entry}{body[body.index('---') :]}")
    article_id = head.split("id: ")[1][:36]
    message = (
        f"draft: Banjir\n\nRedaksi-Action: draft\nRedaksi-From: new\nRedaksi-To: draft\n"
        f"Redaksi-Article: {article_id}\nReporter: Ali Ya'lu <ali@kabar.test>\n"
    )
    commit_as(root, ALI, message, copy)
    assert rules(cli, root) == ["verify-duplicate", "verify-duplicate"]


def test_a_folder_spelled_in_capitals_is_not_articles(newsroom: Path, cli) -> None:
    git(newsroom, "branch", "-M", "main")
    git(newsroom, "checkout", "-q", "-b", "pr")
    (newsroom / "Articles" / "2025" / "03").mkdir(parents=True)
    (newsroom / "Articles" / "2025" / "03" / "x.md").write_text("---\nstatus: published\n---\n")
    commit_as(newsroom, MALLORY, "case")
    assert rules(cli, newsroom) == ["verify-not-article"]


def _gpg_key(home: Path, uid: str) -> str:
    subprocess.run(
        [
            "gpg",
            "--batch",
            "--quiet",
            "--passphrase",
            "",
            "--quick-gen-key",
            uid,
            "ed25519",
            "sign",
            "never",
        ],
        env={**os.environ, "GNUPGHOME": str(home)},
        check=True,
        capture_output=True,
    )
    listed = subprocess.run(
        ["gpg", "--batch", "--with-colons", "--list-secret-keys", uid],
        env={**os.environ, "GNUPGHOME": str(home)},
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return next(line.split(":")[9] for line in listed.splitlines() if line.startswith("fpr:"))


def test_a_gpg_key_with_someone_elses_name_does_not_sign_for_them(
    newsroom: Path, cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "gnupg"
    home.mkdir(mode=0o700)
    monkeypatch.setenv("GNUPGHOME", str(home))
    keyra = _gpg_key(home, "Keyra <keyra@kabar.test>")
    forged = _gpg_key(home, "Keyra (really Ali) <keyra@kabar.test>")  # Ali's key, Keyra's name
    config = newsroom / "redaksi.yaml"
    config.write_text(
        config.read_text().replace(
            "email: keyra@kabar.test, roles",
            f"email: keyra@kabar.test, signing_key: {keyra}, roles",
        )
        + "require_signed: true\n"
    )
    git(newsroom, "commit", "-qam", "signed")
    git(newsroom, "branch", "-M", "main")
    git(newsroom, "checkout", "-q", "-b", "pr")
    (newsroom / "redaksi.yaml").write_text(config.read_text() + "# a note\n")
    act_as(newsroom, KEYRA)
    git(newsroom, "config", "commit.gpgsign", "true")
    git(newsroom, "config", "user.signingkey", keyra)
    git(newsroom, "commit", "-qam", "note")
    assert rules(cli, newsroom) == []
    git(newsroom, "config", "user.signingkey", forged)
    git(newsroom, "commit", "-q", "--amend", "--no-edit", "-S")
    assert rules(cli, newsroom) == ["verify-unsigned"]
