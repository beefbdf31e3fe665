"""Services: check a newsroom: its schema, its config, and every (or every named) article."""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from redaksi import schema
from redaksi.config import CONFIG_FILE, config_problems
from redaksi.core import validation
from redaksi.core.validation import Problem, Record
from redaksi.errors import RedaksiError, UsageError
from redaksi.infra import git, store
from redaksi.services import catalog
from redaksi.services import photos as photo_checks
from redaksi.services.catalog import CATEGORY, ID, PHOTO, PROBLEMS, SLUG, WHERE, Progress


@dataclass(frozen=True)
class Report:
    """What validation found, sorted by file and position, and how many files it read."""

    problems: list[Problem]
    checked: int
    photos: tuple[list[photo_checks.Photo], float] = ([], 5.0)
    """The photos seen and max_photo_mb: checked afresh on every run (never remembered)."""

    @property
    def files_with_problems(self) -> int:
        return len({p.file for p in self.problems})


def schema_file_problems(root: Path) -> list[Problem]:
    """The newsroom's own schemas must be JSON and valid JSON Schema 2020-12."""
    problems: list[Problem] = []
    for name in (schema.ARTICLE, schema.NEWSROOM):
        path = schema.path_for(root, name)
        if path is None:
            continue
        rel = store.relative(root, path)
        try:
            data = json.loads(store.read_text(root, path))
        except json.JSONDecodeError as err:
            problems.append(
                Problem(
                    rel,
                    err.lineno,
                    err.colno,
                    "schema",
                    "rule.schema_unreadable",
                    {"detail": err.msg},
                )
            )
            continue
        except RedaksiError as err:
            problems.append(
                Problem(rel, err.line or 1, err.column or 1, "file", err.key, err.params)
            )
            continue
        if not _known_good(data, name):
            for detail in validation.schema_errors(data):
                problems.append(
                    Problem(rel, 1, 1, "schema", "rule.schema_invalid", {"detail": detail})
                )
    return problems


def _known_good(data: object, name: str) -> bool:
    """The shipped schema needs no metaschema check (which costs an import of jsonschema)."""
    return bool(data == json.loads(schema.builtin_text(name)))


def _targets(root: Path, paths: Sequence[Path]) -> set[str]:
    """Article paths (relative) named on the command line: files, or folders to walk."""
    wanted: set[str] = set()
    for path in paths:
        absolute = path if path.is_absolute() else Path.cwd() / path
        if not absolute.exists() and not absolute.is_symlink():
            raise UsageError("file.missing", path=str(path))
        if not store.inside(root, absolute.parent):
            raise UsageError("validate.outside", path=str(path))
        rel = store.relative(root, absolute)
        if rel.split("/")[0] not in (store.ARTICLES, schema.FOLDER, CONFIG_FILE, "."):
            raise UsageError("validate.not_checkable", path=str(path))
        if absolute.is_dir():
            wanted |= {store.relative(root, p) for p in store.expand(root, [absolute])}
        elif absolute.name.endswith(".md"):
            wanted.add(store.relative(root, absolute))
    return wanted


def validate(
    root: Path,
    paths: Sequence[Path] | None = None,
    progress: Progress | None = None,
    since: str | None = None,
) -> Report:
    """Validate the newsroom at ``root``: everything, the named files, or what changed.

    With ``since`` (a git ref), only the articles changed since it are read.
    """
    from redaksi.infra.cache import without_damage

    return without_damage(root, lambda: _validate_remembering(root, paths, progress, since))


def _validate_remembering(
    root: Path, paths: Sequence[Path] | None, progress: Progress | None, since: str | None
) -> Report:
    if since is not None:
        targets, current = changed(root, since, paths)
        return _with_photos(root, _validate(root, targets, progress, current))
    now = catalog.state(root) if paths is None else None
    kept = catalog.recall(root, now, "report") if now is not None else None
    if kept is not None:  # nothing changed since the last whole run
        photos = catalog.recall(root, now, "photos") if now is not None else None
        return _with_photos(
            root,
            Report(
                [
                    Problem(f, line, col, rule, key, dict(params))
                    for f, line, col, rule, key, params in kept[0]
                ],
                kept[1],
                photos if photos is not None else ([], 5.0),
            ),
        )
    report = _validate(root, paths, progress, now)
    if now is not None:
        flat = [
            (p.file, p.line, p.column, p.rule, p.key, tuple(p.params.items()))
            for p in report.problems
        ]
        catalog.remember(root, now, "report", (flat, report.checked))
        catalog.remember(root, now, "photos", report.photos)
    return _with_photos(root, report)


def _with_photos(root: Path, report: Report) -> Report:
    """The report with the photo checks made now (files under media/ change on their own)."""
    found = photo_checks.problems(root, *report.photos)
    if not found:
        return report
    problems = sorted(set(report.problems + found), key=Problem.sort_key)
    return Report(problems, report.checked, report.photos)


