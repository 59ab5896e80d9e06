"""Draw personalised letters into one PDF, streamed to a file: each signer's pages, letter by letter.

What every signer's copy of a letter page shares is drawn once, as a content stream that each
of those pages lists among its /Contents, between a stream of the signer's lines drawn before
it and one drawn after. A page's own streams hold only the signer's lines. Fonts are subset
once, over all pages, at the end. Memory holds the shared streams and the fonts' glyph codes,
not the pages, so it does not grow with the list of signers.

The PDF is tagged as the pack's others are (see structure.py): a Sect per signed letter whose
elements are written as its pages are (signed_structure.py). A shared stream's marked content
takes the MCIDs 0, 1 … of every page listing it, which the page's parent tree entry gives to
that signer's elements; the signer's own lines take the next ones. (A form XObject shown on
every page could not do this: its content would belong to one element in the whole file.)
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import groupby
from operator import itemgetter
from typing import BinaryIO

from reportlab.lib.rl_accel import fp_str

from ..errors import Problem
from ..layout.boxes import Page
from ..layout.signed import LetterForm, SignerItem, layout_signer
from ..signers import Signer
from .content import DrawingSession, PageContent, collection_paused
from .document import DocumentInfo
from .fontembed import FontCodes, type0_parts
from .page import items_content, page_content
from .pdfa import LINK_FLAGS, OUTPUT_CONDITION, icc_profile, xmp_packet
from .signed_structure import StructureWriter, Tagged, element_entries
from .stream import PdfWriter, pdf_string, write_font
from .structure import text_string

__all__ = ["Progress", "write_signed_letters"]

Progress = Callable[[int, int], None]  # (signers done, signers in all)

_KEEP_BEFORE = 64  # streams drawn before a shared one, kept to be listed again
_MCID = re.compile(rb"<</MCID (\d+)")


@dataclass(frozen=True)
class _Shared:
    """A form page as every signer's copy shows it: its content stream, its tagged boxes and
    where each is read (its index among the page's items), its link annotations (each as the
    bytes before and after its /StructParent key), and the start of a page's dictionary."""

    stream: int
    tagged: tuple[Tagged, ...]
    positions: tuple[int, ...]  # ascending
    links: tuple[tuple[bytes, bytes], ...]
    page: bytes


class _Document:
    """The objects every page refers to, and what the pages have used so far."""

    def __init__(self, writer: PdfWriter, info: DocumentInfo) -> None:
        self.writer = writer
        self.link_flags = b" /F %d" % LINK_FLAGS if info.pdfa else b""  # PDF/A: links print
        self.session = DrawingSession()  # its own: the pack's other glyphs stay out of the subset
        self.tree = writer.reserve()  # the page tree, written last
        self.resources = writer.reserve()  # the fonts, shared by all pages
        self.structure = StructureWriter(writer, info.language)
        self.pages: list[int] = []
        self._before: dict[bytes, int] = {}  # streams drawn before a shared one, by their data
        self.shown: dict[FontCodes, set[int]] = {}  # codes shown, per font in order of first use

    def stream_before(self, data: bytes) -> int:
        """A stream holding what a signer's page draws before its shared stream: the one
        written for an earlier signer if it drew the same (the letter's usual date, on the page
        of each signer without a date of their own or a return line), else a new one."""
        number = self._before.get(data)
        if number is None:
            number = self.writer.add_stream(b"", data)
            if len(self._before) < _KEEP_BEFORE:  # enough for a list's few dates
                self._before[data] = number
        return number

    def record(self, content: PageContent) -> bytes:
        """The content's operators, its font codes recorded as shown."""
        for codes, used in content.codes.items():
            self.shown.setdefault(codes, set()).update(used)
        if not all(isinstance(op, str) for op in content.ops):
            raise ValueError("a letter page with an image cannot be drawn as a shared stream")
        return "\n".join(content.ops).encode("latin-1")  # type: ignore[arg-type]


