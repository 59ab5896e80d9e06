"""The pipeline: load and validate kit.yaml, lay out the pack, draw the PDFs, write them all at once."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from . import draw, layout, load, write
from .errors import Problem
from .layout.locale import language_name
from .model import Kit
from .records import replace


def build_pack(kit_path: Path, out_dir: Path, *, paper: str = "a4",
               today: dt.date | None = None, strict: bool = False) -> tuple[list[Path], list[Problem]]:
    """Build `pack.pdf` and every part alone into `out_dir`; return the files and the warnings.

    Raises KitError, listing every problem, for bad input; then nothing is written.
    """
    today = today or dt.date.today()
    kit, warnings = load.load_kit(kit_path, today=today, strict=strict)
    return write.write_all(out_dir, render_pdfs(kit, paper, today)), warnings


def render_pdfs(kit: Kit, paper: str, today: dt.date) -> dict[str, bytes]:
    """The PDFs a build writes, name → bytes: `pack.pdf`, then each part alone (`fact-sheet.pdf`...)."""
    parts = layout.layout_pack(kit, layout.PAPERS[paper], today)
    info = _document_info(kit)
    with draw.drawing_session():  # each page is drawn once, for pack.pdf, and reused for its part
        files = {"pack.pdf": draw.render_pdf(parts, info)}
        for part in parts:  # each part alone is titled as itself, in its own language
            alone = replace(info, title=f"{part.title}: {kit.headline}", language=part.language)
            files[f"{part.name}.pdf"] = draw.render_pdf([part], alone)
    return files


def _document_info(kit: Kit) -> draw.DocumentInfo:
    target = kit.main_target
    languages = ", ".join(language_name(lang) for lang in kit.languages)
    return draw.DocumentInfo(
        title=f"Urgent Action: {kit.headline}",
        subject=f"Letter-writing pack: appeal to {target.title} {target.name} ({languages})",
        author=kit.organisation.name or "appealkit",
        keywords=kit.keywords,
        language=kit.language,
    )
