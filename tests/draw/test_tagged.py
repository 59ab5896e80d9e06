"""Every PDF a build writes is tagged: a structure tree in reading order over marked content,
decoration as artifacts, figures with alternative text, languages, links with annotations."""

from __future__ import annotations

import ctypes
import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as raw
import pytest
from conftest import variant
from pdfobjects import page_contents
from tagged_pdf import Structure, marked_content, text_string

import appealkit

needs_pdfinfo = pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="poppler-utils")


def struct_text(path: Path) -> str:
    """poppler's reading of the structure tree: element types and their content's text."""
    return subprocess.run(["pdfinfo", "-struct-text", str(path)], capture_output=True,
                          text=True, check=True).stdout


def squeeze(text: str) -> str:
    """Text without white space: poppler joins a paragraph's lines without one."""
    return re.sub(r"\s+", "", text)


@needs_pdfinfo
def test_fact_sheet_reads_headline_then_summary(pack: dict[str, Any],
                                                example_data: dict[str, Any]) -> None:
    text = struct_text(pack["files"]["fact-sheet.pdf"])
    lines = text.splitlines()
    h1 = lines.index(next(line for line in lines if line.strip() == "H1 (block)"))
    assert lines[h1 + 1].strip() == f'"{example_data["headline"].upper()}"'
    summary = example_data["summary"].split()[:6]
    assert squeeze(text).index(squeeze(example_data["headline"].upper())) < \
        squeeze(text).index(squeeze(" ".join(summary)))
    # headings, lists of figures and timeline, the steps
    assert text.count("H2 (block)") >= 3
    assert text.count("L (block)") >= 3 and "Lbl (block)" in text and "LBody (block)" in text


@needs_pdfinfo
def test_letter_reads_in_reading_order(pack: dict[str, Any]) -> None:
    text = squeeze(struct_text(pack["files"]["letter-en.pdf"]))
    parts = ["SyedMohsinRazaNaqvi", "Renew", "DearHonourableMinister,", "Iamwritingto",
             "Itherefore", "Yourssincerely,", "Signature", "Name", "Address"]
    places = [text.index(part) for part in parts]
    assert places == sorted(places)


def _paragraphs_read(text: str) -> list[str]:
    """The text poppler reads for each paragraph element, in structure order."""
    lines = text.splitlines()
    return [lines[i + 1].strip().strip('"') for i, line in enumerate(lines[:-1])
            if line.strip() == "P (block)"]


@needs_pdfinfo
def test_poppler_reads_the_urdu_letter_in_logical_order(pack: dict[str, Any],
                                                         example_data: dict[str, Any]) -> None:
    """poppler takes an element's text in the order its content is written, not from
    /ActualText: the drawn right-to-left glyphs are artifacts, the tagged content their
    logical text."""
    # as typed, spaces and all (the letter binds some words with no-break spaces)
    read = [p.replace("\u00a0", " ") for p in
            _paragraphs_read(struct_text(pack["files"]["letter-ur.pdf"]))]
    letter = example_data["letters"]["ur"]
    body = [" ".join(p.replace("**", "").split()) for p in letter["body"].split("\n\n")]
    expected = [letter["subject"], example_data["targets"][0]["salutation"]["ur"], *body,
                letter["closing"]]
    joined = " ".join(read)
    places = [joined.index(part) for part in expected]
    assert places == sorted(places)
    assert "\u200f" not in joined and "\u202b" not in joined  # no marks of its own
    # a paragraph split between pages reads as two elements, each logical
    assert sum(1 for p in read if p and p in body[1]) == 2


@needs_pdfinfo
def test_poppler_reads_an_urdu_phrase_in_english_in_logical_order(tmp_path: Path) -> None:
    phrase = "سید محسن رضا نقوی، وزیرِ داخلہ"
    kit = variant(tmp_path, ("Pakistan must uphold", f"Pakistan ({phrase}) must uphold"))
    out = tmp_path / "out"
    appealkit.build_kit(kit, out, parts=["pack"])
    text = " ".join(struct_text(out / "fact-sheet.pdf").split())
    assert f"Pakistan ({phrase}) must uphold" in text


