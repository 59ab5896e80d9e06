"""`appealkit build --pdfa` (issue 13 §2): every file a build writes is PDF/A-2u, as far as the
structure can be checked without a validator (README, "Archiving with PDF/A", lists which
requirements these tests cover and which they cannot)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from conftest import EXAMPLE, ROOT, TODAY, run_cli

sys.path.insert(0, str(Path(__file__).parent / "draw"))
from pdfobjects import PdfObject, font_resources, page_contents, read_objects, shown_codes
from pdfutil import to_unicode

import appealkit

NS = {"rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
      "pdfaid": "http://www.aiim.org/pdfa/ns/id/", "dc": "http://purl.org/dc/elements/1.1/",
      "xmp": "http://ns.adobe.com/xap/1.0/", "pdf": "http://ns.adobe.com/pdf/1.3/"}
ICC = ROOT / "src" / "appealkit" / "data" / "sRGB-v2.icc"
SIGNERS = "name,address,languages\nJane Smith,1 High Street / Leeds,en\nAli Khan,5 Mall Road / Lahore,ur\n"


@cache
def _built() -> dict[str, bytes]:
    """Every file `appealkit build --pdfa --signers` writes, name → bytes."""
    tmp = Path(tempfile.mkdtemp(prefix="pdfa-"))
    (tmp / "signers.csv").write_text(SIGNERS, encoding="utf-8")
    status, _, err = run_cli("build", str(EXAMPLE), "--out", str(tmp / "out"), "--today", TODAY,
                             "--pdfa", "--signers", str(tmp / "signers.csv"))
    assert status == 0, err
    return {p.name: p.read_bytes() for p in sorted((tmp / "out").glob("*.pdf"))}


def test_every_file_is_built() -> None:
    assert {"pack.pdf", "letter-ur.pdf", "signed-letters.pdf"} <= set(_built())


@pytest.mark.parametrize("name", ["pack.pdf", "letter-ur.pdf", "fact-sheet.pdf", "handouts.pdf",
                                  "signed-letters.pdf"])
def test_file_structure(name: str) -> None:
    """Header with a binary comment, an /ID of two strings, nothing encrypted (6.1.2, 6.1.3)."""
    pdf = _built()[name]
    assert re.match(rb"%PDF-1\.[4-7]\r?\n%[\x80-\xff]{4}", pdf), pdf[:20]
    # the trailer, or the cross-reference stream's dictionary that holds it (signed letters)
    trailer = pdf[int(re.findall(rb"startxref\s+(\d+)", pdf)[-1]):]
    trailer = trailer[trailer.find(b"trailer"):] if b"trailer" in trailer else \
        trailer[:trailer.index(b"stream")]
    assert re.search(rb"/ID\s*\[\s*<[0-9a-fA-F]{32}>\s*<[0-9a-fA-F]{32}>\s*\]", trailer)
    assert b"/Encrypt" not in trailer
    assert pdf.rstrip(b"\r\n").endswith(b"%%EOF")


@pytest.mark.parametrize("name", ["pack.pdf", "letter-ur.pdf", "labels.pdf", "signed-letters.pdf"])
def test_xmp_claims_pdfa_2u_and_matches_the_info_dictionary(name: str) -> None:
    """XMP metadata, unfiltered, with pdfaid part 2 and conformance U, and title, author,
    subject, keywords, tools, dates and language equal to the document's own (6.6)."""
    pdf = _built()[name]
    objects = read_objects(pdf)
    catalog = _catalog(objects)
    metadata = objects[catalog.ref("Metadata")]
    assert metadata.name("Type") == "Metadata" and metadata.name("Subtype") == "XML"
    assert not metadata.has("Filter")
    xmp = ET.fromstring(re.sub(rb"<\?xpacket[^>]*\?>", b"", metadata.data))
    assert _one(xmp, "pdfaid:part") == "2"
    assert _one(xmp, "pdfaid:conformance") == "U"
    doc = pdfium.PdfDocument(pdf)
    try:
        info = doc.get_metadata_dict()
    finally:
        doc.close()
    assert _one(xmp, "dc:title/rdf:Alt/rdf:li") == info["Title"]
    assert _one(xmp, "dc:creator/rdf:Seq/rdf:li") == info["Author"]
    assert _one(xmp, "dc:description/rdf:Alt/rdf:li") == info["Subject"]
    assert _one(xmp, "pdf:Keywords") == info["Keywords"]
    assert _one(xmp, "pdf:Producer") == info["Producer"]
    assert _one(xmp, "xmp:CreatorTool") == info["Creator"]
    lang = re.search(rb"/Lang \((\w+(?:-\w+)*)\)", catalog.head).group(1).decode()
    assert _one(xmp, "dc:language/rdf:Bag/rdf:li") == lang
    for key, prop in (("CreationDate", "xmp:CreateDate"), ("ModDate", "xmp:ModifyDate")):
        if info.get(key):
            assert _xmp_date(info[key]) == _one(xmp, prop), key
        else:
            assert xmp.find(f".//{prop}", NS) is None


