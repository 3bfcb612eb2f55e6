"""Makes untrusted text inert for a terminal: escape sequences and control characters removed.

A leaf module (only `re`), so the command line can use it without loading the page parser.
"""

from __future__ import annotations

import re
from functools import lru_cache

# C0 controls but tab and newline, DEL, C1 controls, and the bidirectional overrides.
_CONTROL_CHARACTERS = "\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069"


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Compiled on first use: most runs never print untrusted text (a start-up cost saved)."""
    escapes = re.compile(
        r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI
        r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC, terminated or not
        r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS, SOS, PM, APC
        r"|\x1b.?")
    return escapes, re.compile(f"[{_CONTROL_CHARACTERS}]")


def inert(text: str) -> str:
    """Remove terminal escape sequences and control characters; keep newlines and tabs."""
    if text.isprintable():  # nothing to remove (the usual case), no regex needed
        return text
    escapes, control = _patterns()
    return control.sub("", escapes.sub("", text))
