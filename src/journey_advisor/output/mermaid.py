"""Reference-architecture graphs as a Mermaid flowchart for documents, and the labels both the
Mermaid and the terminal drawings use."""

from __future__ import annotations

from ..core.i18n import Localizer
from ..vocabulary import CHANNELS

Layers = list[tuple[str, list[str]]]


def title_for(blueprint_name: str, t: Localizer) -> str:
    return t.labelled(blueprint_name, t.text("diagram.title"))


def node_label(node: str, t: Localizer) -> str:
    if node in CHANNELS:
        return t.term(node)
    return t.text(f"diagram.node.{node}")


def _quoted(label: str) -> str:
    """A Mermaid label in double quotes; quotes and markup characters as entities."""
    return '"' + label.replace("&", "#amp;").replace('"', "#quot;").replace("<", "#lt;") \
        .replace(">", "#gt;") + '"'


def to_mermaid(layers: Layers, title: str, t: Localizer) -> str:
    lines = ["---", f"title: {_quoted(title)}", "---", "flowchart LR"]
    for layer, nodes in layers:
        lines.append(f"  subgraph {layer}[{_quoted(t.text('diagram.layer.' + layer))}]")
        lines += [f"    {layer}_{node.replace('-', '_')}[{_quoted(node_label(node, t))}]" for node in nodes]
        lines.append("  end")
    lines += [f"  {a} --> {b}" for (a, _), (b, _) in zip(layers, layers[1:])]
    return "\n".join(lines) + "\n"