@pytest.mark.parametrize("name", ["pack.pdf", "tally.pdf", "signed-letters.pdf"])
def test_srgb_output_intent(name: str) -> None:
    """One output intent, GTS_PDFA1, with the shipped sRGB profile, ICC version 2 (6.2.3)."""
    objects = read_objects(_built()[name])
    catalog = _catalog(objects).head
    assert re.search(rb"/OutputIntents\s*\[", catalog)
    assert len(re.findall(rb"/Type /OutputIntent\b", catalog)) == 1
    assert re.search(rb"/S /GTS_PDFA1", catalog)
    profile = objects[int(re.search(rb"/DestOutputProfile (\d+) 0 R", catalog).group(1))]
    assert re.search(rb"/N 3\b", profile.head)
    assert profile.data == ICC.read_bytes()


def test_shipped_profile_is_srgb_version_2_and_remade_the_same() -> None:
    data = ICC.read_bytes()
    assert data[8] == 2 and data[12:20] == b"mntrRGB " and data[36:40] == b"acsp"
    sys.path.insert(0, str(ROOT / "tools"))
    import make_srgb_icc

    assert make_srgb_icc.profile() == data


@pytest.mark.parametrize("name", ["pack.pdf", "letter-ur.pdf", "signed-letters.pdf"])
def test_fonts_embedded_with_unicode_for_every_code(name: str) -> None:
    """Every font embedded (6.2.11.4); every code shown maps to Unicode text, none to U+0000,
    U+FEFF or U+FFFE (level U, 6.2.11.7)."""
    objects = read_objects(_built()[name])
    shown: dict[str, set[int]] = {}
    for content in [*page_contents(objects), *_form_contents(objects)]:
        for resource, codes in shown_codes(content):
            shown.setdefault(resource, set()).update(codes)
    fonts = font_resources(objects)
    assert fonts and set(shown) <= set(fonts)
    for resource, type0 in fonts.items():
        descendant = objects[int(re.search(rb"/DescendantFonts\s*\[\s*(\d+) 0 R", type0.head).group(1))]
        descriptor = objects[descendant.ref("FontDescriptor")]
        assert descriptor.ref("FontFile2") is not None, resource
        mapped = to_unicode(objects[type0.ref("ToUnicode")].data)
        for code in shown.get(resource, ()):
            text = mapped.get(code)
            assert text and not set(text) & {"\0", "\ufeff", "\ufffe"}, (resource, code)


@pytest.mark.parametrize("name", ["pack.pdf", "poster.pdf", "handouts.pdf", "signed-letters.pdf"])
def test_no_transparency_and_printable_links(name: str) -> None:
    """No soft masks, constant alpha or blend modes (6.2.10: none needed); every link
    annotation has the Print flag and no hidden flags (6.3.2)."""
    pdf = _built()[name]
    objects = read_objects(pdf)
    heads = b"".join(o.head for o in objects.values())
    assert not re.search(rb"/SMask|/CA\s+0|/ca\s+0|/BM\b|/S /Transparency", heads)
    # colours are RGB or grey, as the sRGB output intent allows: no DeviceCMYK (6.2.4.3)
    for content in [*page_contents(objects), *_form_contents(objects)]:
        assert not re.search(rb"(^|\s)(k|K)\s", content), name
    links = [o for o in objects.values() if re.search(rb"/Subtype\s*/Link", o.head)]
    links += [PdfObject(0, m, None) for m in re.findall(rb"<< /Type /Annot /Subtype /Link.*?>> >>",
                                                         heads)]
    for link in links:
        assert re.search(rb"/F 4\b", link.head), link.head
    if name != "pack.pdf":
        return
    assert links, "the example pack has a link to check"


def test_builds_are_the_same_bytes() -> None:
    first = appealkit.render_kit(EXAMPLE, today=_today(), pdfa=True).files
    second = appealkit.render_kit(EXAMPLE, today=_today(), pdfa=True).files
    assert first == second


def test_without_pdfa_nothing_changes() -> None:
    plain = appealkit.render_kit(EXAMPLE, today=_today(), parts=["pack"]).files["letter-en.pdf"]
    # every PDF has XMP metadata (tagged PDF, see test_tagged.py), only PDF/A claims PDF/A
    assert b"<pdfaid:part>" not in plain and b"/OutputIntents" not in plain


@pytest.mark.skipif(shutil.which("qpdf") is None, reason="qpdf not installed")
def test_qpdf_finds_no_errors() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for name, pdf in _built().items():
            path = Path(tmp) / name
            path.write_bytes(pdf)
            result = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True,
                                    check=False)
            assert result.returncode == 0 and "No syntax or stream encoding errors" in result.stdout, (
                name, result.stdout, result.stderr)


def _today():
    import datetime as dt

    return dt.date.fromisoformat(TODAY)


def _catalog(objects: dict[int, PdfObject]) -> PdfObject:
    return next(o for o in objects.values() if re.search(rb"/Type\s*/Catalog", o.head))


def _one(xmp: ET.Element, path: str) -> str:
    found = xmp.find(f".//rdf:Description/{path}", NS)
    assert found is not None, path
    return found.text or ""


def _xmp_date(pdf_date: str) -> str:
    """D:YYYYMMDDHHmmSS+HH'mm' as XMP writes it."""
    m = re.match(r"D:(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)([+-])(\d\d)'(\d\d)'?", pdf_date)
    assert m, pdf_date
    y, mo, d, h, mi, s, sign, oh, om = m.groups()
    return f"{y}-{mo}-{d}T{h}:{mi}:{s}{sign}{oh}:{om}"


def _form_contents(objects: dict[int, PdfObject]) -> list[bytes]:
    return [o.data for o in objects.values() if o.raw is not None
            and re.search(rb"/Subtype\s*/Form", o.head)]
