"""The published JSON Schema: generated from the model, in sync with kit.schema.json, and accepting the example."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from appealkit import model, read_kit
from appealkit.schema import MARKUP, field_docs, key_fields, kit_schema, render_schema

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "kit.yaml"
SCHEMA_FILE = ROOT / "kit.schema.json"
REGENERATE = "PYTHONPATH=src python -m appealkit schema > kit.schema.json"


def as_json(data: Any) -> Any:
    """YAML data as an editor's YAML 1.2 parser sees it: dates are strings."""
    return json.loads(
        json.dumps(data, default=lambda v: v.isoformat() if isinstance(v, dt.date) else str(v))
    )


@pytest.fixture(scope="module")
def example() -> Any:
    return as_json(yaml.safe_load(EXAMPLE.read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft7Validator:
    schema = kit_schema()
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())


def test_committed_schema_is_in_sync() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == render_schema(), (
        f"regenerate it: {REGENERATE}"
    )


def test_example_points_editors_at_the_schema() -> None:
    first = EXAMPLE.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=./kit.schema.json"


def test_example_kit_is_valid_against_the_schema(
    validator: jsonschema.Draft7Validator, example: Any
) -> None:
    assert list(validator.iter_errors(example)) == []


@pytest.mark.parametrize(
    ("edit", "field"),
    [
        (lambda d: d.update(headlines="x"), "additionalProperties"),
        (lambda d: d.pop("headline"), "required"),
        (lambda d: d["organisation"].update(accent="FFD200"), "pattern"),
        (lambda d: d["action"].update(status="opn"), "enum"),
        (lambda d: d["action"].update(url="htp://example.org"), "pattern"),
        (lambda d: d["action"].update(deadline="15/09/2025"), "pattern"),
        (lambda d: d["targets"][0].update(email="secretary@interior"), "anyOf"),
        (lambda d: d["targets"][0].update(email=["a@example.org", "secretary@interior"]), "anyOf"),
        (lambda d: d["targets"][0].update(role="mian"), "enum"),
        (lambda d: d["targets"][0].update(x="MohsinnaqviC42"), "pattern"),
        (lambda d: d["targets"][0].update(address="Islamabad"), "type"),
        (lambda d: d["timeline"][0].update(date="Oct 2023"), "pattern"),
        (lambda d: d["letter"].update(date="tomorrow"), "pattern"),
        (lambda d: d.update(languages=["English"]), "pattern"),
        (lambda d: d["letters"].update(English=d["letters"]["en"]), "pattern"),
        (lambda d: d["figures"][0].pop("label"), "required"),
        (lambda d: d.update(words={"take_actoin": "AGISCI"}), "enum"),
    ],
)
def test_schema_rejects_what_validation_rejects(
    validator: jsonschema.Draft7Validator, example: Any, edit: Any, field: str
) -> None:
    data = copy.deepcopy(example)
    edit(data)
    assert field in {e.validator for e in validator.iter_errors(data)}


def test_optional_keys_may_be_left_empty(
    validator: jsonschema.Draft7Validator, example: Any
) -> None:
    data = copy.deepcopy(example)
    data["people"] = None
    data["letters"]["en"]["subject"] = None
    data["timeline"][0]["date"] = 2023
    data["words"] = {"take_action": "AGISCI", "deadline": "Scadenza:"}
    assert list(validator.iter_errors(data)) == []


def test_unquoted_numbers_are_text_for_editors_as_for_appealkit(
    validator: jsonschema.Draft7Validator, example: Any, tmp_path: Path
) -> None:
    # `value: 800000` and a postcode on its own address line are numbers to a YAML parser;
    # appealkit reads them as the text written, so an editor using the schema must too
    text = EXAMPLE.read_text(encoding="utf-8")
    for old, new in [("value: 800,000", "value: 800000"), ("- Islamabad", "- 44000")]:
        assert old in text, old
        text = text.replace(old, new, 1)
    data = as_json(yaml.safe_load(text))
    assert data["figures"][3]["value"] == 800000 and 44000 in data["targets"][0]["address"]
    assert list(validator.iter_errors(data)) == []
    (tmp_path / "kit.yaml").write_text(text, encoding="utf-8")
    kit, _ = read_kit(tmp_path / "kit.yaml", today=dt.date(2025, 7, 1))
    assert kit.figures[3].value == "800000" and "44000" in kit.main_target.address


def test_descriptions_come_from_field_docstrings() -> None:
    schema = kit_schema()
    assert schema["properties"]["headline"]["description"] == "The fact sheet's headline."
    assert schema["definitions"]["Target"]["properties"]["role"]["enum"] == ["main", "copy"]
    assert schema["definitions"]["Target"]["properties"]["role"]["default"] == "main"
    assert "source" not in schema["properties"] and "marks" not in schema["properties"]
    assert "language" not in schema["definitions"]["Letter"]["properties"]
    assert schema["required"] == [
        "headline",
        "summary",
        "action",
        "targets",
        "letters",
        "languages",
    ]


def test_markup_fields_match_the_model_docstrings() -> None:
    documented = {where for where, doc in field_docs().items() if "*markup*" in doc}
    assert documented == MARKUP


def test_every_model_key_is_in_the_schema() -> None:
    schema = kit_schema()
    for cls in (
        model.Action,
        model.Target,
        model.Letter,
        model.Figure,
        model.Event,
        model.LocalName,
        model.Organisation,
        model.LetterSettings,
    ):
        properties = schema["definitions"][cls.__name__]["properties"]
        assert [f.name for f in key_fields(cls)] == list(properties)
