"""Render each page of a PDF as a small PNG for the download page (needs the `site` extra)."""

from __future__ import annotations

import io
from types import ModuleType

__all__ = ["PREVIEW_WIDTH", "MissingExtra", "render_previews", "require_renderer"]

PREVIEW_WIDTH = 480  # pixels: sharp at 240 CSS pixels on a phone's double-density screen


class MissingExtra(Exception):
    """The renderer of the preview images (pypdfium2) is not installed; str() says what to do."""


def require_renderer() -> ModuleType:
    """The pypdfium2 module; MissingExtra with the install command when it is not there."""
    try:
        import pypdfium2
    except ImportError:
        raise MissingExtra("appealkit site needs the site extra: "
                           "pip install 'appealkit[site]'") from None
    module: ModuleType = pypdfium2
    return module


def render_previews(pdf: bytes, width: int = PREVIEW_WIDTH) -> list[tuple[bytes, int, int]]:
    """Each page of `pdf` as (PNG bytes, width, height), `width` pixels wide.

    The PNGs hold only pixels (Pillow writes no date or other metadata), so the same PDF gives
    the same bytes.
    """
    pdfium = require_renderer()
    document = pdfium.PdfDocument(pdf)
    try:
        return [_render_page(document[i], width) for i in range(len(document))]
    finally:
        document.close()


def _render_page(page: object, width: int) -> tuple[bytes, int, int]:
    scale = width / page.get_width()  # type: ignore[attr-defined]
    image = page.render(scale=scale).to_pil().convert("RGB")  # type: ignore[attr-defined]
    # 64 colours keep a page of text and one accent colour crisp at a third of the size.
    image = image.quantize(colors=64, dither=0)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue(), image.width, image.height
