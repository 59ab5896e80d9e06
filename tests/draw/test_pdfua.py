"""The failure conditions of the Matterhorn Protocol (PDF/UA-1) that a machine can check, on
every PDF built from kits of different shapes, read with pikepdf (qpdf).

Each test names its checkpoints. README "Accessible PDFs" lists what is covered here and what
only a person (or a validator that cannot be installed here) can judge.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf
import pytest
from conftest import EXAMPLE
from pdfutil import to_unicode

import appealkit

ROOT = Path(__file__).resolve().parents[2]
# the example (Urdu letter, event materials), a right-to-left fact sheet, two targets with
# their own letters, and a person with a photo
KITS = [EXAMPLE, *(ROOT / "examples" / name / "kit.yaml"
                   for name in ("arabic", "two-targets", "one-person"))]
TODAY = dt.date(2025, 7, 1)

# ISO 32000-1, 14.8.4: the standard structure types (PDF/UA needs no role map for these)
STANDARD = {
    "Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption", "TOC", "TOCI", "Index",
    "NonStruct", "Private", "P", "H", "H1", "H2", "H3", "H4", "H5", "H6", "L", "LI", "Lbl",
    "LBody", "Table", "TR", "TH", "TD", "THead", "TBody", "TFoot", "Span", "Quote", "Note",
    "Reference", "BibEntry", "Code", "Link", "Annot", "Ruby", "RB", "RT", "RP", "Warichu", "WT",
    "WP", "Figure", "Formula", "Form",
}
# ISO 32000-1, 14.8.4.3: what may hold what, for the types with rules
PARENTS = {"LI": {"L"}, "Lbl": {"LI"}, "LBody": {"LI"}, "TR": {"Table", "THead", "TBody", "TFoot"},
           "TH": {"TR"}, "TD": {"TR"}, "THead": {"Table"}, "TBody": {"Table"}, "TFoot": {"Table"}}
CHILDREN = {"L": {"LI", "Caption", "L"}, "LI": {"Lbl", "LBody"},
            "Table": {"TR", "THead", "TBody", "TFoot", "Caption"}, "TR": {"TH", "TD"}}
PAINTING = {"Tj", "TJ", "'", '"', "f", "F", "f*", "B", "B*", "b", "b*", "S", "s", "Do", "sh",
            "INLINE IMAGE"}
LANGUAGE = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Every PDF of every kit, on A4; signed-letters.pdf too, for two signers (one named in
    Urdu) of each kit's letters."""
    files = []
    for kit in KITS:
        out = tmp_path_factory.mktemp(kit.parent.name)
        signers = out.parent / f"{kit.parent.name}-signers.csv"
        signers.write_text("name,address\nJane Smith,1 High Street / Leeds\n"
                           "علی خان,۵ مال روڈ / لاہور\n", encoding="utf-8")
        files += [path for path in appealkit.build_kit(kit, out, today=TODAY,
                                                       signers=signers).files
                  if path.suffix == ".pdf"]
    assert len(files) >= 30
    assert [path.name for path in files].count("signed-letters.pdf") == len(KITS)
    return files


def documents(paths: list[Path]) -> Iterator[tuple[str, pikepdf.Pdf]]:
    for path in paths:
        with pikepdf.open(path) as pdf:
            yield f"{path.parent.name}/{path.name}", pdf


def kind(element: pikepdf.Dictionary) -> str:
    return str(element.S)[1:]


@dataclass
class Tree:
    """A document's structure elements, in tree order, with their parents."""

    elements: list[tuple[pikepdf.Dictionary, pikepdf.Dictionary | None]] = field(
        default_factory=list)


def structure(pdf: pikepdf.Pdf) -> Tree:
    tree = Tree()

    def walk(node: pikepdf.Object, parent: pikepdf.Dictionary | None) -> None:
        kids = node.get("/K")
        if kids is None:
            return
        for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
            if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                tree.elements.append((kid, parent))
                walk(kid, kid)

    walk(pdf.Root.StructTreeRoot, None)
    return tree


def same(a: pikepdf.Object, b: pikepdf.Object) -> bool:
    return a.is_indirect and b.is_indirect and a.objgen == b.objgen


