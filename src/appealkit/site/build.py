"""Make the site folder: the pack in both paper sizes, page previews, QR code, index.html, style.css.

The files are published in one step by write.py, as a build's are: a reader of the folder sees
the whole old site or the whole new one, and the files of the last site that this one no longer
has are removed (the manifest). The folder is flat (`pack-a4.pdf`, `preview-letter-ur-1.png`),
since write.py publishes a folder of files.
"""

from __future__ import annotations

import datetime as dt
from importlib.resources import files as package_files
from pathlib import Path
from string import Template

from .. import write
from ..build import lay_out_pack, render_pdfs
from ..errors import Problem
from ..layout.photo import photo_size
from ..model import Kit
from ..people import photos
from .colours import palette
from .page import PAPERS, Download, Preview, SitePhoto, render_page
from .previews import render_previews, require_renderer
from .qr import qr_svg

__all__ = ["build_site", "site_files"]

QR_FILE = "qr.svg"


def build_site(kit_path: Path, out_dir: Path, *, today: dt.date | None = None,
               strict: bool = False) -> tuple[list[Path], list[Problem]]:
    """Write the download page and its files into `out_dir`; return the files and the warnings.

    Raises MissingExtra before anything else when the preview renderer is not installed,
    KitError for a kit with problems (nothing written), OutputError for the folder.
    """
    require_renderer()
    laid = {paper: lay_out_pack(kit_path, paper=paper, today=today, strict=strict)
            for paper in PAPERS}
    packs = {paper: render_pdfs(it) for paper, it in laid.items()}
    return write.write_all(out_dir, site_files(laid["a4"].kit, packs)), laid["a4"].warnings


def site_files(kit: Kit, packs: dict[str, dict[str, bytes]]) -> dict[str, bytes]:
    """Every file of the site folder, name → bytes, index.html first, from build's PDFs
    (`render_pdfs`) for each paper size."""
    files: dict[str, bytes] = {}
    downloads = []
    for name in packs["a4"]:  # the parts in the order build makes them, whatever they are
        stem = name.removesuffix(".pdf")
        download = Download(stem, {paper: (f"{stem}-{paper}.pdf", len(pdfs[name]))
                                   for paper, pdfs in packs.items() if name in pdfs},
                            _previews(stem, packs["a4"][name], files) if stem != "pack" else ())
        downloads.append(download)
        for paper, (file, _) in download.files.items():
            files[file] = packs[paper][name]
    photos = _photos(kit, files)
    page = render_page(kit, downloads, QR_FILE, photos).encode("utf-8")
    return {"index.html": page, "style.css": _style(kit), QR_FILE: qr_svg(kit.action.url), **files}


def _photos(kit: Kit, files: dict[str, bytes]) -> tuple[SitePhoto, ...]:
    """Put the photos the pack prints into `files` (as validation checked them: upright, no
    larger than it allows); return where each went."""
    out = []
    for n, (_, name, photo) in enumerate(photos(kit), 1):
        assert photo.data is not None, "validation reads every photo"
        file = f"photo-{n}{'.png' if photo.data.startswith(_PNG) else '.jpg'}"
        files[file] = photo.data
        width, height = photo_size(photo.data)
        out.append(SitePhoto(file, width, height, photo.alt, name, photo.credit))
    return tuple(out)


_PNG = b"\x89PNG"


def _previews(stem: str, pdf: bytes, files: dict[str, bytes]) -> tuple[Preview, ...]:
    """Render the pages of one part into `files`; return where each went."""
    previews = []
    for n, (png, width, height) in enumerate(render_previews(pdf), 1):
        name = f"preview-{stem}-{n}.png"
        files[name] = png
        previews.append(Preview(name, width, height))
    return tuple(previews)


def _style(kit: Kit) -> bytes:
    colours = palette(kit.organisation.accent)
    css = (package_files("appealkit") / "site" / "style.css").read_text(encoding="utf-8")
    return Template(css).substitute(banner=colours.banner, banner_ink=colours.banner_ink,
                                    accent_text=colours.accent_text).encode("utf-8")
