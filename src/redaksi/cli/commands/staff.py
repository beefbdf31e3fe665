"""CLI: ``redaksi staff list|add|remove``: who is on staff, changed by a publisher in one commit."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer


class StaffFormat(StrEnum):
    table = "table"
    json = "json"


def register(app: typer.Typer) -> None:
    staff = typer.Typer(
        help="help.staff", no_args_is_help=True, rich_markup_mode=None, add_completion=False
    )
    app.add_typer(staff, name="staff", help="help.staff")

    @staff.command("list", help="help.staff.list")
    def list_command(
        output_format: Annotated[
            StaffFormat, typer.Option("--format", help="help.opt.format_table")
        ] = StaffFormat.table,
    ) -> None:
        """Everyone on staff (as committed), with their roles."""
        from redaksi.cli.commands.common import open_newsroom
        from redaksi.cli.table import Column, draw
        from redaksi.services.staff import listing

        newsroom, out = open_newsroom()
        people = listing(newsroom)
        if output_format is StaffFormat.json:
            out.json({"staff": [m.as_yaml() for m in people]})
            return
        columns = [
            Column(out.text("staff.col_name"), cut=True),
            Column(out.text("staff.col_email")),
            Column(out.text("staff.col_roles")),
        ]
        draw(out, columns, [[m.name, m.email, ", ".join(m.roles)] for m in people])

    @staff.command("add", help="help.staff.add")
    def add_command(
        email: Annotated[str, typer.Argument(help="help.staff.email", metavar="help.mv.email")],
        name: Annotated[str, typer.Option("--name", help="help.staff.name")],
        role: Annotated[list[str], typer.Option("--role", help="help.staff.role")],
    ) -> None:
        """Put a colleague on staff in one commit of redaksi.yaml (publishers)."""
        from redaksi.cli.commands.common import open_newsroom
        from redaksi.cli.commands.draft import split_tags
        from redaksi.core.staffing import Member
        from redaksi.infra import git
        from redaksi.services.staff import add

        newsroom, out = open_newsroom()
        roles = tuple(split_tags(role))  # "--role reporter,editor" works as well
        member = Member(name.strip(), email.strip(), roles)
        with git.Repository(newsroom.root) as repo:
            commit = add(newsroom, repo, member)
        out.for_scripts(commit)
        out.say(
            "staff.added",
            name=member.name,
            email=member.email,
            roles=", ".join(out.text(f"role.{r}") for r in roles),
            commit=commit[:7],
        )

    @staff.command("remove", help="help.staff.remove")
    def remove_command(
        email: Annotated[str, typer.Argument(help="help.staff.email", metavar="help.mv.email")],
    ) -> None:
        """Take someone off staff in one commit of redaksi.yaml (never the last publisher)."""
        from redaksi.cli.commands.common import open_newsroom
        from redaksi.infra import git
        from redaksi.services.staff import remove

        newsroom, out = open_newsroom()
        with git.Repository(newsroom.root) as repo:
            commit = remove(newsroom, repo, email.strip())
        out.for_scripts(commit)
        out.say("staff.removed", email=email.strip(), commit=commit[:7])
