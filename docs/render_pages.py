"""Render the example pack's pages to the PNGs the README shows.

Run by hand from the repository root after a visible change:  python docs/render_pages.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import pypdfium2 as pdfium

ROOT = Path(__file__).resolve().parents[1]
PAGES = {"fact-sheet": "fact-sheet.pdf", "background": "background.pdf",
         "letter-en": "letter-en.pdf", "letter-ur": "letter-ur.pdf"}
DPI = 80


def main() -> None:
    with tempfile.TemporaryDirectory() as out:
        subprocess.run([sys.executable, "-m", "appealkit", "build", str(ROOT / "kit.yaml"),
                        "--out", out, "--today", "2025-07-01"], check=True,
                       stdout=subprocess.DEVNULL)
        for name, pdf_name in PAGES.items():
            pdf = pdfium.PdfDocument(str(Path(out) / pdf_name))
            image = pdf[0].render(scale=DPI / 72).to_pil()
            image.save(ROOT / "docs" / f"{name}.png", optimize=True)
            pdf.close()
            print(ROOT / "docs" / f"{name}.png")


if __name__ == "__main__":
    main()
