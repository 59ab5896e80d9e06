"""Event materials built from the example kit and a kit with copies: QR codes, sizes, text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest
import zxingcpp
from conftest import EXAMPLE, TODAY, group_kit, run_cli
from pdfutil import normalise, page_texts, render

from appealkit.layout.boxes import MM
from appealkit.layout.stationery import LABEL_SHEETS

URL = "https://www.amnesty.org/en/documents/asa33/7416/2023/en/"
REPORT = "https://www.example.org/report-your-letters"
COPY = """targets:
  - role: copy
    name: Ambassador Example
    title: High Commissioner for Pakistan
    address:
      - 35-36 Lowndes Square
      - London SW1X 9JN
    country: United Kingdom
    salutation:
      en: Dear High Commissioner,
      ur: محترم ہائی کمشنر صاحب،
"""
SOLIDARITY = """solidarity:
  message: We stand with you. You are not alone.
  dos: [Write in simple words]
  donts: [Do not mention politics]
"""


def _with_copy(tmp_path: Path) -> Path:
    """The example kit with a copy target in the sender's own country, and a solidarity message."""
    return group_kit(tmp_path / "copy-kit", ("targets:\n", COPY),
                     ("\nkeywords:", "\n" + SOLIDARITY + "keywords:"))


def _build(kit: Path, out: Path, paper: str, *extra: str) -> dict[str, Path]:
    status, stdout, stderr = run_cli("build", str(kit), "--out", str(out), "--paper", paper,
                                     "--today", TODAY, "--parts",
                                     "handouts,poster,envelopes,labels,tally,solidarity", *extra)
    assert status == 0, stderr
    return {Path(line).name: Path(line) for line in stdout.split()}


@pytest.fixture(scope="module", params=["a4", "letter"])
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
          ) -> dict[str, Any]:
    """The example kit and the kit with a copy, each built for the paper size."""
    paper = request.param
    tmp = tmp_path_factory.mktemp(f"events-{paper}")
    copy_kit = _with_copy(tmp)
    group = group_kit(tmp / "group-kit")  # the example with its event: section filled in
    return {"paper": paper, "example": _build(group, tmp / "example", paper),
            "copy": _build(copy_kit, tmp / "copy", paper), "copy_kit": copy_kit, "tmp": tmp}


def _codes(path: Path, page: int = 0) -> list[Any]:
    image = render(path, page, dpi=150)
    return zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)


def _width_mm(code: Any) -> float:
    corners = code.position
    return abs(corners.top_right.x - corners.top_left.x) / 150 * 25.4


def test_handouts_four_codes_decode_and_are_20_mm_wide(built: dict[str, Any]) -> None:
    codes = _codes(built["example"]["handouts.pdf"])
    assert [code.text for code in codes] == [URL] * 4
    assert all(_width_mm(code) >= 20 for code in codes)


def test_handouts_front_has_the_case_and_back_the_posting_guide(built: dict[str, Any]) -> None:
    front, back = page_texts(built["example"]["handouts.pdf"])
    assert front.count("1.4 MILLION REFUGEES") == 4
    assert front.count("Deadline: 15 September 2025") == 4
    assert front.count("www.amnesty.org/en/documents/asa33/7416/2023/en") == 4
    assert back.count("How to send your letter") == 4
    assert back.count("Postage: one international stamp") == 4


def test_poster_code_decodes_and_is_80_mm_wide(built: dict[str, Any]) -> None:
    (code,) = _codes(built["example"]["poster.pdf"])
    assert code.text == URL
    assert _width_mm(code) >= 80
    (text,) = page_texts(built["example"]["poster.pdf"])
    assert "Write a letter tonight" in text and "Deadline: 15 September 2025" in text


def test_envelopes_are_dl_or_10_and_end_with_the_country(built: dict[str, Any]) -> None:
    pdf = pdfium.PdfDocument(str(built["copy"]["envelopes.pdf"]))
    try:
        sizes = [pdf[i].get_size() for i in range(len(pdf))]
    finally:
        pdf.close()
    expected = (220 * MM, 110 * MM) if built["paper"] == "a4" else (9.5 * 72, 4.125 * 72)
    assert sizes == [pytest.approx(expected, abs=0.5)] * 2
    main, copy = page_texts(built["copy"]["envelopes.pdf"])
    assert main.split()[-1] == "PAKISTAN" and copy.split()[-2:] == ["UNITED", "KINGDOM"]
    # Abroad from the United Kingdom: air mail; to the embassy in London: not.
    assert "PAR AVION / BY AIR MAIL" in main and "PAR AVION" not in copy
    assert "Sheffield S1 2AB" in main


def _label_rects(paper: str) -> list[tuple[float, float, float, float]]:
    """(left, bottom, right, top) in PDF points of every label on the sheet."""
    sheet = LABEL_SHEETS[paper]
    rects = []
    for index in range(sheet.count):
        x, y = sheet.position(index)
        rects.append((x, sheet.height - y - sheet.label_height, x + sheet.label_width,
                      sheet.height - y))
    return rects


