"""Post bodies: WordPress HTML to Markdown that means what the page showed."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from redaksi.core.wordpress import body
from redaksi.core.wordpress.markdown import code_span, escape_text


def md(html: str, **featured: str) -> str:
    return body.convert(html, **featured).markdown


def test_classic_bodies_get_paragraphs_and_line_breaks_as_wordpress_gives_them() -> None:
    html = "Satu baris\ndua baris.\n\nParagraf dua.\n<blockquote>Kutipan</blockquote>\nSesudah."
    assert md(html) == "Satu baris\\\ndua baris.\n\nParagraf dua.\n\n> Kutipan\n\nSesudah.\n"


def test_block_editor_bodies_are_left_to_their_markup() -> None:
    html = "<!-- wp:paragraph -->\n<p>Satu\ndua</p>\n<!-- /wp:paragraph -->"
    assert md(html) == "Satu\ndua\n"


def test_preformatted_text_keeps_its_blank_lines() -> None:
    assert md("Kode:\n\n<pre>a\n\nb</pre>") == "Kode:\n\n```\na\n\nb\n```\n"


def test_page_and_teaser_breaks_go() -> None:
    assert md("Awal.<!--more-->\n\n<!--more Baca-->Tengah.<!--nextpage-->Akhir.") == (
        "Awal.\n\nTengah.Akhir.\n"
    )


FEATURED = (
    '[caption id="attachment_7" align="alignnone" width="300"]<a href="https://k.test/f.jpg">'
    '<img class="wp-image-7" src="https://k.test/f-300x200.jpg" alt="" /></a> Foto &amp; cerita'
    "[/caption]Teks."
)


@pytest.mark.parametrize(
    "featured", [{"featured_id": "7"}, {"featured_url": "https://k.test/f.jpg"}]
)
def test_a_caption_around_the_featured_image_becomes_the_photo_caption(
    featured: dict[str, str],
) -> None:
    found = body.convert(FEATURED, **featured)
    assert found.featured_caption == "Foto & cerita"
    assert found.markdown == "Teks.\n"
    assert not found.shortcodes


def test_a_caption_around_another_image_stays_as_picture_and_caption() -> None:
    found = body.convert(FEATURED, featured_id="8")
    assert found.featured_caption is None
    assert found.markdown == "![](https://k.test/f-300x200.jpg)\n\n*Foto & cerita*\n\nTeks.\n"


def test_old_style_caption_attribute() -> None:
    html = '[caption id="attachment_7" caption="Lama"]<img src="https://k.test/f.jpg" />[/caption]'
    assert body.convert(html, featured_id="7").featured_caption == "Lama"


def test_other_shortcodes_are_kept_as_code_and_counted() -> None:
    found = body.convert(
        '[gallery ids="1,2"]\n\n[embed]https://youtu.be/x?a=1[/embed]\n\n[su_box title="x"]'
        "<b>Isi</b>[/su_box] [video] [contact-form-7 id='3'/]"
    )
    assert found.markdown == (
        '`[gallery ids="1,2"]`\n\n`[embed]https://youtu.be/x?a=1[/embed]`\n\n'
        "`[su_box title=\"x\"]`**Isi**`[/su_box]` `[video]` `[contact-form-7 id='3'/]`\n"
    )
    assert found.shortcodes == {
        "gallery": 1,
        "embed": 1,
        "su_box": 1,
        "video": 1,
        "contact-form-7": 1,
    }


def test_a_reporters_brackets_are_not_shortcodes() -> None:
    found = body.convert("Kata [sic] dan [Baca juga: Banjir] dan [[gallery]] ditulis.")
    assert found.markdown == "Kata [sic] dan [Baca juga: Banjir] dan [gallery] ditulis.\n"
    assert not found.shortcodes


def test_frames_become_links_and_scripts_go() -> None:
    found = body.convert(
        '<p>Video:</p><iframe src="https://www.youtube.com/embed/x"></iframe>'
        "<script>alert(1)</script><style>p{}</style><iframe src='javascript:x'></iframe>"
    )
    assert found.markdown == "Video:\n\n<https://www.youtube.com/embed/x>\n"
    assert found.embeds == 1


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>", "\\<script>alert(1)\\</script>\n"),
        ("<p>1. bukan daftar</p>", "1\\. bukan daftar\n"),
        ("<p>- bukan</p><p># bukan</p><p>&gt; bukan</p>", "\\- bukan\n\n\\# bukan\n\n\\> bukan\n"),
        ("<p>5*2 dan file_name</p>", "5\\*2 dan file\\_name\n"),
        ("<p>`kode` dan ~~coret~~</p>", "\\`kode\\` dan \\~\\~coret\\~\\~\n"),
        ("<p>[teks](bukan-tautan)</p>", "\\[teks\\](bukan-tautan)\n"),
        ("<p>&amp;copy; dan a &amp; b</p>", "\\&copy; dan a & b\n"),
        ("<p>C:\\*</p>", "C:\\\\\\*\n"),
        ("<p>Rp 1.000, #TapalKuda, [sic], 3 &lt; 5</p>", "Rp 1.000, #TapalKuda, [sic], 3 < 5\n"),
        ("<table><tr><td>a|b</td></tr></table>", "| a\\|b |\n| --- |\n"),
    ],
)
def test_text_that_looks_like_markup_stays_text(html: str, expected: str) -> None:
    assert md(html) == expected


def test_markup_stays_markup() -> None:
    html = (
        '<h2>Judul</h2><p><strong>Tebal</strong> <em>miring</em> <a href="https://k.test/a">tautan'
        '</a></p><ul><li>satu</li><li>dua</li></ul><p><img src="https://k.test/b.jpg" alt="B"></p>'
    )
    assert md(html) == (
        "## Judul\n\n**Tebal** *miring* [tautan](https://k.test/a)\n\n- satu\n- dua\n\n"
        "![B](https://k.test/b.jpg)\n"
    )


def test_empty_spacer_paragraphs_and_trailing_breaks_go() -> None:
    assert md("<p>Satu<br /></p><p>&nbsp;</p><p>Dua</p>") == "Satu\n\nDua\n"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=60))
def test_unicode_text_survives_whole(text: str) -> None:
    plain = "".join(c for c in text if c.isalpha() or c in "\u200b\u200d\u200c\u200f")
    assert md(f"<p>{plain}</p>") == (plain + "\n" if plain else "")


def test_escape_and_code_span_helpers() -> None:
    assert escape_text("1) a") == "1\\) a"
    assert code_span("a`b") == "``a`b``"
    assert code_span("`a") == "`` `a ``"


def test_same_image_ignores_sizes_and_schemes() -> None:
    assert body.same_image("http://k.test/a-300x200.jpg?x=1", "https://k.test/a.jpg")
    assert not body.same_image("https://k.test/a.jpg", "https://k.test/b.jpg")


@pytest.mark.parametrize(
    ("converted", "tidy"),
    [
        ("a  \t\n\n\n\nb\t", "a\n\nb\n"),  # trailing blanks go, blank lines at most doubled
        ("\n\n  a\n\n", "  a\n"),  # a line's indent stays
        ("a\n\u00a0 \n\n\nb", "a\n\nb\n"),  # a line of no-break spaces is blank
        ("a\\\n\nb\\\nc\\", "a\n\nb\\\nc\n"),  # a hard break that ends a paragraph goes
        ("a\\\\\\  \n", "a\\\\\n"),  # the escaped backslash before it stays
        ("```\nx\\\n\n```\ny\\", "```\nx\\\n\n```\ny\n"),  # code keeps its backslashes
        ("\n \n", ""),
    ],
)
def test_the_markdown_is_tidied(converted: str, tidy: str) -> None:
    assert body._tidy(converted) == tidy


def test_a_caption_finds_its_image_by_class_when_it_has_no_id() -> None:
    html = '[caption]<img class="size-full wp-image-42" src="https://k.test/a.jpg"> Pasar[/caption]'
    assert body.convert(html, featured_id="42").featured_caption == "Pasar"
    other = body.convert(html, featured_id="4")
    assert other.featured_caption is None
    assert other.markdown == "![](https://k.test/a.jpg)\n\n*Pasar*\n"


def test_a_caption_with_no_image_or_no_words_keeps_what_it_has() -> None:
    assert md('[caption id="attachment_9"]Hanya teks[/caption]', featured_id="8") == (
        "*Hanya teks*\n"
    )
    assert md('[caption id="attachment_9"]<img src="https://k.test/a.jpg">[/caption]') == (
        "![](https://k.test/a.jpg)\n"
    )
    plain = md('[caption]<img src="https://k.test/a.jpg"> Kata[/caption]', featured_id="")
    assert plain == "![](https://k.test/a.jpg)\n\n*Kata*\n"


def test_a_caption_around_another_url_than_the_featured_one_stays() -> None:
    found = body.convert(FEATURED, featured_url="https://k.test/g.jpg")
    assert found.featured_caption is None
    assert found.markdown.startswith("![](https://k.test/f-300x200.jpg)")
    assert not body.same_image("", "") and body.same_image(
        "https://a/b-1x2.png?x#y", "http://A/B.png"
    )


@pytest.mark.parametrize(
    ("converted", "tidy"),
    [
        ("a\u00a0\\\n\nb", "a\u00a0\n\nb\n"),  # a no-break space is text, not a blank to strip
        ("a\u00a0", "a\u00a0\n"),
        ("aX\\\n\nb", "aX\n\nb\n"),
        ("  a\\\n\nb", "  a\n\nb\n"),
    ],
)
def test_tidying_takes_only_blanks_and_the_break(converted: str, tidy: str) -> None:
    assert body._tidy(converted) == tidy


def test_a_line_break_in_a_title_or_caption_is_a_space() -> None:
    assert body.text_of("a<br>b") == "a b"
    assert body.text_of("a<br/>b", collapse=False) == "a b"


def test_paragraphs_as_wpautop_makes_them() -> None:
    assert body.autop("a\r\nb\rc\n\nd") == "<p>a<br />\nb<br />\nc</p>\n\n<p>d</p>"
    block = "<!-- wp:paragraph -->\n<p>a\nb</p>"
    assert body.autop(block) == block


def test_each_wrapped_url_shortcode_is_counted() -> None:
    html = "[embed]https://a.test/x[/embed]\n\n[embed]https://b.test/y[/embed]"
    assert body.convert(html).shortcodes == {"embed": 2}


@pytest.mark.parametrize(
    "url", ["https://a/b.jpg?x?y", "https://a/b.jpg#x#y", "https://a/b-300x200.jpg#f"]
)
def test_one_upload_whatever_its_query_or_fragment(url: str) -> None:
    assert body.same_image(url, "https://a/b.jpg")
    assert body.same_image("//a/b.jpg", "//a/b.jpg")


def test_headings_are_hashes_and_other_punctuation_stays_plain() -> None:
    assert md("<h2>Judul</h2><h1>Satu</h1><p>1+1=2, a-b! (c) {d}</p>") == (
        "## Judul\n\n# Satu\n\n1+1=2, a-b! (c) {d}\n"
    )


def test_a_code_span_ending_in_a_backquote_is_padded() -> None:
    assert code_span("a`") == "`` a` ``"
    assert code_span("`a") == "`` `a ``"
    assert code_span("a") == "`a`"
