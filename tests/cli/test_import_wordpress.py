"""``redaksi import wordpress``: a WordPress archive moves in through the CLI, in one commit."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest

from redaksi.core import article
from tests.cli.test_transitions import ALI, KEYRA, act_as, trailers
from tests.conftest import STAFF_YAML, git, head, redaksi_bin, snapshot, status
from tests.wxr import Post, export

NOW = "2025-03-04T09:00:00+07:00"
SITE = "https://kabar.test"
CAPTIONED = (
    '[caption id="attachment_201" align="aligncenter" width="640"]'
    '<img class="size-large wp-image-201" src="https://kabar.test/wp-content/uploads/2025/03/'
    'bupati-640x480.jpg" alt="Bupati" /> Bupati Probolinggo, dr. Mohammad Haris[/caption]\n\n'
    "<strong>PROBOLINGGO</strong> &#8211; Bupati meminta OPD bekerja sama.\n"
    "Baris kedua.\n\n<!--more-->\n\nParagraf kedua [sic].\n\n<!--nextpage-->\n\nHalaman dua."
)
UNICODE_TITLE = "Ελληνικά & العربية 👩\u200d👩\u200d👧 zero\u200bwidth"
UNICODE_BODY = "<p>Teks: مرحبا بالعالم، Ελληνικά, emoji 👩\u200d👩\u200d👧, zero\u200bwidth.</p>"


def archive() -> list[Post]:
    """A small newsroom's archive: every state, every kind of item, every trap."""
    return [
        Post(
            101,
            content=CAPTIONED,
            categories=["Pemerintahan", "Ekonomi"],
            tags=["Probolinggo"],
            meta={"_thumbnail_id": "201"},
        ),
        Post(102, "Jadwal Vaksinasi Pekan Depan", status="future", date_gmt="2025-03-10 02:00:00"),
        Post(
            103,
            "Draf Banjir Lumajang",
            status="draft",
            name="",
            date_gmt="0000-00-00 00:00:00",
            modified_gmt="2025-03-02 01:00:00",
        ),
        Post(104, "Menunggu Redaktur", status="pending", name="menunggu-redaktur"),
        Post(105, "Catatan Pribadi", status="private"),
        Post(106, "Berbayar", password="rahasia"),
        Post(107, "Dibuang", status="trash", name="dibuang__trashed"),
        Post(108, "Tentang Kami", type="page"),
        Post(
            201,
            "bupati",
            type="attachment",
            status="inherit",
            attachment_url="https://kabar.test/wp-content/uploads/2025/03/bupati.jpg",
            excerpt="Keterangan dari pustaka media",
        ),
        Post(109, "Beranda", type="nav_menu_item", status="publish"),
        Post(110, UNICODE_TITLE, content=UNICODE_BODY, name="%ce%b5%ce%bb%e2%80%8b"),
        Post(111, name="bupati-larang-opd-kerja-sendiri"),
        Post(112, "Harga Cabai\u0085 Naik", name="harga-cabai-naik"),
        Post(
            113,
            "Galeri Banjir",
            content='<p>Foto:</p>\n[gallery ids="1,2,3"]\n\n[contact-form-7 id="9" title="Kontak"]',
        ),
        Post(114, "Persebaya Menang", categories=["Olahraga", "Ekonomi"]),
        Post(115, "Dari Masa Depan", date_gmt="2025-03-05 00:00:00"),
        Post(116, "", name="tanpa-judul"),
        Post(
            117,
            "Inflasi Jawa Timur",
            categories=["Pemerintahan", "Ekonomi"],
            meta={"_yoast_wpseo_primary_category": "4"},
        ),
        Post(118, "Harga Beras", categories=["ekonomi"]),
    ]


