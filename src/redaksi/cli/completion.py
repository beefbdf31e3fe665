"""CLI: tab completion of article slugs (``redaksi --install-completion`` sets it up).

It runs on every press of Tab, so it reads nothing but file names: the slugs under
``articles/<YYYY>/<MM>/`` that start with what was typed.
"""

from __future__ import annotations

from pathlib import Path


def complete_article(incomplete: str) -> list[str]:
    """The slugs that start with ``incomplete`` in the newsroom around the current folder."""
    from redaksi.errors import RedaksiError
    from redaksi.infra import store
    from redaksi.infra.git import find_root

    try:
        root = find_root(Path.cwd())
    except RedaksiError:
        return []
    if "/" in incomplete:
        return []  # a path: the shell completes files itself
    return sorted({path.stem for path in store.files_starting(root, incomplete)})
