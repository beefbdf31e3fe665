"""Print one version's section of CHANGELOG.md: the notes of its GitHub release.

Usage: python .ci/release_notes.py VERSION [CHANGELOG]. Exits 1, saying so, when the changelog
has no section for VERSION: a tag pushed before 'towncrier build' must not publish silently.
"""

from __future__ import annotations

import sys
from pathlib import Path


def section(changelog: str, version: str) -> str | None:
    """The body of the '## VERSION (date)' section, without its heading, or None."""
    lines = changelog.splitlines()
    heading = f"## {version} ("
    starts = [i for i, line in enumerate(lines) if line.startswith(heading)]
    if not starts:
        return None
    body = []
    for line in lines[starts[0] + 1 :]:
        if line.startswith("## "):
            break
        body.append(line)
    return "\n".join(body).strip() + "\n"


def main(argv: list[str]) -> int:
    if len(argv) not in (2, 3):
        print(__doc__, file=sys.stderr)
        return 2
    version = argv[1].removeprefix("v")
    path = Path(argv[2] if len(argv) == 3 else "CHANGELOG.md")
    notes = section(path.read_text(encoding="utf-8"), version)
    if notes is None:
        print(
            f"{path} has no section for {version}: run 'towncrier build --version {version}', "
            "commit, and tag again",
            file=sys.stderr,
        )
        return 1
    print(notes, end="")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
