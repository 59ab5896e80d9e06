"""The text engine's own error: a font it cannot use."""

from __future__ import annotations

__all__ = ["FontError"]


class FontError(Exception):
    """A font file is missing, unreadable or damaged; str() names the file and the problem."""

    def __init__(self, path: str, problem: str) -> None:
        self.path = path
        super().__init__(f"font file {path} {problem}")
