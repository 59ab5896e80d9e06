"""Place a photo in a frame: cropped to fill it, never stretched, with its credit line below.

The whole image is drawn at its own proportions, large enough to cover the frame, and clipped
to the frame; `focus` says which part stays in view. The image's bytes are the same for every
frame, so a PDF embeds each photo once however many cards show it.
"""

from __future__ import annotations

import io

from ..model import Photo
from ..text.types import Align, Span
from . import styles
from .boxes import BLACK, ImageBox, Item, Rect, TextBox
from .flow import set_text

__all__ = ["FOCUS", "layout_photo", "photo_size"]

# Where the kept part of a cropped photo lies, as fractions of its width and height.
FOCUS = {"center": (0.5, 0.5), "top": (0.5, 0.0), "bottom": (0.5, 1.0),
         "left": (0.0, 0.5), "right": (1.0, 0.5)}


def photo_size(data: bytes) -> tuple[int, int]:
    """The checked photo's width and height in pixels (upright: validation turned it)."""
    from PIL import Image  # only kits with a photo pay for importing Pillow

    with Image.open(io.BytesIO(data)) as image:
        return image.width, image.height


def layout_photo(photo: Photo, x: float, y: float, width: float, height: float,
                 credit_size: float = 6.5, caption: str | None = None) -> tuple[list[Item], float]:
    """The photo filling the frame (x, y, width, height), a hairline round it (so a pale photo
    keeps its edge on a grey photocopy), then `caption` (whose photo it is) in bold and its
    credit in small grey type below; returns the items and their whole height."""
    assert photo.data is not None, "validation reads every photo"
    pixels_w, pixels_h = photo_size(photo.data)
    scale = max(width / pixels_w, height / pixels_h)  # cover the frame: crop, never stretch
    shown_w, shown_h = pixels_w * scale, pixels_h * scale
    fx, fy = FOCUS.get(photo.focus, FOCUS["center"])
    left = x - (shown_w - width) * fx
    top = y - (shown_h - height) * fy
    items: list[Item] = [
        ImageBox(left, top, shown_w, shown_h, photo.data, clip=(x, y, width, height),
                 alt=photo.alt),
        Rect(x, y, width, height, stroke=BLACK, line_width=0.5),
    ]
    total = height
    if caption:
        name = set_text([Span(caption, bold=True)], styles.style(credit_size + 1, leading=1.15),
                        width)
        items.append(TextBox(x, y + total + 1.5, name))
        total += 1.5 + name.height
    if photo.credit:
        credit = set_text(photo.credit, styles.style(credit_size, leading=1.15, align=Align.END),
                          width)
        items.append(TextBox(x, y + total + 1.5, credit, styles.GREY))
        total += 1.5 + credit.height
    return items, total
