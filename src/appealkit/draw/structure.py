"""Build a document's structure tree (tagged PDF) over the marked content its pages hold.

The tree follows the parts and, within a page, the order of its tagged boxes, which layout
gives in reading order: Document, a Sect per part, then headings, paragraphs, lists (a label
and a body: neighbouring Lbl and LBody boxes make one L), tables (neighbouring TH and TD boxes
make one Table, a TR per row), figures with alternative text, and links with their
annotations. Right-to-left text is written for the extractors' own reordering (copytext.py),
so an element holding it carries its logical text as /ActualText.

Elements are written by a small formatter of their own rather than as ReportLab dictionaries:
a pack holds hundreds, and ReportLab's general formatting of each value would cost the build
a tenth of its time.
"""

from __future__ import annotations

import weakref
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import groupby
from operator import itemgetter
from typing import Any, TypeAlias, TypeVar

from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFName, PDFObject, PDFObjectReference

from ..layout.boxes import Cell, ImageBox, Part, QRBox, TextBox
from ..text.types import Paragraph
from .content import PageContent
from .copytext import logical_lines
from .glyphs import is_reordered
from .marks import Mark
from .textplan import num

__all__ = ["StructureBuilder", "logical_text", "qr_alt", "text_string"]


def qr_alt(box: QRBox) -> str:
    """A QR code's alternative text."""
    return box.alt or f"QR code: opens {box.url}"


def logical_text(paragraph: Paragraph) -> str:
    """A paragraph's text in logical order, its lines joined by spaces."""
    return "".join(logical_lines(paragraph)).strip()


def text_string(text: str) -> bytes:
    """A PDF text string, literal: ASCII as it is, else UTF-16 with its byte order mark, as
    bytes (ReportLab's octal escapes would make Urdu text 4.5 times as long, and objects outside
    streams are not compressed); escaping only what a literal string must."""
    data = text.encode("latin-1") if text.isascii() else b"\xfe\xff" + text.encode("utf-16-be")
    for char, escaped in ((b"\\", b"\\\\"), (b"(", b"\\("), (b")", b"\\)"), (b"\r", b"\\r")):
        data = data.replace(char, escaped)
    return b"(" + data + b")"


def _entries(content: PageContent, section_lang: str) -> list[bytes]:
    """The entries of each tagged box's element besides its type, parent, page and kids,
    formatted: once per page, for all the documents of a build holding it."""
    found = _formatted.get(content)
    if found is None or found[0] != section_lang:
        entries = [_format_entries(mark, section_lang) for mark in content.marks]
        found = _formatted[content] = (section_lang, entries)
    return found[1]


# page content → (section language, entries of its marks' elements)
_formatted: weakref.WeakKeyDictionary[PageContent, tuple[str, list[bytes]]] = (
    weakref.WeakKeyDictionary())


def _format_entries(mark: Mark, section_lang: str) -> bytes:
    item = mark.item
    if isinstance(item, QRBox):
        return _entry("Alt", qr_alt(item)) + _layout(mark)
    if isinstance(item, ImageBox):
        return _entry("Alt", item.alt or "") + _layout(mark)
    if not isinstance(item, TextBox):
        return b""
    entries = b""
    if item.lang and item.lang != section_lang:
        entries += _entry("Lang", item.lang)
    if is_reordered(item.paragraph):
        entries += _entry("ActualText", logical_text(item.paragraph))
    if item.cell:
        entries += _table_attributes(item.cell)
    return entries


def _layout(mark: Mark) -> bytes:
    """A figure's layout attributes: where it shows on the page (for reflow and for tools that
    show or read figures apart)."""
    if mark.bbox is None:
        return b""
    return b" /A <</O /Layout /BBox [%s]>>" % " ".join(map(num, mark.bbox)).encode("ascii")


def _entry(name: str, text: str) -> bytes:
    return b" /%s %s" % (name.encode("ascii"), text_string(text))


