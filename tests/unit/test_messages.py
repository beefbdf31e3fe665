"""The catalogue: every message in both languages, with the same placeholders."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from redaksi.messages import CATALOGUE, detect_language, render

SRC = Path(__file__).resolve().parents[2] / "src" / "redaksi"


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_both_languages_say_it_with_the_same_placeholders(key: str) -> None:
    english, indonesian = CATALOGUE[key]
    assert english.strip() and indonesian.strip()
    assert _fields(english) == _fields(indonesian)
    assert "key" not in _fields(english)  # Output.text(key, **params) takes the key itself


def test_every_key_the_code_uses_is_in_the_catalogue() -> None:
    used: set[str] = set()
    prefixes = "|".join(sorted({key.split(".")[0] for key in CATALOGUE}))
    pattern = re.compile(rf'"((?:{prefixes})\.[a-z_.-]+)"')
    for path in SRC.rglob("*.py"):
        if "messages" not in path.relative_to(SRC).parts:
            used |= set(pattern.findall(path.read_text(encoding="utf-8")))
    dynamic = {k for k in used if k.endswith((".", ".json", ".html"))}  # file names, not keys
    assert sorted(used - dynamic - set(CATALOGUE)) == []


def test_nested_message_parameters_are_translated() -> None:
    text = render(
        "staff.lacks_role",
        "id",
        {"name": "Ali", "email": "a@b.c", "role_msg": "role.editor", "action": "approve"},
    )
    assert "bukan redaktur" in text


def test_language_detection(monkeypatch: pytest.MonkeyPatch) -> None:
    assert detect_language("id") == "id"
    assert detect_language(None) == "en"
    monkeypatch.setenv("LANG", "id_ID.UTF-8")
    assert detect_language(None) == "id"
    monkeypatch.setenv("REDAKSI_LANGUAGE", "en")
    assert detect_language(None) == "en"
