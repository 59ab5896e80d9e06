"""The pipeline: load, validate and lint kit.yaml, lay out the pack, draw the PDFs, write them
all at once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from . import draw, layout, lint, load, validate, write
from .errors import KitError, Problem, cap_repeats
from .layout.event_parts import EVENT_PARTS, layout_event_parts
from .layout.locale import language_name
from .model import Kit

PART_NAMES = ("pack", *EVENT_PARTS)  # what `--parts` may name

if TYPE_CHECKING:
    from .signed_letters import Progress


def build_pack(kit_path: Path, out_dir: Path, *, paper: str = "a4",
               today: dt.date | None = None, strict: bool = False,
               parts: Collection[str] = PART_NAMES, labels_start: int = 1,
               copies: int = 1, signers: Path | None = None,
               progress: Progress | None = None, text: str | None = None, pdfa: bool = False
               ) -> tuple[list[Path], list[Problem]]:
    """Build `pack.pdf` with every part alone, and the event materials, into `out_dir`;
    return the files and the warnings.

    `parts` names what to build (PART_NAMES); `labels_start` and `copies` place the address
    labels. With `signers` (a CSV file), also `signed-letters.pdf`, calling
    `progress(done, total)`. `text`, when given, is the kit's YAML (see read_kit). With `pdfa`,
    every file is PDF/A-2u.
    Raises KitError, listing every problem, for bad input; then nothing is written.
    """
    laid = lay_out_pack(kit_path, paper=paper, today=today, strict=strict, parts=parts,
                        labels_start=labels_start, copies=copies, text=text)
    if signers:  # imported here: a build without signers does not pay for it
        from . import signed_letters

        signer_list = signed_letters.read_signer_list(signers, laid.kit)
    files: dict[str, write.Data] = dict(render_pdfs(laid, pdfa=pdfa))
    if signers:
        files[signed_letters.FILENAME] = signed_letters.build_signed_letters(
            laid.kit, signer_list, layout.PAPERS[paper], today or dt.date.today(),
            replace(_document_info(laid.kit), pdfa=pdfa), progress)
    return write.write_all(out_dir, files), laid.warnings


@dataclass(frozen=True)
class LaidOut:
    """A kit laid out: the pack's parts (empty when not asked for), the event materials, warnings."""

    kit: Kit
    pack: list[layout.Part]
    events: list[layout.Part]
    warnings: list[Problem]


def read_kit(kit_path: Path, *, today: dt.date | None = None, strict: bool = False,
             text: str | None = None) -> tuple[Kit, list[Problem]]:
    """Read, check and return the kit at `kit_path` with its warnings: load, validate, lint.

    With `text`, that is the kit's YAML and `kit_path` only names it (in messages) and its
    folder (where the logo is looked for); the file need not exist. Every problem in the file
    is collected before anything is raised: a KitError carries all errors (and, with `strict`,
    the warnings too), each naming its line, column and key. The only other file read is the
    organisation's logo, once validated.
    """
    today = today or dt.date.today()
    document = load.read_document(Path(kit_path), text)
    kit, problems, locate = validate.validate_document(document)
    if kit is not None:
        problems += lint.lint_kit(kit, locate, today)
    # A problem without a mark still names the file.
    problems = [p if p.mark else replace(p, file=document.source.name) for p in problems]
    errors = [p for p in problems if p.is_error]
    warnings = [p for p in problems if not p.is_error]
    if strict:
        errors += [w.as_error() for w in warnings]
    if errors or kit is None:
        raise KitError(cap_repeats(errors))
    return kit, cap_repeats(warnings)


def lay_out_pack(kit_path: Path, *, paper: str = "a4", today: dt.date | None = None,
                 strict: bool = False, parts: Collection[str] = PART_NAMES,
                 labels_start: int = 1, copies: int = 1, text: str | None = None) -> LaidOut:
    """Load, validate and lay out the chosen parts without drawing or writing: what `check` runs.

    Raises KitError for every problem a build would reject, text that does not fit included.
    """
    today = today or dt.date.today()
    kit, warnings = read_kit(kit_path, today=today, strict=strict, text=text)
    pack = layout.layout_pack(kit, layout.PAPERS[paper], today) if "pack" in parts else []
    events = layout_event_parts(kit, layout.PAPERS[paper], parts, labels_start, copies)
    return LaidOut(kit, pack, events, warnings)


def render_pdfs(laid: LaidOut, pdfa: bool = False) -> dict[str, bytes]:
    """The PDFs of a laid-out kit, name → bytes: `pack.pdf`, each of its parts alone
    (`fact-sheet.pdf`, ...), then the event materials (`handouts.pdf`, ...); PDF/A-2u with
    `pdfa`."""
    info = replace(_document_info(laid.kit), pdfa=pdfa)
    files: dict[str, bytes] = {}
    with draw.drawing_session():  # each page is drawn once, for pack.pdf, and reused for its part
        if laid.pack:
            files["pack.pdf"] = draw.render_pdf(laid.pack, info)
        for part in (*laid.pack, *laid.events):  # each part alone is titled as itself
            alone = replace(info, title=f"{part.title}: {laid.kit.headline}", language=part.language)
            files[f"{part.name}.pdf"] = draw.render_pdf([part], alone)
    return files


def _document_info(kit: Kit) -> draw.DocumentInfo:
    appeals = []
    for index in kit.letter_targets:
        target = kit.targets[index]
        who = " ".join(part for part in (target.title, target.name) if part)
        languages = ", ".join(language_name(letter.language) for letter in kit.letters_to(index))
        appeals.append(f"{who} ({languages})")
    return draw.DocumentInfo(
        title=f"Urgent Action: {kit.headline}",
        subject=f"Letter-writing pack: appeal to {'; '.join(appeals)}",
        author=kit.organisation.name or "appealkit",
        keywords=kit.keywords,
        language=kit.language,
    )
