"""Shared fixtures: the example kit, kit variants, and the built example pack."""

from __future__ import annotations

import contextlib
import io
import os
import signal
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT / "src") not in sys.path:  # run from a checkout without installing too
    sys.path.insert(0, str(ROOT / "src"))

from appealkit.cli import main  # noqa: E402

EXAMPLE = ROOT / "kit.yaml"
TODAY = "2025-07-01"  # before the example's deadline: builds print no warning


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> Any:  # type: ignore[type-arg]
    """On a fresh machine, tests that need Tesseract or poppler skip; in CI, where .ci/run
    installs them and sets APPEALKIT_NO_SKIPS=1, a skip is a failure: nothing is left untested."""
    outcome = yield
    report = outcome.get_result()
    if report.skipped and os.environ.get("APPEALKIT_NO_SKIPS"):
        report.outcome = "failed"
        report.longrepr = f"skipped, but APPEALKIT_NO_SKIPS is set: {report.longrepr}"


def variant(tmp_path: Path, *edits: tuple[str, str], source: Path = EXAMPLE) -> Path:
    """The example kit (or `source`) with text replaced (each `old` must occur), written as
    tmp_path/kit.yaml: unlike make_kit, it keeps the file's comments, layout and so its line
    numbers."""
    text = source.read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    path = tmp_path / "kit.yaml"
    path.write_text(text, encoding="utf-8")
    return path


# The example's event: section as a group fills it in (the shipped kit leaves these commented).
GROUP_EVENT = (
    ("  # sender_country: United Kingdom", "  sender_country: United Kingdom"),
    ("  # return_address:", "  return_address:"),
    ("  #   - Amnesty Group Sheffield", "    - Amnesty Group Sheffield"),
    ("  #   - 12 High Street", "    - 12 High Street"),
    ("  #   - Sheffield S1 2AB", "    - Sheffield S1 2AB"),
    ("  # report: https://…", "  report: https://www.example.org/report-your-letters"),
    ("  # report_by: 2025-09-30", "  report_by: 2025-09-30"),
)


def group_kit(tmp_path: Path, *edits: tuple[str, str]) -> Path:
    """The example kit with its event: section filled in (GROUP_EVENT), then `edits` (see variant)."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    return variant(tmp_path, *GROUP_EVENT, *edits)


def line_col(path: Path, needle: str, offset: int = 0) -> tuple[int, int]:
    """(line, column), 1-based, of the first `needle` outside comments, plus `offset` columns."""
    text = path.read_text(encoding="utf-8")
    index = text.index(needle)
    while text[text.rfind("\n", 0, index) + 1 : index].lstrip().startswith("#"):
        index = text.index(needle, index + 1)
    return text.count("\n", 0, index) + 1, index - (text.rfind("\n", 0, index) + 1) + 1 + offset


def run_cli(*argv: str) -> tuple[int, str, str]:
    """Run the command line in-process; return (status, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    status = main(list(argv), stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


@pytest.fixture(scope="session")
def example_data() -> dict[str, Any]:
    return yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))


@pytest.fixture
def make_kit(tmp_path: Path, example_data: dict[str, Any]) -> Callable[..., Path]:
    """Write a variant of the example kit: make_kit(edit) where edit(data) changes it in place."""

    def make(edit: Callable[[dict[str, Any]], None] | None = None, name: str = "kit.yaml") -> Path:
        import copy

        data = copy.deepcopy(example_data)
        if edit:
            edit(data)
        path = tmp_path / name
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        return path

    return make


@pytest.fixture(scope="session", params=["a4", "letter"])
def pack(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The example pack built once per paper size: {'paper', 'dir', 'files'}."""
    out = tmp_path_factory.mktemp(f"pack-{request.param}")
    status, stdout, stderr = run_cli("build", str(EXAMPLE), "--out", str(out),
                                     "--paper", request.param, "--today", TODAY)
    assert status == 0, stderr
    return {"paper": request.param, "dir": out, "stderr": stderr,
            "files": {Path(line).name: Path(line) for line in stdout.split()}}


HANG = 60  # seconds: a guard against hangs and runaway work, not a speed test (benchmarks/ time)


@contextlib.contextmanager
def no_hang(seconds: int = HANG) -> Iterator[None]:
    """Fail the test if the block runs longer than `seconds`: it hangs, or its work blew up."""

    def stop(signum: int, frame: object) -> None:
        raise AssertionError(f"still running after {seconds} s: a hang or a blow-up")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
