"""Issue 10 §6: the background's two columns end level, on a long page as on a short one."""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest
from conftest import TODAY, run_cli
from pdfutil import page_count, page_texts


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


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_issue_10_a_short_background_goes_on_the_fact_sheet(make_kit, tmp_path, paper) -> None:
    """Rather than a nearly empty page of its own, a background that fits in the white the
    fact sheet leaves above its take-action band is printed there, in two level columns."""
    def edit(data: dict) -> None:
        data["figures"] = []
        data["background"] = ("Pakistan announced the plan in October 2023. Unregistered Afghans "
                              "were given 30 days to leave.\n\nAmnesty calls on Pakistan to:\n"
                              "- renew the cards;\n- stop deportations.\n")

    out = tmp_path / "out"
    status, stdout, stderr = run_cli("build", str(make_kit(edit)), "--out", str(out), "--paper",
                                     paper, "--today", TODAY, "--parts", "pack")
    assert status == 0, stderr
    assert not (out / "background.pdf").exists() and "background.pdf" not in stdout
    sheet = page_texts(out / "fact-sheet.pdf")[0]
    assert "ADDITIONAL INFORMATION" in sheet and "stop deportations." in sheet
    assert sheet.index("ADDITIONAL INFORMATION") < sheet.index("TAKE ACTION")
    letters = page_count(out / "letter-en.pdf") + page_count(out / "letter-ur.pdf")
    assert page_count(out / "pack.pdf") == 1 + letters  # the sheet and the letters


def test_a_background_too_long_for_the_sheet_keeps_its_page(make_kit, tmp_path) -> None:
    out = tmp_path / "out"
    status, _, stderr = run_cli("build", str(make_kit(lambda d: d.update(figures=[]))), "--out",
                                str(out), "--today", TODAY, "--parts", "pack")
    assert status == 0, stderr
    assert (out / "background.pdf").exists()
    assert "ADDITIONAL INFORMATION" not in page_texts(out / "fact-sheet.pdf")[0]
