"""Encode the action address as a QR code box (error correction M, 4-module quiet zone)."""

from __future__ import annotations

import qrcode
from qrcode.constants import ERROR_CORRECT_M

from .boxes import QRBox

QUIET_ZONE = 4  # modules; ISO/IEC 18004 asks for at least 4


def layout_qr(url: str, x: float, y: float, size: float) -> QRBox:
    """A QR box of side `size` (quiet zone included) whose modules spell `url`."""
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0)
    code.add_data(url)
    code.make(fit=True)
    modules = tuple(tuple(bool(m) for m in row) for row in code.get_matrix())
    return QRBox(x, y, size, modules, QUIET_ZONE, url)
