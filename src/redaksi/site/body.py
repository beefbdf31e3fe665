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


_NOT_PLAIN = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\\`\[\]<]|&[#A-Za-z0-9]")
"""Escapes, code, links, autolinks and HTML, entities, control characters: markdown-it's."""
_NUMBERED = re.compile(r"[0-9]+[.)]")


def plain_html(body: str) -> str | None:
    """The HTML of a body of plain paragraphs, or None when markdown-it must read it.

    Plain: every line starts with a letter or digit (no block can start there: not a heading,
    quote, list, rule, fence, table or HTML) and ends in at most one space, or any number at
    the end of a paragraph (no hard break; CommonMark drops those spaces), and none of the
    characters inline rules act on appears, except a single ``*`` or ``_`` in a paragraph
    (alone, it cannot open or close an emphasis).
    """
    if _NOT_PLAIN.search(body):
        return None
    out: list[str] = []
    paragraph: list[str] = []
    for line in [*body.split("\n"), ""]:
        if line:
            first = line[0]
            if not first.isalnum() or _NUMBERED.match(line):
                return None
            paragraph.append(line)
            continue
        if paragraph:
            if _paragraph(paragraph, out) is None:
                return None
            paragraph = []
    return "".join(out)


def _paragraph(lines: list[str], out: list[str]) -> list[str] | None:
    """Add one plain paragraph's HTML to ``out``; None if it is not plain after all."""
    kept = []
    for number, line in enumerate(lines, 1):
        text = line.rstrip(" ") if number == len(lines) else line.removesuffix(" ")
        if text[-1].isspace():  # a hard break, or a space CommonMark would not drop
            return None
        kept.append(text)
    text = "\n".join(kept)
    if text.count("*") > 1 or text.count("_") > 1:
        return None
    out.append(f"<p>{_escape(text)}</p>\n")
    return out


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


_MARKS = re.compile(r"[*_`#>\[\]()!]")


def plain(body: str, limit: int = 200) -> str:
    """The first words of a body as plain text (descriptions, Open Graph), at most ``limit``."""
    # Marks are removed and spaces joined one character at a time, so a long enough head of
    # the body gives the same first ``limit`` characters as the whole body: read only that.
    head = body[: limit * 4 + 64]
    text = " ".join(_MARKS.sub("", head).split())
    if len(text) <= limit and len(head) < len(body):
        text = " ".join(_MARKS.sub("", body).split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut + "…"
