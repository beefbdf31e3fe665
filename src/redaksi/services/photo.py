"""Services: ``redaksi photo``: an image into ``media/``, its location data removed, on the article.

SPEC (Photos): the image is copied to ``media/<YYYY>/<MM>/<slug>-<name>`` (the article's own
year and month), never over different bytes; EXIF and XMP (where GPS positions live) are cut
from the file without re-encoding a pixel; ``photo: {file, caption, credit}`` is set in the
front matter, touching no other line. A draft gets its own commit (article and image);
in review or edit both wait in the working tree and travel with the article's next step.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from redaksi import schema
from redaksi.config import Newsroom
from redaksi.core import article, validation
from redaksi.errors import InputError, RefusedError, UsageError
from redaksi.infra import git, guard, store
from redaksi.services import articles
from redaksi.services.transition import actor_for, refuse_invalid
from redaksi.site import images

OPEN = ("draft", "review", "edit")
"""States in which ``photo`` may set a photo; later it changes only as a correction would."""
_LAYOUT = re.compile(r"^articles/(\d{4})/(\d{2})/[^/]+\.md$")


@dataclass(frozen=True)
class Placed:
    """What ``photo`` did: the media file, the article, and the commit (None: it waits)."""

    file: str
    rel: str
    commit: str | None


def media_name(slug: str, source: str, kind: str) -> str:
    """``<slug>-<name>.<ext>``: lower case letters, digits, ``-`` and ``_`` only."""
    stem = Path(source).stem.lower()
    stem = re.sub(r"[^a-z0-9_]+", "-", stem).strip("-_")
    if not stem:
        raise UsageError("photo.bad_name", name=Path(source).name)
    wanted = images.kind_of_name(source)
    extension = Path(source).suffix.lower() if wanted == kind else images.KINDS[kind][0]
    return f"{slug}-{stem}{extension}"


def read_image(newsroom: Newsroom, source: Path) -> tuple[bytes, str]:
    """The image's bytes with location data removed, and its kind; refused if not a photo."""
    limit = int(newsroom.max_photo_mb * 1024 * 1024)
    try:
        with source.open("rb") as handle:
            data = handle.read(limit + 1)
    except FileNotFoundError:
        raise UsageError("file.missing", path=str(source)) from None
    except OSError as err:
        raise InputError("file.unreadable", file=str(source), detail=err.strerror or "") from None
    if len(data) > limit:
        size = round(source.stat().st_size / 1024 / 1024, 1)
        raise RefusedError(
            "photo.too_large", path=str(source), size=size, limit=newsroom.max_photo_mb
        )
    kind = images.kind(data)
    if kind is None:
        raise RefusedError("photo.not_image", path=str(source))
    return images.strip_location(data), kind


def place(
    newsroom: Newsroom, repo: git.Repository, ref: str, source: Path, caption: str, credit: str
) -> Placed:
    """Put the photo ``source`` on the article ``ref`` (see the module docstring)."""
    root = newsroom.root
    actor = actor_for(newsroom, repo.identity().email)
    data, kind = read_image(newsroom, source)
    with guard.exclusive(root):
        loaded = articles.load(root, articles.find(root, ref))
        status = str(loaded.data.get("status", ""))
        if status not in OPEN:
            raise RefusedError("photo.frozen", path=loaded.rel, status=status)
        layout = _LAYOUT.match(loaded.rel)
        year, month = layout.groups() if layout else (None, None)
        slug = str(loaded.data.get("slug") or Path(loaded.rel).stem)
        name = media_name(slug, source.name, kind)
        file = f"{year}/{month}/{name}" if year else name
        target = root / "media" / file
        existing = store.read_bytes(target)
        if existing is not None and existing != data:
            raise RefusedError("photo.exists_different", file=file)
        text = _with_photo(newsroom, loaded, {"file": file, "caption": caption, "credit": credit})
        media_rel = f"media/{file}"
        created = store.make_dirs(target.parent) if existing is None else []
        with guard.journal(root, loaded.rel, "photo", loaded.raw, text.encode("utf-8")):
            try:
                if existing is None:
                    store.write_new_bytes(target, data)
                store.write_atomic(loaded.path, text)
                commit = None
                if status == "draft":
                    paths = [loaded.rel, media_rel]
                    new = [p for p in paths if not repo.is_tracked(p)]
                    title = str(loaded.data.get("title", ""))
                    article_id = str(loaded.data.get("id", ""))
                    message = (  # a step of its own: sync pushes it, verify knows it
                        f"photo: {title}\n\n{media_rel}\n\nRedaksi-Action: photo\n"
                        f"Redaksi-Article: {article_id}\n"
                    )
                    commit = repo.commit(
                        paths, message, git.Person(actor.name, actor.email), new=new
                    )
            except BaseException:
                store.restore(loaded.path, loaded.raw)
                if existing is None:
                    store.restore(target, None)
                    store.remove_dirs(created)
                raise
    return Placed(media_rel, loaded.rel, commit)


def _with_photo(newsroom: Newsroom, loaded: articles.Loaded, photo: dict[str, str]) -> str:
    """The article's text with ``photo`` set, checked against the schema before any write."""
    try:
        rewritten = article.rewrite_parsed(loaded.doc, loaded.data, set_keys={"photo": photo})
    except article.FormatProblem as err:
        raise InputError(err.key, file=loaded.rel, line=err.line, column=err.column) from None
    problems = validation.check_document(
        schema.validator(newsroom.root, schema.ARTICLE), rewritten.data, loaded.rel
    )
    refuse_invalid(problems)
    return rewritten.text
