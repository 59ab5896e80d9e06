"""Arrange the fact sheet's key figures in a balanced grid: rows of equal cells, centred.

Rows hold at most four figures and differ by one at most, the fuller rows first: 4 figures are
one row, 5 are 3 + 2, 7 are 4 + 3. A figure never stands alone on a row below fuller ones, and
a short row is centred under the one above it, so the grid reads as meant, not as left over.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import replace

from . import styles
from .boxes import BLACK, Rect, TextBox
from .flow import Column

__all__ = ["MAX_PER_ROW", "figure_rows", "place_figures"]

MAX_PER_ROW = 4
PAD = 6.0  # inside a cell, around its text
BAR = 3.0  # the black bar on the cell's leading edge
BESIDE_BAR = 2.0  # the text keeps this much more room from the bar's side
ROW_GAP = 5.0

SetCell = Callable[[int, float], list[TextBox]]  # (figure index, text width) -> boxes at (0, 0)


def figure_rows(count: int) -> tuple[int, ...]:
    """How many figures each row holds, top row first: as few rows as MAX_PER_ROW allows,
    their sizes differing by one at most, the fuller rows first."""
    if count <= 0:
        return ()
    rows = math.ceil(count / MAX_PER_ROW)
    fuller = count % rows or rows
    return (math.ceil(count / rows),) * fuller + (count // rows,) * (rows - fuller)


def place_figures(column: Column, count: int, set_cell: SetCell, gutter: float) -> None:
    """Add the grid of `count` figures to the column, from its current `y` down.

    Every cell has the width of a cell of the fullest row; `set_cell` sets a figure's text
    for that width. Each row is as tall as its tallest cell.
    """
    rows = figure_rows(count)
    if not rows:
        return
    across = rows[0]
    cell = (column.width - (across - 1) * gutter) / across
    index = 0
    for size in rows:
        cells = [(i, set_cell(i, cell - 2 * PAD - BESIDE_BAR)) for i in range(index, index + size)]
        index += size
        height = max(_stack_height(boxes) for _, boxes in cells)
        first = column.x + (across - size) * (cell + gutter) / 2  # a short row is centred
        for n, (i, boxes) in enumerate(cells):
            _place_cell(column, first + n * (cell + gutter), cell, height, boxes)
            column.sections.append((f"figures.{i}.label", column.y, column.y + height))
        column.advance(height + 2 * PAD + ROW_GAP)


def _place_cell(column: Column, x: float, width: float, height: float,
                boxes: Sequence[TextBox]) -> None:
    column.items.append(Rect(x, column.y, width, height + 2 * PAD, fill=styles.PANEL))
    column.items.append(Rect(x, column.y, BAR, height + 2 * PAD, fill=BLACK))
    column.items.extend(replace(box, x=box.x + x + PAD + BESIDE_BAR, y=box.y + column.y + PAD)
                        for box in boxes)


def _stack_height(boxes: Sequence[TextBox]) -> float:
    return max(box.y + box.paragraph.height for box in boxes)
