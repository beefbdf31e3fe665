"""What a WordPress item becomes: states, dates, slugs, titles, people, categories, photos."""

from __future__ import annotations

import dataclasses
from collections import Counter
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from redaksi.core.wordpress import posts
from redaksi.core.wordpress.batch import Batch, article_id, site_key
from redaksi.core.wordpress.wxr import Reader
from tests.wxr import Author, Post, export

ZONE = ZoneInfo("Asia/Jakarta")
NOW = datetime(2025, 3, 4, 2, 0, tzinfo=UTC)


def items(*wanted: Post, **options) -> tuple[Reader, list]:
    reader = Reader()
    found = reader.feed(export(list(wanted), **options).encode()) + reader.close()
    return reader, found


def convert(post: Post, attachments=None, **options) -> posts.Post | posts.Skip:
    reader, (item,) = items(post, **options)
    return posts.convert(item, reader.channel, attachments or {}, ZONE, NOW)


@pytest.mark.parametrize(
    ("post", "reason"),
    [
        (Post(1, type="page"), "page"),
        (Post(1, type="attachment", status="inherit"), "attachment"),
        (Post(1, type="nav_menu_item"), "menu-item"),
        (Post(1, type="revision", status="inherit"), "revision"),
        (Post(1, type="product"), "other-type"),
        (Post(1, status="private"), "private"),
        (Post(1, status="trash"), "trash"),
        (Post(1, status="auto-draft"), "auto-draft"),
        (Post(1, password="x"), "password"),
        (Post(1, status="draft", password="x"), "password"),
        (Post(1, status="wc-pending"), "other-status"),
        (Post(1), None),
        (Post(1, status="pending"), None),
    ],
)
def test_routine_skips(post: Post, reason: str | None) -> None:
    _, (item,) = items(post)
    assert posts.routine_skip(item) == reason


@pytest.mark.parametrize(
    ("status", "state"),
    [("publish", "published"), ("future", "scheduled"), ("draft", "draft"), ("pending", "review")],
)
def test_states(status: str, state: str) -> None:
    post = convert(Post(1, status=status, date_gmt="2025-03-03 09:17:00"))
    assert isinstance(post, posts.Post) and post.status == state


def test_dates_come_from_gmt_and_are_written_in_the_newsroom_zone() -> None:
    post = convert(Post(1, date_gmt="2025-03-03 20:30:00"))
    assert isinstance(post, posts.Post)
    assert post.published_at == post.created_at
    assert post.published_at is not None
    assert post.published_at.isoformat() == "2025-03-04T03:30:00+07:00"


def test_a_drafts_zero_date_is_no_date_its_modified_date_stands_in() -> None:
    post = convert(
        Post(1, status="draft", date_gmt="0000-00-00 00:00:00", modified_gmt="2025-03-01 00:00:00")
    )
    assert isinstance(post, posts.Post)
    assert post.created_at.isoformat() == "2025-03-01T07:00:00+07:00"
    assert post.published_at is None


def test_a_scheduled_post_keeps_its_moment_and_was_created_before_now() -> None:
    post = convert(
        Post(1, status="future", date_gmt="2025-04-01 00:00:00", modified_gmt="2025-03-01 00:00:00")
    )
    assert isinstance(post, posts.Post) and post.publish_at is not None
    assert post.publish_at.isoformat() == "2025-04-01T07:00:00+07:00"
    assert post.created_at.isoformat() == "2025-03-01T07:00:00+07:00"


@pytest.mark.parametrize(
    ("post", "reason"),
    [
        (Post(1, ""), "no-title"),
        (Post(1, "<b> </b>"), "no-title"),
        (Post(1, date_gmt="2025-03-05 00:00:00"), "published-in-future"),
    ],
)
def test_posts_that_cannot_be_imported_are_listed(post: Post, reason: str) -> None:
    found = convert(post)
    assert isinstance(found, posts.Skip)
    assert (found.reason, found.routine, found.post_id) == (reason, False, "1")


