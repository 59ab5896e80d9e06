"""Draw laid-out parts into PDF bytes; the only package that imports ReportLab."""

from .content import drawing_session
from .document import DocumentInfo, render_pdf

__all__ = ["DocumentInfo", "drawing_session", "render_pdf"]
