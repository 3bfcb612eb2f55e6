"""Language resolution, modelled on the tldr-pages client specification. Pure: no I/O.

An explicit `--lang` is strict; otherwise LANGUAGE (a `:` list), LC_ALL, LC_MESSAGES and LANG are
read in that order, C/POSIX are ignored, and English always closes the list.
"""

from __future__ import annotations

from typing import Mapping

SUPPORTED = ("en", "de", "es", "fr", "it", "ja", "ko", "nl", "pt-BR", "sv", "zh-Hans", "zh-Hant")
FALLBACK = "en"
ENV_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

_BY_LOWER = {code.lower(): code for code in SUPPORTED}
# Regions whose script is Traditional Chinese; every other Chinese region reads Simplified.
_TRADITIONAL_REGIONS = {"tw", "hk", "mo", "hant"}
_IGNORED = {"", "c", "posix"}


def normalize(tag: str) -> str | None:
    """Map a locale spelling (`it_IT.UTF-8`, `pt-br`, `zh_TW`, `sv-SE`) to a supported code.

    Returns None for C/POSIX, empty and unsupported languages.
    """
    base = tag.strip().split(".", 1)[0].split("@", 1)[0].replace("_", "-")
    lowered = base.lower()
    if lowered in _IGNORED:
        return None
    if lowered in _BY_LOWER:
        return _BY_LOWER[lowered]
    parts = lowered.split("-")
    language = parts[0]
    if language == "pt":
        return "pt-BR"
    if language == "zh":
        return "zh-Hant" if _TRADITIONAL_REGIONS.intersection(parts[1:]) else "zh-Hans"
    return _BY_LOWER.get(language)


def requested_languages(env: Mapping[str, str]) -> list[str]:
    """The language tags the environment asks for, in priority order, C/POSIX dropped."""
    tags: list[str] = []
    for variable in ENV_VARIABLES:
        value = env.get(variable, "")
        for tag in value.split(":") if variable == "LANGUAGE" else [value]:
            base = tag.strip().split(".", 1)[0]
            if base.lower() not in _IGNORED:
                tags.append(tag.strip())
    return tags


def resolve_languages(env: Mapping[str, str], explicit: str | None = None) -> list[str]:
    """Ordered, de-duplicated supported locales to try, always ending in English.

    `explicit` (from --lang) must already be a supported code (see `parse_explicit`).
    """
    candidates = [explicit] if explicit else [normalize(t) for t in requested_languages(env)]
    ordered: list[str] = []
    for code in candidates + [FALLBACK]:
        if code and code not in ordered:
            ordered.append(code)
    return ordered


def parse_explicit(value: str) -> str | None:
    """Strict reading of --lang: the supported code, or None when the language is not supported."""
    return normalize(value) if value.strip() else None


def unmet_request(env: Mapping[str, str]) -> str | None:
    """The environment's first requested language when we cannot serve it, else None."""
    tags = requested_languages(env)
    if tags and normalize(tags[0]) is None:
        return tags[0]
    return None
