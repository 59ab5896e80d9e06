"""Read an Urgent Action document (.txt, .md, .docx, .pdf) into numbered lines of plain text.

Every reader gives the same shape: one `Line` per line of text, with an empty line between
paragraphs, and `where` saying how a person finds the line again in the original
("12" for line 12 of a text file, "paragraph 12", "page 2, line 14").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

__all__ = ["READERS", "Line", "UnreadableDocument", "read_lines"]

# Characters kit.yaml refuses (controls other than tab and newline) and the soft hyphen.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad]")
_EXTRA = "pip install 'appealkit[import]'"
_SENTENCE_END = (".", "!", "?", ":", ",")


@dataclass(frozen=True)
class Line:
    """One line of a document: its text and where it is (`"12"`, `"paragraph 12"`)."""

    text: str
    where: str

    @property
    def blank(self) -> bool:
        return not self.text.strip()


class UnreadableDocument(Exception):
    """The file cannot be read as an Urgent Action; str() is one line saying why and what to do."""


def read_lines(path: Path) -> list[Line]:
    """The lines of the document at `path`, chosen by its file name's ending.

    Raises UnreadableDocument for a missing file, an unknown kind of file, a missing optional
    library, or a file with no text in it.
    """
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        kinds = ", ".join(sorted(READERS))
        raise UnreadableDocument(
            f"cannot read '{path.suffix or path.name}' files; save the document as one of {kinds}")
    if not path.is_file():
        raise UnreadableDocument("no such file")
    lines = [Line(_clean(line.text), line.where) for line in reader(path)]
    if all(line.blank for line in lines):
        raise UnreadableDocument("the document has no text in it")
    return lines


def _one_line(error: Exception) -> str:
    return " ".join(str(error).split()) or type(error).__name__


def _clean(text: str) -> str:
    return _CONTROL.sub("", text.replace("\t", " ").replace("\u00a0", " ")).rstrip()


def read_text(path: Path) -> list[Line]:
    """Plain text or Markdown in UTF-8 (with or without a byte-order mark) or UTF-16 with one."""
    data = path.read_bytes()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16")
    else:
        if b"\x00" in data:
            raise UnreadableDocument("this is not a text file, although its name ends in "
                                     f"'{path.suffix}'")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line = data.count(b"\n", 0, error.start) + 1
            raise UnreadableDocument(f"line {line} is not UTF-8 text; save the file as UTF-8 "
                                     "(in Notepad or Word: Save as, Encoding UTF-8)") from None
    return [Line(text, str(i)) for i, text in enumerate(text.splitlines(), start=1)]


def read_docx(path: Path) -> list[Line]:
    """A Word document: each paragraph (table cells included), its line breaks kept, bold as
    `**bold**` and hyperlinks as `[text](address)`; an empty line after each paragraph."""
    try:
        import docx  # python-docx, from the optional 'import' extra
    except ImportError:
        raise UnreadableDocument(f"reading Word documents needs python-docx: {_EXTRA}") from None
    try:
        document = docx.Document(str(path))
    except Exception as error:  # noqa: BLE001 - python-docx raises several kinds for a damaged file
        raise UnreadableDocument(
            f"this is not a Word document that can be read ({_one_line(error)})") from None
    lines: list[Line] = []
    for number, paragraph in enumerate(_docx_paragraphs(document), start=1):
        for text in _docx_text(paragraph).split("\n"):
            lines.append(Line(text, f"paragraph {number}"))
        lines.append(Line("", f"paragraph {number}"))
    return lines


def _docx_paragraphs(document: object) -> list[object]:
    """Body paragraphs in order, with the paragraphs of table cells where the table stands."""
    from docx.table import Table

    found: list[object] = []
    for item in document.iter_inner_content():  # type: ignore[attr-defined]
        if isinstance(item, Table):
            for row in item.rows:
                for cell in row.cells:
                    found += cell.paragraphs
        else:
            found.append(item)
    return found


def _docx_text(paragraph: object) -> str:
    """A paragraph's text with bold runs as `**…**` and hyperlinks as `[text](address)`."""
    from docx.text.hyperlink import Hyperlink

    pieces: list[tuple[str, bool]] = []  # (text, bold)
    for item in paragraph.iter_inner_content():  # type: ignore[attr-defined]
        if isinstance(item, Hyperlink):
            address = item.url
            pieces.append((f"[{item.text}]({address})" if address else item.text, False))
        else:
            pieces.append((item.text, bool(item.bold)))
    return "".join(_bold(text) if bold else text for text, bold in _merge_runs(pieces))


