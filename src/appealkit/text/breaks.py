"""Where a paragraph's lines may break, and what each break costs (its penalty).

Lines break after white space (not before more), after a zero-width space, after an en or em
dash or a hyphen (U+2010) that follows a letter or digit, after a hyphen-minus between a letter
or digit and a letter (not in "-5" or "G-5"), after a slash not followed by a digit or space.
Never at a no-break space (U+00A0, U+202F, U+2007) or a zero-width non-joiner (U+200C), which
are no opportunities; never inside a token (a phone number keeps its spaces on one line); never
so that a line starts with a closing bracket, quote or punctuation, or ends with an opening
bracket or quote (UAX #14 LB13-LB16). Some breaks cost a penalty, paid only where the line
before can take the words instead: inside a bracketed group of up to five words, such as the
abbreviation (یو این ایچ سی آر); before a word that leans on the one before it, such as the
Urdu auxiliaries گا گی گے ہے ہیں. An e-mail address breaks only after its @ or before a dot
(never at its hyphens, which a reader would take for the line's own), and only where the next
line could not hold it whole (lines.py).
"""

from __future__ import annotations

import math
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable

from .bidi_brackets import OPENING
from .fonts import primary_language

__all__ = ["BRACKET_PENALTY", "CLINGING_PENALTY", "EMAIL_PENALTY", "break_opportunities",
           "clinging_words", "email_spans"]

BRACKET_PENALTY = 1000.0  # a break inside a short bracketed group: the look-back may cost much
CLINGING_PENALTY = 100.0  # a line starting with an auxiliary: a moderate look-back only
# a break inside an e-mail address, where the next line could not hold it whole (lines.py
# does not split one that it could): a little, so that the address fills the line it starts
EMAIL_PENALTY = 1.0
SHORT_GROUP = 5  # words: a bracketed group this short is read as one unit

# A match ends where the next line would start; group 1 is white space
_BREAK_AFTER = re.compile(
    r"([ \t\u1680\u2000-\u2006\u2008-\u200a\u205f\u3000]+)"
    r"|\u200b|(?<=\w)[\u2010\u2013\u2014]|(?<=\w)-(?=[^\W\d_])"
    # after a slash in a long address, not before a short tail: "(she/her)", "and/or" stay whole
    r"|/(?=[^\d\s/])(?![^\s/]{1,5}(?:\s|$))"
)
_WORD_END = re.compile(r"[\s\u00a0\u202f\u2007]")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_EMAIL_BREAK = re.compile(r"(?<=@)|(?<=.)(?=\.)")  # after the @, before each dot

# Punctuation that closes what comes before it: never the first thing on a line
_CLOSING_PUNCTUATION = frozenset("!,.:;?\u060c\u061b\u061f\u06d4\u2026\u203c\u2047\u2048\u2049")

# Words that lean on the word before them and read badly at the start of a line, by primary
# language: Urdu auxiliaries and copulas (the future گا گی گے, ہے ہیں ہوں, the past تھا ..., the
# passive گیا ...), Hindi है हैं था थी थे, the Persian copula است.
_CLINGING = {
    "ur": frozenset(
        ["گا", "گی", "گے", "ہے", "ہیں", "ہوں", "تھا", "تھی", "تھے", "تھیں", "گیا", "گئی", "گئے", "گئیں"]
    ),
    "hi": frozenset(["है", "हैं", "था", "थी", "थे"]),
    "fa": frozenset(["است"]),
}


def clinging_words(language: str) -> frozenset[str]:
    """Words that should not start a line in ``language`` (BCP 47); empty when none are known."""
    return _CLINGING.get(primary_language(language), frozenset())