def test_a_published_post_with_no_date_at_all_is_listed() -> None:
    reader, (item,) = items(Post(1))
    for name in ("wp:post_date_gmt", "wp:post_date", "wp:post_modified_gmt", "wp:post_modified"):
        item.fields[name] = "0000-00-00 00:00:00"
    found = posts.convert(item, reader.channel, {}, ZONE, NOW)
    assert isinstance(found, posts.Skip) and found.reason == "no-date"


@pytest.mark.parametrize(
    ("raw", "title", "removed"),
    [
        ("Bupati &amp; OPD &#8211; &#8220;Satu&#8221;", "Bupati & OPD – “Satu”", 0),
        ("<em>Miring</em> di   judul", "Miring di judul", 0),
        ("Harga\u0085Cabai\u009b Naik", "HargaCabai Naik", 2),
        (
            "Emoji 👩\u200d👩\u200d👧 dan RTL \u200fمرحبا",
            "Emoji 👩\u200d👩\u200d👧 dan RTL \u200fمرحبا",
            0,
        ),
    ],
)
def test_titles(raw: str, title: str, removed: int) -> None:
    assert posts.clean_title(raw) == (title, removed)


@pytest.mark.parametrize(
    ("name", "title", "slug"),
    [
        ("bupati-larang-opd", "x", "bupati-larang-opd"),
        ("kabar-%e2%80%8b-baru", "x", "kabar-baru"),
        ("caf%c3%a9-enak", "x", "cafe-enak"),
        ("na%c3%afve-bupati", "x", "naive-bupati"),
        ("%ce%b5%ce%bb", "Banjir Bandang", "banjir-bandang"),
        ("", "Ελληνικά", "post-7"),
        ("Huruf_BESAR--dan  spasi", "x", "huruf-besar-dan-spasi"),
        ("-".join(["kata"] * 30), "x", "-".join(["kata"] * 24)),
        ("", " ".join(["kata"] * 30), "-".join(["kata"] * 16)),
    ],
)
def test_slugs(name: str, title: str, slug: str) -> None:
    assert posts.wanted_slug(name, title, "7") == slug


def test_reporter_is_the_wordpress_author() -> None:
    post = convert(Post(1, creator="keyra"))
    assert isinstance(post, posts.Post)
    assert post.reporter == {"name": "Keyra", "email": "keyra@kabar.test"}
    assert not post.invented_email


def test_an_author_without_email_gets_an_address_that_reaches_nobody() -> None:
    post = convert(Post(1, creator="Budi S"), authors=[Author("Budi S", "", "Budi Santoso")])
    assert isinstance(post, posts.Post)
    assert post.reporter == {"name": "Budi Santoso", "email": "budi-s@wordpress.invalid"}
    assert post.invented_email


def test_primary_category_from_the_seo_plugin_else_the_first() -> None:
    plain = convert(Post(1, categories=["Ekonomi", "Olahraga"], tags=["Ekonomi", "Bola"]))
    assert isinstance(plain, posts.Post)
    assert (plain.category, plain.tags) == ("Ekonomi", ["Olahraga", "Bola"])
    chosen = convert(
        Post(1, categories=["Ekonomi", "Olahraga"], meta={"rank_math_primary_category": "5"})
    )
    assert isinstance(chosen, posts.Post)
    assert (chosen.category, chosen.tags) == ("Olahraga", ["Ekonomi"])
    none = convert(Post(1, categories=[]))
    assert isinstance(none, posts.Post) and none.category == "Uncategorized"


ATTACHMENTS = {
    "9": posts.Attachment("http://kabar.test/up/a b.jpg", "Dari pustaka", "Ali"),
    "10": posts.Attachment("http://cdn.other.test/b.jpg", "", ""),
}


def test_featured_image_becomes_photo_url_caption_and_credit() -> None:
    post = convert(Post(1, meta={"_thumbnail_id": "9"}), ATTACHMENTS)
    assert isinstance(post, posts.Post)
    assert post.photo == {
        "url": "https://kabar.test/up/a%20b.jpg",
        "caption": "Dari pustaka",
        "credit": "Ali",
    }


@pytest.mark.parametrize(("thumbnail", "why"), [("10", "photo-not-https"), ("11", "photo-missing")])
def test_a_featured_image_that_cannot_be_shown_is_left_out_and_said(
    thumbnail: str, why: str
) -> None:
    post = convert(Post(1, meta={"_thumbnail_id": thumbnail}), ATTACHMENTS)
    assert isinstance(post, posts.Post)
    assert (post.photo, post.photo_dropped) == (None, why)


