"""Render the example's event materials to the small PNGs the README's "Event materials" shows.

Run by hand from the repository root after a visible change:  python docs/render_event_pages.py
The solidarity cards come from the example with its commented `solidarity:` section switched on.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pypdfium2 as pdfium

ROOT = Path(__file__).resolve().parents[1]
PAGES = {"handouts": ("handouts.pdf", 0), "handouts-back": ("handouts.pdf", 1),
         "poster": ("poster.pdf", 0), "envelope": ("envelopes.pdf", 0),
         "labels": ("labels.pdf", 0), "tally": ("tally.pdf", 0),
         "solidarity": ("solidarity.pdf", 0)}
DPI = 40


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        kit = Path(tmp) / "kit.yaml"
        text = (ROOT / "kit.yaml").read_text(encoding="utf-8")
        # Switch the commented solidarity example on: "# solidarity:" and the lines under it.
        kit.write_text(re.sub(r"^# (solidarity:|  \S.*)$", r"\1", text, flags=re.M),
                       encoding="utf-8")
        subprocess.run([sys.executable, "-m", "appealkit", "build", str(kit), "--out",
                        str(Path(tmp) / "out"), "--today", "2025-07-01", "--parts",
                        "handouts,poster,envelopes,labels,tally,solidarity"],
                       check=True, stdout=subprocess.DEVNULL)
        for name, (pdf_name, page) in PAGES.items():
            pdf = pdfium.PdfDocument(str(Path(tmp) / "out" / pdf_name))
            image = pdf[page].render(scale=DPI / 72).to_pil()
            image.save(ROOT / "docs" / f"{name}.png", optimize=True)
            pdf.close()
            print(ROOT / "docs" / f"{name}.png")


if __name__ == "__main__":
    main()
