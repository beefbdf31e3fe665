"""Core: a streaming reader of WordPress exports (WXR 1.0, 1.1 and 1.2).

Bytes are fed in as they are read (:meth:`Reader.feed`); each ``<item>`` comes out as soon as
its end tag is seen and nothing of it is kept, so memory follows the largest post, not the
export. Namespaces are matched by URI (``http`` or ``https``, versions 1.0 to 1.2), never by
prefix. A document type declaration or an entity definition is refused: an export has none,
and they are how XML bombs are built. Every problem carries its line and 1-based column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any
from xml.parsers import expat

_WP = re.compile(r"^https?://wordpress\.org/export/(1\.[012])/$")
_EXCERPT = re.compile(r"^https?://wordpress\.org/export/1\.[012]/excerpt/$")
_ANY_WXR = re.compile(r"^https?://wordpress\.org/export/([^/]*)/")
_CONTENT = re.compile(r"^https?://purl\.org/rss/1\.0/modules/content/$")
_DC = re.compile(r"^https?://purl\.org/dc/elements/1\.1/$")

ITEM_FIELDS = frozenset(
    {
        "title",
        "link",
        "guid",
        "dc:creator",
        "content:encoded",
        "excerpt:encoded",
        "wp:post_id",
        "wp:post_date",
        "wp:post_date_gmt",
        "wp:post_modified",
        "wp:post_modified_gmt",
        "wp:post_name",
        "wp:status",
        "wp:post_type",
        "wp:post_password",
        "wp:post_parent",
        "wp:attachment_url",
    }
)
CHANNEL_FIELDS = frozenset(
    {"title", "link", "wp:base_site_url", "wp:base_blog_url", "wp:wxr_version"}
)
AUTHOR_FIELDS = frozenset(
    {"wp:author_login", "wp:author_email", "wp:author_display_name", "wp:author_id"}
)
TERM_FIELDS = frozenset({"wp:term_id", "wp:category_nicename", "wp:cat_name"})
META_FIELDS = frozenset({"wp:meta_key", "wp:meta_value"})


class WxrProblem(Exception):
    """An export redaksi cannot read; ``line`` and ``column`` are 1-based."""

    def __init__(self, key: str, line: int, column: int, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.line = line
        self.column = column
        self.params = params


@dataclass(frozen=True)
class Author:
    login: str
    email: str
    display_name: str


@dataclass
class Item:
    """One ``<item>``: its fields by qualified name, terms, post meta, and where it starts."""

    line: int
    fields: dict[str, str] = field(default_factory=dict)
    terms: list[tuple[str, str, str]] = field(default_factory=list)
    """(domain, nicename, name) of each ``<category>``: domain is category or post_tag."""
    meta: dict[str, str] = field(default_factory=dict)

    def get(self, name: str) -> str:
        return self.fields.get(name, "").strip()


@dataclass
class Channel:
    """What the export says about the site: its address, authors and category ids."""

    version: str | None = None
    fields: dict[str, str] = field(default_factory=dict)
    authors: dict[str, Author] = field(default_factory=dict)
    categories: dict[str, str] = field(default_factory=dict)
    """term id -> category name (to find a post's primary category)."""

    @property
    def site(self) -> str:
        """The site's address: its blog URL, else its site URL, else the channel link."""
        for name in ("wp:base_blog_url", "wp:base_site_url", "link"):
            value = self.fields.get(name, "").strip()
            if value:
                return value.rstrip("/")
        return ""


class Reader:
    """Feed it the export's bytes in chunks; it hands back each finished item."""

    def __init__(self) -> None:
        parser = expat.ParserCreate(namespace_separator=" ")
        parser.buffer_text = True
        parser.buffer_size = 1 << 16
        parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        parser.StartElementHandler = self._start
        parser.EndElementHandler = self._end
        parser.CharacterDataHandler = self._text
        parser.StartDoctypeDeclHandler = self._refuse_doctype
        parser.EntityDeclHandler = self._refuse_entity
        self._parser = parser
        self.channel = Channel()
        self._path: list[str] = []
        self._text_parts: list[str] | None = None
        self._item: Item | None = None
        self._group: dict[str, str] | None = None  # an author, category or postmeta being read
        self._term: tuple[str, str] | None = None  # (domain, nicename) of an item <category>
        self._done: list[Item] = []
        self._fed = 0

    # -- feeding ------------------------------------------------------------------------------

    def feed(self, chunk: bytes) -> list[Item]:
        """Parse ``chunk``; return the items it completed."""
        self._fed += len(chunk)
        self._parse(chunk, final=False)
        done, self._done = self._done, []
        return done

    def close(self) -> list[Item]:
        """The end of the export: the last items, or the problem of an unfinished document."""
        if self._fed == 0:
            raise WxrProblem("wxr.empty", 1, 1)
        self._parse(b"", final=True)
        if self.channel.version is None:
            raise WxrProblem("wxr.not_wxr", 1, 1, found="rss")
        done, self._done = self._done, []
        return done

    def _parse(self, data: bytes, *, final: bool) -> None:
        try:
            self._parser.Parse(data, final)
        except expat.ExpatError as err:
            raise WxrProblem(
                "wxr.malformed",
                err.lineno,
                err.offset + 1,
                detail=expat.ErrorString(err.code),
            ) from None

    def _where(self) -> tuple[int, int]:
        return self._parser.CurrentLineNumber, self._parser.CurrentColumnNumber + 1

    # -- handlers -----------------------------------------------------------------------------

    def _refuse_doctype(self, *_: Any) -> None:
        raise WxrProblem("wxr.doctype", *self._where())

    def _refuse_entity(self, *_: Any) -> None:
        raise WxrProblem("wxr.doctype", *self._where())

    def _name(self, raw: str) -> str:
        """``wp:post_id`` for ``http://wordpress.org/export/1.2/ post_id``, by URI."""
        uri, _, local = raw.rpartition(" ")
        if not uri:
            return local
        wp = _WP.match(uri)
        if wp:
            if self.channel.version is None and local == "wxr_version":
                self.channel.version = wp.group(1)
            return f"wp:{local}"
        if _EXCERPT.match(uri):
            return f"excerpt:{local}"
        if _CONTENT.match(uri):
            return f"content:{local}"
        if _DC.match(uri):
            return f"dc:{local}"
        other = _ANY_WXR.match(uri)
        if other:
            raise WxrProblem("wxr.version", *self._where(), version=other.group(1))
        return f"{{{uri}}}{local}"

    def _start(self, raw: str, attrs: dict[str, str]) -> None:
        name = self._name(raw)
        path = self._path
        depth = len(path)
        if depth == 0 and name != "rss":
            raise WxrProblem("wxr.not_wxr", *self._where(), found=name)
        path.append(name)
        self._text_parts = None
        if depth == 2 and path[1] == "channel":
            self._start_in_channel(name)
        elif depth == 3 and self._item is not None:
            self._start_in_item(name, attrs)
        elif (depth == 3 and self._group is not None) or (
            depth == 4 and self._item is not None and self._group is not None
        ):
            self._text_parts = []  # a field of an author, a category or a post meta

    def _start_in_channel(self, name: str) -> None:
        if name == "item":
            if self.channel.version is None:
                raise WxrProblem("wxr.not_wxr", *self._where(), found="rss")
            self._item = Item(self._parser.CurrentLineNumber)
        elif name in ("wp:author", "wp:category"):
            self._group = {}
        elif name in CHANNEL_FIELDS:
            self._text_parts = []

    def _start_in_item(self, name: str, attrs: dict[str, str]) -> None:
        if name == "wp:postmeta":
            self._group = {}
        elif name == "category":
            self._term = (attrs.get("domain", ""), attrs.get("nicename", ""))
            self._text_parts = []
        elif name in ITEM_FIELDS:
            self._text_parts = []

    def _text(self, data: str) -> None:
        if self._text_parts is not None:
            self._text_parts.append(data)

    def _end(self, raw: str) -> None:
        path = self._path
        name = path.pop()
        text = "".join(self._text_parts) if self._text_parts is not None else None
        self._text_parts = None
        depth = len(path)
        if depth == 2 and path[1] == "channel":
            self._end_in_channel(name, text)
        elif depth == 3 and self._item is not None:
            self._end_in_item(name, text)
        elif depth in (3, 4) and self._group is not None and text is not None:
            self._group[name] = text

    def _end_in_channel(self, name: str, text: str | None) -> None:
        group, self._group = self._group, None
        if name == "item" and self._item is not None:
            self._done.append(self._item)
            self._item = None
        elif name == "wp:author" and group is not None:
            login = group.get("wp:author_login", "").strip()
            self.channel.authors[login] = Author(
                login,
                group.get("wp:author_email", "").strip(),
                group.get("wp:author_display_name", "").strip(),
            )
        elif name == "wp:category" and group is not None:
            term = group.get("wp:term_id", "").strip()
            if term:
                self.channel.categories[term] = group.get("wp:cat_name", "")
        elif text is not None and name in CHANNEL_FIELDS:
            self.channel.fields[name] = text

    def _end_in_item(self, name: str, text: str | None) -> None:
        item = self._item
        assert item is not None  # guarded by the caller
        if name == "wp:postmeta":
            group, self._group = self._group, None
            key = (group or {}).get("wp:meta_key", "")
            if key:
                item.meta[key] = (group or {}).get("wp:meta_value", "")
        elif name == "category" and self._term is not None:
            item.terms.append((*self._term, text or ""))
            self._term = None
        elif text is not None:
            item.fields[name] = text