def _validate(
    root: Path, paths: Sequence[Path] | None, progress: Progress | None, now: catalog.State | None
) -> Report:
    problems = schema_file_problems(root)
    if (root / store.ARTICLES).is_symlink():  # never followed: say so rather than check nothing
        problems.append(
            Problem(store.ARTICLES, 1, 1, "file", "file.symlink", {"path": store.ARTICLES})
        )
    config, data = config_problems(root)
    problems += config
    categories = None
    listed = data.get("categories") if data is not None else None
    if not config and isinstance(listed, list):
        categories = [str(c) for c in listed]
    if paths is None:
        found = catalog.articles(root, progress, None, now=now)
        if now is not None:
            catalog.remember_desk(root, now, found)
        chosen = [(a.rel, a.entry) for a in found if a.entry is not None]
        records = [Record(rel, e[ID], e[SLUG], e[CATEGORY], e[WHERE]) for rel, e in chosen]
        cross = validation.cross_file(records, categories)
        only: set[str] | None = None
    else:
        only = _targets(root, list(paths))
        current = now or catalog.state(root)
        if current is None:  # not a git repository: read the named files, compare file names
            from redaksi.services.analysis import analyse_file

            entries = {rel: analyse_file(root, rel) for rel in sorted(only)}
            others: dict[str, str | None] = {
                store.relative(root, p): None for p in store.article_files(root)
            }
        else:
            entries, others = catalog.named(root, only, current)
        chosen = sorted(entries.items())
        records = [Record(rel, e[ID], e[SLUG], e[CATEGORY], e[WHERE]) for rel, e in chosen]
        cross = validation.cross_file(records, categories)  # among the named, and their own rules
        cross += _clashes_with_the_rest(
            records, {rel: i for rel, i in others.items() if rel not in only}
        )
        unread = {rel for rel, found_id in others.items() if found_id is None and rel not in only}
        if unread:
            cross += _ids_elsewhere(root, records, unread)
    for rel, entry in chosen:
        problems += [
            Problem(rel, line, col, rule, key, dict(params))
            for line, col, rule, key, params in entry[PROBLEMS]
        ]
    problems += [p for p in cross if only is None or p.file in only]
    if only is None:
        problems += _not_articles(root)
    else:  # named files only: no listing of the whole archive
        named = _named(root, paths)
        problems += [
            Problem(name, 1, 1, "not-article", "rule.not_article", {"path": name})
            for name in sorted(named)
            if name.startswith(f"{store.ARTICLES}/")
            and not name.endswith(".md")
            and not (name.endswith("/.gitkeep") and _empty(root / name))
        ]
    problems += _changed_on_record(root, sorted(only) if only is not None else None)
    photos = photo_checks.listed(
        root, [(rel, e[PHOTO] if len(e) > PHOTO else None) for rel, e in chosen]
    )
    max_mb = data.get("max_photo_mb", 5) if data is not None else 5
    limit = float(max_mb) if isinstance(max_mb, int | float) else 5.0
    return Report(sorted(set(problems), key=Problem.sort_key), len(chosen), (photos, limit))


def _changed_on_record(root: Path, paths: Sequence[str] | None) -> list[Problem]:
    """Stories on the record (scheduled, published, retracted at HEAD) edited by hand.

    Caught here, before the commit, rather than by verify in CI; the line says how to go on:
    publish the change as a correction, or put the file back.
    """
    from redaksi.core import workflow

    scope = list(paths) if paths is not None else [store.ARTICLES]
    if not scope or git.own_step():  # the pre-commit hook of redaksi's own step (correct, ...)
        return []
    [out] = git.plumb(root, ["diff", "HEAD", "--name-only", "-z", "--no-renames", "--", *scope])
    problems = []
    for rel in sorted(set((out or b"").decode("utf-8", "surrogateescape").split("\0")) - {""}):
        [raw] = git.plumb(root, ["cat-file", "blob", f"HEAD:{rel}"])
        if not raw or not rel.endswith(".md"):
            continue
        committed = _front_of_text(raw)
        status = committed.get("status") if committed else None
        if status in workflow.FROZEN:
            slug = committed.get("slug") if committed else rel
            key = {"published": "rule.record_correct", "scheduled": "rule.record_unschedule"}.get(
                str(status), "rule.record_restore"
            )
            problems.append(
                Problem(
                    rel,
                    1,
                    1,
                    "changed-on-record",
                    key,
                    {"status": status, "slug": slug, "path": rel},
                )
            )
    return problems


def _front_of_text(raw: bytes) -> dict[str, object] | None:
    from redaksi.core import article, fastread, yamlio

    try:
        doc = article.split(raw.decode("utf-8"))
        fast = fastread.load(doc.front)
        if fast is not None:
            return fast.data
        _, data = article.parse(doc.text)
    except (UnicodeDecodeError, article.FormatProblem):
        return None
    plain = yamlio.to_plain(data)
    return plain if isinstance(plain, dict) else None


