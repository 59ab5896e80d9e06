"""`appealkit site`: a static download page for an action, with its PDFs, previews and QR code."""

from .build import build_site, site_files
from .previews import MissingExtra

__all__ = ["MissingExtra", "build_site", "site_files"]
