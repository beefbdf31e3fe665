"""Services: the CI files ``redaksi init --ci`` writes, so pull requests run validate and verify.

A workflow is data: a template under ``redaksi/workflows/<kind>/`` (shipped in the wheel) and a
line in :data:`FILES`. ``{install}`` in a template becomes the quoted pip requirement. Each
template holds redaksi's part between the markers of :mod:`redaksi.core.ci`; a file that
exists keeps everything outside that block, and all the files that changed go in one commit.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import redaksi
from redaksi import config
from redaksi.config import Newsroom
from redaksi.core import ci
from redaksi.errors import RefusedError, UsageError
from redaksi.infra import git, guard, store
from redaksi.services import people

FILES: dict[str, dict[str, str]] = {
    "github": {
        ".github/workflows/redaksi.yml": "github/redaksi.yml",
        ".github/workflows/redaksi-release.yml": "github/redaksi-release.yml",
        ".github/workflows/redaksi-site.yml": "github/redaksi-site.yml",  # build and deploy
    },
    "gitlab": {".gitlab-ci.yml": "gitlab/gitlab-ci.yml"},
}
"""kind -> the file ``init --ci`` writes -> its template under ``redaksi/workflows/``."""


def check_kind(kind: str) -> None:
    """An unknown ``--ci`` kind is a usage error, raised before anything is written."""
    if kind not in FILES:
        raise UsageError("ci.unknown", kind=kind, choices=", ".join(FILES))


def install_argument(newsroom: Newsroom | None) -> str:
    """The quoted pip argument the workflows install: ``ci.install``, else this very version.

    ``newsroom`` is None while ``init`` is still making the newsroom (it has no ``ci.install``).
    """
    spec = newsroom.ci_install if newsroom is not None else None
    if newsroom is None and not ci.is_release(redaksi.__version__):
        raise UsageError("ci.dev_version_new", version=redaksi.__version__)
    return f'"{ci.requirement(spec, redaksi.__version__)}"'


def render(kind: str, install: str) -> dict[str, str]:
    """Every file of ``kind`` (path -> text) as a new newsroom gets it, installing ``install``."""
    check_kind(kind)
    folder = resources.files("redaksi") / "workflows"
    return {
        rel: (folder / template).read_text(encoding="utf-8").replace("{install}", install)
        for rel, template in FILES[kind].items()
    }


@dataclass(frozen=True)
class Change:
    """One CI file: its old bytes (None: new) and the text redaksi would leave in it."""

    rel: str
    old: bytes | None
    new: str

    @property
    def state(self) -> str:
        if self.old is None:
            return "created"
        return "unchanged" if self.old == self.new.encode("utf-8") else "updated"


def plan(root: Path, kind: str, install: str) -> list[Change]:
    """What writing ``kind``'s files would do; a file whose block cannot be replaced refuses."""
    changes = []
    for rel, text in render(kind, install).items():
        old = store.read_bytes(root / rel)
        if old is None:
            changes.append(Change(rel, None, text))
            continue
        try:
            existing = old.decode("utf-8")
            changes.append(Change(rel, old, ci.splice(existing, text)))
        except UnicodeDecodeError:
            raise RefusedError("ci.cannot_update", path=rel, reason_msg="ci.not_text") from None
        except ci.BlockProblem as err:
            raise RefusedError(
                "ci.cannot_update", path=rel, reason_msg=err.key, **err.params
            ) from None
    return changes


def write(root: Path, repo: git.Repository, kind: str, install: str) -> list[Change]:
    """Write ``kind``'s CI files and commit those that changed, alone, in one commit.

    A failure leaves every file byte for byte as it was, and folders it made are removed.
    """
    changes = plan(root, kind, install)
    todo = [c for c in changes if c.state != "unchanged"]
    if not todo:
        return changes
    untracked = [c.rel for c in todo if c.old is None or not repo.is_tracked(c.rel)]
    created: list[Path] = []
    written: list[Change] = []
    try:
        for change in todo:
            path = root / change.rel
            created += store.make_dirs(path.parent)
            written.append(change)
            store.write_atomic(path, change.new, new=change.old is None)
        message = f"ci: {kind} workflows install {install}\n\nRedaksi-Action: ci\n"
        repo.commit([c.rel for c in todo], message, repo.identity(), new=untracked)
    except BaseException:
        for change in written:
            store.restore(root / change.rel, change.old)
        store.remove_dirs(created)
        raise
    return changes


def update(root: Path, kind: str) -> list[Change]:
    """``init --ci`` on an existing newsroom: a publisher (re)writes redaksi's CI block.

    The install line follows ``ci.install`` in redaksi.yaml, else this version of redaksi.
    """
    check_kind(kind)
    newsroom = config.load(root)
    install = install_argument(newsroom)
    with guard.exclusive(root), git.Repository(root) as repo:
        people.authorize(newsroom, repo.identity().email, "publisher", "init --ci")
        return write(root, repo, kind, install)
