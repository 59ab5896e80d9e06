"""Name the language of text a part sets in another script than its own (for tagged PDF)."""

from __future__ import annotations

from dataclasses import replace

from ..text.types import Direction
from .boxes import Page, Part, TextBox
from .locale import is_rtl

__all__ = ["mark_latin_box", "mark_latin_text"]


def mark_latin_text(part: Part, language: str) -> Part:
    """`part` with each text box holding no right-to-left text marked as in `language`, when
    the part's own language is written right to left: the Latin window address of an Urdu
    letter is in the kit's language, not in Urdu."""
    if not is_rtl(part.language) or language == part.language:
        return part
    pages = tuple(Page(page.width, page.height, tuple(
        mark_latin_box(item, part.language, language) if isinstance(item, TextBox) else item
        for item in page.items)) for page in part.pages)
    return replace(part, pages=pages)


def mark_latin_box(box: TextBox, part_language: str, language: str) -> TextBox:
    """`box` marked as in `language` if it holds only left-to-right words and its part is in
    a language written right to left (as mark_latin_text does for a whole part)."""
    if (box.lang is None and language != part_language and is_rtl(part_language)
            and _left_to_right(box)):
        return replace(box, lang=language)
    return box


def _left_to_right(box: TextBox) -> bool:
    runs = [run for line in box.paragraph.lines for run in line.runs if run.text.strip()]
    return bool(runs) and all(run.direction is Direction.LTR and any(c.isalpha() for c in run.text)
                              for run in runs)
