"""Check a kit's people, photos and status beyond their types; report located problems.

The photos are read here, once, with the logo's checks (logo.read_image): inside the kit's
folder, a PNG or JPEG that decodes fully, within the pixel limit, turned upright. Layout and
drawing use the checked bytes and never open the files again.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol

from . import model
from .logo import PHOTO_SIDE, LogoProblem, read_image

__all__ = ["check_people"]


class _Document(Protocol):
    @property
    def path(self) -> Path: ...


class _Checker(Protocol):
    nodes: dict[str, Any]
    keys: dict[str, Any]

    @property
    def document(self) -> _Document: ...

    def error(self, where: Any, path: str, message: str) -> None: ...

    def warn(self, where: Any, path: str, message: str) -> None: ...


def check_people(kit: model.Kit, checker: _Checker) -> None:
    """Add the problems of `kit.people`, the photos and `action.status`/`update` to `checker`."""
    people = kit.people if isinstance(kit.people, tuple) else ()
    if people == () and "people" in checker.nodes and isinstance(kit.people, tuple):
        checker.error(checker.nodes["people"], "people",
                      "the list is empty; give each person's name (and pronoun), or remove the key")
    _read_photo(kit.photo, "photo", checker)
    for i, person in enumerate(people):
        if person is not None:
            _read_photo(person.photo, f"people.{i}.photo", checker)
    _check_status(kit.action, checker)


def _read_photo(photo: model.Photo | None, path: str, checker: _Checker) -> None:
    if photo is None or photo.file is None:
        return
    node = checker.nodes.get(f"{path}.file")
    try:
        image = read_image(checker.document.path, photo.file, "photo", PHOTO_SIDE)
    except LogoProblem as problem:
        checker.error(node, f"{path}.file", str(problem))
        return
    for note in image.warnings:
        checker.warn(node, f"{path}.file", note)
    if not photo.credit:
        checker.warn(checker.nodes.get(path), path,
                     "no credit line; add 'credit:' (e.g. '© Private'): the pack prints who "
                     "took the photo, as its use is agreed")
    # The checked file and its bytes: drawing embeds these and never opens the file again.
    object.__setattr__(photo, "file", image.path)
    object.__setattr__(photo, "data", image.data)


def _check_status(action: model.Action | None, checker: _Checker) -> None:
    if action is None:
        return
    if action.status == "update" and not action.update:
        checker.warn(checker.nodes.get("action.status"), "action.status",
                     "an update says what changed: add 'update:' under action, printed at "
                     "the top of the fact sheet")
