"""Describe kit.yaml as a JSON Schema generated from the model, and hold the key rules validation shares."""

from __future__ import annotations

import ast
import dataclasses
import datetime as dt
import functools
import inspect
import types
import typing
from pathlib import Path
from typing import Any

from . import model
from .event_words import EVENT_WORD_KEYS
from .words import WORD_KEYS

__all__ = ["PATTERNS", "field_docs", "field_types", "key_fields", "kit_schema", "render_schema"]

# Rules the model's types cannot say. Each regex is valid in both Python and ECMAScript (JSON Schema).
LANGUAGE = r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"
COLOUR = r"^#[0-9A-Fa-f]{6}$"
URL = r"^https?://[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?$"
EMAIL = r"^[A-Za-z0-9.!#$%&'*+/=?^_{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$"
X_HANDLE = r"^@[A-Za-z0-9_]{1,15}$"
PHONE = r"^\+?[0-9][0-9 ()./-]*$"
DATE = r"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}$"
PARTIAL_DATE = r"^[0-9]{4}(-[0-9]{1,2}(-[0-9]{1,2})?)?$"
TARGET_ID = r"^[a-z][a-z0-9-]{0,29}$"
LETTER_KEY = r"^([a-z]{2,3}(-[A-Za-z0-9]{2,8})*|[a-z][a-z0-9-]{0,29})$"  # a language or a target id

PATTERNS: dict[tuple[str, str], str] = {
    ("Kit", "language"): LANGUAGE,
    ("Action", "url"): URL,
    ("Organisation", "accent"): COLOUR,
    ("Target", "x"): X_HANDLE,
    ("Target", "id"): TARGET_ID,
    ("EventSettings", "report"): URL,
}
ITEM_PATTERNS: dict[tuple[str, str], str] = {
    ("Kit", "languages"): LANGUAGE,
    ("Target", "languages"): LANGUAGE,
    ("Target", "copies"): TARGET_ID,
    ("Target", "email"): EMAIL,
    ("Target", "fax"): PHONE,
    ("Target", "phone"): PHONE,
}
# Lists that may also be written as one text: `email: a@example.org` is `email: [a@example.org]`.
ONE_OR_MORE = {("Target", "email"), ("Target", "fax"), ("Target", "phone")}
KEY_PATTERNS: dict[tuple[str, str], str] = {
    ("Kit", "letters"): LETTER_KEY,
    ("Target", "salutation"): LANGUAGE,
    ("Target", "local"): LANGUAGE,
}
KEY_ENUMS: dict[tuple[str, str], tuple[str, ...]] = {
    ("Kit", "words"): WORD_KEYS,
    ("EventSettings", "words"): EVENT_WORD_KEYS,
}
ENUMS: dict[tuple[str, str], tuple[str, ...]] = {
    ("Action", "status"): ("open", "update", "closed"),
    ("Target", "role"): ("main", "copy"),
}
LETTER_DATES = ("today", "blank")  # besides a YYYY-MM-DD date
# Fields that exist in the model but are not kit.yaml keys.
NOT_KEYS = {("Kit", "source"), ("Kit", "marks"), ("Kit", "letter_list"), ("Letter", "language"),
            ("Letter", "target"), ("Letter", "path"), ("Letter", "part"),
            ("Organisation", "logo_data")}
# Fields whose docstring says *markup*: `**bold**` and `[text](https://…)`.
MARKUP = {("Kit", "summary"), ("Kit", "background"), ("Event", "text"), ("Letter", "body")}


@functools.cache
def field_types(cls: type) -> dict[str, Any]:
    """Resolved type hints of a model dataclass."""
    return typing.get_type_hints(cls, vars(model))


@functools.cache
def key_fields(cls: type) -> tuple[dataclasses.Field[Any], ...]:
    """The fields of `cls` that are kit.yaml keys."""
    return tuple(f for f in dataclasses.fields(cls) if (cls.__name__, f.name) not in NOT_KEYS)


def is_required(f: dataclasses.Field[Any]) -> bool:
    return f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING


@functools.cache
def field_docs() -> dict[tuple[str, str], str]:
    """Each field's docstring, keyed by (class name, field name), read from model.py's source."""
    tree = ast.parse(inspect.getsource(model))
    docs: dict[tuple[str, str], str] = {}
    for cls in tree.body:
        if not isinstance(cls, ast.ClassDef):
            continue
        for stmt, after in zip(cls.body, cls.body[1:]):
            if (
                isinstance(stmt, ast.AnnAssign)
                and isinstance(stmt.target, ast.Name)
                and isinstance(after, ast.Expr)
                and isinstance(after.value, ast.Constant)
                and isinstance(after.value.value, str)
            ):
                docs[(cls.name, stmt.target.id)] = inspect.cleandoc(after.value.value)
    return docs


