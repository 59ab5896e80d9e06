"""Shared by the import tests: run the import, load its draft, and make Word and PDF versions of a document."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

from appealkit import read_kit
from appealkit.cli import main
from appealkit.model import Kit

DOCUMENTS = Path(__file__).parent / "documents"
EXAMPLE = Path(__file__).resolve().parents[2] / "kit.yaml"  # the example kit of the repository
BEFORE = dt.date(2025, 7, 1)  # before every sample's deadline


def run_cli(*argv: str) -> tuple[int, str, str]:
    """Run the command line in-process; (status, stdout, stderr). (tests/conftest.py has the same,
    but `conftest` names another module when the whole suite runs.)"""
    out, err = io.StringIO(), io.StringIO()
    status = main(list(argv), stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


def import_to(tmp_path: Path, document: Path, *extra: str) -> tuple[int, str, str, Path]:
    """Run `appealkit import DOCUMENT --out tmp_path/kit.yaml`; (status, stdout, stderr, kit path)."""
    kit = tmp_path / "kit.yaml"
    status, out, err = run_cli("import", str(document), "--out", str(kit), *extra)
    return status, out, err, kit


def imported_kit(tmp_path: Path, document: Path) -> tuple[Kit, str, str]:
    """The draft of `document` loaded as a Kit (it must check), with the draft's text and the report."""
    status, out, err, path = import_to(tmp_path, document)
    assert status == 0, err
    kit, _ = read_kit(path, today=BEFORE)
    return kit, path.read_text(encoding="utf-8"), out


def uncomment_suggestions(draft: str) -> str:
    """The draft with its figures and timeline suggestions un-commented, as a person keeping all would."""
    lines, inside = [], False
    for line in draft.splitlines():
        if line in ("# figures:", "# timeline:"):
            inside = True
        elif inside and not line.startswith("#   "):
            inside = False
        lines.append(line[2:] if inside else line)
    return "\n".join(lines) + "\n"


def words(text: str) -> str:
    """Text with its whitespace collapsed, for comparing wrapped paragraphs."""
    return " ".join(text.split())


def shown(markup: str) -> str:
    """Markup as printed: link words without their address, no bold marks."""
    return words(re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markup).replace("**", ""))


def paragraphs_of(text: str) -> list[str]:
    return [words(p) for p in re.split(r"\n\s*\n", text) if p.strip()]


def blocks(document: Path) -> list[list[str]]:
    """A text document's blocks (runs of non-empty lines), each a list of its lines."""
    found: list[list[str]] = [[]]
    for line in document.read_text(encoding="utf-8").splitlines():
        if line.strip():
            found[-1].append(line.strip())
        elif found[-1]:
            found.append([])
    return [b for b in found if b]


def make_docx(document: Path, out: Path) -> Path:
    """A Word version of a text document: each block one paragraph, its lines kept by line breaks
    (Shift+Enter), as an address block is typed in Word."""
    import docx

    word = docx.Document()
    for block in blocks(document):
        paragraph = word.add_paragraph()
        for i, line in enumerate(block):
            run = paragraph.add_run(line)
            if i < len(block) - 1:
                run.add_break()
    word.save(str(out))
    return out


def make_pdf(document: Path, out: Path) -> Path:
    """A PDF version of a text document with a text layer: paragraphs wrapped to the page width,
    a gap between blocks, pages breaking where they fill, as a word processor prints it."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(out), pagesize=A4, invariant=1)
    width, height = A4
    y = height - 60
    for block in blocks(document):
        lines = [part for line in block for part in simpleSplit(line, "Helvetica", 10, width - 120)]
        for line in lines:
            if y < 60:
                canvas.showPage()
                y = height - 60
            canvas.setFont("Helvetica", 10)
            canvas.drawString(60, y, line)
            y -= 13
        y -= 13  # the gap between paragraphs
    canvas.save()
    return out
