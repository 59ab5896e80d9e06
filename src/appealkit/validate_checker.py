"""What every validation rule reports through: the Checker, and suggestions for misspellings.

validate.py's checker converts the YAML tree into a Kit; the rules in validate_rules.py,
validate_event.py, validate_images.py and validate_glyphs.py look across keys afterwards and
report through this protocol, so none of them imports the converter.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from .locator import Locator

__all__ = ["Checker", "close_matches"]


class Checker(Protocol):
    """Where a rule finds the YAML nodes of a kit, and reports problems at them."""

    nodes: dict[str, Any]  # key path → the value's node
    keys: dict[str, Any]  # key path → the key's node

    def error(self, where: Any, path: str, message: str) -> None:
        """Report an error at `where` (a node or a mark) about the key `path`."""
        ...

    def warn(self, where: Any, path: str, message: str) -> None:
        """Report a warning at `where` about the key `path`."""
        ...

    def locate(self) -> Locator:
        """A Locator over the nodes seen so far, for marks inside text values."""
        ...


def close_matches(word: str, candidates: Sequence[str], n: int = 1, cutoff: float = 0.6) -> list[str]:
    """difflib's close matches, importing difflib only when a mistake needs a suggestion."""
    import difflib

    return difflib.get_close_matches(word, candidates, n=n, cutoff=cutoff)
