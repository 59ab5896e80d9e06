"""The text an imported kit holds where a translation is still missing: `appealkit import`
writes it, `lint` warns about it (and `--strict` refuses it)."""

from __future__ import annotations

__all__ = ["UNTRANSLATED", "is_untranslated", "untranslated"]

UNTRANSLATED = "UNTRANSLATED:"


def untranslated(what: str) -> str:
    """The marker text standing in for `what`, e.g. 'the Urdu letter'."""
    return f"{UNTRANSLATED} write {what} here, translated from the English."


def is_untranslated(text: str) -> bool:
    """True when `text` is still the importer's marker."""
    return text.lstrip().startswith(UNTRANSLATED)
