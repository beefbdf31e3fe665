"""CLI: every word of the command line in the newsroom's language: help, usage and parse errors.

One mechanism for the whole CLI. A command adopts it with three habits:

1. Its help is a catalogue key: ``@app.command("list", help="help.list")``. The text's first
   paragraph is the summary ``redaksi --help`` shows (never cut); the rest is the long help.
   If the catalogue also has ``help.list.examples`` (one command per line), those lines are
   shown under "Examples", never re-wrapped, so they can be copied.
2. Every option and argument's help is a key too: ``typer.Option("--note", help="help.opt.note")``.
   Shared options use shared keys (``help.opt.note``, ``help.opt.no_input``, ``help.opt.push``,
   ``help.arg.article``). The placeholder of a value comes from ``help.mv.<option name>`` when
   the catalogue has it (``--title JUDUL``), else from its choices, else ``help.mv.text``.
3. The keys live in ``messages/help.py`` (or the command's own area), English and Indonesian.

``cli/app.py`` builds the Click command, calls :func:`localize` with the language redaksi.yaml
names (read cheaply, as ``infra/store.configured_language`` does), and turns Click's own parse
errors into one catalogue line with :func:`usage_error`. ``tests/cli/test_help.py`` fails when a
registered command, option or argument has help that is not a catalogue key.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from typer import _click  # Typer's own Click: the classes its commands are made of

from redaksi.messages import CATALOGUE, render

HELP_PREFIX = "help."
_OWN = {
    "--help": "help.opt.help",
    "--install-completion": "help.opt.install_completion",
    "--show-completion": "help.opt.show_completion",
}
"""Options Typer itself adds, whose help is set here rather than where they are declared."""
_TYPE = re.compile(r"\s<[^<>]*>(\.\.\.)?$")


def walk(command: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Any]]:
    """Every command in the tree, with its path of names (the root's is empty)."""
    yield path, command
    for name, sub in sorted(getattr(command, "commands", {}).items()):
        yield from walk(sub, (*path, name))


def localize(root: Any, language: str) -> None:
    """Swap every help key in the Click command tree ``root`` for its text in ``language``."""
    formatter = _formatter_for(language)
    context = type("LocalContext", (_click.Context,), {"formatter_class": formatter})
    for _, command in walk(root):
        command.context_class = context
        key = command.help
        if isinstance(key, str) and key in CATALOGUE:
            text = render(key, language)
            command.help = text
            command.short_help = text.split("\n\n")[0]
            if f"{key}.examples" in CATALOGUE:
                examples = render(f"{key}.examples", language)
                lines = "\n".join(f"  {line}" for line in examples.splitlines())
                command.epilog = f"{render('help.examples', language)}:\n\n\b\n{lines}"
        command.options_metavar = render("help.mv.options", language)
        if hasattr(command, "subcommand_metavar"):
            command.subcommand_metavar = render("help.mv.command", language)
        for param in command.params:
            _param(param, language)


def _param(param: Any, language: str) -> None:
    name = max(param.opts, key=len) if param.opts else ""
    key = _OWN.get(name, param.help)
    if isinstance(key, str) and key in CATALOGUE:
        param.help = render(key, language)
    if getattr(param, "is_flag", False) or getattr(param, "count", False):
        return
    metavar = param.metavar
    if not (isinstance(metavar, str) and metavar in CATALOGUE):
        metavar = f"help.mv.{(param.name or '').replace('_', '-')}"
    if metavar in CATALOGUE:
        param.metavar = render(metavar, language)
    elif getattr(param.type_descriptor, "choices", None):
        param.metavar = "|".join(str(getattr(c, "value", c)) for c in param.type_descriptor.choices)
    else:
        param.metavar = render("help.mv.text", language)


def _formatter_for(language: str) -> type[Any]:
    """A help formatter whose headings and Click's fixed words are in ``language``."""
    words = {
        "Arguments": render("help.section.arguments", language),
        "Options": render("help.section.options", language),
        "Commands": render("help.section.commands", language),
    }
    default = render("help.default", language)
    required = render("help.required", language)
    help_text = render("help.opt.help", language)

    class LocalFormatter(_click.HelpFormatter):
        def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
            args = re.sub(r"\{([^{}]+)\}", r"\1", args)  # Typer marks required arguments {X}
            super().write_usage(prog, args, prefix or render("help.usage", language) + " ")

        def write_heading(self, heading: str) -> None:
            super().write_heading(words.get(heading, heading))

        def write_dl(self, rows: Any, col_max: int = 30, col_spacing: int = 2) -> None:
            fixed = []
            for first, second in rows:
                second = second.replace("Show this message and exit.", help_text)
                second = second.replace("[default: ", f"[{default}: ")
                second = second.replace("; required]", f"; {required}]")
                second = second.replace("[required]", f"[{required}]")
                fixed.append((_TYPE.sub("", first), second))
            super().write_dl(fixed, col_max, col_spacing)

    return LocalFormatter


def usage_error(err: Any, language: str, prog: str = "redaksi") -> str:
    """One catalogue line for a Click parse error: what is wrong, and where help is."""
    exceptions = _click.exceptions
    ctx = getattr(err, "ctx", None)
    where = ctx.command_path if ctx is not None else prog
    hint = render("cli.help_hint", language, {"command": where})
    param = getattr(err, "param", None)
    if isinstance(err, exceptions.MissingParameter) and param is not None:
        what = _name(param)
        return render("cli.missing", language, {"what": what, "hint": hint})
    if isinstance(err, exceptions.NoSuchOption):
        close = ", ".join(sorted(err.possibilities or ()))
        key = "cli.no_such_option_close" if close else "cli.no_such_option"
        return render(key, language, {"option": err.option_name, "close": close, "hint": hint})
    if isinstance(err, exceptions.BadOptionUsage):
        return render("cli.option_needs_value", language, {"option": err.option_name, "hint": hint})
    if isinstance(err, exceptions.BadParameter) and param is not None:
        return _bad_value(err, param, language, hint)
    message = str(getattr(err, "message", err))
    found = re.search(r"No such command '(.*?)'", message)
    if found:
        return _no_such_command(ctx, found.group(1), language, hint)
    found = re.search(r"unexpected extra argument(?:\(s\)|s)? \((.*)\)", message)
    if found:
        return render("cli.extra_arguments", language, {"args": found.group(1), "hint": hint})
    if message.startswith("Missing command"):
        return render("cli.missing_command", language, {"hint": hint})
    return render("cli.usage_other", language, {"detail": message, "hint": hint})


def _name(param: Any) -> str:
    if param.param_type_name == "option":
        return str(max(param.opts, key=len))
    return str(param.metavar or param.name or "").upper()


def _bad_value(err: Any, param: Any, language: str, hint: str) -> str:
    value: Any = None
    cause = err.__cause__
    errors = getattr(cause, "errors", None)
    if callable(errors):
        found = errors()
        value = found[0].get("input") if found else None
    choices = getattr(param.type_descriptor, "choices", None)
    params = {"option": _name(param), "value": value, "hint": hint}
    if choices:
        listed = ", ".join(str(getattr(c, "value", c)) for c in choices)
        return render("cli.bad_choice", language, {**params, "choices": listed})
    return render("cli.bad_value", language, params)


def _no_such_command(ctx: Any, name: str, language: str, hint: str) -> str:
    import difflib

    names = sorted(getattr(ctx.command, "commands", {})) if ctx is not None else []
    close = difflib.get_close_matches(name, names, n=3)
    if close:
        params = {"name": name, "close": ", ".join(close), "hint": hint}
        return render("cli.no_such_command_close", language, params)
    return render("cli.no_such_command", language, {"name": name, "hint": hint})
