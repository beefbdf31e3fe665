"""README's "A day at the desk" works as written, for a new user, in a new folder."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from tests.conftest import git, redaksi_bin

README = Path(__file__).resolve().parents[2] / "README.md"
EDITOR = """\
import pathlib, sys
p = pathlib.Path(sys.argv[1])
t = p.read_text()
if "Tulis berita di sini." in t:
    t = t.replace("Tulis berita di sini.", "Air setinggi dada merendam 300 rumah; 210 warga mengungsi.")
else:
    t = t.replace("210 warga", "120 warga")
p.write_text(t)
"""


def day_at_the_desk() -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index("<!-- day-at-the-desk")
    end = text.index("<!-- end of day-at-the-desk -->")
    return "\n".join(re.findall(r"```sh\n(.*?)```", text[start:end], re.DOTALL))


def test_a_day_at_the_desk_runs_as_written(tmp_path: Path) -> None:
    script = day_at_the_desk()
    assert "redaksi staff add" in script and "redaksi edit" in script
    editor = tmp_path / "editor.py"
    editor.write_text(EDITOR)
    env = {k: v for k, v in os.environ.items() if k not in ("VISUAL", "EDITOR")}
    env["PATH"] = f"{Path(redaksi_bin()).parent}{os.pathsep}{env['PATH']}"
    env["EDITOR"] = f"{sys.executable} {editor}"
    done = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", script],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    root = tmp_path / "kabar"
    subjects = git(root, "log", "--reverse", "--format=%an|%s").splitlines()
    assert [s.split(":")[0] for s in subjects] == [
        "Keyra|init",
        "Keyra|staff",
        "Keyra|staff",
        "Ali Ya'lu|draft",
        "Ali Ya'lu|submit",
        "Mohammad S|reject",
        "Ali Ya'lu|submit",
        "Mohammad S|approve",
        "Keyra|publish",
        "Keyra|correct",
    ]
    assert "[-210-]{+120+}" in done.stdout  # the diff the reporter saw
    assert git(root, "status", "--porcelain") == ""
    assert subprocess.run([redaksi_bin(), "validate"], cwd=root, check=False).returncode == 0
