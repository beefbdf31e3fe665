"""Services: what ``verify`` trusts for each commit, and the rules over whole commits.

Trust comes from the base of the pull request: who is on staff (and only in roles that both the
base and the commit's parent give them), the schema, the categories. Changes to those files, to
redaksi's block of the CI workflow, or to a published story's photo are findings unless made the
one way they may be. Signatures, when required, must be the author's own.
"""

from __future__ import annotations

import atexit
import os
import posixpath
import re
from collections.abc import Callable, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from redaksi import config, schema
from redaksi.core import article, validation, workflow, yamlio
from redaksi.core import verify as rules
from redaksi.core.validation import Problem
from redaksi.errors import RedaksiError
from redaksi.infra import git

CONFIG_PATHS = (
    config.CONFIG_FILE,
    f"{schema.FOLDER}/{schema.ARTICLE}",
    f"{schema.FOLDER}/{schema.NEWSROOM}",
)

Report = Callable[[str, rules.Finding], None]
Staff = tuple[dict[str, workflow.Actor], bool, bool]


def is_ci(path: str) -> bool:
    return path.startswith(".github/workflows/") or path == ".gitlab-ci.yml"


def is_git_setting(path: str) -> bool:
    """Files that change how git reads the newsroom's files (an encoding, a filter)."""
    return posixpath.basename(path) in (".gitattributes", ".gitmodules")


class Trust:
    """The base's staff, schema and categories, and who may act in a given commit."""

    def __init__(self, root: Path, repo: git.Repository, base: str) -> None:
        self.root = root
        self.repo = repo
        self.base = _parse_staff(root, repo.blob(base, config.CONFIG_FILE))
        named = (_config_data(repo.blob(base, config.CONFIG_FILE)) or {}).get("allowed_signers")
        self.config_paths = (*CONFIG_PATHS, *([named] if isinstance(named, str) else []))
        """redaksi.yaml, the schemas, and the base's allowed-signers file."""
        self.signers = _signers(repo, base)
        self.keys = _keys(repo.blob(base, config.CONFIG_FILE))
        """Casefolded email -> the fingerprint of the key that person signs with."""
        raw = repo.blob(base, CONFIG_PATHS[1])
        self.schema_text = (
            raw.decode("utf-8", "replace") if raw else schema.builtin_text(schema.ARTICLE)
        )
        self.categories = _categories(repo.blob(base, config.CONFIG_FILE))

    def at(self, parent: str | None) -> Staff:
        """Staff for a commit whose parent is ``parent``: on staff at the base and there.

        four_eyes and require_signed apply if either asks for them: a pull request cannot turn
        them off for itself.
        """
        staff, four_eyes, signed = (
            _parse_staff(self.root, self.repo.blob(parent, config.CONFIG_FILE))
            if parent
            else ({}, False, False)
        )
        base_staff, base_four_eyes, base_signed = self.base
        both = {}
        for email, actor in staff.items():
            trusted = base_staff.get(email)
            if trusted is not None and actor.roles & trusted.roles:
                both[email] = workflow.Actor(
                    trusted.name, trusted.email, actor.roles & trusted.roles
                )
        return both, four_eyes or base_four_eyes, signed or base_signed

    def schema_problems(self, path: str, raw: bytes, extra: set[str]) -> list[Problem]:
        """Where the article at ``path`` fails the base's schema, categories or layout."""
        try:
            _, data = article.parse(raw.decode("utf-8"))
        except (UnicodeDecodeError, article.FormatProblem):
            return [Problem(path, 1, 1, "verify-unreadable", "verify.final_unreadable", {})]
        found = validation.check_document(_validator(self.schema_text), data, path)
        categories = None if self.categories is None else [*self.categories, *sorted(extra)]
        found += validation.cross_file([validation.record(path, data)], categories)
        return [
            Problem(
                p.file,
                p.line,
                p.column,
                "verify-schema",
                "verify.schema",
                {"detail_msg": p.key, **p.params},
            )
            for p in found
        ]


@cache
def _validator(text: str) -> Any:
    try:
        return schema.validator_for_text(text)
    except ValueError:
        return schema.validator_for_text(schema.builtin_text(schema.ARTICLE))


@cache
def _parse_staff(root: Path, raw: bytes | None) -> Staff:
    if raw is None:
        return {}, False, False
    try:
        newsroom = config.load(root, raw.decode("utf-8"))
    except (RedaksiError, UnicodeDecodeError):
        return {}, False, False
    staff = {m.email.casefold(): workflow.Actor(m.name, m.email, m.roles) for m in newsroom.staff}
    return staff, newsroom.four_eyes, newsroom.require_signed


