"""Warnings for Urdu letters that break Pakistani conventions: a closing only a man can sign,
ASCII quotation marks, the U+066C thousands separator, bracketed abbreviations a line may split."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import line_col, variant

from appealkit import read_kit
from appealkit.lint import lint_urdu

BEFORE = dt.date(2025, 7, 1)
NBSP = "\u00a0"


def _warnings(path: Path) -> list[tuple[str, int, int, str]]:
    _, found = read_kit(path, today=BEFORE)
    return [(w.path, w.mark.line, w.mark.column, w.message) for w in found if w.mark]


def test_masculine_closing_is_reported_with_the_closings_for_everyone(tmp_path: Path) -> None:
    path = variant(tmp_path, ("    closing: والسلام،", "    closing: آپ کا مخلص،"))
    line, col = line_col(path, "آپ کا مخلص")
    assert _warnings(path) == [(
        "letters.ur.closing", line, col,
        "closing 'آپ کا مخلص،' is masculine (a woman writes 'آپ کی مخلص'); "
        "use 'والسلام،' or 'مخلص،', which suit every signer",
    )]


def test_closings_for_every_signer_pass(tmp_path: Path) -> None:
    for closing in ("والسلام،", "مخلص،"):
        path = variant(tmp_path, ("    closing: والسلام،", f"    closing: {closing}"))
        assert _warnings(path) == []


def test_masculine_words_elsewhere_are_not_a_closing() -> None:
    """Only the closing is checked: a body may quote the phrase."""
    assert lint_urdu("آپ کا مخلص دوست") == []


@pytest.mark.parametrize(("text", "offset", "message"), [
    ("اور 'منصوبہ' کا", 4,
     "ASCII quotation mark \"'\" in Urdu text prints as a thin Latin tick; use ‘ ’ (U+2018, U+2019),"
     " which the Nastaliq font draws (2 times; the first is here)"),
    ('اور "منصوبہ" کا', 4,
     "ASCII quotation mark '\"' in Urdu text prints as a thin Latin tick; use “ ” (U+201C, U+201D),"
     " which the Nastaliq font draws (2 times; the first is here)"),
    ("کم از کم ۱٬۰۸۰٬۳۱۲ افغان", 10,
     "Arabic thousands separator '٬' (U+066C) in Urdu text reads like an apostrophe; write the"
     " number as Pakistani readers count ('۱۰ لاکھ ۸۰ ہزار ۳۱۲') or in Western digits (1,080,312)"
     " (2 times; the first is here)"),
    ("ادارہ (یو این ایچ سی آر) نے", 6,
     "abbreviation '(یو این ایچ سی آر)' may be split across lines; join its words with no-break"
     " spaces (U+00A0)"),
])
def test_urdu_convention_warnings(text: str, offset: int, message: str) -> None:
    assert lint_urdu(text) == [(offset, message)]


@pytest.mark.parametrize("text", [
    "اور ‘منصوبہ’ کا",  # Urdu quotation marks
    "کم از کم ۱۰ لاکھ ۸۰ ہزار ۳۱۲ افغان",
    f"ادارہ (یو{NBSP}این{NBSP}ایچ{NBSP}سی{NBSP}آر) نے",  # bound with no-break spaces
    "جبری واپسی کی ممانعت (نان ریفولمنٹ) کا اصول",  # a long word in brackets is no abbreviation
])
def test_text_following_the_conventions_passes(text: str) -> None:
    assert lint_urdu(text) == []


def test_example_urdu_letter_follows_the_conventions(tmp_path: Path) -> None:
    path = variant(tmp_path)
    assert _warnings(path) == []