def _table_attributes(cell: Cell) -> bytes:
    """A cell's table attributes: what a header cell heads, how many columns a cell spans."""
    span = b" /ColSpan %d" % cell.span if cell.span > 1 else b""
    scope = b" /Scope /%s" % cell.scope.encode("ascii") if cell.scope else b""
    return b" /A <</O /Table%s%s>>" % (span, scope) if span or scope else b""


def _ref(document: Any, ref: PDFObjectReference) -> bytes:
    """A reference to an object ReportLab numbers (a page, an annotation)."""
    return b"%d 0 R" % document.idToObjectNumberAndVersion[ref.name][0]


class _Numbered(PDFObject):  # type: ignore[misc]
    """An object of the structure tree: `_register` numbers it, so that the objects referring
    to it write its number without looking it up."""

    number = 0


Numbered = TypeVar("Numbered", bound=_Numbered)


def _register(document: Any, obj: Numbered) -> Numbered:
    """Make `obj` an indirect object of `document`, as its Reference does for a new object
    without a name, minus the checks for objects named or registered before: half its time, for
    each of a build's hundreds of elements (ReportLab numbers objects in this order)."""
    number = obj.number = document.objectcounter = document.objectcounter + 1
    name = f"R{number}"
    obj.__InternalName__ = name
    document.idToObjectNumberAndVersion[name] = (number, 0)
    document.numberToId[number] = name
    document.idToObject[name] = obj
    return obj


class _Objr:
    """An object reference kid: the annotation of a Link."""

    def __init__(self, annotation: PDFObjectReference, page: PDFObjectReference) -> None:
        self.annotation, self.page = annotation, page

    def format(self, document: Any) -> bytes:
        return b"<</Type /OBJR /Obj %s /Pg %s>>" % (_ref(document, self.annotation),
                                                     _ref(document, self.page))


Kid: TypeAlias = "int | _Element | _Objr"


class _Element(_Numbered):
    """A structure element; `entries` are its other entries, formatted."""

    def __init__(self, kind: str, parent: _Numbered, page: PDFObjectReference | None,
                 entries: bytes = b"") -> None:
        self.kind, self.parent, self.page, self.entries = kind.encode("ascii"), parent, page, entries
        self.kids: list[Kid] = []

    def format(self, document: Any) -> bytes:
        kids = [b"%d" % kid if isinstance(kid, int)
                else b"%d 0 R" % kid.number if isinstance(kid, _Element)
                else kid.format(document) for kid in self.kids]
        k = kids[0] if len(kids) == 1 and isinstance(self.kids[0], int) else b"[%s]" % b" ".join(kids)
        page = b" /Pg " + _ref(document, self.page) if self.page is not None else b""
        return b"<</Type /StructElem /S /%s /P %d 0 R%s /K %s%s>>" % (
            self.kind, self.parent.number, page, k, self.entries)


class _Owners(_Numbered):
    """A page's entry in the parent tree: the element of each MCID, in order."""

    def __init__(self, elements: list[_Element]) -> None:
        self.elements = elements

    def format(self, document: Any) -> bytes:
        return b"[%s]" % b" ".join(b"%d 0 R" % element.number for element in self.elements)


class _Root(_Numbered):
    """The structure tree root, with its parent tree: (key, a page's owners or a Link)."""

    def __init__(self) -> None:
        self.kid: _Element | None = None
        self.parents: list[tuple[int, _Numbered]] = []
        self.next_key = 0

    def format(self, document: Any) -> bytes:
        assert self.kid is not None
        nums = b" ".join(b"%d %d 0 R" % (key, obj.number) for key, obj in self.parents)
        return (b"<</Type /StructTreeRoot /K %d 0 R /ParentTree <</Nums [%s]>> "
                b"/ParentTreeNextKey %d>>" % (self.kid.number, nums, self.next_key))


