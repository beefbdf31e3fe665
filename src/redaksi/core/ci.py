"""Core: what the CI files install, and redaksi's marked block inside them.

A CI file that ``redaksi init --ci`` writes belongs to the newsroom except for one block between
two comment lines, :data:`BEGIN` and :data:`END`. Writing it again replaces only the lines
between the markers (indented as the newsroom's begin marker is), then reads the result back to
prove that the YAML still parses without duplicate keys and that redaksi's jobs sit where the
template puts them. Comments are the one thing YAML lets us mark anywhere, so the block may hold
whole jobs (GitHub's ``jobs:`` mapping, or GitLab's top level) without a parser rewriting the
newsroom's own lines around it.

Pure: text in, text out; no files, no git.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from redaksi.errors import UsageError

PACKAGE = "redaksi"
BEGIN = "# >>> redaksi (managed by 'redaksi init --ci'; edits inside are replaced)"
END = "# <<< redaksi"
_BEGIN_MARK = "# >>> redaksi"

_RELEASE = re.compile(r"^v?(\d+(?:\.\d+)*(?:(?:a|b|rc)\d+)?(?:\.post\d+)?)$")
_VERSION = re.compile(r"^v?(\d+(?:\.\d+)*(?:(?:a|b|rc)\d+)?(?:\.post\d+)?(?:\.dev\d+)?)$")
_WHEEL = re.compile(rf"^{PACKAGE}-[^-/]+-[^/]+\.whl$")
_UNSAFE = re.compile(r"[\s\"'$`\\<>|;&{}]")
"""Characters that could leave the quoted pip argument or start a CI expression (``${{``)."""


def is_release(version: str) -> bool:
    """True for a final or pre-release version a package index serves (no .dev, no +local)."""
    return _RELEASE.match(version) is not None


def requirement(install: str | None, version: str) -> str:
    """The pip requirement CI installs: ``ci.install`` from redaksi.yaml, else this ``version``.

    ``install`` may be a version (``1.2.0``), an https URL of a redaksi wheel, or a git URL with
    a tag (``git+https://host/redaksi@v1.2.0``). Without it, a development ``version`` (which no
    package index serves) is a usage error asking for ``ci.install``.
    """
    if install is None:
        if not is_release(version):
            raise UsageError("ci.dev_version", version=version)
        return f"{PACKAGE}=={version}"
    value = install.strip()
    if not value or _UNSAFE.search(value):
        raise UsageError("ci.bad_install", value=install)
    found = _VERSION.match(value)
    if found:
        return f"{PACKAGE}=={found.group(1)}"
    parts = urlsplit(value)
    name = parts.path.rsplit("/", 1)[-1]
    if parts.scheme == "https" and parts.netloc and _WHEEL.match(name) and not parts.query:
        return f"{PACKAGE} @ {value}"
    ref = parts.path.rsplit("@", 1)[-1] if "@" in parts.path else ""
    if (
        parts.scheme in ("git+https", "git+ssh")
        and parts.netloc
        and ref
        and "/" not in ref
        and not parts.query
        and not parts.fragment
    ):
        return f"{PACKAGE} @ {value}"
    raise UsageError("ci.bad_install", value=install)


class BlockProblem(Exception):
    """A CI file whose marked block cannot be rewritten safely; ``key`` is a catalogue key."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


@dataclass(frozen=True)
class Block:
    """A CI file cut at its markers, which are left out of ``head`` and ``tail``.

    ``indent`` is the begin marker's indentation; ``inside`` keeps its lines' own.
    """

    head: list[str]
    inside: list[str]
    tail: list[str]
    indent: str


def find_block(text: str) -> Block:
    """The one marked block in ``text``; anything else (none, two, crossed) is a problem."""
    lines = text.splitlines(keepends=True)
    begins = [i for i, line in enumerate(lines) if line.strip().startswith(_BEGIN_MARK)]
    ends = [i for i, line in enumerate(lines) if line.strip().startswith(END)]
    if not begins and not ends:
        raise BlockProblem("ci.no_block")
    if len(begins) != 1 or len(ends) != 1 or ends[0] < begins[0]:
        raise BlockProblem("ci.broken_block", begins=len(begins), ends=len(ends))
    start, stop = begins[0], ends[0]
    indent = lines[start][: len(lines[start]) - len(lines[start].lstrip())]
    if lines[stop][: len(lines[stop]) - len(lines[stop].lstrip())] != indent:
        raise BlockProblem("ci.broken_block", begins=1, ends=1)
    return Block(lines[:start], lines[start + 1 : stop], lines[stop + 1 :], indent)


def managed(text: str) -> str | None:
    """The lines of redaksi's block in ``text``, dedented, or None without one (for verify)."""
    try:
        block = find_block(text)
    except BlockProblem:
        return None
    return "".join(_reindent(block.inside, block.indent, ""))


def splice(existing: str, rendered: str) -> str:
    """``existing`` with its block replaced by the block of ``rendered`` (the template).

    The result is read back: it must be YAML without duplicate keys, and every job of the block
    must sit, unchanged, in the same mapping as in ``rendered``; else :class:`BlockProblem`.
    """
    mine = find_block(rendered)
    theirs = find_block(existing)
    newline = "\r\n" if "\r\n" in existing else "\n"
    inside = _reindent(mine.inside, mine.indent, theirs.indent)
    lines = [
        *theirs.head,
        theirs.indent + BEGIN + newline,
        *(line.rstrip("\r\n") + newline for line in inside),
        theirs.indent + END + newline,
        *theirs.tail,
    ]
    result = "".join(lines)
    _check_placement(result, rendered, mine)
    return result


def _reindent(lines: list[str], old: str, new: str) -> list[str]:
    return [
        new + line[len(old) :] if line.startswith(old) and line.strip() else line for line in lines
    ]


def _load(text: str) -> Any:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    try:
        return YAML(typ="safe", pure=True).load(text)
    except YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        problem = str(getattr(err, "problem", None) or err).splitlines()[0]
        raise BlockProblem("ci.not_yaml", line=line, detail=problem) from None


def _check_placement(result: str, rendered: str, mine: Block) -> None:
    jobs = _load("".join(_reindent(mine.inside, mine.indent, "")))
    path = _where(_load(rendered), jobs)
    if path is None:  # the template itself is wrong: a bug in redaksi, not the newsroom's file
        raise AssertionError("a CI template whose block is not a mapping in the file")
    node = _load(result)
    for key in path:
        node = node.get(key) if isinstance(node, dict) else None
    if not isinstance(node, dict) or any(node.get(k) != v for k, v in jobs.items()):
        raise BlockProblem("ci.displaced", where=".".join(path) or "(top level)")


def _where(document: Any, jobs: Any, path: tuple[str, ...] = ()) -> tuple[str, ...] | None:
    """The keys leading to the mapping of ``document`` that holds every item of ``jobs``."""
    if not isinstance(document, dict) or not isinstance(jobs, dict) or not jobs:
        return None
    if all(document.get(k) == v for k, v in jobs.items()):
        return path
    for key, value in document.items():
        found = _where(value, jobs, (*path, str(key)))
        if found is not None:
            return found
    return None