def test_attachments_are_read_for_featured_images() -> None:
    _, (item,) = items(
        Post(
            9,
            "x",
            type="attachment",
            status="inherit",
            attachment_url="https://k.test/a.jpg",
            excerpt="<em>Keterangan</em>",
            meta={"_media_credit": "Ali"},
        )
    )
    assert posts.attachment_of(item) == (
        "9",
        posts.Attachment("https://k.test/a.jpg", "Keterangan", "Ali"),
    )


def batch(**options) -> Batch:
    defaults = {
        "site": "https://kabar.test",
        "imported_keys": [],
        "taken_slugs": ["banjir"],
        "categories": ["Ekonomi"],
        "importer": {"name": "Keyra", "email": "keyra@kabar.test"},
        "now": NOW,
        "zone": ZONE,
    }
    return Batch(**{**defaults, **options})


def test_slugs_are_unique_across_the_newsroom_and_the_import() -> None:
    b = batch()
    first = b.plan(convert(Post(1, "Banjir", name="banjir")))  # type: ignore[arg-type]
    b.accept(first)
    second = b.plan(convert(Post(2, "Banjir", name="banjir")))  # type: ignore[arg-type]
    b.accept(second)
    assert (first.slug, second.slug) == ("banjir-2", "banjir-3")
    assert b.tally.slug_changes == [("1", "banjir", "banjir-2"), ("2", "banjir", "banjir-3")]


def test_a_plan_not_accepted_reserves_nothing() -> None:
    b = batch()
    b.plan(convert(Post(1, "Bola", name="bola", categories=["Olahraga"])))  # type: ignore[arg-type]
    again = b.plan(convert(Post(2, "Bola", name="bola", categories=["Olahraga"])))  # type: ignore[arg-type]
    assert again.slug == "bola"
    assert b.tally.categories_added == [] and not b.tally.imported


def test_categories_take_the_newsrooms_spelling_and_new_ones_are_added_once() -> None:
    b = batch()
    for number, category in enumerate(["ekonomi", "Olahraga", "olahraga"], 1):
        planned = b.plan(convert(Post(number, f"T{number}", categories=[category])))  # type: ignore[arg-type]
        b.accept(planned)
    assert b.tally.categories_added == ["Olahraga"]


def test_the_same_post_of_the_same_site_is_known_whatever_the_scheme() -> None:
    b = batch(imported_keys=[("http://Kabar.test/", "1")])
    assert b.known("1") and not b.known("2")
    assert site_key("https://kabar.test/") == site_key("http://KABAR.test")
    assert article_id("https://kabar.test", "1") == article_id("http://kabar.test/", "1")
    assert article_id("https://kabar.test", "1") != article_id("https://kabar.test", "2")


def test_the_folder_follows_publication_else_creation() -> None:
    b = batch()
    published = b.plan(convert(Post(1, date_gmt="2024-12-31 20:00:00")))  # type: ignore[arg-type]
    assert published.rel.startswith("articles/2025/01/")
    draft = b.plan(
        convert(
            Post(
                2,
                "D",
                status="draft",
                date_gmt="0000-00-00 00:00:00",
                modified_gmt="2024-11-02 00:00:00",
            )
        )  # type: ignore[arg-type]
    )
    assert draft.rel.startswith("articles/2024/11/")


