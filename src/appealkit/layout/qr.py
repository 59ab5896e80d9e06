"""Encode the action address as a QR code box (error correction M, 4-module quiet zone)."""

from __future__ import annotations

from functools import lru_cache

import qrcode
from qrcode.constants import ERROR_CORRECT_M

from ..uri import to_uri
from .boxes import QRBox

QUIET_ZONE = 4  # modules; ISO/IEC 18004 asks for at least 4


def layout_qr(url: str, x: float, y: float, size: float) -> QRBox:
    """A QR box of side `size` (quiet zone included) whose modules and link spell `url`.

    Both carry the URI form (`https://xn--bcher-kva.example/stra%C3%9Fe`), which every scanner
    and PDF reader opens alike; the page prints the address as the kit writes it.
    """
    uri = to_uri(url)
    return QRBox(x, y, size, qr_modules(uri), QUIET_ZONE, uri)


@lru_cache(maxsize=8)
def qr_modules(url: str) -> tuple[tuple[bool, ...], ...]:
    """The symbol's dark (True) and light modules, row by row, without the quiet zone.

    Encoding tries all eight masks to pick the most readable one, which is the slow part; the
    fact sheet places its code more than once while it shares out room, so it is made once.
    """
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0)
    code.add_data(url)
    code.make(fit=True)
    return tuple(tuple(bool(m) for m in row) for row in code.get_matrix())
