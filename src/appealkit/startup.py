"""Start the command quickly: defer Pillow, which our dependencies import but a build seldom uses.

ReportLab and qrcode both import Pillow's `Image` (and qrcode `ImageDraw`) when they are
imported, for bitmaps they can make. A pack draws a bitmap only when the kit has a logo, yet the
import costs about 20 ms, a tenth of a whole build. So the command registers those modules
with the standard library's lazy loader (`importlib.util.LazyLoader`) before anything imports
them: importing one gives a module whose code runs the first time one of its attributes is
used. A kit with a logo loads Pillow when its logo is checked; nothing else changes.

Only the command does this (see `__main__`); importing appealkit as a library changes nothing.
"""

from __future__ import annotations

import importlib.util
import sys

__all__ = ["DEFERRED", "defer_unused_imports"]

DEFERRED = ("PIL.Image", "PIL.ImageDraw")


def defer_unused_imports(names: tuple[str, ...] = DEFERRED) -> None:
    """Make each module in `names` not imported yet load on first use (its package loads now).

    This is the lazy import recipe of the `importlib` documentation; a module that is not
    installed is left alone, for the real import to fail where it is made.
    """
    for name in names:
        if name in sys.modules:
            continue
        try:
            spec = importlib.util.find_spec(name)
        except ImportError:
            continue
        if spec is None or spec.loader is None:
            continue
        loader = importlib.util.LazyLoader(spec.loader)
        spec.loader = loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        loader.exec_module(module)
        parent, _, child = name.rpartition(".")
        if parent:
            setattr(sys.modules[parent], child, module)  # for `from PIL import Image`
