"""Site (pure): an article body from Markdown to safe HTML (markdown-it-py, CommonMark).

Raw HTML in a body is text, never markup (``html`` off): a reporter's ``<script>`` reaches the
reader as the characters they typed. Links and images keep only safe schemes (http, https,
mailto, or a relative address). The body opens with the dateline in bold, as the seed page does
(``Probolinggo,-``); a body that does not start with it gets it in front.

Most stories are plain paragraphs of words. Such a body is turned into HTML here, without
markdown-it (importing it and parsing a body cost more than everything else on a page): only
where no character or line start could mean anything to CommonMark, and byte for byte what
markdown-it writes (a property test holds the two together). Anything else goes to markdown-it.
"""

from __future__ import annotations

import html
import re
from functools import cache
from typing import Any

_SAFE = re.compile(r"^(https?:|mailto:|[^:/?#]*(?:[/?#]|$))", re.IGNORECASE)


def _safe_link(url: str) -> bool:
    return bool(_SAFE.match(url.strip()))


@cache
def _parser() -> Any:
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    parser.validateLink = _safe_link  # type: ignore[method-assign]  # markdown-it's documented hook
    return parser


_MARKUP = "\\`[]<"
"""Escapes, code spans, links and images, autolinks and HTML."""
_ENTITY = re.compile(r"&[#A-Za-z0-9]")
_NUMBERED = re.compile(r"[0-9]+[.)]")
_BLANK = re.compile(r"\n\n+")
_CONTROLS = bytes([*range(0x0A), *range(0x0B, 0x20), 0x7F])
_HARD_BREAK = re.compile(r"  \n(?!\n)")


def plain_html(body: str) -> str | None:
    """The HTML of a body of plain paragraphs, or None when markdown-it must read it.

    Plain: printable (no tab, no control or odd space character), every line starts with a
    letter or digit (no block can start there: not a heading, quote, list, rule, fence, table
    or HTML) and has no hard break, and none of the characters inline rules act on appears,
    except a single ``*`` or ``_`` in a paragraph (alone, it cannot open or close an emphasis).
    Checked with string methods, not one regular expression: a body is read in microseconds.
    """
    if any(mark in body for mark in _MARKUP) or ("&" in body and _ENTITY.search(body)):
        return None
    ascii_data = body.encode("ascii") if body.isascii() else None
    if ascii_data is not None and len(ascii_data.translate(None, _CONTROLS)) < len(body):
        return None  # (an ASCII body is checked for control characters at once, in C)
    for line in body.split("\n"):
        if line and (
            not line[0].isalnum()
            or (ascii_data is None and not line.isprintable())
            or (line[0].isdigit() and _NUMBERED.match(line))
        ):
            return None
    text = body.strip("\n")
    if "  \n" in text and _HARD_BREAK.search(text):
        return None
    while " \n\n" in text:  # CommonMark drops the spaces ending a paragraph
        text = text.replace(" \n\n", "\n\n")
    text = text.rstrip(" ")
    for mark in "*_":
        if text.count(mark) > 1 and any(p.count(mark) > 1 for p in _BLANK.split(text)):
            return None  # perhaps an emphasis
    if not text:
        return ""
    if " \n" in text:
        text = text.replace(" \n", "\n")
    paragraphs = _BLANK.sub("</p>\n<p>", _escape(text))
    return f"<p>{paragraphs}</p>\n"


def _escape(text: str) -> str:
    """Text as markdown-it escapes it (``&``, ``<``, ``>`` and ``"``; not ``'``)."""
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


def render(body: str, dateline: str) -> str:
    """The body as HTML, opening with ``<strong>Dateline,-</strong>``."""
    fast = plain_html(body)
    out: str = fast if fast is not None else _parser().render(body)
    if not dateline:
        return out
    escaped = html.escape(dateline, quote=False)
    for opening in (f"<p>{escaped},-", f"<p>{escaped}, -", f"<p>{escaped} -"):
        if out.startswith(opening):
            return f"<p><strong>{opening[3:]}</strong>{out[len(opening) :]}"
    if out.startswith("<p>"):
        return f"<p><strong>{escaped},-</strong> {out[3:]}"
    return f"<p><strong>{escaped},-</strong></p>\n{out}"


_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_LINK = re.compile(r"\[([^\]\n]*)\]\([^)\n]*\)")
_LINE_MARKS = re.compile(r"^[ \t]*(?:#{1,6}[ \t]+|>[ \t]?|[-+*][ \t]+|\d{1,9}[.)][ \t]+)", re.M)
_INLINE_MARKS = re.compile(r"[*_`]")


def text_of(markdown: str) -> str:
    """Markdown as the words a reader reads: link texts kept, images and marks left out.

    Parentheses, brackets and exclamation marks that are only punctuation stay ("Pemerintah
    Kota (Pemkot)"); a description that lost them would misquote the story.
    """
    words = _IMAGE.sub("", markdown)
    words = _LINK.sub(r"\1", words)
    words = _LINE_MARKS.sub("", words)
    return " ".join(_INLINE_MARKS.sub("", words).split())


def plain(body: str, limit: int = 200) -> str:
    """The first words of a body as plain text (descriptions, Open Graph), at most ``limit``."""
    # Read paragraph by paragraph until there is enough (no mark or link spans paragraphs):
    # a long story is not turned into text whole for its first 200 characters.
    parts: list[str] = []
    size, start = 0, 0
    while size <= limit + 1 and start < len(body):  # (size counts a joining space per part)
        end = body.find("\n\n", start)
        end = len(body) if end == -1 else end
        words = text_of(body[start:end])
        if words:
            parts.append(words)
            size += len(words) + 1
        start = end + 2
    text = " ".join(parts)
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut + "…"
