"""Check a kit's targets and letters beyond their types (who gets which letters, in which
languages, what each target needs to be printed) and put the letters in the pack's order.

Letters are keyed by language (`letters: {en: …}`: all to the one main target), or by target
`id`, then language (`letters: {minister: {es: …}, prosecutor: {es: …}}`).
"""

from __future__ import annotations

import dataclasses
import re
import typing
from typing import Any, Protocol

from . import model, schema
from .validate_checker import Checker, close_matches

__all__ = ["check_targets_and_letters", "letter_form", "letter_languages", "letter_map",
           "order_letters"]

_LETTER_KEYS = {f.name for f in schema.key_fields(model.Letter)}


class _Converter(Checker, Protocol):
    """The checker that converts kit.yaml (validate.py's), which also reads letters."""

    def convert_object(self, cls: type, node: Any, path: str, **fixed: Any) -> Any: ...


# -- converting `letters` -------------------------------------------------------------------


def letter_form(checker: _Converter, name: str, node: Any, path: str) -> Any:
    """`letters.<name>`: a Letter in the language `name`, or, when its keys are languages, the
    letters to the target whose id is `name`, by language (None when it cannot be read)."""
    if not _is_by_language(node):
        return checker.convert_object(model.Letter, node, path, language=name)
    letters: dict[str, model.Letter] = {}
    for key, child in node.pairs:
        if key.kind != "scalar" or key.text in letters:
            continue  # reported while composing
        language, child_path = key.text, f"{path}.{key.text}"
        checker.nodes[child_path], checker.keys[child_path] = child, key
        letter = checker.convert_object(model.Letter, child, child_path, language=language)
        if letter is not None:
            letters[language] = letter
    return letters


def _is_by_language(node: Any) -> bool:
    """A mapping whose keys are all language tags (and none a letter's key) holds letters."""
    if node.kind != "map" or not node.pairs:
        return False
    names = [key.text for key, _ in node.pairs if key.kind == "scalar"]
    return bool(names) and all(re.match(schema.LANGUAGE, n) and n not in _LETTER_KEYS
                               for n in names)


# -- checks ---------------------------------------------------------------------------------


def check_targets_and_letters(kit: model.Kit, checker: Checker) -> None:
    """Add the problems of `targets`, `languages` and `letters` to `checker`."""
    targets = kit.targets
    if targets is None:
        return
    if not targets:
        checker.error(checker.nodes.get("targets"), "targets",
                      "the list is empty; add the person the letters are addressed to")
        return
    _check_language_list(kit.languages, "languages", checker)
    ids = _check_ids(targets, checker)
    for i, target in enumerate(targets):
        if target is not None:
            _check_target(targets, i, ids, checker)
    if kit.languages is None or kit.letters is None:
        return
    by_target = [name for name, value in kit.letters.items() if isinstance(value, dict)]
    if by_target:
        _check_letters_by_target(kit, ids, by_target, checker)
    else:
        _check_letters_by_language(kit, checker)
    for i in _receivers(kit, ids):
        target = targets[i]
        if target is not None:
            _check_salutations(target, f"targets.{i}", letter_languages(kit, i), checker)
            _warn_unprinted(target, f"targets.{i}", set(letter_languages(kit, i)), kit.language,
                            checker)
    all_languages = {lang for i in _receivers(kit, ids) for lang in letter_languages(kit, i)}
    for name, i in ids.items():
        if name in all_languages:
            where = f"targets.{i}.id"
            checker.error(checker.nodes.get(where), where,
                          f"'{name}' is also a language of the letters; choose an id that is a "
                          "word, such as 'minister'")
    for i, target in enumerate(targets):
        if target is not None and target.role == "copy":
            _warn_unprinted(target, f"targets.{i}", all_languages, kit.language, checker)


def letter_languages(kit: model.Kit, index: int) -> list[str]:
    """The languages of the letters to `targets[index]`: its own `languages`, else the kit's."""
    own = kit.targets[index].languages
    return [lang for lang in (own or kit.languages or ()) if isinstance(lang, str)]


def _check_language_list(languages: Any, path: str, checker: Checker) -> None:
    if languages is None:
        return
    if not languages and path in checker.nodes:
        checker.error(checker.nodes.get(path), path,
                      "the list is empty; name the language of each letter, e.g. [en]")
    seen: set[str] = set()
    for i, lang in enumerate(languages):
        if lang is None:
            continue  # not a language tag: reported already
        if lang in seen:
            checker.error(checker.nodes.get(f"{path}.{i}"), path,
                          f"'{lang}' is listed twice; remove one")
        seen.add(lang)


def _check_ids(targets: tuple[Any, ...], checker: Checker) -> dict[str, int]:
    """Target id → its index; a second target with the same id is an error."""
    ids: dict[str, int] = {}
    for i, target in enumerate(targets):
        if target is None or not target.id:
            continue
        if target.id in ids:
            first = checker.nodes[f"targets.{ids[target.id]}"].mark.line
            checker.error(checker.nodes.get(f"targets.{i}.id"), f"targets.{i}.id",
                          f"'{target.id}' is already the id of the target at line {first}; "
                          "give each target its own id")
            continue
        ids[target.id] = i
    return ids


