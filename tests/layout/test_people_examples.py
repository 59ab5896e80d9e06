"""The example kits of issue 10 §3 and §5 build on A4 and Letter: one person with a photo and
pronoun (examples/one-person), a closed action (examples/closed)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT, run_cli
from pdfutil import normalise, page_count, page_texts

EXAMPLES = ROOT / "examples"


def _build(kit: Path, out: Path, paper: str, today: str) -> tuple[dict[str, Path], str]:
    status, stdout, stderr = run_cli("build", str(kit), "--out", str(out), "--paper", paper,
                                     "--today", today)
    assert status == 0, stderr
    return {Path(line).name: Path(line) for line in stdout.split()}, stderr


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_one_person_example(tmp_path: Path, paper: str) -> None:
    files, stderr = _build(EXAMPLES / "one-person" / "kit.yaml", tmp_path, paper, "2025-07-01")
    assert stderr == ""
    text = normalise(page_texts(files["fact-sheet.pdf"])[0])
    assert "Pavel Sidorov (he/him)" in text and "© Private" in text
    assert {"letter-en.pdf", "handouts.pdf", "solidarity.pdf"} <= set(files)
    assert "To Pavel Sidorov" in normalise(page_texts(files["solidarity.pdf"])[0])


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_closed_example(tmp_path: Path, paper: str) -> None:
    files, stderr = _build(EXAMPLES / "closed" / "kit.yaml", tmp_path, paper, "2025-12-07")
    assert "warning: action.status: the action is closed" in stderr
    text = normalise(page_texts(files["fact-sheet.pdf"])[0])
    assert "This action is closed. Mona Hassan was released on 2 October 2025" in text
    assert "Act before" not in text and "TAKE ACTION" not in text
    assert page_count(files["pack.pdf"]) == 2
    assert set(files) == {"pack.pdf", "fact-sheet.pdf", "background.pdf", "solidarity.pdf"}
