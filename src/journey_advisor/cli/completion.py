"""Shell completion of option values (PRODUCT.md section 10): the fixed values of an option,
never file names. Built from the vocabulary, so a new question's option completes with no
code of its own.

Typer calls a completer with the word typed so far. A list option (`--channel email,pu`)
completes its last item and keeps the ones before it. A word that matches no value is offered
back unchanged: an empty answer would make bash (`complete -o default`) and zsh (`_files`)
offer file names instead.
"""

# No `from __future__ import annotations`: typer reads the completers' annotations at run time.
from typing import Callable, Optional

Describe = Callable[[str], str]
SEPARATORS = ",;"


def values_completer(values: "tuple[str, ...]", describe: Optional[Describe] = None,
                     several: bool = False) -> Callable[[str], "list[tuple[str, str]]"]:
    """A typer `autocompletion` callback offering `values` (with `describe(value)` as the help
    zsh and fish show beside each); with `several`, comma-separated lists complete item by item."""

    def complete(incomplete: str) -> "list[tuple[str, str]]":
        return matches(incomplete or "", values, describe, several)

    return complete


def matches(incomplete: str, values: "tuple[str, ...]", describe: Optional[Describe] = None,
            several: bool = False) -> "list[tuple[str, str]]":
    done, word = "", incomplete
    if several:
        cut = max(incomplete.rfind(s) for s in SEPARATORS) + 1
        done, word = incomplete[:cut], incomplete[cut:]
    taken = {item.strip().lower() for item in done.replace(";", ",").split(",") if item.strip()}
    folded = word.strip().lower()
    found = [(done + value, describe(value) if describe else "") for value in values
             if value.lower().startswith(folded) and value.lower() not in taken]
    if not found and incomplete:
        return [(incomplete, "")]
    return found
