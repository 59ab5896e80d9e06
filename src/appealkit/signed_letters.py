"""Build `signed-letters.pdf`: the kit's letters for each signer of a CSV list, ready to sign.

Timings and sizes are in README ("Letters for a list of signers"), measured with
benchmarks/bench_signers.py: they change with the letters, so they are kept in one place.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

from .draw.document import DocumentInfo
from .draw.signed import Progress, write_signed_letters
from .errors import KitError
from .layout.paper import Paper
from .layout.signed import layout_forms, letter_key
from .model import Kit
from .signers import Signer, read_signers
from .text.fonts import missing_chars
from .typefaces import family

__all__ = ["FILENAME", "Progress", "build_signed_letters", "read_signer_list"]

FILENAME = "signed-letters.pdf"


def read_signer_list(path: Path, kit: Kit) -> list[Signer]:
    """The signers listed at `path`; raises KitError naming every bad row."""
    serif, sans = family("serif"), family("sans")  # the letter, and its return line
    drawable: dict[str, bool] = {}  # each character is looked up once for the whole list

    def missing(text: str) -> list[str]:
        for char in set(text) - drawable.keys():
            drawable[char] = not (missing_chars(char, serif) or missing_chars(char, sans))
        return [char for char in dict.fromkeys(text) if not drawable[char]]

    return read_signers(path, letter_choices(kit), missing)


def letter_choices(kit: Kit) -> dict[str, tuple[str, ...]]:
    """What a signer's `languages` cell may name → the letters (form keys) it picks, in kit
    order: a language; with letters to several targets also a target id (all its letters) and
    `id-language` (one letter)."""
    choices: dict[str, tuple[str, ...]] = {letter_key(letter): () for letter in kit.letter_list}
    # (the letters' own keys first: the mapping's order is the kit's)
    for letter in kit.letter_list:
        key = letter_key(letter)
        names = [letter.language, key]
        if len(kit.letter_targets) > 1:
            names.append(str(kit.targets[letter.target].id))
        for name in dict.fromkeys(names):
            choices[name] = (*choices.get(name, ()), key)
    return choices


def build_signed_letters(kit: Kit, signers: list[Signer], paper: Paper, today: dt.date,
                         info: DocumentInfo, progress: Progress | None = None) -> BinaryIO:
    """The PDF, in an anonymous temporary file (gone once closed, even after a crash).

    Raises KitError naming each signer whose name or address does not fit its line.
    """
    forms = layout_forms(kit, paper, today)
    spool = tempfile.TemporaryFile(prefix="appealkit-signed-")  # noqa: SIM115 - returned: freed with the files written
    try:
        title = f"Signed letters: {kit.headline}"
        problems = write_signed_letters(spool, forms, signers, replace(info, title=title),
                                        progress)
        if problems:
            raise KitError(problems)
        spool.flush()
        return spool
    except BaseException:
        spool.close()
        raise
