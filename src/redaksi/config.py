"""The newsroom: redaksi.yaml read into staff, roles, categories and settings.

Reading the config validates it against the newsroom schema first, so every later step can
trust its shape; a broken config is one clear line naming its position.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from redaksi import __version__, schema
from redaksi.errors import RefusedError, RepositoryError
from redaksi.infra import git, store

if TYPE_CHECKING:
    from redaksi.core.validation import Problem

CONFIG_FILE = "redaksi.yaml"
ROLES = ("reporter", "editor", "publisher")


@dataclass(frozen=True)
class StaffMember:
    name: str
    email: str
    roles: frozenset[str]

    def person(self) -> git.Person:
        return git.Person(self.name, self.email)


@dataclass(frozen=True)
class Newsroom:
    """A newsroom's settings, as redaksi.yaml states them."""

    root: Path
    name: str
    timezone: str
    language: str
    categories: tuple[str, ...]
    staff: tuple[StaffMember, ...]
    four_eyes: bool = False
    push: bool = False
    require_signed: bool = False
    site_url: str | None = None
    """``site.url``: the canonical base of every public link (None: not set)."""
    site_description: str | None = None
    max_photo_mb: float = 5.0
    ci_install: str | None = None
    """``ci.install``: what the CI workflows install (a version, wheel URL or git URL)."""

    def member(self, email: str) -> StaffMember | None:
        """The staff member with this email, compared case-insensitively."""
        wanted = email.strip().casefold()
        return next((m for m in self.staff if m.email.casefold() == wanted), None)

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


def find_newsroom_root(start: Path) -> Path:
    """The git working tree containing ``start``, which must hold a redaksi.yaml."""
    root = git.find_root(start)
    if not (root / CONFIG_FILE).is_file():
        raise RepositoryError("repo.not_newsroom", root=str(root))
    return root


def valid_timezone(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def config_problems(
    root: Path, text: str | None = None
) -> tuple[list[Problem], dict[str, object] | None]:
    """Everything wrong with redaksi.yaml (or ``text``, as git had it), and its data if readable."""
    from redaksi.core import article, yamlio
    from redaksi.core.validation import Problem, check_document

    path = root / CONFIG_FILE
    try:
        text = store.read_text(root, path) if text is None else text
    except RefusedError as err:
        return [
            Problem(CONFIG_FILE, err.line or 1, err.column or 1, "file", err.key, err.params)
        ], None
    quick = _quick(root, text)
    if quick is not None:  # plain and valid: no need to load the explaining machinery
        return [], quick
    try:
        data = yamlio.load_mapping(text)
    except yamlio.YamlProblem as err:
        return [
            Problem(CONFIG_FILE, err.line + 1, err.column + 1, "yaml", err.key, err.params)
        ], None
    except RefusedError as err:
        line, column = err.line or 1, err.column or 1
        return [Problem(CONFIG_FILE, line, column, "file", err.key, err.params)], None
    problems = [
        Problem(p.file, p.line - article.FIRST_YAML_LINE + 1, p.column, p.rule, p.key, p.params)
        for p in check_document(schema.validator(root, schema.NEWSROOM), data, CONFIG_FILE)
    ]
    zone = data.get("timezone")
    if isinstance(zone, str) and not valid_timezone(zone):
        line, column = yamlio.position(data, ["timezone"])
        problems.append(
            Problem(CONFIG_FILE, line + 1, column + 1, "timezone", "rule.timezone", {"value": zone})
        )
    return problems, yamlio.to_plain(data)


def _quick(root: Path, text: str) -> dict[str, object] | None:
    """The config's data when libyaml and jsonschema-rs find it valid as it is, else None."""
    from redaksi.core import fastread, validation

    fast = fastread.load(text)
    if fast is None:
        return None
    validator = validation.make_fast_validator(schema.load_or_builtin(root, schema.NEWSROOM))
    zone = fast.data.get("timezone")
    if (
        validator is None
        or not validator.is_valid(fast.data)
        or not isinstance(zone, str)
        or not valid_timezone(zone)
    ):
        return None
    return fast.data


def _cache_key(root: Path) -> tuple[Path, bytes | None]:
    from redaksi.infra.guard import git_dir

    path = git_dir(root) / "redaksi" / "config"
    try:
        raw = (root / CONFIG_FILE).read_bytes()
    except OSError:
        return path, None
    own = schema.path_for(root, schema.NEWSROOM)
    extra = own.read_bytes() if own else b""
    return path, hashlib.sha1(
        raw + b"\0" + extra + __version__.encode(), usedforsecurity=False
    ).digest()


def load(root: Path, text: str | None = None) -> Newsroom:
    """The newsroom at ``root`` (or as ``text`` describes it); a bad config is exit 4.

    A config that was read and found good is remembered in ``.git/redaksi/config`` under a
    hash of its bytes (and of the schema), so later commands need not parse it again.
    """
    if text is None:
        path, key = _cache_key(root)
        with contextlib.suppress(OSError, ValueError, EOFError, TypeError, KeyError):
            kept = marshal.loads(path.read_bytes())
            if key is not None and kept["key"] == key:
                fields = dict(kept["newsroom"])
                fields["staff"] = tuple(
                    StaffMember(n, e, frozenset(r)) for n, e, r in fields["staff"]
                )
                fields["categories"] = tuple(fields["categories"])
                return Newsroom(root=root, **fields)
        newsroom = _load(root, None)
        if key is not None:
            fields = {k: v for k, v in asdict(newsroom).items() if k != "root"}
            fields["staff"] = [(m.name, m.email, sorted(m.roles)) for m in newsroom.staff]
            fields["categories"] = list(newsroom.categories)
            with contextlib.suppress(OSError, ValueError):
                path.parent.mkdir(exist_ok=True)
                temp = path.with_name(f"config.{os.getpid()}.tmp")
                temp.write_bytes(marshal.dumps({"key": key, "newsroom": fields}))
                os.replace(temp, path)
        return newsroom
    return _load(root, text)


def _load(root: Path, text: str | None) -> Newsroom:
    problems, data = config_problems(root, text)
    if problems or data is None:
        first = problems[0]
        raise RepositoryError(
            "repo.config_invalid",
            file=CONFIG_FILE,
            line=first.line,
            column=first.column,
            detail_msg=first.key,
            **first.params,
        )
    members: Any = data["staff"]  # shape checked by the schema
    site: Any = data.get("site") or {}
    ci: Any = data.get("ci") or {}
    staff = tuple(
        StaffMember(str(m["name"]), str(m["email"]), frozenset(m["roles"])) for m in members
    )
    return Newsroom(
        root=root,
        name=str(data["newsroom"]),
        timezone=str(data["timezone"]),
        language=str(data.get("language", "id")),
        categories=tuple(data["categories"]),  # type: ignore[arg-type]  # checked by the schema
        staff=staff,
        four_eyes=bool(data.get("four_eyes", False)),
        push=bool(data.get("push", False)),
        require_signed=bool(data.get("require_signed", False)),
        site_url=_text(site.get("url")),
        site_description=_text(site.get("description")),
        max_photo_mb=float(data.get("max_photo_mb", 5)),  # type: ignore[arg-type]  # a number: schema
        ci_install=_text(ci.get("install")),
    )


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None
