"""Services: a reporter starts a story: a new article file and its first commit."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from redaksi import schema
from redaksi.config import Newsroom, StaffMember
from redaksi.core import article, commits, slugs, validation, yamlio
from redaksi.core.slugs import slugify
from redaksi.errors import RefusedError, UsageError
from redaksi.infra import git, guard, store

SLUG = slugs.PATTERN
SLUG_LIMIT = slugs.TITLE_LIMIT


@dataclass(frozen=True)
class DraftRequest:
    """What a reporter gives for a new story (prompted or from flags)."""

    title: str
    category: str
    slug: str
    tags: tuple[str, ...] = ()
    dateline: str | None = None
    body: str | None = field(default=None, compare=False)
    embargo: str | None = None
    """RFC 3339: nobody may publish the story before then."""


def suggest_slug(title: str, limit: int = SLUG_LIMIT) -> str:
    """A slug from a title: ASCII, lowercase, hyphens, cut at a word boundary."""
    return slugify(title, limit)


def check_slug(root: Path, slug: str) -> None:
    """Refuse a slug that is malformed (exit 2) or already used by an article (exit 3)."""
    if not SLUG.match(slug) or len(slug) > SLUG_LIMIT:
        raise UsageError("draft.bad_slug", slug=slug)
    taken = store.files_named(root, f"{slug}.md")
    if taken:
        raise RefusedError("draft.slug_taken", slug=slug, path=store.relative(root, taken[0]))


def check_category(newsroom: Newsroom, category: str) -> None:
    if category not in newsroom.categories:
        raise UsageError(
            "draft.bad_category", category=category, choices=", ".join(newsroom.categories)
        )


def _entries(
    request: DraftRequest, reporter: StaffMember, now: datetime
) -> list[tuple[str, object]]:
    stamp = yamlio.timestamp(now.isoformat(timespec="seconds"))
    person = {"name": reporter.name, "email": reporter.email}
    entries: list[tuple[str, object]] = [
        ("id", str(uuid.uuid4())),
        ("title", request.title.strip()),
        ("slug", request.slug),
        ("status", "draft"),
        ("category", request.category),
    ]
    if request.tags:
        entries.append(("tags", list(request.tags)))
    if request.dateline:
        entries.append(("dateline", request.dateline.strip()))
    entries += [
        ("reporter", person),
        ("created_at", stamp),
        *([("embargo_until", yamlio.timestamp(request.embargo))] if request.embargo else []),
        ("history", [{"action": "draft", "to": "draft", "by": reporter.email, "at": stamp}]),
    ]
    return entries


@dataclass(frozen=True)
class Prepared:
    """A new draft worked out: where it goes, its text and its commit message."""

    path: Path
    text: str
    message: str


def prepare(
    newsroom: Newsroom,
    reporter: StaffMember,
    request: DraftRequest,
    now: datetime,
    placeholder: str,
) -> Prepared:
    """Check the request and build the new article; refuses (exit 2 or 3) what cannot be."""
    root = newsroom.root
    if not request.title.strip():
        raise UsageError("draft.empty_title")
    check_category(newsroom, request.category)
    check_slug(root, request.slug)
    local = now.astimezone(newsroom.zone)
    body = request.body or (
        f"{request.dateline.strip()},- {placeholder} (*)\n"
        if request.dateline
        else f"{placeholder} (*)\n"
    )
    text = article.render(_entries(request, reporter, local), body)
    _, data = article.parse(text)
    problems = validation.check_document(schema.validator(root, schema.ARTICLE), data, "")
    if problems:
        first = problems[0]
        raise RefusedError("draft.would_not_validate", detail_msg=first.key, **first.params)
    path = root / store.ARTICLES / f"{local:%Y}" / f"{local:%m}" / f"{request.slug}.md"
    message = commits.message("draft", request.title, commits.NEW, "draft", str(data["id"]), data)
    return Prepared(path, text, message)


def draft(
    newsroom: Newsroom,
    repo: git.Repository,
    reporter: StaffMember,
    request: DraftRequest,
    now: datetime,
    placeholder: str,
) -> Path:
    """Write and commit a new draft; return its path. On any failure nothing is left behind."""
    with guard.exclusive(newsroom.root):
        prepared = prepare(newsroom, reporter, request, now, placeholder)
        _commit(newsroom, repo, prepared, reporter.person())
    return prepared.path


def commit_prepared(
    newsroom: Newsroom, repo: git.Repository, prepared: Prepared, author: git.Person
) -> str:
    """Write and commit a draft already worked out (kept here when the remote cannot take it)."""
    with guard.exclusive(newsroom.root):
        check_slug(newsroom.root, prepared.path.stem)
        return _commit(newsroom, repo, prepared, author)


def _commit(
    newsroom: Newsroom, repo: git.Repository, prepared: Prepared, author: git.Person
) -> str:
    path = prepared.path
    rel = store.relative(newsroom.root, path)
    created = store.make_dirs(path.parent)
    try:
        with guard.replacing(newsroom.root, rel, "draft", None, prepared.text.encode("utf-8")):
            return repo.commit([rel], prepared.message, author, new=[rel])
    except BaseException:
        store.remove_dirs(created)
        raise