def _merge_runs(pieces: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    # Word splits text into runs at every edit; bold spans are what matters.
    merged: list[tuple[str, bool]] = []
    for text, bold in pieces:
        if merged and merged[-1][1] == bold:
            merged[-1] = (merged[-1][0] + text, bold)
        else:
            merged.append((text, bold))
    return merged


def _bold(text: str) -> str:
    core = text.strip()
    if not core or "\n" in core:
        return text  # a bold line break or a bold address block stays plain
    start = text.index(core)
    return f"{text[:start]}**{core}**{text[start + len(core):]}"


def read_pdf(path: Path) -> list[Line]:
    """A PDF's text layer, line by line; a wider gap than the usual line spacing starts a paragraph."""
    try:
        import pypdfium2  # type: ignore[import-untyped,unused-ignore]  # the optional import extra
    except ImportError:
        raise UnreadableDocument(f"reading PDF files needs pypdfium2: {_EXTRA}") from None
    try:
        pdf = pypdfium2.PdfDocument(str(path))
    except Exception as error:  # noqa: BLE001 - pypdfium2.PdfiumError, OSError and more
        raise UnreadableDocument(
            f"this is not a PDF that can be read ({_one_line(error)})") from None
    lines: list[Line] = []
    try:
        for number in range(len(pdf)):
            page_lines = _page_lines(pdf[number], number + 1)
            # A page ending mid-sentence runs on: its paragraph goes on over the page.
            if lines and page_lines and lines[-1].text.endswith(_SENTENCE_END):
                lines.append(Line("", f"page {number + 1}, line 1"))
            lines += page_lines
    finally:
        pdf.close()
    if not any(line.text.strip() for line in lines):
        raise UnreadableDocument("the PDF has no text layer (is it a scan?); use the Word or text "
                                 "version of the Urgent Action")
    return lines


def _page_lines(page: object, page_number: int) -> list[Line]:
    """One page's text lines, top to bottom, with an empty line where a paragraph gap is."""
    rows = _text_rows(page)
    if not rows:
        return []
    steps = [above[0] - below[0] for above, below in pairwise(rows)]
    # The usual line spacing is the small one: a page of short paragraphs has more gaps than lines.
    usual = sorted(steps)[len(steps) // 10] if steps else 0.0
    lines: list[Line] = []
    for i, (_, text) in enumerate(rows):
        if i and usual and steps[i - 1] > 1.4 * usual:
            lines.append(Line("", f"page {page_number}, line {i + 1}"))
        lines.append(Line(text, f"page {page_number}, line {i + 1}"))
    return lines


def _text_rows(page: object) -> list[tuple[float, str]]:
    """(baseline height, text) of each row of text on a page, top first.

    PDFium gives text in rectangles (a line, or a piece of one where the font changes);
    pieces whose vertical middles are close form one row, read left to right.
    """
    textpage = page.get_textpage()  # type: ignore[attr-defined]
    try:
        pieces = []
        for i in range(textpage.count_rects()):
            left, bottom, right, top = textpage.get_rect(i)
            text = textpage.get_text_bounded(left, bottom, right, top)
            if text.strip():
                pieces.append(((top + bottom) / 2, top - bottom, left, right, text))
    finally:
        textpage.close()
    pieces.sort(key=lambda p: (-p[0], p[2]))
    rows: list[list[tuple[float, float, float, float, str]]] = []
    for piece in pieces:
        if rows and abs(rows[-1][0][0] - piece[0]) < 0.5 * max(piece[1], rows[-1][0][1]):
            rows[-1].append(piece)
        else:
            rows.append([piece])
    return [(row[0][0], _join_row(sorted(row, key=lambda p: p[2]))) for row in rows]


def _join_row(row: list[tuple[float, float, float, float, str]]) -> str:
    text = row[0][4]
    for before, piece in pairwise(row):
        gap = piece[2] - before[3]
        joiner = " " if gap > 0.15 * piece[1] and not text.endswith(" ") else ""
        text += joiner + piece[4]
    return " ".join(text.split())


READERS = {".txt": read_text, ".md": read_text, ".markdown": read_text, ".docx": read_docx,
           ".pdf": read_pdf}
