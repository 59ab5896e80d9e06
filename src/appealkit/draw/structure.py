"""Build a document's structure tree (tagged PDF) over the marked content its pages hold.

The tree follows the parts and, within a page, the order of its tagged boxes, which layout
gives in reading order: Document, a Sect per part, then headings, paragraphs, lists (a label
and a body: neighbouring Lbl and LBody boxes make one L), figures with alternative text, and
links with their annotations. Right-to-left text is written for the extractors' own reordering
(copytext.py), so an element holding it carries its logical text as /ActualText.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFString

from ..layout.boxes import ImageBox, Part, QRBox, TextBox
from ..text.types import Direction, Paragraph
from .content import PageContent
from .marks import Mark, role

__all__ = ["StructureBuilder", "logical_text", "qr_alt"]


def qr_alt(box: QRBox) -> str:
    """A QR code's alternative text."""
    return box.alt or f"QR code: opens {box.url}"


def logical_text(paragraph: Paragraph) -> str:
    """A paragraph's text in logical order, its lines joined by spaces."""
    runs = sorted((run for line in paragraph.lines for run in line.runs), key=lambda r: r.start)
    out: list[str] = []
    end = None
    for run in runs:
        if end is not None and run.start > end and not out[-1].endswith(" "):
            out.append(" ")
        out.append(run.text)
        end = run.start + len(run.text)
    return "".join(out).strip()


def _string(text: str) -> Any:
    """A PDF text string: ReportLab's for ASCII; else UTF-16 written as bytes, escaping only
    what a literal string must (ReportLab's octal escapes would make Urdu text 4.5 times as
    long; objects outside streams are not compressed)."""
    if text.isascii():
        return PDFString(text)
    data = b"\xfe\xff" + text.encode("utf-16-be")
    for char, escaped in ((b"\\", b"\\\\"), (b"(", b"\\("), (b")", b"\\)"), (b"\r", b"\\r")):
        data = data.replace(char, escaped)
    return b"(" + data + b")"


def _right_to_left(paragraph: Paragraph) -> bool:
    return paragraph.direction is Direction.RTL or any(
        run.direction is Direction.RTL for line in paragraph.lines for run in line.runs)


