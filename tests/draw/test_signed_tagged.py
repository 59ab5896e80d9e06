"""signed-letters.pdf is tagged as the pack's PDFs are (issue 13 §1): a Sect per signed letter
holding the model letter's elements in reading order, the signer's lines where the letter has
them, every piece of content tagged or an artifact, links with their annotations."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as raw
import pytest
from conftest import EXAMPLE, TODAY, run_cli, variant
from pdfobjects import PdfObject, page_contents, read_objects
from tagged_pdf import Structure, marked_content, text_string
from test_tagged import _pdfium_elements

from appealkit.draw.signed_structure import _number_tree
from appealkit.draw.stream import PdfWriter

needs_pdfinfo = pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="poppler-utils")

URL = "https://www.amnesty.org/en/documents/asa33/0001/2025/en/"
EDITS = (
    ('  # return_line: "Amnesty Group 123 · 1 Example Street · City"',
     '  return_line: "Amnesty Group 123 · 1 Example Street · City"'),
    ("      Afghans, including refugees and asylum seekers, since October 2023.",
     f"      Afghans, including refugees and asylum seekers, since October 2023 ([report]({URL}))."),
)
SIGNERS = ("name,address,languages,date\n"
           "Jane Smith,1 High Street / Leeds LS1 1AA,en ur,2025-09-01\n"
           "علی خان,۵ مال روڈ / لاہور,ur,\n")
URDU_NAME = "علی خان"


def _build(folder: Path, kit: Path, signers: str, *options: str) -> dict[str, Path]:
    (folder / "signers.csv").write_text(signers, encoding="utf-8")
    status, _, err = run_cli("build", str(kit), "--out", str(folder / "out"), "--today", TODAY,
                             "--signers", str(folder / "signers.csv"), *options)
    assert (status, err) == (0, "")
    return {path.name: path for path in (folder / "out").glob("*.pdf")}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The example with a return line and a link in the English letter, built for two signers:
    Jane Smith sends both letters, علی خان the Urdu one."""
    folder = tmp_path_factory.mktemp("signed-tagged")
    return _build(folder, variant(folder, *EDITS), SIGNERS)


@pytest.fixture(scope="module")
def structure(built: dict[str, Path]) -> Structure:
    return Structure(built["signed-letters.pdf"].read_bytes())


def _sections(path: Path) -> list[tuple[str, list[str]]]:
    """poppler's reading of the structure tree: each Sect's title and lines (element types and
    texts), object numbers left out. (pdfinfo prints a title as its bytes, which for a title in
    UTF-16, the Urdu signer's, stop at the first zero byte.)"""
    text = subprocess.run(["pdfinfo", "-struct-text", str(path)], capture_output=True,
                          check=True).stdout.decode("utf-8", errors="replace")
    out: list[tuple[str, list[str]]] = []
    lines: list[str] = []
    for line in text.splitlines():
        found = re.fullmatch(r'  Sect "(.*)"', line)
        if found:
            lines = []
            out.append((found.group(1), lines))
        elif line.startswith("    "):
            lines.append(re.sub(r"Object \d+ 0", "Object", line.strip()))
    return out


@needs_pdfinfo
def test_each_letter_reads_as_its_model_with_the_signers_lines(built: dict[str, Path]) -> None:
    """poppler reads the English letter of the signer as the model letter, element by element:
    the return line and date are the signer's, the name and address follow their captions."""
    [(title, model)] = _sections(built["letter-en.pdf"])
    assert title == "Model letter in English"
    expected: list[str] = []
    for line in model:
        line = line.replace('"1 July 2025"', '"1 September 2025"')
        line = line.replace("Amnesty Group 123 · 1 Example Street · City",
                            "Jane Smith · 1 High Street · Leeds LS1 1AA")
        expected.append(line)
        if line in ('"Name"', '"Address"'):
            expected += ["P (block)", {'"Name"': '"Jane Smith"',
                                       '"Address"': '"1 High Street, Leeds LS1 1AA"'}[line]]
    sections = _sections(built["signed-letters.pdf"])
    assert [title for title, _ in sections[:2]] == ["Letter in English from Jane Smith",
                                                    "Letter in Urdu from Jane Smith"]
    assert len(sections) == 3 and sections[0][1] == expected
    assert "Link (inline)" in expected  # the letter's link, with its annotations


