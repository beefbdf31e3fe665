"""The newsroom: redaksi.yaml read into staff, roles, categories and settings.

Reading the config validates it against the newsroom schema first, so every later step can
trust its shape; a broken config is one clear line naming its position.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from redaksi import schema
from redaksi.core import article, yamlio
from redaksi.core.validation import Problem, check_document
from redaksi.errors import RefusedError, RepositoryError
from redaksi.infra import git, store

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
    path = root / CONFIG_FILE
    try:
        text = store.read_text(root, path) if text is None else text
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


def load(root: Path, text: str | None = None) -> Newsroom:
    """The newsroom at ``root`` (or as ``text`` describes it); a bad config is exit 4."""
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
    staff = tuple(
        StaffMember(str(m["name"]), str(m["email"]), frozenset(m["roles"]))
        for m in data["staff"]  # type: ignore[attr-defined]  # shape checked by the schema
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
    )