def write_signed_letters(file: BinaryIO, forms: dict[str, LetterForm], signers: Sequence[Signer],
                         info: DocumentInfo, progress: Progress | None = None) -> list[Problem]:
    """Write the PDF of every signer's letters into `file`: per signer, their letters in kit order.

    Returns the problems of signers whose lines do not fit (the file is then incomplete and is
    to be thrown away); `progress` is called after each signer.
    """
    with collection_paused():
        doc = _Document(PdfWriter(file), info)
        shared = {language: [_write_shared(doc, page, form.language) for page in form.pages]
                  for language, form in forms.items()}
        problems: list[Problem] = []
        for done, signer in enumerate(signers, 1):
            for language in signer.languages:
                form = forms[language]
                own, found = layout_signer(form, signer)
                problems += [p for p in found if p not in problems]  # once, not per letter
                if not problems:  # once one fails, the rest are only checked
                    doc.structure.start_section(f"{form.title} from {signer.name}",
                                                form.language)
                    for page, common, items in zip(form.pages, shared[language], own):
                        _write_page(doc, page, common, items.head, items.foot)
            if progress is not None:
                progress(done, len(signers))
        _finish(doc, info)
    return problems


def _write_shared(doc: _Document, page: Page, language: str) -> _Shared:
    """Write what every signer's copy of a form page shows, as a content stream."""
    content = page_content(doc.session, page)
    stream = doc.writer.add_stream(b"", b"q\n%s\nQ" % doc.record(content))
    where = {id(item): index for index, item in enumerate(page.items)}
    tagged, positions = [], []
    for mark in content.marks:
        urls = [content.links[i][0] for i in mark.links]
        # one Link per link of the text: the pieces of one (its words on two lines, the address
        # printed after them) are annotations of the same element, as structure.py has them
        groups = tuple((url, tuple(mark.links[i] for i, _ in group))
                       for url, group in groupby(enumerate(urls), key=lambda pair: pair[1]))
        positions.append(where[id(mark.item)])
        tagged.append(Tagged(mark.mcid, mark.kind.encode("ascii"),
                             element_entries(mark.item, language, doc.writer), groups))
    links = tuple((b"<< /Type /Annot /Subtype /Link /Rect [%s] /Border [0 0 0]%s /StructParent "
                   % (fp_str(*rect).encode("ascii"), doc.link_flags),
                   b" /Contents %s /A << /S /URI /URI %s >> >>" % (text_string(url),
                                                                   pdf_string(url)))
                  for url, rect in content.links)
    start = b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %s] /Resources %d 0 R /Contents " % (
        doc.tree, fp_str(page.width, page.height).encode("ascii"), doc.resources)
    return _Shared(stream, tuple(tagged), tuple(positions), links, start)


def _write_page(doc: _Document, page: Page, shared: _Shared, head: list[SignerItem],
                foot: list[SignerItem]) -> None:
    """A signer's page: the shared content with the signer's own lines before and after it."""
    writer, structure = doc.writer, doc.structure
    language = structure.section_language
    first = len(shared.tagged)  # the signer's MCIDs follow the shared stream's
    before, read_first = _own_content(doc, head, page.height, first, language)
    after, read_last = _own_content(doc, foot, page.height, first + len(read_first), language)
    contents = [doc.stream_before(before)] if before else []
    contents.append(shared.stream)
    if after:
        contents.append(writer.add_stream(b"", after))
    number = writer.reserve()
    annotations = [writer.reserve() for _ in shared.links]
    order = _reading_order(shared, read_first + read_last)
    key, link_keys = structure.page(number, order, annotations)
    for annotation, (start, end), link_key in zip(annotations, shared.links, link_keys):
        writer.write(annotation, b"%s%d%s" % (start, link_key, end))
    annots = b""
    if annotations:  # an annotation belongs to one page, so each page has its own
        annots = b" /Annots [%s] /Tabs /S" % b" ".join(b"%d 0 R" % n for n in annotations)
    doc.pages.append(writer.write(number, b"%s[%s] /StructParents %d%s >>" % (
        shared.page, b" ".join(b"%d 0 R" % n for n in contents), key, annots)))