def _chars_by_label(path: Path, paper: str) -> list[dict[int, str]]:
    """Per page: label index → the text whose every character box lies inside that label."""
    rects, safe = _label_rects(paper), 4 * MM
    pages = []
    pdf = pdfium.PdfDocument(str(path))
    try:
        for page in pdf:
            textpage = page.get_textpage()
            found: dict[int, str] = {}
            for i in range(textpage.count_chars()):
                char = textpage.get_text_range(i, 1)
                if not char.strip():
                    continue
                left, bottom, right, top = textpage.get_charbox(i)
                inside = [n for n, (x0, b, r, t) in enumerate(rects)
                          if x0 + safe <= left and right <= r - safe
                          and b + safe <= bottom and top <= t - safe]
                assert inside, f"'{char}' at {left:.0f},{bottom:.0f} is on no label"
                found[inside[0]] = found.get(inside[0], "") + char
            pages.append(found)
    finally:
        pdf.close()
    return pages


def test_labels_text_lies_inside_the_labels(built: dict[str, Any]) -> None:
    (page,) = _chars_by_label(built["copy"]["labels.pdf"], built["paper"])
    assert sorted(page) == [0, 1]
    assert page[0].endswith("PAKISTAN") and page[1].endswith("UNITEDKINGDOM")


def test_labels_start_and_copies(built: dict[str, Any]) -> None:
    paper = built["paper"]
    files = _build(built["copy_kit"], built["tmp"] / "labels-5-3", paper,
                   "--labels-start", "5", "--copies", "3")
    pages = _chars_by_label(files["labels.pdf"], paper)
    placed = [(p, n, text.endswith("PAKISTAN")) for p, page in enumerate(pages)
              for n, text in sorted(page.items())]
    # Six labels from the fifth on, three per target, the main target first.
    assert placed == [(0, 4, True), (0, 5, True), (0, 6, True), (0, 7, False), (0, 8, False),
                      (0, 9, False)]


def test_labels_run_on_to_a_second_sheet(built: dict[str, Any]) -> None:
    paper = built["paper"]
    last = LABEL_SHEETS[paper].count
    files = _build(built["copy_kit"], built["tmp"] / "labels-last", paper,
                   "--labels-start", str(last), "--copies", "2")
    pages = _chars_by_label(files["labels.pdf"], paper)
    assert [sorted(page) for page in pages] == [[last - 1], [0, 1, 2]]


def test_tally_names_every_letter_language_and_the_report(built: dict[str, Any]) -> None:
    (text,) = map(normalise, page_texts(built["example"]["tally.pdf"]))
    assert "Letters (English)" in text and "Letters (Urdu)" in text
    assert "Report the counts by 30 September 2025" in text
    assert "How to send your letter" in text
    (code,) = _codes(built["example"]["tally.pdf"])
    assert code.text == REPORT


def test_copy_target_in_the_posting_guide_and_solidarity_cards(built: dict[str, Any]) -> None:
    (text,) = page_texts(built["copy"]["tally.pdf"])
    assert "Send a copy to the High Commissioner for Pakistan, Ambassador Example." in text
    assert "solidarity.pdf" not in built["example"]
    (cards,) = page_texts(built["copy"]["solidarity.pdf"])
    assert cards.count("We stand with you.") == 4


def test_postage_line_is_left_out_without_event_postage(tmp_path: Path) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    text = text.replace("  postage: one international stamp (a letter up to 100 g)\n", "")
    kit = tmp_path / "kit.yaml"
    kit.write_text(text, encoding="utf-8")
    files = _build(kit, tmp_path / "out", "a4", "--parts", "tally")
    (text,) = page_texts(files["tally.pdf"])
    assert "How to send your letter" in text and "Postage" not in text


def test_address_too_long_for_a_label_is_a_located_error(tmp_path: Path) -> None:
    lines = "".join(f"      - Line {n} of a very long address\n" for n in range(12))
    text = EXAMPLE.read_text(encoding="utf-8").replace(
        "      - Islamabad\n", "      - Islamabad\n" + lines, 1)
    kit = tmp_path / "kit.yaml"
    kit.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    status, _, err = run_cli("build", str(kit), "--out", str(out), "--today", TODAY,
                             "--parts", "labels")
    assert status == 2
    first = err.splitlines()[0]
    assert first.startswith(f"{kit}:") and "targets.0.address: the address of Minister of " \
        "Interior Syed Mohsin Raza Naqvi does not fit on an Avery L7163 label" in first
    assert not out.exists()


def test_french_kit_gets_french_event_words_and_whole_headings(tmp_path: Path) -> None:
    text = EXAMPLE.read_text(encoding="utf-8").replace("language: en\n", "language: fr\n", 1)
    kit = tmp_path / "kit.yaml"
    kit.write_text(text, encoding="utf-8")
    files = _build(kit, tmp_path / "out", "a4", "--parts", "tally,poster")
    (tally,) = map(normalise, page_texts(files["tally.pdf"]))
    assert "Lettres (anglais)" in tally and "Lettres (ourdou)" in tally
    assert " Publications " in tally  # the narrow column's heading is not split in the word
    assert "Comment envoyer votre lettre" in tally
    assert "Écrivez une lettre ce soir" in page_texts(files["poster.pdf"])[0]


def test_the_shipped_example_prints_no_made_up_report_address_or_return_address(
        tmp_path: Path) -> None:
    files = _build(EXAMPLE, tmp_path / "out", "a4", "--parts", "tally,envelopes")
    (tally,) = map(normalise, page_texts(files["tally.pdf"]))
    assert "Report the counts" in tally and "example.org" not in tally
    assert _codes(files["tally.pdf"]) == []  # no report address: a line to write it on, no QR code
    (envelope,) = page_texts(files["envelopes.pdf"])
    assert envelope.split()[-1] == "PAKISTAN" and "Sheffield" not in envelope
