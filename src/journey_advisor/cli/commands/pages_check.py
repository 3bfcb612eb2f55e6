"""`journey-advisor pages check [DIR]`: load a pages folder and report every problem, for people
(`file:line: severity: message`) and for CI (`--format json`: file, line, severity, message).

Severities: an *error* makes a page unusable (a folder without a blueprint table, a linked page
missing or unreadable, a blueprint without a row): exit 1. A *warning* is a page that loads with
something ignored or replaced (unreadable front matter, a duplicate row); a *note* is what
Adobe's own pages do on purpose (the deprecated table lists Campaign v7 without a description):
both leave the exit code 0.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ...core.safe_text import inert
from ...errors import EXIT_DATA, EXIT_OK, AdvisorError
from ...knowledge import catalog
from ...knowledge.files import is_file
from ...knowledge.folders import PagesFolder, ensure_inside, locale_folders
from ...knowledge.pages import parse_blueprint_page, parse_overview, read_page
from ...models import OverviewEntry, Problem
from ...output.emit import View
from ...vocabulary import BLUEPRINT_IDS
from ..session import Session
from . import Outcome

SEVERITIES = ("error", "warning", "note")
# Problems that make a page unusable; fatal ones too.
ERRORS = ("problem.page_not_found", "problem.missing_row", "problem.no_table",
          "problem.unreadable_page")
_LOCATION = re.compile(r"^(?P<file>.*?)(?::(?P<line>\d+))?$")


def check_folder(found: PagesFolder) -> tuple[list[Problem], dict[str, OverviewEntry]]:
    """Every problem of one overview folder and its blueprint pages, and the rows it found."""
    overview = found.folder / "overview.md"
    label = str(overview)
    try:
        ensure_inside(overview, found.root)
        entries, hrefs, problems, _ = parse_overview(overview, label, catalog.page_terms())
    except AdvisorError as error:
        return [_from_error(error, label)], {}
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
            problems.append(_from_error(error, str(target)))
    for entry in entries.values():
        if not entry.description:
            problems.append(Problem(entry.location, "problem.no_description",
                                    "{blueprint}: no description (our own text in that language "
                                    "is shown instead)", {"blueprint": entry.id}))
    return problems, entries


def _from_error(error: AdvisorError, label: str) -> Problem:
    """A problem from an error that stopped a page being read: at the file and line it names."""
    where = str(error.params.get("file") or label)
    if error.params.get("line"):
        where += f":{error.params['line']}"
    return Problem(where, error.key, error.default, error.params, fatal=True)


def severity(problem: Problem, entries: dict[str, OverviewEntry]) -> str:
    if problem.fatal or problem.key in ERRORS:
        return "error"
    if problem.key == "problem.no_description":
        entry = entries.get(problem.params.get("blueprint", ""))
        if entry is not None and entry.status == "deprecated":
            return "note"  # Adobe's deprecated table has no description column
    return "warning"


def record(problem: Problem, level: str, session: Session) -> dict[str, Any]:
    """The JSON record of a problem; its message never repeats the file it is reported at."""
    match = _LOCATION.match(problem.location)
    file, line = match.group("file"), match.group("line")
    message = session.t.text(problem.key, problem.default, **problem.params)
    for prefix in ([f"{file}:{line}:"] if line else []) + [f"{file}:"]:
        if message.startswith(prefix):
            message = message[len(prefix):].lstrip()
            break
    return {"file": inert(file), "line": int(line) if line else None, "severity": level,
            "message": inert(message)}


def pages_check(session: Session, directory: Path | None) -> Outcome:
    directory = directory or catalog.bundled_pages_root()
    folders = locale_folders(directory)  # raises when the folder itself cannot be used
    t = session.t
    records: list[dict[str, Any]] = []
    notices: list[str] = []
    for found in folders:
        problems, entries = check_folder(found)
        counts = dict.fromkeys(SEVERITIES, 0)
        for problem in problems:
            level = severity(problem, entries)
            counts[level] += 1
            records.append(record(problem, level, session))
        key = "check.summary" if problems else "check.ok"
        notices.append(t.text(key, root=inert(str(found.folder)), count=len(entries),
                              errors=counts["error"], warnings=counts["warning"],
                              notes=counts["note"]))

    def text() -> str:
        return "\n".join(f"{r['file']}{':' + str(r['line']) if r['line'] else ''}: "
                         f"{t.text('check.' + r['severity'])}: {r['message']}" for r in records)

    failed = any(r["severity"] == "error" for r in records)
    view = View(data=lambda: records, table=lambda width: [], markdown=text, text=text)
    # The summaries follow the problems, as a linter ends with its count.
    return Outcome(view, EXIT_DATA if failed else EXIT_OK, after=tuple(notices))
