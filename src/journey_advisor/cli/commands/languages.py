"""`journey-advisor languages`: the supported locales, their native names and completeness."""

from __future__ import annotations

from ...knowledge import catalog
from ...output.emit import View
from ..session import Session
from . import Outcome


def languages(session: Session) -> Outcome:
    from ...output.views import languages_dict

    t = session.t
    data = languages_dict(catalog.language_completeness(), t)

    def table(width: int) -> list:
        from ...output.terminal import render_languages

        return render_languages(data, t)

    def markdown() -> str:
        from ...output.markdown import languages_markdown

        return languages_markdown(data, t)

    return Outcome(View(lambda: data, table, markdown))