@needs_pdfinfo
def test_urdu_letters_hold_their_signers_lines_in_reading_order(
        built: dict[str, Path], example_data: dict[str, Any]) -> None:
    """poppler reads each Urdu letter in logical order, the signer's lines where the model
    letter has its return line and after the captions of name (نام) and address (پتہ)."""
    _, (_, jane), (_, ali) = _sections(built["signed-letters.pdf"])
    [(_, model)] = _sections(built["letter-ur.pdf"])
    salutation = f'"{example_data["targets"][0]["salutation"]["ur"]}"'
    for lines, name, address, sender in (
            (jane, "Jane Smith", "1 High Street, Leeds LS1 1AA",
             "Jane Smith · 1 High Street · Leeds LS1 1AA"),
            (ali, URDU_NAME, "۵ مال روڈ، لاہور", f"{URDU_NAME} · ۵ مال روڈ · لاہور")):
        assert len(lines) == len(model) + 4  # a name and an address, each an element, its text
        texts = [line for line in lines if line.startswith('"')]
        assert texts[0] == f'"{sender}"'  # the return line first
        assert texts[1].startswith('"Syed Mohsin Raza Naqvi')  # then the window address
        assert salutation in texts
        assert texts[-4:] == ['"نام"', f'"{name}"', '"پتہ"', f'"{address}"']
    assert not any("Jane Smith" in line for line in ali)


def test_every_piece_of_content_is_tagged_or_an_artifact(structure: Structure) -> None:
    """Every painting operator of every page is inside an Artifact or inside marked content
    whose MCID the page's parent tree entry gives to an element reachable from the root, which
    holds it and names the page; a page's elements are one signed letter's."""
    reachable = structure.reachable()
    tree = structure.parent_tree()
    pages = [o for o in structure.objects.values() if re.search(rb"/Type /Page\b", o.head)]
    contents = page_contents(structure.objects)
    assert len(pages) == len(contents) == 5
    for page, stream in zip(pages, contents):
        marked = marked_content(stream)
        assert marked.balanced and not marked.bare, marked.bare[:5]
        assert sorted(marked.mcids) == list(range(len(marked.mcids))) and marked.mcids
        assert marked.tagged == set(marked.mcids)  # no empty tag
        owners = tree[int(re.search(rb"/StructParents (\d+)", page.head).group(1))]
        assert isinstance(owners, list) and len(owners) == len(marked.mcids)
        sections = set()
        for mcid, owner in enumerate(owners):
            element = structure.objects[owner]
            assert owner in reachable and mcid in structure.mcids(element)
            assert element.ref("Pg") == page.number
            section = structure.objects[element.ref("P")]
            assert structure.kind(section) == "Sect"
            sections.add(section.number)
        assert len(sections) == 1
    # the return line's rule, the fold marks and the lines to write on are artifacts
    assert all(stream.count(b"/Artifact BMC") >= 3 for stream in contents)


def test_links_are_link_elements_with_their_annotations(structure: Structure) -> None:
    annotations = [o for o in structure.objects.values() if b"/Subtype /Link" in o.head]
    assert len(annotations) == 3  # the words on two lines and the address after them
    tree = structure.parent_tree()
    links = set()
    for annotation in annotations:
        assert text_string(annotation.head, "Contents") == URL
        link = structure.objects[tree[int(re.search(rb"/StructParent (\d+)",
                                                    annotation.head).group(1))]]
        assert structure.kind(link) == "Link" and text_string(link.head, "Alt") == URL
        assert re.search(rb"/Type /OBJR /Obj %d 0 R" % annotation.number, link.head)
        assert structure.kind(structure.objects[link.ref("P")]) == "P"
        links.add(link.number)
    assert len(links) == 1 and links <= structure.reachable()
    # the page with them orders them as its structure does; the others have none
    pages = [o for o in structure.objects.values() if re.search(rb"/Type /Page\b", o.head)]
    assert [page.name("Tabs") for page in pages] == ["S", None, None, None, None]


def test_sections_titled_by_signer_and_marked_by_language(structure: Structure) -> None:
    sections = [e for e in structure.elements() if structure.kind(e) == "Sect"]
    langs = {text_string(e.head, "T"): text_string(e.head, "Lang") for e in sections}
    assert langs == {"Letter in English from Jane Smith": None,
                     "Letter in Urdu from Jane Smith": "ur",
                     f"Letter in Urdu from {URDU_NAME}": "ur"}
    document = structure.objects[structure.root().ref("K")]
    assert structure.kind(document) == "Document"
    assert all(section.ref("P") == document.number for section in sections)
    catalog = structure.catalog.head
    assert text_string(catalog, "Lang") == "en"
    assert re.search(rb"/MarkInfo <</Marked true>>", catalog)
    assert re.search(rb"/DisplayDocTitle true", catalog)


