"""Levels and visual order against Unicode's conformance data for UAX #9 (BidiCharacterTest.txt).

tests/text/data/BidiCharacterTest-17.0.0.txt.xz is the Unicode Character Database file as
published (xz-compressed). Its characters were all assigned by Unicode 14.0, the version of
Python 3.11's unicodedata, and their bidi classes are the same there; a line with a character
the running Python does not know is left out and counted.
"""

from __future__ import annotations

import lzma
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from appealkit.text.bidi import bidi_classes, line_levels, reorder_levels, resolve_levels

DATA = Path(__file__).parent / "data" / "BidiCharacterTest-17.0.0.txt.xz"
REMOVED = {"LRE", "RLE", "LRO", "RLO", "PDF", "BN"}  # X9: shown as 'x', not reordered
DIRECTIONS = {"0": 0, "1": 1, "2": None}  # LTR, RTL, auto (P2-P3)


class Case(NamedTuple):
    line: int
    text: str
    base: int | None
    paragraph_level: int
    levels: list[str]  # 'x' for characters removed by X9
    order: list[int]


def cases() -> Iterator[Case]:
    with lzma.open(DATA, "rt", encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if line.startswith("#") or not line.strip():
                continue
            chars, direction, level, levels, order = line.rstrip("\n").split(";")
            text = "".join(chr(int(code, 16)) for code in chars.split())
            yield Case(number, text, DIRECTIONS[direction], int(level), levels.split(),
                       [int(i) for i in order.split()])


def ours(case: Case) -> tuple[int, list[str], list[int]]:
    """Paragraph level, levels after L1 ('x' for removed) and L2 order, as the file gives them."""
    base, levels = resolve_levels(case.text, case.base)
    classes = bidi_classes(case.text)
    final = line_levels(classes, levels, base, 0, len(case.text))
    shown = ["x" if c in REMOVED else str(level) for c, level in zip(classes, final)]
    order = [i for i in reorder_levels(final) if classes[i] not in REMOVED]
    return base, shown, order


def test_every_conformance_case_gets_unicodes_levels_and_order() -> None:
    checked, unknown, wrong = 0, 0, []
    for case in cases():
        if any(unicodedata.category(c) == "Cn" for c in case.text):
            unknown += 1  # a newer Unicode's character: this Python cannot classify it
            continue
        checked += 1
        if ours(case) != (case.paragraph_level, case.levels, case.order):
            wrong.append(case.line)
    assert not wrong, f"{len(wrong)} of {checked} cases differ, e.g. lines {wrong[:10]}"
    assert checked > 90_000 and unknown < checked // 100
