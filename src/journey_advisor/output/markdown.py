"""Markdown for documents: the `--format markdown` output of list, show, compare and languages."""

from __future__ import annotations

from typing import Mapping

from ..core.i18n import Localizer
from ..models import Terms
from ..vocabulary import SECTION_KINDS
from .views import fact_word, guardrail_line


def escape_cell(text: str) -> str:
    """Text safe inside a markdown table cell: pipes escaped, line breaks as <br>."""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", "<br>")


def table_lines(header: list[str], rows: list[list[str]]) -> list[str]:
    """A GFM table: the header line, the delimiter line, one line per row."""
    lines = ["| " + " | ".join(escape_cell(h) for h in header) + " |",
             "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(escape_cell(c) for c in row) + " |" for row in rows]
    return lines


def list_markdown(data: dict, t: Localizer) -> str:
    rows = [[f"[{b['name']}]({b['link']})", t.text("status." + b["status"]), b["description"]]
            for b in data["blueprints"]]
    return "\n".join(table_lines([t.text("label.blueprint"), t.text("label.status"),
                             t.text("label.description")], rows)) + "\n"


def show_markdown(data: dict, headings: Mapping[str, str], t: Localizer) -> str:
    out = [f"# {data['name']}", "", f"*{t.text('status.' + data['status'])}* — {data['link']}", ""]
    if data["description"]:
        out += [data["description"], ""]
    for kind in SECTION_KINDS:
        if data[kind]:
            out += [f"## {headings.get(kind, kind)}", ""] + [f"- {item}" for item in data[kind]] + [""]
    return "\n".join(out)


def _mark(value: object, t: Localizer, only_for: list[str] | None = None) -> str:
    if value is True or value == "yes":
        return t.beside("✓", t.text("label.only_for", models=Terms(tuple(only_for))) if only_for else "")
    if value is False or value is None or value == "no":
        return "✗"
    return fact_word(value, t, only_for)


def compare_markdown(data: dict, t: Localizer) -> str:
    ids = [b["id"] for b in data["blueprints"]]
    header = [""] + [b["name"] for b in data["blueprints"]]
    rows: list[list[str]] = []
    if data["meets"] is not None:
        rows.append([f"**{t.text('label.meets')}**"] + [
            ("★ " if b == data["pick"] else "") + t.text("label.yes" if data["meets"][b] else "label.no")
            for b in ids])

    def section(title: str, values: dict, limited: dict | None = None) -> None:
        rows.append([f"**{title}**"] + [""] * len(ids))
        for key, by_blueprint in values.items():
            rows.append([t.term(key)] + [_mark(by_blueprint[b], t, (limited or {}).get(key, {}).get(b))
                                         for b in ids])

    section(t.text("label.engagement"), data["engagement"])
    section(t.text("label.channels"), data["channels"], data["only_for"]["channels"])
    section(t.text("label.deployment"), data["deployment"])
    section(t.text("label.data"), data["data"])
    section(t.text("label.latency"), data["latency"])
    section(t.text("label.needs"), data["needs"], data["only_for"]["needs"])
    rows.append([f"**{t.text('label.guardrails')}**"] + [
        "\n".join(guardrail_line(g, t) for g in data["guardrails"][b]) or "—" for b in ids])
    rows.append([f"**{t.text('label.status')}**"] + [t.text("status." + data["status"][b]) for b in ids])
    return "\n".join(table_lines(header, rows)) + "\n"


def languages_markdown(data: dict, t: Localizer) -> str:
    rows = [[item["code"], item["name"], t.percent(item["completeness"])] for item in data["languages"]]
    return "\n".join(table_lines([t.text("label.locale"), t.text("label.language"),
                             t.text("label.completeness")], rows)) + "\n"