def test_a_planned_article_is_written_in_full_and_in_order() -> None:
    b = batch(taken_slugs=[], now=datetime(2025, 3, 4, 2, 0, 0, 123, tzinfo=UTC))
    scheduled = posts.Post(
        "7",
        "Banjir",
        "banjir",
        "banjir",
        "scheduled",
        "ekonomi",  # the newsroom's spelling wins, and a tag repeating it goes
        ["Ekonomi", "Sungai"],
        {"name": "Ali", "email": "ali@kabar.test"},
        datetime(2025, 3, 1, 8, 0, 0, 500, tzinfo=ZONE),
        None,
        datetime(2025, 3, 10, 6, 0, 0, 9, tzinfo=ZONE),
        "https://kabar.test/?p=7",
        {"file": "2025/03/a.jpg", "caption": "C", "credit": "K"},
        "Isi.\n",
    )
    planned = b.plan(scheduled)
    assert planned.rel == "articles/2025/03/banjir.md"
    assert planned.text == (
        "---\n"
        f"id: {article_id('https://kabar.test', '7')}\n"
        "title: Banjir\nslug: banjir\nstatus: scheduled\ncategory: Ekonomi\ntags: [Sungai]\n"
        "reporter: {name: Ali, email: ali@kabar.test}\n"
        "publisher: {name: Keyra, email: keyra@kabar.test}\n"
        "created_at: 2025-03-01T08:00:00+07:00\n"
        "publish_at: 2025-03-10T06:00:00+07:00\n"
        'photo: {file: "2025/03/a.jpg", caption: C, credit: K}\n'
        'imported: {from: wordpress, site: "https://kabar.test", id: "7",'
        ' url: "https://kabar.test/?p=7", at: 2025-03-04T09:00:00+07:00}\n'
        "history:\n"
        "  - {action: import, to: scheduled, by: keyra@kabar.test, at: 2025-03-04T09:00:00+07:00}\n"
        "---\nIsi.\n"
    )
    published = posts.Post(
        "8",
        "Pasar",
        "pasar",
        "pasar-lama",
        "published",
        "Ekonomi",
        [],
        {"name": "Ali", "email": "ali@kabar.test"},
        datetime(2025, 2, 27, 8, 0, tzinfo=ZONE),
        datetime(2025, 2, 28, 23, 30, 0, 7, tzinfo=UTC),
        None,
        "",
        None,
        "",
    )
    planned = b.plan(published)
    assert planned.rel == "articles/2025/02/pasar.md"  # the folder of the day it came out
    assert planned.front == {
        "id": article_id("https://kabar.test", "8"),
        "title": "Pasar",
        "slug": "pasar",
        "status": "published",
        "category": "Ekonomi",
        "reporter": {"name": "Ali", "email": "ali@kabar.test"},
        "created_at": "2025-02-27T08:00:00+07:00",
        "published_at": "2025-02-28T23:30:00+00:00",
        "imported": {
            "from": "wordpress",
            "site": "https://kabar.test",
            "id": "8",
            "at": "2025-03-04T09:00:00+07:00",
        },
        "history": [
            {
                "action": "import",
                "to": "published",
                "by": "keyra@kabar.test",
                "at": "2025-03-04T09:00:00+07:00",
            }
        ],
    }


def test_a_post_is_converted_whole() -> None:
    content = (
        '[caption id="attachment_9" align="alignnone"]<img src="https://k.test/a.jpg" />'
        ' Foto banjir[/caption]<p>Isi [gallery ids="1"] teks.</p>'
        '<iframe src="https://youtube.com/x"></iframe>'
    )
    wanted = Post(
        12,
        "Banjir &amp; Longsor\u0085",
        content=content,
        name="banjir-longsor",
        link="https://kabar.test/banjir",
        meta={"_thumbnail_id": "9"},
        tags=["Sungai"],
    )
    found = convert(wanted, {"9": posts.Attachment("https://k.test/a.jpg", "Keterangan", "Ali")})
    at = datetime(2025, 3, 3, 16, 17, tzinfo=ZONE)
    assert found == posts.Post(
        post_id="12",
        title="Banjir & Longsor",
        wanted_slug="banjir-longsor",
        post_name="banjir-longsor",
        status="published",
        category="Pemerintahan",
        tags=["Sungai"],
        reporter={"name": "Ali Ya'lu", "email": "ali@kabar.test"},
        created_at=at,
        published_at=at,
        publish_at=None,
        url="https://kabar.test/banjir",
        photo={"url": "https://k.test/a.jpg", "caption": "Foto banjir", "credit": "Ali"},
        body='Isi `[gallery ids="1"]` teks.\n\n<https://youtube.com/x>\n',
        shortcodes=Counter({"gallery": 1}),
        embeds=1,
        controls_removed=1,
        invented_email=False,
        photo_dropped=None,
    )
    assert isinstance(found, posts.Post) and found.created_at.tzinfo is ZONE
    blank = convert(Post(13, meta={"_thumbnail_id": " "}))
    assert isinstance(blank, posts.Post) and (blank.photo, blank.photo_dropped) == (None, None)


