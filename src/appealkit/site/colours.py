"""The page's colours from the kit's accent: banner background and ink, and a text-safe accent."""

from __future__ import annotations

from dataclasses import dataclass

from ..layout.boxes import BLACK, WHITE, Color
from ..layout.factsheet import contrast

__all__ = ["AA_TEXT", "Palette", "palette"]

AA_TEXT = 4.5  # WCAG 2 AA minimum contrast for body text
_TEXT_TARGET = 4.6  # a little above AA, so the hex rounding of the colour can never fall below


@dataclass(frozen=True)
class Palette:
    banner: str  # the kit's accent, as given: the banner's background
    banner_ink: str  # black or white, whichever reads better on the accent
    accent_text: str  # the accent, darkened if needed, for links and focus rings on white


def palette(accent: str) -> Palette:
    """The page's colours for the `#RRGGBB` accent of a kit."""
    fill = _parse(accent)
    ink = BLACK if contrast(fill, BLACK) >= contrast(fill, WHITE) else WHITE
    return Palette(_hex(fill), _hex(ink), _hex(_darkened(fill)))


def _darkened(color: Color) -> Color:
    """`color`, or the lightest darker shade of it that reads as text on white (WCAG AA).

    Kits often pick a light accent (the example's yellow is 1.4:1 on white): fine behind black
    banner text, unreadable as link text. So the page darkens it for text instead of failing
    the build; 2 % steps towards black keep its hue.
    """
    shade = color
    for step in range(51):
        shade = tuple(c * (1 - step / 50) for c in color)  # type: ignore[assignment]
        if contrast(shade, WHITE) >= _TEXT_TARGET:
            break
    return shade


def _parse(value: str) -> Color:
    value = value.lstrip("#")
    return tuple(int(value[i:i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


def _hex(color: Color) -> str:
    return "#" + "".join(f"{round(c * 255):02x}" for c in color)
