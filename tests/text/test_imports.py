"""The text engine stays apart: it imports nothing from layouts, the model, drawing or ReportLab."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

TEXT = Path(__file__).resolve().parents[2] / "src" / "appealkit" / "text"
FORBIDDEN = ("appealkit.layout", "appealkit.model", "appealkit.draw", "reportlab")


def imported_modules(path: Path) -> set[str]:
    """Absolute names of every module a file imports (relative imports resolved)."""
    package = "appealkit.text".split(".")
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join(base + ([node.module] if node.module else []))
            names.add(module)
            names.update(f"{module}.{alias.name}" for alias in node.names)
    return names


def test_text_modules_import_nothing_forbidden():
    files = sorted(TEXT.glob("*.py"))
    assert {f.name for f in files} >= {"fonts.py", "bidi.py", "shaping.py", "lines.py", "types.py"}
    for path in files:
        for name in imported_modules(path):
            assert not name.startswith(FORBIDDEN), f"{path.name} imports {name}"


def test_the_walk_sees_relative_imports(tmp_path):
    sample = tmp_path / "x.py"
    sample.write_text("from ..layout import boxes\nfrom . import fonts\nimport reportlab.pdfgen\n")
    names = imported_modules(sample)
    assert "appealkit.layout.boxes" in names and "appealkit.text.fonts" in names
    assert "reportlab.pdfgen" in names


def test_value_types_import_without_harfbuzz():
    """``appealkit.markup`` needs only ``Span``: importing the types must not load HarfBuzz."""
    code = (
        "import sys; import appealkit.text.types, appealkit.text;"
        "assert 'uharfbuzz' not in sys.modules, 'types loaded uharfbuzz';"
        "from appealkit.text import set_paragraph;"
        "assert 'uharfbuzz' in sys.modules"
    )
    env = {**os.environ, "PYTHONPATH": str(TEXT.parents[1])}
    subprocess.run([sys.executable, "-c", code], check=True, env=env)
