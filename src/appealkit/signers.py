"""Read the list of signers (a CSV file) into Signer records, every bad row reported at once.

The file is UTF-8, with or without the byte order mark spreadsheets write, and starts with a
header row: `name` and `address` are required, `languages` and `date` optional, other columns
(an email, a phone number) are ignored. An address holds its lines separated by line feeds
inside a quoted cell, or by ` / `.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from .errors import KitError, Mark, Problem

__all__ = ["COLUMNS", "Signer", "read_signers"]

REQUIRED = ("name", "address")
COLUMNS = (*REQUIRED, "languages", "date")
_SEPARATORS = re.compile(r"[\s,;]+")
_ADDRESS_LINES = re.compile(r"\s*(?:\r\n|\r|\n| / )\s*")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Signer:
    """One row of the signers' list: who signs, where they live, which letters they send."""

    name: str
    address: tuple[str, ...]  # lines, in order
    languages: tuple[str, ...]  # the kit's letters this signer sends (by language, or target
    # and language: `minister-es`), in kit order
    date: dt.date | None  # printed as the letter date; None: the kit's usual date
    mark: Mark  # the row, for problems found later (a name too long for its line)


def read_signers(path: Path, languages: Sequence[str] | Mapping[str, Sequence[str]],
                 missing: Callable[[str], list[str]] | None = None) -> list[Signer]:
    """The signers listed in the CSV file at `path`, for a kit with letters in `languages`: a
    list of languages, or what a `languages` cell may name → the letters it picks, in order.

    `missing(text)`, when given, returns the characters of `text` the letters' fonts cannot
    show. Raises KitError listing every problem (`signers.csv:17: name: empty`) if any.
    """
    name = str(path)
    text = _decode(_read_bytes(path, name), name)
    problems: list[Problem] = []
    rows = _rows(text, name, problems)
    header = next(rows, None)
    if header is None:
        raise KitError(problems or Problem(None, "", "the file is empty; its first row must "
                                                     "name the columns: name,address", file=name))
    columns = _columns(header[1], Mark(name, header[0], 0), problems)
    if problems:  # without its columns, every row would be wrong too
        raise KitError(problems)
    signers = []
    for line, cells in rows:
        mark = Mark(name, line, 0)
        if any(cell.strip() for cell in cells[len(header[1]):]):
            problems.append(Problem(mark, "", f"{len(cells)} cells, more than the header's "
                                              f"{len(header[1])}; quote a cell that holds a comma"))
            continue
        signer = _signer(cells, columns, mark, languages, missing, problems)
        if signer is not None:
            signers.append(signer)
    if not signers and not problems:
        problems.append(Problem(None, "", "no signers: the file has a header row but no names "
                                          "below it", file=name))
    if problems:
        raise KitError(problems)
    return signers