class StructureBuilder:
    """The structure tree of one document, built page by page as the canvas draws them."""

    def __init__(self, canvas: Any, language: str) -> None:
        self._canvas = canvas
        self._doc = canvas._doc
        self._language = language
        self._root = _register(self._doc, _Root())
        self._document = self._root.kid = self._element("Document", self._root)
        self._page_keys: list[int | None] = []  # per page of the document: its key, if tagged
        self._tabs: list[bool] = []  # per page: has annotations
        self._section: tuple[_Element, str] | None = None  # and its language
        # the Link elements of the page being painted, by address (for links drawn as artifacts)
        self._page_links: dict[str, _Element] = {}

    def _element(self, kind: str, parent: _Numbered, page: PDFObjectReference | None = None,
                 **entries: str | None) -> _Element:
        formatted = b"".join(_entry(name, value) for name, value in entries.items()
                             if value is not None)
        return _register(self._doc, _Element(kind, parent, page, formatted))

    def _key(self) -> int:
        key = self._root.next_key
        self._root.next_key += 1
        return key

    def start_part(self, part: Part) -> None:
        """Open the section of `part`: the pages painted next belong to it."""
        lang = part.language if part.language != self._language else None
        section = self._element("Sect", self._document, T=part.title, Lang=lang)
        self._document.kids.append(section)
        self._section = (section, part.language)

    def paint(self, content: PageContent) -> None:
        """Paint `content` on the canvas's current page, with its structure and annotations."""
        link_keys = [self._key() for _ in content.links]
        entries = [{"StructParent": key, "Contents": text_string(url)}
                   for key, (url, _) in zip(link_keys, content.links)]
        before = len(self._canvas._annotationrefs)
        content.paint(self._canvas, entries)
        annotations = self._canvas._annotationrefs[before:]
        self._tabs.append(bool(annotations))
        if not (content.marks or annotations) or self._section is None:
            self._page_keys.append(None)
            return
        page_ref = self._doc.thisPageRef()
        owners: list[_Element] = []
        section, section_lang = self._section
        self._page_links = {}
        lists, tables = _Lists(self, section), _Tables(self, section)
        for mark, formatted in zip(content.marks, _entries(content, section_lang)):
            in_list = lists.place(mark)
            parent = tables.place(mark) or in_list
            links = [(annotations[i], link_keys[i], content.links[i][0])
                     for i in mark.links if i < len(annotations)]
            owners.append(self._mark_element(mark, parent, page_ref, formatted, links))
        tables.close()
        # The links of boxes drawn as artifacts (the copies of a card on a sheet): each is one
        # more annotation of the page's Link element for its address, else of a Link of its own
        placed = {i for mark in content.marks for i in mark.links}
        for i, annotation in enumerate(annotations):
            if i not in placed:
                url = content.links[i][0]
                link = self._page_links.get(url) or self._link(url, section)
                link.kids.append(_Objr(annotation, page_ref))
                self._root.parents.append((link_keys[i], link))
        if not owners:
            self._page_keys.append(None)
            return
        key = self._key()
        self._root.parents.append((key, _register(self._doc, _Owners(owners))))
        self._page_keys.append(key)

    def _link(self, url: str, parent: _Element) -> _Element:
        """A new Link element in `parent`, for the annotations of a link to `url`."""
        link = self._page_links[url] = self._element("Link", parent, Alt=url)
        parent.kids.append(link)
        return link

    def _mark_element(self, mark: Mark, parent: _Element, page_ref: PDFObjectReference,
                      entries: bytes, links: Sequence[tuple[PDFObjectReference, int, str]]
                      ) -> _Element:
        """Add the element of a tagged box to `parent` (`entries`: its other entries,
        formatted); the one holding its marked content."""
        item, kind = mark.item, mark.kind
        if isinstance(item, QRBox) and links:
            # Link → Figure (the code's drawing) and the annotation
            link = self._element("Link", parent, Alt=qr_alt(item))
            figure = _register(self._doc, _Element("Figure", link, page_ref, entries))
            figure.kids.append(mark.mcid)
            annotation, key, _ = links[0]
            link.kids += [figure, _Objr(annotation, page_ref)]
            self._root.parents.append((key, link))
            parent.kids.append(link)
            self._page_links.setdefault(item.url, link)
            return figure
        element = _Element(kind, parent, page_ref, entries)
        _register(self._doc, element)
        element.kids.append(mark.mcid)
        # One Link per link of the text: the pieces of one link (its words on two lines, the
        # address printed after them) are annotations of the same element.
        for url, pieces in groupby(links, key=itemgetter(2)):
            link = self._element("Link", element, Alt=url)
            for annotation, key, _ in pieces:
                link.kids.append(_Objr(annotation, page_ref))
                self._root.parents.append((key, link))
            element.kids.append(link)
            self._page_links.setdefault(url, link)
        parent.kids.append(element)
        return element

    def finish(self) -> None:
        """Write the catalog and page entries tagged PDF asks for."""
        self._root.parents.sort(key=lambda pair: pair[0])  # a number tree's keys ascend
        catalog = self._doc.Catalog
        catalog.StructTreeRoot = PDFObjectReference(self._root.__InternalName__)
        catalog.MarkInfo = PDFDictionary({"Marked": "true"})  # ReportLab writes a str as it is
        catalog.ViewerPreferences = PDFDictionary({"DisplayDocTitle": "true"})
        for page, page_key, tabs in zip(self._doc.Pages.pages, self._page_keys, self._tabs):
            names = [*page.__NoDefault__]
            if page_key is not None:
                page.StructParents = page_key
                names.append("StructParents")
            if tabs:
                page.Tabs = PDFName("S")
                names.append("Tabs")
            page.__NoDefault__ = names


