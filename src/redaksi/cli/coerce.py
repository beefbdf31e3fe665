"""CLI: plain option values taken as Click parsed them, without a pydantic model for each.

Typer (0.29) turns every parsed value into its annotated type through a pydantic
``TypeAdapter``, built when the command runs: importing pydantic and building the adapters
cost every command about 0.1 s of CPU before it did any work (measured with ``-X importtime``
and cProfile on ``redaksi build``). The kinds redaksi declares are plain: text, paths, flags,
whole numbers, lists of those, and choices. For those the value Click hands over is already
right, or one call away (``Path(text)``, ``Format("json")``). Anything else, and every value
that is not plainly right (a number typed as text, a choice not offered), still goes through
Typer, which words the error as before.
"""

from __future__ import annotations

import types
from enum import Enum
from pathlib import Path
from typing import Any, Union, get_args, get_origin

from typer import _click
from typer._coercion import RuntimeParam, TypeDescriptor, build_runtime_param

_NOT_PLAIN = object()


class _Plain(RuntimeParam):
    """A parameter's value as Click parsed it when that is plainly its type; else Typer's."""

    descriptor: TypeDescriptor

    def __init__(self, descriptor: TypeDescriptor) -> None:
        object.__setattr__(self, "parameter_info", descriptor.parameter_info)
        object.__setattr__(self, "annotation", descriptor.annotation)
        object.__setattr__(self, "descriptor", descriptor)

    def _coerce_value(self, value: Any, param: Any, ctx: _click.Context) -> Any:
        found = _plain(self.annotation, value)
        if found is _NOT_PLAIN:
            full = build_runtime_param(self.descriptor)
            param._runtime_param = full  # the next value goes straight to Typer's
            return full.coerce(value, param=param, ctx=ctx)
        return found


def _plain(annotation: Any, value: Any) -> Any:
    """``value`` as ``annotation`` when that needs no judgement, else ``_NOT_PLAIN``."""
    origin = get_origin(annotation)
    if origin in (Union, types.UnionType):
        kinds = [a for a in get_args(annotation) if a is not type(None)]
        return _plain(kinds[0], value) if len(kinds) == 1 else _NOT_PLAIN
    if origin is list:
        (kind,) = get_args(annotation)
        if not isinstance(value, (list, tuple)):
            return _NOT_PLAIN
        items = [_plain(kind, item) for item in value]
        return _NOT_PLAIN if any(item is _NOT_PLAIN for item in items) else items
    if annotation in (str, bool, int):
        return value if type(value) is annotation else _NOT_PLAIN
    if annotation is Path:
        if isinstance(value, Path):
            return value
        return Path(value) if isinstance(value, str) else _NOT_PLAIN
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        if isinstance(value, annotation):
            return value
        known = {member.value: member for member in annotation}
        return known.get(value, _NOT_PLAIN) if isinstance(value, str) else _NOT_PLAIN
    return _NOT_PLAIN


def _simple(descriptor: TypeDescriptor) -> bool:
    """No file to open, no parser of its own, no path checks asked of Typer."""
    info = descriptor.parameter_info
    return (
        descriptor.file_annotation is None
        and info.parser is None
        and not (info.exists or info.resolve_path or info.allow_dash or info.path_type)
        and info.file_okay
        and info.dir_okay
        and not info.writable
        and info.readable
        and info.case_sensitive
        and info.min is None
        and info.max is None
    )


def plain_values(command: _click.Command) -> None:
    """Give every simple parameter of ``command`` and its subcommands the plain coercion.

    ``--help`` too: Click makes it once per command, when first asked, and keeps it.
    """
    helper = command.get_help_option(_click.Context(command))
    for param in [*command.params, *([helper] if helper is not None else [])]:
        descriptor = getattr(param, "type_descriptor", None)
        if (
            isinstance(descriptor, TypeDescriptor)
            and getattr(param, "_runtime_param", "absent") is None
            and _simple(descriptor)
        ):
            param._runtime_param = _Plain(descriptor)  # type: ignore[attr-defined]
    for sub in getattr(command, "commands", {}).values():
        plain_values(sub)
