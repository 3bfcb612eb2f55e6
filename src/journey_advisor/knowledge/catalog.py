"""Puts the bundled knowledge together: facts, rules, UI strings, glossary terms and pages.

Each loader is called only by the commands that need it, so a JSON answer does not pay for the
markdown parser of a page it never reads.
"""

from __future__ import annotations

import os
from functools import lru_cache, partial
from pathlib import Path
from typing import Any, Iterable

from ..core.i18n import Localizer
from ..core.locale import FALLBACK, SUPPORTED
from ..errors import DataError, PageNotFoundError
from ..models import BlueprintFacts, BlueprintPage, OverviewEntry, PageSet, Problem, RuleSet
from . import cache
from .cache import cached
from .facts import load_facts
from .files import is_file, read_text, read_yaml
from .folders import MAX_PAGE_BYTES, PagesFolder, ensure_inside, locate
from .resources import data_dir
from .rules import load_rules
from .strings import load_glossary, load_strings


def facts() -> dict[str, BlueprintFacts]:
    return load_facts(data_dir() / "blueprints.yaml")


def rules(path: Path | None = None) -> RuleSet:
    return load_rules(path or data_dir() / "rules.yaml")


def strings_path(locale: str) -> Path:
    return data_dir() / "strings" / f"{locale}.yaml"


def glossary_path(locale: str) -> Path:
    return data_dir() / "glossary" / f"{locale}.yaml"


def localizer(languages: Iterable[str]) -> Localizer:
    """A Localizer for the first language that has UI strings, with English behind it."""
    languages = list(languages)
    english = load_strings(strings_path(FALLBACK))
    english_terms = load_glossary(glossary_path(FALLBACK))["terms"]
    for code in languages:
        if code == FALLBACK:
            break
        if strings_path(code).is_file():
            terms = (load_glossary(glossary_path(code))["terms"]
                     if glossary_path(code).is_file() else {})
            return Localizer(code, load_strings(strings_path(code)), terms, english, english_terms,
                             memo=partial(_load_cldr_memo, code))
    return Localizer(FALLBACK, english, english_terms, english, english_terms,
                     memo=partial(_load_cldr_memo, FALLBACK))


def _load_cldr_memo(locale: str) -> dict[str, str]:
    return cache.load_memo(_cldr_memo(locale))


def remember_formatted(t: Localizer) -> None:
    """Keep the numbers and dates this run formatted, so the next run need not load Babel."""
    if t.formatted_new:
        cache.save_memo(_cldr_memo(t.locale), t.formatted())


def _cldr_memo(locale: str) -> str:
    """The memo's name: the locale and the installed Babel (another release, another memo)."""
    import importlib.util

    spec = importlib.util.find_spec("babel")
    try:
        status = os.stat(spec.origin) if spec and spec.origin else None
    except OSError:
        status = None
    release = f"{status.st_size}:{status.st_mtime_ns}" if status else "?"
    return f"cldr|{locale}|{release}"


def architecture() -> dict[str, Any]:
    from .architecture import load_architecture

    return load_architecture(data_dir() / "architecture.yaml")


@lru_cache(maxsize=1)
def page_terms() -> dict[str, Any]:
    return read_yaml(data_dir() / "page_terms.yaml")


def bundled_pages_root() -> Path:
    return data_dir() / "pages"


def page_set(languages: Iterable[str], pages_dir: Path | None = None,
             found: PagesFolder | None = None) -> PageSet:
    """The pages to show: bundled ones of the first language that has them, or a --pages folder.

    Blueprints a --pages folder lacks, or describes without text (today's deprecated table), take
    our own text in that language, marked in `description_from`. DataError when unusable.
    `found` is the folder's overview location when the caller already probed for it.
    """
    languages = list(languages)
    if pages_dir is not None:
        found = found or locate(pages_dir, languages)
        pages = read_page_set(found.folder, found.locale or languages[0], found.root)
        return _with_bundled_descriptions(pages, [pages.locale] + languages)
    root = bundled_pages_root()
    for code in languages:
        overview = root / code / "overview.md"
        if is_file(overview):
            return read_page_set(root / code, code, root)
    raise PageNotFoundError("error.no_pages", "{root}: no overview.md for {languages}",
                            root=str(root), languages=", ".join(languages))


def _with_bundled_descriptions(pages: PageSet, languages: list[str]) -> PageSet:
    bundled = page_set(languages)
    entries = dict(pages.entries)
    for blueprint_id, own in bundled.entries.items():
        entry = entries.get(blueprint_id)
        if entry is None:
            entries[blueprint_id] = own._replace(description_from=own.location)
        elif not entry.description:
            entries[blueprint_id] = entry._replace(description=own.description,
                                                     description_from=own.location)
    return pages._replace(entries=entries)


