"""Services: replay every commit of a pull request and hold each article change to the rules.

The range is ``base..head``; merge commits are not transitions, but anything a merge adds
that none of its parents had (an "evil merge") is checked as a hand edit by the merger.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from redaksi import config
from redaksi.core import article, commits, workflow, yamlio
from redaksi.core import verify as rules
from redaksi.core.validation import Problem
from redaksi.errors import RedaksiError
from redaksi.infra import git, store


@dataclass(frozen=True)
class Report:
    problems: list[Problem]
    commits: int
    transitions: int


def _front(raw: bytes | None) -> tuple[dict[str, Any] | None, int | None]:
    """The front matter of a blob (None if it is not an article) and its status line."""
    if raw is None:
        return None, None
    try:
        _, data = article.parse(raw.decode("utf-8"))
    except (UnicodeDecodeError, article.FormatProblem):
        return None, None
    status_line = article.file_position(data, ["status"])[0] if "status" in data else 1
    return yamlio.to_plain(data), status_line


class _Staff:
    """Who may act in a commit: staff both at the base and in the commit's parent.

    The base is what the target branch trusts, so a pull request cannot put someone on staff
    and have them publish; the parent is the newsroom as it then stood, so someone removed
    from staff earlier in the range cannot act afterwards. four_eyes and require_signed apply
    if either of the two asks for them.
    """

    def __init__(self, root: Path, repo: git.Repository, base: str) -> None:
        self.root = root
        self.repo = repo
        self.base = self._read(base)

    def _read(self, commit: str | None) -> tuple[dict[str, workflow.Actor], bool, bool]:
        raw = self.repo.blob(commit, config.CONFIG_FILE) if commit else None
        return _parse_staff(self.root, raw)

    def at(self, commit: str | None) -> tuple[dict[str, workflow.Actor], bool, bool]:
        staff, four_eyes, signed = self._read(commit)
        base_staff, base_four_eyes, base_signed = self.base
        both = {}
        for email, actor in staff.items():
            trusted = base_staff.get(email)
            if trusted is not None and actor.roles & trusted.roles:
                both[email] = workflow.Actor(actor.name, actor.email, actor.roles & trusted.roles)
        return both, four_eyes or base_four_eyes, signed or base_signed


@cache
def _parse_staff(root: Path, raw: bytes | None) -> tuple[dict[str, workflow.Actor], bool, bool]:
    if raw is None:
        return {}, False, False
    try:
        newsroom = config.load(root, raw.decode("utf-8"))
    except (RedaksiError, UnicodeDecodeError):
        return {}, False, False
    staff = {m.email.casefold(): workflow.Actor(m.name, m.email, m.roles) for m in newsroom.staff}
    return staff, newsroom.four_eyes, newsroom.require_signed


def verify(root: Path, repo: git.Repository, base: str, head: str = "HEAD") -> Report:
    """Every problem in the commits ``base..head`` that touch ``articles/``."""
    base_id, head_id = repo.resolve(base), repo.resolve(head)
    staff = _Staff(root, repo, base_id)
    problems: list[Problem] = []
    transitions = 0
    listed = repo.commits_between(base_id, head_id)
    for commit, parents in listed:
        parent = parents[0] if parents else None
        changes = repo.changes(parent, commit, store.ARTICLES)
        changes = [c for c in changes if (c[2] or c[1] or "").endswith(".md")]
        if not changes:
            continue
        if len(parents) > 1:
            changes = [c for c in changes if _new_in_merge(repo, commit, parents, c)]
            trailers: dict[str, str] = {}
        else:
            _, _, trailers = commits.parse(repo.commit_info(commit).message)
        info = repo.commit_info(commit)
        members, four_eyes, signed = staff.at(parent)
        if trailers.get("Redaksi-Action"):
            transitions += 1
        signature = repo.signature_ok(commit) if signed and trailers.get("Redaksi-Action") else None
        everything = len(repo.changes(parent, commit)) if trailers else 1
        for kind, old, new in changes:
            before_raw = repo.blob(parent, old) if parent and old else None
            after_raw = repo.blob(commit, new) if new else None
            before, _ = _front(before_raw)
            after, status_line = _front(after_raw)
            step = rules.Step(
                commit,
                info.author.name,
                info.author.email,
                trailers,
                kind[0],
                new or old or "",
                everything,
                before,
                after,
                before_raw,
                after_raw,
                members,
                four_eyes,
                signature,
            )
            for finding in rules.check(step):
                problems.append(
                    Problem(
                        step.path,
                        status_line or 1,
                        1,
                        f"verify-{finding.rule}",
                        finding.key,
                        {
                            **finding.params,
                            "commit": commit[:7],
                            "author": f"{info.author.name} <{info.author.email}>",
                        },
                    )
                )
    return Report(problems, len(listed), transitions)


def _new_in_merge(
    repo: git.Repository,
    commit: str,
    parents: list[str],
    change: tuple[str, str | None, str | None],
) -> bool:
    """Whether a merge's version of a file matches none of its parents (so the merge wrote it)."""
    path = change[2] or change[1] or ""
    mine = repo.blob(commit, path)
    return all(repo.blob(p, path) != mine for p in parents)
