"""Core: a WordPress post's HTML body turned into clean Markdown.

The steps, in the order WordPress itself would apply them: page and teaser breaks
(``<!--more-->``, ``<!--nextpage-->``) go; ``[caption]`` around the featured image becomes the
photo's caption, around any other image a picture and its caption; a classic-editor body
(plain lines, no blocks) gets its paragraphs as ``wpautop`` would give them; every other
shortcode is kept, visibly and inert, as inline code, and counted. Then
:mod:`redaksi.core.wordpress.markdown` writes the Markdown.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

from redaksi.core.wordpress import markdown

_BREAKS = re.compile(r"<!--\s*(more|nextpage|noteaser)\b.*?-->", re.IGNORECASE | re.DOTALL)
_BLOCKS = (
    "p|div|h[1-6]|ul|ol|li|dl|dd|dt|blockquote|table|thead|tbody|tfoot|tr|td|th|pre|figure|"
    "figcaption|hr|iframe|script|style|form|section|article|aside|header|footer|address"
)
_BLOCK_START = re.compile(rf"^<(?:/?(?:{_BLOCKS})(?=[\s/>])|!--)", re.IGNORECASE)
_BLOCK_OPEN = re.compile(rf"<(?:{_BLOCKS})(?=[\s/>])[^>]*>", re.IGNORECASE)
_BLOCK_CLOSE = re.compile(rf"</(?:{_BLOCKS})\s*>|<!--.*?-->", re.IGNORECASE | re.DOTALL)
_PRE = re.compile(r"<pre\b.*?</pre>", re.IGNORECASE | re.DOTALL)
_HELD = re.compile(r"qzwpheld(\d+)qz")
_CAPTION = re.compile(r"\[(caption|wp_caption)\b([^\]]*)\](.*?)\[/\1\]", re.IGNORECASE | re.DOTALL)
_SHORTCODE = re.compile(r"(\[?)\[(/?)([A-Za-z_][\w-]*)((?:\s[^\[\]]*)?)(/?)\](\]?)")
_WRAPPED_URL = re.compile(r"\[([A-Za-z_][\w-]*)([^\[\]]*)\](\s*https?://[^\s<\[\]]+\s*)\[/\1\]")
_ATTR = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'\]]+))""")
_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_LINKED_IMG = re.compile(r"<a\b[^>]*>\s*<img\b[^>]*>\s*</a>", re.IGNORECASE)
_WP_IMAGE = re.compile(r"\bwp-image-(\d+)\b")
_SIZE_SUFFIX = re.compile(r"-\d+x\d+(?=\.[A-Za-z0-9]+$)")
_KEPT = "qzwpkeep{}qz"
_KEPT_BACK = re.compile(r"qzwpkeep(\d+)qz")
KNOWN_SHORTCODES = frozenset(
    {"gallery", "embed", "video", "audio", "playlist", "youtube", "vimeo", "soundcloud", "tweet"}
)
"""Shortcodes recognised even bare (``[gallery]``); others need attributes or a closing tag,
so that ``[sic]`` or ``[Baca juga: ...]`` in a story stay the reporter's words."""


@dataclass
class Body:
    """A body in Markdown, with what the conversion found on the way."""

    markdown: str
    featured_caption: str | None = None
    shortcodes: Counter[str] = field(default_factory=Counter)
    embeds: int = 0


def text_of(fragment: str, *, collapse: bool = True) -> str:
    """The visible text of an HTML fragment: tags dropped, entities decoded, spaces collapsed."""
    if "<" not in fragment and "&" not in fragment:
        text = fragment
    else:
        parser = _Text()
        parser.feed(fragment)
        parser.close()
        text = "".join(parser.parts)
    return " ".join(text.split()) if collapse else text


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag == "br":
            self.parts.append(" ")


def attributes(text: str) -> dict[str, str]:
    """A shortcode's or tag's ``name="value"`` pairs (names lowercased, entities decoded)."""
    return {
        m.group(1).lower(): html.unescape(next(g for g in m.groups()[1:] if g is not None))
        for m in _ATTR.finditer(text)
    }


def same_image(a: str, b: str) -> bool:
    """Whether two image URLs are one upload (WordPress adds ``-300x200`` to resized copies)."""

    def base(url: str) -> str:
        path = url.split("?", 1)[0].split("#", 1)[0].split("://", 1)[-1]
        return _SIZE_SUFFIX.sub("", path).casefold()

    return bool(a) and bool(b) and base(a) == base(b)