def break_opportunities(
    text: str,
    start: int,
    stop: int,
    boundaries: tuple[bool, ...],
    tokens: tuple[tuple[int, int], ...],
    language: str,
) -> list[tuple[int, float]]:
    """(position, penalty) of each place in (start, stop) before which a line may break.

    Positions are cluster boundaries (``boundaries[i]``) outside ``tokens``; a penalty of 0 is
    a free break.
    """
    groups = _short_groups(text, start, stop)
    clinging = clinging_words(language)
    emails = email_spans(text, start, stop)
    found = []
    for match in _BREAK_AFTER.finditer(text, start, stop):
        i = match.end()
        if not (start < i < stop and boundaries[i]) or _CLOSES[text[i]]:
            continue
        if emails and any(a < i < b for a, b in emails):
            continue
        spaces = match.group(1)
        if spaces and tokens and _inside(tokens, i):
            continue
        before = match.start() - 1 if spaces else i - 1  # the line's last character
        if before >= start and _OPENS[text[before]]:
            continue
        penalty = 0.0
        if groups and _within(groups, i):
            penalty += BRACKET_PENALTY
        if clinging and _first_word(text, i, stop) in clinging:
            penalty += CLINGING_PENALTY
        found.append((i, penalty))
    for a, b in emails:
        for match in _EMAIL_BREAK.finditer(text, a, b):
            i = match.start()
            if a < i < b and boundaries[i]:  # a token keeps its spaces, not its dots
                found.append((i, EMAIL_PENALTY))
    if emails:
        found.sort()
    return found


def email_spans(text: str, start: int, stop: int) -> list[tuple[int, int]]:
    """(start, end) of each e-mail address in text[start:stop]."""
    return [match.span() for match in _EMAIL.finditer(text, start, stop)] if "@" in text else []


def _inside(tokens: tuple[tuple[int, int], ...], i: int) -> bool:
    """True if position i is inside a token (a phone number keeps its spaces on one line)."""
    return any(a < i < b for a, b in tokens)


class _CharTable(dict[str, bool]):
    """A property of characters, looked up once per character (C-speed lookups after that)."""

    def __init__(self, test: Callable[[str], bool]) -> None:
        super().__init__()
        self.test = test

    def __missing__(self, char: str) -> bool:
        value = self[char] = self.test(char)
        return value


# A closing bracket, closing quote or closing punctuation never starts a line; an opening
# bracket or quote never ends one
_CLOSES = _CharTable(
    lambda c: unicodedata.category(c) in ("Pe", "Pf") or c in _CLOSING_PUNCTUATION
)
_OPENS = _CharTable(lambda c: unicodedata.category(c) in ("Ps", "Pi"))


def _first_word(text: str, i: int, stop: int) -> str:
    """The word that starts at i, without the punctuation after it ("گا۔" gives "گا")."""
    end = _WORD_END.search(text, i, stop)
    word = text[i : end.start() if end else stop]
    while word and unicodedata.category(word[-1]).startswith("P"):
        word = word[:-1]
    return word


def _short_groups(text: str, start: int, stop: int) -> list[tuple[int, int]]:
    """Ranges (first, last) of the positions inside matched brackets of text[start:stop] that
    hold at most SHORT_GROUP words, merged and sorted.

    As UAX #9 BD16 does, pairing stops at 63 open brackets, so that a text of unclosed ones
    costs no more than a plain one.
    """
    stack: list[tuple[str, int]] = []
    groups = []
    for match in _BRACKETS.finditer(text, start, stop):  # most paragraphs have none
        char, k = match.group(), match.start()
        closer = OPENING.get(char)
        if closer is not None:
            if len(stack) == _MAX_OPEN:
                break
            stack.append((closer, k))
            continue
        for depth in range(len(stack) - 1, -1, -1):
            if stack[depth][0] == char:
                opening = stack[depth][1]
                del stack[depth:]
                if k - opening < _LONGEST_GROUP and len(text[opening + 1 : k].split()) <= SHORT_GROUP:
                    groups.append((opening + 1, k))  # U+00A0 splits too: words are words
                break
    merged: list[tuple[int, int]] = []
    for first, last in sorted(groups):
        if merged and first <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(last, merged[-1][1]))
        else:
            merged.append((first, last))
    return merged


def _within(groups: list[tuple[int, int]], i: int) -> bool:
    """True if position i lies in one of the merged, sorted ranges."""
    k = bisect_right(groups, (i, math.inf)) - 1
    return k >= 0 and groups[k][0] <= i <= groups[k][1]


_MAX_OPEN = 63
_LONGEST_GROUP = 160  # characters: five words of an abbreviation are far shorter
_BRACKETS = re.compile("[" + re.escape("".join(OPENING) + "".join(OPENING.values())) + "]")
