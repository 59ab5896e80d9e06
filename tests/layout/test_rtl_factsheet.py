"""Issue 10 §6: a fact sheet in Urdu or Arabic is mirrored, in its own words, read from the right."""

from __future__ import annotations

import shutil
from pathlib import Path

import pypdfium2 as pdfium
import pytest
import yaml
from conftest import ROOT, TODAY, run_cli
from pdfutil import normalise, pdftotext

from appealkit.layout.paper import PAPERS
from appealkit.markup import parse_inline

KITS = {"ur": ROOT / "tests" / "layout" / "kits" / "factsheet_ur.yaml",
        "ar": ROOT / "tests" / "layout" / "kits" / "factsheet_ar.yaml"}
BANNER = {"ur": "فوری کارروائی", "ar": "تحرك عاجل"}
TAKE_ACTION = {"ur": "کارروائی کریں", "ar": "تحرّكوا"}
WRITE = {"ur": "خط لکھیں", "ar": "اكتبوا رسالة"}
SUMMARY_START = {"ur": "اکتوبر ۲۰۲۳ میں حکومتِ پاکستان", "ar": "منذ إعلان الحكومة الباكستانية"}


@pytest.fixture(scope="module", params=[(lang, paper) for lang in KITS for paper in PAPERS])
def built(request, tmp_path_factory) -> dict:
    language, paper = request.param
    out = tmp_path_factory.mktemp(f"rtl-{language}-{paper}")
    status, _, stderr = run_cli("build", str(KITS[language]), "--out", str(out), "--paper", paper,
                                "--today", TODAY, "--parts", "pack")
    assert status == 0, stderr
    assert stderr == ""  # the kits are clean: no warning either
    return {"language": language, "paper": PAPERS[paper], "out": out,
            "kit": yaml.safe_load(KITS[language].read_text(encoding="utf-8"))}


def _page(path: Path, page: int = 0) -> tuple[str, list[tuple[float, float, float, float]], float, float]:
    pdf = pdfium.PdfDocument(str(path))
    try:
        sheet = pdf[page]
        textpage = sheet.get_textpage()
        boxes = [textpage.get_charbox(i) for i in range(textpage.count_chars())]
        return textpage.get_text_range(), boxes, sheet.get_width(), sheet.get_height()
    finally:
        pdf.close()


def _find(text: str, needle: str) -> int:
    """Index of `needle` in extracted text, ignoring the direction marks extractors add."""
    kept = [i for i, c in enumerate(text) if c not in "\u200e\u200f\u2066\u2067\u2068\u2069"]
    start = "".join(text[i] for i in kept).find(needle)
    assert start >= 0, needle
    return kept[start]


def _span(text: str, boxes, needle: str) -> tuple[float, float, float, float]:
    start = _find(text, needle)
    chars = [boxes[i] for i in range(start, start + len(needle)) if boxes[i][2] > boxes[i][0]]
    return (min(b[0] for b in chars), min(b[1] for b in chars), max(b[2] for b in chars),
            max(b[3] for b in chars))


@pytest.mark.parametrize("part", ["fact-sheet", "background"])
def test_issue_10_every_character_is_inside_the_margins(built, part) -> None:
    paper = built["paper"]
    if part == "background" and not (built["out"] / "background.pdf").exists():
        # short (the Arabic one on A4): on the fact sheet, above the take-action band
        assert built["language"] == "ar"
        text, _, _, _ = _page(built["out"] / "fact-sheet.pdf")
        assert _find(text, "معلومات إضافية") < _find(text, TAKE_ACTION["ar"])
        return
    _, boxes, width, height = _page(built["out"] / f"{part}.pdf")
    inked = [b for b in boxes if b[2] > b[0]]
    assert len(inked) > 300
    assert all(0 < b[0] and b[2] < width and 0 < b[1] and b[3] < height for b in inked)
    # Nastaliq's first letter may reach past where its line starts, as in the Urdu letter
    slack = 6.0 if built["language"] == "ur" else 1.0
    assert min(b[0] for b in inked) >= paper.margin - slack
    assert max(b[2] for b in inked) <= width - paper.margin + slack
    assert min(b[1] for b in inked) >= paper.margin - slack
    assert max(b[3] for b in inked) <= height - paper.margin + slack


def test_issue_10_the_headline_ends_at_the_right_margin(built) -> None:
    text, boxes, width, _ = _page(built["out"] / "fact-sheet.pdf")
    headline = _span(text, boxes, built["kit"]["headline"].split()[0])  # its first word
    assert abs(headline[2] - (width - built["paper"].margin)) < 3
    banner = _span(text, boxes, BANNER[built["language"]])
    assert abs(banner[2] - (width - built["paper"].margin - 12)) < 3  # the banner's own inset


def test_issue_10_the_sheet_is_mirrored(built) -> None:
    text, boxes, width, _ = _page(built["out"] / "fact-sheet.pdf")
    middle = width / 2
    assert _span(text, boxes, TAKE_ACTION[built["language"]])[0] > middle  # the band's title
    assert _span(text, boxes, "Syed Mohsin Raza Naqvi")[2] > middle - 50  # whom to write to,
    values = [_span(text, boxes, figure["value"]) for figure in built["kit"]["figures"]]
    assert values[0][0] > values[1][2]  # the first figure is the rightmost
    dates = [_span(text, boxes, d) for d in _timeline_dates(built)]
    assert dates[0][0] > dates[1][2]  # and so is the first event
    write = _span(text, boxes, WRITE[built["language"]])  # the first step, beside its disc
    assert write[0] > middle and write[2] > _span(text, boxes, "Islamabad")[2]


def _timeline_dates(built) -> list[str]:
    from appealkit.layout.locale import format_date
    from appealkit.model import PartialDate

    dates = []
    for event in built["kit"]["timeline"][:2]:
        parts = [int(p) for p in str(event["date"]).split("-")]
        dates.append(format_date(PartialDate(*parts), built["language"]))
    return dates


def test_issue_10_text_extracts_in_logical_order(built) -> None:
    text, _, _, _ = _page(built["out"] / "fact-sheet.pdf")
    flat = normalise(text.replace("\u00a0", " "))
    kit = built["kit"]
    for needle in (BANNER[built["language"]], kit["headline"], SUMMARY_START[built["language"]]):
        assert needle in flat
    summary = "".join(s.text for s in parse_inline(kit["summary"].split("\n")[0]))
    quotes = str.maketrans("‘’«»", "''''")  # PDFium mirrors quotation marks in RTL text
    assert summary[:120].translate(quotes) in flat.translate(quotes)  # a run as written


def test_issue_10_latin_data_extracts_whole_in_right_to_left_lines(built) -> None:
    """An address in an Urdu line reads as written (PDFium reorders mixed lines by its own
    guess, so poppler, which follows the PDF's text, is the reader here)."""
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (Debian package poppler-utils) is not installed")
    flat = normalise(pdftotext((built["out"] / "fact-sheet.pdf").read_bytes())[0])
    for needle in ("secretary@interior.gov.pk", built["kit"]["action"]["url"],
                   "Syed Mohsin Raza Naqvi", "4th Floor, R Block, Pak Secretariat"):
        assert needle in flat