def test_marked_not_suspect_and_not_encrypted(built: list[Path]) -> None:
    """01-004 (/MarkInfo /Marked true, no /Suspects true), 26-001 (no encryption)."""
    for name, pdf in documents(built):
        assert pdf.Root.MarkInfo.Marked is True, name
        assert pdf.Root.MarkInfo.get("/Suspects", False) is False, name
        assert not pdf.is_encrypted, name


def test_title_shown_and_in_the_metadata(built: list[Path]) -> None:
    """06-001 (XMP metadata), 06-003 (dc:title), 07-001 and 07-002 (DisplayDocTitle true)."""
    for name, pdf in documents(built):
        title = str(pdf.docinfo.Title)
        assert title, name
        with pdf.open_metadata() as xmp:
            assert xmp.get("dc:title") == title, name
        assert pdf.Root.ViewerPreferences.DisplayDocTitle is True, name


def test_every_language_is_named(built: list[Path]) -> None:
    """11-006 (the document's language), and every /Lang a language tag."""
    for name, pdf in documents(built):
        assert LANGUAGE.fullmatch(str(pdf.Root.Lang)), name
        for element, _ in structure(pdf).elements:
            if "/Lang" in element:
                assert LANGUAGE.fullmatch(str(element.Lang)), (name, str(element.Lang))


def test_structure_types_are_standard_and_nested_as_the_standard_says(built: list[Path]) -> None:
    """02-001 (no type needing a role map), 09-004 (lists and tables nested as ISO 32000
    says), and each element's /P is the element holding it."""
    for name, pdf in documents(built):
        tree = structure(pdf)
        assert tree.elements, name
        root = pdf.Root.StructTreeRoot
        for element, parent in tree.elements:
            s = kind(element)
            assert s in STANDARD, (name, s)
            above = kind(parent) if parent is not None else None
            assert s not in PARENTS or above in PARENTS[s], (name, s, above)
            if above in CHILDREN:
                assert s in CHILDREN[above], (name, above, s)
            assert same(element.P, parent if parent is not None else root), (name, s)


def test_figures_have_alternative_text_and_a_box(built: list[Path]) -> None:
    """13-004: every Figure has /Alt (the QR code's names the address it opens); and its
    /BBox, which PDF/UA-1 leaves optional and reflow needs."""
    figures = 0
    for name, pdf in documents(built):
        for element, _ in structure(pdf).elements:
            if kind(element) == "Figure":
                figures += 1
                assert str(element.get("/Alt", "")).strip(), name
                assert element.A.O == "/Layout" and len(element.A.BBox) == 4, name
    assert figures >= 10


def test_heading_levels_are_not_skipped(built: list[Path]) -> None:
    """14-002 (the first numbered heading is H1), 14-003 (no level skipped going down)."""
    for name, pdf in documents(built):
        levels = [int(kind(e)[1]) for e, _ in structure(pdf).elements
                  if re.fullmatch(r"H[1-6]", kind(e))]
        if levels:
            assert levels[0] == 1, name
            assert all(b <= a + 1 for a, b in zip(levels, levels[1:])), (name, levels)


def test_table_headers_have_a_scope(built: list[Path]) -> None:
    """15-003: a table without /Headers and /ID gives each TH its /Scope."""
    headers = 0
    for name, pdf in documents(built):
        for element, _ in structure(pdf).elements:
            if kind(element) != "TH":
                continue
            headers += 1
            attributes = element.get("/A")
            found = [attributes] if isinstance(attributes, pikepdf.Dictionary) else list(
                attributes or [])
            scopes = [str(a.Scope) for a in found
                      if isinstance(a, pikepdf.Dictionary) and a.get("/O") == "/Table"
                      and "/Scope" in a]
            assert scopes and scopes[0] in ("/Row", "/Column", "/Both"), name
    assert headers >= 1  # the tally sheet's


def parent_tree(pdf: pikepdf.Pdf) -> dict[int, pikepdf.Object]:
    return dict(pikepdf.NumberTree(pdf.Root.StructTreeRoot.ParentTree).items())