def _config_data(raw: bytes | None) -> dict[str, Any] | None:
    if raw is None:
        return None
    try:
        data = yamlio.to_plain(yamlio.load_mapping(raw.decode("utf-8")))
    except (yamlio.YamlProblem, UnicodeDecodeError):
        return None
    return data if isinstance(data, dict) else None


def _keys(raw: bytes | None) -> dict[str, str]:
    staff = (_config_data(raw) or {}).get("staff")
    members = staff if isinstance(staff, list) else []
    return {
        str(m["email"]).casefold(): str(m["signing_key"])
        for m in members
        if isinstance(m, dict) and m.get("email") and m.get("signing_key")
    }


def _categories(raw: bytes | None) -> list[str] | None:
    data = _config_data(raw)
    listed = data.get("categories") if data else None
    return [str(c) for c in listed] if isinstance(listed, list) else None


def version(repo: git.Repository, commit: str, path: str) -> rules.Version:
    """One article file as ``commit`` has it, read for the rules."""
    raw = repo.blob(commit, path) or b""
    try:
        doc, data = article.parse(raw.decode("utf-8"))
    except (UnicodeDecodeError, article.FormatProblem):
        return rules.Version(path, None, None, raw)
    line = article.file_position(data, ["status"])[0] if "status" in data else 1
    return rules.Version(path, yamlio.to_plain(data), doc.body, raw, line)


def status_line(version: rules.Version | None) -> int:
    return version.line if version is not None else 1


def _block(raw: bytes | None, path: str) -> str | None:
    """Redaksi's part of a CI file: its marked block, or the whole file if redaksi named it."""
    if raw is None:
        return None
    from redaksi.core.ci import managed

    text = raw.decode("utf-8", "replace")
    found = managed(text)
    if found is not None:
        return found
    return text if Path(path).name.startswith("redaksi") or path == ".gitlab-ci.yml" else None


def config_commit(
    repo: git.Repository,
    commit: rules.Commit,
    parent: str | None,
    paths: Sequence[str],
    report: Report,
    config_paths: Sequence[str] = CONFIG_PATHS,
) -> None:
    """redaksi.yaml, the schemas and redaksi's CI block change only in a publisher's own commit."""
    changed = [
        p
        for p in paths
        if p in config_paths
        or is_git_setting(p)
        or (
            is_ci(p)
            and _block(repo.blob(parent, p) if parent else None, p)
            != _block(repo.blob(commit.sha, p), p)
        )
    ]
    if not changed or commit.action == "import":
        return
    actor = commit.actor()
    others = [
        p for p in commit.paths if p not in config_paths and not is_ci(p) and not is_git_setting(p)
    ]
    if actor is None or "publisher" not in actor.roles or others:
        for path in changed:
            report(path, rules.Finding("config", "verify.config", {"path": path}))


def media(
    repo: git.Repository,
    commit: rules.Commit,
    parent: str | None,
    changes: Sequence[tuple[str, str | None, str | None]],
    report: Report,
) -> None:
    """Photos change only by staff, and a photo a story on the record uses never changes."""
    touched = [old or new for _, old, new in changes if (old or new or "").startswith("media/")]
    if touched and commit.actor() is None:
        report(str(touched[0]), rules.Finding("not-staff", "verify.not_staff"))
    if parent is not None:
        frozen_media(repo, parent, changes, report)


def frozen_media(
    repo: git.Repository,
    parent: str,
    changes: Sequence[tuple[str, str | None, str | None]],
    report: Report,
) -> None:
    """A photo that a story on the record at ``parent`` uses is never changed or deleted."""
    names = {
        posixpath.normpath(old.removeprefix("media/")): old
        for kind, old, _ in changes
        if kind != "A" and old and old.startswith("media/")
    }
    if not names:
        return
    for user, front in _photo_users(repo, parent):
        photo = front.get("photo")
        used = photo.get("file") if isinstance(photo, Mapping) else None
        if front.get("status") in workflow.FROZEN and isinstance(used, str):
            path = names.get(posixpath.normpath(used))
            if path is not None:
                report(
                    path, rules.Finding("media", "verify.media", {"path": path, "article": user})
                )


def _photo_users(repo: git.Repository, commit: str) -> list[tuple[str, Mapping[str, Any]]]:
    """Every article at ``commit`` with a photo, read (a photo changes rarely: this is rare)."""
    # any spelling: 'photo' anywhere, or an escape that could spell it (verify-spelling refuses
    # both in new versions; an archive from before is read all the same)
    users = _grep(repo, commit, ["-F", "-e", "photo", "-e", "\\"])
    found = []
    for user in users:
        front = version(repo, commit, user).front
        if front is not None:
            found.append((user, front))
    return found


