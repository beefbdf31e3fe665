"""CLI: ``redaksi import wordpress EXPORT``: a WordPress archive moves in, in one commit."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:  # the service pulls in the core: not at start-up
    from redaksi.cli.output import Output
    from redaksi.services.wordpress import Outcome

PROGRESS_FROM = 1 << 20
"""Show a progress bar (on a terminal) for exports of at least this many bytes."""
STATES = ("published", "scheduled", "draft", "review")
LISTED = 20
"""Posts listed by name in the text report (skipped, slug changed); JSON lists them all."""


class Format(StrEnum):
    text = "text"
    json = "json"


class _Bar:
    """A progress bar over the bytes read (the export is read twice), on a terminal only."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.bar: Any = None

    def start(self, total: int) -> None:
        from redaksi.cli.output import show_progress

        if total >= 2 * PROGRESS_FROM and show_progress():
            import sys

            self.bar = typer.progressbar(length=total, label=self.label, file=sys.stderr)
            self.bar.__enter__()

    def advance(self, amount: int) -> None:
        if self.bar is not None:
            self.bar.update(amount)

    def finish(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)


def register(app: typer.Typer) -> None:
    group = typer.Typer(
        name="import",
        help="help.import",
        no_args_is_help=True,
        rich_markup_mode=None,
        add_completion=False,
    )
    app.add_typer(group)

    @group.command("wordpress", help="help.import.wordpress")
    def wordpress_command(
        export: Annotated[
            Path, typer.Argument(help="help.import.export", metavar="help.mv.export")
        ],
        dry_run: Annotated[bool, typer.Option("--dry-run", help="help.import.dry_run")] = False,
        output_format: Annotated[
            Format, typer.Option("--format", help="help.opt.format_text")
        ] = Format.text,
    ) -> None:
        """Import a WordPress export's posts as articles: one commit by a publisher."""
        from redaksi.cli.commands.common import open_newsroom
        from redaksi.infra import clock, git
        from redaksi.services.wordpress import import_wordpress

        newsroom, out = open_newsroom()
        bar = _Bar(out.text("import.progress"))
        with git.Repository(newsroom.root) as repo:
            try:
                outcome = import_wordpress(
                    newsroom, repo, export, clock.now(), dry_run=dry_run, progress=bar
                )
            finally:
                bar.finish()
        if output_format is Format.json:
            out.json(as_json(outcome))
        else:
            report(out, outcome)
        if dry_run:
            out.say("import.dry_run")
        elif outcome.commit:
            out.say(
                "import.done",
                count=len(outcome.paths),
                site=outcome.site,
                commit=outcome.commit[:7],
            )
        else:
            out.say("import.nothing", site=outcome.site)


def _counted(out: Output, kind: str, counts: dict[str, int]) -> str:
    return ", ".join(
        out.text(f"import.{kind}.{name}", count=count) for name, count in counts.items() if count
    )


def report(out: Output, outcome: Outcome) -> None:
    """What the import did or would do, a line per fact (stdout: it is the command's answer)."""
    tally = outcome.tally
    states = {s: tally.imported[s] for s in STATES}
    key = "import.would" if outcome.dry_run else "import.imported"
    out.data(out.text(key, count=sum(states.values()), states=_counted(out, "state", states)))
    if tally.already:
        out.data(out.text("import.already", count=tally.already))
    if tally.skipped:
        reasons = _counted(out, "reason", dict(tally.skipped))
        out.data(out.text("import.skipped", count=sum(tally.skipped.values()), reasons=reasons))
    for skip in tally.listed[:LISTED]:
        params = dict(skip.detail[1]) if skip.detail else {}
        if skip.detail:
            params["detail_msg"] = skip.detail[0]
        why = out.text(f"import.why.{skip.reason}", **params)
        out.data(out.text("import.skipped_post", id=skip.post_id, title=skip.title, reason=why))
    _more(out, len(tally.listed))
    if tally.categories_added:
        out.data(out.text("import.categories", names=", ".join(tally.categories_added)))
    if tally.slug_changes:
        out.data(out.text("import.slugs", count=len(tally.slug_changes)))
        for post_id, old, new in tally.slug_changes[:LISTED]:
            out.data(out.text("import.slug_change", id=post_id, old=old, new=new))
        _more(out, len(tally.slug_changes))
    if tally.shortcodes:
        names = ", ".join(f"[{name}] x{count}" for name, count in tally.shortcodes.most_common())
        out.data(out.text("import.shortcodes", names=names))
    for key, count in (
        ("import.embeds", tally.embeds),
        ("import.controls", tally.controls_removed),
        ("import.emails", tally.invented_emails),
        ("import.photos", tally.photos),
    ):
        if count:
            out.data(out.text(key, count=count))
    if tally.photos_dropped:
        reasons = _counted(out, "reason", dict(tally.photos_dropped))
        total = sum(tally.photos_dropped.values())
        out.data(out.text("import.photos_dropped", count=total, reasons=reasons))


def _more(out: Output, count: int) -> None:
    if count > LISTED:
        out.data(out.text("import.more", count=count - LISTED))


def as_json(outcome: Outcome) -> dict[str, Any]:
    """The stable JSON shape of an import (keys may be added, never renamed)."""
    tally = outcome.tally
    return {
        "dry_run": outcome.dry_run,
        "site": outcome.site,
        "commit": outcome.commit,
        "imported": {s: tally.imported[s] for s in STATES},
        "paths": outcome.paths,
        "already_imported": tally.already,
        "skipped": dict(sorted(tally.skipped.items())),
        "skipped_posts": [
            {"id": s.post_id, "title": s.title, "reason": s.reason} for s in tally.listed
        ],
        "categories_added": tally.categories_added,
        "slug_changes": [{"id": i, "from": old, "to": new} for i, old, new in tally.slug_changes],
        "shortcodes": dict(tally.shortcodes.most_common()),
        "embeds": tally.embeds,
        "title_control_characters": tally.controls_removed,
        "invented_emails": tally.invented_emails,
        "photos": tally.photos,
        "photos_dropped": dict(tally.photos_dropped),
    }