def _pdfium_elements(path: Path) -> list[tuple[str, str, str, str]]:
    """(type, actual text, alt text, language) of each structure element PDFium finds, in
    tree order, page by page."""
    def text(getter: Any, element: Any) -> str:
        size = getter(element, None, 0)
        if size <= 2:
            return ""
        buffer = (raw.c_ubyte * size)()
        getter(element, buffer, size)
        return bytes(buffer).decode("utf-16-le").rstrip("\x00")

    out = []
    pdf = pdfium.PdfDocument(str(path))
    try:
        for page in pdf:
            tree = raw.FPDF_StructTree_GetForPage(page.raw)

            def walk(element: Any) -> None:
                out.append((text(raw.FPDF_StructElement_GetType, element),
                            text(raw.FPDF_StructElement_GetActualText, element),
                            text(raw.FPDF_StructElement_GetAltText, element),
                            text(raw.FPDF_StructElement_GetLang, element)))
                for i in range(raw.FPDF_StructElement_CountChildren(element)):
                    child = raw.FPDF_StructElement_GetChildAtIndex(element, i)
                    if child:
                        walk(child)

            for i in range(raw.FPDF_StructTree_CountChildren(tree)):
                walk(raw.FPDF_StructTree_GetChildAtIndex(tree, i))
            raw.FPDF_StructTree_Close(tree)
            page.close()
    finally:
        pdf.close()
    return out


def test_urdu_letter_structure_has_logical_text_and_languages(pack: dict[str, Any],
                                                                example_data: dict[str, Any]
                                                                ) -> None:
    elements = _pdfium_elements(pack["files"]["letter-ur.pdf"])
    salutation = example_data["targets"][0]["salutation"]["ur"]
    actual = [a for kind, a, _, _ in elements if kind == "P"]
    assert salutation in actual  # logical order, as typed in kit.yaml
    # the Latin window address is marked as in the kit's language, inside the Urdu letter
    address = next(e for e in elements if e[0] == "P" and not e[1])
    assert address[3] == example_data.get("language", "en")
    structure = Structure(pack["files"]["letter-ur.pdf"].read_bytes())
    assert text_string(structure.catalog.head, "Lang") == "ur"
    # in pack.pdf, the Urdu letter's section is marked Urdu in an English document
    pack_structure = Structure(pack["files"]["pack.pdf"].read_bytes())
    assert text_string(pack_structure.catalog.head, "Lang") == "en"
    langs = {text_string(e.head, "T"): text_string(e.head, "Lang")
             for e in pack_structure.elements() if pack_structure.kind(e) == "Sect"}
    assert langs["Model letter in Urdu"] == "ur" and langs["Fact sheet"] is None


def test_qr_code_is_a_linked_figure_with_alt(pack: dict[str, Any],
                                            example_data: dict[str, Any]) -> None:
    structure = Structure(pack["files"]["fact-sheet.pdf"].read_bytes())
    url = example_data["action"]["url"]
    figures = [e for e in structure.elements() if structure.kind(e) == "Figure"]
    alts = [text_string(e.head, "Alt") for e in figures]
    assert f"QR code: opens {url}" in alts
    figure = figures[alts.index(f"QR code: opens {url}")]
    link = structure.objects[figure.ref("P")]
    assert structure.kind(link) == "Link" and b"/OBJR" in link.head
    annotation = structure.objects[int(re.search(rb"/Obj (\d+) 0 R", link.head).group(1))]
    assert text_string(annotation.head, "Contents") == url
    key = int(re.search(rb"/StructParent (\d+)", annotation.head).group(1))
    assert structure.parent_tree()[key] == link.number
    # a page with annotations orders them as its structure does
    page = next(o for o in structure.objects.values() if re.search(rb"/Type /Page\b", o.head))
    assert page.name("Tabs") == "S"


