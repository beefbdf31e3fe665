"""Core: HTML to Markdown that means what the HTML showed (markdownify, tuned for news).

markdownify was chosen over html2text (GPL-3.0, and it turns typographic quotes and dashes
into ASCII by default) and html-to-markdown (twenty times faster, but it writes text that
looked like markup, ``&lt;script&gt;``, as raw HTML, and a backquoted word as code). Its
own "escape everything" mode is safe but noisy (a backslash before every bracket, equals
sign and dot after a number), so text is escaped here only where Markdown would otherwise
read it as markup: asterisks and underscores; a line that starts like a list, heading, quote
or rule; ``<`` before a tag or autolink; backquotes; brackets that would make a link;
entity-like ``&name;``; pipes in table cells; ``~~``.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from redaksi.core.wordpress.body import Body

_BACKSLASH = re.compile(r"\\(?=[!-/:-@\[-`{-~])")
_LINE_MARKER = re.compile(r"(^|\n)([ \t]*)(#{1,6}|[-=]+|[+>])(?=[ \t\n]|$)")
_ORDERED = re.compile(r"(^|\n)([ \t]*\d{1,9})([.)])(?=[ \t\n]|$)")
_TAG_LIKE = re.compile(r"<(?=[A-Za-z/!?])")
_ENTITY_LIKE = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_LINK_LIKE = re.compile(r"\][(\[:]")


def escape_text(text: str, in_table: bool = False) -> str:
    """Escape what Markdown would read as markup in ``text``."""
    text = _BACKSLASH.sub(r"\\\\", text)
    text = text.replace("*", "\\*").replace("_", "\\_")
    text = _LINE_MARKER.sub(r"\1\2\\\3", text)
    text = _ORDERED.sub(r"\1\2\\\3", text)
    text = _TAG_LIKE.sub(r"\\<", text)
    text = _ENTITY_LIKE.sub(r"\\&", text)
    text = text.replace("`", "\\`").replace("~~", "\\~\\~")
    if _LINK_LIKE.search(text):
        text = text.replace("[", "\\[").replace("]", "\\]")
    if in_table:
        text = text.replace("|", "\\|")
    return text


def code_span(text: str) -> str:
    """``text`` as an inline code span that no backquote inside it can close early."""
    runs = [len(r) for r in re.findall(r"`+", text)]
    fence = "`" * (max(runs, default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def convert(html: str, found: Body) -> str:
    """Markdown for ``html``; embedded frames met on the way are counted in ``found``."""
    converter = _converter_class()(
        heading_style="atx",
        bullets="-",
        escape_misc=False,
        newline_style="backslash",
        table_infer_header=True,
    )
    converter.found = found
    return str(converter.convert(html))


@cache
def _converter_class() -> Any:
    from markdownify import MarkdownConverter

    class Converter(MarkdownConverter):
        found: Body

        def escape(self, text: str, parent_tags: set[str]) -> str:
            return escape_text(text, in_table=bool({"td", "th"} & parent_tags)) if text else ""

        def convert_iframe(self, el: Any, text: str, parent_tags: set[str]) -> str:
            src = str(el.get("src") or "").strip()
            if not re.match(r"^https?://[^\s<>]+$", src):
                return ""
            self.found.embeds += 1
            return f"\n\n<{src}>\n\n"

    return Converter
