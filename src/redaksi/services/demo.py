"""Services: ``redaksi demo``: a throwaway newsroom where one story goes from draft to published.

Every step runs through the same services as the real commands, as the person who would take
it (the demo switches the repository's git user between steps), so what it shows is true.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from redaksi import config
from redaksi.core import workflow
from redaksi.infra import clock, git, store
from redaksi.services import draft as drafting
from redaksi.services import init as founding
from redaksi.services.transition import transition

REPORTER = git.Person("Ali Ya'lu", "ali@kabar.test")
EDITOR = git.Person("Mohammad S", "ms@kabar.test")
PUBLISHER = git.Person("Keyra", "keyra@kabar.test")

CONFIG = """\
# A throwaway newsroom made by 'redaksi demo'.
newsroom: Kabar Demo
timezone: Asia/Jakarta
language: {language}
four_eyes: true
categories: [Pemerintahan, Ekonomi, Hukum, Pendidikan, Kesehatan]
staff:
  - {{name: Ali Ya'lu, email: ali@kabar.test, roles: [reporter]}}
  - {{name: Mohammad S, email: ms@kabar.test, roles: [editor]}}
  - {{name: Keyra, email: keyra@kabar.test, roles: [publisher]}}
"""

TITLE = "Bupati Minta OPD Satukan Data dalam Satu Pintu"
FIRST_BODY = (
    "Probolinggo,- Bupati meminta seluruh Organisasi Perangkat Daerah (OPD) tidak lagi menyimpan "
    "data sendiri-sendiri. Ke depan, data proyek dan layanan publik dikumpulkan dalam satu "
    "pintu.\n\n"
    '"Kalau datanya satu, kita bisa bergerak bersama," kata Bupati, Selasa (4/3/25). (*)\n'
)
SECOND_BODY = FIRST_BODY.replace(
    " (*)\n",
    "\n\nKepala Bappeda menyebut sistem data terpadu ditargetkan berjalan pada pertengahan "
    "tahun. (*)\n",
)
REJECT_NOTE = "Tambahkan tanggapan Bappeda soal target waktunya."

Narrate = Callable[[str, dict[str, str]], None]


def run(folder: Path, language: str, narrate: Narrate) -> tuple[Path, str]:
    """Build the demo newsroom in ``folder`` (new or empty); return its root and the slug."""
    folder.mkdir(parents=True, exist_ok=True)
    repo = git.init_repository(folder, PUBLISHER)
    try:
        (folder / config.CONFIG_FILE).write_text(CONFIG.format(language=language), encoding="utf-8")
        founding.write_schemas(folder)
        repo.commit(
            [config.CONFIG_FILE, "schemas", "articles/.gitkeep"],
            "init: Kabar Demo\n\nRedaksi-Action: init\n",
            PUBLISHER,
            new=[config.CONFIG_FILE, "schemas", "articles/.gitkeep"],
        )
        newsroom = config.load(folder)

        def act(person: git.Person, action: str, note: str | None = None) -> None:
            repo.set_identity(person)
            narrate("demo.step", {"name": person.name, "action": action})
            transition(newsroom, repo, slug, action, workflow.Options(note), clock.now())

        repo.set_identity(REPORTER)
        narrate("demo.step", {"name": REPORTER.name, "action": "draft"})
        member = newsroom.member(REPORTER.email)
        assert member is not None  # the demo's own config lists him
        request = drafting.DraftRequest(
            TITLE, "Pemerintahan", drafting.suggest_slug(TITLE), ("Probolinggo",), "Probolinggo"
        )
        path = drafting.draft(newsroom, repo, member, request, clock.now(), "")
        slug = request.slug
        _write_body(path, FIRST_BODY)
        act(REPORTER, "submit")
        act(EDITOR, "reject", note=REJECT_NOTE)
        _write_body(path, SECOND_BODY)
        act(REPORTER, "submit", note="Tanggapan Bappeda ditambahkan.")
        act(EDITOR, "approve")
        act(PUBLISHER, "publish")
    finally:
        repo.close()
    return folder, slug


def _write_body(path: Path, body: str) -> None:
    """The reporter writes the story in their editor: only the body after the front matter."""
    text = path.read_text(encoding="utf-8")
    head, _, _ = text.partition("\n---\n")
    store.write_atomic(path, f"{head}\n---\n{body}")
