"""Make the PDFs draw writes PDF/A-2u: XMP metadata, an sRGB output intent, printable links.

What the rest of draw already gives PDF/A: every font embedded with a ToUnicode map for every
code (level U: each character has its Unicode text), no transparency, no encryption, and with
ReportLab's invariant mode a fixed document ID and fixed dates, so the same input gives the
same bytes. This module adds what PDF/A asks of a document besides (ISO 19005-2, 6.2.3 and
6.6): the XMP metadata stream, matching the document information dictionary, and the output
intent naming sRGB, in which all colours are given. Links are flagged to print (6.3.2).
"""

from __future__ import annotations

from importlib.resources import files
from typing import Any
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfdoc

__all__ = ["CONFORMANCE", "add_metadata", "LINK_FLAGS", "OUTPUT_CONDITION", "PART", "icc_profile", "make_pdfa",
           "xmp_packet"]

PART, CONFORMANCE = 2, "U"
LINK_FLAGS = 4  # the Print flag: PDF/A wants every link annotation printable
OUTPUT_CONDITION = "sRGB IEC61966-2.1"


def icc_profile() -> bytes:
    """The sRGB ICC profile (version 2) shipped in appealkit/data (see tools/make_srgb_icc.py)."""
    return (files("appealkit") / "data" / "sRGB-v2.icc").read_bytes()


def xmp_packet(*, title: str, subject: str, author: str, keywords: str, language: str,
               creator: str, producer: str, date: str | None = None,
               trapped: str | None = None, pdfa: bool = True) -> bytes:
    """The XMP metadata of a PDF/A-2u document (of any document, without `pdfa`). Each value is
    the Info dictionary's (which PDF/A requires); `date` (ISO 8601) is its CreationDate and
    ModDate, if it has them."""
    def text(value: str) -> str:
        return escape(value)
    dates = "" if date is None else (
        f"\n   <xmp:CreateDate>{date}</xmp:CreateDate>"
        f"\n   <xmp:ModifyDate>{date}</xmp:ModifyDate>"
        f"\n   <xmp:MetadataDate>{date}</xmp:MetadataDate>")
    if trapped:
        dates += f"\n   <pdf:Trapped>{trapped}</pdf:Trapped>"
    claim = (f"\n   <pdfaid:part>{PART}</pdfaid:part>"
             f"\n   <pdfaid:conformance>{CONFORMANCE}</pdfaid:conformance>") if pdfa else ""
    return f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/">{claim}
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{text(title)}</rdf:li></rdf:Alt></dc:title>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{text(subject)}</rdf:li></rdf:Alt></dc:description>
   <dc:creator><rdf:Seq><rdf:li>{text(author)}</rdf:li></rdf:Seq></dc:creator>
   <dc:language><rdf:Bag><rdf:li>{text(language)}</rdf:li></rdf:Bag></dc:language>
   <pdf:Keywords>{text(keywords)}</pdf:Keywords>
   <pdf:Producer>{text(producer)}</pdf:Producer>
   <xmp:CreatorTool>{text(creator)}</xmp:CreatorTool>{dates}
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="r"?>""".encode()


def make_pdfa(canvas: Any, language: str) -> None:
    """Make the document of a ReportLab canvas PDF/A-2u: call when its pages are drawn and its
    Info is set, just before it is saved; `language` is its BCP 47 /Lang."""
    doc = canvas._doc
    add_metadata(canvas, language, pdfa=True)
    profile = pdfdoc.PDFStream(pdfdoc.PDFDictionary({"N": 3}), icc_profile())
    doc.Catalog.OutputIntents = pdfdoc.PDFArray([pdfdoc.PDFDictionary({
        "Type": pdfdoc.PDFName("OutputIntent"), "S": pdfdoc.PDFName("GTS_PDFA1"),
        "OutputConditionIdentifier": pdfdoc.PDFString(OUTPUT_CONDITION),
        "Info": pdfdoc.PDFString(OUTPUT_CONDITION),
        "DestOutputProfile": doc.Reference(profile)})])
    # the catalogue writes only the entries its class names: add the output intents
    doc.Catalog.__NoDefault__ = [*pdfdoc.PDFCatalog.__NoDefault__, "OutputIntents"]
    for obj in doc.idToObject.values():
        if isinstance(obj, pdfdoc.PDFDictionary) and obj.dict.get("Subtype") == "/Link":
            obj.dict["F"] = LINK_FLAGS


def add_metadata(canvas: Any, language: str, pdfa: bool = False) -> None:
    """Give the document of a ReportLab canvas its XMP metadata (title, language …, as its Info
    dictionary has them; the PDF/A-2u claim with `pdfa`): call as for `make_pdfa`."""
    doc = canvas._doc
    info = doc.info
    packet = xmp_packet(title=info.title, subject=info.subject, author=info.author,
                        keywords=info.keywords, language=language, creator=info.creator,
                        producer=info.producer, date=_xmp_date(doc._timeStamp),
                        trapped=info.trapped, pdfa=pdfa)
    doc._pdfVersion = max(doc._pdfVersion, (1, 4))  # metadata streams, output intents
    doc.Catalog.Metadata = _Unfiltered(pdfdoc.PDFDictionary(
        {"Type": pdfdoc.PDFName("Metadata"), "Subtype": pdfdoc.PDFName("XML")}), packet)


class _Unfiltered(pdfdoc.PDFStream):  # type: ignore[misc]
    """A stream written as it is: XMP stays readable by tools that know nothing of PDF, and its
    dictionary has no Filter entry (ISO 19005-2, 6.6.2.1)."""

    def format(self, document: Any) -> bytes:
        filters, document.defaultStreamFilters = document.defaultStreamFilters, None
        try:
            return super().format(document)  # type: ignore[no-any-return]
        finally:
            document.defaultStreamFilters = filters


def _xmp_date(stamp: Any) -> str:
    """A ReportLab time stamp as XMP writes dates, equal to the Info dictionary's."""
    year, month, day, hour, minute, second = stamp.YMDhms
    sign = "-" if stamp.dhh < 0 else "+"
    return (f"{year:04d}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}:{second:02d}"
            f"{sign}{abs(stamp.dhh):02d}:{stamp.dmm:02d}")
