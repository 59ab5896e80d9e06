"""signed-letters.pdf as a PDF: each letter page drawn once as a content stream that every
signer's page shows, fonts embedded once, valid, reproducible, on A4 and US Letter."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import EXAMPLE, TODAY
from pdfobjects import PdfObject, content_streams, read_objects
from pdfutil import normalise, page_texts

from appealkit import read_kit
from appealkit.build import _document_info
from appealkit.layout import PAPERS
from appealkit.signed_letters import build_signed_letters, read_signer_list

NAMES = ["Jane Smith", "Amélie Dubois", "Ирина Петрова", "Νίκος Παπαδόπουλος", "Priya Sharma",
         "Ali Khan"]


def _signed(tmp_path: Path, paper: str, count: int = 6) -> bytes:
    """signed-letters.pdf for `count` signers sending both letters."""
    lines = ["name,address"] + [f"{NAMES[i % len(NAMES)]} {i + 1},{i + 1} Station Road / Leeds"
                                for i in range(count)]
    signers = tmp_path / "signers.csv"
    signers.write_text("\n".join(lines) + "\n", encoding="utf-8")
    today = dt.date.fromisoformat(TODAY)
    kit, _ = read_kit(EXAMPLE, today=today)
    spool = build_signed_letters(kit, read_signer_list(signers, kit), PAPERS[paper], today,
                                 _document_info(kit))
    with spool:
        spool.seek(0)
        return spool.read()


@pytest.fixture(scope="module", params=["a4", "letter"])
def signed(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
           ) -> tuple[str, Path]:
    tmp = tmp_path_factory.mktemp(f"signed-{request.param}")
    path = tmp / "signed-letters.pdf"
    path.write_bytes(_signed(tmp, request.param))
    return request.param, path


def _pages(pdf: bytes) -> list[bytes]:
    return [obj.head for obj in read_objects(pdf).values() if re.search(rb"/Type /Page\b", obj.head)]


def _shared(objects: dict[int, PdfObject], letter: bool = True) -> list[int]:
    """The content streams more than one page lists, in order of first use: those drawing a
    letter page (the others draw a few lines: the usual date)."""
    counts: dict[int, int] = {}
    for obj in objects.values():
        if re.search(rb"/Type /Page\b", obj.head):
            for number in content_streams(obj):
                counts[number] = counts.get(number, 0) + 1
    return [number for number, count in counts.items()
            if count > 1 and (objects[number].data.count(b" TJ") > 8) == letter]


def test_letter_body_drawn_once_as_a_shared_stream(signed: tuple[str, Path]) -> None:
    _, path = signed
    objects = read_objects(path.read_bytes())
    shared = _shared(objects)
    assert len(shared) == 3  # the English letter's page and the Urdu letter's two
    body = objects[shared[0]].data
    assert body.count(b" TJ") > 30  # the English letter's lines
    # A line of the body is drawn in one stream of the whole file: the shared one
    line = max(body.split(b"\n"), key=len)
    streams = [o for o in objects.values() if o.raw is not None]
    assert [o.number for o in streams if line in o.data] == [shared[0]]
    pages = [o for o in objects.values() if re.search(rb"/Type /Page\b", o.head)]
    assert len(pages) == 6 * len(shared)
    for page in pages:
        numbers = content_streams(page)
        own = [number for number in numbers if number not in shared]
        assert len(numbers) - len(own) == 1 and len(own) <= 2
        # the signer's few lines only, before and after the letter (sender and date first)
        assert sum(objects[number].data.count(b" TJ") for number in own) <= 8
    # The letter's usual date, the same on each signer's first page, is drawn once too
    dates = _shared(objects, letter=False)
    assert len(dates) == 2 and all(b"BDC" in objects[n].data for n in dates)
    assert {content_streams(page)[0] for page in pages[0::3]} == {dates[0]}  # English
    assert {content_streams(page)[0] for page in pages[1::3]} == {dates[1]}  # Urdu
    # drawn in a state of its own, as a form would be
    assert all(re.fullmatch(rb"q\n.*\nQ", objects[n].data, re.S) for n in shared)


def test_each_page_extracts_its_signer_and_the_letter(signed: tuple[str, Path]) -> None:
    _, path = signed
    texts = [normalise(t) for t in page_texts(path)]
    per_signer = len(texts) // 6
    for number, text in enumerate(texts):
        signer = number // per_signer
        names = [f"{name} {i + 1}" for i, name in enumerate(NAMES)]
        on_page = [name for name in names if name in text]
        # The name goes on the name line, on the page with the signature
        assert on_page == ([names[signer]] if "Name" in text or "نام" in text else [])
    assert "I am writing to express my urgent concern" in texts[0]
    assert "Station Road, Leeds" in texts[0]
    assert "والسلام" in texts[per_signer - 1]  # the Urdu letter's closing, on its last page


def test_fonts_embedded_once(signed: tuple[str, Path]) -> None:
    objects = read_objects(signed[1].read_bytes())
    type0 = [o for o in objects.values() if b"/Subtype /Type0" in o.head]
    names = [re.search(rb"/BaseFont /(\S+)", o.head).group(1).split(b"+")[1] for o in type0]
    assert len(names) == len(set(names)) and b"NotoSerif-Regular" in names
    descriptors = [o for o in objects.values() if b"/Type /FontDescriptor" in o.head]
    assert len(descriptors) == len(type0)
    assert all(b"/FontFile2" in o.head for o in descriptors)


def test_media_box_is_the_paper(signed: tuple[str, Path]) -> None:
    paper, path = signed
    width = {"a4": b"595.2756", "letter": b"612"}[paper]
    assert all(b"/MediaBox [0 0 " + width + b" " in head for head in _pages(path.read_bytes()))


def test_qpdf_finds_no_error(signed: tuple[str, Path]) -> None:
    if not shutil.which("qpdf"):
        pytest.skip("qpdf (Debian package qpdf) is not installed")
    result = subprocess.run(["qpdf", "--check", str(signed[1])], capture_output=True, text=True, check=False,
                            timeout=20)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No syntax or stream encoding errors found" in result.stdout


def test_same_input_same_bytes(tmp_path: Path, signed: tuple[str, Path]) -> None:
    paper, path = signed
    assert _signed(tmp_path, paper) == path.read_bytes()


def test_more_signers_add_pages_not_shared_streams(tmp_path: Path) -> None:
    small, large = _signed(tmp_path, "a4", 2), _signed(tmp_path, "a4", 40)
    assert len(_pages(large)) == 120
    assert [len(_shared(read_objects(pdf))) for pdf in (small, large)] == [3, 3]
    # Pages cost their own lines only: 38 more signers add 114 small pages
    assert (len(large) - len(small)) / 114 < 1500