@lru_cache(maxsize=1)
def _terms_key() -> str:
    import json

    return json.dumps(page_terms(), sort_keys=True, ensure_ascii=False)


def parsed_overview(path: Path, label: str) -> tuple[dict, dict, list]:
    """parse_overview's entries, link targets and problems, through the content-keyed cache."""
    text = read_text(path, MAX_PAGE_BYTES)

    def build() -> dict[str, Any]:
        from .pages import parse_overview  # markdown-it and friends: only on a cache miss

        entries, hrefs, problems, _ = parse_overview(path, label, page_terms())
        return {"entries": {k: v._asdict() for k, v in entries.items()}, "hrefs": hrefs,
                "problems": [p._asdict() for p in problems]}

    def restore(data: dict[str, Any]) -> tuple[dict, dict, list]:
        return ({k: OverviewEntry(**v) for k, v in data["entries"].items()}, dict(data["hrefs"]),
                [Problem(**p) for p in data["problems"]])

    return cached(text, f"overview|{label}|{_terms_key()}", build, restore)


def read_page_set(folder: Path, locale: str, root: Path) -> PageSet:
    overview = ensure_inside(folder / "overview.md", root)
    label = str(folder / "overview.md")  # as the user named it, not resolved
    entries, hrefs, problems = parsed_overview(overview, label)
    fatal = [p for p in problems if p.fatal]
    if fatal:
        raise DataError("error.unusable_pages", "{file}: {details}",
                        file=str(folder / "overview.md"), details=fatal[0])
    page_files = {}
    for blueprint_id, href in hrefs.items():
        if href.startswith(("http:", "https:", "/")):
            continue
        target = overview.parent / href.split("#", 1)[0]
        if is_file(target):
            page_files[blueprint_id] = str(ensure_inside(target, root))
    return PageSet(locale=locale, root=str(folder), entries=entries, page_files=page_files,
                   problems=tuple(problems))


def blueprint_page(pages: PageSet, blueprint_id: str) -> BlueprintPage | None:
    """The blueprint's own page, parsed (through the content-keyed cache), or None."""
    path = pages.page_files.get(blueprint_id)
    if path is None:
        return None
    text = read_text(Path(path), MAX_PAGE_BYTES)
    separator = label_separator(pages.locale)

    def build() -> dict[str, Any]:
        from .pages import parse_blueprint_page

        page = parse_blueprint_page(Path(path), path, blueprint_id, page_terms(), separator)
        return {**page._asdict(), "sections": dict(page.sections)}

    def restore(data: dict[str, Any]) -> BlueprintPage:
        return BlueprintPage(**{**data, "sections": {k: tuple(v) for k, v in data["sections"].items()},
                                "alerts": tuple(data["alerts"])})

    return cached(text, f"page|{path}|{blueprint_id}|{separator}|{_terms_key()}", build, restore)


def label_separator(locale: str) -> str:
    """The `label: text` separator of a locale's UI strings (French `\u00a0: `, Chinese `：`)."""
    path = strings_path(locale)
    strings = load_strings(path) if path.is_file() else {}
    return strings.get("list.label_separator", ": ")


def section_headings(languages: Iterable[str]) -> dict[str, str]:
    """The glossary's headings for the page sections, in the first language that has them."""
    for code in languages:
        path = glossary_path(code)
        if path.is_file():
            return dict(load_glossary(path)["headings"])
    return {}


def language_completeness() -> list[dict[str, Any]]:
    """Each supported locale: its native name, the share of UI strings translated, and whether
    its pages and glossary are shipped."""
    english = load_strings(strings_path(FALLBACK))
    languages = []
    for code in SUPPORTED:
        strings = load_strings(strings_path(code)) if strings_path(code).is_file() else {}
        glossary = load_glossary(glossary_path(code)) if glossary_path(code).is_file() else {}
        pages = (bundled_pages_root() / code / "overview.md").is_file()
        share = len(set(strings) & set(english)) / len(english)
        languages.append({"code": code, "name": glossary.get("native_name", code),
                          "completeness": round(share, 4), "pages": pages,
                          "complete": share == 1 and pages and bool(glossary)})
    return languages


def fingerprint(rules_file: Path | None = None) -> str:
    """A short hash of the facts and rules a decision used, for the decision record."""
    from .cache import key_for

    facts_text = read_text(data_dir() / "blueprints.yaml", 1_000_000)
    rules_text = read_text(rules_file or data_dir() / "rules.yaml", 1_000_000)
    return key_for(facts_text + "\0" + rules_text, "fingerprint")[:12]
