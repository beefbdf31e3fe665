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
from redaksi.config import CONFIG_FILE, Newsroom
from redaksi.core import article, fastread, validation
from redaksi.core.wordpress import posts, wxr
from redaksi.core.wordpress.batch import Batch, Planned, Tally
from redaksi.errors import RefusedError, UsageError
from redaksi.infra import git, guard, store
from redaksi.services.people import authorize
from redaksi.services.wordpress_convert import converted
from redaksi.services.wordpress_disk import Writer, existing, with_categories


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
    me = repo.identity()
    if not dry_run:
        me = authorize(newsroom, me.email, "publisher", "import").person()
    importer = {"name": me.name, "email": me.email}
    article_schema = schema.load_or_builtin(root, schema.ARTICLE)
    if "imported" not in article_schema.get("properties", {}):
        raise RefusedError("import.schema_old")
    with guard.exclusive(root):
        source = _Export(export, progress or _Quiet())
        size = export.stat().st_size if export.is_file() else 0
        source.progress.start(2 * size)
        found = _first_pass(source)
        keys, slugs = existing(root)
        batch = Batch(
            source.channel.site, keys, slugs, newsroom.categories, importer, now, newsroom.zone
        )
        writer = None if dry_run else Writer(root)
        try:
            outcome = _second_pass(newsroom, source, batch, found, now, writer)
            if outcome.paths and not dry_run and writer is not None:
                outcome.commit = _commit(newsroom, repo, batch, writer, me)
        except BaseException:
            if writer is not None:
                writer.undo()
            raise
    return outcome


def _first_pass(source: _Export) -> tuple[dict[str, posts.Attachment], int]:
    """The attachments (for featured images) and how many posts may need converting."""
    attachments: dict[str, posts.Attachment] = {}
    candidates = 0
    for item in source.items():
        found = posts.attachment_of(item)
        if found is not None:
            attachments[found[0]] = found[1]
        candidates += posts.routine_skip(item) is None
    return attachments, candidates


def _candidates(source: _Export, batch: Batch) -> Iterator[wxr.Item]:
    """The posts to convert; the rest are counted on the way (routine skips, already here)."""
    for item in source.items():
        reason = posts.routine_skip(item)
        if reason is not None:
            batch.tally.skip(posts.Skip(item.get("wp:post_id"), reason))
        elif batch.known(item.get("wp:post_id")):
            batch.tally.already += 1
        else:
            yield item


def _second_pass(
    newsroom: Newsroom,
    source: _Export,
    batch: Batch,
    found: tuple[dict[str, posts.Attachment], int],
    now: datetime,
    writer: Writer | None,
) -> Outcome:
    check = _Checker(newsroom.root)
    outcome = Outcome(source.channel.site, batch.tally, writer is None)
    attachments, count = found
    for _, post in converted(
        _candidates(source, batch), count, source.channel, attachments, newsroom.zone, now
    ):
        if isinstance(post, posts.Skip):
            batch.tally.skip(post)
            continue
        if batch.known(post.post_id):  # the same post twice in one export
            batch.tally.already += 1
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


def _commit(
    newsroom: Newsroom, repo: git.Repository, batch: Batch, writer: Writer, author: git.Person
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
    new = [store.relative(root, p) for p in writer.files]
    return repo.commit(paths, message, author, new=new)
