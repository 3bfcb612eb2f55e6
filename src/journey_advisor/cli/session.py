"""What every command of one run shares: the language chain and its localizer, and the --pages
folder, probed once however often it is asked for."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable, Mapping

from ..core.i18n import Localizer
from ..core.locale import SUPPORTED, parse_explicit, resolve_languages
from ..errors import UsageError
from ..knowledge import catalog
from ..knowledge.folders import PagesFolder, locate
from ..models import Choices, OverviewEntry, PageSet


class Session:
    def __init__(self, languages: list[str], t: Localizer, lang_error: str | None,
                 explicit: bool = False) -> None:
        self.languages = languages
        self.t = t
        self.lang_error = lang_error
        self.explicit = explicit
        self._located: dict[Path, PagesFolder] = {}

    def _locate(self, pages_dir: Path) -> PagesFolder:
        """Where the overview of a --pages folder is; probed once per run, however often asked."""
        if pages_dir not in self._located:
            self._located[pages_dir] = locate(pages_dir, self.languages)
        return self._located[pages_dir]

    def adopt_pages_locale(self, pages_dir: Path | None) -> None:
        """Without --lang, a --pages folder's own locale comes first, for pages and interface
        alike; called before anything is asked or said, so all of it is in that language."""
        if pages_dir is not None and not self.explicit:
            found = self._locate(pages_dir)
            if found.locale and found.locale != self.languages[0]:
                self.languages = [found.locale] + [c for c in self.languages if c != found.locale]
                self.t = catalog.localizer(self.languages)

    def pages(self, pages_dir: Path | None) -> PageSet:
        """The page set to show: the bundled pages, or the --pages folder's."""
        self.adopt_pages_locale(pages_dir)
        if pages_dir is None:
            return catalog.page_set(self.languages)
        return catalog.page_set(self.languages, pages_dir, self._locate(pages_dir))

    def borrowed(self, entries: Iterable[OverviewEntry | None]) -> list[str]:
        """Notices for shown descriptions that came from our pages, not the --pages folder."""
        return [self.t.text("notice.description_from", blueprint=entry.id,
                            source=entry.description_from)
                for entry in entries if entry is not None and entry.description_from]

    def check_lang(self) -> None:
        if self.lang_error is not None:
            raise UsageError("error.unsupported_lang",
                             "--lang: '{value}' is not a supported language; choose from {options}",
                             value=self.lang_error, options=Choices(SUPPORTED))


def peek_lang(argv: list[str]) -> str | None:
    """The --lang/-L value, read before typer parses, so help and errors are localized too."""
    for index, arg in enumerate(argv):
        if arg == "--":
            break
        if arg in ("--lang", "-L") and index + 1 < len(argv):
            return argv[index + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
        if arg.startswith("-L") and len(arg) > 2:
            return arg[2:]
    return None


def make_session(argv: list[str], env: Mapping[str, str]) -> Session:
    explicit_value = peek_lang(argv)
    explicit = parse_explicit(explicit_value) if explicit_value is not None else None
    lang_error = explicit_value if explicit_value is not None and explicit is None else None
    languages = resolve_languages(env, explicit)
    return Session(languages, catalog.localizer(languages), lang_error, explicit is not None)


def as_path(value: Any) -> Path | None:
    return Path(value) if value else None