def _signers(repo: git.Repository, base: str) -> Path | None:
    """The base's allowed-signers file (``allowed_signers`` in its redaksi.yaml), for git.

    Read as the base has it, so a pull request cannot add its own key.
    """
    import tempfile

    data = _config_data(repo.blob(base, config.CONFIG_FILE)) or {}
    named = data.get("allowed_signers")
    raw = repo.blob(base, named) if isinstance(named, str) else None
    if raw is None:
        return None
    handle, path = tempfile.mkstemp(prefix="redaksi-signers-")
    with os.fdopen(handle, "wb") as out:
        out.write(raw)
    atexit.register(os.unlink, path)
    return Path(path)


def signed_by_author(
    repo: git.Repository, info: git.Facts, signers: Path | None, keys: Mapping[str, str]
) -> bool:
    """A good signature, by a trusted key, whose signer is the commit's author.

    SSH: the principal the base's allowed-signers file gives the key is the author's email.
    GPG: the key's fingerprint is the one redaksi.yaml names for the author (``signing_key``);
    the name on a GPG key is whatever its owner wrote, so it proves nothing alone.
    """
    letter, who, fingerprint = repo.signer(info.sha, signers)
    if letter != "G":
        return False
    author = info.author.email.strip().casefold()
    wanted = keys.get(author)
    if wanted is not None:
        return _same_key(fingerprint, wanted)
    if fingerprint.startswith("SHA256:"):  # SSH: the allowed-signers principal
        found = re.search(r"<([^>]+)>", who)
        return (found.group(1) if found else who).strip().casefold() == author
    return False


def _same_key(a: str, b: str) -> bool:
    def plain(text: str) -> str:
        return "".join(text.split()).upper()

    return bool(a) and plain(a) == plain(b)


def import_commit(
    repo: git.Repository,
    commit: rules.Commit,
    parent: str | None,
    added: Sequence[rules.Version],
    categories: set[str],
) -> list[rules.Finding]:
    """An import only adds imported articles (and appends categories), made by a publisher.

    The rule is :func:`redaksi.core.imports.check_import`; categories an honest import appends
    are added to ``categories`` (articles may use them).
    """
    from redaksi.core.imports import check_import

    actor = commit.actor()
    new = {v.path for v in added}
    before = _config_data(repo.blob(parent, config.CONFIG_FILE) if parent else None)
    after = _config_data(repo.blob(commit.sha, config.CONFIG_FILE))
    found = check_import(
        commit.author_email,
        actor.roles if actor is not None else None,
        commit.date,
        [(v.path, v.front) for v in added],
        [p for p in commit.paths if p not in new],
        before,
        after,
        four_eyes=commit.four_eyes,
    )
    if not found and before and after:
        old = before.get("categories") or []
        categories.update(str(c) for c in (after.get("categories") or [])[len(old) :])
    return found


def _grep(repo: git.Repository, commit: str, pattern: list[str]) -> list[str]:
    """Article files at ``commit`` matching ``pattern`` (``git grep -l``).

    In a partial clone, searching a commit would download every article of the archive: there
    the files checked out are searched instead (the cone; the archive was checked when it came).
    """
    from redaksi.infra import partial

    where = [] if partial.promisor(repo) else [commit]
    code, out, _ = repo.run_raw("grep", "-l", *pattern, *where, "--", "articles/")
    lines = out.splitlines() if code == 0 else []
    return [line.split(":", 1)[1] if where and ":" in line else line for line in lines]


def duplicates(repo: git.Repository, head: str, paths: Sequence[str]) -> list[Problem]:
    """Where an article the range touched shares its id or slug with another at ``head``."""
    if not paths:
        return []
    mine = {path: version(repo, head, path).front or {} for path in paths}
    listed = repo.run("ls-tree", "-r", "-z", "--name-only", head, "--", "articles/").split("\0")
    names: dict[str, list[str]] = {}
    for other in listed:
        if other.endswith(".md"):
            names.setdefault(posixpath.basename(other), []).append(other)
    found: list[Problem] = []
    for path, front in mine.items():
        clash = [o for o in names.get(f"{front.get('slug')}.md", []) if o != path]
        if clash:
            params = {
                "detail_msg": "rule.unique_slug",
                "value": front.get("slug"),
                "others": ", ".join(clash),
            }
            found.append(Problem(path, 1, 1, "verify-duplicate", "verify.schema", params))
    ids = {str(f["id"]): path for path, f in mine.items() if f.get("id")}
    if ids:
        patterns = [arg for value in [*ids, "\\"] for arg in ("-e", value)]  # \\: escapes
        for other in _grep(repo, head, ["-F", *patterns]):
            other_id = str((version(repo, head, other).front or {}).get("id"))
            if other_id in ids and other != ids[other_id]:
                params = {"detail_msg": "rule.unique_id", "value": other_id, "others": other}
                found.append(
                    Problem(ids[other_id], 1, 1, "verify-duplicate", "verify.schema", params)
                )
    return found
