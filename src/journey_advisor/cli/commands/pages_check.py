"""`journey-advisor pages check [DIR]`: load a pages folder and report every problem as
`file:line: message`. Exit 1 when the folder cannot be used, 0 (with the warnings) otherwise."""

from __future__ import annotations

from pathlib import Path

from ...core.safe_text import inert
from ...errors import EXIT_DATA, EXIT_OK, AdvisorError
from ...knowledge import catalog
from ...knowledge.files import is_file
from ...knowledge.folders import PagesFolder, ensure_inside, locale_folders
from ...knowledge.pages import parse_blueprint_page, parse_overview, read_page
from ...models import Problem
from ...output.emit import View
from ...vocabulary import BLUEPRINT_IDS
from ..session import Session
from . import Outcome


def check_folder(found: PagesFolder) -> tuple[list[Problem], int]:
    """Every problem of one overview folder and its blueprint pages, and how many blueprints load."""
    overview = found.folder / "overview.md"
    label = str(overview)
    try:
        ensure_inside(overview, found.root)
        entries, hrefs, problems, _ = parse_overview(overview, label, catalog.page_terms())
    except AdvisorError as error:
        return [Problem(label, error.key, error.default, error.params, fatal=True)], 0
    if entries or not any(p.fatal for p in problems):
        for blueprint_id in BLUEPRINT_IDS:
            if blueprint_id not in entries:
                problems.append(Problem(label, "problem.missing_row", "no row for {blueprint}",
                                        {"blueprint": blueprint_id}))
    for blueprint_id, href in hrefs.items():
        target = overview.parent / href.split("#", 1)[0]
        if href.startswith(("http:", "https:", "/")):
            continue
        if not is_file(target):
            problems.append(Problem(entries[blueprint_id].location, "problem.page_not_found",
                                    "{blueprint}: linked page {href} not found",
                                    {"blueprint": blueprint_id, "href": href[:200]}))
            continue
        try:
            ensure_inside(target, found.root)
            _, _, _, page_problems = read_page(target, str(target))
            problems.extend(page_problems)
            parse_blueprint_page(target, str(target), blueprint_id, catalog.page_terms())
        except AdvisorError as error:
            problems.append(Problem(str(target), error.key, error.default, error.params))
    for entry in entries.values():
        if not entry.description:
            problems.append(Problem(entry.location, "problem.no_description",
                                    "{blueprint}: no description (our own text in that language "
                                    "is shown instead)", {"blueprint": entry.id}))
    return problems, len(entries)


def pages_check(session: Session, directory: Path | None) -> Outcome:
    directory = directory or catalog.bundled_pages_root()
    folders = locale_folders(directory)  # raises when the folder itself cannot be used
    lines: list[str] = []
    notices: list[str] = []
    failed = False
    for found in folders:
        problems, count = check_folder(found)
        for problem in problems:
            message = session.t.text(problem.key, problem.default, **problem.params)
            lines.append(inert(f"{problem.location}: {message}"))
        failed = failed or any(p.fatal for p in problems)
        key = "check.summary" if problems else "check.ok"
        notices.append(session.t.text(key, root=str(found.folder), count=count,
                                      problems=len(problems)))
    text = "\n".join(lines)
    view = View(data=lambda: lines, table=lambda width: [], markdown=lambda: text, text=lambda: text)
    return Outcome(view, EXIT_DATA if failed else EXIT_OK, tuple(notices))
