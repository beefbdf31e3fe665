"""Services: ``redaksi diff``: how a story changed since one of its steps, word by word.

"Since submit" means since the last time the reporter sent it in: what the editors changed
after that is what the reporter wants to see. A step is found by the article's id in the
commit trailers, so a story that moved keeps its steps; any git revision works too.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from redaksi.core import article, commits, wordiff, yamlio
from redaksi.errors import RedaksiError, UsageError
from redaksi.infra import git, gitfiles
from redaksi.services import articles

STEPS = ("submit", "approve", "publish")
DEFAULT_STEP = "submit"


@dataclass(frozen=True)
class Comparison:
    """The article now against the article at ``commit``: title and body, word by word."""

    rel: str
    since: str
    commit: str
    author: str
    date: str
    title: list[wordiff.Piece]
    body: list[wordiff.Piece]


def _step_commit(repo: git.Repository, article_id: str, step: str) -> git.Commit | None:
    found = None
    for commit in repo.transitions(article_id):
        _, _, trailers = commits.parse(commit.message)
        if trailers.get("Redaksi-Action") == step and trailers.get("Redaksi-Article") == article_id:
            found = commit
    return found


def compare(root: Path, repo: git.Repository, ref: str, since: str | None) -> Comparison:
    """The article ``ref`` as it is now, against how it was at step (or revision) ``since``."""
    loaded = articles.load(root, articles.find(root, ref))
    front = yamlio.to_plain(loaded.data)
    article_id = str(front.get("id", ""))
    step = since or DEFAULT_STEP
    if step in STEPS:
        found = _step_commit(repo, article_id, step)
        if found is None:
            raise UsageError("diff.no_step", step=step, slug=loaded.path.stem)
        commit = found
        paths = [p for p in gitfiles.paths_in(repo, found.sha) if p.endswith(".md")]
        old_path = paths[0] if paths else loaded.rel
    else:
        try:
            commit = repo.commit_info(repo.resolve(step))
        except RedaksiError:
            raise UsageError("diff.unknown_rev", rev=step) from None
        old_path = loaded.rel
    old_text = gitfiles.committed_text(repo, old_path, commit.sha)
    if old_text is None:
        raise UsageError("diff.not_there", rev=step, path=old_path)
    try:
        old_doc, old_data = article.parse(old_text)
    except article.FormatProblem:
        raise UsageError("diff.not_there", rev=step, path=old_path) from None
    return Comparison(
        loaded.rel,
        step,
        commit.sha,
        commit.author.name,
        commit.date,
        wordiff.compare(str(old_data.get("title", "")), str(front.get("title", ""))),
        wordiff.compare(old_doc.body, loaded.doc.body),
    )
