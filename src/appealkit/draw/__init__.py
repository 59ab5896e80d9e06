"""Draw laid-out parts into PDF bytes; the only package that imports ReportLab."""

from .document import DocumentInfo, render_pdf

__all__ = ["DocumentInfo", "render_pdf"]
