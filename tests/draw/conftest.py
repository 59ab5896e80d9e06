"""Fixtures for the draw tests: fonts, a stand-in paragraph setter, PDF builds and extraction."""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pytest
import uharfbuzz as hb

from appealkit.draw.glyphs import draw_paragraph, new_canvas
from appealkit.text.types import Direction, Glyph, GlyphRun, Line, Paragraph

FONTS = Path(__file__).resolve().parents[2] / "fonts"


@dataclass(eq=False)
class StandInFont:
    """The parts of text.fonts.Font that drawing uses (until the engine lands)."""

    path: Path
    data: bytes = field(repr=False)
    postscript_name: str
    units_per_em: int
    hb_font: hb.Font = field(repr=False)

    def advance(self, gid: int) -> int:
        return self.hb_font.get_glyph_h_advance(gid)


@cache
def load_font(name: str) -> StandInFont:
    path = FONTS / f"{name}.ttf"
    data = path.read_bytes()
    face = hb.Face(data)
    ps_name = name.replace("_", "")
    return StandInFont(path, data, ps_name, face.upem, hb.Font(face))


def _shape(font: StandInFont, text: str, size: float, rtl: bool, lang: str) -> list[Glyph]:
    """HarfBuzz glyphs in visual order; each cluster's text on its first glyph in logical order."""
    buf = hb.Buffer()
    buf.add_str(text)
    buf.guess_segment_properties()
    buf.language = lang
    hb.shape(font.hb_font, buf)
    scale = size / font.units_per_em
    infos, positions = buf.glyph_infos, buf.glyph_positions
    starts = sorted({i.cluster for i in infos}) + [len(text)]
    ends = {s: e for s, e in zip(starts, starts[1:])}
    order = range(len(infos) - 1, -1, -1) if rtl else range(len(infos))
    carrier, seen = set(), set()
    for i in order:
        if infos[i].cluster not in seen:
            seen.add(infos[i].cluster)
            carrier.add(i)
    glyphs = []
    for i, (info, pos) in enumerate(zip(infos, positions)):
        cluster_text = text[info.cluster:ends[info.cluster]] if i in carrier else ""
        glyphs.append(Glyph(info.codepoint, pos.x_advance * scale, pos.x_offset * scale,
                            pos.y_offset * scale, cluster_text, info.cluster))
    return glyphs


def set_paragraph(font_name: str, text: str, size: float, width: float,
                  lang: str = "en", rtl: bool = False, leading: float = 2.0) -> Paragraph:
    """Greedy word-wrapped single-run lines (no bidi): enough to exercise drawing."""
    font = load_font(font_name)
    words, lines, current = text.split(" "), [], []
    for word in words:
        trial = " ".join(current + [word])
        if current and sum(g.advance for g in _shape(font, trial, size, rtl, lang)) > width:
            lines.append(" ".join(current))
            current = [word]
        else:
            current.append(word)
    lines.append(" ".join(current))
    out, ascent, descent = [], size * 1.2, size * 0.6
    for n, line_text in enumerate(lines):
        glyphs = tuple(_shape(font, line_text, size, rtl, lang))
        w = sum(g.advance for g in glyphs)
        run = GlyphRun(font, size, 0.0, w, Direction.RTL if rtl else Direction.LTR, glyphs, line_text)
        x = width - w if rtl else 0.0
        out.append(Line((run,), x, ascent + n * size * leading, w, ascent, descent))
    height = out[-1].baseline + descent
    return Paragraph(tuple(out), width, height, Direction.RTL if rtl else Direction.LTR)


def build_pdf(paragraphs: list[Paragraph], width: float = 595, height: float = 842) -> bytes:
    """One A4 page per paragraph, drawn at the top-left margin, invariant output."""
    buf = io.BytesIO()
    canvas = new_canvas(buf, (width, height))
    for para in paragraphs:
        draw_paragraph(canvas, para, 50, height - 50)
        canvas.showPage()
    canvas.save()
    return buf.getvalue()


def pdftotext(pdf: bytes) -> list[str]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "in.pdf"
        path.write_bytes(pdf)
        out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"],
                             capture_output=True, check=True).stdout.decode()
    return out.split("\f")[: -1]


def pdfium_text(pdf: bytes) -> list[str]:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    pages = [doc[i].get_textpage().get_text_range() for i in range(len(doc))]
    doc.close()
    return pages


def cer(got: str, want: str) -> float:
    """Levenshtein distance over the length of want."""
    prev = list(range(len(want) + 1))
    for i, a in enumerate(got, 1):
        row = [i]
        for j, b in enumerate(want, 1):
            row.append(min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a != b)))
        prev = row
    return prev[-1] / max(1, len(want))


def normalise(text: str) -> str:
    return " ".join(text.split())


needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler missing")