def test_urdu_paragraphs_carry_their_logical_text(built: dict[str, Path],
                                                  example_data: dict[str, Any]) -> None:
    """PDFium's structure API finds each signed letter's elements; the Urdu letters' paragraphs,
    the Urdu signer's name among them, carry their text in logical order."""
    elements = _pdfium_elements(built["signed-letters.pdf"])
    kinds = [kind for kind, _, _, _ in elements]
    # per page, its letter's Sect and the elements holding its content (not a Link, which
    # holds annotations only: PDFium finds a page's elements through its parent tree entry)
    assert kinds.count("Sect") == 5 and kinds.count("P") > 5 * 8
    actual = [text for kind, text, _, _ in elements if kind == "P" and text]
    salutation = example_data["targets"][0]["salutation"]["ur"]
    assert actual.count(salutation) == 2  # in each Urdu letter, as typed in kit.yaml
    assert URDU_NAME in actual and "۵ مال روڈ، لاہور" in actual
    assert all(lang == "ur" for kind, _, _, lang in elements if kind == "Sect" and lang)


def test_metadata_names_the_title_and_language_without_claims(built: dict[str, Path]) -> None:
    objects = read_objects(built["signed-letters.pdf"].read_bytes())
    catalog = next(o for o in objects.values() if b"/Type /Catalog" in o.head)
    xmp = objects[catalog.ref("Metadata")].data.decode()
    assert "<rdf:li>en</rdf:li>" in xmp and "Signed letters: " in xmp
    assert "<pdfaid:" not in xmp and "<pdfuaid:" not in xmp


@pytest.mark.skipif(shutil.which("qpdf") is None, reason="qpdf")
def test_qpdf_finds_nothing_wrong(built: dict[str, Path]) -> None:
    result = subprocess.run(["qpdf", "--check", str(built["signed-letters.pdf"])],
                            capture_output=True, text=True)
    assert result.returncode == 0 and "WARNING" not in result.stdout + result.stderr, \
        result.stdout[-500:] + result.stderr[-500:]


