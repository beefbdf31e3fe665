"""Services: the import on disk: what the newsroom holds; writing it all, or nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from redaksi.config import CONFIG_FILE, config_problems
from redaksi.core import article, fastread, yamlio
from redaksi.core.wordpress.batch import Planned
from redaksi.errors import RedaksiError, RefusedError
from redaksi.infra import store


def existing(root: Path) -> tuple[set[tuple[str, str]], set[str]]:
    """(site, post id) of every article already imported, and every slug in use."""
    keys: set[tuple[str, str]] = set()
    slugs: set[str] = set()
    for path in store.article_files(root):
        slugs.add(path.stem)
        try:
            text = store.read_text(root, path)
            if "imported:" not in text:
                continue
            front = article.split(text).front
        except (RedaksiError, article.FormatProblem):
            continue
        read = fastread.load(front)
        data: Any = read.data if read is not None else _exact(front)
        imported = data.get("imported") if isinstance(data, dict) else None
        if isinstance(imported, dict) and imported.get("id") is not None:
            keys.add((str(imported.get("site", "")), str(imported["id"])))
        if isinstance(data, dict) and isinstance(data.get("slug"), str):
            slugs.add(data["slug"])
    return keys, slugs


def _exact(front: str) -> Any:
    try:
        return yamlio.to_plain(yamlio.load_mapping(front))
    except yamlio.YamlProblem:
        return None


class Writer:
    """Writes the planned files, remembers them, and takes them all back on failure."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.files: list[Path] = []
        self.folders: list[Path] = []
        self.config_before: bytes | None = None

    def write(self, planned: Planned) -> None:
        path = self.root / planned.rel
        self.folders += store.make_dirs(path.parent)
        store.write_new(path, planned.text.encode("utf-8"))
        self.files.append(path)

    def write_config(self, text: str) -> None:
        path = self.root / CONFIG_FILE
        self.config_before = path.read_bytes()
        store.write_atomic(path, text)

    def undo(self) -> None:
        for path in reversed(self.files):
            store.restore(path, None)
        store.remove_dirs(sorted(set(self.folders), key=lambda p: len(p.parts)))
        if self.config_before is not None:
            store.restore(self.root / CONFIG_FILE, self.config_before)


def with_categories(root: Path, categories: list[str]) -> str:
    """redaksi.yaml with ``categories`` set, every other line kept; refused if not checkable."""
    text = store.read_text(root, root / CONFIG_FILE)
    newline = "\r\n" if text.split("\n", 1)[0].endswith("\r") else "\n"
    fence = f"---{newline}"
    bom = text[:1] if text.startswith(article.BOM) else ""
    body = text[len(bom) :]
    wrapped = fence + body + ("" if body.endswith("\n") else newline) + fence
    try:
        doc, data = article.parse(wrapped)
        rewritten = article.rewrite_parsed(doc, data, set_keys={"categories": categories})
    except article.FormatProblem:
        raise RefusedError("import.config_unwritable", path=CONFIG_FILE) from None
    result = bom + rewritten.text[len(fence) : -len(fence)]
    if not body.endswith("\n"):
        result = result[: -len(newline)]
    problems, _ = config_problems(root, result)
    if problems:
        raise RefusedError("import.config_unwritable", path=CONFIG_FILE)
    return result
