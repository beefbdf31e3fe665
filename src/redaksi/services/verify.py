"""Services: replay every commit of a pull request and hold each change to the rules.

The range is ``base..head``. Every commit that touches ``articles/``, ``media/``, redaksi.yaml,
the schemas or redaksi's CI block is judged against what the base trusts: the staff as it stood
both at the base and in the commit's parent, the base's schema and categories. A merge commit
is trusted only for what it brings in unchanged from the side that changed it; whatever else it
writes is a hand edit by the person who merged (see :mod:`redaksi.services.merges`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from redaksi.core import commits, workflow
from redaksi.core import verify as rules
from redaksi.core.validation import Problem
from redaksi.infra import clock, git, partial
from redaksi.services import merges, trust
from redaksi.services.trust import CONFIG_PATHS, Trust

SKEW = rules.SKEW
"""How far in the future a commit may be dated (clocks differ) before it is a finding."""
ARTICLE_ACTIONS = ("draft", "discard", "import", "photo", *workflow.TRANSITIONS)
CONFIG_ACTIONS = ("init", "staff", "upgrade", "ci")
_KEEP = re.compile(r"^articles/(.*/)?\.gitkeep$")


@dataclass(frozen=True)
class Report:
    problems: list[Problem]
    commits: int
    transitions: int


@dataclass
class _Run:
    """What one verify run gathers as it goes."""

    repo: git.Repository
    trust: Trust
    problems: list[Problem] = field(default_factory=list)
    touched: set[str] = field(default_factory=set)
    """Article paths changed in the range: their final versions meet the base's schema."""
    categories: set[str] = field(default_factory=set)
    """Categories a verified import added (articles may use them)."""
    seen: set[tuple[str, str, str, str]] = field(default_factory=set)

    def add(self, path: str, line: int, finding: rules.Finding, commit: git.Facts) -> None:
        seen = (path, finding.rule, finding.key, commit.sha)
        if seen in self.seen:  # a merge judged from two parents finds the same thing twice
            return
        self.seen.add(seen)
        params = {
            **finding.params,
            "commit": commit.sha[:7],
            "author": f"{commit.author.name} <{commit.author.email}>",
        }
        self.problems.append(Problem(path, line, 1, f"verify-{finding.rule}", finding.key, params))


def verify(root: Path, repo: git.Repository, base: str, head: str = "HEAD") -> Report:
    """Every problem in the commits ``base..head``."""
    base_id, head_id = repo.resolve(base), repo.resolve(head)
    # a partial clone: what the range changed and the base's config, in one request
    partial.prefetch_range(repo, base_id, head_id, ("articles", *CONFIG_PATHS), CONFIG_PATHS)
    run = _Run(repo, Trust(root, repo, base_id))
    listed = repo.commits_between(base_id, head_id)
    facts = repo.history(base_id, head_id)
    if not repo.is_ancestor(base_id, head_id):
        run.problems.append(Problem(".", 1, 1, "verify-behind", "verify.behind", {"base": base}))
    transitions = 0
    for sha, parents in listed:
        info = facts[sha]
        if len(parents) > 1:
            for judged in merges.judged_against(repo, base_id, parents):
                changes, against = merges.hand_made(repo, sha, parents, judged)
                _commit(run, info, judged, changes, {}, against)
                _brought_media(run, info, judged, changes)
            continue
        first: str | None = parents[0] if parents else None
        _, _, trailers = commits.parse(info.message)
        if trailers.get("Redaksi-Action") in ARTICLE_ACTIONS:
            transitions += 1
        _commit(run, info, first, repo.changes(first, sha, renames=False), trailers, {})
    _final(run, head_id)
    run.problems.sort(key=Problem.sort_key)
    return Report(run.problems, len(listed), transitions)


