"""The organisation's logo: read once, checked and decoded while validating, kept as bytes."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from . import model
from .logo import LogoProblem, read_logo
from .validate_checker import Checker

__all__ = ["check_logo"]


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