def _not_articles(root: Path) -> list[Problem]:
    """Files under articles/ that are not articles: a story renamed to .txt is a takedown.

    An empty ``.gitkeep`` (which keeps a folder in git) is the one exception.
    """
    if (root / store.ARTICLES).is_symlink():
        return []  # never followed; reported as a link
    [listing] = git.plumb(
        root,
        [
            "ls-files",
            "-c",
            "-o",
            "--exclude-standard",
            "-z",
            "--",
            store.ARTICLES,
            ":(exclude)*.md",
        ],
    )
    if listing is None:  # not a git repository: walk the folder
        names = [
            store.relative(root, Path(folder) / name)
            for folder, _, files in os.walk(root / store.ARTICLES)
            for name in files
            if not name.endswith(".md")
        ]
    else:
        names = sorted(set(listing.decode("utf-8", "surrogateescape").split("\0")) - {""})
    return [
        Problem(name, 1, 1, "not-article", "rule.not_article", {"path": name})
        for name in names
        if not (name.endswith("/.gitkeep") and _empty(root / name))
    ]


def _empty(path: Path) -> bool:
    try:
        return path.lstat().st_size == 0
    except OSError:  # gone, or behind a link redaksi does not follow: not a keep file
        return False


def _named(root: Path, paths: Sequence[Path] | None) -> set[str]:
    """The files named on the command line (and every file in folders named there)."""
    named: set[str] = set()
    for path in paths or ():
        absolute = path if path.is_absolute() else Path.cwd() / path
        if absolute.is_dir():
            named |= {
                store.relative(root, Path(folder) / f)
                for folder, _, files in os.walk(absolute)
                for f in files
            }
        else:
            named.add(store.relative(root, absolute))
    return named


def _clashes_with_the_rest(named: Sequence[Record], rest: dict[str, str | None]) -> list[Problem]:
    """Ids and slugs of named articles that an article not named already uses.

    One pass over the rest with set lookups: no index of 100,000 entries is built for a few.
    """
    mine = {r.file for r in named}
    ids = {r.id for r in named if r.id}
    names = tuple(f"/{r.slug}.md" for r in named if r.slug)
    id_hits = [(rel, found) for rel, found in rest.items() if found in ids and rel not in mine]
    name_hits = [rel for rel in rest if rel.endswith(names) and rel not in mine] if names else []
    problems = []
    for rec in named:
        for key, value, others in (
            ("id", rec.id, [rel for rel, found in id_hits if found == rec.id]),
            ("slug", rec.slug, [rel for rel in name_hits if rel.endswith(f"/{rec.slug}.md")]),
        ):
            if value and others:
                line, column = rec.where.get(key, (1, 1))
                params = {"value": value, "others": ", ".join(others)}
                problems.append(
                    Problem(rec.file, line, column, f"unique-{key}", f"rule.unique_{key}", params)
                )
    return problems


def _ids_elsewhere(root: Path, named: Sequence[Record], unread: set[str]) -> list[Problem]:
    """Ids of named articles that an unread article also uses (git grep, only when needed)."""
    problems = []
    for rec in named:
        if not rec.id:
            continue
        [out] = git.plumb(
            root, ["grep", "-l", "-F", "--untracked", "-e", f"id: {rec.id}", "--", store.ARTICLES]
        )
        others = [f for f in (out or b"").decode().splitlines() if f in unread]
        if others:
            line, column = rec.where.get("id", (1, 1))
            problems.append(
                Problem(
                    rec.file,
                    line,
                    column,
                    "unique-id",
                    "rule.unique_id",
                    {"value": rec.id, "others": ", ".join(others)},
                )
            )
    return problems


def changed(
    root: Path, since: str, within: Sequence[Path] | None = None
) -> tuple[list[Path], catalog.State | None]:
    """Articles changed since ``since`` (its merge base with HEAD), and the state read for it.

    Committed, staged, edited or new: the state is read once and used again by validation.
    """
    with git.Repository(root) as repo:
        base = repo.merge_base(repo.resolve(since), repo.resolve("HEAD"))
        committed = repo.run(
            "diff",
            "--name-only",
            "-z",
            "--no-renames",
            "--diff-filter=d",
            base,
            "HEAD",
            "--",
            store.ARTICLES,
        )
        staged = repo.run(
            "diff",
            "--cached",
            "--name-only",
            "-z",
            "--no-renames",
            "--diff-filter=d",
            "--",
            store.ARTICLES,
        )
    now = catalog.state(root)
    names = set(committed.split("\0")) | set(staged.split("\0")) | set(now.dirty if now else ())
    paths = [
        root / name for name in sorted(names) if name.endswith(".md") and (root / name).exists()
    ]
    if within:
        folders = [p.absolute() for p in within]
        paths = [p for p in paths if any(p == f or f in p.parents for f in folders)]
    return paths, now
