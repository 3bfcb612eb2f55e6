"""Turns Adobe's markdown markup into plain, inert text.

Handles `[!DNL x]` and `[!UICONTROL x]` (nested too), `{target="_blank"}` and heading-id
attribute blocks, inline HTML in cells (`<br>`, `<ul><li>`, `<img>`), and strips terminal control
sequences so page text can never drive the terminal.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

from ..core.safe_text import inert

_ADOBE_OPEN = re.compile(r"\[!(?:DNL|UICONTROL)\s+")
_ATTRIBUTE_BLOCK = re.compile(
    r"\{\s*(?:#[\w-]+|[\w-]+=(?:\"[^\"]*\"|'[^']*'|[^\s}]+))(?:\s+[\w-]+=(?:\"[^\"]*\"|'[^']*'|[^\s}]+))*\s*\}")
# Non-breaking spaces stay: French typography puts them before ":" and inside "50 000".
_SPACES = re.compile(r"[ \t]+")


def unwrap_adobe(text: str) -> str:
    """Remove `[!DNL ` / `[!UICONTROL ` and their closing `]`, however deeply nested.

    One pass with a bracket stack: a regex applied until nothing changes would be quadratic on
    thousands of nested tags."""
    if "[!" not in text:
        return text
    out: list[str] = []
    stack: list[bool] = []  # one entry per open "[": True when it opened an Adobe tag
    index = 0
    length = len(text)
    while index < length:
        if text.startswith("[!", index):
            match = _ADOBE_OPEN.match(text, index)
            if match:
                stack.append(True)
                index = match.end()
                continue
        char = text[index]
        if char == "[":
            stack.append(False)
            out.append(char)
        elif char == "]" and stack:
            if not stack.pop():
                out.append(char)
        else:
            out.append(char)
        index += 1
    return "".join(out)


def clean_inline(text: str) -> str:
    """Unwrap Adobe inline markup, drop attribute blocks, make inert and tidy the spaces."""
    text = unwrap_adobe(text)
    text = _ATTRIBUTE_BLOCK.sub("", text)
    text = inert(text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line)


class _CellHTML(HTMLParser):
    """Renders the inline HTML of one table cell: line breaks, list items and image alt text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.images: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.parts.append("\n")
        elif tag == "li":
            self.parts.append("\n• ")
        elif tag in ("ul", "ol", "p", "div"):
            self.parts.append("\n")
        elif tag == "img":
            values = dict(attrs)
            self.images.append((values.get("src") or "", clean_inline(values.get("alt") or "")))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("ul", "ol", "p", "div"):
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


# Adobe's longest table cell is about 1,500 characters and its list items a few hundred; inline
# text longer than this is not prose, and parsing it (unmatched brackets, emphasis runs) would
# cost markdown-it seconds.
MAX_INLINE_CHARS = 8_000


class InlineText:
    """The text, links and images of one markdown-it inline token, Adobe markup cleaned.

    Parsed on first use: the block parser leaves inline content raw, so text nobody reads (a
    paragraph outside the sections we show, a cell of an unrelated table) costs nothing, however
    hostile it is.
    """

    def __init__(self, token: Any) -> None:
        self._token = token
        self._parsed: tuple[str, list[tuple[str, str]], list[tuple[str, str]]] | None = None

    @property
    def text(self) -> str:
        return self._parse()[0]

    @property
    def links(self) -> list[tuple[str, str]]:
        return self._parse()[1]

    @property
    def images(self) -> list[tuple[str, str]]:
        return self._parse()[2]

    @property
    def only_images(self) -> bool:
        return bool(self.images) and not self.text

    def _parse(self) -> tuple[str, list[tuple[str, str]], list[tuple[str, str]]]:
        if self._parsed is None:
            content = self._token.content
            if len(content) > MAX_INLINE_CHARS:  # hostile, not prose: shown raw, never parsed
                self._parsed = (clean_inline(content[:MAX_INLINE_CHARS]), [], [])
            else:
                self._parsed = _render_inline(_children(self._token))
        return self._parsed


def _children(token: Any) -> list[Any]:
    if token.children or not token.content:  # already parsed, or nothing to parse
        return token.children or []
    parsed = inline_parser().parseInline(token.content)
    return parsed[0].children or [] if parsed else []


_INLINE_PARSER: Any = None


def inline_parser() -> Any:
    """A markdown-it parser for inline content (links, emphasis, inline HTML), made once."""
    global _INLINE_PARSER
    if _INLINE_PARSER is None:
        from markdown_it import MarkdownIt

        _INLINE_PARSER = MarkdownIt("commonmark", {"html": True})
    return _INLINE_PARSER


def _render_inline(children: list[Any]) -> tuple[str, list[tuple[str, str]], list[tuple[str, str]]]:
    html = _CellHTML()
    links: list[tuple[str, str]] = []
    link_href: str | None = None
    link_text: list[str] = []
    for child in children:
        kind = child.type
        if kind in ("text", "code_inline"):
            html.parts.append(child.content)
            if link_href is not None:
                link_text.append(child.content)
        elif kind == "softbreak":
            html.parts.append(" ")
        elif kind == "hardbreak":
            html.parts.append("\n")
        elif kind == "html_inline":
            html.feed(child.content)
        elif kind == "image":
            html.images.append((str(child.attrs.get("src", "")), clean_inline(child.content)))
        elif kind == "link_open":
            link_href, link_text = str(child.attrs.get("href", "")), []
        elif kind == "link_close":
            links.append((link_href or "", clean_inline("".join(link_text))))
            link_href = None
    html.close()
    return clean_inline("".join(html.parts)), links, html.images
