"""Read built PDFs back as a user's tools would: text per page, renders, fonts, outline."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pypdfium2 as pdfium


def page_texts(path: Path) -> list[str]:
    pdf = pdfium.PdfDocument(str(path))
    try:
        return [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    finally:
        pdf.close()


_BIDI_CONTROLS = re.compile("[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")


def normalise(text: str) -> str:
    """Whitespace collapsed, invisible direction marks dropped (extractors add them to RTL text)."""
    return re.sub(r"\s+", " ", _BIDI_CONTROLS.sub("", text.replace("\r", " "))).strip()


def page_count(path: Path) -> int:
    pdf = pdfium.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


def render(path: Path, page: int = 0, dpi: int = 150):  # -> PIL.Image.Image
    pdf = pdfium.PdfDocument(str(path))
    try:
        return pdf[page].render(scale=dpi / 72).to_pil()
    finally:
        pdf.close()


def char_boxes(path: Path, needle: str, page: int = 0) -> list[tuple[float, float, float, float]]:
    """Boxes (left, bottom, right, top in PDF points) of each character of `needle` on the page."""
    pdf = pdfium.PdfDocument(str(path))
    try:
        textpage = pdf[page].get_textpage()
        text = textpage.get_text_range()
        start = normalise_index(text, needle)
        return [textpage.get_charbox(i) for i in range(start, start + len(needle))]
    finally:
        pdf.close()


def normalise_index(text: str, needle: str) -> int:
    index = text.find(needle)
    if index < 0:
        raise AssertionError(f"{needle!r} not found in page text")
    return index


def fonts(path: Path) -> list[dict[str, str]]:
    """pdffonts' table: name, type, embedded, subset, unicode, per font."""
    if not shutil.which("pdffonts"):
        import pytest

        pytest.skip("pdffonts (Debian package poppler-utils) is not installed")
    lines = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]
    rows = []
    for line in lines:
        parts = line.split()
        # name type... encoding emb sub uni object ID: read the yes/no flags from the right
        rows.append({"name": parts[0], "emb": parts[-5], "sub": parts[-4], "uni": parts[-3],
                     "line": line})
    return rows


def pdftotext(pdf: bytes) -> list[str]:
    """Text per page as poppler's pdftotext gives it."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "in.pdf"
        path.write_bytes(pdf)
        out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"],
                             capture_output=True, check=True).stdout.decode()
    return out.split("\f")[:-1]


def pdfium_text(pdf: bytes) -> list[str]:
    """Text per page as PDFium (pypdfium2) gives it."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    try:
        return [doc[i].get_textpage().get_text_range() for i in range(len(doc))]
    finally:
        doc.close()


def cer(got: str, want: str) -> float:
    """Character error rate: Levenshtein distance over the length of `want`."""
    return levenshtein(got, want) / max(1, len(want))


def levenshtein(a: str, b: str) -> int:
    """Edit distance by Myers' bit-parallel algorithm (Python ints as bit vectors): fast enough
    for whole pages where the plain dynamic programme takes seconds."""
    if not b:
        return len(a)
    masks: dict[str, int] = {}
    for i, ch in enumerate(b):
        masks[ch] = masks.get(ch, 0) | (1 << i)
    full, top = (1 << len(b)) - 1, 1 << (len(b) - 1)
    plus, minus, dist = full, 0, len(b)
    for ch in a:
        eq = masks.get(ch, 0)
        xv = eq | minus
        xh = (((eq & plus) + plus) ^ plus) | eq
        hp = minus | ~(xh | plus) & full
        hm = plus & xh
        dist += (hp & top != 0) - (hm & top != 0)
        hp, hm = (hp << 1 | 1) & full, (hm << 1) & full
        plus, minus = hm | ~(xv | hp) & full, hp & xv
    return dist


def has_urdu_ocr() -> bool:
    """Tesseract with its Urdu model is installed (.ci/run installs both)."""
    if shutil.which("tesseract") is None:
        return False
    langs = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True).stdout
    return "urd" in langs.split()


def ocr_urdu(image) -> str:  # image: PIL.Image.Image
    """What Tesseract's Urdu model reads in the image, one block of text (page mode 6)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "page.png"
        image.save(path)
        return subprocess.run(["tesseract", str(path), "stdout", "-l", "urd", "--psm", "6"],
                              capture_output=True, text=True, check=True).stdout


def text_lines(path: Path, page: int = 0) -> list[tuple[float, float, str]]:
    """(baseline from the page's top, font size, text) of each line of text on a page, top down.

    Characters share a line when their origins (PDFium's FPDFText_GetCharOrigin, on the
    baseline whatever their ink) share a y to a hundredth of a point.
    """
    import ctypes

    from pypdfium2 import raw

    pdf = pdfium.PdfDocument(str(path))
    try:
        textpage = pdf[page].get_textpage()
        height = pdf[page].get_height()
        text = textpage.get_text_range()
        rows: dict[float, tuple[float, list[str]]] = {}
        x, y = ctypes.c_double(), ctypes.c_double()
        for i in range(textpage.count_chars()):
            if text[i : i + 1] in ("\r", "\n") or not raw.FPDFText_GetCharOrigin(
                    textpage.raw, i, ctypes.byref(x), ctypes.byref(y)):
                continue  # line ends PDFium adds
            size = raw.FPDFText_GetFontSize(textpage.raw, i)
            row = rows.setdefault(round(height - y.value, 2), (size, []))
            row[1].append(text[i] if i < len(text) else "")
        return [(top, size, "".join(chars)) for top, (size, chars) in sorted(rows.items())]
    finally:
        pdf.close()


def to_unicode(cmap: bytes) -> dict[int, str]:
    """code → text of a ToUnicode CMap (bfchar and bfrange entries)."""
    out: dict[int, str] = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", cmap, re.DOTALL):
        for code, text in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>", block):
            out[int(code, 16)] = bytes.fromhex(text.decode()).decode("utf-16-be")
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", cmap, re.DOTALL):
        for first, last, start in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>",
                                             block):
            base = int(start, 16)
            for offset, code in enumerate(range(int(first, 16), int(last, 16) + 1)):
                out[code] = chr(base + offset)
    return out
