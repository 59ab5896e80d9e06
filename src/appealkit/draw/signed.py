"""Draw personalised letters into one PDF, streamed to a file: each signer's pages, letter by letter.

What every signer's copy of a letter page shares is drawn once, as a form XObject that each
of those pages shows; a page's own content stream holds only the signer's lines. Fonts are
subset once, over all pages, at the end. Memory holds the forms and the fonts' glyph codes,
not the pages, so it does not grow with the list of signers.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import BinaryIO

from reportlab.lib.rl_accel import fp_str

from ..errors import Problem
from ..layout.boxes import Page
from ..layout.signed import LetterForm, SignerPage, layout_signer
from ..signers import Signer
from .content import DrawingSession, PageContent, collection_paused
from .document import DocumentInfo
from .fontembed import FontCodes, type0_parts
from .page import items_content, page_content
from .pdfa import LINK_FLAGS, OUTPUT_CONDITION, icc_profile, xmp_packet
from .stream import PdfWriter, pdf_string, write_font

__all__ = ["Progress", "write_signed_letters"]

Progress = Callable[[int, int], None]  # (signers done, signers in all)


class _Document:
    """The objects every page refers to, and what the pages have used so far."""

    def __init__(self, writer: PdfWriter, pdfa: bool = False) -> None:
        self.writer = writer
        self.link_flags = b" /F %d" % LINK_FLAGS if pdfa else b""  # PDF/A: links print
        self.session = DrawingSession()  # its own: the pack's other glyphs stay out of the subset
        self.tree = writer.reserve()  # the page tree, written last
        self.resources = writer.reserve()  # fonts and forms, shared by pages and forms alike
        self.forms: dict[str, int] = {}  # XObject name → object number
        self.pages: list[int] = []
        self.shown: dict[FontCodes, set[int]] = {}  # codes shown, per font in order of first use

    def record(self, content: PageContent) -> bytes:
        """The content's operators, its font codes recorded as shown."""
        for codes, used in content.codes.items():
            self.shown.setdefault(codes, set()).update(used)
        if not all(isinstance(op, str) for op in content.ops):
            raise ValueError("a letter page with an image cannot be drawn as a shared form")
        return "\n".join(content.ops).encode("latin-1")  # type: ignore[arg-type]


def write_signed_letters(file: BinaryIO, forms: dict[str, LetterForm], signers: Sequence[Signer],
                         info: DocumentInfo, progress: Progress | None = None) -> list[Problem]:
    """Write the PDF of every signer's letters into `file`: per signer, their letters in kit order.

    Returns the problems of signers whose lines do not fit (the file is then incomplete and is
    to be thrown away); `progress` is called after each signer.
    """
    with collection_paused():
        doc = _Document(PdfWriter(file), info.pdfa)
        shared = {language: [_write_form(doc, page) for page in form.pages]
                  for language, form in forms.items()}
        problems: list[Problem] = []
        for done, signer in enumerate(signers, 1):
            for language in signer.languages:
                form = forms[language]
                own, found = layout_signer(form, signer)
                problems += [p for p in found if p not in problems]  # once, not per letter
                if not problems:  # once one fails, the rest are only checked
                    for page, (name, links), items in zip(form.pages, shared[language], own):
                        _write_page(doc, page, name, links, items)
            if progress is not None:
                progress(done, len(signers))
        _finish(doc, info)
    return problems


def _write_form(doc: _Document, page: Page) -> tuple[str, list[bytes]]:
    """Write a page every signer shares as a form XObject; its name and its link annotations."""
    content = page_content(doc.session, page)
    name = f"Letter{len(doc.forms) + 1}"
    entries = b"/Type /XObject /Subtype /Form /BBox [0 0 %s] /Resources %d 0 R" % (
        fp_str(page.width, page.height).encode("ascii"), doc.resources)
    doc.forms[name] = doc.writer.add_stream(entries, doc.record(content))
    links = [b"<< /Type /Annot /Subtype /Link /Rect [%s] /Border [0 0 0]%s /A << /S /URI /URI %s "
             b">> >>" % (fp_str(*rect).encode("ascii"), doc.link_flags, pdf_string(url))
             for url, rect in content.links]
    return name, links


def _write_page(doc: _Document, page: Page, form: str, links: list[bytes],
                own: SignerPage) -> None:
    """A signer's page: the shared form with the signer's own lines on it."""
    head = doc.record(items_content(doc.session, own.head, page.height))
    foot = doc.record(items_content(doc.session, own.foot, page.height))
    writer = doc.writer
    contents = writer.add_stream(b"", b"%s\nq /%s Do Q\n%s" % (head, form.encode("ascii"), foot))
    annots = b""
    if links:  # an annotation belongs to one page, so each page has its own
        annots = b" /Annots [%s]" % b" ".join(b"%d 0 R" % writer.add(link) for link in links)
    doc.pages.append(writer.add(
        b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %s] /Resources %d 0 R /Contents %d 0 R%s >>"
        % (doc.tree, fp_str(page.width, page.height).encode("ascii"), doc.resources, contents,
           annots)))


def _finish(doc: _Document, info: DocumentInfo) -> None:
    """Write the fonts, the shared resources, the page tree, the catalogue and the trailer."""
    writer = doc.writer
    fonts = {codes.resource_name: writer.reserve() for codes in doc.shown}
    for codes, used in doc.shown.items():
        write_font(writer, fonts[codes.resource_name], type0_parts(codes, used))
    writer.write(doc.resources, b"<< /ProcSet [/PDF /Text] /Font << %s >> /XObject << %s >> >>" % (
        _names(fonts), _names(doc.forms)))
    kids = b" ".join(b"%d 0 R" % number for number in doc.pages)
    writer.write(doc.tree, b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(doc.pages)))
    archival = _pdfa_entries(writer, info) if info.pdfa else b""
    catalog = writer.add(b"<< /Type /Catalog /Pages %d 0 R /Lang %s%s >>" % (
        doc.tree, pdf_string(info.language), archival))
    described = writer.add(b"<< /Title %s /Subject %s /Author %s /Keywords %s /Creator "
                           b"(appealkit) /Producer (appealkit) >>" % (
                               pdf_string(info.title), pdf_string(info.subject),
                               pdf_string(info.author), pdf_string(", ".join(info.keywords))))
    writer.finish(catalog, described)


def _pdfa_entries(writer: PdfWriter, info: DocumentInfo) -> bytes:
    """Write the XMP metadata and the output intent's profile; the catalogue's entries for them
    (see pdfa.py). The Info dictionary here has no dates, so neither has the XMP."""
    packet = xmp_packet(title=info.title, subject=info.subject, author=info.author,
                        keywords=", ".join(info.keywords), language=info.language,
                        creator="appealkit", producer="appealkit")
    metadata = writer.add_stream(b"/Type /Metadata /Subtype /XML", packet, compress=False)
    profile = writer.add_stream(b"/N 3", icc_profile())
    condition = pdf_string(OUTPUT_CONDITION)
    return (b" /Metadata %d 0 R /OutputIntents [<< /Type /OutputIntent /S /GTS_PDFA1 "
            b"/OutputConditionIdentifier %s /Info %s /DestOutputProfile %d 0 R >>]"
            % (metadata, condition, condition, profile))


def _names(objects: dict[str, int]) -> bytes:
    return b" ".join(b"/%s %d 0 R" % (name.encode("ascii"), number)
                     for name, number in objects.items())
