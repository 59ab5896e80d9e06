"""Find text no page can print (a letter buried under marks, a joined word too long to set) as
(key path, message) pairs, before any layout is tried."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from ..lint import iter_texts
from ..model import Kit

MAX_MARKS = 20  # combining marks on one letter: Vietnamese stacks 2, Urdu vowel signs 1 or 2
MAX_JOINED = 60  # Arabic-script letters in one word: Nastaliq climbs as a joined word runs on
_JOINERS = frozenset("\u200c\u200d")  # zero-width (non-)joiners stay inside a letter's cluster


def text_limits(kit: Kit) -> list[tuple[str, str]]:
    """(key path, message) for each text that breaks MAX_MARKS or MAX_JOINED (first problem)."""
    found = []
    for path, _, text in iter_texts(kit):
        message = next(_problems(text), None)
        if message:
            found.append((path, message))
    return found


def _problems(text: str) -> Iterator[str]:
    marks, letters, base, word = 0, 0, 0, 0  # counts, and where the letter and the word start
    for i, char in enumerate(text):
        if char in _JOINERS:
            continue
        if unicodedata.category(char).startswith("M"):
            marks += 1
            if marks > MAX_MARKS:
                yield (f"more than {MAX_MARKS} combining marks on one letter (character "
                       f"{base + 1}); no font can stack them legibly: remove them")
                return
            continue
        marks, base = 0, i
        if not _is_arabic_letter(char):
            letters = 0
            continue
        letters, word = letters + 1, (word if letters else i)
        if letters > MAX_JOINED:
            yield (f"a word of more than {MAX_JOINED} Arabic-script letters without a space "
                   f"(from character {word + 1}); a joined word climbs as it runs and cannot "
                   f"be set: put spaces between words")
            return


def _is_arabic_letter(char: str) -> bool:
    return unicodedata.category(char).startswith("L") and "ARABIC" in unicodedata.name(char, "")
