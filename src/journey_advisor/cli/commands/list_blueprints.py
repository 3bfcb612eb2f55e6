"""`journey-advisor list`: the blueprints the source pages define."""

from __future__ import annotations

from pathlib import Path

from ...knowledge import catalog
from ...output.emit import View
from ..session import Session
from . import Outcome


def list_blueprints(session: Session, pages: Path | None) -> Outcome:
    from ...output.views import list_dict

    page_set = session.pages(pages)
    t = session.t
    data = list_dict(catalog.facts(), page_set, t)

    def table(width: int) -> list:
        from ...output.terminal import render_list

        return render_list(data, t)

    def markdown() -> str:
        from ...output.markdown import list_markdown

        return list_markdown(data, t)

    return Outcome(View(lambda: data, table, markdown),
                   notices=tuple(session.borrowed(page_set.entries.values())))
