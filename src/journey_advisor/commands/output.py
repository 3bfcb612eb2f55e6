"""The one place that turns a command's result into its --format: JSON or YAML data, a markdown
document, or rich tables. Each form is built only when asked for, so a JSON run never imports
rich and a table run never builds the JSON object."""

from __future__ import annotations

from typing import Any, Callable


def emit(output_format: str, data: Callable[[], Any], table: Callable[[int], list[Any]],
         markdown: Callable[[], str]) -> None:
    """Print `data()` as json/yaml, `markdown()`, or the renderables of `table(width)`."""
    from ..cli import _console, _print_data, dump

    if output_format in ("json", "yaml"):
        _print_data(dump(data(), output_format))
    elif output_format == "markdown":
        _print_data(markdown())
    else:
        from ..render import print_all

        console = _console()
        print_all(console, table(console.width))
