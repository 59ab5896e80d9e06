"""Text drawn by appealkit.draw extracts as the logical source text in poppler and PDFium."""

from __future__ import annotations

import re
from functools import cache

import pytest
from draw_helpers import (
    FAMILY,
    build_pdf,
    cer,
    needs_pdftotext,
    normalise,
    paragraph,
    pdfium_text,
    pdftotext,
    sample,
)

from appealkit.draw import copytext
from appealkit.text import Align, Span, TextStyle, set_paragraph

# (sample file, BCP 47 language, font size). ur-letter is the Urdu model letter (Nastaliq);
# ur mixes Urdu with Latin, digits, an e-mail address and a phone number.
CASES = {
    "ur-letter": ("ur", 13),
    "ur": ("ur", 13),
    "ar": ("ar", 11),
    "fa": ("fa", 11),
    "hi": ("hi", 11),
    "en": ("en", 11),
}
LIMIT = 0.02
# PDFium reverses the order of the pieces of a Latin run split by neutral characters inside a
# right-to-left line (secretary@interior.gov.pk → pk.gov.interior@secretary) and mirrors
# brackets; see appealkit.draw.copytext. Measured 6.6% on the mixed Urdu sample.
PDFIUM_LIMITS = {"ur": 0.08}


@cache
def _pdf(name: str) -> bytes:
    """A sample drawn into a PDF of its own."""
    language, size = CASES[name]
    return build_pdf([paragraph(sample(name), language, size)])


@needs_pdftotext
@pytest.mark.parametrize("name", CASES)
def test_pdftotext_gives_logical_text(name: str) -> None:
    source, got = sample(name), " ".join(pdftotext(_pdf(name)))
    assert cer(normalise(got), normalise(source)) < LIMIT, normalise(got)


@pytest.mark.parametrize("name", CASES)
def test_pdfium_gives_logical_text(name: str) -> None:
    """PDFium alone: runs without poppler."""
    source, got = sample(name), " ".join(pdfium_text(_pdf(name)))
    assert cer(normalise(got), normalise(source)) < PDFIUM_LIMITS.get(name, LIMIT), normalise(got)


@needs_pdftotext
@pytest.mark.parametrize("language", ["ur", "hi"])
def test_justified_lines_extract_with_single_spaces(language: str) -> None:
    text = sample("ur-letter" if language == "ur" else "hi")
    para = set_paragraph([Span(text)], TextStyle(FAMILY, 12, language=language,
                                                 align=Align.JUSTIFY), 380)
    pdf = build_pdf([para])
    for got in (' '.join(pdftotext(pdf)), ' '.join(pdfium_text(pdf))):
        assert cer(normalise(got), normalise(text)) < LIMIT


@needs_pdftotext
def test_extraction_would_fail_without_visual_order_cluster_text(monkeypatch) -> None:
    """The check can fail: storing a cluster's characters in logical order garbles Urdu."""
    original = copytext.cluster_text

    def logical(run, cluster):
        text = original(run, cluster)
        return text[::-1] if run.direction.value == "rtl" else text

    monkeypatch.setattr("appealkit.draw.glyphs.cluster_text", logical)
    text = sample("ur-letter")
    pdf = build_pdf([paragraph(text, "ur", 13)])
    assert cer(normalise(' '.join(pdftotext(pdf))), normalise(text)) > LIMIT


MIXED = "The Minister, سید محسن رضا نقوی، should renew the PoR cards of افغان مہاجرین now."


@needs_pdftotext
def test_urdu_phrase_in_english_line() -> None:
    """Poppler gives the logical text; PDFium all the words, Urdu phrases in visual word order
    (a known PDFium limit, see appealkit.draw.copytext)."""
    pdf = build_pdf([paragraph(MIXED, "en")])
    assert normalise(pdftotext(pdf)[0]) == MIXED
    assert _words(pdfium_text(pdf)[0]) == _words(MIXED)


def _words(text: str) -> list[str]:
    return sorted(re.sub("[،,.]", " ", normalise(text)).split())
