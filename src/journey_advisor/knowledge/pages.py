"""Reads Experience League source pages: front matter with python-frontmatter, the body with
markdown-it-py. Overview tables give each blueprint's name, description and status; blueprint
pages give their sections (use cases, prerequisites, guardrails, integration patterns).

Page text is untrusted: sizes are bounded, YAML is read safely and text is made inert.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable, Mapping

from ..errors import DataError
from ..models import BlueprintPage, OverviewEntry, Problem
from ..vocabulary import BLUEPRINT_IDS, SECTION_KINDS
from .files import parse_yaml, read_text
from .folders import MAX_PAGE_BYTES
from .markup import InlineText, clean_inline

MAX_TABLE_ROWS = 1_000
ALERT_MARKERS = ("[!IMPORTANT]", "[!NOTE]", "[!TIP]", "[!CAUTION]", "[!WARNING]",
                 "[!MORELIKETHIS]", "[!AVAILABILITY]", "[!PREREQUISITES]", "[!INFO]")


class _Raw:
    """Raw inline markdown that did not come from a token (the joined introduction)."""

    def __init__(self, content: str) -> None:
        self.content = content
        self.children = None


def _markdown() -> Any:
    """The block parser. Inline content stays raw until an InlineText is read (see markup)."""
    # Imported here: only the commands that read pages pay for markdown-it.
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True}).enable("table").disable("inline")


def read_page(path: Path, label: str) -> tuple[dict[str, Any], str, int, list[Problem]]:
    """(front matter, body, line offset of the body, problems) of one page.

    A front matter that cannot be read is a problem, not an error: the body stays usable.
    """
    import frontmatter

    text = read_text(path, MAX_PAGE_BYTES)
    handler = frontmatter.YAMLHandler()
    if not handler.detect(text):
        return {}, text, 0, []
    try:
        matter, body = handler.split(text)
    except ValueError:
        return {}, text, 0, [Problem(f"{label}:1", "problem.front_matter_open",
                                     "front matter is not closed by '---'")]
    offset = text[: len(text) - len(body)].count("\n")
    problems: list[Problem] = []
    try:
        # The matter's first line is the rest of the opening --- line: line 1 of the file.
        metadata = parse_yaml(matter, label, first_line=1)
    except DataError as error:
        line = error.params.get("line", 1)
        problems.append(Problem(f"{label}:{line}", "problem.front_matter",
                                "unreadable front matter: {problem}",
                                {"problem": error.params.get("problem") or error.english()}))
        metadata = {}
    if metadata is None:
        metadata = {}
    if not isinstance(metadata, dict):
        problems.append(Problem(f"{label}:1", "problem.front_matter_shape",
                                "front matter is not a mapping"))
        metadata = {}
    return metadata, body, offset, problems


def text_field(metadata: Mapping[str, Any], key: str) -> str:
    """A front-matter value as clean text; lists, mappings and aliases of them are ignored."""
    value = metadata.get(key)
    return clean_inline(str(value)) if isinstance(value, (str, int, float)) else ""


def blueprint_id_for(href: str, aliases: Mapping[str, str] | None = None) -> str | None:
    """Map a link target to a blueprint id: `campaign-v8.md`, `campaign-v8/campaign-v8-overview.md`,
    or an earlier page name listed in `aliases` (`triggered-messaging.md`)."""
    name = href.split("#", 1)[0].split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1]
    for suffix in (".md", ".html"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    if name.endswith("-overview"):
        name = name[: -len("-overview")]
    name = (aliases or {}).get(name, name)
    return name if name in BLUEPRINT_IDS else None


def _contains_any(text: str, words: Iterable[str]) -> bool:
    folded = text.casefold().replace("\u2019", "'")
    return any(word.casefold() in folded for word in words)


def heading_kind(text: str, terms: Mapping[str, Iterable[str]]) -> str | None:
    for kind in SECTION_KINDS + ("deprecated_blueprints",):
        if _contains_any(text, terms.get(kind, ())):
            return kind
    return None


def _table_rows(tokens: list[Any], start: int) -> tuple[list[InlineText], list[tuple[int, list[InlineText]]], int]:
    """Header cells, body rows (source line, cells) and the index after the table."""
    header: list[InlineText] = []
    rows: list[tuple[int, list[InlineText]]] = []
    index = start + 1
    in_head = False
    current: list[InlineText] | None = None
    line = 0
    while index < len(tokens) and tokens[index].type != "table_close":
        token = tokens[index]
        if token.type == "thead_open":
            in_head = True
        elif token.type == "thead_close":
            in_head = False
        elif token.type == "tr_open":
            current = []
            line = token.map[0] if token.map else 0
        elif token.type == "tr_close" and current is not None:
            if in_head:
                header = current
            else:
                rows.append((line, current))
            current = None
        elif token.type == "inline" and current is not None:
            current.append(InlineText(token))
        index += 1
    return header, rows, index + 1


def parse_overview(path: Path, label: str, terms: Mapping[str, Mapping[str, list[str]]]
                   ) -> tuple[dict[str, OverviewEntry], dict[str, str], list[Problem], dict[str, Any]]:
    """Blueprint rows of an overview page by id, their link targets, problems, and front matter.

    A table counts when one of its rows links to a blueprint page. Rows under a "deprecated"
    heading are deprecated; a table without a description column leaves the description empty.
    """
    metadata, body, offset, problems = read_page(path, label)
    tokens = _markdown().parse(body)
    entries: dict[str, OverviewEntry] = {}
    hrefs: dict[str, str] = {}
    heading = ""
    architecture_words = terms.get("table", {}).get("architecture", ())
    aliases = terms.get("aliases") or {}
    deprecated_words = terms.get("headings", {}).get("deprecated_blueprints", ())
    index = 0
    tables = 0
    while index < len(tokens):
        token = tokens[index]
        if token.type == "heading_open" and index + 1 < len(tokens):
            heading = InlineText(tokens[index + 1]).text
        if token.type != "table_open":
            index += 1
            continue
        header, rows, index = _table_rows(tokens, index)
        linked = [(line, cells, blueprint_id_for(cells[0].links[0][0], aliases))
                  for line, cells in rows if cells and cells[0].links]
        if not any(bp for _, _, bp in linked):
            continue
        tables += 1
        if len(rows) > MAX_TABLE_ROWS:
            problems.append(Problem(f"{label}:{offset + rows[MAX_TABLE_ROWS][0] + 1}",
                                    "problem.too_many_rows",
                                    "table has {rows} rows; only the first {limit} are read",
                                    {"rows": len(rows), "limit": MAX_TABLE_ROWS}))
            linked = linked[:MAX_TABLE_ROWS]
        description_column, architecture_column = _columns(header, rows, architecture_words)
        # Deprecated: under a heading that says so, or (in a language whose word we do not know)
        # a later table that lists blueprints without describing them, as today's layout does.
        later_without_description = tables > 1 and description_column is None
        status = ("deprecated" if _contains_any(heading, deprecated_words) or later_without_description
                  else "current")
        for line, cells, blueprint_id in linked:
            where = f"{label}:{offset + line + 1}"
            if blueprint_id is None:  # a row we do not know: reported, then ignored
                problems.append(Problem(where, "problem.unknown_row",
                                        "row links to {href}, not a blueprint page; ignored",
                                        {"href": cells[0].links[0][0][:200]}))
                continue
            if blueprint_id in entries:
                problems.append(Problem(where, "problem.duplicate_row",
                                        "duplicate row for {blueprint}; the first one ({first}) "
                                        "is kept", {"blueprint": blueprint_id,
                                                    "first": entries[blueprint_id].location}))
                continue
            description = _cell(cells, description_column)
            architecture = _cell(cells, architecture_column)
            if description_column is not None and description is None:
                problems.append(Problem(where, "problem.no_description_cell",
                                        "row for {blueprint} has no description cell",
                                        {"blueprint": blueprint_id}))
            name = cells[0].links[0][1] or cells[0].text
            entries[blueprint_id] = OverviewEntry(
                id=blueprint_id, name=name, description=description.text if description else "",
                status=status,
                architecture=(architecture.text or "; ".join(a for _, a in architecture.images if a))
                if architecture else "",
                href=cells[0].links[0][0], location=where)
            hrefs[blueprint_id] = cells[0].links[0][0]
    if not tables:
        problems.append(Problem(f"{label}:1", "problem.no_table",
                                "no blueprint table: no table row links to {pages}",
                                {"pages": ", ".join(f"{b}.md" for b in BLUEPRINT_IDS)}, fatal=True))
    return entries, hrefs, problems, metadata


def _cell(cells: list[InlineText], column: int | None) -> InlineText | None:
    return cells[column] if column is not None and column < len(cells) else None


def _columns(header: list[InlineText], rows: list[tuple[int, list[InlineText]]],
             architecture_words: Iterable[str]) -> tuple[int | None, int | None]:
    """(description column, architecture column) of a blueprint table."""
    architecture = None
    for index, cell in enumerate(header[1:], start=1):
        if _contains_any(cell.text, architecture_words):
            architecture = index
    if architecture is None:
        for _, cells in rows:  # an image-only column is the architecture picture
            for index, cell in enumerate(cells[1:], start=1):
                if cell.only_images:
                    architecture = index
                    break
            if architecture is not None:
                break
    width = len(header) if header else max((len(c) for _, c in rows), default=1)
    description = next((i for i in range(1, width) if i != architecture), None)
    return description, architecture


def parse_blueprint_page(path: Path, label: str, blueprint_id: str,
                         terms: Mapping[str, Mapping[str, list[str]]],
                         separator: str = ": ") -> BlueprintPage:
    """Title, introduction, alerts and the four sections of one blueprint page, as plain text.
    An item under a group label reads `label{separator}item` (the locale's `label: item`)."""
    metadata, body, offset, _ = read_page(path, label)
    tokens = _markdown().parse(body)
    heading_terms = terms.get("headings", {})
    sections: dict[str, list[str]] = {kind: [] for kind in SECTION_KINDS}
    alerts: list[str] = []
    intro: list[str] = []
    title = text_field(metadata, "title")
    kind: str | None = None
    seen_h2 = False
    group = ""
    quote_depth = 0
    alert: list[str] | None = None
    index = 0
    while index < len(tokens):
        token = tokens[index]
        kind_of_token = token.type
        if kind_of_token == "heading_open":
            text = InlineText(tokens[index + 1]).text
            level = int(token.tag[1:]) if token.tag[1:].isdigit() else 2
            if level == 1:
                title = title or text
            elif level == 2:
                seen_h2 = True
                found = heading_kind(text, heading_terms)
                kind = found if found in SECTION_KINDS else None
                group = ""
            else:
                group = text
            index += 2
            continue
        if kind_of_token == "blockquote_open":
            quote_depth += 1
        elif kind_of_token == "blockquote_close":
            quote_depth -= 1
            if quote_depth == 0 and alert is not None:
                if alert:
                    alerts.append(" ".join(alert))
                alert = None
        elif kind_of_token == "table_open":
            header, rows, index = _table_rows(tokens, index)
            if kind is not None:
                for _, cells in rows:
                    texts = [c.links[0][1] if c.links and i == 0 else c.text
                             for i, c in enumerate(cells[:2])]
                    item = separator.join(t for t in texts if t)
                    if item:
                        sections[kind].append(item)
            continue
        elif kind_of_token == "inline":
            if quote_depth:
                alert = _quote_line(token, alert, alerts)
                group = _tab_label(token.content, group)
            elif not seen_h2:
                intro.append(token.content)
            elif kind is not None:  # text outside the four sections is never parsed
                text = InlineText(token).text
                if not text:
                    pass
                elif text.endswith(":") and tokens[index - 1].level == 0:
                    group = text.rstrip(":").strip()
                else:
                    sections[kind].append(f"{group}{separator}{text}" if group else text)
        index += 1
    intro_text = InlineText(_Raw("\n\n".join(intro))).text if intro else ""
    return BlueprintPage(id=blueprint_id, title=title, intro=intro_text,
                         sections={k: tuple(v) for k, v in sections.items()},
                         alerts=tuple(alerts), location=label)


def _tab_label(content: str, group: str) -> str:
    """The group after a block of tab markers: the last `[!TAB label]`, or none after ENDTABS."""
    for line in content.splitlines():
        line = line.strip()
        if line.startswith("[!TAB") and line.endswith("]"):
            group = clean_inline(line[len("[!TAB"):-1])
        elif line.startswith(("[!ENDTABS]", "[!BEGINTABS]")):
            group = ""
    return group


def _quote_line(token: Any, alert: list[str] | None, alerts: list[str]) -> list[str] | None:
    """Collect the text of an alert block (`>[!IMPORTANT]` ...); tab markers are not alerts."""
    lines = token.content.splitlines()
    first = lines[0].strip() if lines else ""
    if any(first.upper().startswith(marker) for marker in ALERT_MARKERS):
        alert = []
        rest = "\n".join(lines[1:])
        if rest.strip():
            alert.append(clean_inline(rest).replace("\n", " "))
        return alert
    if alert is not None:
        text = InlineText(token).text.replace("\n", " ")
        if text:
            alert.append(text)
    return alert
