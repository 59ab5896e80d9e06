"""The QR code: vector modules, quiet zone, size, and it decodes to the action address."""

from __future__ import annotations

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import zxingcpp
from pdfutil import render

from appealkit.layout.boxes import MM, QRBox
from appealkit.layout.qr import QUIET_ZONE, layout_qr

URL = "https://www.amnesty.org/en/documents/asa33/7416/2023/en/"


def test_qr_decodes_from_a_150_dpi_render(pack: dict) -> None:
    image = render(pack["files"]["fact-sheet.pdf"], dpi=150)
    codes = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    assert [code.text for code in codes] == [URL]
    assert codes[0].ec_level in ("M", "Q", "H")


def test_qr_symbol_is_at_least_25_mm_wide(pack: dict) -> None:
    image = render(pack["files"]["fact-sheet.pdf"], dpi=150)
    (code,) = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    corners = code.position
    width_px = abs(corners.top_right.x - corners.top_left.x)
    assert width_px / 150 * 25.4 >= 25


def test_fact_sheet_has_no_bitmaps(pack: dict) -> None:
    """The QR code (and everything else) is vector: the page holds no image objects."""
    pdf = pdfium.PdfDocument(str(pack["files"]["fact-sheet.pdf"]))
    try:
        kinds = {obj.type for obj in pdf[0].get_objects()}
    finally:
        pdf.close()
    assert pdfium_c.FPDF_PAGEOBJ_IMAGE not in kinds
    assert pdfium_c.FPDF_PAGEOBJ_PATH in kinds


def test_qr_box_keeps_a_quiet_zone_and_error_correction_m() -> None:
    box = layout_qr(URL, 0, 0, 34 * MM)
    assert isinstance(box, QRBox) and box.quiet == QUIET_ZONE >= 4
    count = len(box.modules)
    assert count == 33  # version 4 at level M for this address (version 3 at level L)
    module = box.size / (count + 2 * QUIET_ZONE)
    assert module * count >= 25 * MM
