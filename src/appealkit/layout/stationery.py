"""Sizes of the stationery the event materials print on: envelopes, label sheets, card sheets."""

from __future__ import annotations

from dataclasses import dataclass

from .boxes import INCH, MM


@dataclass(frozen=True)
class Envelope:
    name: str
    width: float  # landscape: the long side runs across
    height: float
    bottom_clear: float  # strip the post's sorting machines print their barcode in
    right_clear: float


@dataclass(frozen=True)
class LabelSheet:
    """A sheet of equal labels in a grid, as its maker specifies it."""

    name: str
    width: float
    height: float
    columns: int
    rows: int
    label_width: float
    label_height: float
    left: float  # from the sheet's left edge to the first label's left edge
    top: float
    pitch_x: float  # from one label's left edge to the next one's
    pitch_y: float

    @property
    def count(self) -> int:
        return self.columns * self.rows

    def position(self, index: int) -> tuple[float, float]:
        """Top-left corner of label `index` (0-based, row by row) on its sheet."""
        row, column = divmod(index % self.count, self.columns)
        return self.left + column * self.pitch_x, self.top + row * self.pitch_y


# DL (ISO 269) for A4 folded in thirds; US #10 for Letter. Royal Mail and USPS keep a strip at
# the bottom free for their barcode (15 mm; 5/8 in) and the address away from the right edge.
DL = Envelope("DL", 220 * MM, 110 * MM, 15 * MM, 15 * MM)
NO_10 = Envelope("#10", 9.5 * INCH, 4.125 * INCH, 0.625 * INCH, 0.5 * INCH)

# Avery L7163: 2 x 7 labels of 99.1 x 38.1 mm, 15.15 mm from the top, 4.65 mm from the sides,
# 2.5 mm between the columns and none between the rows (210 and 297 mm add up exactly).
L7163 = LabelSheet("Avery L7163", 210 * MM, 297 * MM, 2, 7, 99.1 * MM, 38.1 * MM,
                   4.65 * MM, 15.15 * MM, 101.6 * MM, 38.1 * MM)
# Avery 5163: 2 x 5 labels of 4 x 2 in, 1/2 in from the top, 5/32 in from the sides,
# 3/16 in between the columns and none between the rows.
AVERY_5163 = LabelSheet("Avery 5163", 8.5 * INCH, 11 * INCH, 2, 5, 4 * INCH, 2 * INCH,
                        5 / 32 * INCH, 0.5 * INCH, 4.1875 * INCH, 2 * INCH)

ENVELOPES = {"a4": DL, "letter": NO_10}
LABEL_SHEETS = {"a4": L7163, "letter": AVERY_5163}
