"""The catalogue of everything redaksi says to people, in English and Indonesian.

Every user-facing sentence lives in one catalogue under a key; code raises and returns keys
with parameters, and only the CLI renders them, in the newsroom's ``language`` (redaksi.yaml).
The catalogue is kept in one module per area of the product (``messages/<area>.py``, each a
``MESSAGES`` table) and assembled here; a key is defined once, in one area.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from importlib import import_module
from typing import Any

LANGUAGES = ("id", "en")
AREAS = (
    "files",
    "rules",
    "newsroom",
    "desk",
    "checks",
    "workflow",
    "remote",
    "push",
    "cli",
    "ci",
    "importing",
    "catalog",
    "deskwork",
    "help",
    "site",
)
"""The modules of the catalogue, one per area of the product."""


def _assemble() -> dict[str, tuple[str, str]]:
    catalogue: dict[str, tuple[str, str]] = {}
    for area in AREAS:
        table: dict[str, tuple[str, str]] = import_module(f"redaksi.messages.{area}").MESSAGES
        clash = catalogue.keys() & table.keys()
        if clash:
            raise RuntimeError(f"message keys defined twice: {sorted(clash)}")
        catalogue.update(table)
    return catalogue


CATALOGUE: dict[str, tuple[str, str]] = _assemble()
"""key -> (English, Indonesian)."""


def detect_language(configured: str | None = None) -> str:
    """The language to speak: redaksi.yaml's, else REDAKSI_LANGUAGE, else the locale's."""
    for candidate in (configured, os.environ.get("REDAKSI_LANGUAGE")):
        if candidate in LANGUAGES:
            return candidate
    locale = (
        os.environ.get("LC_ALL") or os.environ.get("LC_MESSAGES") or os.environ.get("LANG") or ""
    )
    return "id" if locale.lower().startswith("id") else "en"


def render(key: str, language: str, params: Mapping[str, Any] | None = None) -> str:
    """The catalogue text for ``key`` in ``language`` with ``params`` filled in.

    A parameter whose name ends in ``_msg`` is itself a catalogue key and is translated.
    """
    pair = CATALOGUE.get(key)
    if pair is None:
        return key if not params else f"{key} {dict(params)}"
    template = pair[1] if language == "id" else pair[0]
    plain = {name: value for name, value in (params or {}).items() if not name.endswith("_msg")}
    values = dict(plain)
    for name, value in (params or {}).items():
        if name.endswith("_msg") and isinstance(value, str):  # nested: each level drops its own
            rest = {k: v for k, v in (params or {}).items() if k != name}
            values[name] = render(value, language, rest)
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        return template
