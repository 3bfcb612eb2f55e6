"""`list`, `show`, `compare` and `languages`: reference output in every format."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import catalog
from ..errors import UsageError
from ..locale import SUPPORTED
from ..models import BLUEPRINT_IDS
from .output import emit

if TYPE_CHECKING:
    from ..cli import Session


def _render(name: str, *args: Any) -> list[Any]:
    # rich is imported only when a table is printed: JSON and YAML runs never pay for it.
    from .. import render

    return getattr(render, name)(*args)


def _markdown(name: str, *args: Any) -> str:
    from .. import markdown_output

    return getattr(markdown_output, name)(*args)


def run_list(session: "Session", output_format: str, pages: Path | None) -> int:
    from ..report import list_dict

    page_set = session.pages(pages)
    session.note_borrowed(page_set.entries.values())
    data = list_dict(catalog.facts(), page_set, session.t)
    emit(output_format, lambda: data, lambda _: _render("render_list", data, session.t),
         lambda: _markdown("list_markdown", data, session.t))
    return 0


def check_blueprint_id(value: str) -> str:
    from ..answers import canonical, suggest

    key = canonical(value)
    if key in BLUEPRINT_IDS:
        return key
    guess = suggest(key, BLUEPRINT_IDS) or BLUEPRINT_IDS[0]
    raise UsageError("error.unknown_blueprint",
                     "unknown blueprint '{value}'; did you mean '{suggestion}'? Known: {options}",
                     value=value, suggestion=guess, options=", ".join(BLUEPRINT_IDS))


def section_headings(session: "Session") -> dict[str, str]:
    from ..loading import load_glossary

    for code in session.languages:
        path = catalog.glossary_path(code)
        if path.is_file():
            return dict(load_glossary(path)["headings"])
    return {}


def run_show(session: "Session", blueprint: str, output_format: str, pages: Path | None,
             diagram: bool = False) -> int:
    from ..report import show_dict

    blueprint_id = check_blueprint_id(blueprint)
    if output_format == "mermaid" or diagram:
        return run_diagram(session, blueprint_id, output_format)
    page_set = session.pages(pages)
    session.note_borrowed([page_set.entries.get(blueprint_id)])
    page = catalog.blueprint_page(page_set, blueprint_id)
    data = show_dict(blueprint_id, catalog.facts(), page_set, page, session.t)
    headings = section_headings(session)
    emit(output_format, lambda: data, lambda _: _render("render_show", data, headings, session.t),
         lambda: _markdown("show_markdown", data, headings, session.t))
    return 0


def run_diagram(session: "Session", blueprint_id: str, output_format: str) -> int:
    """`show ID --diagram` (terminal picture) or `show ID --format mermaid` (text for documents)."""
    from ..cli import _print_data
    from ..diagram import layers_for, node_label, title_for, to_mermaid

    layers = layers_for(catalog.architecture(), blueprint_id)
    title = title_for(catalog.facts()[blueprint_id].name, session.t)
    if output_format == "mermaid":
        _print_data(to_mermaid(layers, title, session.t))
        return 0

    def data() -> dict[str, Any]:
        return {"schema_version": 1, "locale": session.t.locale, "id": blueprint_id,
                "layers": [{"id": layer, "label": session.t.text("diagram.layer." + layer),
                            "nodes": [{"id": n, "label": node_label(n, session.t)} for n in nodes]}
                           for layer, nodes in layers]}

    emit(output_format, data,
         lambda width: [_render("render_diagram", layers, title, session.t, width)],
         lambda: "```mermaid\n" + to_mermaid(layers, title, session.t) + "```")
    return 0


def run_compare(session: "Session", raw: dict[str, Any], output_format: str,
                pages: Path | None, rules_file: Path | None) -> int:
    from ..answers import build_answers
    from ..engine import evaluate
    from ..report import compare_dict

    facts = catalog.facts()
    result = None
    if any(v not in (None, [], "") for v in raw.values()):
        rules = catalog.rules(rules_file)
        # Only the hard requirements given matter here; an absent engagement model reads as both.
        given = {"trigger": "both", **{k: v for k, v in raw.items() if v not in (None, [], "")}}
        if not given.get("channels"):
            given["channels"] = []
            result = _evaluate_without_channels(build_answers, evaluate, given, facts, rules)
        else:
            result = evaluate(build_answers(given, rules), facts, rules)
    page_set = session.pages(pages)
    data = compare_dict(facts, page_set, session.t, result)
    emit(output_format, lambda: data, lambda _: _render("render_compare", data, session.t),
         lambda: _markdown("compare_markdown", data, session.t))
    return 0


def _evaluate_without_channels(build_answers: Any, evaluate: Any, given: dict, facts: Any,
                               rules: Any) -> Any:
    answers = build_answers({**given, "channels": ["email"]}, rules)
    return evaluate(answers._replace(channels=()), facts, rules)


def languages_dict(session: "Session") -> dict[str, Any]:
    from ..loading import load_glossary, load_strings

    english = load_strings(catalog.strings_path("en"))
    languages = []
    for code in SUPPORTED:
        strings = load_strings(catalog.strings_path(code)) if catalog.strings_path(code).is_file() else {}
        glossary = (load_glossary(catalog.glossary_path(code))
                    if catalog.glossary_path(code).is_file() else {})
        pages = (catalog.bundled_pages_root() / code / "overview.md").is_file()
        share = len(set(strings) & set(english)) / len(english)
        languages.append({"code": code, "name": glossary.get("native_name", code),
                          "completeness": round(share, 4), "pages": pages,
                          "complete": share == 1 and pages and bool(glossary)})
    return {"schema_version": 1, "locale": session.t.locale, "languages": languages}


def run_languages(session: "Session", output_format: str) -> int:
    data = languages_dict(session)
    emit(output_format, lambda: data, lambda _: _render("render_languages", data, session.t),
         lambda: _markdown("languages_markdown", data, session.t))
    return 0
