"""Services: ``redaksi import wordpress``: an archive moves in, in one commit or not at all.

The export is read twice, streamed: the first pass proves the whole file is a readable WXR
export and gathers the small things posts point to (attachments, for featured images); the
second converts each post and writes its article as it goes, so memory follows the largest
post, not the export. Categories new to the newsroom are appended to ``redaksi.yaml``. One
commit by a publisher takes it all; on any failure every file written is removed and
``redaksi.yaml`` is put back, byte for byte.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from redaksi import schema
from redaksi.config import CONFIG_FILE, Newsroom, config_problems
from redaksi.core import article, fastread, validation, yamlio
from redaksi.core.wordpress import posts, wxr
from redaksi.core.wordpress.batch import Batch, Planned, Tally
from redaksi.errors import RedaksiError, RefusedError, UsageError
from redaksi.infra import git, guard, store
from redaksi.services.people import authorize


class Progress(Protocol):
    def start(self, total: int) -> None: ...

    def advance(self, amount: int) -> None: ...


class _Quiet:
    def start(self, total: int) -> None:
        pass

    def advance(self, amount: int) -> None:
        pass


@dataclass
class Outcome:
    """What the import did (or, in a dry run, would do)."""

    site: str
    tally: Tally
    dry_run: bool
    commit: str | None = None
    paths: list[str] = field(default_factory=list)


class _Export:
    """The export file, read pass by pass; problems become exit 2 with line and column."""

    def __init__(self, path: Path, progress: Progress) -> None:
        self.path = path
        self.progress = progress
        self.channel = wxr.Channel()
        self.digests: list[bytes] = []

    def items(self) -> Iterator[wxr.Item]:
        reader = wxr.Reader()
        digest = hashlib.blake2b()
        try:
            for chunk in store.read_chunks(self.path):
                digest.update(chunk)
                yield from reader.feed(chunk)
                self.progress.advance(len(chunk))
            yield from reader.close()
        except wxr.WxrProblem as problem:
            raise UsageError(
                problem.key,
                file=str(self.path),
                line=problem.line,
                column=problem.column,
                **problem.params,
            ) from None
        self.channel = reader.channel
        self.digests.append(digest.digest())


def import_wordpress(
    newsroom: Newsroom,
    repo: git.Repository,
    export: Path,
    now: datetime,
    *,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> Outcome:
    """Import every post of ``export`` not yet in the newsroom; one commit, or nothing."""
    root = newsroom.root
    email = repo.identity().email
    importer = email if dry_run else authorize(newsroom, email, "publisher", "import").email
    article_schema = schema.load_or_builtin(root, schema.ARTICLE)
    if "imported" not in article_schema.get("properties", {}):
        raise RefusedError("import.schema_old")
    with guard.exclusive(root):
        source = _Export(export, progress or _Quiet())
        size = export.stat().st_size if export.is_file() else 0
        source.progress.start(2 * size)
        attachments = _first_pass(source)
        keys, slugs = _existing(root)
        batch = Batch(
            source.channel.site, keys, slugs, newsroom.categories, importer, now, newsroom.zone
        )
        writer = None if dry_run else _Writer(root)
        try:
            outcome = _second_pass(newsroom, source, batch, attachments, now, writer)
            if outcome.paths and not dry_run and writer is not None:
                outcome.commit = _commit(newsroom, repo, batch, writer, importer)
        except BaseException:
            if writer is not None:
                writer.undo()
            raise
    return outcome


def _first_pass(source: _Export) -> dict[str, posts.Attachment]:
    attachments: dict[str, posts.Attachment] = {}
    for item in source.items():
        found = posts.attachment_of(item)
        if found is not None:
            attachments[found[0]] = found[1]
    return attachments


def _second_pass(
    newsroom: Newsroom,
    source: _Export,
    batch: Batch,
    attachments: dict[str, posts.Attachment],
    now: datetime,
    writer: _Writer | None,
) -> Outcome:
    check = _Checker(newsroom.root)
    outcome = Outcome(source.channel.site, batch.tally, writer is None)
    for item in source.items():
        reason = posts.routine_skip(item)
        if reason is not None:
            batch.tally.skip(posts.Skip(item.get("wp:post_id"), reason))
            continue
        if batch.known(item.get("wp:post_id")):
            batch.tally.already += 1
            continue
        post = posts.convert(item, source.channel, attachments, newsroom.zone, now)
        if isinstance(post, posts.Skip):
            batch.tally.skip(post)
            continue
        planned = batch.plan(post)
        problem = check(planned)
        if problem is not None:
            batch.tally.skip(problem)
            continue
        batch.accept(planned)
        outcome.paths.append(planned.rel)
        if writer is not None:
            writer.write(planned)
    if len(set(source.digests)) > 1:
        raise UsageError("import.changed", path=str(source.path))
    return outcome


class _Checker:
    """Every planned article must validate; the fast path answers, jsonschema explains a no.

    The front matter is read back with libyaml where libyaml reads it (the writer is proven
    against both readers by tests; this keeps proving it on real data at no cost).
    """

    def __init__(self, root: Path) -> None:
        self.root = root
        self.fast = validation.make_fast_validator(schema.load_or_builtin(root, schema.ARTICLE))

    def __call__(self, planned: Planned) -> posts.Skip | None:
        front = planned.text.split("\n---\n", 1)[0].removeprefix("---\n") + "\n"
        read = fastread.load(front)
        if read is not None and read.data != planned.front:
            return _invalid(planned, "import.unwritable", {})
        if self.fast is not None and self.fast.is_valid(planned.front):
            return None
        try:
            _, data = article.parse(planned.text)
        except article.FormatProblem as err:
            return _invalid(planned, err.key, err.params)
        problems = validation.check_document(
            schema.validator(self.root, schema.ARTICLE), data, planned.rel
        )
        return _invalid(planned, problems[0].key, problems[0].params) if problems else None


def _invalid(planned: Planned, key: str, params: Any) -> posts.Skip:
    detail = (key, {k: v for k, v in dict(params).items() if isinstance(v, str | int)})
    return posts.Skip(planned.post.post_id, "invalid", planned.post.title, False, detail)


def _existing(root: Path) -> tuple[set[tuple[str, str]], set[str]]:
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


class _Writer:
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


def _commit(
    newsroom: Newsroom, repo: git.Repository, batch: Batch, writer: _Writer, importer: str
) -> str:
    root = newsroom.root
    paths = [store.relative(root, p) for p in writer.files]
    added = batch.tally.categories_added
    if added:
        if repo.run_raw("diff", "--quiet", "HEAD", "--", CONFIG_FILE)[0] != 0:
            raise RefusedError("import.config_dirty", path=CONFIG_FILE)
        writer.write_config(with_categories(root, [*newsroom.categories, *added]))
        paths.append(CONFIG_FILE)
    count = len(writer.files)
    message = (
        f"import: {count} article{'s' if count != 1 else ''} from {batch.site or 'WordPress'}\n\n"
        f"Redaksi-Action: import\n"
        f"Redaksi-Import-Source: wordpress {batch.site}\n"
        f"Redaksi-Import-Count: {count}\n"
    )
    member = newsroom.member(importer)
    author = member.person() if member else repo.identity()
    new = [store.relative(root, p) for p in writer.files]
    return repo.commit_many(paths, message, author, new=new)


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
