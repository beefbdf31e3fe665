"""CLI: the Typer app, and the one place that turns an error into a line and an exit code."""

from __future__ import annotations

import copy
import os
import sys
from pathlib import Path

import typer

from redaksi import __version__
from redaksi.cli.commands import (
    demo,
    draft,
    importing,
    init,
    photo,
    reading,
    release,
    site,
    staff,
    sync,
    transitions,
    validate,
    verify,
    writing,
)
from redaksi.cli.output import Output
from redaksi.errors import ExitCode, RedaksiError

app = typer.Typer(
    name="redaksi",
    help="help.redaksi",
    no_args_is_help=True,
    add_completion=True,  # --install-completion / --show-completion: commands and slugs
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help: rich's markdown renderer costs ~75 ms of start-up
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        print(f"redaksi {__version__}")
        raise typer.Exit()


@app.callback(help="help.redaksi")
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="help.opt.version"
    ),
) -> None:
    """A newsroom in git: draft, review, edit and publish articles as signed-off commits."""


init.register(app)
draft.register(app)
transitions.register(app)
writing.register(app)
sync.register(app)
release.register(app)
reading.register(app)
staff.register(app)
demo.register(app)
validate.register(app)
verify.register(app)
importing.register(app)
site.register(app)
photo.register(app)


def main() -> None:
    """Run the CLI: every failure ends as one line and the contract's exit code.

    Help and Click's own parse errors are worded from the catalogue in the newsroom's
    language (``cli/localize.py``); Ctrl-C anywhere exits 130.
    """
    from typer import _click
    from typer.main import get_command

    from redaksi.cli.localize import localize, usage_error

    language = _output().language
    command = get_command(_only(sys.argv[1:2]))
    localize(command, language)
    try:  # Typer's private coercion classes: a Typer without them coerces as it always did
        from redaksi.cli.coerce import plain_values
    except ImportError:
        pass
    else:
        plain_values(command)
    try:
        from redaksi.cli.output import refuse_unsafe_arguments

        refuse_unsafe_arguments(sys.argv[1:])
        code = command.main(args=sys.argv[1:], prog_name="redaksi", standalone_mode=False)
    except RedaksiError as err:
        _output().error(err)
        sys.exit(err.exit_code)
    except _click.exceptions.NoArgsIsHelpError as err:
        print(err.ctx.get_help())
        sys.exit(ExitCode.USAGE)
    except _click.ClickException as err:
        print(f"redaksi: {usage_error(err, language)}", file=sys.stderr)
        sys.exit(ExitCode.USAGE)
    except (KeyboardInterrupt, typer.Abort):
        code = INTERRUPTED
    except OSError as err:  # a full disk, a read-only folder, a missing one: said plainly
        if os.environ.get("REDAKSI_DEBUG"):
            raise
        from redaksi.infra.store import os_failure

        failure = os_failure(err, str(err.filename or ""), writing=False) if err.errno else None
        if failure is None:
            raise
        _output().error(failure)
        sys.exit(failure.exit_code)
    except Exception as err:  # the contract: never a traceback, always one line
        if os.environ.get("REDAKSI_DEBUG"):
            raise
        detail = f"{type(err).__name__}: {err}".splitlines()[0]
        print(f"redaksi: {_output().text('cli.unexpected', detail=detail)}", file=sys.stderr)
        sys.exit(ExitCode.REPOSITORY)
    if code == INTERRUPTED:
        _output().say("cli.interrupted")
    sys.exit(code if isinstance(code, int) else 0)


def _only(first: list[str]) -> typer.Typer:
    """The app with only the command named first on the line, when one is (else all of them).

    Typer turns every command into a Click command before running one (30 ms of a start-up
    of 150); what is parsed, run and said is the same, since a command never sees another.
    Help for the whole tool, options before a command and unknown names see every command.
    """
    from typer.main import get_command_name, solve_typer_info_defaults

    if not first or first[0].startswith("-"):
        return app
    name = first[0]
    commands = [
        info
        for info in app.registered_commands
        if (info.name or get_command_name(getattr(info.callback, "__name__", ""))) == name
    ]
    groups = [
        info for info in app.registered_groups if solve_typer_info_defaults(info).name == name
    ]
    if not commands and not groups:
        return app
    only = copy.copy(app)
    only.registered_commands, only.registered_groups = commands, groups
    return only


INTERRUPTED = 130
"""Ctrl-C, at a prompt or anywhere else: the shell's convention (128 + SIGINT)."""


def _output() -> Output:
    from redaksi.infra.store import configured_language

    return Output(configured_language(Path.cwd()))
