"""Services: make a newsroom of a git repository: config, schemas, articles/, one commit."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from redaksi import schema
from redaksi.config import CONFIG_FILE, ROLES, valid_timezone
from redaksi.core import yamlio
from redaksi.errors import RefusedError, UsageError
from redaksi.infra import git, store
from redaksi.messages import LANGUAGES

DEFAULT_CATEGORIES = ("Pemerintahan", "Ekonomi", "Hukum", "Pendidikan", "Kesehatan")
DEFAULT_TIMEZONE = "Asia/Jakarta"
KEEP = "articles/.gitkeep"
IGNORED = "# what 'redaksi build' writes: the public site, made again from the repository\n_site/\n"
"""A new newsroom's .gitignore (an existing one is left as it is)."""


@dataclass(frozen=True)
class InitRequest:
    name: str
    timezone: str = DEFAULT_TIMEZONE
    language: str = "id"


def config_text(request: InitRequest, founder: git.Person) -> str:
    """A commented redaksi.yaml with the founder on staff in every role."""
    staff = [{"name": founder.name, "email": founder.email, "roles": list(ROLES)}]
    parts = [
        "# redaksi newsroom configuration (schema: schemas/newsroom.schema.json)\n",
        yamlio.dump_entry("newsroom", request.name),
        "# IANA time zone: timestamps are written with its offset (Asia/Jakarta is WIB, +07:00)\n",
        yamlio.dump_entry("timezone", request.timezone),
        "# id or en: the language redaksi speaks to this newsroom\n",
        yamlio.dump_entry("language", request.language),
        "# true: nobody approves, schedules or publishes a story they ever reported;\n",
        "# a newsroom of one person sets it to false (and commits that)\n",
        yamlio.dump_entry("four_eyes", True),
        yamlio.dump_entry("categories", list(DEFAULT_CATEGORIES)),
        "# roles: reporter (drafts, submits), editor (approves, rejects, corrects),\n",
        "# publisher (publishes, corrects, retracts)\n",
        yamlio.dump_entry("staff", staff),
    ]
    return "".join(parts)


def write_schemas(root: Path) -> None:
    """Copy the shipped schemas into ``root/schemas`` and create ``articles/``."""
    for name in (schema.ARTICLE, schema.NEWSROOM):
        path = root / schema.FOLDER / name
        store.make_dirs(path.parent)
        store.write_atomic(path, schema.builtin_text(name), new=True)
    store.make_dirs(root / "articles")
    store.write_atomic(root / KEEP, "", new=True)


def init(root: Path, repo: git.Repository, request: InitRequest) -> list[str]:
    """Write and commit a new newsroom at ``root``; return the committed paths."""
    if (root / CONFIG_FILE).exists():
        raise RefusedError("repo.newsroom_exists", path=CONFIG_FILE)
    if not valid_timezone(request.timezone):
        raise UsageError("init.bad_timezone", timezone=request.timezone)
    if request.language not in LANGUAGES:
        raise UsageError("init.bad_language", language=request.language)
    founder = repo.identity()
    files = {CONFIG_FILE: config_text(request, founder), KEEP: "", ".gitignore": IGNORED}
    for name in (schema.ARTICLE, schema.NEWSROOM):
        files[f"{schema.FOLDER}/{name}"] = schema.builtin_text(name)
    files = {rel: text for rel, text in files.items() if not (root / rel).exists()}
    created_dirs: list[Path] = []
    written: list[Path] = []
    try:
        for rel, text in files.items():
            path = root / rel
            created_dirs += store.make_dirs(path.parent)
            store.write_atomic(path, text, new=True)
            written.append(path)
        message = f"init: {request.name}\n\nRedaksi-Action: init\n"
        repo.commit(list(files), message, founder, new=list(files))
    except BaseException:
        for path in written:
            store.restore(path, None)
        store.remove_dirs(created_dirs)
        raise
    return list(files)
