"""The output folder: its problems are the user's to fix (one line, exit 2, never "a bug"), and a
build killed at any step of writing leaves the old set or the new one, tidied by the next build."""

from __future__ import annotations

import errno
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLE, TODAY, run_cli

from appealkit import killpoints, manifest


def _file(tmp: Path) -> str:
    (tmp / "notes").write_text("a file of the user's")
    return str(tmp / "notes")


def _under_a_file(tmp: Path) -> str:
    return _file(tmp) + "/output"


def _dangling_link(tmp: Path) -> str:
    (tmp / "output").symlink_to(tmp / "gone")
    return str(tmp / "output")


def _link_loop(tmp: Path) -> str:
    (tmp / "output").symlink_to(tmp / "output")
    return str(tmp / "output")


def _pdf_name_taken_by_a_folder(tmp: Path) -> str:
    (tmp / "output" / "pack.pdf").mkdir(parents=True)
    return str(tmp / "output")


FOLDER_PROBLEMS: dict[str, tuple[Callable[[Path], str], str]] = {
    "file": (_file, "it is a file, not a folder; choose another --out"),
    "under_a_file": (_under_a_file, "part of that path is a file, not a folder"),
    "dev_null": (lambda tmp: "/dev/null", "it is not a folder; choose another --out"),
    "too_long": (lambda tmp: str(tmp / ("x" * 300)), "the name is too long; choose a shorter"),
    "dangling_link": (_dangling_link, "it is a link to a folder that does not exist"),
    "link_loop": (_link_loop, "it is a link that leads back to itself"),
    "pdf_is_a_folder": (_pdf_name_taken_by_a_folder,
                        "'pack.pdf' in it is a folder, where appealkit writes a file"),
}


def listing(folder: Path) -> list[str]:
    """Every path under `folder` but the lock file a build may leave (it holds nothing)."""
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.name != manifest.LOCK)


def assert_one_line_about(stderr: str, out: str, reason: str) -> None:
    assert stderr.count("\n") == 1, stderr
    assert stderr.startswith(f"appealkit: cannot write to '{out}': "), stderr
    assert reason in stderr and stderr.endswith("; nothing written\n"), stderr
    assert "bug" not in stderr and "Traceback" not in stderr


@pytest.mark.parametrize("problem", sorted(FOLDER_PROBLEMS))
def test_folder_problem_is_one_line_and_exit_2(tmp_path: Path, problem: str) -> None:
    make, reason = FOLDER_PROBLEMS[problem]
    out = make(tmp_path)
    before = listing(tmp_path)
    status, stdout, stderr = run_cli("build", str(EXAMPLE), "--out", out, "--today", TODAY)
    assert status == 2 and stdout == ""
    assert_one_line_about(stderr, out, reason)
    assert listing(tmp_path) == before  # nothing written


@pytest.mark.parametrize(("code", "reason"), [
    (errno.EACCES, "permission denied; choose a folder you may write to"),
    (errno.EROFS, "the disk is read-only; choose another folder"),
    (errno.ENOSPC, "the disk is full; free some space, then build again"),
    (errno.EDQUOT, "your disk quota is used up"),
    (errno.EIO, "input/output error"),
])
def test_disk_problem_is_one_line_and_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, reason: str
) -> None:
    """Errors a test cannot make for real as root (a read-only or full disk), made at os.open."""
    real_open = os.open

    def failing_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if flags & os.O_CREAT:
            raise OSError(code, os.strerror(code), str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", failing_open)
    out = str(tmp_path / "output")
    status, _, stderr = run_cli("build", str(EXAMPLE), "--out", out, "--today", TODAY)
    assert status == 2
    assert_one_line_about(stderr, out, reason)
    assert listing(tmp_path) == ["output"]  # the folder is made, nothing in it


def test_a_folder_the_system_refuses_is_one_line_and_exit_2(tmp_path: Path) -> None:
    out = "/proc/self/appealkit-output"  # /proc refuses new folders, even to root
    status, _, stderr = run_cli("build", str(EXAMPLE), "--out", out, "--today", TODAY)
    assert status == 2
    assert stderr.startswith(f"appealkit: cannot write to '{out}': ") and "bug" not in stderr


# A build killed (SIGKILL) at each step of writing, in a subprocess per step


def snapshot(folder: Path) -> dict[str, bytes]:
    """The folder's files as a reader sees them, and the manifest (hidden files of killed builds
    are counted by `leftovers`)."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())
            if p.is_file() and (not p.name.startswith(".") or p.name == manifest.NAME)}


def leftovers(out: Path) -> list[str]:
    beside = [p.name for p in out.parent.iterdir() if p.name != out.name]
    inside = [p.name for p in out.iterdir() if p.name.startswith(".")
              and p.name not in (manifest.NAME, manifest.LOCK)]
    return sorted(beside + inside)


def english_only(data: dict[str, Any]) -> None:
    data["languages"] = ["en"]
    del data["letters"]["ur"]


@pytest.mark.parametrize("way", ["swap", "in_place"])
def test_a_build_killed_at_any_step_leaves_one_whole_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, make_kit: Callable[..., Path], way: str
) -> None:
    """Old set: the example in English and Urdu with a file of the user's; new set: English only.
    With a folder of the user's inside, swapping is not possible: files are replaced one by one."""
    monkeypatch.chdir(tmp_path)
    kit = make_kit(english_only, name="kit-en.yaml")
    pristine, out, copy = (tmp_path / d / "output" for d in ("pristine", "build", "copy"))
    assert run_cli("build", str(EXAMPLE), "--out", str(pristine), "--today", TODAY)[0] == 0
    (pristine / "notes.txt").write_text("mine")
    if way == "in_place":
        (pristine / "drafts").mkdir()
    old = snapshot(pristine)

    shutil.copytree(pristine, copy)  # the new set, and the steps of writing it over the old one
    steps: list[str] = []
    with monkeypatch.context() as patch:
        patch.setattr(killpoints, "reach", steps.append)
        assert run_cli("build", str(kit), "--out", str(copy), "--today", TODAY)[0] == 0
    new = snapshot(copy)
    assert "letter-ur.pdf" in old and "letter-ur.pdf" not in new and new["notes.txt"] == b"mine"
    assert ("swapped" in steps) == (way == "swap") and len(steps) > 10, steps

    args = ["build", str(kit), "--out", str(out), "--today", TODAY]
    for step in steps:
        if out.parent.exists():
            shutil.rmtree(out.parent)
        shutil.copytree(pristine, out)
        killed = subprocess.run([sys.executable, "-m", "appealkit", *args], cwd=tmp_path,
                                env={**os.environ, killpoints.ENV: step},
                                capture_output=True, text=True, timeout=20)
        assert killed.returncode == -signal.SIGKILL, (step, killed.stderr)
        seen = snapshot(out)
        if way == "swap":
            assert seen in (old, new), step
        else:  # every file whole, and a mix is marked in the manifest
            files = {name: data for name, data in seen.items() if name != manifest.NAME}
            assert all(data in (old.get(name), new.get(name)) for name, data in files.items()), step
            assert seen in (old, new) or not manifest.is_complete(out), step
        assert (out / "drafts").is_dir() == (way == "in_place")
        assert run_cli(*args)[0] == 0, step  # the next build
        assert snapshot(out) == new and leftovers(out) == [], step
