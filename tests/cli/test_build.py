"""redaksi build: the public site from HEAD, what it shows and hides, and how it writes."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import git, snapshot
from tests.sitekit import article, commit, site_newsroom

DATA = Path(__file__).resolve().parents[1] / "data"
PAGE = "2025/03/{}/index.html"


@pytest.fixture
def site(newsroom: Path) -> Path:
    """A newsroom with one story in each state, a photo, a correction and a retraction."""
    site_newsroom(newsroom)
    (newsroom / "media").mkdir()
    shutil.copy(DATA / "gps.jpg", newsroom / "media" / "pasar.jpg")
    article(
        newsroom,
        "pasar",
        category="Ekonomi",
        title='Pasar <Baru> & "Lama" 🚀 שלום',
        at="2025-03-04T16:17:00+07:00",
        photo={"file": "pasar.jpg", "caption": "Los <sayur> pagi", "credit": "Ali Ya'lu"},
        updated_at="2025-03-05T08:00:00+07:00",
        corrections=[
            {"at": "2025-03-05T08:00:00+07:00", "type": "ralat", "note": "Angka <b>diperbaiki</b>."}
        ],
        body="Probolinggo,- Isi <script>alert(1)</script> [klik](javascript:alert(1)) [aman](https://a.test/).\n",
    )
    article(newsroom, "pasar-lama", category="Ekonomi", at="2025-03-02T10:00:00+07:00")
    article(
        newsroom,
        "dicabut",
        status="retracted",
        at="2025-03-03T10:00:00+07:00",
        body="Probolinggo,- RAHASIA-BODY yang dicabut. (*)\n",
        photo={"file": "pasar.jpg", "caption": "x", "credit": "y"},
        retraction={
            "at": "2025-03-04T10:00:00+07:00",
            "ground": "anak",
            "reason": "Nama anak.",
            "public_title": "Judul Pengganti",
        },
    )
    for state in ("draft", "review", "edit", "scheduled"):
        article(newsroom, f"meja-{state}", status=state, at="2025-03-04T09:00:00+07:00")
    article(
        newsroom,
        "embargo",
        at="2025-03-04T09:00:00+07:00",
        embargo_until="2025-03-09T00:00:00+07:00",
    )
    commit(newsroom)
    return newsroom


def _build(cli, root: Path, *args: str) -> Path:
    result = cli(root, "build", "--now", "2025-03-05T12:00:00+07:00", *args)
    assert result.code == 0, result.err
    return root / "_site"


def test_only_what_readers_may_see_is_built(site: Path, cli) -> None:
    out = _build(cli, site)
    pages = {p for p in snapshot(out) if p.endswith("index.html") and p.startswith("2025/")}
    assert pages == {PAGE.format(s) for s in ("pasar", "pasar-lama", "dicabut")}
    everything = b"".join(snapshot(out).values()).decode("utf-8", "replace")
    for hidden in ("meja-draft", "meja-review", "meja-edit", "meja-scheduled", "embargo"):
        assert hidden not in everything
    later = cli(site, "build", "--out", "later", "--now", "2025-03-10T00:00:00+07:00")
    assert later.code == 0 and (site / "later" / PAGE.format("embargo")).is_file()


def test_the_article_page_reads_like_the_seed(site: Path, cli) -> None:
    html = (_build(cli, site) / PAGE.format("pasar")).read_text()
    assert '<html lang="id">' in html
    assert "Ekonomi</a> · <time" in html and "4 Mar 2025 16:17 WIB" in html
    assert "<h1>Pasar &lt;Baru&gt; &amp; &#34;Lama&#34; 🚀 שלום</h1>" in html
    assert (
        'src="../../../media/pasar.jpg" alt="Los &lt;sayur&gt; pagi" width="32" height="18" fetchpriority="high"'
        in html
    )
    assert "(foto: Ali Ya&#39;lu)" in html
    assert "<p><strong>Probolinggo,-</strong> Isi &lt;script&gt;" in html
    assert 'href="javascript' not in html and '<a href="https://a.test/">aman</a>' in html
    assert re.search(
        r"Editor</dt><dd>Mohammad S.*Publisher</dt><dd>Keyra.*Reporter</dt><dd>Ali", html
    )
    assert "Baca Lainnya" in html and "Judul pasar-lama" in html
    assert (
        '<a href="#koreksi">' in html
        and "<strong>Ralat</strong>" in html
        and "5 Mar 2025 08:00 WIB" in html
    )
    assert "Angka &lt;b&gt;diperbaiki&lt;/b&gt;." in html
    assert '<meta property="og:image" content="https://kabar.test/media/pasar.jpg">' in html
    og = dict(re.findall(r'<meta property="og:(\w+)" content="([^"]*)">', html))
    assert og["title"] == "Pasar &lt;Baru&gt; &amp; &#34;Lama&#34; 🚀 שלום"
    assert og["url"] == "https://kabar.test/2025/03/pasar/" and og["type"] == "article"
    assert og["description"].startswith("Probolinggo,- Isi &lt;script&gt;")
    ld = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html).group(1))
    assert ld["headline"] == 'Pasar <Baru> & "Lama" 🚀 שלום'
    assert ld["@type"] == "NewsArticle" and ld["datePublished"] == "2025-03-04T16:17:00+07:00"
    assert (
        ld["dateModified"] == "2025-03-05T08:00:00+07:00" and ld["author"][0]["name"] == "Ali Ya'lu"
    )
    assert (
        ld["image"] == ["https://kabar.test/media/pasar.jpg"]
        and ld["publisher"]["name"] == "Kabar Test"
    )
    # the body is on the page once: not again as JSON-LD's optional articleBody, which every
    # reader would download twice (and which made a build of 10,000 stories a third slower)
    assert "articleBody" not in ld


def test_a_retracted_story_shows_only_its_notice(site: Path, cli) -> None:
    out = _build(cli, site)
    html = (out / PAGE.format("dicabut")).read_text()
    assert "Judul Pengganti" in html and "Judul dicabut" not in html
    assert (
        "melindungi masa depan anak" in html
        and "Nama anak." in html
        and "4 Mar 2025 10:00 WIB" in html
    )
    assert '<meta name="robots" content="noindex">' in html and "<img" not in html
    ld = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html).group(1))
    assert "articleBody" not in ld and "image" not in ld
    everything = b"".join(snapshot(out).values()).decode("utf-8", "replace")
    assert "RAHASIA-BODY" not in everything
    for name in ("feed.xml", "feed.json", "news-sitemap.xml", "sitemap.xml", "index.html"):
        assert "dicabut" not in (out / name).read_text(), name


def test_feeds_and_sitemaps(site: Path, cli) -> None:
    import feedparser

    out = _build(cli, site)
    rss = feedparser.parse((out / "feed.xml").read_bytes())
    assert not rss.bozo, rss.get("bozo_exception")
    assert next(e.title for e in rss.entries) == 'Pasar <Baru> & "Lama" 🚀 שלום'
    guid = rss.entries[0].id
    feed = json.loads((out / "feed.json").read_text())
    import jsonschema

    schema = json.loads((DATA / "jsonfeed-1.1.schema.json").read_text())
    jsonschema.validate(feed, schema, format_checker=jsonschema.FormatChecker())
    assert [i["id"] for i in feed["items"]] == [guid, feed["items"][1]["id"]]
    from xml.etree import ElementTree

    news = ElementTree.parse(out / "news-sitemap.xml").getroot()
    assert [u[0].text for u in news] == [f"https://kabar.test/{PAGE.format('pasar')[:-10]}"]
    urls = [u[0].text for u in ElementTree.parse(out / "sitemap.xml").getroot()]
    assert "https://kabar.test/" in urls and len(urls) == len(set(urls))
    # a correction keeps the guid: readers do not see a new story
    text = (site / "articles/2025/03/pasar.md").read_text()
    (site / "articles/2025/03/pasar.md").write_text(text.replace("Isi", "Isi baru"))
    commit(site, "edit")
    out = _build(cli, site)
    assert feedparser.parse((out / "feed.xml").read_bytes()).entries[0].id == guid


def test_the_same_commit_gives_the_same_bytes_and_rebuilds_write_only_changes(
    site: Path, cli
) -> None:
    first = snapshot(_build(cli, site))
    other = cli(site, "build", "--out", "elsewhere", "--now", "2025-03-05T12:00:00+07:00")
    assert other.code == 0 and snapshot(site / "elsewhere") | {".redaksi-build": b""} == first | {
        ".redaksi-build": b""
    }
    out = site / "_site"
    inode = (out / PAGE.format("pasar-lama")).stat().st_ino
    again = cli(site, "build", "--now", "2025-03-05T12:00:00+07:00")
    assert "(0 ditulis, 0 dihapus)" in again.err
    text = (site / "articles/2025/03/pasar.md").read_text()
    (site / "articles/2025/03/pasar.md").write_text(text.replace("Isi", "Isi kedua"))
    commit(site, "edit")
    changed = cli(site, "build", "--now", "2025-03-05T12:00:00+07:00")
    assert changed.code == 0 and "(3 ditulis, 0 dihapus)" in changed.err  # page, two feeds
    assert (out / PAGE.format("pasar-lama")).stat().st_ino == inode
    assert "Isi kedua" in (out / PAGE.format("pasar")).read_text()


def test_build_reads_the_commit_not_the_working_tree(site: Path, cli) -> None:
    path = site / "articles/2025/03/pasar-lama.md"
    path.write_text(path.read_text().replace("Judul pasar-lama", "Belum di-commit"))
    article(site, "baru-belum-commit")
    out = _build(cli, site)
    assert "Belum di-commit" not in (out / PAGE.format("pasar-lama")).read_text()
    assert not (out / PAGE.format("baru-belum-commit")).exists()


def test_now_defaults_to_the_commit_time(site: Path, cli) -> None:
    assert cli(site, "build").code == 0  # GIT_COMMITTER_DATE is 2025-03-04T09:00 in tests
    assert not (site / "_site" / PAGE.format("pasar")).exists()
    assert (site / "_site" / PAGE.format("pasar-lama")).exists()


def test_a_folder_redaksi_did_not_write_is_refused(site: Path, cli) -> None:
    mine = site / "mine"
    mine.mkdir()
    (mine / "keep.txt").write_text("mine")
    before = snapshot(site)
    result = cli(site, "build", "--out", "mine")
    assert result.code == 2 and ".redaksi-build" in result.err
    assert snapshot(site) == before
    assert cli(site, "build", "--out", "articles/x").code == 2
    assert cli(site, "build", "--now", "kemarin").code == 2


def test_a_removed_story_is_removed_and_a_lost_memory_rebuilds_whole(site: Path, cli) -> None:
    out = _build(cli, site)
    git(site, "rm", "-q", "articles/2025/03/pasar-lama.md")
    commit(site, "remove")
    result = cli(site, "build", "--now", "2025-03-05T12:00:00+07:00")
    assert "1 dihapus" in result.err and not (out / "2025/03/pasar-lama").exists()
    for memory in (site / ".git" / "redaksi").glob("site*"):
        memory.unlink()
    (out / "stray.html").write_text("left by hand")
    again = cli(site, "build", "--now", "2025-03-05T12:00:00+07:00")
    assert again.code == 0 and not (out / "stray.html").exists()
    assert (out / PAGE.format("pasar")).is_file()


def test_redirects_from_old_permalinks(newsroom: Path, cli) -> None:
    site_newsroom(newsroom)
    old = {"from": "wordpress", "site": "https://lama.test", "at": "2025-03-05T00:00:00+07:00"}
    cases = {
        "ok": "https://kabar.test/2019/05/berita-lama/",
        "html": "https://kabar.test/arsip/berita.html",
        "query": "https://kabar.test/?p=123",
        "same": "https://kabar.test/2025/03/same/",
        "clash": "https://kabar.test/feed.xml",
        "escape": "https://kabar.test/a/../../../etc/passwd",
    }
    for n, (slug, url) in enumerate(cases.items()):
        article(newsroom, slug, imported={**old, "id": str(n), "url": url})
    commit(newsroom)
    out = _build(cli, newsroom)
    page = (out / "2019/05/berita-lama/index.html").read_text()
    assert 'content="0; url=../../../2025/03/ok/"' in page and "noindex" in page
    assert 'href="../2025/03/html/"' in (out / "arsip/berita.html").read_text()
    rows = {
        r["from"]: r["reason"]
        for r in json.loads((out / "redirects.json").read_text())["redirects"]
    }
    assert rows == {
        cases["query"]: "query",
        cases["same"]: "same",
        cases["clash"]: "collision",
        cases["escape"]: "unsafe",
    }
    assert (out / "feed.xml").read_text().startswith("<?xml")
    assert not (newsroom / "etc").exists() and not (newsroom.parent / "etc").exists()


def test_templates_can_be_overridden_from_the_commit(site: Path, cli) -> None:
    (site / "templates").mkdir()
    (site / "templates" / "style.css").write_text("body { color: teal; }\n")
    commit(site, "our style")
    out = _build(cli, site)
    assert (out / "style.css").read_text() == "body { color: teal; }\n"


def test_a_partial_clone_without_the_articles_exits_4(site: Path, cli, tmp_path: Path) -> None:
    git(site, "config", "uploadpack.allowFilter", "true")
    clone = tmp_path / "partial"
    git(
        tmp_path, "clone", "-q", "--filter=blob:none", "--no-checkout", f"file://{site}", str(clone)
    )
    git(clone, "checkout", "-q", "HEAD", "--", "redaksi.yaml")  # only the config is fetched
    result = cli(clone, "build", "--now", "2025-03-05T12:00:00+07:00")
    assert result.code == 4 and "partial" in result.err
    assert "articles/2025/03/" in result.err  # named by its file, not by git's object id
    assert not (clone / "_site").exists()
    # git 2.39's clone --filter marks the remote a promisor (no extensions.partialclone): the
    # missing articles are found before any is read
    from redaksi.infra import tree

    with tree.Snapshot(clone, "HEAD", ["articles"]) as snap:
        assert snap.missing(list(snap.files)) == sorted(snap.files)


def test_a_partial_clone_without_a_photo_names_the_photo(
    site: Path, cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Named as media/<file>; the commit is walked for missing objects once, not per check."""
    from redaksi.infra import tree

    walks: list[tuple[str, ...]] = []
    real_git = tree._git

    def counting(root: Path, *args: str) -> bytes | None:
        if args[0] == "rev-list":
            walks.append(args)
        return real_git(root, *args)

    monkeypatch.setattr(tree, "_git", counting)
    git(site, "config", "uploadpack.allowFilter", "true")
    clone = tmp_path / "partial"
    git(
        tmp_path, "clone", "-q", "--filter=blob:none", "--no-checkout", f"file://{site}", str(clone)
    )
    git(clone, "checkout", "-q", "HEAD", "--", "redaksi.yaml", "articles")  # not media/
    result = cli(clone, "build", "--now", "2025-03-05T12:00:00+07:00")
    assert result.code == 4 and "media/pasar.jpg" in result.err, result.err
    assert not (clone / "_site").exists()
    assert len(walks) == 1


