"""The JSON Schemas: the newsroom's own copy under schemas/, else the one redaksi ships."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

ARTICLE = "article.schema.json"
NEWSROOM = "newsroom.schema.json"
FOLDER = "schemas"


def builtin_text(name: str) -> str:
    """The text of a schema shipped inside the package."""
    return (resources.files("redaksi") / "schemas" / name).read_text(encoding="utf-8")


def path_for(root: Path, name: str) -> Path | None:
    """The newsroom's own copy of a schema, when it has one."""
    path = root / FOLDER / name
    return path if path.is_file() else None


def load(root: Path, name: str) -> dict[str, Any]:
    """The schema that applies in the newsroom at ``root`` (raises ValueError if unreadable)."""
    path = path_for(root, name)
    text = path.read_text(encoding="utf-8") if path else builtin_text(name)
    return _parse(text)


@cache
def _parse(text: str) -> dict[str, Any]:
    data = json.loads(text)
    if not isinstance(data, dict):
        raise ValueError("a schema must be a JSON object")
    return data


def load_or_builtin(root: Path, name: str) -> dict[str, Any]:
    """The newsroom's schema, or the built-in one when the newsroom's cannot be read."""
    try:
        return load(root, name)
    except (ValueError, OSError):
        return _parse(builtin_text(name))


@cache
def _validator_for(text: str) -> Any:
    from redaksi.core import validation

    return validation.make_validator(_parse(text))


def validator_for_text(text: str) -> Any:
    """A ready validator for a schema given as text (raises ValueError if it is not one)."""
    return _validator_for(text)


def validator(root: Path, name: str) -> Any:
    """A ready validator for the schema that applies at ``root`` (the built-in if unreadable)."""
    path = path_for(root, name)
    text = path.read_text(encoding="utf-8") if path else builtin_text(name)
    try:
        _parse(text)
    except ValueError:
        text = builtin_text(name)
    return _validator_for(text)
