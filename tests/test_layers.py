"""The package's import graph reads as the pipeline: no cycles, and no stage imports a later one.

Stages, in the order a build runs them: load → validate → layout → draw → write → build, then
the front ends (the API, the command line, the importer, the download page). The shared
base (errors, the model, the text engine, words, markup, addresses) may be imported by any
stage and imports none of them. Imports inside functions and under TYPE_CHECKING count too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "appealkit"

BASE = {"errors", "model", "text", "typefaces", "words", "event_words", "markup", "uri",
        "untranslated"}
STAGES = [
    {"load", "yaml_tree", "signers"},
    {"validate", "validate_checker", "validate_rules", "validate_event", "validate_images",
     "validate_glyphs", "validate_targets", "locator", "dates", "schema", "logo", "lint"},
    {"layout"},
    {"draw"},
    {"write", "durable", "manifest", "folder_lock", "swap", "inplace", "killpoints"},
    {"build", "signed_letters"},
    {"api", "cli", "__main__", "startup", "progress", "starter", "ua_import", "site", ""},
]


def _modules() -> dict[str, Path]:
    """Dotted names below appealkit ('layout.letter', 'build'; '' for the package) → files."""
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def _imports(name: str) -> set[str]:
    """The modules of ours that module `name` imports, anywhere in its file."""
    path = MODULES[name]
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    package = [p for p in package if p]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
            elif (node.module or "").split(".")[0] == "appealkit":
                base = []
                node.module = node.module.removeprefix("appealkit").lstrip(".") or None  # type: ignore[union-attr]
            else:
                continue
            target = ".".join(base + ([node.module] if node.module else []))
            subs = {f"{target}.{a.name}".lstrip(".") for a in node.names}
            subs &= MODULES.keys()
            found |= subs if len(subs) == len(node.names) else subs | {target}
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "appealkit":
                    found.add(alias.name.removeprefix("appealkit").lstrip("."))
    return {module for module in found if module in MODULES and module != name}


GRAPH = {name: _imports(name) for name in MODULES}


def _stage(name: str) -> int | None:
    """The pipeline stage of a module (its top-level name), None for the shared base."""
    top = name.split(".")[0]
    if top in BASE:
        return None
    for index, stage in enumerate(STAGES):
        if top in stage:
            return index
    raise AssertionError(f"appealkit.{name} is in no stage: add it to BASE or STAGES")


def test_every_module_has_a_place() -> None:
    for name in MODULES:
        _stage(name)


def test_no_import_cycles() -> None:
    seen: dict[str, int] = {}  # 1 while on the current path, 2 when done

    def visit(name: str, path: list[str]) -> None:
        seen[name] = 1
        for other in sorted(GRAPH[name]):
            if seen.get(other) == 1:
                cycle = path[path.index(other):] + [other]
                pytest.fail("import cycle: " + " → ".join(f"appealkit.{m}" for m in cycle))
            if other not in seen:
                visit(other, [*path, other])
        seen[name] = 2

    for name in sorted(MODULES):
        if name not in seen:
            visit(name, [name])


@pytest.mark.parametrize("name", sorted(MODULES))
def test_no_stage_imports_a_later_one(name: str) -> None:
    stage = _stage(name)
    for other in GRAPH[name]:
        other_stage = _stage(other)
        if stage is None:
            assert other_stage is None, f"base module {name} imports {other}, a pipeline stage"
        elif other_stage is not None:
            assert other_stage <= stage, f"{name} imports {other}, a later stage"


def test_the_graph_is_read_right() -> None:
    """The reader finds the imports it must, so the tests above can fail."""
    assert "validate" in GRAPH["build"] and "yaml_tree" in GRAPH["validate"]
    assert "layout.letter" in GRAPH["layout"]  # `from .letter import …` inside the package
    assert "text.ink" in GRAPH["text.fonts"]
