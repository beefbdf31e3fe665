"""Core: an article's text, split into front matter and body, and rewritten in place.

A rewrite touches only the lines of the keys it sets: every other byte (comments, key order,
quoting, CRLF line endings, a UTF-8 BOM, the body) is copied through unchanged. The edit is
then re-read and checked, so a rewrite that would change anything else is refused rather than
written.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from redaksi.core import yamlio

BOM = "\ufeff"
FENCE = "---"
FIRST_YAML_LINE = 2
"""1-based file line of the front matter's first line (line 1 is the opening fence)."""

KEY_ORDER = (
    "id",
    "title",
    "slug",
    "status",
    "category",
    "tags",
    "dateline",
    "reporter",
    "editor",
    "publisher",
    "created_at",
    "published_at",
    "updated_at",
    "publish_at",
    "embargo_until",
    "photo",
    "imported",
    "corrections",
    "retraction",
    "history",
)
"""Where a key goes when a transition adds it: the order SPEC shows."""


class FormatProblem(Exception):
    """Text that is not an article; ``line`` and ``column`` are 1-based in the file."""

    def __init__(self, key: str, line: int = 1, column: int = 1, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.line = line
        self.column = column
        self.params = params


@dataclass(frozen=True)
class Article:
    """An article's full text and where its parts start; positions index ``text``."""

    text: str
    front_start: int
    front_end: int
    body_start: int
    newline: str

    @property
    def front(self) -> str:
        return self.text[self.front_start : self.front_end]

    @property
    def body(self) -> str:
        return self.text[self.body_start :]

    @property
    def head(self) -> str:
        """BOM and opening fence line."""
        return self.text[: self.front_start]

    @property
    def closing(self) -> str:
        return self.text[self.front_end : self.body_start]


_LINE = re.compile(r"[^\r\n]*(?:\r\n|\n|\r)?")
_FIRST_LINE = re.compile(r"[^\r\n]*(?:\r\n|\n|\r|\Z)")
_FENCE_LINE = re.compile(r"---[ \t]*(?:\r\n|\n|\r|\Z)")
"""A fence line (found after the opening one by :func:`_closing`). Lines break where YAML
breaks them (LF, CRLF, CR), not where ``str.splitlines`` does (also U+2028, U+0085, form
feeds...): a fence after one of those would be a fence to redaksi and text to every other
tool."""


def lines(text: str) -> list[str]:
    """``text`` cut into lines, ends kept, where YAML breaks them: LF, CRLF or CR."""
    found: list[str] = _LINE.findall(text)
    return found[:-1]  # the pattern also matches the empty rest at the very end


def _is_fence(line: str) -> bool:
    return line.rstrip("\r\n").rstrip(" \t") == FENCE


def split(text: str) -> Article:
    """Find the fences; raise :class:`FormatProblem` where the text is not an article."""
    start = 1 if text.startswith(BOM) else 0
    first = _FIRST_LINE.match(text, start)
    if first is None or not text[start:].strip():
        raise FormatProblem("article.empty")
    if not _is_fence(first.group()):
        raise FormatProblem("article.no_front_matter")
    newline = "\r\n" if first.group().endswith("\r\n") else "\n"
    closing = _closing(text, first.end())
    if closing is None:
        raise FormatProblem("article.unclosed")
    return Article(text, first.end(), closing.start(), closing.end(), newline)


def _closing(text: str, start: int) -> re.Match[str] | None:
    """The first fence line starting at or after ``start`` (a line start)."""
    at = start
    while (at := text.find(FENCE, at)) != -1:
        if at == start or text[at - 1] in "\r\n":
            found = _FENCE_LINE.match(text, at)
            if found is not None:
                return found
        at += 1
    return None


def parse(text: str) -> tuple[Article, CommentedMap]:
    """Split and parse an article, with problems placed at file positions."""
    article = split(text)
    try:
        data = yamlio.load_mapping(article.front)
    except yamlio.YamlProblem as problem:
        line = problem.line + FIRST_YAML_LINE
        if problem.key == "yaml.not_mapping":
            line = FIRST_YAML_LINE - 1
        raise FormatProblem(problem.key, line, problem.column + 1, **problem.params) from None
    return article, data


def file_position(
    data: CommentedMap, path: Sequence[str | int], *, key: bool = False
) -> tuple[int, int]:
    """1-based file (line, column) of the value (or key) at ``path`` in the front matter."""
    line, column = yamlio.position(data, path, key=key)
    return line + FIRST_YAML_LINE, column + 1


def render(entries: Sequence[tuple[str, Any]], body: str, newline: str = "\n") -> str:
    """The text of a new article: fences, one YAML entry per key in order, then the body."""
    front = "".join(yamlio.dump_entry(key, value) for key, value in entries)
    text = f"{FENCE}\n{front}{FENCE}\n"
    return text.replace("\n", newline) + body


class _Lines:
    """The front matter as lines, and the span of lines each top-level key occupies."""

    def __init__(self, article: Article, data: CommentedMap) -> None:
        self.lines = lines(article.front)
        self.data = data
        keyed = sorted((line, str(k)) for k, line, col in yamlio.walk_keys(data))
        for _, line, col in yamlio.walk_keys(data):
            if col != 0:
                raise FormatProblem("article.flow_front_matter", line + FIRST_YAML_LINE, col + 1)
        self.starts = {k: line for line, k in keyed}
        bounds = [line for line, _ in keyed[1:]] + [len(self.lines)]
        self.ends = {
            k: self._value_end(line, bound) for (line, k), bound in zip(keyed, bounds, strict=True)
        }

    def _value_end(self, start: int, bound: int) -> int:
        """One past the last line of a value: indented content, not trailing blanks or comments."""
        end = start + 1
        for index in range(start + 1, bound):
            stripped = self.lines[index].strip()
            if stripped and not stripped.startswith("#") and self.lines[index][0] in " \t":
                end = index + 1
        return end

    def insertion_line(self, key: str) -> int:
        """Where a new key goes: after the nearest key that SPEC's order puts before it."""
        rank = KEY_ORDER.index(key) if key in KEY_ORDER else len(KEY_ORDER)
        before = [k for k in self.starts if k in KEY_ORDER and KEY_ORDER.index(k) < rank]
        if not before:
            return 0
        return max(self.ends[k] for k in before)


def _with_comment(data: CommentedMap, key: str, line: str, new: str) -> str:
    """``new`` (one line) keeping the trailing ``# comment`` of ``line`` at its column."""
    items = getattr(data.ca, "items", {})
    tokens = items.get(key)
    token = tokens[2] if tokens and len(tokens) > 2 else None
    if token is None:
        return new
    comment = str(token.value).split("\n")[0].strip()
    old = line.rstrip("\r\n")
    if not comment.startswith("#") or not old.endswith(comment):
        return new
    column = len(old) - len(comment)
    gap = len(old[:column]) - len(old[:column].rstrip(" \t"))
    if len(new) + 1 <= column:
        return new.ljust(column) + comment
    return new + " " * max(gap, 1) + comment


@dataclass(frozen=True)
class Rewritten:
    """The new text of an article, and its front matter as re-read to check the edit."""

    text: str
    data: CommentedMap


def rewrite(
    article: Article,
    data: CommentedMap,
    *,
    set_keys: Mapping[str, Any] | None = None,
    append: Mapping[str, Sequence[Mapping[str, Any]]] | None = None,
    remove: Sequence[str] = (),
) -> str:
    """The article's text with ``set_keys`` replaced or added and ``append`` items appended."""
    return rewrite_parsed(article, data, set_keys=set_keys, append=append, remove=remove).text


def rewrite_parsed(
    article: Article,
    data: CommentedMap,
    *,
    set_keys: Mapping[str, Any] | None = None,
    append: Mapping[str, Sequence[Mapping[str, Any]]] | None = None,
    remove: Sequence[str] = (),
) -> Rewritten:
    """The article's text with ``set_keys`` set, ``append`` items appended, ``remove`` removed.

    Only the lines of those keys change. Raises :class:`FormatProblem` when the front matter
    cannot be edited in place (a flow-style root), or when re-reading the result shows any
    other difference (a layout this editor does not understand): callers then write nothing.
    """
    set_keys = dict(set_keys or {})
    append = {k: list(v) for k, v in (append or {}).items()}
    spans = _Lines(article, data)
    nl = article.newline
    edits: list[tuple[int, int, str]] = []  # (first line, one past last line, new text)

    def entry(key: str, value: Any) -> str:
        return yamlio.dump_entry(key, value).replace("\n", nl)

    for key, value in set_keys.items():
        if key in spans.starts:
            start, end = spans.starts[key], spans.ends[key]
            text = entry(key, value)
            if end - start == 1 and text.count(nl) == 1:
                text = _with_comment(data, key, spans.lines[start], text[: -len(nl)]) + nl
            edits.append((start, end, text))
        else:
            at = spans.insertion_line(key)
            edits.append((at, at, entry(key, value)))
    for key, items in append.items():
        current = data.get(key)
        if (
            key in spans.starts
            and isinstance(current, CommentedSeq)
            and current
            and not current.fa.flow_style()
        ):
            first = spans.lines[current.lc.item(0)[0]]
            dash = " " * (len(first) - len(first.lstrip(" ")))
            text = "".join(f"{dash}- {yamlio.dump_flow_item(item)}{nl}" for item in items)
            end = spans.ends[key]
            edits.append((end, end, text))
        elif key in spans.starts:
            merged = [*yamlio.to_plain(current or []), *items]
            edits.append((spans.starts[key], spans.ends[key], entry(key, merged)))
        else:
            at = spans.insertion_line(key)
            edits.append((at, at, entry(key, items)))

    for key in remove:
        if key in spans.starts and key not in set_keys:
            edits.append((spans.starts[key], spans.ends[key], ""))
    lines = list(spans.lines)
    if lines and not lines[-1].endswith(("\n", "\r")):
        lines[-1] += nl  # the closing fence always starts on its own line
    for start, end, text in sorted(edits, key=lambda e: (e[0], e[1]), reverse=True):
        lines[start:end] = [text]
    result = article.head + "".join(lines) + article.closing + article.body
    after = _check(data, result, set_keys, append, remove)
    return Rewritten(result, after)


def _check(
    before: CommentedMap,
    text: str,
    set_keys: Mapping[str, Any],
    append: Mapping[str, Sequence[Mapping[str, Any]]],
    remove: Sequence[str],
) -> CommentedMap:
    _, after = parse(text)
    expected = {str(k): yamlio.to_plain(v) for k, v in before.items() if k not in remove}
    for key, value in set_keys.items():
        expected[key] = yamlio.to_plain(value)
    for key, items in append.items():
        expected[key] = [*(expected.get(key) or []), *yamlio.to_plain(list(items))]
    actual = {str(k): yamlio.to_plain(v) for k, v in after.items()}
    kept = [k for k in before if k in after]
    if actual != expected or kept != [k for k in after if k in before]:
        raise FormatProblem("article.rewrite_unsafe")
    return after


def unwritten(body: str, dateline: object, placeholders: Sequence[str]) -> bool:
    """Whether a body is empty or still the template ``draft`` wrote (dateline, placeholder, (*)).

    ``placeholders`` are the template's sentence in every language the newsroom may speak.
    """
    text = body.replace(BOM, "").strip()
    if isinstance(dateline, str) and dateline.strip():
        text = text.removeprefix(f"{dateline.strip()},-").strip()
    text = text.removesuffix("(*)").strip()
    return not text or text in placeholders
