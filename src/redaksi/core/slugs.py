"""Core: slugs, the part of an article's address a person types (``banjir-lumajang``).

One rule for every way a slug is made: from a title in ``redaksi draft``, from a WordPress
``post_name`` or title on import. ASCII letters and digits joined by hyphens; accents come apart
and the letters stay, anything invisible or non-Latin goes.
"""

from __future__ import annotations

import re
import unicodedata

PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
"""What the schema allows (``$defs/slug``)."""
TITLE_LIMIT = 80
"""Characters a slug made from a title keeps, cut at a hyphen."""


def slugify(text: str, limit: int = TITLE_LIMIT) -> str:
    """ASCII letters and digits joined by hyphens, cut at a hyphen; nothing invisible survives."""
    # Accents come apart (NFKD) and go with everything else not ASCII, so "naïve" stays a word.
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > limit:
            break
        slug = candidate
    return slug or (words[0][:limit] if words else "")
