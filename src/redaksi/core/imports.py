"""Core: the rule ``redaksi verify`` holds an import commit to (``Redaksi-Action: import``).

SPEC, "Import.": an import commit is accepted when its author is a publisher, it only adds
``articles/`` files, each carrying ``imported`` and a single ``import`` history entry, its
change to ``redaksi.yaml`` only appends categories, and every ``published_at`` is before the
commit date. Everything else a commit could slip in under that trailer is a finding here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from redaksi.core.verify import Finding

CONFIG_FILE = "redaksi.yaml"
IMPORTED_STATES = ("published", "scheduled", "draft", "review")
"""What WordPress's publish, future, draft and pending become; nothing else arrives by import."""


def check_import(
    author_email: str,
    author_roles: frozenset[str] | None,
    commit_date: datetime,
    added: Sequence[tuple[str, Mapping[str, Any] | None]],
    other_paths: Sequence[str],
    config_before: Mapping[str, Any] | None,
    config_after: Mapping[str, Any] | None,
    *,
    four_eyes: bool = False,
) -> list[Finding]:
    """Everything wrong with one import commit (empty when it is an honest import).

    ``author_roles``: the author's roles on staff as verify trusts them (None: not on staff).
    ``added``: every file the commit adds under ``articles/``, with its front matter as plain
    data (None where it is not a readable article). ``other_paths``: every other path the
    commit adds, changes, deletes or renames (old and new name), ``redaksi.yaml`` included.
    ``config_before`` / ``config_after``: redaksi.yaml as plain data in the parent and in the
    commit (they may be equal, or None when unreadable). ``four_eyes``: as redaksi.yaml asks;
    then a publisher cannot import a story on the record that credits her as its reporter
    (her own story, out with no second person).
    """
    found: list[Finding] = []
    if author_roles is None:
        found.append(Finding("not-staff", "verify.not_staff"))
    elif "publisher" not in author_roles:
        found.append(
            Finding("role", "verify.role", {"action": "import", "role_msg": "role.publisher"})
        )
    for path in other_paths:
        if path == CONFIG_FILE:
            found += _config(config_before, config_after)
        else:
            found.append(Finding("import-extra", "import.verify_extra", {"path": path}))
    for path, front in added:
        found += [
            Finding(f.rule, f.key, {"path": path, **f.params})
            for f in _article(path, front, author_email, commit_date)
        ]
        if four_eyes and _own_story_out(front, author_email):
            found.append(Finding("four-eyes", "verify.four_eyes", {"action": "import"}))
    return found


def _article(
    path: str, front: Mapping[str, Any] | None, author_email: str, commit_date: datetime
) -> list[Finding]:
    if not (path.startswith("articles/") and path.endswith(".md")) or front is None:
        return [Finding("import-extra", "import.verify_extra", {})]
    imported = front.get("imported")
    if not isinstance(imported, Mapping) or not imported.get("from") or not imported.get("id"):
        return [Finding("import-not-imported", "import.verify_not_imported", {})]
    found: list[Finding] = []
    status = front.get("status")
    if status not in IMPORTED_STATES:
        found.append(Finding("import-status", "import.verify_status", {"status": status}))
    history = front.get("history")
    entry = history[0] if isinstance(history, Sequence) and len(history) == 1 else None
    if (
        not isinstance(entry, Mapping)
        or entry.get("action") != "import"
        or entry.get("to") != status
        or str(entry.get("by", "")).casefold() != author_email.casefold()
    ):
        found.append(Finding("history", "import.verify_history", {}))
    published = _moment(front.get("published_at"))
    if front.get("published_at") is not None and (published is None or published >= commit_date):
        found.append(
            Finding("import-future", "import.verify_future", {"at": front.get("published_at")})
        )
    found += _credits(front, status, author_email)
    for key in ("retraction", "corrections", "embargo_until", "updated_at"):
        if front.get(key) is not None:
            found.append(Finding("import-record", "import.verify_record", {"field": key}))
    return found


def _own_story_out(front: Mapping[str, Any] | None, author_email: str) -> bool:
    """An imported story on the record (or scheduled) that credits its importer as reporter."""
    front = front or {}
    reporter = front.get("reporter")
    email = reporter.get("email", "") if isinstance(reporter, Mapping) else ""
    out = front.get("status") in ("published", "scheduled", "retracted")
    return out and str(email).casefold() == author_email.casefold()


def _credits(front: Mapping[str, Any], status: Any, author_email: str) -> list[Finding]:
    """Who an import may credit: no editor ever, a publisher only on a scheduled story.

    WordPress records neither step; a scheduled story names the importing publisher, in whose
    name ``release`` later publishes it.
    """
    found = []
    if front.get("editor") is not None:
        found.append(Finding("credit", "import.verify_credit", {"field": "editor"}))
    publisher = front.get("publisher")
    if publisher is not None and (
        status != "scheduled"
        or not isinstance(publisher, Mapping)
        or str(publisher.get("email", "")).casefold() != author_email.casefold()
    ):
        found.append(Finding("credit", "import.verify_credit", {"field": "publisher"}))
    return found


def _config(before: Mapping[str, Any] | None, after: Mapping[str, Any] | None) -> list[Finding]:
    """The only change an import may make to redaksi.yaml: categories appended at the end."""
    if before is None or after is None:
        return [Finding("import-config", "import.verify_config", {})]
    old, new = before.get("categories"), after.get("categories")
    rest_same = {k: v for k, v in before.items() if k != "categories"} == {
        k: v for k, v in after.items() if k != "categories"
    }
    appended = (
        isinstance(old, Sequence)
        and isinstance(new, Sequence)
        and len(new) >= len(old)
        and list(new[: len(old)]) == list(old)
    )
    return [] if rest_same and appended else [Finding("import-config", "import.verify_config", {})]


def _moment(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value.strip().upper().replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None
