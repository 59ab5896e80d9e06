"""Write the structure tree of signed-letters.pdf as its pages are written: letter by letter.

The tree is the one structure.py builds for the pack's PDFs: a Document holding a Sect per
signed letter, then the letter's paragraphs in reading order, links as Link elements with
their annotations. Each element is written as soon as its page is, so memory keeps only what
the root needs at the end: the number of each letter's Sect and the parent tree's values, one
object number per page and link annotation.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from dataclasses import dataclass

from ..layout.boxes import Item, QRBox, TextBox
from .glyphs import is_reordered
from .stream import PdfWriter
from .structure import logical_text, qr_alt, text_string

__all__ = ["StructureWriter", "Tagged", "element_entries"]

_NODE = 256  # entries per node of the parent tree, which is a number tree (ISO 32000-1 7.9.7)


@dataclass(frozen=True)
class Tagged:
    """A tagged box of a page: its marked-content ID, its structure type, its element's other
    entries (formatted, see `element_entries`), and its links: per Link element, its address
    and the indexes of its annotations among the page's."""

    mcid: int
    kind: bytes
    entries: bytes = b""
    links: tuple[tuple[str, tuple[int, ...]], ...] = ()


def element_entries(item: Item, language: str, writer: PdfWriter | None = None) -> bytes:
    """The entries of a box's element in a section in `language` besides type, parent, page and
    kids: the language where it differs, the logical text of right-to-left text, the
    alternative text of a figure (as structure.py gives them).

    With `writer`, the logical text is written as an object of its own, which the entries
    refer to: the elements of every signer's copy of a letter page share it, where each
    would otherwise repeat the page's whole text."""
    entries: list[bytes] = []
    if isinstance(item, QRBox):
        entries.append(b" /Alt " + text_string(qr_alt(item)))
    elif isinstance(item, TextBox):
        if item.lang and item.lang != language:
            entries.append(b" /Lang " + text_string(item.lang))
        if is_reordered(item.paragraph):
            text = text_string(logical_text(item.paragraph))
            entries.append(b" /ActualText " + (text if writer is None else
                                               b"%d 0 R" % writer.add(text)))
    return b"".join(entries)