class _Lists:
    """Neighbouring Lbl and LBody boxes of a page as one list (L → LI → Lbl, LBody …)."""

    def __init__(self, builder: StructureBuilder, section: _Element) -> None:
        self._builder = builder
        self._section = section
        self._list: _Element | None = None
        self._item: _Element | None = None

    def place(self, mark: Mark) -> _Element:
        """The element the element of `mark` joins."""
        kind = mark.kind
        if kind not in ("Lbl", "LBody"):
            self._list = self._item = None
            return self._section
        builder = self._builder
        if self._list is None:
            self._list = builder._element("L", self._section)
            self._section.kids.append(self._list)
        if self._item is None or kind == "Lbl":  # a body after a body: the same item's too
            self._item = builder._element("LI", self._list)
            self._list.kids.append(self._item)
        return self._item


@dataclass
class _Row:
    """A row of the open table: its TR, its number as drawn, and the cells placed in it."""

    element: _Element
    number: int
    cells: list[Cell]


class _Tables:
    """Neighbouring TH and TD boxes of a page as one table (Table → TR → TH, TD …): a TR for
    each row holding a box, given at the table's end an empty TD for each column no box fills
    (a blank to write in), so that every row has every column."""

    def __init__(self, builder: StructureBuilder, section: _Element) -> None:
        self._builder = builder
        self._section = section
        self._table: _Element | None = None
        self._rows: list[_Row] = []

    def place(self, mark: Mark) -> _Element | None:
        """The row the element of `mark` joins; None for a box outside tables (which ends the
        open table)."""
        cell = mark.item.cell if isinstance(mark.item, TextBox) else None
        if cell is None:
            self.close()
            return None
        builder = self._builder
        if self._table is None:
            self._table = builder._element("Table", self._section)
            self._section.kids.append(self._table)
        if not self._rows or self._rows[-1].number != cell.row:
            row = builder._element("TR", self._table)
            self._table.kids.append(row)
            self._rows.append(_Row(row, cell.row, []))
        self._rows[-1].cells.append(cell)
        return self._rows[-1].element

    def close(self) -> None:
        """End the open table: fill each row's columns no box fills with empty TDs. A row's
        kids are its cells' elements, one per cell, in the order placed (left to right)."""
        if self._table is None:
            return
        columns = max(cell.column + cell.span for row in self._rows for cell in row.cells)
        for row in self._rows:
            placed = iter(row.element.kids)
            kids: list[Kid] = []
            column = 0
            for cell in row.cells:
                kids += [self._empty(row) for _ in range(column, cell.column)]
                kids.append(next(placed))
                column = cell.column + cell.span
            kids += [self._empty(row) for _ in range(column, columns)]
            row.element.kids = kids
        self._table, self._rows = None, []

    def _empty(self, row: _Row) -> _Element:
        return self._builder._element("TD", row.element)
