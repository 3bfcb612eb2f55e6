"""Rendered terminal output: page text stays inert, whatever markup or control codes it holds;
the sections of a recommendation (margin, what counts against, what-if, caveats, trace)."""

from __future__ import annotations

import io

import pytest
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
    assert ";http://evil\x1b" not in output  # ...never as a terminal hyperlink


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


def _lines(args, columns):
    import os
    from unittest import mock

    from ..conftest import run_cli

    with mock.patch.dict(os.environ, {"COLUMNS": str(columns)}):
        result = run_cli(args)
    assert result.exit_code in (0, 3), result.output
    return result.stdout.splitlines()


def _whole(url_start, lines):
    found = [line for line in lines if url_start in line]
    assert found, lines
    for line in found:
        url = line[line.index(url_start):].split()[0]
        assert url.endswith(("-overview", "messaging", "campaign-v8", "campaign-v7")), url
    return found


@pytest.mark.parametrize("columns", [60, 80, 200])
def test_links_are_whole_at_any_width(columns):
    url = "https://experienceleague.adobe.com/"
    assert len(_whole(url, _lines(["list"], columns))) == 3  # list at 80 columns too
    assert len(_whole(url, _lines(["show", "campaign-v8"], columns))) == 1
    recommend = _lines(["recommend", "-t", "triggered", "-c", "custom", "--no-input"], columns)
    assert len(_whole(url, recommend)) == 2  # the pick's page and the integration pattern's
    assert not any("…" in line for line in _lines(["list"], columns))


def test_links_are_terminal_hyperlinks_where_styles_are_written(facts):
    from journey_advisor.output.terminal import print_all, render_list
    from journey_advisor.output.views import list_dict

    t = catalog.localizer(["en"])
    data = list_dict(facts, catalog.page_set(["en"]), t)
    console = Console(file=io.StringIO(), width=80, color_system="truecolor", force_terminal=True)
    print_all(console, render_list(data, t))
    output = console.file.getvalue()
    assert output.count("\x1b]8;") >= 6  # each name and each URL line
    assert data["blueprints"][0]["link"] + "\x1b\\" in output
    plain = Console(file=io.StringIO(), width=80, color_system=None)
    print_all(plain, render_list(data, t))
    assert "\x1b" not in plain.file.getvalue()


@pytest.mark.parametrize("locale", ["en", "de", "ja", "fr", "zh-Hant"])
@pytest.mark.parametrize("width", [60, 80, 100, 120, 160])
def test_diagram_arrows_meet_their_boxes_and_nothing_is_cut(locale, width):
    from journey_advisor.knowledge.architecture import layers_for
    from journey_advisor.output.mermaid import title_for
    from journey_advisor.output.terminal import ARROW_RIGHT, render_diagram

    t = catalog.localizer([locale])
    facts = catalog.facts()
    for blueprint in facts:
        layers = layers_for(catalog.architecture(), blueprint)
        console = Console(file=io.StringIO(), width=width, color_system=None)
        console.print(render_diagram(layers, title_for(facts[blueprint].name, t), t, width))
        lines = console.file.getvalue().splitlines()
        assert not any("…" in line for line in lines), (blueprint, lines)
        for line in lines:
            at = line.find(ARROW_RIGHT)
            while at >= 0:
                assert line[at - 1] == "│" and line[at + len(ARROW_RIGHT)] == "│", line
                at = line.find(ARROW_RIGHT, at + 1)
        for index, line in enumerate(lines):
            if line.strip() == "↓":
                assert lines[index - 1].lstrip().startswith("╰") and lines[index + 1].lstrip().startswith("╭")
        for layer, _ in layers:  # every box title whole
            assert t.text("diagram.layer." + layer) in "\n".join(lines)