@pytest.fixture
def desk(newsroom: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The test newsroom, with Keyra (a publisher) at the keyboard and the clock fixed."""
    monkeypatch.setenv("REDAKSI_NOW", NOW)
    act_as(newsroom, KEYRA)
    return newsroom


def write_export(tmp_path: Path, posts: list[Post], name: str = "kabar.xml", **options) -> Path:
    path = tmp_path / name
    path.write_text(export(posts, **options), encoding="utf-8")
    return path


def run_import(cli, root: Path, path: Path, *extra: str) -> dict:
    result = cli(root, "import", "wordpress", str(path), "--format", "json", *extra)
    assert result.code == 0, result.err
    return json.loads(result.out)


def front_of(root: Path, rel: str) -> dict:
    _, data = article.parse((root / rel).read_text(encoding="utf-8"))
    return data


def by_id(root: Path, report: dict) -> dict[str, tuple[str, dict]]:
    found = {}
    for rel in report["paths"]:
        data = front_of(root, rel)
        found[data["imported"]["id"]] = (rel, data)
    return found


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict, dict]:
    """One import of the archive, shared by the tests that only read the result.

    Run as a real process, isolated from this machine as conftest's fixtures isolate
    in-process runs (no global git config, fixed committer date, fixed clock).
    """
    folder = tmp_path_factory.mktemp("imported")
    (folder / ".gitconfig").write_text("[init]\n\tdefaultBranch = main\n")
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "LANG", "LC_ALL", "LC_MESSAGES")}
    env.update(
        HOME=str(folder),
        GIT_CONFIG_GLOBAL=str(folder / ".gitconfig"),
        GIT_CONFIG_NOSYSTEM="1",
        GIT_COMMITTER_DATE="2025-03-04T09:00:00+07:00",
        REDAKSI_NOW=NOW,
        REDAKSI_LANGUAGE="en",
    )
    root = folder / "repo"
    root.mkdir()
    (root / "redaksi.yaml").write_text(STAFF_YAML, encoding="utf-8")
    (root / "articles").mkdir()
    (root / "articles" / ".gitkeep").write_text("")
    for args in (
        ["init", "-q"],
        ["config", "user.name", KEYRA[0]],
        ["config", "user.email", KEYRA[1]],
        ["add", "-A"],
        ["commit", "-q", "-m", "newsroom"],
    ):
        subprocess.run(["git", *args], cwd=root, env=env, check=True)
    path = folder / "kabar.xml"
    path.write_text(export(archive()), encoding="utf-8")
    done = subprocess.run(
        [redaksi_bin(), "import", "wordpress", str(path), "--format", "json"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert (
        subprocess.run(
            ["git", "rev-list", "--count", "HEAD"],
            cwd=root,
            env=env,
            capture_output=True,
            text=True,
        ).stdout.strip()
        == "2"
    )
    return root, report, by_id(root, report)


def test_one_commit_by_the_publisher_with_the_import_trailer(imported) -> None:
    root, report, _ = imported
    assert git(root, "log", "-1", "--format=%an <%ae>").strip() == "Keyra <keyra@kabar.test>"
    assert "Redaksi-Action: import" in trailers(root)
    changed = git(root, "show", "--name-status", "--format=", "HEAD").split("\n")
    added = sorted(line.split("\t")[1] for line in changed if line.startswith("A\t"))
    assert added == sorted(report["paths"])
    assert [line for line in changed if line and not line.startswith("A\t")] == ["M\tredaksi.yaml"]
    assert status(root) == ""
    assert report["commit"] == head(root)


def test_states_follow_wordpress_and_dates_are_in_the_newsroom_zone(imported) -> None:
    _root, report, posts = imported
    assert report["imported"] == {"published": 8, "scheduled": 1, "draft": 1, "review": 1}
    rel, published = posts["101"]
    assert rel == "articles/2025/03/bupati-larang-opd-kerja-sendiri.md"
    assert published["status"] == "published"
    assert published["published_at"] == published["created_at"] == "2025-03-03T16:17:00+07:00"
    assert "editor" not in published and "publisher" not in published
    assert published["reporter"] == {"name": "Ali Ya'lu", "email": "ali@kabar.test"}
    assert published["imported"]["url"] == f"{SITE}/bupati-larang-opd-kerja-sendiri/"
    assert published["imported"]["site"] == SITE
    assert published["imported"]["at"] == NOW
    assert published["history"] == [
        {"action": "import", "to": "published", "by": "keyra@kabar.test", "at": NOW}
    ]
    scheduled = posts["102"][1]
    assert scheduled["status"] == "scheduled"
    assert scheduled["publish_at"] == "2025-03-10T09:00:00+07:00"
    assert "published_at" not in scheduled
    assert scheduled["publisher"] == {"name": "Keyra", "email": "keyra@kabar.test"}
    draft_rel, draft = posts["103"]
    assert draft["status"] == "draft"
    assert draft["created_at"] == "2025-03-02T08:00:00+07:00"  # the modified date: GMT was zero
    assert draft_rel == "articles/2025/03/draf-banjir-lumajang.md"
    assert posts["104"][1]["status"] == "review"


def test_skipped_items_are_counted_and_unconvertible_posts_listed(imported) -> None:
    _, report, _ = imported
    assert report["skipped"] == {
        "attachment": 1,
        "menu-item": 1,
        "no-title": 1,
        "page": 1,
        "password": 1,
        "private": 1,
        "published-in-future": 1,
        "trash": 1,
    }
    listed = {(p["id"], p["reason"]) for p in report["skipped_posts"]}
    assert listed == {("116", "no-title"), ("115", "published-in-future")}


def test_slugs_are_decoded_unique_and_plain(imported) -> None:
    _root, report, posts = imported
    slugs = [data["slug"] for _, data in posts.values()]
    assert len(set(slugs)) == len(slugs)
    for rel, data in posts.values():
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", data["slug"]), data["slug"]
        assert rel.endswith(f"/{data['slug']}.md")
    assert posts["111"][1]["slug"] == "bupati-larang-opd-kerja-sendiri-2"
    assert posts["110"][1]["slug"] == "zerowidth"  # Greek and a zero-width space decoded, dropped
    changes = {c["id"]: (c["from"], c["to"]) for c in report["slug_changes"]}
    assert changes["111"] == (
        "bupati-larang-opd-kerja-sendiri",
        "bupati-larang-opd-kerja-sendiri-2",
    )
    assert changes["103"] == ("", "draf-banjir-lumajang")


def test_unicode_survives_whole_and_controls_leave_titles(imported) -> None:
    root, report, posts = imported
    rel, data = posts["110"]
    assert data["title"] == UNICODE_TITLE
    text = (root / rel).read_text(encoding="utf-8")
    assert "مرحبا بالعالم، Ελληνικά, emoji 👩\u200d👩\u200d👧, zero\u200bwidth." in text
    assert posts["112"][1]["title"] == "Harga Cabai Naik"
    assert report["title_control_characters"] == 1


def test_featured_image_becomes_the_photo_with_its_caption(imported) -> None:
    root, report, posts = imported
    rel, data = posts["101"]
    assert data["photo"] == {
        "url": "https://kabar.test/wp-content/uploads/2025/03/bupati.jpg",
        "caption": "Bupati Probolinggo, dr. Mohammad Haris",
    }
    body = article.split((root / rel).read_text(encoding="utf-8")).body
    assert "bupati-640x480" not in body and "[caption" not in body
    assert body.startswith("**PROBOLINGGO** – Bupati meminta OPD bekerja sama.\\\nBaris kedua.")
    assert "<!--" not in body and "Paragraf kedua [sic]." in body and "Halaman dua." in body
    assert report["photos"] == 1


def test_shortcodes_are_kept_visibly_and_counted(imported) -> None:
    root, report, posts = imported
    rel, _ = posts["113"]
    body = article.split((root / rel).read_text(encoding="utf-8")).body
    assert '`[gallery ids="1,2,3"]`' in body
    assert '`[contact-form-7 id="9" title="Kontak"]`' in body
    assert report["shortcodes"] == {"gallery": 1, "contact-form-7": 1}


def test_categories_primary_others_as_tags_and_new_ones_appended(imported) -> None:
    root, report, posts = imported
    first = posts["101"][1]
    assert (first["category"], first["tags"]) == ("Pemerintahan", ["Ekonomi", "Probolinggo"])
    yoast = posts["117"][1]
    assert (yoast["category"], yoast["tags"]) == ("Ekonomi", ["Pemerintahan"])
    sport = posts["114"][1]
    assert (sport["category"], sport["tags"]) == ("Olahraga", ["Ekonomi"])
    assert posts["118"][1]["category"] == "Ekonomi"  # the newsroom's spelling
    assert report["categories_added"] == ["Olahraga"]
    diff = git(root, "diff", "HEAD~1", "HEAD", "--unified=0", "--", "redaksi.yaml")
    changed = [line for line in diff.splitlines() if line[:1] in "+-" and line[:3] not in "+++---"]
    assert changed == [
        "-categories: [Pemerintahan, Ekonomi, Hukum]",
        "+categories: [Pemerintahan, Ekonomi, Hukum, Olahraga]",
    ]


def test_the_result_validates(imported, cli) -> None:
    root, _, _ = imported
    result = cli(root, "validate")
    assert result.code == 0, result.out


def test_importing_again_adds_nothing(desk: Path, cli, tmp_path: Path) -> None:
    path = write_export(tmp_path, archive())
    run_import(cli, desk, path)
    root = desk
    before, files = head(root), snapshot(root)
    result = cli(root, "import", "wordpress", str(path))
    assert result.code == 0, result.err
    assert "nothing new to import" in result.err
    assert "already in the newsroom, left as they are: 11" in result.out
    assert head(root) == before and snapshot(root) == files


def test_a_newer_export_adds_only_what_is_new(desk: Path, cli, tmp_path: Path) -> None:
    root = desk
    posts = by_id(root, run_import(cli, root, write_export(tmp_path, archive())))
    rel = posts["101"][0]
    kept = (root / rel).read_bytes()
    newer = archive()
    newer[0].title = "Judul yang Diubah di WordPress"
    newer.append(Post(120, "Berita Baru Sesudah Ekspor Pertama"))
    report = run_import(cli, root, write_export(tmp_path, newer, "newer.xml", scheme="https"))
    assert report["paths"] == ["articles/2025/03/berita-baru-sesudah-ekspor-pertama.md"]
    assert report["already_imported"] == 11
    assert (root / rel).read_bytes() == kept


def test_dry_run_says_everything_and_writes_nothing(desk: Path, cli, tmp_path: Path) -> None:
    path = write_export(tmp_path, archive())
    before, files = head(desk), snapshot(desk)
    result = cli(desk, "import", "wordpress", str(path), "--dry-run")
    assert result.code == 0, result.err
    assert head(desk) == before and snapshot(desk) == files and status(desk) == ""
    out = result.out
    assert "would import 11 article(s): 8 published, 1 scheduled, 1 draft, 1 in review" in out
    assert "skipped: 8 (" in out and "1 password-protected" in out and "1 trashed" in out
    assert "post 116 '': it has no title" in out
    assert "categories added to redaksi.yaml: Olahraga" in out
    assert "post 111: 'bupati-larang-opd-kerja-sendiri' -> bupati-larang-opd-kerja-sendiri-2" in out
    assert "[gallery] x1" in out
    assert "dry run: nothing was written" in result.err


def test_everyone_but_a_publisher_is_refused(desk: Path, cli, tmp_path: Path) -> None:
    act_as(desk, ALI)
    path = write_export(tmp_path, archive())
    before, files = head(desk), snapshot(desk)
    result = cli(desk, "import", "wordpress", str(path))
    assert result.code == 3, result.err
    assert head(desk) == before and snapshot(desk) == files


MALFORMED = {
    "invalid character": (
        export([Post(1)]).replace("Bupati meminta", "Bupati\x0bmeminta"),
        "not well-formed",
    ),
    "cut short": (export([Post(1)])[:-40], "not well-formed"),
    "not an export": ('<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom"/>', "<"),
    "rss without wxr": ("<rss><channel><item><title>x</title></item></channel></rss>", "WXR"),
    "unknown version": (export([Post(1)], version="1.3"), "1.3"),
    "entities": (
        '<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY a "aaaa">]>\n<rss/>',
        "document type",
    ),
    "empty": ("", "empty"),
}


@pytest.mark.parametrize("case", sorted(MALFORMED))
def test_malformed_exports_are_refused_with_their_position(
    desk: Path, cli, tmp_path: Path, case: str
) -> None:
    text, words = MALFORMED[case]
    path = tmp_path / "broken.xml"
    path.write_text(text, encoding="utf-8")
    before, files = head(desk), snapshot(desk)
    result = cli(desk, "import", "wordpress", str(path))
    assert result.code == 2, result.err
    assert re.match(rf"redaksi: {re.escape(str(path))}:\d+:\d+: ", result.err), result.err
    assert words in result.err and len(result.err.strip().splitlines()) == 1
    assert head(desk) == before and snapshot(desk) == files and status(desk) == ""


def test_malformed_position_is_line_and_column(desk: Path, cli, tmp_path: Path) -> None:
    path = tmp_path / "broken.xml"
    text = export([Post(1)]).replace("Bupati meminta", "Bupati\x0bmeminta")
    path.write_text(text, encoding="utf-8")
    line = text[: text.index("\x0b")].count("\n") + 1
    column = text.index("\x0b") - text.rfind("\n", 0, text.index("\x0b"))
    result = cli(desk, "import", "wordpress", str(path))
    assert f"{path}:{line}:{column}: " in result.err


def test_a_failing_commit_leaves_every_byte(desk: Path, cli, tmp_path: Path) -> None:
    hook = desk / ".git" / "hooks" / "pre-commit"
    hook.write_text("#!/bin/sh\necho 'hook says no' >&2\nexit 1\n")
    hook.chmod(0o755)
    (desk / "notes.txt").write_text("staged work\n")
    git(desk, "add", "notes.txt")
    before, files, index = head(desk), snapshot(desk), status(desk)
    result = cli(desk, "import", "wordpress", str(write_export(tmp_path, archive())))
    assert result.code == 4, result.err
    assert "hook says no" in result.err
    assert head(desk) == before and snapshot(desk) == files and status(desk) == index


def test_uncommitted_config_is_not_swept_into_the_import(desk: Path, cli, tmp_path: Path) -> None:
    config = desk / "redaksi.yaml"
    config.write_text(config.read_text() + "# a note not yet committed\n")
    before, files = head(desk), snapshot(desk)
    result = cli(desk, "import", "wordpress", str(write_export(tmp_path, archive())))
    assert result.code == 3, result.err
    assert head(desk) == before and snapshot(desk) == files


@pytest.mark.parametrize(
    ("version", "scheme", "prefix"), [("1.0", "http", "wp"), ("1.1", "https", "wordpress")]
)
def test_every_wxr_version_and_prefix_reads_the_same(
    desk: Path, cli, tmp_path: Path, version: str, scheme: str, prefix: str
) -> None:
    posts = [Post(1, "Satu"), Post(2, "Dua", status="draft")]
    path = write_export(tmp_path, posts, version=version, scheme=scheme, wp=prefix)
    report = run_import(cli, desk, path)
    assert report["imported"] == {"published": 1, "scheduled": 0, "draft": 1, "review": 0}


def test_missing_export_is_a_usage_error(desk: Path, cli, tmp_path: Path) -> None:
    result = cli(desk, "import", "wordpress", str(tmp_path / "nope.xml"))
    assert result.code == 2 and "does not exist" in result.err


def test_verify_accepts_an_import_commit(imported, cli) -> None:
    root, _, _ = imported
    result = cli(root, "verify", "--base", "HEAD~1")
    assert result.code == 0, result.out


def test_build_will_find_each_old_address(imported) -> None:
    """``build`` writes redirects from ``imported.url``: it must be the post's permalink."""
    _, _, posts = imported
    urls = {pid: data["imported"]["url"] for pid, (_, data) in posts.items()}
    assert urls["101"] == f"{SITE}/bupati-larang-opd-kerja-sendiri/"
    assert urls["103"] == f"{SITE}/?p=103"  # a draft never had a pretty address


def test_parallel_conversion_gives_the_same_newsroom(
    desk: Path, cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Posts converted in worker processes come back in order, whole, as one process makes them."""
    from redaksi.services import wordpress_convert

    many = [Post(n, f"Berita Nomor {n}", content=f"<p>Isi {n}.</p>\n\nDua.") for n in range(1, 80)]
    many[5].name = many[6].name = "sama"  # the slug clash is settled in export order
    path = write_export(tmp_path, many + archive())
    serial = run_import(cli, desk, path, "--dry-run")
    monkeypatch.setattr(wordpress_convert, "PARALLEL_FROM", 1)
    monkeypatch.setattr(wordpress_convert, "CHUNK", 7)
    parallel = run_import(cli, desk, path)
    assert {k: v for k, v in parallel.items() if k not in ("commit", "dry_run")} == {
        k: v for k, v in serial.items() if k not in ("commit", "dry_run")
    }
    assert front_of(desk, "articles/2025/03/sama.md")["imported"]["id"] == "6"
    assert front_of(desk, "articles/2025/03/sama-2.md")["imported"]["id"] == "7"


def big_export(tmp_path: Path) -> Path:
    """Over a megabyte (where the progress bar starts), in a few posts so it stays quick."""
    paragraph = "<p>" + "Warga Probolinggo menyambut program baru bupati. " * 40 + "</p>\n\n"
    posts = [Post(n, f"Panjang {n}", content=paragraph * 12) for n in range(1, 50)]
    path = write_export(tmp_path, posts, "big.xml")
    assert path.stat().st_size > 1 << 20
    return path


def test_a_progress_bar_on_a_terminal_only(desk: Path, cli, tmp_path: Path) -> None:
    pexpect = pytest.importorskip("pexpect")
    path = big_export(tmp_path)
    piped = cli(desk, "import", "wordpress", str(path), "--dry-run")
    assert piped.code == 0 and "Importing" not in piped.err
    child = pexpect.spawn(
        redaksi_bin(),
        ["import", "wordpress", str(path)],
        cwd=str(desk),
        env={**os.environ, "TERM": "xterm", "COLUMNS": "100"},
        encoding="utf-8",
        timeout=60,
        dimensions=(30, 100),
    )
    child.expect("Importing")
    child.expect("100%")
    child.expect("imported 49 article")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_a_post_that_cannot_be_converted_is_listed_not_fatal(
    desk: Path, cli, tmp_path: Path
) -> None:
    nested = "<div>" * 3000 + "Isi" + "</div>" * 3000
    posts = [Post(1, "Biasa"), Post(2, "Bersarang", content=nested), Post(3, "Juga Biasa")]
    result = cli(desk, "import", "wordpress", str(write_export(tmp_path, posts)))
    assert result.code == 0, result.err
    assert "imported 2 article(s): 2 published" in result.out
    assert "post 2 'Bersarang': it could not be converted (RecursionError)" in result.out


def test_a_newsroom_whose_schema_predates_imports_is_told_to_upgrade(
    desk: Path, cli, tmp_path: Path
) -> None:
    from redaksi import schema

    old = json.loads(schema.builtin_text(schema.ARTICLE))
    del old["properties"]["imported"]
    (desk / "schemas").mkdir()
    (desk / "schemas" / schema.ARTICLE).write_text(json.dumps(old), encoding="utf-8")
    git(desk, "add", "-A")
    git(desk, "commit", "-q", "-m", "an old schema")
    before, files = head(desk), snapshot(desk)
    result = cli(desk, "import", "wordpress", str(write_export(tmp_path, [Post(1)])))
    assert result.code == 3, result.err
    assert "redaksi init --upgrade" in result.err
    assert head(desk) == before and snapshot(desk) == files


def test_a_scheduled_import_is_released_in_the_importers_name(
    desk: Path, cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run_import(cli, desk, write_export(tmp_path, archive()))
    monkeypatch.setenv("REDAKSI_NOW", "2025-03-11T09:00:00+07:00")
    act_as(desk, ALI)  # anyone may run release; the decision was the importer's
    result = cli(desk, "release")
    assert result.code == 0, result.err
    front = front_of(desk, "articles/2025/03/jadwal-vaksinasi-pekan-depan.md")
    assert front["status"] == "published"
    assert git(desk, "log", "-1", "--format=%an <%ae>").strip() == "Keyra <keyra@kabar.test>"


def test_an_imported_story_is_found_at_its_old_address_after_build(
    newsroom: Path, cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 14 end to end: import a WXR, build, and the old permalink leads to the new page."""
    from tests.sitekit import site_newsroom

    site_newsroom(newsroom)  # a site url, https://kabar.test/
    git(newsroom, "commit", "-qam", "site")
    monkeypatch.setenv("REDAKSI_NOW", NOW)
    act_as(newsroom, KEYRA)
    posts = [
        Post(101),  # WordPress's /%postname%/ permalink
        Post(102, "Harga Cabai Naik", link=f"{SITE}/2019/05/harga-cabai/"),  # a dated one
        Post(103, "Draf Banjir", status="draft"),  # never public: no old address to keep
    ]
    report = run_import(cli, newsroom, write_export(tmp_path, posts))
    assert report["imported"] == {"published": 2, "scheduled": 0, "draft": 1, "review": 0}
    built = cli(newsroom, "build", "--now", "2025-03-05T12:00:00+07:00")
    assert built.code == 0, built.err
    out = newsroom / "_site"
    for old, slug in (
        ("bupati-larang-opd-kerja-sendiri", "bupati-larang-opd-kerja-sendiri"),
        ("2019/05/harga-cabai", "harga-cabai-naik"),
    ):
        page = out / old / "index.html"
        html = page.read_text(encoding="utf-8")
        [target] = re.findall(r'http-equiv="refresh" content="0; url=([^"]+)"', html)
        assert (page.parent / target / "index.html").resolve() == (
            out / "2025" / "03" / slug / "index.html"
        ).resolve()
        assert (out / "2025" / "03" / slug / "index.html").is_file()
        assert f"https://kabar.test/2025/03/{slug}/" in html
    assert json.loads((out / "redirects.json").read_text())["redirects"] == []