def _check_target(targets: tuple[Any, ...], index: int, ids: dict[str, int],
                  checker: Checker) -> None:
    """What the target needs to be printed: a title, a country with an address, somewhere to
    send the letter or copy; `copies` naming copy targets."""
    target, path = targets[index], f"targets.{index}"
    node = checker.nodes.get(path)
    if target.title is None and not target.embassy and _absent(checker, f"{path}.title"):
        checker.error(node, path, "missing key 'title' (title or office, e.g. 'Minister of "
                                  "Interior')")
    if target.address and target.country is None and _absent(checker, f"{path}.country"):
        checker.error(node, path, "missing key 'country' (country of the postal address, "
                                  "printed last in capitals on the envelope)")
    reachable = target.address or target.email or target.fax
    if not reachable and target.role == "main":
        checker.error(node, path, "no address and no email: give the postal address (address, "
                                  "country) or the email address the letters go to")
    elif not reachable and target.role == "copy" and not target.embassy:
        checker.error(node, path, "nowhere to send the copy: give its address (address, "
                                  "country), an email, or 'embassy: <country>' for the embassy "
                                  "in each sender's own country")
    _check_language_list(target.languages, f"{path}.languages", checker)
    for lang, local in (target.local or {}).items():
        if local is not None and not (local.name or local.title or local.address
                                      or local.country):
            where = f"{path}.local.{lang}"
            checker.error(checker.nodes.get(where), where,
                          "give the name, title or address in this language, or remove it")
    if target.copies is not None and target.role == "copy":
        checker.warn(checker.nodes.get(f"{path}.copies"), f"{path}.copies",
                     "a copy target gets no letters, so this is not printed; list copies on the "
                     "targets the letters go to")
    for j, name in enumerate(target.copies or ()):
        where = f"{path}.copies.{j}"
        if name is None:
            continue
        if name not in ids:
            checker.error(checker.nodes.get(where), where, _unknown_id(
                name, ids, f"give the copy target 'id: {name}', or correct this",
                "none has an id yet"))
        elif targets[ids[name]].role != "copy":
            checker.error(checker.nodes.get(where), where,
                          f"'{name}' is not a copy target; list here the ids of targets with "
                          "'role: copy'")


def _unknown_id(name: str, ids: dict[str, int], fix: str, none: str) -> str:
    """The message for a target id no target has: the ids there are, and the one meant."""
    close = close_matches(name, list(ids))
    hint = f"did you mean '{close[0]}'?" if close else fix
    return f"no target has the id '{name}' (ids: {', '.join(ids) or none}); {hint}"


def _absent(checker: Checker, path: str) -> bool:
    """The key is not written, or written with no value (a bad value is reported already)."""
    node = checker.nodes.get(path)
    return node is None or node.is_null


def _check_letters_by_language(kit: model.Kit, checker: Checker) -> None:
    """The first form: one main target, a letter per language of its."""
    mains = [i for i, t in enumerate(kit.targets) if t is not None and t.role == "main"]
    for i in mains[1:]:
        first = checker.nodes[f"targets.{mains[0]}"].mark.line
        where = checker.nodes.get(f"targets.{i}.role") or checker.nodes.get(f"targets.{i}")
        checker.error(where, f"targets.{i}.role",
                      f"a second main target (the first is at line {first}); only one target "
                      "is main: give the others 'role: copy', or, to write a letter to each, "
                      "give each an id and key the letters by it (letters: {id: {en: …}})")
    if not mains and all(t is not None and t.role is not None for t in kit.targets):
        checker.error(checker.nodes.get("targets"), "targets",
                      "no target has 'role: main'; give the person the letters are "
                      "addressed to 'role: main'")
    _check_letter_languages(kit, mains[0] if mains else None, kit.letters, "letters", checker)


def _check_letters_by_target(kit: model.Kit, ids: dict[str, int], by_target: list[str],
                             checker: Checker) -> None:
    """The second form: letters keyed by target id, then by language."""
    example = by_target[0]
    for name, value in kit.letters.items():
        path = f"letters.{name}"
        key = checker.keys.get(path)
        if not isinstance(value, dict):
            checker.error(key, path, f"the other letters are keyed by target ('{example}'): "
                                     f"put this one under its target too (letters: "
                                     f"{{{example}: {{{name}: …}}}})")
            continue
        if name not in ids:
            checker.error(key, path, _unknown_id(
                name, ids, f"give the target 'id: {name}', or correct this key",
                "no target has an id yet"))
            continue
        index = ids[name]
        if kit.targets[index].role != "main":
            checker.error(key, path, f"'{name}' is a copy target; letters go to targets with "
                                     "'role: main' (the default)")
            continue
        _check_letter_languages(kit, index, value, path, checker)
    keyed = {ids[name] for name in by_target if name in ids}
    for i, target in enumerate(kit.targets):
        if target is None or target.role != "main" or i in keyed:
            continue
        path = f"targets.{i}"
        if target.id:
            message = (f"'{target.id}' gets no letters; add its letters under "
                       f"letters.{target.id}, or give it 'role: copy'")
        else:
            message = ("with letters to several targets, give this target an id (id: "
                       "minister) and its letters under letters.<id>, or give it 'role: copy'")
        checker.error(checker.nodes.get(path), path, message)


