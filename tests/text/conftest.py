"""Fixtures for the text engine tests: the committed fonts, a family and helpers to read glyphs."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT / "src") not in sys.path:
    sys.path.insert(0, str(ROOT / "src"))  # works whether or not the package is installed

from appealkit.text import FontFamily, Paragraph  # noqa: E402

FONTS = ROOT / "src" / "appealkit" / "fonts"  # package data
SAMPLES = ROOT / "tests" / "samples"


def font_path(name: str) -> str:
    return str(FONTS / f"{name}.ttf")


def make_family(latin: str = "NotoSerif") -> FontFamily:
    pair = lambda name: (font_path(f"{name}-Regular"), font_path(f"{name}-Bold"))  # noqa: E731
    return FontFamily.from_files(
        latin=pair(latin),
        arabic=pair("NotoNaskhArabic"),
        urdu=pair("NotoNastaliqUrdu"),
        devanagari=pair("NotoSansDevanagari"),
    )


@pytest.fixture(scope="session")
def family() -> FontFamily:
    return make_family()


@pytest.fixture(scope="session")
def sample() -> Callable[[str], str]:
    """Read tests/samples/<name>.txt without its final newline."""
    return lambda name: (SAMPLES / f"{name}.txt").read_text(encoding="utf-8").strip()


def glyph_positions(paragraph: Paragraph) -> list[tuple[int, int, float, str]]:
    """(line number, logical index, pen x in the box, text) for each glyph that carries text."""
    found = []
    for n, line in enumerate(paragraph.lines):
        for run in line.runs:
            pen = line.x + run.x
            for glyph in run.glyphs:
                if glyph.text:
                    found.append((n, run.start + glyph.cluster, pen, glyph.text))
                pen += glyph.advance
    return found


def char_x(paragraph: Paragraph) -> dict[int, float]:
    """x of the glyph carrying each logical character index (every index of its cluster)."""
    return {i + k: x for _, i, x, text in glyph_positions(paragraph) for k in range(len(text))}


@pytest.fixture(scope="session")
def positions() -> Callable[[Paragraph], list[tuple[int, int, float, str]]]:
    return glyph_positions


@pytest.fixture(scope="session")
def xs() -> Callable[[Paragraph], dict[int, float]]:
    return char_x