def test_every_piece_of_content_is_tagged_or_an_artifact(pack: dict[str, Any]) -> None:
    for name, path in pack["files"].items():
        if not name.endswith(".pdf"):
            continue
        structure = Structure(path.read_bytes())
        reachable = structure.reachable()
        tree = structure.parent_tree()
        pages = [o for o in structure.objects.values() if re.search(rb"/Type /Page\b", o.head)]
        for page, stream in zip(pages, page_contents(structure.objects)):
            marked = marked_content(stream)
            assert marked.balanced, name
            assert not marked.bare, f"{name}: {marked.bare[:5]} outside marked content"
            assert marked.mcids == list(range(len(marked.mcids))), name
            if not marked.mcids:
                continue
            key = int(re.search(rb"/StructParents (\d+)", page.head).group(1))
            owners = tree[key]
            assert isinstance(owners, list) and len(owners) == len(marked.mcids), name
            for mcid, owner in enumerate(owners):
                assert owner in reachable, f"{name}: MCID {mcid} not in the tree"
                assert mcid in structure.mcids(structure.objects[owner]), name
        root = structure.catalog.head
        assert re.search(rb"/MarkInfo", root) and b"/Marked true" in path.read_bytes()
        assert b"/DisplayDocTitle true" in path.read_bytes()
        assert text_string(root, "Lang"), name


def test_decoration_is_an_artifact(pack: dict[str, Any]) -> None:
    """The fact sheet's banner, panels and rules paint inside /Artifact sequences."""
    structure = Structure(pack["files"]["fact-sheet.pdf"].read_bytes())
    stream = page_contents(structure.objects)[0]
    artifacts = re.findall(rb"/Artifact BMC\n(.*?)\nEMC", stream, re.S)
    assert len(artifacts) >= 10 and all(b" re " in a or b" l S" in a or b" c" in a
                                        for a in artifacts)


def test_metadata_names_title_and_language_without_claims(pack: dict[str, Any]) -> None:
    data = pack["files"]["letter-ur.pdf"].read_bytes()
    xmp = re.search(rb"<x:xmpmeta.*?</x:xmpmeta>", data, re.S).group().decode()
    assert "<rdf:li>ur</rdf:li>" in xmp and "Model letter in Urdu" in xmp
    assert "<pdfuaid:" not in xmp and "<pdfaid:" not in xmp  # no claim we cannot check


@pytest.mark.skipif(shutil.which("qpdf") is None, reason="qpdf")
def test_qpdf_finds_nothing_wrong(pack: dict[str, Any]) -> None:
    for name, path in pack["files"].items():
        if name.endswith(".pdf"):
            result = subprocess.run(["qpdf", "--check", str(path)], capture_output=True,
                                    text=True)
            assert result.returncode == 0 and "WARNING" not in result.stdout + result.stderr, \
                (name, result.stdout[-500:], result.stderr[-500:])


def test_a_link_in_text_is_a_link_element_of_its_paragraph(make_kit: Any) -> None:
    def edit(data: dict[str, Any]) -> None:
        data["summary"] = "Read [the report](https://www.amnesty.org/en/documents/asa33/0001/2025/en/) first."

    files = appealkit.render_kit(make_kit(edit), today=dt.date(2025, 7, 1)).files
    structure = Structure(files["fact-sheet.pdf"])
    url = "https://www.amnesty.org/en/documents/asa33/0001/2025/en/"
    links = [e for e in structure.elements() if structure.kind(e) == "Link"
             and text_string(e.head, "Alt") == url]
    assert len(links) == 1
    paragraph = structure.objects[links[0].ref("P")]
    assert structure.kind(paragraph) == "P" and structure.mcids(paragraph)
    annotation = structure.objects[int(re.search(rb"/Obj (\d+) 0 R", links[0].head).group(1))]
    assert text_string(annotation.head, "Contents") == url
    key = int(re.search(rb"/StructParent (\d+)", annotation.head).group(1))
    assert structure.parent_tree()[key] == links[0].number


