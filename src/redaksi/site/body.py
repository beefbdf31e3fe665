"""Site (pure): an article body from Markdown to safe HTML (markdown-it-py, CommonMark).

Raw HTML in a body is text, never markup (``html`` off): a reporter's ``<script>`` reaches the
reader as the characters they typed. Links and images keep only safe schemes (http, https,
mailto, or a relative address). The body opens with the dateline in bold, as the seed page does
(``Probolinggo,-``); a body that does not start with it gets it in front.
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


def render(body: str, dateline: str) -> str:
    """The body as HTML, opening with ``<strong>Dateline,-</strong>``."""
    out: str = _parser().render(body)
    if not dateline:
        return out
    escaped = html.escape(dateline, quote=False)
    for opening in (f"<p>{escaped},-", f"<p>{escaped}, -", f"<p>{escaped} -"):
        if out.startswith(opening):
            return f"<p><strong>{opening[3:]}</strong>{out[len(opening) :]}"
    if out.startswith("<p>"):
        return f"<p><strong>{escaped},-</strong> {out[3:]}"
    return f"<p><strong>{escaped},-</strong></p>\n{out}"


def plain(body: str, limit: int = 200) -> str:
    """The first words of a body as plain text (descriptions, Open Graph), at most ``limit``."""
    text = re.sub(r"[*_`#>\[\]()!]", "", body)
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut + "…"