@pytest.mark.skipif(shutil.which("mutool") is None, reason="mupdf-tools")
def test_mupdf_rewrites_it_without_a_warning(built: dict[str, Path], tmp_path: Path) -> None:
    result = subprocess.run(["mutool", "clean", str(built["signed-letters.pdf"]),
                             str(tmp_path / "clean.pdf")], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0 and not result.stderr.strip(), result.stderr


def test_a_long_list_has_a_parent_tree_of_nodes(tmp_path: Path) -> None:
    """With more keys than one node holds, the parent tree is a tree: leaves with their
    /Limits under a root of /Kids; every page's and annotation's key is in it once."""
    rows = "".join(f"Signer {n},{n} High Street / Leeds,en ur,\n" for n in range(1, 101))
    path = _build(tmp_path, EXAMPLE, "name,address,languages,date\n" + rows)["signed-letters.pdf"]
    structure = Structure(path.read_bytes())
    root = structure.root()
    tree = structure.objects[root.ref("ParentTree")]
    kids = [structure.objects[int(n)] for n in re.findall(rb"(\d+) 0 R", tree.head)]
    assert b"/Kids" in tree.head and b"/Limits" not in tree.head and len(kids) > 1
    keys: list[int] = []
    for leaf in kids:
        nums = [int(k) for k in re.findall(rb"(\d+) \d+ 0 R", leaf.head)]
        limits = re.search(rb"/Limits \[(\d+) (\d+)\]", leaf.head)
        assert limits and [int(limits.group(1)), int(limits.group(2))] == [nums[0], nums[-1]]
        keys += nums
    next_key = int(re.search(rb"/ParentTreeNextKey (\d+)", root.head).group(1))
    assert keys == list(range(next_key)) and next_key == 300  # one per page
    pages = [o for o in structure.objects.values() if re.search(rb"/Type /Page\b", o.head)]
    assert [int(re.search(rb"/StructParents (\d+)", p.head).group(1)) for p in pages] == keys
    assert _page_elements(path, 299) > 10  # PDFium finds the last page's through the tree


def _page_elements(path: Path, index: int) -> int:
    """How many structure elements PDFium finds for one page."""
    def count(element: Any) -> int:
        return 1 + sum(count(raw.FPDF_StructElement_GetChildAtIndex(element, i))
                       for i in range(raw.FPDF_StructElement_CountChildren(element))
                       if raw.FPDF_StructElement_GetChildAtIndex(element, i))

    pdf = pdfium.PdfDocument(str(path))
    try:
        page = pdf[index]
        tree = raw.FPDF_StructTree_GetForPage(page.raw)
        found = sum(count(raw.FPDF_StructTree_GetChildAtIndex(tree, i))
                    for i in range(raw.FPDF_StructTree_CountChildren(tree)))
        raw.FPDF_StructTree_Close(tree)
        page.close()
        return found
    finally:
        pdf.close()


def test_pdfa_build_is_tagged_and_claims_pdfa(tmp_path: Path) -> None:
    path = _build(tmp_path, EXAMPLE, SIGNERS, "--pdfa")["signed-letters.pdf"]
    structure = Structure(path.read_bytes())
    assert len([e for e in structure.elements() if structure.kind(e) == "Sect"]) == 3
    objects: dict[int, PdfObject] = structure.objects
    catalog = structure.catalog
    assert b"/OutputIntents" in catalog.head
    assert "<pdfaid:part>2</pdfaid:part>" in objects[catalog.ref("Metadata")].data.decode()


def test_a_parent_tree_too_big_for_one_level_has_intermediate_nodes() -> None:
    """Past 256 leaves (65,536 keys, some 20,000 signers) nodes of /Kids hold the leaves; each
    node's /Limits are its first and last key, and every key is found once, in order."""
    buffer = io.BytesIO()
    writer = PdfWriter(buffer)
    target = writer.add(b"<<>>")
    root = _number_tree(writer, [target] * 70_000)
    writer.finish(root, root)
    objects = read_objects(buffer.getvalue())

    def keys(number: int, depth: int) -> list[tuple[int, int]]:
        """(key, depth of its leaf) under a node; checks each node's limits."""
        head = objects[number].head
        kids = re.search(rb"/Kids \[(.*?)\]", head)
        found = ([pair for n in re.findall(rb"(\d+) 0 R", kids.group(1))
                  for pair in keys(int(n), depth + 1)] if kids else
                 [(int(k), depth) for k in re.findall(rb"(\d+) \d+ 0 R", head)])
        limits = re.search(rb"/Limits \[(\d+) (\d+)\]", head)
        assert (limits is None) == (number == root)
        if limits:
            assert (int(limits[1]), int(limits[2])) == (found[0][0], found[-1][0])
        return found

    found = keys(root, 0)
    assert [key for key, _ in found] == list(range(70_000))
    assert {depth for _, depth in found} == {2}  # root, intermediate nodes, leaves


def test_each_page_copies_as_its_model_letter_page(built: dict[str, Path]) -> None:
    """PDFium copies a signed letter's page line for line as the model letter's, but for the
    signer's own lines (return line, date, name and address by their captions): the shared
    letter is page content as in the model letter (drawn as a form XObject, a line of the Urdu
    body came apart)."""
    def lines(path: Path) -> list[list[str]]:
        pdf = pdfium.PdfDocument(str(path))
        try:
            return [page.get_textpage().get_text_range().splitlines() for page in pdf]
        finally:
            pdf.close()

    english, urdu = lines(built["letter-en.pdf"]), lines(built["letter-ur.pdf"])
    signed = lines(built["signed-letters.pdf"])
    own = ("Amnesty Group 123", "1 July 2025", "۱ جولائی ۲۰۲۵", "Name", "Address", "نام", "پتہ")
    for model, page in zip([*english, *urdu, *urdu], signed, strict=True):
        missing = [line for line in model if line not in page]
        assert all(len(line) < 50 and any(text in line for text in own) for line in missing), \
            missing


def test_a_latin_name_in_an_urdu_letter_is_marked_in_the_kits_language(
        structure: Structure) -> None:
    """As the model letter's Latin window address: Jane Smith's name, address and return line
    in her Urdu letter are in the kit's language; علی خان's are in the letter's."""
    titles = {e.number: text_string(e.head, "T") for e in structure.elements()
              if structure.kind(e) == "Sect"}

    def section(element: Any) -> str:
        while element.number not in titles:
            element = structure.objects[element.ref("P")]
        return titles[element.number]

    latin: dict[str, int] = {}
    for element in structure.elements():
        if structure.kind(element) == "P" and text_string(element.head, "Lang") == "en":
            latin[section(element)] = latin.get(section(element), 0) + 1
    jane, ali = latin["Letter in Urdu from Jane Smith"], latin[f"Letter in Urdu from {URDU_NAME}"]
    assert ali == 1  # the model letter's window address, as in letter-ur.pdf
    assert jane - ali == 3  # her name, her address, her return line
    assert "Letter in English from Jane Smith" not in latin  # English in English: no /Lang