@pytest.mark.skipif(shutil.which("mutool") is None, reason="mupdf-tools")
def test_mupdf_reads_the_tree_and_finds_nothing_wrong(pack: dict[str, Any],
                                                      tmp_path: Path) -> None:
    """A second reader: MuPDF walks from the catalog to the document element and its parts,
    and rewrites every file without a warning."""
    path = pack["files"]["pack.pdf"]

    def show(what: str) -> str:
        return subprocess.run(["mutool", "show", str(path), what], capture_output=True,
                              text=True, check=True).stdout
    assert "/S /Document" in show("trailer/Root/StructTreeRoot/K")
    assert show("trailer/Root/Lang").strip() == "(en)"
    sections = show("trailer/Root/StructTreeRoot/K/K")
    assert len(re.findall(r"\d+ 0 R", sections)) == len(
        [n for n in pack["files"] if n.startswith(("fact-sheet", "background", "letter-"))])
    for name, file in pack["files"].items():
        if name.endswith(".pdf"):
            result = subprocess.run(["mutool", "clean", str(file), str(tmp_path / name)],
                                    capture_output=True, text=True, timeout=60)
            assert result.returncode == 0 and not result.stderr.strip(), (name, result.stderr)


def _pdfium_attributes(element: Any) -> dict[str, str | float]:
    """An element's attributes as PDFium reads them: names and strings as text, numbers."""
    out: dict[str, str | float] = {}
    size = ctypes.c_ulong()
    for i in range(raw.FPDF_StructElement_GetAttributeCount(element)):
        attribute = raw.FPDF_StructElement_GetAttributeAtIndex(element, i)
        for j in range(raw.FPDF_StructElement_Attr_GetCount(attribute)):
            raw.FPDF_StructElement_Attr_GetName(attribute, j, None, 0, ctypes.byref(size))
            name_buffer = ctypes.create_string_buffer(size.value)
            raw.FPDF_StructElement_Attr_GetName(attribute, j, name_buffer, size.value,
                                                ctypes.byref(size))
            value = raw.FPDF_StructElement_Attr_GetValue(attribute, name_buffer.value)
            if raw.FPDF_StructElement_Attr_GetType(value) == raw.FPDF_OBJECT_NUMBER:
                number = ctypes.c_float()
                raw.FPDF_StructElement_Attr_GetNumberValue(value, ctypes.byref(number))
                out[name_buffer.value.decode()] = number.value
                continue
            raw.FPDF_StructElement_Attr_GetStringValue(value, None, 0, ctypes.byref(size))
            buffer = (ctypes.c_ubyte * size.value)()
            raw.FPDF_StructElement_Attr_GetStringValue(value, buffer, size.value,
                                                       ctypes.byref(size))
            out[name_buffer.value.decode()] = bytes(buffer).decode("utf-16-le").rstrip("\x00")
    return out


@needs_pdfinfo
def test_tally_sheet_is_a_table_with_headers(pack: dict[str, Any]) -> None:
    """poppler reads the tally sheet's table: a row of column headers, then the total row
    (a row header over two columns and five empty cells); the blank rows to sign in are not in
    the structure. The posting guide's steps below are a list."""
    text = struct_text(pack["files"]["tally.pdf"])
    table = text[text.index("Table (block)"):text.index("P (block)", text.index("Table (block)"))]
    rows = table.split("TR\n")[1:]
    assert len(rows) == 2
    header = [squeeze(h) for h in re.findall(r'TH:\n\s+/Scope /Column\n\s+"([^"]*)"', rows[0])]
    assert header[:3] == ["Name", "Email", "Contactme"] and header[-2:] == ["Emails", "Posts"]
    assert len(header) == 7 and "TD" not in rows[0]
    assert re.search(r'TH:\n\s+/ColSpan 2\n\s+/Scope /Row\n\s+"Total"', rows[1])
    assert rows[1].count("TD\n") == 5  # every column has a cell: 2 + 5
    steps = text[text.index("L (block)", text.index("Table (block)")):]
    assert steps.count("LI (block)") >= 4 and '"•"' in steps


