"""What `appealkit import` refuses, with exit 2 and one line saying why, writing nothing."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from ua_helpers import DOCUMENTS, import_to

EXAMPLE_UA = DOCUMENTS / "pakistan-refugees.txt"


def _refused(tmp_path: Path, document: Path) -> str:
    status, out, err, kit = import_to(tmp_path, document)
    assert status == 2
    assert out == ""
    assert not kit.exists()
    assert err.count("\n") == 1, err  # one line
    return err.strip()


def test_a_document_that_is_not_an_urgent_action(tmp_path: Path) -> None:
    assert _refused(tmp_path, DOCUMENTS / "not-a-ua.txt") == (
        f"{DOCUMENTS / 'not-a-ua.txt'}: this is not an Urgent Action: it has none of the headings "
        "of the layout (URGENT ACTION, TAKE ACTION, ADDITIONAL INFORMATION); nothing written")


def test_an_urgent_action_without_take_action(tmp_path: Path) -> None:
    text = EXAMPLE_UA.read_text(encoding="utf-8").replace("TAKE ACTION: WRITE", "WRITE")
    document = tmp_path / "ua.txt"
    document.write_text(text, encoding="utf-8")
    assert _refused(tmp_path, document).endswith(
        "ua.txt: this Urgent Action has no 'TAKE ACTION' section, which says who to write to; "
        "is the document complete?; nothing written")


@pytest.mark.parametrize(("name", "data", "reason"), [
    ("ua.odt", b"PK\x03\x04",
     "cannot read '.odt' files; save the document as one of .docx, .markdown, .md, .pdf, .txt"),
    ("ua.txt", b"", "the document has no text in it"),
    ("ua.txt", b"\x89PNG\r\n\x1a\n\x00\x00",
     "this is not a text file, although its name ends in '.txt'"),
    ("ua.txt", "URGENT ACTION\n\nCaf\u00e9".encode("latin-1"),
     "line 3 is not UTF-8 text; save the file as UTF-8"),
    ("ua.pdf", b"%PDF-1.4 broken", "this is not a PDF that can be read"),
    ("ua.docx", b"PK\x03\x04 broken", "this is not a Word document that can be read"),
])
def test_files_it_cannot_read(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    document = tmp_path / name
    document.write_bytes(data)
    assert f"{document}: {reason}" in _refused(tmp_path, document)


def test_a_missing_file(tmp_path: Path) -> None:
    assert _refused(tmp_path, tmp_path / "ua.txt").endswith("ua.txt: no such file; nothing written")


def test_a_scanned_pdf_has_no_text_layer(tmp_path: Path) -> None:
    from reportlab.pdfgen.canvas import Canvas

    document = tmp_path / "scan.pdf"
    canvas = Canvas(str(document), invariant=1)
    canvas.rect(50, 50, 300, 400, fill=1)  # a page with a picture and no text
    canvas.save()
    assert "the PDF has no text layer (is it a scan?)" in _refused(tmp_path, document)


@pytest.mark.parametrize(("suffix", "module", "library"), [("docx", "docx", "python-docx"),
                                                            ("pdf", "pypdfium2", "pypdfium2")])
def test_without_the_import_extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str,
                                  module: str, library: str) -> None:
    monkeypatch.setitem(sys.modules, module, None)  # as if not installed
    document = tmp_path / f"ua.{suffix}"
    document.write_bytes(b"anything")
    kind = "Word documents" if suffix == "docx" else "PDF files"
    assert _refused(tmp_path, document) == (
        f"{document}: reading {kind} needs {library}: pip install 'appealkit[import]'; "
        "nothing written")


def test_an_existing_kit_is_kept_unless_forced(tmp_path: Path) -> None:
    kit = tmp_path / "kit.yaml"
    kit.write_text("mine\n", encoding="utf-8")
    status, out, err, _ = import_to(tmp_path, EXAMPLE_UA)
    assert (status, out) == (2, "")
    assert err == f"appealkit: {kit} exists; nothing written (add --force to replace it)\n"
    assert kit.read_text(encoding="utf-8") == "mine\n"
    status, out, err, _ = import_to(tmp_path, EXAMPLE_UA, "--force")
    assert status == 0, err
    assert kit.read_text(encoding="utf-8").startswith("# yaml-language-server")
