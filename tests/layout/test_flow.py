"""Pouring paragraphs down columns: no widows or orphans, and a last paragraph that keeps with
what follows it (a letter's closing)."""

from __future__ import annotations

from appealkit.layout.boxes import TextBox
from appealkit.layout.flow import Column, pour, set_text
from appealkit.layout.styles import style

PITCH = 13.0  # 10 pt at leading 1.3


def _paragraph(lines: int):
    return set_text("\n".join(f"line {n}" for n in range(1, lines + 1)), style(10.0), 200)


def _column(lines: float) -> Column:
    """A column with room for about `lines` lines."""
    return Column(0, 0, 200, lines * PITCH)


def _counts(columns: list[Column]) -> list[list[int]]:
    """Lines of each text box, column by column."""
    return [[len(item.paragraph.lines) for item in column.items if isinstance(item, TextBox)]
            for column in columns]


def test_a_paragraph_never_leaves_one_or_two_lines_at_a_column_foot() -> None:
    columns = [_column(12)]
    columns[0].advance(9.5 * PITCH)  # two lines of room left
    pour([(_paragraph(8), 0)], columns, lambda: _column(12), keep=3)
    assert _counts(columns) == [[], [8]]  # the whole paragraph goes over


def test_a_paragraph_never_leaves_one_or_two_lines_at_a_column_head() -> None:
    columns = [_column(12)]
    columns[0].advance(5.5 * PITCH)  # room for six of seven lines
    pour([(_paragraph(7), 0)], columns, lambda: _column(12), keep=3)
    assert _counts(columns) == [[4], [3]]  # three go over, not one


def test_without_keep_lines_fill_the_column() -> None:
    columns = [_column(12)]
    columns[0].advance(5.5 * PITCH)
    pour([(_paragraph(7), 0)], columns, lambda: _column(12))
    assert _counts(columns) == [[6], [1]]


def test_the_last_paragraph_goes_over_with_what_follows_it() -> None:
    """A closing that does not fit under the last paragraph takes the paragraph with it, so the
    following page never holds the closing alone."""
    columns = [_column(12)]
    blocks = [(_paragraph(5), PITCH), (_paragraph(4), 0)]
    pour(blocks, columns, lambda: _column(12), keep=3, tail=3 * PITCH)
    assert _counts(columns) == [[5], [4]]
    assert columns[1].bottom - columns[1].y >= 3 * PITCH  # room for the closing
    fits = [_column(14)]
    pour(blocks, fits, lambda: _column(14), keep=3, tail=3 * PITCH)
    assert _counts(fits) == [[5, 4]]


def test_a_letter_of_one_paragraph_is_not_moved_off_its_first_page() -> None:
    """Its only paragraph stays where the heading is; three lines go over with the closing."""
    columns = [_column(12)]
    pour([(_paragraph(11), 0)], columns, lambda: _column(12), keep=3, tail=3 * PITCH)
    assert _counts(columns) == [[8], [3]]


def test_a_last_paragraph_longer_than_a_column_sends_lines_over_with_what_follows() -> None:
    """Too long to go over whole, it fills its columns, and its last lines go over with the
    closing rather than leave the closing alone on a page."""
    columns = [_column(12)]
    pour([(_paragraph(23), 0)], columns, lambda: _column(12), keep=3, tail=3 * PITCH)
    counts = _counts(columns)
    assert sum(map(sum, counts)) == 23 and all(n >= 3 for column in counts for n in column)
    assert columns[-1].bottom - columns[-1].y >= 3 * PITCH and counts[-1] == [3]


def test_a_page_short_of_a_fraction_of_a_point_is_said_to_be_short_of_one() -> None:
    """A message never says "by 0 pt": what is over is rounded up."""
    from appealkit.layout.overflow import overflow_problems

    flow = Column(0.0, 0.0, 100.0, 100.0)
    flow.sections.append(("summary", 0.0, 100.3))
    flow.y = 100.3
    (key, message), = overflow_problems(flow, (), 0.0, 9)
    assert key == "summary" and "by 1 pt" in message
    flow.y = 112.6
    assert "by 13 pt" in overflow_problems(flow, (), 0.0, 9)[0][1]
