"""Rendered terminal output: page text stays inert, whatever markup or control codes it holds;
the sections of a recommendation (margin, what counts against, what-if, caveats, trace)."""

from __future__ import annotations

import io

from rich.console import Console

from journey_advisor.core.engine import evaluate
from journey_advisor.core.explain import explain
from journey_advisor.knowledge import catalog
from journey_advisor.output.recommendation import render_recommendation

from ..conftest import answers


def _render(page_set, facts, rules, **kw):
    console = Console(file=io.StringIO(), width=100, color_system="truecolor", force_terminal=True)
    t = catalog.localizer(["en"])
    result = evaluate(answers(), facts, rules)
    for renderable in render_recommendation(result, facts, page_set, t,
                                            explain(result, facts, rules), **kw):
        console.print(renderable)
    return console.file.getvalue()


def test_markup_in_page_text_is_shown_literally(facts, rules):
    pages = catalog.page_set(["en"])
    entry = pages.entries["journey-optimizer"]._replace(
        description="[bold red]boom[/] [link=http://evil]click[/link]")
    tampered = pages._replace(entries={**pages.entries, "journey-optimizer": entry})
    output = _render(tampered, facts, rules)
    assert "[bold red]boom[/]" in output
    assert "http://evil" in output  # shown as text...
    assert "\x1b]8;" not in output  # ...never as a terminal hyperlink


def test_no_fit_table_names_blocks(facts, rules):
    pages = catalog.page_set(["en"])
    t = catalog.localizer(["en"])
    result = evaluate(answers("triggered", ("in-app",), deployment="on-premise"), facts, rules)
    console = Console(file=io.StringIO(), width=120)
    for renderable in render_recommendation(result, facts, pages, t, explain(result, facts, rules)):
        console.print(renderable)
    text = console.file.getvalue()
    assert "No single blueprint meets every requirement." in text
    assert "No documented integration pattern covers these answers." in text
    assert "It would be Adobe Journey Optimizer if the hosting were cloud" in text


def test_margin_deprecation_and_what_counts_against(facts, rules):
    pages = catalog.page_set(["en"])
    t = catalog.localizer(["en"])
    result = evaluate(answers("scheduled", ("email",), deployment="on-premise"), facts, rules)
    console = Console(file=io.StringIO(), width=120)
    for renderable in render_recommendation(result, facts, pages, t, explain(result, facts, rules),
                                            explain=True):
        console.print(renderable)
    text = " ".join(console.file.getvalue().split())
    assert "the only one that fits" in text and "deprecated blueprint" in text
    assert "source: Campaign Classic documentation" in text  # --explain names sources
    result = evaluate(answers("triggered", ("email",), data="etl"), facts, rules)
    console = Console(file=io.StringIO(), width=120)
    for renderable in render_recommendation(result, facts, pages, t, explain(result, facts, rules)):
        console.print(renderable)
    text = " ".join(console.file.getvalue().split())
    assert "leads by" in text and "points fewer than" in text
