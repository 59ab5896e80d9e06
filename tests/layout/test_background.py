"""Issue 10 §6: the background's two columns end level, on a long page as on a short one."""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest
from conftest import TODAY, run_cli


def _column_feet(path, page: int = -1) -> tuple[float, float]:
    """The lowest ink of the left and the right column of a page (PDF points from the foot)."""
    pdf = pdfium.PdfDocument(str(path))
    try:
        sheet = pdf[page if page >= 0 else len(pdf) - 1]
        middle = sheet.get_width() / 2
        textpage = sheet.get_textpage()
        boxes = [textpage.get_charbox(i) for i in range(textpage.count_chars())]
        boxes = [b for b in boxes if b[2] > b[0]]  # printing characters only
    finally:
        pdf.close()
    return (min(b[1] for b in boxes if b[2] < middle), min(b[1] for b in boxes if b[0] > middle))


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("length", [1, 3, 5])
def test_issue_10_background_columns_end_level(make_kit, tmp_path, paper, length) -> None:
    def edit(data: dict) -> None:
        paragraphs = data["background"].split("\n\n")
        data["background"] = "\n\n".join(paragraphs[:length])

    out = tmp_path / "out"
    status, _, stderr = run_cli("build", str(make_kit(edit)), "--out", str(out), "--paper", paper,
                                "--today", TODAY, "--parts", "pack")
    assert status == 0, stderr
    left, right = _column_feet(out / "background.pdf")
    assert abs(left - right) < 2 * 14  # within two lines (a paragraph ends, or two stay together)