class StructureBuilder:
    """The structure tree of one document, built page by page as the canvas draws them."""

    def __init__(self, canvas: Any, language: str) -> None:
        self._canvas = canvas
        self._doc = canvas._doc
        self._language = language
        self._root = PDFDictionary({"Type": PDFName("StructTreeRoot")})
        self._root_ref = self._doc.Reference(self._root)
        self._document, self._document_ref, self._document_kids = self._element(
            "Document", self._root_ref)
        self._root["K"] = self._document_ref
        self._attach(self._document, self._document_kids)
        self._parents: list[tuple[int, Any]] = []  # (key, page's array or annotation's element)
        self._page_keys: list[int | None] = []  # per page of the document: its key, if tagged
        self._tabs: list[bool] = []  # per page: has annotations
        self._section: tuple[Any, list[Any], str] | None = None

    def _key(self) -> int:
        return len(self._parents)

    def _element(self, kind: str, parent: Any, **entries: Any) -> tuple[PDFDictionary, Any,
                                                                        list[Any]]:
        element = PDFDictionary({"Type": PDFName("StructElem"), "S": PDFName(kind), "P": parent})
        for name, value in entries.items():
            if value is not None:
                element[name] = value
        kids: list[Any] = []
        return element, self._doc.Reference(element), kids

    def start_part(self, part: Part) -> None:
        """Open the section of `part`: the pages painted next belong to it."""
        lang = part.language if part.language != self._language else None
        element, ref, kids = self._element(
            "Sect", self._document_ref, T=_string(part.title),
            Lang=None if lang is None else _string(lang))
        self._attach(element, kids)
        self._document_kids.append(ref)
        self._section = (ref, kids, part.language)

    def paint(self, content: PageContent) -> None:
        """Paint `content` on the canvas's current page, with its structure and annotations."""
        link_keys: list[int] = []
        entries: list[dict[str, Any]] = []
        for url, _ in content.links:
            link_keys.append(self._key() + len(link_keys))
            entries.append({"StructParent": link_keys[-1], "Contents": _string(url)})
        for _ in link_keys:
            self._parents.append((-1, None))  # filled below, once the Link elements exist
        before = len(self._canvas._annotationrefs)
        content.paint(self._canvas, entries)
        annotations = self._canvas._annotationrefs[before:]
        self._tabs.append(bool(annotations))
        if not content.marks or self._section is None:
            self._page_keys.append(None)
            return
        page_ref = self._doc.thisPageRef()
        owners: list[Any] = [None] * len(content.marks)
        section_ref, kids, section_lang = self._section
        lists = _Lists(self, section_ref, kids)
        for mark in content.marks:
            parent_ref, siblings = lists.place(mark)
            links = [(annotations[i], link_keys[i], content.links[i][0])
                     for i in mark.links if i < len(annotations)]
            ref = self._mark_element(mark, parent_ref, siblings, page_ref, section_lang, links)
            owners[mark.mcid] = ref
        key = self._key()
        self._parents.append((key, PDFArray(owners)))
        self._page_keys.append(key)

    def _mark_element(self, mark: Mark, parent_ref: Any, siblings: list[Any], page_ref: Any,
                      section_lang: str, links: Sequence[tuple[Any, int, str]]) -> Any:
        """Add the element of a tagged box to `siblings`; the reference of the one holding its
        marked content."""
        item = mark.item
        kind = role(item) or "P"
        if isinstance(item, QRBox) and links:
            # Link → Figure (the code's drawing) and the annotation
            link, link_ref, link_kids = self._element("Link", parent_ref,
                                                      Alt=_string(qr_alt(item)))
            figure, figure_ref, _ = self._element("Figure", link_ref, Pg=page_ref, K=mark.mcid,
                                                  Alt=_string(qr_alt(item)))
            link_kids.append(figure_ref)
            annotation, key, _ = links[0]
            link_kids.append(self._objr(annotation, page_ref))
            self._parents[key] = (key, link_ref)
            self._attach(link, link_kids)
            siblings.append(link_ref)
            return figure_ref
        entries: dict[str, Any] = {"Pg": page_ref}
        if isinstance(item, QRBox):
            entries["Alt"] = _string(qr_alt(item))
        elif isinstance(item, ImageBox):
            entries["Alt"] = _string(item.alt or "")
        elif isinstance(item, TextBox):
            if item.lang and item.lang != section_lang:
                entries["Lang"] = _string(item.lang)
            if _right_to_left(item.paragraph):
                entries["ActualText"] = _string(logical_text(item.paragraph))
        element, ref, kids = self._element(kind, parent_ref, **entries)
        kids.append(mark.mcid)
        for annotation, key, url in links:
            link, link_ref, link_kids = self._element("Link", ref, Alt=_string(url))
            link_kids.append(self._objr(annotation, page_ref))
            self._parents[key] = (key, link_ref)
            self._attach(link, link_kids)
            kids.append(link_ref)
        self._attach(element, kids)
        siblings.append(ref)
        return ref

    def _objr(self, annotation: Any, page_ref: Any) -> PDFDictionary:
        return PDFDictionary({"Type": PDFName("OBJR"), "Obj": annotation, "Pg": page_ref})

    def _attach(self, element: PDFDictionary, kids: list[Any]) -> None:
        """Give `element` its kids when the document is written (they are added until then)."""
        element["K"] = _Kids(kids)

    def finish(self) -> None:
        """Write the tree's root and the catalog and page entries tagged PDF asks for."""
        doc = self._doc
        nums: list[Any] = []
        for key, value in self._parents:
            if value is None:
                continue  # a link outside any tagged box: no structure holds it
            nums += [key, value if not isinstance(value, PDFArray) else doc.Reference(value)]
        self._root["ParentTree"] = PDFDictionary({"Nums": PDFArray(nums)})
        self._root["ParentTreeNextKey"] = self._key()
        catalog = doc.Catalog
        catalog.StructTreeRoot = self._root_ref
        catalog.MarkInfo = PDFDictionary({"Marked": _TRUE})
        catalog.ViewerPreferences = PDFDictionary({"DisplayDocTitle": _TRUE})
        for page, page_key, tabs in zip(doc.Pages.pages, self._page_keys, self._tabs):
            names = [*page.__NoDefault__]
            if page_key is not None:
                page.StructParents = page_key
                names.append("StructParents")
            if tabs:
                page.Tabs = PDFName("S")
                names.append("Tabs")
            page.__NoDefault__ = names


class _Lists:
    """Neighbouring Lbl and LBody boxes of a page as one list (L → LI → Lbl, LBody)."""

    def __init__(self, builder: StructureBuilder, section_ref: Any, kids: list[Any]) -> None:
        self._builder = builder
        self._section_ref = section_ref
        self._kids = kids
        self._list: tuple[Any, list[Any]] | None = None
        self._item: tuple[Any, list[Any]] | None = None

    def place(self, mark: Mark) -> tuple[Any, list[Any]]:
        """The parent reference and kids list the element of `mark` joins."""
        kind = role(mark.item)
        if kind not in ("Lbl", "LBody"):
            self._list = self._item = None
            return self._section_ref, self._kids
        builder = self._builder
        if self._list is None:
            element, ref, kids = builder._element("L", self._section_ref)
            builder._attach(element, kids)
            self._kids.append(ref)
            self._list = (ref, kids)
        if self._item is None or kind == "Lbl":  # a body after a body: the same item's too
            element, ref, kids = builder._element("LI", self._list[0])
            builder._attach(element, kids)
            self._list[1].append(ref)
            self._item = (ref, kids)
        return self._item


class _Kids(PDFArray):  # type: ignore[misc]
    """An element's /K, formatted from the list as it is when the document is written: an MCID
    alone when it is the only kid."""

    def __init__(self, kids: list[Any]) -> None:
        super().__init__(kids)
        self._kids = kids

    def format(self, document: Any, IND: bytes = b"\n ") -> bytes:
        if len(self._kids) == 1 and isinstance(self._kids[0], int):
            return str(self._kids[0]).encode("ascii")
        self.sequence = list(self._kids)
        return super().format(document, IND)  # type: ignore[no-any-return]


_TRUE = "true"  # ReportLab writes a str as it is
