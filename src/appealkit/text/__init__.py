"""Text engine: Unicode text, fonts and a width in, lines of positioned glyphs out.

Knows nothing of kits, pages or ReportLab.
"""
