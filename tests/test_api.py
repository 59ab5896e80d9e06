"""The Python API (appealkit.read_kit, check_kit, render_kit, build_kit) and the README's example."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLE, ROOT
from pdfutil import page_texts

import appealkit

TODAY = dt.date(2025, 7, 1)


def test_the_readme_example_runs(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Python API"):]
    code = re.search(r"```python\n(.*?)```", section, re.DOTALL)
    assert code is not None
    shutil.copy(EXAMPLE, tmp_path / "kit.yaml")
    done = subprocess.run([sys.executable, "-c", code.group(1)], cwd=tmp_path, text=True,
                          capture_output=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert re.search(r"^pack\.pdf: [\d,]+ bytes$", done.stdout, re.MULTILINE), done.stdout
    assert "wrote pack.pdf, fact-sheet.pdf" in done.stdout and "tally.pdf" in done.stdout
    assert (tmp_path / "output" / "tally.pdf").is_file()


def test_render_kit_gives_the_bytes_build_writes(tmp_path: Path) -> None:
    rendered = appealkit.render_kit(EXAMPLE, today=TODAY, parts=["pack"])
    built = appealkit.build_kit(EXAMPLE, tmp_path / "out", today=TODAY, parts=["pack"])
    assert [path.name for path in built.files] == list(rendered.files)
    for path in built.files:
        assert path.read_bytes() == rendered.files[path.name]
    assert rendered.warnings == built.warnings == []


def test_a_kit_given_as_text_is_named_by_its_path(tmp_path: Path) -> None:
    text = EXAMPLE.read_text(encoding="utf-8").replace(
        "headline: 1.4 million refugees need registration renewal",
        "headline: Text given in memory", 1)
    assert "Text given in memory" in text
    rendered = appealkit.render_kit(tmp_path / "draft.yaml", text=text, today=TODAY,
                                    parts=["pack"])
    sheet = tmp_path / "fact-sheet.pdf"
    sheet.write_bytes(rendered.files["fact-sheet.pdf"])
    assert "TEXT GIVEN IN MEMORY" in page_texts(sheet)[0].upper()
    with pytest.raises(appealkit.KitError) as error:
        appealkit.check_kit(tmp_path / "draft.yaml", text=text.replace("  deadline: 2025", "  deadline: x2025", 1))
    (problem,) = error.value.problems
    assert str(problem).startswith(f"{tmp_path / 'draft.yaml'}:") and "action.deadline" in str(problem)
    assert not (tmp_path / "draft.yaml").exists()  # nothing was read from or written to it


def test_read_and_check_return_warnings_and_raise_located_errors() -> None:
    kit, warnings = appealkit.read_kit(EXAMPLE, today=dt.date(2026, 1, 1))
    assert isinstance(kit, appealkit.Kit) and kit.languages == ("en", "ur")
    # passed by then, and the letter calls 30 June 2025 future (lint_dates.py)
    assert [w.path for w in warnings] == ["action.deadline", "letters.en.body"]
    assert appealkit.check_kit(EXAMPLE, paper="letter", today=TODAY) == []
    with pytest.raises(appealkit.KitError):
        appealkit.check_kit(EXAMPLE, today=dt.date(2026, 1, 1), strict=True)


def test_bad_arguments_are_value_errors() -> None:
    with pytest.raises(ValueError, match="paper must be one of a4, letter"):
        appealkit.render_kit(EXAMPLE, paper="a5")
    with pytest.raises(ValueError, match="unknown part 'posters'"):
        appealkit.render_kit(EXAMPLE, parts=["posters"])


def test_output_folder_problems_are_output_errors(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(appealkit.OutputError):
        appealkit.build_kit(EXAMPLE, blocker, today=TODAY, parts=["poster"])
