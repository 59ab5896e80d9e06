"""The Python API: what `appealkit build` and `appealkit check` do, for an office's own scripts.

Four functions and the errors they raise; `import appealkit` gives them all. Everything else in
the package is internal and may change between releases.

- `read_kit(path)`: the checked kit and its warnings.
- `check_kit(path, paper=...)`: lay the pack out as a build does, draw nothing; the warnings.
- `render_kit(path, paper=...)`: every PDF in memory, file name → bytes; nothing is written.
- `build_kit(path, out_dir, paper=...)`: the PDFs written into `out_dir`, as the command does.

Each takes the kit's path, or `text=` with the YAML itself (the path then only names the kit in
messages and gives the folder its logo is read from). Bad input raises `KitError`, whose
`problems` are the located messages the command prints (`str(problem)` is one line,
`kit.yaml:12:5: key: message`); an output folder that cannot be written raises `OutputError`;
a damaged font file, `FontError`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection
from dataclasses import dataclass
from pathlib import Path

from .errors import KitError, OutputError, Problem
from .model import Kit
from .text.errors import FontError

# The functions import the pipeline (build.py) when called, for start-up time: `import appealkit`
# (for the errors or a version check) does not load ReportLab and HarfBuzz.

__all__ = [
    "Built", "FontError", "Kit", "KitError", "OutputError", "Problem", "Rendered",
    "build_kit", "check_kit", "read_kit", "render_kit",
]

PAPERS = ("a4", "letter")


@dataclass(frozen=True)
class Rendered:
    """The PDFs of a kit, file name → PDF bytes (`pack.pdf`, `fact-sheet.pdf`, ...), and the
    warnings found on the way."""

    files: dict[str, bytes]
    warnings: list[Problem]


@dataclass(frozen=True)
class Built:
    """The files a build wrote, in order, and the warnings found on the way."""

    files: list[Path]
    warnings: list[Problem]


def read_kit(path: str | Path = "kit.yaml", *, text: str | None = None,
             today: dt.date | None = None, strict: bool = False) -> tuple[Kit, list[Problem]]:
    """Read and check a kit (no layout): the kit and its warnings; KitError for errors."""
    from .build import read_kit as read

    return read(Path(path), today=today, strict=strict, text=text)


def check_kit(path: str | Path = "kit.yaml", *, text: str | None = None, paper: str = "a4",
              today: dt.date | None = None, strict: bool = False) -> list[Problem]:
    """Check a kit as `appealkit check` does, text that does not fit included: the warnings."""
    from .build import lay_out_pack

    return lay_out_pack(Path(path), paper=_paper(paper), today=today, strict=strict,
                        text=text).warnings


def render_kit(path: str | Path = "kit.yaml", *, text: str | None = None, paper: str = "a4",
               today: dt.date | None = None, strict: bool = False,
               parts: Collection[str] | None = None, pdfa: bool = False) -> Rendered:
    """Every PDF a build makes, in memory; `parts` as `--parts` (default: all); `pdfa` as
    `--pdfa` (PDF/A-2u)."""
    from .build import PART_NAMES, lay_out_pack, render_pdfs

    laid = lay_out_pack(Path(path), paper=_paper(paper), today=today, strict=strict,
                        parts=_parts(parts, PART_NAMES), text=text)
    # Only signed letters are spooled to a file (write.Data); the parts here are all bytes.
    files = {name: data for name, data in render_pdfs(laid, pdfa=pdfa).items()
             if isinstance(data, bytes)}
    return Rendered(files, laid.warnings)


def build_kit(path: str | Path = "kit.yaml", out_dir: str | Path = "output", *,
              text: str | None = None, paper: str = "a4", today: dt.date | None = None,
              strict: bool = False, parts: Collection[str] | None = None,
              labels_start: int = 1, copies: int = 1, signers: str | Path | None = None,
              progress: Callable[[int, int], None] | None = None, pdfa: bool = False) -> Built:
    """Build into `out_dir` as `appealkit build` does: all files at once, or none.

    `parts`, `labels_start`, `copies`, `signers` and `pdfa` as the command's options;
    `progress(done, total)` is called while the signed letters are made.
    """
    from .build import PART_NAMES, build_pack

    files, warnings = build_pack(Path(path), Path(out_dir), paper=_paper(paper), today=today,
                                 strict=strict, parts=_parts(parts, PART_NAMES),
                                 labels_start=labels_start, copies=copies,
                                 signers=Path(signers) if signers else None, progress=progress,
                                 text=text, pdfa=pdfa)
    return Built(files, warnings)


def _paper(paper: str) -> str:
    if paper not in PAPERS:
        raise ValueError(f"paper must be one of {', '.join(PAPERS)}, not {paper!r}")
    return paper


def _parts(parts: Collection[str] | None, known: tuple[str, ...]) -> tuple[str, ...]:
    if parts is None:
        return known
    unknown = [name for name in parts if name not in known]
    if unknown:
        raise ValueError(f"unknown part {unknown[0]!r}; the parts are: {', '.join(known)}")
    return tuple(parts)
