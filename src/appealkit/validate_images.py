"""The kit's images, the organisation's logo and the photos: each read once, checked and decoded
while validating (logo.read_image), kept as bytes."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from . import model
from .logo import PHOTO_SIDE, LogoProblem, read_image, read_logo
from .validate_checker import Checker

__all__ = ["check_logo", "check_photos"]


def check_logo(kit: model.Kit, kit_path: Path, checker: Checker) -> model.Organisation | None:
    """The organisation with its checked logo file and bytes (drawing embeds these and never
    opens the file again); None when there is no logo or it cannot be used (then reported)."""
    organisation = kit.organisation
    if organisation is None or organisation.logo is None:
        return None
    path = "organisation.logo"
    node = checker.nodes.get(path)
    try:
        logo = read_logo(kit_path, organisation.logo)
    except LogoProblem as problem:
        checker.error(node, path, str(problem))
        return None
    for note in logo.warnings:
        checker.warn(node, path, note)
    return dataclasses.replace(organisation, logo=logo.path, logo_data=logo.data)


def check_photos(kit: model.Kit, kit_path: Path, checker: Checker) -> dict[str, Any]:
    """The kit's fields whose photos were read: `photo` and `people`, with each photo's checked
    file and bytes (the layout crops these; nothing opens the files again). Problems are
    reported; a photo that cannot be used is left as it was (the kit is rejected anyway)."""
    changed: dict[str, Any] = {}
    if kit.photo is not None:
        changed["photo"] = _read_photo(kit.photo, kit_path, "photo", checker)
    if isinstance(kit.people, tuple) and any(p is not None and p.photo for p in kit.people):
        changed["people"] = tuple(
            dataclasses.replace(person, photo=_read_photo(person.photo, kit_path,
                                                          f"people.{i}.photo", checker))
            if person is not None and person.photo is not None else person
            for i, person in enumerate(kit.people))
    return changed


def _read_photo(photo: model.Photo, kit_path: Path, path: str, checker: Checker) -> model.Photo:
    if photo.file is None:
        return photo  # reported while converting
    node = checker.nodes.get(f"{path}.file")
    try:
        image = read_image(kit_path, photo.file, "photo", PHOTO_SIDE)
    except LogoProblem as problem:
        checker.error(node, f"{path}.file", str(problem))
        return photo
    for note in image.warnings:
        checker.warn(node, f"{path}.file", note)
    if not photo.credit:
        checker.warn(checker.nodes.get(path), path,
                     "no credit line; add 'credit:' (e.g. '© Private'): the pack prints who "
                     "took the photo, as its use is agreed")
    return dataclasses.replace(photo, file=image.path, data=image.data)