def _read_bytes(path: Path, name: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        reason = "no such file; check the path given to --signers"
    except IsADirectoryError:
        reason = "it is a folder; give the path of the CSV file in it"
    except OSError as error:
        reason = f"cannot be read: {(error.strerror or str(error)).lower()}"
    raise KitError(Problem(None, "", reason, file=name))


def _decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")  # the BOM spreadsheets add to "CSV UTF-8" files
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        byte = data[error.start]
        raise KitError(Problem(Mark(name, line, 0), "", f"not UTF-8 text (byte 0x{byte:02X}); "
                                                        "save the file as CSV UTF-8")) from None


def _rows(text: str, name: str, problems: list[Problem]) -> Iterator[tuple[int, list[str]]]:
    """(line where the row starts, its cells) for each row that is not blank."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    while True:
        start = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            reason = ("a quote opened here is never closed" if "end of data" in str(error)
                      else f"not readable as CSV ({error})")
            problems.append(Problem(Mark(name, start, 0), "", f"{reason}; a cell with a quote "
                                    "in it must be quoted, its quotes doubled"))
            return  # the reader cannot go on past a broken quote
        if any(cell.strip() for cell in cells):
            yield start, cells


def _columns(header: list[str], mark: Mark, problems: list[Problem]) -> dict[str, int]:
    """Column name → its index; problems for a missing required column, a doubled one, and an
    unknown one that looks like a misspelt column (other unknown columns are ignored)."""
    columns: dict[str, int] = {}
    misspelt: dict[str, str] = {}  # column → the header cell that looks like it
    for index, cell in enumerate(header):
        key = cell.strip().lower()
        if key in columns:
            problems.append(Problem(mark, key, "this column appears twice in the header row"))
        elif key in COLUMNS:
            columns[key] = index
        elif near := _close_match(key):
            misspelt.setdefault(near[0], cell.strip())
    for key in COLUMNS:
        if key in columns:
            continue
        if key in misspelt:
            problems.append(Problem(mark, key, f"no such column, but '{misspelt[key]}': "
                                               f"spell it '{key}'"))
        elif key in REQUIRED:
            found = ",".join(h.strip() for h in header)
            problems.append(Problem(mark, key, f"the header row has no '{key}' column; it must "
                                               f"name the columns, like name,address (it reads "
                                               f"'{found}')"))
    return columns


def _close_match(key: str) -> list[str]:
    import difflib  # only for a header with other columns

    return difflib.get_close_matches(key, COLUMNS, n=1, cutoff=0.75)


def _signer(cells: list[str], columns: dict[str, int], mark: Mark,
            languages: Sequence[str] | Mapping[str, Sequence[str]], missing: Callable[[str], list[str]] | None,
            problems: list[Problem]) -> Signer | None:
    """The row's signer, or None after adding its problems."""
    count = len(problems)

    def cell(key: str) -> str:
        index = columns.get(key)
        return cells[index].strip() if index is not None and index < len(cells) else ""

    name = " ".join(cell("name").split())
    if not name:
        problems.append(Problem(mark, "name", "empty; every signer needs a name"))
    address = tuple(line for line in _ADDRESS_LINES.split(cell("address")) if line)
    for key, text in (("name", name), ("address", " ".join(address))):
        control = [c for c in text if unicodedata.category(c) == "Cc"]
        chars = missing(text) if missing and text else []
        if control:
            problems.append(Problem(mark, key, f"holds an invisible control character "
                                               f"(U+{ord(control[0]):04X}); retype the cell"))
        elif chars:
            shown = "".join(chars)
            problems.append(Problem(mark, key, f"'{shown}' cannot be printed: the letters' fonts "
                                               "have no such characters"))
    sends = _languages(cell("languages"), languages, mark, problems)
    date = _date(cell("date"), mark, problems)
    if len(problems) > count:
        return None
    return Signer(name, address, sends, date, mark)


def _languages(text: str, languages: Sequence[str] | Mapping[str, Sequence[str]], mark: Mark,
               problems: list[Problem]) -> tuple[str, ...]:
    """The kit's letters the cell names (all of them when empty), in the kit's order."""
    choices = (languages if isinstance(languages, Mapping)
               else {lang: (lang,) for lang in languages})
    order = list(dict.fromkeys(key for keys in choices.values() for key in keys))
    if not text:
        return tuple(order)
    asked = [code for code in _SEPARATORS.split(text) if code]
    known = {name.lower(): keys for name, keys in choices.items()}
    unknown = [code for code in asked if code.lower() not in known]
    for code in unknown:
        problems.append(Problem(mark, "languages", f"'{code}' is not a letter of this kit; "
                                                   f"its letters are {', '.join(order)}"))
    wanted = {key for code in asked if code.lower() in known for key in known[code.lower()]}
    return tuple(key for key in order if key in wanted)


def _date(text: str, mark: Mark, problems: list[Problem]) -> dt.date | None:
    if not text:
        return None
    try:
        if _ISO_DATE.fullmatch(text):
            return dt.date.fromisoformat(text)
    except ValueError:
        pass
    problems.append(Problem(mark, "date", f"'{text}' is not a date like 2025-09-15"))
    return None
