"""CLI: ``redaksi build`` and ``redaksi preview``: the reader's side."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer


@contextlib.contextmanager
def _ended_cleanly_on_sigterm() -> Iterator[None]:
    """SIGTERM (``kill``, ``docker stop``, a cancelled CI job) ends a build cleanly.

    As Ctrl-C does: worker processes and fork server stopped, no temporary folder left; the
    exit status is the shell's for SIGTERM, 143.
    """
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def terminated(number: int, frame: object) -> None:
        raise SystemExit(128 + number)

    previous = signal.signal(signal.SIGTERM, terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def register(app: typer.Typer) -> None:
    @app.command("build", help="help.build")
    def build_command(
        out: Annotated[Path, typer.Option("--out", help="help.build.out")] = Path("_site"),
        now: Annotated[
            str | None,
            typer.Option("--now", help="help.build.now"),
        ] = None,
    ) -> None:
        """Write the public site from what is committed and published (SPEC: The reader's side)."""
        from redaksi.cli.commands.common import open_newsroom
        from redaksi.errors import UsageError
        from redaksi.services import site
        from redaksi.site.stories import moment

        newsroom, output = open_newsroom()
        when = None
        if now is not None:
            when = moment(now)
            if when is None:
                raise UsageError("build.bad_now", value=now)
        target = out if out.is_absolute() else Path.cwd() / out
        with _ended_cleanly_on_sigterm():
            report = site.build(newsroom, target, when)
        for key, params in report.warnings:
            output.say(key, **params)
        output.say(
            "build.done",
            pages=report.pages,
            out=str(out),
            written=report.written,
            removed=report.removed,
        )

    @app.command("preview", help="help.preview")
    def preview_command(
        article: Annotated[str | None, typer.Argument(help="help.preview.article")] = None,
        port: Annotated[int, typer.Option("--port", help="help.preview.port")] = 8000,
    ) -> None:
        """Serve the working tree, drafts included, on 127.0.0.1; pages reload on every save."""
        import threading

        from redaksi.cli.commands.common import open_newsroom
        from redaksi.infra.serve import Server
        from redaksi.infra.store import relative
        from redaksi.services import articles
        from redaksi.services.preview import Preview, watch

        newsroom, output = open_newsroom()
        wanted = articles.find(newsroom.root, article) if article else None
        preview: Preview | None = None
        server = Server(
            lambda path: preview.answer(path) if preview else (503, "text/plain", b""), port
        )
        preview = Preview(newsroom, server.url)
        preview.refresh()
        stop = threading.Event()
        watcher = threading.Thread(target=watch, args=(preview, stop), daemon=True)
        server.start()
        watcher.start()
        url = preview.address(relative(newsroom.root, wanted)) if wanted else server.url
        output.data(url)
        output.say("preview.serving", root=str(newsroom.root), url=url)
        try:
            stop.wait()
        except KeyboardInterrupt:
            output.say("preview.stopped")
        finally:
            stop.set()
            server.stop()