def _commit(
    run: _Run,
    info: git.Facts,
    parent: str | None,
    changes: Sequence[tuple[str, str | None, str | None]],
    trailers: dict[str, str],
    against: dict[str, str],
) -> None:
    """Judge one commit (or the hand-made part of a merge): its articles, media and config.

    ``against`` names, for a merge, the side whose version a path's change is judged against.
    """
    paths = tuple(sorted({p for _, old, new in changes for p in (old, new) if p}))
    relevant = [p for p in paths if _relevant(p) or p in run.trust.config_paths]
    action = trailers.get("Redaksi-Action")
    if not relevant:
        if action:
            run.add(paths[0] if paths else "-", 1, rules.stray(trailers, ()) or _NOTHING, info)
        return
    staff, four_eyes, signed = run.trust.at(parent)
    commit = rules.Commit(
        info.sha,
        info.author.name,
        info.author.email,
        info.committer.email,
        max(_when(info.author_date), _when(info.committer_date)),
        trailers,
        paths,
        staff,
        four_eyes,
        tuple(new for kind, _, new in changes if kind == "A" and new and new.startswith("media/")),
    )
    ids = _articles(run, info, parent, changes, commit, against)
    if (
        action
        and action not in (*CONFIG_ACTIONS, "import")
        and (found := rules.stray(trailers, ids))
    ):
        run.add(relevant[0], 1, found, info)
    if action and action not in ARTICLE_ACTIONS and action not in CONFIG_ACTIONS:
        run.add(
            relevant[0],
            1,
            rules.Finding("illegal-transition", "verify.unknown_action", {"action": action}),
            info,
        )
    trust.config_commit(
        run.repo,
        commit,
        parent,
        relevant,
        lambda p, f: run.add(p, 1, f, info),
        run.trust.config_paths,
    )
    trust.media(run.repo, commit, parent, changes, lambda p, f: run.add(p, 1, f, info))
    keys, signers = run.trust.keys, run.trust.signers
    if signed and action != "release" and not trust.signed_by_author(run.repo, info, signers, keys):
        run.add(relevant[0], 1, rules.Finding("unsigned", "verify.unsigned"), info)
    if commit.date > clock.now() + SKEW:
        run.add(
            relevant[0],
            1,
            rules.Finding("future", "verify.future", {"date": _later(info)}),
            info,
        )


def _later(info: git.Facts) -> str:
    """The commit's later date, as git shows it: the one found in the future."""
    return max(info.author_date, info.committer_date, key=_when)


def _brought_media(
    run: _Run, info: git.Facts, judged: str, hand: Sequence[tuple[str, str | None, str | None]]
) -> None:
    """Media a merge brings in, held to the photo rule against the parent it is judged from.

    A side may have changed a photo while its story was a draft; if the story is on the
    record in that parent, the merge would swap the photo its publisher saw.
    """
    made = set(hand)
    brought = [
        change
        for change in run.repo.changes(judged, info.sha, renames=False)
        if change not in made and (change[1] or change[2] or "").startswith("media/")
    ]
    if brought:
        trust.frozen_media(run.repo, judged, brought, lambda p, f: run.add(p, 1, f, info))


_NOTHING = rules.Finding("stray-trailers", "verify.stray", {"article": "-"})


def _relevant(path: str) -> bool:
    return (
        path.casefold().startswith(("articles/", "media/"))
        or path in CONFIG_PATHS
        or trust.is_ci(path)
        or trust.is_git_setting(path)
    )


def _when(text: str) -> Any:
    moment = rules.parse_time(text)
    if moment is None:  # git always writes an offset; a date it cannot give is the epoch
        return rules.parse_time("1970-01-01T00:00:00+00:00")
    return moment


