"""WordPress exports written for the tests (and the benchmark): our own, never WordPress's files.

:func:`export` writes a WXR document the way WordPress lays one out: a channel with the
site, its authors and categories, then one ``<item>`` per post, page or attachment, text
in CDATA. Namespace URIs, prefixes and the version can be varied, as exports in the wild do.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta


@dataclass
class Author:
    login: str = "ali"
    email: str = "ali@kabar.test"
    name: str = "Ali Ya'lu"


@dataclass
class Post:
    id: int
    title: str = "Bupati Larang OPD Kerja Sendiri"
    content: str = "<p>PROBOLINGGO - Bupati meminta OPD bekerja sama.</p>"
    status: str = "publish"
    type: str = "post"
    name: str | None = None
    """post_name; None: made from the title as WordPress does for plain titles."""
    date_gmt: str = "2025-03-03 09:17:00"
    modified_gmt: str | None = None
    creator: str = "ali"
    categories: list[str] = field(default_factory=lambda: ["Pemerintahan"])
    tags: list[str] = field(default_factory=list)
    password: str = ""
    link: str | None = None
    meta: dict[str, str] = field(default_factory=dict)
    attachment_url: str | None = None
    excerpt: str = ""
    comments: int = 0


def _cdata(text: str) -> str:
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def _local(gmt: str) -> str:
    if gmt.startswith("0000"):
        return "2025-03-05 08:00:00"
    return (datetime.fromisoformat(gmt) + timedelta(hours=7)).strftime("%Y-%m-%d %H:%M:%S")


def _nicename(name: str) -> str:
    return "-".join(name.lower().split())


def item(post: Post, site: str, wp: str = "wp") -> str:
    """One ``<item>`` as WordPress writes it."""
    name = post.name if post.name is not None else _nicename(post.title)
    link = post.link or (f"{site}/?p={post.id}" if post.status != "publish" else f"{site}/{name}/")
    modified = post.modified_gmt or (
        post.date_gmt if not post.date_gmt.startswith("0000") else "2025-03-04 01:00:00"
    )
    terms = "".join(
        f'\t\t<category domain="category" nicename="{_nicename(c)}">{_cdata(c)}</category>\n'
        for c in post.categories
    ) + "".join(
        f'\t\t<category domain="post_tag" nicename="{_nicename(t)}">{_cdata(t)}</category>\n'
        for t in post.tags
    )
    meta = "".join(
        f"\t\t<{wp}:postmeta>\n\t\t\t<{wp}:meta_key>{_cdata(k)}</{wp}:meta_key>\n"
        f"\t\t\t<{wp}:meta_value>{_cdata(v)}</{wp}:meta_value>\n\t\t</{wp}:postmeta>\n"
        for k, v in post.meta.items()
    )
    comments = "".join(
        f"\t\t<{wp}:comment>\n\t\t\t<{wp}:comment_id>{n}</{wp}:comment_id>\n"
        f"\t\t\t<{wp}:comment_content>{_cdata('Mantap, pak!')}</{wp}:comment_content>\n"
        f"\t\t</{wp}:comment>\n"
        for n in range(post.comments)
    )
    attachment = (
        f"\t\t<{wp}:attachment_url>{_cdata(post.attachment_url)}</{wp}:attachment_url>\n"
        if post.attachment_url
        else ""
    )
    return (
        "\t<item>\n"
        f"\t\t<title>{_cdata(post.title)}</title>\n"
        f"\t\t<link>{link}</link>\n"
        "\t\t<pubDate>Tue, 04 Mar 2025 09:17:00 +0000</pubDate>\n"
        f"\t\t<dc:creator>{_cdata(post.creator)}</dc:creator>\n"
        f'\t\t<guid isPermaLink="false">{site}/?p={post.id}</guid>\n'
        "\t\t<description></description>\n"
        f"\t\t<content:encoded>{_cdata(post.content)}</content:encoded>\n"
        f"\t\t<excerpt:encoded>{_cdata(post.excerpt)}</excerpt:encoded>\n"
        f"\t\t<{wp}:post_id>{post.id}</{wp}:post_id>\n"
        f"\t\t<{wp}:post_date>{_cdata(_local(post.date_gmt))}</{wp}:post_date>\n"
        f"\t\t<{wp}:post_date_gmt>{_cdata(post.date_gmt)}</{wp}:post_date_gmt>\n"
        f"\t\t<{wp}:post_modified>{_cdata(_local(modified))}</{wp}:post_modified>\n"
        f"\t\t<{wp}:post_modified_gmt>{_cdata(modified)}</{wp}:post_modified_gmt>\n"
        f"\t\t<{wp}:comment_status>{_cdata('open')}</{wp}:comment_status>\n"
        f"\t\t<{wp}:post_name>{_cdata(name)}</{wp}:post_name>\n"
        f"\t\t<{wp}:status>{_cdata(post.status)}</{wp}:status>\n"
        f"\t\t<{wp}:post_parent>0</{wp}:post_parent>\n"
        f"\t\t<{wp}:post_type>{_cdata(post.type)}</{wp}:post_type>\n"
        f"\t\t<{wp}:post_password>{_cdata(post.password)}</{wp}:post_password>\n"
        f"\t\t<{wp}:is_sticky>0</{wp}:is_sticky>\n"
        f"{attachment}{terms}{meta}{comments}"
        "\t</item>\n"
    )


def export(
    posts: list[Post],
    *,
    site: str = "https://kabar.test",
    version: str = "1.2",
    scheme: str = "http",
    wp: str = "wp",
    authors: list[Author] | None = None,
    categories: list[tuple[int, str]] | None = None,
) -> str:
    """A whole export. ``scheme`` and ``wp`` vary the namespace URIs and the prefix."""
    authors = (
        authors if authors is not None else [Author(), Author("keyra", "keyra@kabar.test", "Keyra")]
    )
    categories = categories or [(3, "Pemerintahan"), (4, "Ekonomi"), (5, "Olahraga")]
    ns = f"{scheme}://wordpress.org/export/{version}/"
    head = (
        '<?xml version="1.0" encoding="UTF-8" ?>\n'
        "<!-- This is a WordPress eXtended RSS file generated by the redaksi tests. -->\n"
        f'<rss version="2.0" xmlns:excerpt="{ns}excerpt/"\n'
        '\txmlns:content="http://purl.org/rss/1.0/modules/content/"\n'
        '\txmlns:wfw="http://wellformedweb.org/CommentAPI/"\n'
        '\txmlns:dc="http://purl.org/dc/elements/1.1/"\n'
        f'\txmlns:{wp}="{ns}"\n>\n\n<channel>\n'
        "\t<title>Kabar Probolinggo</title>\n"
        f"\t<link>{site}</link>\n"
        "\t<description>Berita dari Tapal Kuda</description>\n"
        "\t<language>id-ID</language>\n"
        f"\t<{wp}:wxr_version>{version}</{wp}:wxr_version>\n"
        f"\t<{wp}:base_site_url>{site}</{wp}:base_site_url>\n"
        f"\t<{wp}:base_blog_url>{site}</{wp}:base_blog_url>\n"
    )
    people = "".join(
        f"\t<{wp}:author><{wp}:author_id>{n}</{wp}:author_id>"
        f"<{wp}:author_login>{_cdata(a.login)}</{wp}:author_login>"
        f"<{wp}:author_email>{_cdata(a.email)}</{wp}:author_email>"
        f"<{wp}:author_display_name>{_cdata(a.name)}</{wp}:author_display_name>"
        f"</{wp}:author>\n"
        for n, a in enumerate(authors, 1)
    )
    terms = "".join(
        f"\t<{wp}:category><{wp}:term_id>{i}</{wp}:term_id>"
        f"<{wp}:category_nicename>{_cdata(_nicename(n))}</{wp}:category_nicename>"
        f"<{wp}:category_parent>{_cdata('')}</{wp}:category_parent>"
        f"<{wp}:cat_name>{_cdata(n)}</{wp}:cat_name></{wp}:category>\n"
        for i, n in categories
    )
    items = "".join(item(p, site, wp) for p in posts)
    return (
        head
        + people
        + terms
        + "\t<generator>https://wordpress.org/?v=6.5</generator>\n"
        + items
        + "</channel>\n</rss>\n"
    )