def test_an_object_git_lost_is_named_without_waiting_forever(
    newsroom: Path, cli, tmp_path: Path
) -> None:
    """A blob gone from a full clone (a broken disk, a hand-pruned object): exit 4 naming the
    article, even when git still has many answers to give that nobody will read."""
    import subprocess
    import sys

    site_newsroom(newsroom)
    paragraph = "Probolinggo,- " + "Isi berita yang panjang sekali. " * 300 + "(*)\n"
    for n in range(80):  # their answers (770 KB) fill a pipe and a reader's buffer over
        article(
            newsroom, f"berita-{n}", at=f"2025-03-{1 + n % 28:02d}T10:00:00+07:00", body=paragraph
        )
    commit(newsroom)
    versions = git(newsroom, "ls-tree", "-r", "HEAD", "--", "articles").split("\n")
    first = sorted(line.split()[2] for line in versions if line)[0]  # the first asked for
    (newsroom / ".git" / "objects" / first[:2] / first[2:]).unlink()
    lost = git(newsroom, "ls-tree", "-r", "--name-only", "HEAD", "--", "articles")
    path = next(p for p in lost.split() if git(newsroom, "rev-parse", f"HEAD:{p}").strip() == first)
    done = subprocess.run(
        [sys.executable, "-m", "redaksi", "build", "--now", "2025-03-30T12:00:00+07:00"],
        cwd=newsroom,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 4 and path in done.stderr, done.stderr


def test_a_template_changed_after_a_build_is_used_not_its_remembered_code(site: Path, cli) -> None:
    from redaksi.services.site import packaged_templates

    out = _build(cli, site)
    assert list((site / ".git" / "redaksi").glob("site-code"))  # the compiled code is kept
    page = out / PAGE.format("pasar")
    assert "DIUBAH-REDAKSI" not in page.read_text()
    (site / "templates").mkdir()
    article_html = packaged_templates()["article.html"]
    changed = article_html.replace(
        '<meta property="og:type"', '<meta name="DIUBAH-REDAKSI">\n<meta property="og:type"'
    )
    assert changed != article_html
    (site / "templates" / "article.html").write_text(changed)
    commit(site, "our article page")
    _build(cli, site)
    assert "DIUBAH-REDAKSI" in page.read_text()


def test_a_change_rewrites_only_the_parts_of_the_memory_it_touches(site: Path, cli) -> None:
    import marshal

    def versions() -> set[str]:
        listing = git(site, "ls-tree", "-r", "HEAD", "--", "articles").splitlines()
        return {line.split()[2] for line in listing if line.endswith(".md")}

    def remembered() -> dict[str, tuple[int, bytes]]:
        """Each part by name: its inode (a rewritten part is a new file) and its bytes."""
        folder = site / ".git" / "redaksi"
        return {p.name: (p.stat().st_ino, p.read_bytes()) for p in folder.glob("site-stories-*")}

    _build(cli, site)
    before, first = versions(), remembered()
    path = site / "articles" / "2025" / "03" / "pasar-lama.md"
    path.write_text(path.read_text().replace("(*)", "Diperbarui. (*)"))
    commit(site, "edit")
    _build(cli, site)
    after, second = versions(), remembered()
    (old,), (new,) = before - after, after - before
    rewritten = {name for name in second if first.get(name, (0,))[0] != second[name][0]}
    assert rewritten == {f"site-stories-{old[0]}", f"site-stories-{new[0]}"}
    kept = set()
    for _, data in second.values():
        kept |= set(marshal.loads(data)[2])
    assert kept == after


def test_an_english_newsroom_gets_an_english_site(site: Path, cli) -> None:
    config = site / "redaksi.yaml"
    config.write_text(config.read_text().replace("language: id", "language: en"))
    git(site, "commit", "-qam", "English")
    out = _build(cli, site)
    html = (out / PAGE.format("pasar")).read_text()
    assert '<html lang="en">' in html and "4 Mar 2025 16:17 WIB" in html
    assert "More from this category" in html and "Baca Lainnya" not in html
    assert "(photo: Ali Ya&#39;lu)" in html and "<strong>Erratum</strong>" in html
    retracted = (out / PAGE.format("dicabut")).read_text()
    assert "to protect a child&#39;s future" in retracted and "Dicabut" not in retracted
    assert 'property="og:locale" content="en' in html
    assert "Berita Terkini" not in (out / "index.html").read_text()


def test_pages_rendered_in_worker_processes_equal_those_rendered_here(
    site: Path, cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A large build reads new stories and renders in workers started by a fork server (the
    whole-site pages here): the stories and the site, byte for byte, are those a small build
    reads and renders in one process."""
    from redaksi.services import site as building
    from redaksi.services import siteread

    here, there = site / "here", site / "there"
    _build(cli, site, "--out", "here")
    memory = site / ".git" / "redaksi"
    remembered = {f.name: f.read_bytes() for f in memory.glob("site-stories-*")}
    assert remembered
    for kept in memory.glob("site-stories-*"):
        kept.unlink()
    monkeypatch.setattr(building, "PARALLEL_FROM", 1)
    monkeypatch.setattr(building, "BATCH", 2)  # several batches in flight
    monkeypatch.setattr(building, "PARSE_BATCH", 2)

    def not_here(*args: object) -> None:
        raise AssertionError("a story was parsed in the builder, not in a worker")

    monkeypatch.setattr(siteread, "parse_story", not_here)
    _build(cli, site, "--out", "there")
    assert {f.name: f.read_bytes() for f in memory.glob("site-stories-*")} == remembered
    monkeypatch.undo()
    monkeypatch.setattr(building, "PARALLEL_FROM", 1)
    mine, theirs = snapshot(here), snapshot(there)
    del mine[".redaksi-build"], theirs[".redaksi-build"]  # each folder's own token
    assert mine == theirs
    kinds = {"sitemap.xml", "news-sitemap.xml", "feed.xml", "feed.json", "redirects.json"}
    assert kinds <= set(mine) and any(p.endswith("/index.html") for p in mine)
    # the memory lost: a whole build again, the unchanged pages linked from the old site
    for kept in (site / ".git" / "redaksi").glob("site-*"):
        kept.unlink()
    again = cli(site, "build", "--now", "2025-03-05T12:00:00+07:00", "--out", "there")
    assert again.code == 0 and "(0 ditulis, 0 dihapus)" in again.err, again.err
    left = snapshot(there)
    del left[".redaksi-build"]
    assert left == mine


def test_a_parallel_build_leaves_every_template_compiled_for_the_next(
    site: Path, cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Compiled once in the builder, before the workers start: they get the code, and the
    next build (one page changed, rendered here) compiles nothing."""
    import jinja2

    from redaksi.services import site as building

    monkeypatch.setattr(building, "PARALLEL_FROM", 1)
    _build(cli, site)
    monkeypatch.setattr(building, "PARALLEL_FROM", 2000)
    compiled: list[str] = []
    original = jinja2.Environment.compile

    def counting(self: jinja2.Environment, source: str, name: str | None = None, *a, **k):
        compiled.append(str(name))
        return original(self, source, name, *a, **k)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    path = site / "articles" / "2025" / "03" / "pasar-lama.md"
    path.write_text(path.read_text().replace("(*)", "Diperbarui. (*)"))
    commit(site, "edit")
    _build(cli, site)
    assert compiled == []


@pytest.mark.parametrize("workers", [False, True])
def test_a_template_that_fails_is_named_in_one_line(
    site: Path, cli, monkeypatch: pytest.MonkeyPatch, workers: bool
) -> None:
    """A newsroom's own template that fails (here: divides by zero) is named, with the page,
    in one line and exit 4, whether it failed here or in a worker; no fork server is left."""
    from multiprocessing import forkserver

    from redaksi.services import site as building

    if workers:
        monkeypatch.setattr(building, "PARALLEL_FROM", 1)
    (site / "templates").mkdir()
    (site / "templates" / "article.html").write_text("{{ 1 // 0 }}\n")
    commit(site, "a broken template")
    result = cli(site, "build", "--now", "2025-03-05T12:00:00+07:00")
    assert result.code == 4 and result.err.count("\n") == 1, result.err
    assert result.err.startswith("redaksi: templates/article.html ")
    assert "ZeroDivisionError" in result.err and "/index.html" in result.err
    assert "unexpected" not in result.err and "tak terduga" not in result.err
    assert not (site / "_site").exists()
    assert forkserver._forkserver._forkserver_pid is None


def test_a_manifest_kept_in_many_pieces_reads_back_whole(
    site: Path, cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One page a piece: the next build knows every page it wrote and writes none again."""
    from redaksi.infra import sitewrite

    monkeypatch.setattr(sitewrite, "PIECE", 1)
    _build(cli, site)
    again = cli(site, "build", "--now", "2025-03-05T12:00:00+07:00")
    assert again.code == 0 and "(0 ditulis, 0 dihapus)" in again.err, again.err


def test_a_rebuild_after_an_edit_reads_it_without_loading_libyaml(site: Path, cli) -> None:
    """A few new stories are read by the exact reader alone: loading PyYAML's libyaml reader
    took longer than reading them (a tenth of a one-change rebuild)."""
    import subprocess
    import sys

    _build(cli, site)
    path = site / "articles" / "2025" / "03" / "pasar-lama.md"
    path.write_text(path.read_text().replace("(*)", "Diperbarui hari ini. (*)"))
    commit(site, "edit")
    code = (
        "import sys\n"
        "sys.argv = ['redaksi', 'build', '--now', '2025-03-05T12:00:00+07:00']\n"
        "from redaksi.cli.app import main\n"
        "try:\n    main()\nexcept SystemExit as e:\n    assert e.code == 0, e.code\n"
        "print('yaml' in sys.modules, file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=site, capture_output=True, text=True)
    assert done.stderr.strip().splitlines()[-1] == "False", done.stderr
    assert "Diperbarui hari ini." in (site / "_site" / PAGE.format("pasar-lama")).read_text()


@pytest.mark.parametrize("workers", [False, True])
def test_a_rebuild_that_fails_on_one_page_leaves_the_site_as_it_was(
    site: Path, cli, monkeypatch: pytest.MonkeyPatch, workers: bool
) -> None:
    """Every page changes (a new template) and the last story's fails: the pages rendered
    before it are not put in place, the site stays byte for byte, and the next build that
    works writes every page."""
    from redaksi.services import site as building

    if workers:
        monkeypatch.setattr(building, "PARALLEL_FROM", 1)
    out = _build(cli, site)
    before = snapshot(out)
    shipped = (Path(building.__file__).parent.parent / "templates" / "article.html").read_text()
    (site / "templates").mkdir()
    failing = "{% if story.slug == 'pasar-lama' %}{{ 1 // 0 }}{% endif %}<!-- new -->" + shipped
    (site / "templates" / "article.html").write_text(failing)
    commit(site, "a template that fails on one story")
    result = cli(site, "build", "--now", "2025-03-05T12:00:00+07:00")
    assert result.code == 4 and "pasar-lama" in result.err, result.err
    assert snapshot(out) == before
    assert not [p.name for p in site.iterdir() if p.name.startswith(".") and "redaksi" in p.name]
    (site / "templates" / "article.html").write_text("<!-- ours -->" + shipped)
    commit(site, "the template mended")
    again = cli(site, "build", "--now", "2025-03-05T12:00:00+07:00")
    assert again.code == 0, again.err
    pages = [p for p in before if p.startswith("2025/03/") and p.endswith("/index.html")]
    assert pages and all("<!-- ours -->" in (out / p).read_text() for p in pages)


_HELD = """
import sys, time
from pathlib import Path
from redaksi.services import site

site.PARALLEL_FROM = 1  # stories parsed and pages rendered in workers
READY = Path(sys.argv[1])

def held(*args, **kwargs):
    READY.write_text("planning")  # the workers are running: hold here
    while True:
        time.sleep(0.05)

site.plan = held
if __name__ == "__main__":
    sys.argv = ["redaksi", "build", "--now", "2025-03-05T12:00:00+07:00"]
    from redaksi.cli.app import main
    main()
"""


def _descendants(pid: int) -> list[int]:
    try:
        found = [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []
    return found + [grandchild for child in found for grandchild in _descendants(child)]


def test_sigterm_stops_a_build_and_its_workers(site: Path, tmp_path: Path) -> None:
    """kill (docker stop, a cancelled CI job) while workers run: exit 143, the fork server and
    its workers gone, no temporary folder and no site left."""
    import subprocess
    import sys
    import time

    (tmp_path / "held.py").write_text(_HELD)
    ready = tmp_path / "ready"
    build = subprocess.Popen([sys.executable, str(tmp_path / "held.py"), str(ready)], cwd=site)
    try:
        for _ in range(600):  # (until the workers are up: a deadline, not a timing)
            if ready.exists() or build.poll() is not None:
                break
            time.sleep(0.05)
        assert ready.exists(), "the build never reached planning"
        family = _descendants(build.pid)  # git, the fork server, its workers and their git
        assert len(family) >= 4, "no worker processes were started"
        build.terminate()
        assert build.wait(timeout=60) == 143
    finally:
        if build.poll() is None:  # (a failed check above: still end it the clean way)
            build.terminate()
            build.wait(timeout=60)
    for pid in family:  # (an exited child may linger as a zombie until reaped)
        state = Path(f"/proc/{pid}/stat")
        assert not state.exists() or state.read_text().split(") ")[1].startswith("Z")
    left = [p.name for p in site.iterdir() if ".redaksi-" in p.name]
    assert left == [] and not (site / "_site").exists()
