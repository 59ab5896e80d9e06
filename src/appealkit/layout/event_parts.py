"""Choose and lay out the event materials a build asked for: handouts, poster, envelopes, ..."""

from __future__ import annotations

from collections.abc import Callable, Collection

from ..model import Kit
from .boxes import Part
from .envelopes import layout_envelopes
from .handouts import layout_handouts
from .labels import layout_labels
from .paper import Paper
from .poster import layout_poster
from .solidarity import layout_solidarity
from .tally import layout_tally

__all__ = ["EVENT_PARTS", "layout_event_parts"]

EVENT_PARTS = ("handouts", "poster", "envelopes", "labels", "tally", "solidarity")


def layout_event_parts(kit: Kit, paper: Paper, names: Collection[str], labels_start: int = 1,
                       copies: int = 1) -> list[Part]:
    """The parts in `names`, in EVENT_PARTS order, leaving out those the kit has nothing for
    (no solidarity message; no target with a postal address)."""
    makers: dict[str, Callable[[], Part | None]] = {
        "handouts": lambda: layout_handouts(kit, paper),
        "poster": lambda: layout_poster(kit, paper),
        "envelopes": lambda: layout_envelopes(kit, paper),
        "labels": lambda: layout_labels(kit, paper, start=labels_start, copies=copies),
        "tally": lambda: layout_tally(kit, paper),
        "solidarity": lambda: layout_solidarity(kit, paper),
    }
    parts = [makers[name]() for name in EVENT_PARTS if name in names]
    return [part for part in parts if part is not None and part.pages]
