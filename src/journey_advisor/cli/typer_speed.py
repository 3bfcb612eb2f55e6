"""Keeps typer from importing pydantic at every start.

Since 0.20, typer coerces every non-boolean option through a pydantic TypeAdapter built on first
use; importing pydantic alone costs more than our whole start-up budget (PRODUCT.md section 9).
Our options are plain strings (and paths) that the core validates itself, with localized
messages and a "did you mean", so they are passed through unchanged. On a typer without this
machinery (older releases coerce with click types) nothing is changed.
"""

from __future__ import annotations

from typing import Any

try:
    from typer._coercion import RuntimeParam
except ImportError:  # pragma: no cover - older typer, nothing to bypass
    RuntimeParam = None  # type: ignore[assignment,misc]


if RuntimeParam is not None:

    class _AsGiven(RuntimeParam):  # type: ignore[misc,valid-type]
        """The value exactly as the parser produced it: a string, or a tuple of strings."""

        def __init__(self, parameter_info: Any, annotation: Any) -> None:
            object.__setattr__(self, "parameter_info", parameter_info)
            object.__setattr__(self, "annotation", annotation)

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            return list(value) if isinstance(value, tuple) else value


def pass_strings_through(params: Any) -> Any:
    """Give each typer parameter in `params` the pass-through coercion; returns `params`."""
    if RuntimeParam is None:
        return params
    for param in params:
        descriptor = getattr(param, "type_descriptor", None)
        if descriptor is not None and getattr(param, "_runtime_param", "absent") is None:
            param._runtime_param = _AsGiven(getattr(descriptor, "parameter_info", None),
                                            getattr(descriptor, "annotation", None))
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
            return pass_strings_through(super().get_params(ctx))

    return PassThroughGroup, PassThroughCommand
