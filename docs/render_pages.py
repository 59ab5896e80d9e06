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
# The example kit the README's "Examples" section shows, and a date before its deadline.
EXAMPLE_SHOWN, EXAMPLE_TODAY = "one-person", "2026-11-20"


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
    render_example()


def render_example() -> None:
    """The fact sheet of one kit under examples/, as docs/example-<name>.png."""
    with tempfile.TemporaryDirectory() as out:
        kit = ROOT / "examples" / EXAMPLE_SHOWN / "kit.yaml"
        subprocess.run([sys.executable, "-m", "appealkit", "build", str(kit), "--out", out,
                        "--parts", "pack", "--today", EXAMPLE_TODAY], check=True,
                       stdout=subprocess.DEVNULL)
        pdf = pdfium.PdfDocument(str(Path(out) / "fact-sheet.pdf"))
        path = ROOT / "docs" / f"example-{EXAMPLE_SHOWN}.png"
        pdf[0].render(scale=DPI / 72).to_pil().save(path, optimize=True)
        pdf.close()
        print(path)


if __name__ == "__main__":
    main()