def test_pdfium_reads_the_tally_table(pack: dict[str, Any]) -> None:
    pdf = pdfium.PdfDocument(str(pack["files"]["tally.pdf"]))
    page = pdf[0]
    tree = raw.FPDF_StructTree_GetForPage(page.raw)
    try:
        document = raw.FPDF_StructTree_GetChildAtIndex(tree, 0)
        section = raw.FPDF_StructElement_GetChildAtIndex(document, 0)
        kids = [raw.FPDF_StructElement_GetChildAtIndex(section, i)
                for i in range(raw.FPDF_StructElement_CountChildren(section))]
        tables = [k for k in kids if _type(k) == "Table"]
        assert len(tables) == 1
        rows = [raw.FPDF_StructElement_GetChildAtIndex(tables[0], i) for i in range(2)]
        assert [_type(row) for row in rows] == ["TR", "TR"]
        # PDFium counts the empty cells but gives only elements with content on the page
        assert [raw.FPDF_StructElement_CountChildren(row) for row in rows] == [7, 6]
        name = raw.FPDF_StructElement_GetChildAtIndex(rows[0], 0)
        assert _type(name) == "TH"
        assert _pdfium_attributes(name) == {"O": "Table", "Scope": "Column"}
        total = raw.FPDF_StructElement_GetChildAtIndex(rows[1], 0)
        assert _pdfium_attributes(total) == {"O": "Table", "ColSpan": 2.0, "Scope": "Row"}
    finally:
        raw.FPDF_StructTree_Close(tree)
        page.close()
        pdf.close()


def _type(element: Any) -> str:
    size = raw.FPDF_StructElement_GetType(element, None, 0)
    buffer = (raw.c_ubyte * size)()
    raw.FPDF_StructElement_GetType(element, buffer, size)
    return bytes(buffer).decode("utf-16-le").rstrip("\x00")


def test_every_link_annotation_belongs_to_a_link_element(pack: dict[str, Any]) -> None:
    """PDF/UA: each link annotation is an object reference kid of a Link element in the tree,
    which the parent tree gives for the annotation's /StructParent."""
    for name, path in pack["files"].items():
        if not name.endswith(".pdf"):
            continue
        structure = Structure(path.read_bytes())
        reachable, tree = structure.reachable(), structure.parent_tree()
        annotations = [o for o in structure.objects.values() if b"/Subtype /Link" in o.head]
        for annotation in annotations:
            key = re.search(rb"/StructParent (\d+)", annotation.head)
            assert key, f"{name}: annotation {annotation.number} has no /StructParent"
            link = tree[int(key.group(1))]
            assert isinstance(link, int) and link in reachable, name
            element = structure.objects[link]
            assert structure.kind(element) == "Link", name
            assert re.search(rb"/Obj %d 0 R" % annotation.number, element.head), name


@needs_pdfinfo
def test_a_sheet_of_cards_reads_as_one_card(pack: dict[str, Any],
                                            example_data: dict[str, Any]) -> None:
    """The handouts print four identical cards on each side: the structure holds the first
    (the others are artifacts), its QR code's Link has the four codes' annotations, and the
    page's text still has every card."""
    path = pack["files"]["handouts.pdf"]
    text = struct_text(path)
    assert text.count("H1 (block)") == 1 and text.count("L (block)") == 1
    structure = Structure(path.read_bytes())
    links = [e for e in structure.elements() if structure.kind(e) == "Link"]
    assert [len(re.findall(rb"/OBJR", link.head)) for link in links] == [4]
    pdf = pdfium.PdfDocument(str(path))
    try:
        front = pdf[0].get_textpage().get_text_range()
    finally:
        pdf.close()
    assert squeeze(front).count(squeeze(example_data["headline"].upper())) == 4


