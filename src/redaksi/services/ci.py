"""Services: the CI files ``redaksi init --ci`` writes, so pull requests run validate and verify."""

from __future__ import annotations

from pathlib import Path

from redaksi import __version__
from redaksi.errors import RefusedError, UsageError
from redaksi.infra import git, store

PATHS = {"github": ".github/workflows/redaksi.yml", "gitlab": ".gitlab-ci.yml"}

GITHUB = """\
# Written by 'redaksi init --ci github'. With branch protection requiring this check, no pull
# request can publish, unpublish or rewrite a story except through redaksi's own steps.
name: redaksi
on:
  pull_request:
permissions:
  contents: read
jobs:
  redaksi:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0  # verify replays the whole pull request
      - uses: actions/setup-python@v5
        with:
          python-version: "3.12"
      - run: pip install {install}
      - run: redaksi validate --changed-since "origin/${{{{ github.base_ref }}}}" --format github
      - run: redaksi verify --base "origin/${{{{ github.base_ref }}}}" --format github
"""

GITLAB = """\
# Written by 'redaksi init --ci gitlab': validate and verify every merge request.
redaksi:
  image: python:3.12
  rules:
    - if: $CI_PIPELINE_SOURCE == "merge_request_event"
  variables:
    GIT_DEPTH: "0"  # verify replays the whole merge request
  script:
    - pip install {install}
    - git fetch origin "$CI_MERGE_REQUEST_TARGET_BRANCH_NAME"
    - redaksi validate --changed-since "origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME"
    - redaksi verify --base "origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME"
"""


def render(kind: str, install: str = f'"redaksi=={__version__}"') -> str:
    """The CI file for ``kind`` (github or gitlab), installing redaksi with ``install``."""
    if kind not in PATHS:
        raise UsageError("ci.unknown", kind=kind, choices=", ".join(PATHS))
    return (GITHUB if kind == "github" else GITLAB).format(install=install)


def write(root: Path, repo: git.Repository, kind: str, *, commit: bool) -> str:
    """Write the CI file (refusing to overwrite one); commit it alone when ``commit``."""
    text = render(kind)
    rel = PATHS[kind]
    path = root / rel
    if path.exists():
        raise RefusedError("ci.exists", path=rel)
    created = store.make_dirs(path.parent)
    try:
        store.write_atomic(path, text, new=True)
        if commit:
            repo.commit(
                [rel],
                f"ci: run redaksi validate and verify on {kind}\n",
                repo.identity(),
                new=[rel],
            )
    except BaseException:
        store.restore(path, None)
        store.remove_dirs(created)
        raise
    return rel
