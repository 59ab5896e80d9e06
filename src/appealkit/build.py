"""The pipeline: load and validate kit.yaml, lay out the pack, draw the PDFs, write them all at once."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from . import draw, layout, load, write
from .errors import Problem
from .layout.locale import language_name
from .model import Kit
from .records import replace

if TYPE_CHECKING:
    from .signed_letters import Progress


def build_pack(kit_path: Path, out_dir: Path, *, paper: str = "a4",
               today: dt.date | None = None, strict: bool = False, signers: Path | None = None,
               progress: Progress | None = None) -> tuple[list[Path], list[Problem]]:
    """Build `pack.pdf` and every part alone into `out_dir`; return the files and the warnings.

    With `signers` (a CSV file), also `signed-letters.pdf`, calling `progress(done, total)`.
    Raises KitError, listing every problem, for bad input; then nothing is written.
    """
    today = today or dt.date.today()
    kit, warnings = load.load_kit(kit_path, today=today, strict=strict)
    if signers:  # imported here: a build without signers does not pay for it
        from . import signed_letters

        signer_list = signed_letters.read_signer_list(signers, kit)
    parts = layout.layout_pack(kit, layout.PAPERS[paper], today)
    info = _document_info(kit)
    with draw.drawing_session():  # each page is drawn once, for pack.pdf, and reused for its part
        files: dict[str, write.Data] = {"pack.pdf": draw.render_pdf(parts, info)}
        for part in parts:  # each part alone is titled as itself, in its own language
            alone = replace(info, title=f"{part.title}: {kit.headline}", language=part.language)
            files[f"{part.name}.pdf"] = draw.render_pdf([part], alone)
    if signers:
        files[signed_letters.FILENAME] = signed_letters.build_signed_letters(
            kit, signer_list, layout.PAPERS[paper], today, info, progress)
    return write.write_all(out_dir, files), warnings


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