@pytest.mark.parametrize("text, language", [
    ("The Minister, سید محسن رضا نقوی، should renew the PoR cards now.", "en"),
    ("Renew the Proof of Registration cards (PoR) before 30 June 2025.", "en"),
    ("کم از کم ۱۴ لاکھ افغان باشندوں کے پی او آر کارڈز", "ur"),
    ("PoR کارڈز کی تجدید (UNHCR)", "ur"),
    ("PoR (UNHCR)", "ur"),
])
def test_paragraphs_written_out_of_logical_order_are_found_by_their_levels(
        text: str, language: str) -> None:
    """page.py tags the logical text of each paragraph glyphs.is_reordered finds (by the runs'
    levels): it must find every one with a line copytext writes out of logical order."""
    from draw_helpers import paragraph

    from appealkit.draw.copytext import reordered
    from appealkit.draw.glyphs import is_reordered

    para = paragraph(text, language, 11, width=120)
    assert is_reordered(para) == any(reordered(line, para.direction) for line in para.lines)
    assert is_reordered(para) == any("\u0600" <= char <= "\u06ff" for char in text)


@needs_pdfinfo
def test_solidarity_cards_read_as_one_card_with_lists(tmp_path: Path) -> None:
    """The solidarity sheet: the first card's text once, its dos and don'ts as two lists."""
    kit = variant(tmp_path, ("# solidarity:", "solidarity:"),
                  ("#   message: We stand", "  message: We stand"),
                  ("#   dos: [Write", "  dos: [Write"),
                  ("#   donts: [Do not", "  donts: [Do not"))
    files = appealkit.render_kit(kit, parts=["solidarity"], today=dt.date(2025, 7, 1)).files
    path = tmp_path / "solidarity.pdf"
    path.write_bytes(files["solidarity.pdf"])
    text = struct_text(path)
    assert text.count("We stand with you") == 1
    assert text.count("L (block)") == 2 and text.count("LI (block)") == 3
    assert text.index('"Write in simple words"') > text.index("LBody (block)")


def test_figures_carry_the_box_they_show_in(pack: dict[str, Any]) -> None:
    """A Figure's /BBox (layout attribute) is where the page shows it: the QR code's holds the
    code zxing finds on the rendered page."""
    import pikepdf
    import zxingcpp

    path = pack["files"]["fact-sheet.pdf"]
    with pikepdf.open(path) as pdf:
        figures = []

        def walk(node: Any) -> None:
            kids = node.get("/K")
            for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
                if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                    if kid.S == "/Figure":
                        figures.append(kid)
                    walk(kid)

        walk(pdf.Root.StructTreeRoot)
        assert figures
        qr = next(f for f in figures if str(f.Alt).startswith("QR code"))
        assert qr.A.O == "/Layout"
        left, bottom, right, top = (float(v) for v in qr.A.BBox)
        height = float(pdf.pages[0].mediabox[3])
        assert all(f.A.O == "/Layout" and len(f.A.BBox) == 4 for f in figures)
    document = pdfium.PdfDocument(str(path))
    image = document[0].render(scale=2).to_pil()
    found = zxingcpp.read_barcodes(image)
    assert found
    position = found[0].position
    for point in (position.top_left, position.bottom_right):
        x, y = point.x / 2, height - point.y / 2
        assert left <= x <= right and bottom <= y <= top, (x, y, (left, bottom, right, top))
    # the box is the code's, quiet zone included: not much larger than what zxing finds
    assert right - left < 1.4 * (position.bottom_right.x - position.top_left.x) / 2