def test_links_are_tagged_described_and_in_order(built: list[Path]) -> None:
    """28-008 and 28-009 (/Tabs /S on a page with annotations), 28-011 (a Link annotation is
    the object of an OBJR in a Link element), 28-012 (it describes itself in /Contents), and
    28-002 (no other annotation outside the structure)."""
    links = 0
    for name, pdf in documents(built):
        tree = parent_tree(pdf)
        for page in pdf.pages:
            annotations = page.obj.get("/Annots", [])
            if len(annotations):
                assert page.obj.Tabs == "/S", name
            for annotation in annotations:
                assert annotation.Subtype == "/Link", name
                links += 1
                assert str(annotation.get("/Contents", "")).strip(), name
                element = tree[int(annotation.StructParent)]
                assert kind(element) == "Link", name
                objects = [kid.Obj for kid in element.K
                           if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/OBJR"]
                assert any(same(obj, annotation) for obj in objects), name
    assert links >= 10


def test_fonts_are_embedded_and_every_shown_code_maps_to_text(built: list[Path]) -> None:
    """31-001 and after (every font embedded), 10-001 (every character code shown maps to
    Unicode: read from each font's /ToUnicode for the codes the pages show)."""
    shown = 0
    for name, pdf in documents(built):
        for number, page in enumerate(pdf.pages):
            fonts = page.Resources.get("/Font", {})
            maps = {key: to_unicode(font.ToUnicode.read_bytes()) for key, font in fonts.items()}
            for font in fonts.values():
                descendant = font.DescendantFonts[0] if "/DescendantFonts" in font else font
                descriptor = descendant.FontDescriptor
                assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), (
                    name, str(font.BaseFont))
            current = None
            for operands, operator in pikepdf.parse_content_stream(page):
                op = str(operator)
                if op == "Tf":
                    current = str(operands[0])
                elif op in ("Tj", "TJ"):
                    strings = operands[0] if op == "TJ" else [operands[0]]
                    for string in strings:
                        if isinstance(string, pikepdf.String):
                            data = bytes(string)
                            codes = {int.from_bytes(data[i:i + 2], "big")
                                     for i in range(0, len(data), 2)}
                            missing = codes - maps[current].keys()
                            assert not missing, (name, number, current, sorted(missing)[:5])
                            shown += len(codes)
    assert shown > 10_000


def test_content_is_tagged_or_an_artifact_never_both(built: list[Path]) -> None:
    """01-001 (no artifact inside tagged content), 01-002 (no tagged content inside an
    artifact), 01-003 (no painting outside both), and each MCID owned by an element reachable
    from the root, as the page's parent tree entry says."""
    tagged = 0
    for name, pdf in documents(built):
        tree = parent_tree(pdf)
        reachable = {element.objgen for element, _ in structure(pdf).elements}
        for number, page in enumerate(pdf.pages):
            stack: list[str] = []  # "tag" (has an MCID), "artifact" or "other", per sequence
            mcids = []
            for operands, operator in pikepdf.parse_content_stream(page):
                op = str(operator)
                if op in ("BMC", "BDC"):
                    properties = operands[1] if op == "BDC" else None
                    if str(operands[0]) == "/Artifact":
                        assert "tag" not in stack, (name, number, "artifact in tagged content")
                        stack.append("artifact")
                    elif isinstance(properties, pikepdf.Dictionary) and "/MCID" in properties:
                        assert "artifact" not in stack, (name, number, "tagged in an artifact")
                        assert "tag" not in stack, (name, number, "tagged in tagged content")
                        stack.append("tag")
                        mcids.append(int(properties.MCID))
                    else:
                        stack.append("other")
                elif op == "EMC":
                    stack.pop()
                elif op in PAINTING:
                    assert "tag" in stack or "artifact" in stack, (name, number, op)
            assert not stack, (name, number, "unbalanced")
            if mcids:
                owners = tree[int(page.obj.StructParents)]
                assert len(owners) == len(mcids) == len(set(mcids)), (name, number)
                for mcid in mcids:
                    assert owners[mcid].objgen in reachable, (name, number, mcid)
                tagged += len(mcids)
    assert tagged > 500
