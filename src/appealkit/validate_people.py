"""Check a kit's people and its action's status beyond their types; report located problems.

(The photos are read in validate_images.py, with the logo.)
"""

from __future__ import annotations

from . import model
from .validate_checker import Checker

__all__ = ["check_people"]


def check_people(kit: model.Kit, checker: Checker) -> None:
    """Add the problems of `kit.people` and of `action.status`/`update` to `checker`."""
    if kit.people == () and "people" in checker.nodes:
        checker.error(checker.nodes["people"], "people",
                      "the list is empty; give each person's name (and pronoun), or remove the key")
    _check_status(kit.action, checker)


def _check_status(action: model.Action | None, checker: Checker) -> None:
    if action is None:
        return
    if action.status == "update" and not action.update:
        checker.warn(checker.nodes.get("action.status"), "action.status",
                     "an update says what changed: add 'update:' under action, printed at "
                     "the top of the fact sheet")
