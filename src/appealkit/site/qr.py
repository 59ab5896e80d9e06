"""The action address as a QR code in SVG: vector, so it needs no renderer and scans at any size."""

from __future__ import annotations

import io

import qrcode
from qrcode.constants import ERROR_CORRECT_M
from qrcode.image.svg import SvgPathFillImage

from ..layout.qr import QUIET_ZONE

__all__ = ["qr_svg"]


def qr_svg(url: str) -> bytes:
    """An SVG file whose QR code opens `url`: error correction M and a white quiet zone, as printed."""
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=QUIET_ZONE,
                         image_factory=SvgPathFillImage)
    code.add_data(url)
    code.make(fit=True)
    out = io.BytesIO()
    code.make_image().save(out)
    return out.getvalue()