def _reading_order(shared: _Shared, own: list[tuple[int, Tagged]]) -> list[Tagged]:
    """A page's tagged boxes in reading order: each of the signer's (where it is read, the box)
    before the shared box it is read before."""
    order: list[Tagged] = []
    done = 0
    for at, box in sorted(own, key=itemgetter(0)):
        upto = bisect_left(shared.positions, at)
        order += shared.tagged[done:upto]
        order.append(box)
        done = upto
    order += shared.tagged[done:]
    return order


def _own_content(doc: _Document, items: list[SignerItem], height: float, first: int,
                 language: str) -> tuple[bytes, list[tuple[int, Tagged]]]:
    """A signer's boxes drawn as a content stream's data, each tagged as page.py tags a page's
    boxes (or an artifact), its MCIDs counting from `first`; the tagged boxes, each with where
    it is read."""
    content = items_content(doc.session, [own.item for own in items], height, tagged=True)
    data = doc.record(content)
    if first:  # page.py numbers the boxes from 0 (a marked-content property list, never text)
        data = _MCID.sub(lambda found: b"<</MCID %d" % (first + int(found[1])), data)
    read = {id(own.item): own.read_before for own in items}
    return data, [(read[id(mark.item)], Tagged(first + mark.mcid, mark.kind.encode("ascii"),
                                               element_entries(mark.item, language)))
                  for mark in content.marks]


def _finish(doc: _Document, info: DocumentInfo) -> None:
    """Write the fonts, the shared resources, the page tree, the catalogue and the trailer."""
    writer = doc.writer
    fonts = {codes.resource_name: writer.reserve() for codes in doc.shown}
    for codes, used in doc.shown.items():
        write_font(writer, fonts[codes.resource_name], type0_parts(codes, used))
    writer.write(doc.resources, b"<< /ProcSet [/PDF /Text] /Font << %s >> >>" % _names(fonts))
    kids = b" ".join(b"%d 0 R" % number for number in doc.pages)
    writer.write(doc.tree, b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(doc.pages)))
    tagged = doc.structure.finish()
    described = _metadata(writer, info)
    catalog = writer.add(b"<< /Type /Catalog /Pages %d 0 R /Lang %s%s%s >>" % (
        doc.tree, pdf_string(info.language), tagged, described))
    info_dict = writer.add(b"<< /Title %s /Subject %s /Author %s /Keywords %s /Creator "
                           b"(appealkit) /Producer (appealkit) >>" % (
                               pdf_string(info.title), pdf_string(info.subject),
                               pdf_string(info.author), pdf_string(", ".join(info.keywords))))
    writer.finish(catalog, info_dict)


def _metadata(writer: PdfWriter, info: DocumentInfo) -> bytes:
    """Write the XMP metadata (claiming PDF/A-2u with `info.pdfa`, see pdfa.py), and with
    `info.pdfa` the output intent's profile; the catalogue's entries for them. The Info
    dictionary here has no dates, so neither has the XMP."""
    packet = xmp_packet(title=info.title, subject=info.subject, author=info.author,
                        keywords=", ".join(info.keywords), language=info.language,
                        creator="appealkit", producer="appealkit", pdfa=info.pdfa)
    metadata = writer.add_stream(b"/Type /Metadata /Subtype /XML", packet, compress=False)
    if not info.pdfa:
        return b" /Metadata %d 0 R" % metadata
    profile = writer.add_stream(b"/N 3", icc_profile())
    condition = pdf_string(OUTPUT_CONDITION)
    return (b" /Metadata %d 0 R /OutputIntents [<< /Type /OutputIntent /S /GTS_PDFA1 "
            b"/OutputConditionIdentifier %s /Info %s /DestOutputProfile %d 0 R >>]"
            % (metadata, condition, condition, profile))


def _names(objects: dict[str, int]) -> bytes:
    return b" ".join(b"/%s %d 0 R" % (name.encode("ascii"), number)
                     for name, number in objects.items())
