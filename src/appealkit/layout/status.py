"""Where an action stands on the day of the build: live, past its deadline, or closed.

The pack prints it: a closed action's sheet is for information (no call to act, no letters,
no event materials that ask people to write); past the deadline, the sheet leads with the
kit's after-deadline advice and no date is printed as one still to act before.
"""

from __future__ import annotations

import datetime as dt

from ..model import Kit

__all__ = ["CALLS_TO_ACT", "is_closed", "is_past"]

# The event materials that ask people to write, which a closed action does not print.
CALLS_TO_ACT = ("handouts", "poster", "envelopes", "labels", "tally")


def is_closed(kit: Kit) -> bool:
    return kit.action.status == "closed"


def is_past(kit: Kit, today: dt.date | None) -> bool:
    """True when the deadline is before `today` (None: the day is not known, so not past)."""
    return today is not None and kit.action.deadline < today
