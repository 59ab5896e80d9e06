"""Helpers for the draw tests: fonts, paragraphs set by the engine, PDF builds and extraction."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
import uharfbuzz as hb
from pdfutil import cer, levenshtein, normalise, pdfium_text, pdftotext  # noqa: F401 (shared)

from appealkit.draw.glyphs import draw_line, new_canvas
from appealkit.text import (
    Direction,
    FontFamily,
    Glyph,
    GlyphRun,
    Line,
    Paragraph,
    Span,
    TextStyle,
    load_font,
    set_paragraph,
)

ROOT = Path(__file__).resolve().parents[2]
FONTS = ROOT / "src" / "appealkit" / "fonts"  # package data
SAMPLES = ROOT / "tests" / "samples"
A4 = (595.0, 842.0)



def font_path(name: str) -> str:
    return str(FONTS / f"{name}.ttf")


def _pair(name: str) -> tuple[str, str]:
    return font_path(f"{name}-Regular"), font_path(f"{name}-Bold")


FAMILY = FontFamily.from_files(
    latin=_pair("NotoSans"), arabic=_pair("NotoNaskhArabic"), urdu=_pair("NotoNastaliqUrdu"),
    devanagari=_pair("NotoSansDevanagari"),
)


def sample(name: str) -> str:
    """A sample paragraph file, blank-line separated paragraphs joined by spaces."""
    return " ".join((SAMPLES / f"{name}.txt").read_text(encoding="utf-8").split("\n\n")).strip()


def paragraph(text: str, language: str, size: float = 11, width: float = 450) -> Paragraph:
    return set_paragraph([Span(text)], TextStyle(FAMILY, size, language=language), width)


def hand_run(font_name: str, text: str, size: float = 14, rtl: bool = False) -> GlyphRun:
    """One run shaped straight with HarfBuzz, as the engine would make it (no bidi, no breaks)."""
    font = load_font(font_path(font_name))
    buf = hb.Buffer()
    buf.add_str(text)
    buf.guess_segment_properties()
    hb.shape(font.hb_font, buf)
    scale = size / font.units_per_em
    infos, positions = buf.glyph_infos, buf.glyph_positions
    ends = dict(zip(sorted({i.cluster for i in infos}), sorted({i.cluster for i in infos})[1:] + [len(text)]))
    order = range(len(infos) - 1, -1, -1) if rtl else range(len(infos))
    carriers: dict[int, int] = {}
    for i in order:
        carriers.setdefault(infos[i].cluster, i)
    glyphs = tuple(
        Glyph(info.codepoint, pos.x_advance * scale, pos.x_offset * scale, pos.y_offset * scale,
              text[info.cluster:ends[info.cluster]] if carriers[info.cluster] == i else "",
              info.cluster)
        for i, (info, pos) in enumerate(zip(infos, positions))
    )
    direction = Direction.RTL if rtl else Direction.LTR
    width = sum(g.advance for g in glyphs)
    return GlyphRun(font, size, 0.0, width, direction, glyphs, text, level=int(rtl))


def one_line(run: GlyphRun) -> Paragraph:
    line = Line((run,), 0.0, run.size * 1.5, run.width, run.size, run.size * 0.5)
    return Paragraph((line,), run.width, run.size * 2, run.direction)


def build_pdf(paragraphs: list[Paragraph], pagesize: tuple[float, float] = A4) -> bytes:
    """Each paragraph from the top of a new page, lines flowing on to more pages; byte-stable."""
    buf = io.BytesIO()
    canvas = new_canvas(buf, pagesize)
    margin = 60.0
    for para in paragraphs:
        top = pagesize[1] - margin
        for line in para.lines:
            if top - line.baseline - line.descent < margin:
                canvas.showPage()
                top = pagesize[1] - margin + line.baseline - line.ascent
            draw_line(canvas, line, margin + line.x, top - line.baseline, (0, 0, 0), para.direction)
        canvas.showPage()
    canvas.save()
    return buf.getvalue()


needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                     reason="poppler-utils (pdftotext) not installed")
