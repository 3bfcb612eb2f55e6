"""`journey-advisor show ID`: one blueprint, its page's sections, or its reference architecture."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ...core.answers import canonical, suggest
from ...core.safe_text import inert
from ...errors import UsageError
from ...knowledge import catalog
from ...models import Choices
from ...output.emit import View
from ...vocabulary import BLUEPRINT_IDS, SCHEMA_VERSION
from ..session import Session
from . import Outcome


def check_blueprint_id(value: str) -> str:
    key = canonical(value)
    if key in BLUEPRINT_IDS:
        return key
    guess = suggest(key, BLUEPRINT_IDS) or BLUEPRINT_IDS[0]
    raise UsageError("error.unknown_blueprint",
                     "unknown blueprint '{value}'; did you mean '{suggestion}'? Known: {options}",
                     value=value, suggestion=guess, options=Choices(BLUEPRINT_IDS))


def show(session: Session, blueprint: str, output_format: str, pages: Path | None,
         diagram: bool = False) -> Outcome:
    from ...output.views import show_dict

    blueprint_id = check_blueprint_id(blueprint)
    if output_format == "mermaid" or diagram:
        return show_diagram(session, blueprint_id)
    page_set = session.pages(pages)
    page = catalog.blueprint_page(page_set, blueprint_id)
    t = session.t
    data = show_dict(blueprint_id, catalog.facts(), page_set, page, t)
    headings = catalog.section_headings(session.languages)

    def table(width: int) -> list:
        from ...output.terminal import render_show

        return render_show(data, headings, t)

    def markdown() -> str:
        from ...output.markdown import show_markdown

        return show_markdown(data, headings, t)

    notices = session.borrowed([page_set.entries.get(blueprint_id)])
    entry = page_set.entries.get(blueprint_id)
    if page is None and entry is not None and not entry.description_from:
        notices.append(t.text("notice.page_missing", blueprint=blueprint_id,
                              page=inert(entry.href or f"{blueprint_id}.md")))
    return Outcome(View(lambda: data, table, markdown), notices=tuple(notices))


def show_diagram(session: Session, blueprint_id: str) -> Outcome:
    """`show ID --diagram` (terminal picture) or `show ID --format mermaid` (text for documents)."""
    from ...knowledge.architecture import layers_for
    from ...output.mermaid import node_label, title_for, to_mermaid

    t = session.t
    layers = layers_for(catalog.architecture(), blueprint_id)
    title = title_for(catalog.facts()[blueprint_id].name, t)

    def data() -> dict[str, Any]:
        return {"schema_version": SCHEMA_VERSION, "locale": t.locale, "id": blueprint_id,
                "layers": [{"id": layer, "label": t.text("diagram.layer." + layer),
                            "nodes": [{"id": n, "label": node_label(n, t)} for n in nodes]}
                           for layer, nodes in layers]}

    def table(width: int) -> list:
        from ...output.terminal import render_diagram

        return [render_diagram(layers, title, t, width)]

    return Outcome(View(data, table, lambda: "```mermaid\n" + to_mermaid(layers, title, t) + "```",
                        text=lambda: to_mermaid(layers, title, t)))