def autop(content: str) -> str:
    """Paragraphs for a classic-editor body, as WordPress's ``wpautop`` would make them.

    Block-editor content (``<!-- wp:``) already has its markup and is left alone, as
    WordPress leaves it. ``<pre>`` blocks keep their blank lines.
    """
    if "<!-- wp:" in content:
        return content
    held: list[str] = []

    def hold(match: re.Match[str]) -> str:
        held.append(match.group(0))
        return f"\n\nqzwpheld{len(held) - 1}qz\n\n"

    text = _PRE.sub(hold, content.replace("\r\n", "\n").replace("\r", "\n"))
    text = _BLOCK_OPEN.sub(lambda m: f"\n\n{m.group(0)}", text)
    text = _BLOCK_CLOSE.sub(lambda m: f"{m.group(0)}\n\n", text)
    out = []
    for chunk in (c.strip() for c in re.split(r"\n\s*\n", text)):
        if not chunk:
            continue
        if _BLOCK_START.match(chunk) or _HELD.fullmatch(chunk):
            out.append(chunk)
        else:
            out.append("<p>" + chunk.replace("\n", "<br />\n") + "</p>")
    return _HELD.sub(lambda m: held[int(m.group(1))], "\n\n".join(out))


def convert(content: str, featured_id: str | None = None, featured_url: str | None = None) -> Body:
    """The Markdown of a post's ``content:encoded``, and what was found converting it."""
    body = Body("")
    text = _BREAKS.sub("", content)
    text = _CAPTION.sub(lambda m: _caption(m, body, featured_id, featured_url), text)
    kept: list[str] = []
    text = _WRAPPED_URL.sub(lambda m: _keep(m.group(0), m.group(1), body, kept), text)
    source = text
    text = _SHORTCODE.sub(lambda m: _shortcode(m, body, kept, source), text)
    text = autop(text)
    converted = markdown.convert(text, body)
    converted = _KEPT_BACK.sub(lambda m: markdown.code_span(kept[int(m.group(1))]), converted)
    body.markdown = _tidy(converted)
    return body


def _caption(
    match: re.Match[str], body: Body, featured_id: str | None, featured_url: str | None
) -> str:
    attrs, inner = attributes(match.group(2)), match.group(3)
    image = _IMG.search(inner)
    image_attrs = attributes(image.group(0)[4:]) if image else {}
    number = re.search(r"\d+", attrs.get("id", ""))
    in_class = _WP_IMAGE.search(image_attrs.get("class", ""))
    attachment = number.group(0) if number else (in_class.group(1) if in_class else None)
    caption = text_of(attrs.get("caption") or _IMG.sub("", _LINKED_IMG.sub("", inner)))
    src = image_attrs.get("src", "")
    is_featured = (featured_id is not None and attachment == featured_id) or (
        featured_url is not None and same_image(src, featured_url)
    )
    if is_featured and body.featured_caption is None:
        body.featured_caption = caption or None
        return ""  # the photo is shown apart from the body, with this caption
    figure = f"<p>{image.group(0)}</p>" if image else ""
    return figure + (f"<p><em>{html.escape(caption)}</em></p>" if caption else "")


def _keep(text: str, name: str, body: Body, kept: list[str]) -> str:
    body.shortcodes[name.lower()] += 1
    kept.append(text.strip())
    return _KEPT.format(len(kept) - 1)


def _shortcode(match: re.Match[str], body: Body, kept: list[str], source: str) -> str:
    whole, name = match.group(0), match.group(3)
    if match.group(1) and match.group(6):  # [[gallery]]: how WordPress writes the plain text
        return html.escape(whole[1:-1], quote=False)
    if match.group(2):  # a closing tag: a shortcode only if it was opened
        is_shortcode = re.search(rf"\[{re.escape(name)}[\s\]/]", source) is not None
    else:
        is_shortcode = (
            name.lower() in KNOWN_SHORTCODES
            or "=" in match.group(4)
            or match.group(5) == "/"
            or f"[/{name}]" in source
        )
    if not is_shortcode:
        return whole  # a reporter's bracket ([sic], [Baca juga: ...]), not a shortcode
    inner = whole[len(match.group(1)) : len(whole) - len(match.group(6))]
    if match.group(2):
        kept.append(inner)
        token = _KEPT.format(len(kept) - 1)
    else:
        token = _keep(inner, name, body, kept)
    return match.group(1) + token + match.group(6)


_DANGLING_BREAK = re.compile(r"(?<!\\)((?:\\\\)*)\\$")


def _tidy(text: str) -> str:
    """Blank lines at most doubled, no trailing spaces, no hard break that ends a paragraph."""
    lines = [line.rstrip(" \t") for line in text.split("\n")]
    lines = ["" if not line.replace("\u00a0", " ").strip() else line for line in lines]
    fenced = False
    for index, line in enumerate(lines):
        if line.startswith("```"):
            fenced = not fenced
        elif (
            not fenced
            and line.endswith("\\")
            and (index + 1 == len(lines) or not lines[index + 1].strip())
        ):
            lines[index] = _DANGLING_BREAK.sub(r"\1", line).rstrip(" \t")
    joined = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")
    return joined + "\n" if joined else ""