def kit_schema() -> dict[str, Any]:
    """The JSON Schema (draft 7) of kit.yaml, generated from the model's dataclasses."""
    definitions: dict[str, Any] = {}
    root = _object_schema(model.Kit, definitions)
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "appealkit kit.yaml",
        "description": _class_doc(model.Kit) or "One Urgent Action, described once.",
        **root,
        "definitions": dict(sorted(definitions.items())),
    }


def render_schema() -> str:
    """kit_schema() as the text of kit.schema.json."""
    import json  # only here: a build never writes JSON

    return json.dumps(kit_schema(), indent=2, ensure_ascii=False) + "\n"


def _class_doc(cls: type) -> str | None:
    doc = cls.__doc__
    # Dataclasses invent a signature docstring when a class has none.
    if not doc or doc.startswith(cls.__name__ + "("):
        return None
    return inspect.cleandoc(doc)


def _object_schema(cls: type, definitions: dict[str, Any]) -> dict[str, Any]:
    hints = field_types(cls)
    docs = field_docs()
    properties: dict[str, Any] = {}
    required: list[str] = []
    for f in key_fields(cls):
        where = (cls.__name__, f.name)
        prop = _type_schema(hints[f.name], where, definitions)
        if "$ref" in prop:
            prop = {"allOf": [prop]}  # draft 7 ignores keywords beside $ref
        if where in docs:
            prop["description"] = docs[where]
        kinds = prop.get("type")
        if is_required(f) and "string" in (kinds if isinstance(kinds, list) else [kinds]) \
                and "enum" not in prop:
            prop["minLength"] = 1
        default = _json_default(f)
        if default is not None:
            prop["default"] = default
        properties[f.name] = prop
        if is_required(f):
            required.append(f.name)
    schema: dict[str, Any] = {"type": "object", "properties": properties}
    if required:
        schema["required"] = required
    schema["additionalProperties"] = False
    return schema


def _json_default(f: dataclasses.Field[Any]) -> Any:
    if isinstance(f.default, (str, int, float, bool)) and f.default != "":
        return f.default
    return None


def _type_schema(hint: Any, where: tuple[str, str], definitions: dict[str, Any]) -> dict[str, Any]:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (types.UnionType, typing.Union):
        if set(args) == {str, dt.date}:
            dates = "|".join(LETTER_DATES)
            return {"type": "string", "pattern": f"^({dates}|[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}})$"}
        rest = [a for a in args if a is not type(None)]
        if len(rest) > 1:  # `letters`: a letter, or letters by language
            return {"anyOf": [_type_schema(a, where, definitions) for a in rest]}
        inner = _type_schema(rest[0], where, definitions)
        if len(rest) == len(args):
            return inner
        # YAML reads `key:` with nothing after it as null; the loader takes that as "not given".
        if "type" in inner:
            kinds = inner["type"] if isinstance(inner["type"], list) else [inner["type"]]
            return {**inner, "type": [*kinds, "null"]}
        return {"anyOf": [inner, {"type": "null"}]}
    if origin is tuple:
        items = _type_schema(args[0], where, definitions)
        if where in ITEM_PATTERNS:
            items["pattern"] = ITEM_PATTERNS[where]
        if where in ONE_OR_MORE:
            return {"anyOf": [items, {"type": "array", "items": items}]}
        return {"type": "array", "items": items}
    if origin is dict:
        value = _type_schema(args[1], where, definitions)
        schema: dict[str, Any] = {"type": "object", "additionalProperties": value}
        if where in KEY_PATTERNS:
            schema["propertyNames"] = {"pattern": KEY_PATTERNS[where]}
        elif where in KEY_ENUMS:
            schema["propertyNames"] = {"enum": list(KEY_ENUMS[where])}
        return schema
    if hint is str:
        if where in ENUMS:
            return {"type": "string", "enum": list(ENUMS[where])}
        if where in PATTERNS:
            return {"type": "string", "pattern": PATTERNS[where]}
        # Free text: a number is text as written too (`value: 800000`, a postcode line), as
        # appealkit reads it; an editor checking against this schema must not mark it wrong.
        return {"type": ["string", "number"]}
    if hint is bool:
        return {"type": "boolean"}
    if hint is dt.date:
        return {"type": "string", "format": "date", "pattern": DATE}
    if hint is Path:
        return {"type": "string"}
    if hint is model.PartialDate:
        return {
            "type": ["string", "integer"],
            "pattern": PARTIAL_DATE,
            "minimum": 1000,
            "maximum": 9999,
        }
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        name = hint.__name__
        if name not in definitions:
            definitions[name] = {}  # reserve the name: definitions may refer to each other
            body = _object_schema(hint, definitions)
            doc = _class_doc(hint)
            definitions[name] = {"description": doc, **body} if doc else body
        return {"$ref": f"#/definitions/{name}"}
    raise TypeError(f"no JSON Schema for {hint!r} at {where}")