class StructureWriter:
    """The structure tree of a document written page by page with `writer`."""

    def __init__(self, writer: PdfWriter, language: str) -> None:
        self._writer = writer
        self._language = language
        self.root = writer.reserve()  # the StructTreeRoot, written by `finish`
        self._document = writer.reserve()
        self._sections = array("l")  # the Document's kids
        self._parents = array("l")  # parent tree: key → object number
        self._section = 0  # the open Sect's number, 0 if none
        self._section_lang = language
        self._section_entries = b""
        self._kids: list[range] = []  # the open Sect's elements, page by page

    def start_section(self, title: str, language: str) -> None:
        """Open a Sect: the elements of the pages written next belong to it."""
        self.end_section()
        self._section = self._writer.reserve()
        self._section_lang = language
        lang = b"" if language == self._language else b" /Lang " + text_string(language)
        self._section_entries = b" /T %s%s" % (text_string(title), lang)

    def end_section(self) -> None:
        """Write the open Sect, if any."""
        if not self._section:
            return
        kids = b" ".join(b"%d 0 R" % kid for kids in self._kids for kid in kids)
        self._writer.write(self._section, b"<</Type /StructElem /S /Sect /P %d 0 R /K [%s]%s>>"
                           % (self._document, kids, self._section_entries))
        self._sections.append(self._section)
        self._section, self._kids = 0, []

    @property
    def section_language(self) -> str:
        return self._section_lang

    def page(self, page: int, tagged: Sequence[Tagged], annotations: Sequence[int]
             ) -> tuple[int, list[int]]:
        """Write the elements of page `page`, whose tagged boxes are `tagged` in reading order
        (their MCIDs numbering them from 0) and whose link annotations are the objects
        `annotations`; the page's /StructParents key and each annotation's /StructParent."""
        writer, parents = self._writer, self._parents
        key = len(parents)
        parents.extend([0] * (1 + len(annotations)))
        annotation_keys = list(range(key + 1, key + 1 + len(annotations)))
        first = writer.reserve(len(tagged))  # the elements', in reading order
        element = b"<</Type /StructElem /S /%%s /P %d 0 R /Pg %d 0 R /K %%s%%s>>" % (
            self._section, page)
        bodies = []
        owners = [0] * len(tagged)  # MCID → its element
        for number, box in enumerate(tagged, first):
            kids = b"%d" % box.mcid
            if box.links:
                kids = b"[%s %s]" % (kids, self._links(number, page, box, annotations,
                                                       annotation_keys))
            bodies.append(element % (box.kind, kids, box.entries))
            owners[box.mcid] = number
        writer.write_run(first, bodies)
        self._kids.append(range(first, first + len(tagged)))
        parents[key] = writer.add(b"[%s]" % b" ".join(b"%d 0 R" % n for n in owners))
        return key, annotation_keys

    def _links(self, parent: int, page: int, box: Tagged, annotations: Sequence[int],
               keys: Sequence[int]) -> bytes:
        """Write the Link elements of a box's element `parent`; its kids referring to them."""
        kids = []
        for url, indexes in box.links:
            objrs = b" ".join(b"<</Type /OBJR /Obj %d 0 R /Pg %d 0 R>>" % (annotations[i], page)
                              for i in indexes)
            link = self._writer.add(b"<</Type /StructElem /S /Link /P %d 0 R /K [%s] /Alt %s>>"
                                    % (parent, objrs, text_string(url)))
            for i in indexes:
                self._parents[keys[i]] = link
            kids.append(b"%d 0 R" % link)
        return b" ".join(kids)

    def finish(self) -> bytes:
        """Write the document element, the parent tree and the root; the catalogue's entries
        for a tagged PDF."""
        self.end_section()
        writer = self._writer
        kids = b" ".join(b"%d 0 R" % number for number in self._sections)
        writer.write(self._document, b"<</Type /StructElem /S /Document /P %d 0 R /K [%s]>>"
                     % (self.root, kids))
        tree = _number_tree(writer, self._parents)
        writer.write(self.root, b"<</Type /StructTreeRoot /K %d 0 R /ParentTree %d 0 R "
                                b"/ParentTreeNextKey %d>>" % (self._document, tree,
                                                              len(self._parents)))
        return (b" /StructTreeRoot %d 0 R /MarkInfo <</Marked true>> "
                b"/ViewerPreferences <</DisplayDocTitle true>>" % self.root)


def _number_tree(writer: PdfWriter, values: Sequence[int]) -> int:
    """Write a number tree mapping each index of `values` to the object it numbers; its root.

    One node when it is small; else leaves of _NODE keys under intermediate nodes, so that a
    reader finds a key without reading them all."""
    if len(values) <= _NODE:
        return writer.add(b"<</Nums [%s]>>" % _nums(values, 0, len(values)))
    level = []  # (first key, last key, node) per node of the level being built, leaves first
    for start in range(0, len(values), _NODE):
        end = min(start + _NODE, len(values))
        level.append((start, end - 1, writer.add(b"<</Limits [%d %d] /Nums [%s]>>" % (
            start, end - 1, _nums(values, start, end)))))
    while len(level) > _NODE:
        level = [(group[0][0], group[-1][1], writer.add(b"<</Limits [%d %d] /Kids [%s]>>" % (
            group[0][0], group[-1][1], b" ".join(b"%d 0 R" % node for _, _, node in group))))
            for group in (level[i:i + _NODE] for i in range(0, len(level), _NODE))]
    return writer.add(b"<</Kids [%s]>>" % b" ".join(b"%d 0 R" % node for _, _, node in level))


def _nums(values: Sequence[int], start: int, end: int) -> bytes:
    return b" ".join(b"%d %d 0 R" % (key, values[key]) for key in range(start, end))
