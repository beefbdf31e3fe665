"""Helpers for the reader's-side tests: articles written by hand, in any state, and committed."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from tests.conftest import git

SITE_YAML = """\
newsroom: Kabar Test
timezone: Asia/Jakarta
language: id
site:
  url: https://kabar.test/
  description: Berita uji
categories: [Pemerintahan, Ekonomi, Hukum]
staff:
  - {name: Ali Ya'lu, email: ali@kabar.test, roles: [reporter]}
  - {name: Mohammad S, email: ms@kabar.test, roles: [editor]}
  - {name: Keyra, email: keyra@kabar.test, roles: [publisher]}
"""


def _yaml(value: Any) -> str:
    import json

    return json.dumps(value, ensure_ascii=False)


def article(
    root: Path,
    slug: str,
    *,
    status: str = "published",
    title: str | None = None,
    category: str = "Pemerintahan",
    at: str = "2025-03-04T16:17:00+07:00",
    month: str | None = None,
    body: str = "Probolinggo,- Isi berita yang panjang. (*)\n",
    **extra: Any,
) -> Path:
    """Write ``articles/YYYY/MM/<slug>.md`` with the fields its state needs (JSON-style YAML)."""
    folder = month or at[:7].replace("-", "/")
    fields: dict[str, Any] = {
        "id": extra.pop("id", str(uuid.uuid5(uuid.NAMESPACE_URL, slug))),
        "title": title or f"Judul {slug}",
        "slug": slug,
        "status": status,
        "category": category,
        "tags": extra.pop("tags", ["Probolinggo"]),
        "dateline": "Probolinggo",
        "reporter": {"name": "Ali Ya'lu", "email": "ali@kabar.test"},
        "created_at": at,
    }
    if status in ("edit", "scheduled", "published", "retracted"):
        fields["editor"] = {"name": "Mohammad S", "email": "ms@kabar.test"}
    if status in ("scheduled", "published", "retracted"):
        fields["publisher"] = {"name": "Keyra", "email": "keyra@kabar.test"}
    if status in ("published", "retracted"):
        fields["published_at"] = at
    if status == "scheduled":
        fields["publish_at"] = at
    fields.update(extra)
    text = "---\n" + "".join(f"{k}: {_yaml(v)}\n" for k, v in fields.items()) + "---\n" + body
    path = root / "articles" / folder / f"{slug}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def site_newsroom(root: Path) -> Path:
    """The test newsroom with a site url, in Indonesian."""
    (root / "redaksi.yaml").write_text(SITE_YAML, encoding="utf-8")
    return root


def commit(root: Path, message: str = "articles") -> None:
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message)
