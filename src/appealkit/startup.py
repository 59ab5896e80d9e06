"""Start the command quickly: defer Pillow, which our dependencies import but a build seldom uses.

ReportLab and qrcode both import Pillow's `Image` (and qrcode `ImageDraw`) when they are
imported, for bitmaps they can make. A pack draws a bitmap only when the kit has a logo, yet the
import costs about 20 ms, a twentieth of a whole build. So the command puts a
stand-in for each of those modules in `sys.modules` before anything imports them; the real
module is imported the first time anything uses an attribute of its stand-in, and from then on
the stand-in passes every attribute through to it. Nothing else changes: a kit with a logo
loads Pillow when its logo is checked.

Only the command does this (see `__main__`); importing appealkit as a library changes nothing.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import Any

__all__ = ["DEFERRED", "defer_unused_imports"]

DEFERRED = ("PIL.Image", "PIL.ImageDraw")


class _Deferred(types.ModuleType):
    """A module's stand-in until first use, and its window afterwards."""

    def __getattr__(self, name: str) -> Any:  # only for names the stand-in lacks: all real ones
        return getattr(_real(self), name)

    def __setattr__(self, name: str, value: Any) -> None:
        setattr(_real(self), name, value)

    def __delattr__(self, name: str) -> None:
        delattr(_real(self), name)

    def __dir__(self) -> list[str]:
        return dir(_real(self))


def defer_unused_imports(names: tuple[str, ...] = DEFERRED) -> None:
    """Put a stand-in for each module not imported yet (a package's parent is imported)."""
    for name in names:
        if name in sys.modules:
            continue
        parent, _, child = name.rpartition(".")
        try:
            package = importlib.import_module(parent) if parent else None
        except ImportError:
            continue  # not installed: let the real import fail where it is made
        stand_in = _Deferred(name)
        object.__setattr__(stand_in, "__spec__", None)  # import machinery: not initialising
        sys.modules[name] = stand_in
        if package is not None:
            setattr(package, child, stand_in)  # for `import PIL.Image` then `PIL.Image.open`


def _real(stand_in: _Deferred) -> types.ModuleType:
    module: types.ModuleType | None = stand_in.__dict__.get("_module")
    if module is None:
        name = stand_in.__name__
        if sys.modules.get(name) is stand_in:
            del sys.modules[name]
        module = importlib.import_module(name)  # also sets it on its package again
        object.__setattr__(stand_in, "_module", module)
    return module
