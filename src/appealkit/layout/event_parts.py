"""Choose and lay out the event materials a build asked for: handouts, poster, envelopes, ..."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection

from ..model import Kit
from .boxes import Part
from .envelopes import layout_envelopes
from .handouts import layout_handouts
from .labels import layout_labels
from .paper import Paper
from .poster import layout_poster
from .solidarity import layout_solidarity
from .status import CALLS_TO_ACT, is_closed
from .tally import layout_tally

__all__ = ["EVENT_PARTS", "layout_event_parts"]

EVENT_PARTS = ("handouts", "poster", "envelopes", "labels", "tally", "solidarity")


def layout_event_parts(kit: Kit, paper: Paper, names: Collection[str], labels_start: int = 1,
                       copies: int = 1, today: dt.date | None = None) -> list[Part]:
    """The parts in `names`, in EVENT_PARTS order, leaving out those the kit has nothing for
    (no solidarity message; no target with a postal address) and, for a closed action, those
    that ask people to write (lint warns of it). `today` is the day of the build."""
    makers: dict[str, Callable[[], Part | None]] = {
        "handouts": lambda: layout_handouts(kit, paper, today),
        "poster": lambda: layout_poster(kit, paper, today),
        "envelopes": lambda: layout_envelopes(kit, paper),
        "labels": lambda: layout_labels(kit, paper, start=labels_start, copies=copies),
        "tally": lambda: layout_tally(kit, paper, today),
        "solidarity": lambda: layout_solidarity(kit, paper),
    }
    skipped = CALLS_TO_ACT if is_closed(kit) else ()
    parts = [makers[name]() for name in EVENT_PARTS if name in names and name not in skipped]
    return [part for part in parts if part is not None and part.pages]
