"""Import an Urgent Action document: its file → (kit.yaml text, the report's lines)."""

from __future__ import annotations

from pathlib import Path

from .draft import write_draft
from .mapping import Draft, Note, map_document
from .read import UnreadableDocument, read_lines

__all__ = ["UnreadableDocument", "import_ua", "report_lines"]

_KINDS = (("mapped", "mapped"), ("guessed", "guessed (check these)"),
          ("todo", "to do before you build"))


def import_ua(path: Path) -> tuple[str, Draft]:
    """The draft kit.yaml text for the Urgent Action at `path`, and the Draft with its notes.

    Raises UnreadableDocument (one line: why) when the file is not an Urgent Action it can read.
    """
    draft = map_document(read_lines(path), path.name)
    return write_draft(draft), draft


def report_lines(draft: Draft) -> list[str]:
    """The report: what was mapped, guessed and is left to do, each with where it came from,
    e.g. `urgent-action.txt:47: languages: en, ur (from 'English, Urdu')`."""
    lines: list[str] = []
    for kind, title in _KINDS:
        notes = [note for note in draft.notes if note.kind == kind]
        if notes:
            lines.append(f"{title}:")
            lines += [f"  {_located(draft.source, note)}" for note in notes]
    return lines


def _located(source: str, note: Note) -> str:
    where = note.where.where if note.where else ""
    place = f"{source}:{where}" if where.isdigit() else f"{source} ({where})" if where else source
    return f"{place}: {note.key}: {note.message}"
