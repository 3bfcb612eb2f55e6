"""Keeps typer from importing pydantic at every start.

Since 0.20, typer coerces every non-boolean option through a pydantic TypeAdapter built on first
use; importing pydantic alone costs more than our whole start-up budget (PRODUCT.md section 9).
Our options are plain strings (and paths) that the core validates itself, with localized
messages and a "did you mean", so they are passed through unchanged.

This leans on typer internals (`_TyperParameter._runtime_param`, `RuntimeParam.coerce`), checked
once against the installed typer: if they are not as expected, nothing is patched and typer's
own path runs (slower, still correct). pyproject.toml pins typer to the range this is tested on.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any


class AsGiven:
    """A stand-in for typer's RuntimeParam: the value exactly as the parser produced it, a
    string or a list of strings."""

    def coerce(self, value: Any, param: Any = None, ctx: Any = None) -> Any:
        if value is None:
            return () if param is not None and (param.multiple or param.nargs == -1) else None
        return list(value) if isinstance(value, tuple) else value


AS_GIVEN = AsGiven()


@lru_cache(maxsize=1)
def typer_is_as_expected() -> bool:
    """True when the installed typer coerces through `_runtime_param.coerce(value, param=, ctx=)`."""
    try:
        import inspect

        from typer._coercion import RuntimeParam
        from typer.core import _TyperParameter
    except ImportError:  # another typer: nothing to bypass
        return False
    try:
        names = list(inspect.signature(RuntimeParam.coerce).parameters)
    except (TypeError, ValueError):
        return False
    return (names[:4] == ["self", "value", "param", "ctx"]
            and "_runtime_param" in getattr(_TyperParameter, "__annotations__", {})
            and callable(getattr(_TyperParameter, "get_runtime_param", None)))


def pass_strings_through(params: Any) -> Any:
    """Give each typer parameter in `params` the pass-through coercion; returns `params`."""
    if not typer_is_as_expected():
        return params
    for param in params:
        if hasattr(param, "type_descriptor") and getattr(param, "_runtime_param", "absent") is None:
            param._runtime_param = AS_GIVEN
    return params


def values_not_types(params: Any) -> Any:
    """An argument with a metavar shows just that in --help (recent typers add `<str>`)."""
    for param in params:
        if getattr(param, "param_type_name", "") == "argument" and param.metavar \
                and hasattr(param, "display_type_rich"):
            param.display_type_rich = lambda ctx: None
    return params


def fast_classes() -> tuple[Any, Any]:
    """(group class, command class) whose parameters, typer's own help and completion options
    included, skip the pydantic coercion."""
    from typer.core import TyperCommand, TyperGroup

    class PassThroughGroup(TyperGroup):
        def get_params(self, ctx: Any) -> Any:
            return pass_strings_through(super().get_params(ctx))

    class PassThroughCommand(TyperCommand):
        def get_params(self, ctx: Any) -> Any:
            return values_not_types(pass_strings_through(super().get_params(ctx)))

    return PassThroughGroup, PassThroughCommand