def test_posts_left_behind_are_named_exactly() -> None:
    assert convert(Post(6, "")) == posts.Skip("6", "no-title", "", routine=False)
    reader, (item,) = items(Post(4, "Judul"))
    item.fields["wp:post_id"] = "x1"
    assert posts.convert(item, reader.channel, {}, ZONE, NOW) == posts.Skip(
        "x1", "no-id", "Judul", routine=False
    )
    item.fields["wp:post_id"] = ""
    assert posts.convert(item, reader.channel, {}, ZONE, NOW) == posts.Skip(
        "?", "no-id", "Judul", routine=False
    )
    at_now = convert(Post(3, "Judul", date_gmt="2025-03-04 02:00:00"))  # out at this very second
    assert at_now == posts.Skip("3", "published-in-future", "Judul", routine=False)
    for status in ("publish", "future"):
        reader, (item,) = items(Post(5, "Judul", status=status, modified_gmt="2025-03-01 00:00:00"))
        item.fields["wp:post_date_gmt"] = item.fields["wp:post_date"] = "0000-00-00 00:00:00"
        assert posts.convert(item, reader.channel, {}, ZONE, NOW) == posts.Skip(
            "5", "no-date", "Judul", routine=False
        )


def test_a_draft_dated_this_very_second_was_created_then() -> None:
    draft = convert(
        Post(2, status="draft", date_gmt="2025-03-04 02:00:00", modified_gmt="2025-03-01 00:00:00")
    )
    assert isinstance(draft, posts.Post) and draft.created_at == NOW
    undated = convert(
        Post(1, status="draft", date_gmt="0000-00-00 00:00:00", modified_gmt="0000-00-00 00:00:00")
    )
    assert isinstance(undated, posts.Post)
    assert undated.created_at.isoformat() == "2025-03-05T08:00:00+07:00"  # its local date


def _post(number: int, **changes: object) -> posts.Post:
    base = posts.Post(
        str(number),
        f"Judul {number}",
        f"judul-{number}",
        f"judul-{number}",
        "published",
        "Ekonomi",
        [],
        {"name": "Ali", "email": "ali@kabar.test"},
        datetime(2025, 3, 1, 8, 0, tzinfo=ZONE),
        datetime(2025, 3, 1, 9, 0, tzinfo=ZONE),
        None,
        "",
        None,
        "Isi.\n",
    )
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]  # fields by name


def test_the_tally_adds_up_every_accepted_post_and_every_skip() -> None:
    b = batch(taken_slugs=[])
    photo = {"url": "https://k.test/a.jpg"}
    for post in (
        _post(1, shortcodes=Counter({"gallery": 2}), embeds=1, controls_removed=2, photo=photo),
        _post(
            2,
            status="draft",
            shortcodes=Counter({"gallery": 1, "video": 1}),
            embeds=2,
            controls_removed=1,
            invented_email=True,
            photo_dropped="photo-missing",
        ),
        _post(3, invented_email=True, photo=photo, photo_dropped=None),
    ):
        b.accept(b.plan(post))
    for skip in (posts.Skip("8", "page"), posts.Skip("9", "no-title", routine=False)) * 2:
        b.tally.skip(skip)
    tally = b.tally
    assert tally.imported == Counter({"published": 2, "draft": 1})
    assert tally.shortcodes == Counter({"gallery": 3, "video": 1})
    assert (tally.embeds, tally.controls_removed, tally.invented_emails, tally.photos) == (
        3,
        3,
        2,
        2,
    )
    assert tally.photos_dropped == Counter({"photo-missing": 1})
    assert tally.skipped == Counter({"page": 2, "no-title": 2})
    assert tally.listed == [posts.Skip("9", "no-title", routine=False)] * 2
    assert b.known("1") and b.known("3") and not b.known("4")