def _check_letter_languages(kit: model.Kit, index: int | None, letters: dict[str, Any],
                            path: str, checker: Checker) -> None:
    """Each of the target's languages has a letter, and each letter is in one of them."""
    own = kit.targets[index].languages if index is not None else ()
    listed = f"targets.{index}.languages" if own else "languages"
    languages = letter_languages(kit, index) if index is not None else [
        lang for lang in kit.languages if isinstance(lang, str)]
    for j, lang in enumerate(own or kit.languages):
        if lang is not None and lang not in letters:
            checker.error(checker.nodes.get(f"{listed}.{j}"), listed,
                          f"'{lang}' has no letter; add {path}.{lang}, or remove '{lang}' here")
    for lang in letters:
        if lang not in languages:
            all_listed = ", ".join([*languages, lang])
            checker.error(checker.keys.get(f"{path}.{lang}"), f"{path}.{lang}",
                          f"'{lang}' is not in {listed}; list it ({listed.split('.')[-1]}: "
                          f"[{all_listed}]) or remove this letter")


def _receivers(kit: model.Kit, ids: dict[str, int]) -> list[int]:
    """Indexes of the targets that get letters, as far as the letters can be read."""
    keyed = [ids[name] for name, v in kit.letters.items() if isinstance(v, dict) and name in ids]
    if keyed:
        return sorted({i for i in keyed if kit.targets[i].role == "main"})
    return [i for i, t in enumerate(kit.targets) if t is not None and t.role == "main"][:1]


def _check_salutations(target: model.Target, path: str, languages: list[str],
                       checker: Checker) -> None:
    node = checker.nodes.get(f"{path}.salutation")
    for lang in languages:
        if lang in (target.salutation or {}):
            continue
        if node is None:
            checker.error(checker.nodes.get(path), path,
                          f"missing key 'salutation' (the greeting of each letter, e.g. "
                          f"'{lang}: Dear Minister,')")
            return
        checker.error(node, f"{path}.salutation",
                      f"no salutation for '{lang}'; add '{lang}: …', the greeting of the "
                      f"{lang} letter")


def _warn_unprinted(target: model.Target, path: str, languages: set[str], sheet: Any,
                    checker: Checker) -> None:
    """A salutation or local name in a language no letter to this target is written in (a
    local name in the fact sheet's language is printed there)."""
    keys = ("local",) if target.role == "copy" else ("salutation", "local")
    for key in keys:
        for lang in getattr(target, key) or {}:
            if languages and lang not in languages and not (key == "local" and lang == sheet):
                checker.warn(checker.keys.get(f"{path}.{key}.{lang}"), f"{path}.{key}.{lang}",
                             f"'{lang}' is not in languages, so this is not printed")


# -- the pack's letters ---------------------------------------------------------------------


def order_letters(kit: model.Kit) -> tuple[model.Letter, ...]:
    """Every letter of a valid kit, by target, then in its target's languages' order, each
    knowing its target, its key path and its part name."""
    ids = {t.id: i for i, t in enumerate(kit.targets) if t.id}
    keyed = {name: value for name, value in kit.letters.items() if isinstance(value, dict)}
    if not keyed:
        main = next(i for i, t in enumerate(kit.targets) if t.role == "main")
        found = [(main, lang, f"letters.{lang}", typing.cast(model.Letter, kit.letters[lang]))
                 for lang in letter_languages(kit, main)]
    else:
        found = [(ids[name], lang, f"letters.{name}.{lang}", letters[lang])
                 for name, letters in sorted(keyed.items(), key=lambda item: ids[item[0]])
                 for lang in letter_languages(kit, ids[name])]
    several = len({index for index, *_ in found}) > 1
    return tuple(
        dataclasses.replace(letter, target=index, path=path, part=(
            f"letter-{kit.targets[index].id}-{lang}" if several else f"letter-{lang}"))
        for index, lang, path, letter in found
    )


def letter_map(kit: model.Kit, ordered: tuple[model.Letter, ...]) -> dict[str, Any]:
    """`letters` as written, in the pack's order: by language, or by target id and language."""
    if not any(isinstance(value, dict) for value in kit.letters.values()):
        return {letter.language: letter for letter in ordered}  # the first form
    by_target: dict[str, dict[str, model.Letter]] = {}
    for letter in ordered:
        by_target.setdefault(str(kit.targets[letter.target].id), {})[letter.language] = letter
    return by_target
