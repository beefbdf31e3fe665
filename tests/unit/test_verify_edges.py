"""verify's rules at their edges, on steps built by hand."""

from __future__ import annotations

from redaksi.core import commits
from redaksi.core.verify import Step, Version, check
from tests.verify_steps import ALI, ID, MS, PATH, make_commit, rules_of


def test_deleting_an_unreadable_article_is_a_deletion_like_any_other() -> None:
    for action in (None, "discard"):
        message = commits.message(action or "edit", "x", "draft", "discarded", ID, {})
        trailers = commits.parse(message)[2] if action else {}
        for author in (ALI, MS):
            step = Step(make_commit(author, trailers), Version(PATH, None, None), None)
            assert rules_of(check(step)) == [("deleted", "verify.deleted", {"status": None})]