def test_a_taken_slug_cut_to_fit_its_number_loses_a_trailing_hyphen() -> None:
    long = "a" * (posts.SLUG_LIMIT - 3) + "-bc"
    b = batch(taken_slugs=[long])
    planned = b.plan(_post(1, wanted_slug=long, post_name=long))
    assert planned.slug == "a" * (posts.SLUG_LIMIT - 3) + "-2"
    assert len(planned.slug) <= posts.SLUG_LIMIT
    dashes = "-a" + "b" * (posts.SLUG_LIMIT - 2)
    b = batch(taken_slugs=[dashes])
    assert b.plan(_post(2, wanted_slug=dashes)).slug.startswith("-a")


def test_tags_naming_the_category_go_and_the_newsrooms_spelling_wins() -> None:
    b = batch(categories=["Ekonomi Daerah"])
    planned = b.plan(_post(1, category="EKONOMI daerah", tags=["ekonomi DAERAH", "Pasar"]))
    assert (planned.front["category"], planned.front["tags"]) == ("Ekonomi Daerah", ["Pasar"])


@pytest.mark.parametrize(
    ("site", "key"),
    [
        ("https://Kabar.test:8443/berita/", "kabar.test:8443/berita"),
        ("https://kabar.test", "kabar.test"),
        ("  /Lokal/Situs/  ", "/lokal/situs"),
        ("kabar", "kabar"),
    ],
)
def test_a_sites_key_keeps_host_port_and_path(site: str, key: str) -> None:
    assert site_key(site) == key


ZERO = "0000-00-00 00:00:00"


@pytest.mark.parametrize(
    ("status", "fields", "posted", "modified"),
    [
        ("publish", {}, datetime(2025, 3, 3, 9, 17, tzinfo=UTC), datetime(2025, 3, 2, tzinfo=UTC)),
        (
            "publish",
            {"wp:post_date_gmt": ZERO, "wp:post_modified_gmt": ZERO},
            datetime(2025, 3, 3, 16, 17, tzinfo=ZONE),  # the local fields, in the newsroom's zone
            datetime(2025, 3, 2, 7, 0, tzinfo=ZONE),
        ),
        (
            "future",
            {"wp:post_date_gmt": ZERO, "wp:post_modified": ZERO, "wp:post_modified_gmt": ZERO},
            datetime(2025, 3, 3, 16, 17, tzinfo=ZONE),
            None,
        ),
        ("draft", {"wp:post_date_gmt": ZERO}, None, datetime(2025, 3, 2, tzinfo=UTC)),
    ],
)
def test_dates_come_from_gmt_and_the_local_fields_stand_in_only_for_zeros(
    status: str, fields: dict[str, str], posted: datetime | None, modified: datetime | None
) -> None:
    _, (item,) = items(Post(1, status=status, modified_gmt="2025-03-02 00:00:00"))
    item.fields.update(fields)
    found = posts._dates(item, ZONE)
    assert found == (posted, modified)
    assert [t.tzinfo if t else None for t in found] == [
        t.tzinfo if t else None for t in (posted, modified)
    ]


def test_an_attachment_gives_its_id_url_caption_and_credit() -> None:
    _, (item,) = items(
        Post(9, "x", type="attachment", status="inherit", attachment_url="https://k.test/a.jpg")
    )
    item.fields.pop("excerpt:encoded", None)
    assert posts.attachment_of(item) == ("9", posts.Attachment("https://k.test/a.jpg", "", ""))
    item.fields["wp:attachment_url"] = ""
    assert posts.attachment_of(item) == ("9", posts.Attachment("https://kabar.test/?p=9", "", ""))
    item.fields["guid"] = ""
    assert posts.attachment_of(item) is None  # no address at all
    _, (other,) = items(Post(9, "x", type="attachment", status="inherit", attachment_url="u"))
    other.fields["wp:post_id"] = ""
    assert posts.attachment_of(other) is None
    _, (post,) = items(Post(9, "x", attachment_url="https://k.test/a.jpg"))
    assert posts.attachment_of(post) is None  # a post, not an attachment


@pytest.mark.parametrize(
    ("site", "key"),
    [("https://K.test/blogX/", "k.test/blogX"), (" kabarX/ ", "kabarx"), ("http://k.test:8080/", "k.test:8080")],
)  # fmt: skip
def test_a_site_key_drops_only_the_end_slash(site: str, key: str) -> None:
    assert site_key(site) == key
