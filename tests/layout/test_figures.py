"""Issue 10 §6: the key figures make a balanced grid for any count, read back from the PDF."""

from __future__ import annotations

from itertools import pairwise

import pypdfium2 as pdfium
import pytest
from conftest import TODAY, run_cli
from pdfutil import page_texts

# Rows top first: never one figure alone under a fuller row; four across at most.
EXPECTED_ROWS = {0: (), 1: (1,), 2: (2,), 3: (3,), 4: (4,), 5: (3, 2), 6: (3, 3), 7: (4, 3),
                 8: (4, 4)}


def _value(n: int) -> str:
    return f"9{n},{n}0{n}"  # unique on the page, and the same first glyph: 91,101 … 98,808


def _value_boxes(path, count: int) -> list[tuple[float, float, float, float]]:
    """(left, bottom, right, top) of each figure's value, in figure order."""
    pdf = pdfium.PdfDocument(str(path))
    try:
        textpage = pdf[0].get_textpage()
        text = textpage.get_text_range()
        boxes = []
        for n in range(1, count + 1):
            start = text.index(_value(n))
            first, last = textpage.get_charbox(start), textpage.get_charbox(start + 5)
            boxes.append((first[0], min(first[1], last[1]), last[2], max(first[3], last[3])))
        return boxes
    finally:
        pdf.close()


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("count", sorted(EXPECTED_ROWS))
def test_issue_10_figures_make_a_balanced_grid(make_kit, tmp_path, paper, count) -> None:
    def edit(data: dict) -> None:
        data["figures"] = [{"value": _value(n), "label": "Afghans returned in this period"}
                           for n in range(1, count + 1)]

    out = tmp_path / "out"
    status, _, stderr = run_cli("build", str(make_kit(edit)), "--out", str(out), "--paper", paper,
                                "--today", TODAY, "--parts", "pack")
    assert status == 0, stderr
    sheet = out / "fact-sheet.pdf"
    assert ("KEY FIGURES" in page_texts(sheet)[0]) == bool(count)
    boxes = _value_boxes(sheet, count)
    rows: list[list[tuple[float, float, float, float]]] = []
    for box in boxes:  # figure order is reading order: a new row starts lower down
        if rows and abs(rows[-1][0][3] - box[3]) < 1:
            rows[-1].append(box)
        else:
            rows.append([box])
    assert tuple(len(row) for row in rows) == EXPECTED_ROWS[count]
    for upper, lower in pairwise(rows):
        assert lower[0][3] < upper[0][1]  # each row below the one before
    if len(rows) > 1:
        pitch = rows[0][1][0] - rows[0][0][0]
        for row in rows:
            lefts = [box[0] for box in row]
            assert all(abs(b - a - pitch) < 0.5 for a, b in pairwise(lefts))  # equal cells
            full = [box[0] for box in rows[0]]
            # a short row is centred under the full one: the same middle
            assert abs(sum(lefts) / len(lefts) - sum(full) / len(full)) < 0.5


def test_no_figures_leave_no_hole_above_the_take_action_band(make_kit, tmp_path) -> None:
    """Without figures the band follows the timeline at the section gap; the white goes below."""
    out = tmp_path / "out"
    status, _, stderr = run_cli("build", str(make_kit(lambda d: d.update(figures=[]))),
                                "--out", str(out), "--today", TODAY, "--parts", "pack")
    assert status == 0, stderr
    sheet = out / "fact-sheet.pdf"
    pdf = pdfium.PdfDocument(str(sheet))
    try:
        textpage = pdf[0].get_textpage()
        text = textpage.get_text_range()
        last = textpage.get_charbox(text.index("deportation.\r"))  # the lowest timeline line
        band = textpage.get_charbox(text.index("TAKE ACTION"))
    finally:
        pdf.close()
    assert last[1] - band[3] < 60  # a section gap and the band's header padding, no more
    assert band[1] > 200  # the band is well above the foot of the page


def test_a_timeline_of_five_events_is_three_then_two(make_kit, tmp_path) -> None:
    """Four to a row at most, as even as they can be: no event alone on a second row."""
    months = ["January", "February", "March", "April", "May"]

    def edit(data: dict) -> None:
        data["timeline"] = [{"date": f"2021-{n:02d}", "text": "The court hears the case."}
                            for n in range(1, 6)]

    out = tmp_path / "out"
    status, _, stderr = run_cli("build", str(make_kit(edit)), "--out", str(out), "--today", TODAY,
                                "--parts", "pack")
    assert status == 0, stderr
    pdf = pdfium.PdfDocument(str(out / "fact-sheet.pdf"))
    try:
        textpage = pdf[0].get_textpage()
        text = textpage.get_text_range()
        boxes = [textpage.get_charbox(text.index(f"{month} 2021")) for month in months]
    finally:
        pdf.close()
    tops = [round(box[3]) for box in boxes]
    assert tops[0] == tops[1] == tops[2] > tops[3] == tops[4]
    assert abs(boxes[3][0] - boxes[0][0]) < 1.5 and abs(boxes[4][0] - boxes[1][0]) < 1.5  # ink
