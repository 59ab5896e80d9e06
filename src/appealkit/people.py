"""Who an action is for, as a reader reads it: the kit's `people` in, printed text and photos out.

An Urgent Action's NAME AND PRONOUN field gives each person's pronouns, and `(All)` for a group.
`(All)` is a note to the office, not something a reader understands, so it is never printed;
a person's own pronouns (she/her, he/him, they/them) are printed after their name.
"""

from __future__ import annotations

import re

from .markup import collapse_spaces
from .model import Kit, Person, Photo

__all__ = ["GROUP_PRONOUNS", "case_photo", "is_group", "people_names", "photos", "printed_people"]

GROUP_PRONOUNS = frozenset({"all"})  # how UAs mark a group: not a pronoun to print
_GROUP_MARK = re.compile(r"\s*\(\s*all\s*\)", re.IGNORECASE)


def is_group(pronoun: str | None) -> bool:
    """True for a pronoun such as `All` that marks a group rather than a person's pronouns."""
    return pronoun is not None and pronoun.strip().casefold() in GROUP_PRONOUNS


def printed_people(people: str | tuple[Person, ...] | None, conjunction: str = "and") -> str:
    """The people as printed: `Ahmed Mansoor (he/him) and Sara Karimi (she/her)`; a text
    without its `(All)`; "" for none. `conjunction` joins the last two names."""
    if people is None:
        return ""
    if isinstance(people, str):
        return collapse_spaces(_GROUP_MARK.sub("", people))
    shown = [_printed_person(person) for person in people]
    if len(shown) <= 1:
        return "".join(shown)
    return f"{', '.join(shown[:-1])} {conjunction} {shown[-1]}"


def _printed_person(person: Person) -> str:
    name = collapse_spaces(_GROUP_MARK.sub("", person.name))
    pronoun = collapse_spaces(person.pronoun or "")
    return f"{name} ({pronoun})" if pronoun and not is_group(pronoun) else name


def people_names(people: str | tuple[Person, ...] | None) -> list[str]:
    """The names of a list of people (not of a text, which may say anything)."""
    if not isinstance(people, tuple):
        return []
    return [collapse_spaces(person.name) for person in people]


def photos(kit: Kit) -> list[tuple[str, str | None, Photo]]:
    """(key path, name, photo) of the photos to print: the case's `photo` alone (no name),
    else each person's that has one, with their name."""
    if kit.photo is not None:
        return [("photo", None, kit.photo)]
    if not isinstance(kit.people, tuple):
        return []
    return [(f"people.{i}.photo", collapse_spaces(p.name), p.photo)
            for i, p in enumerate(kit.people) if p.photo is not None]


def case_photo(kit: Kit) -> Photo | None:
    """The photo the pack prints: the case's `photo`, else the first person's that has one."""
    if kit.photo is not None:
        return kit.photo
    if isinstance(kit.people, tuple):
        return next((p.photo for p in kit.people if p.photo is not None), None)
    return None
