"""What is printed of a target in a given language: its name and title, the lines of the
envelope window, the heading in the letter's own script, how a copy target is named.

A target's `local.<language>` replaces its name, title, address and country, field by field,
in that language's letter. Local lines written in Latin letters go into the envelope window,
which any post can read; lines in another script (Urdu, Arabic) are printed as the letter's
heading while the window keeps the target's own lines, unless `local.<language>.window` says
otherwise.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..model import LocalName, Target

__all__ = ["Recipient", "copy_name", "heading_lines", "in_window", "recipient", "window_block",
           "window_lines"]


@dataclass(frozen=True)
class Recipient:
    """A target as a letter in one language names it."""

    name: str | None
    title: str | None
    address: tuple[str, ...]
    country: str | None

    def lines(self) -> list[str]:
        """Name, title and address lines, without the country."""
        return [line for line in (self.name, self.title, *self.address) if line]


def recipient(target: Target, language: str) -> Recipient:
    """The target in `language`: its local name, title, address and country where given."""
    local = target.local.get(language) or LocalName()
    return Recipient(local.name or target.name, local.title or target.title,
                     local.address or target.address, local.country or target.country)


def in_window(target: Target, language: str) -> bool:
    """True when the letter in `language` shows the target's local lines in the window."""
    local = target.local.get(language)
    if local is None:
        return False
    if local.window is not None:
        return local.window
    return all(_is_latin(text) for text in (local.name, local.title, *local.address,
                                            local.country) if text)


def window_lines(target: Target, language: str) -> list[str] | None:
    """The address block of the envelope window: name, title, address lines, the country in
    capitals; None for a target without a postal address (reached by email)."""
    if not target.address:
        return None
    shown = recipient(target, language) if in_window(target, language) else recipient(target, "")
    return [*shown.lines(), *([shown.country.upper()] if shown.country else [])]


def window_block(target: Target, language: str) -> list[tuple[str, str]] | None:
    """window_lines with each line's language: the letter's for a line given under `local`,
    English (Latin letters) for one that falls back to the target's own fields."""
    lines = window_lines(target, language)
    if lines is None:
        return None
    if not in_window(target, language):
        return [(line, "en") for line in lines]
    local = target.local[language]
    own = {text for text in (local.name, local.title, *local.address,
                             local.country.upper() if local.country else None) if text}
    return [(line, language if line in own else "en") for line in lines]


def heading_lines(target: Target, language: str) -> list[str] | None:
    """The target in the letter's own script, for the top of the letter, when its local lines
    are not in the window; None when there is no such heading."""
    if target.local.get(language) is None or in_window(target, language):
        return None
    local = target.local[language]
    return [line for line in (local.name or target.name, local.title or target.title,
                              *local.address) if line]


def copy_name(target: Target, language: str, embassy: str, *, rtl: bool) -> str:
    """`Ambassador of Pakistan, Name` as a letter in `language` lists a copy target; `embassy` is
    the words for "the diplomatic representative of {country}", for an embassy copy without a
    title of its own."""
    shown = recipient(target, language)
    title = shown.title or (embassy.format(country=target.embassy) if target.embassy else "")
    comma = "، " if rtl else ", "  # Arabic-script languages use the Arabic comma
    return comma.join(part for part in (title, shown.name) if part)


_LETTERS = re.compile(r"\w")


def _is_latin(text: str) -> bool:
    """True when every letter of `text` is a Latin one (digits and punctuation aside)."""
    return all("LATIN" in unicodedata.name(char, "")
               for char in _LETTERS.findall(text) if not char.isdigit() and char != "_")