def _articles(
    run: _Run,
    info: git.Facts,
    parent: str | None,
    changes: Sequence[tuple[str, str | None, str | None]],
    commit: rules.Commit,
    against: dict[str, str],
) -> list[str]:
    """Judge every article file the commit changes; return the ids of the articles it touches."""
    befores: dict[str, rules.Version] = {}
    afters: dict[str, rules.Version] = {}
    modes = run.repo.blob_ids(
        info.sha, [new for _, _, new in changes if new and new.startswith("articles/")]
    )
    for _kind, old, new in changes:
        earlier = parent
        if old is None and new in against:
            old, earlier = new, against[new]
        for path, side, target in ((old, earlier, befores), (new, info.sha, afters)):
            if path and side and target is afters and _miscased(path):
                folder = path.split("/", 1)[0].casefold()
                params = {"path": path, "folder": folder}
                finding = rules.Finding("not-article", "verify.miscased", params)
                run.add(path, 1, finding, info)
            if not path or not path.startswith("articles/") or side is None:
                continue
            if not path.endswith(".md") or (target is afters and not _regular(modes.get(path))):
                if target is afters and not _allowed_extra(run.repo, side, path):
                    finding = rules.Finding("not-article", "verify.not_article", {"path": path})
                    run.add(path, 1, finding, info)
                continue
            target[path] = trust.version(run.repo, side, path)
    steps = _pair(befores, afters)
    ids: list[str] = []
    for before, after in steps:
        front = (after or before).front if (after or before) else None  # type: ignore[union-attr]
        if front and front.get("id"):
            ids.append(str(front["id"]))
        if before and before.front and before.front.get("id"):
            ids.append(str(before.front["id"]))
        if after is not None:
            run.touched.add(after.path)
        step = rules.Step(commit, before, after)
        line = trust.status_line(after)
        spelled = rules.spelling(after) if after is not None and after.front else []
        for finding in rules.check(step) + spelled:
            run.add((after or before).path, line, finding, info)  # type: ignore[union-attr]
    if commit.action == "import":
        added = [a for b, a in steps if b is None and a is not None]
        for finding in trust.import_commit(run.repo, commit, parent, added, run.categories):
            where = str(finding.params.get("path") or (added[0].path if added else "redaksi.yaml"))
            run.add(where, 1, finding, info)
    return ids


def _miscased(path: str) -> bool:
    """``Articles/x.md``: the same folder on a case-insensitive disk, never seen as articles."""
    top = path.split("/", 1)[0]
    return top.casefold() in ("articles", "media") and top not in ("articles", "media")


def _regular(entry: str | None) -> bool:
    """A plain file in git's eyes (not a symbolic link, not a submodule)."""
    return entry is not None and entry.split(" ")[0] in ("100644", "100755")


def _allowed_extra(repo: git.Repository, commit: str, path: str) -> bool:
    """An empty ``.gitkeep`` that keeps a folder in git is the one non-article allowed."""
    return bool(_KEEP.match(path)) and not repo.blob(commit, path)


def _pair(
    befores: dict[str, rules.Version], afters: dict[str, rules.Version]
) -> list[tuple[rules.Version | None, rules.Version | None]]:
    """Match old and new versions: the same path, or the same article id (a move)."""
    steps: list[tuple[rules.Version | None, rules.Version | None]] = []
    gone = {p: v for p, v in befores.items() if p not in afters}
    by_id = {str(v.front.get("id")): p for p, v in gone.items() if v.front and v.front.get("id")}
    for path, after in sorted(afters.items()):
        if path in befores:
            steps.append((befores[path], after))
            continue
        moved = by_id.pop(str(after.front.get("id")), None) if after.front else None
        if moved is not None:
            steps.append((gone.pop(moved), after))
        else:
            steps.append((None, after))
    steps += [(before, None) for before in gone.values()]
    return steps


def _final(run: _Run, head: str) -> None:
    """Articles the range changed must meet the base's schema and categories where they end.

    An article already found wanting is not judged again: the first finding says why.
    """
    judged = {p.file for p in run.problems}
    for path in sorted(run.touched - judged):
        raw = run.repo.blob(head, path)
        if raw is None:
            continue
        for problem in run.trust.schema_problems(path, raw, run.categories):
            run.problems.append(problem)
    run.problems += trust.duplicates(run.repo, head, sorted(run.touched - judged))
