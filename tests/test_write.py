"""Writing outputs all at once: a failed build leaves earlier outputs byte-identical and no temp files."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

import pytest

from appealkit import write
from appealkit.write import write_all

OLD = {"pack.pdf": b"old pack", "fact-sheet.pdf": b"old sheet", "letter-en.pdf": b"old letter"}
NEW = {"pack.pdf": b"new pack", "fact-sheet.pdf": b"new sheet", "letter-en.pdf": b"new letter"}


def contents(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "output"
    write_all(folder, OLD)
    assert contents(folder) == dict(sorted(OLD.items()))
    return folder


def test_writes_every_file_and_creates_the_folder(tmp_path: Path) -> None:
    folder = tmp_path / "a" / "b"
    paths = write_all(folder, NEW)
    assert paths == [folder / name for name in NEW]
    assert contents(folder) == dict(sorted(NEW.items()))


def test_replaces_earlier_outputs(out: Path) -> None:
    write_all(out, NEW)
    assert contents(out) == dict(sorted(NEW.items()))


def test_files_get_ordinary_permissions(out: Path) -> None:
    umask = os.umask(0o022)
    os.umask(umask)
    for path in out.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask


def test_failure_while_writing_leaves_earlier_outputs(
    out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = []
    real_fsync = os.fsync

    def failing_fsync(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", failing_fsync)
    with pytest.raises(OSError, match="No space"):
        write_all(out, NEW)
    assert contents(out) == dict(sorted(OLD.items()))


def test_exception_in_the_middle_leaves_no_temp_files(
    out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = write._write_temp
    count = 0

    def interrupted(*args: Any) -> Path:
        nonlocal count
        count += 1
        if count == 3:
            raise KeyboardInterrupt
        return real(*args)

    monkeypatch.setattr(write, "_write_temp", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_all(out, NEW)
    assert contents(out) == dict(sorted(OLD.items()))


def test_failure_while_replacing_puts_back_what_was_replaced(
    out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_replace = os.replace
    moved: list[str] = []

    def failing_replace(src: Any, dst: Any) -> None:
        if str(src).endswith(".tmp"):
            moved.append(Path(dst).name)
            if len(moved) == 2:
                raise PermissionError(13, "Permission denied")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(PermissionError):
        write_all(out, NEW)
    assert moved == ["pack.pdf", "fact-sheet.pdf"]  # the first had been replaced: it is put back
    assert contents(out) == dict(sorted(OLD.items()))


def test_failure_removes_new_files_that_had_no_earlier_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "output"
    write_all(out, {"pack.pdf": b"old"})
    real_replace = os.replace

    def failing_replace(src: Any, dst: Any) -> None:
        if Path(dst).name == "letter-en.pdf" and str(src).endswith(".tmp"):
            raise OSError(5, "I/O error")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(OSError):
        write_all(out, {"fact-sheet.pdf": b"new", "pack.pdf": b"new", "letter-en.pdf": b"new"})
    assert contents(out) == {"pack.pdf": b"old"}


@pytest.mark.parametrize("name", ["", "..", "../x.pdf", "a/b.pdf", "a\\b.pdf", "x\0.pdf"])
def test_names_must_be_plain_file_names(tmp_path: Path, name: str) -> None:
    with pytest.raises(ValueError):
        write_all(tmp_path, {"ok.pdf": b"x", name: b"y"})
    assert list(tmp_path.iterdir()) == []


def test_other_files_in_the_folder_are_left_alone(out: Path) -> None:
    (out / "notes.txt").write_text("mine")
    write_all(out, NEW)
    assert (out / "notes.txt").read_text() == "mine"


# The command line (the lead's cli.main): bad input ends in exit 2, located messages and nothing written


def run_cli(*argv: str) -> tuple[int, str, str]:
    import io

    from appealkit.cli import main

    stdout, stderr = io.StringIO(), io.StringIO()
    status = main(list(argv), stdout=stdout, stderr=stderr)
    return status, stdout.getvalue(), stderr.getvalue()


BAD_KITS = {
    "tab": "headline: x\n\tsummary: y\n",
    "not_utf8": b"headline: caf\xe9\n",
    "unsafe_tag": "headline: !!python/object/apply:os.system ['true']\n",
    "bad_email": None,  # the example with a bad address, made below
    "empty": "",
}


def bad_kit(tmp_path: Path, name: str) -> Path:
    path = tmp_path / "kit.yaml"
    content = BAD_KITS[name]
    if content is None:
        example = (Path(__file__).resolve().parents[1] / "kit.yaml").read_text(encoding="utf-8")
        content = example.replace("email: secretary@interior.gov.pk", "email: secretary@interior")
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


@pytest.mark.parametrize("name", sorted(BAD_KITS))
@pytest.mark.parametrize("command", ["build", "check"])
def test_cli_bad_kit_exits_2_with_located_messages_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, command: str
) -> None:
    monkeypatch.chdir(tmp_path)
    bad_kit(tmp_path, name)
    out = tmp_path / "output"
    write_all(out, OLD)
    extra = ["--out", str(out)] if command == "build" else []
    status, _, stderr = run_cli(command, "kit.yaml", "--today", "2025-07-01", *extra)
    assert status == 2
    assert "Traceback" not in stderr
    lines = stderr.strip().splitlines()
    assert lines[-1].startswith("appealkit: ") and "problem" in lines[-1]
    for line in lines[:-1]:
        assert line.startswith("kit.yaml:"), line
        if name != "empty":
            assert line.split(":")[1].isdigit() and line.split(":")[2].isdigit(), line
    assert contents(out) == dict(sorted(OLD.items()))


def test_cli_failure_while_writing_keeps_the_earlier_pack(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An internal failure in the middle of writing: exit 1, one line, the old pack intact."""
    from appealkit import build

    out = tmp_path / "output"
    write_all(out, OLD)
    monkeypatch.setattr(
        build.layout,
        "layout_pack",
        lambda kit, paper, today: [
            type("Part", (), {"name": n, "title": n, "language": "en"})()
            for n in ("fact-sheet", "letter-en")
        ],
    )
    monkeypatch.setattr(build.draw, "render_pdf", lambda parts, info: b"%PDF new")
    real = write._write_temp
    count = 0

    def interrupted(*args: Any) -> Path:
        nonlocal count
        count += 1
        if count == 2:
            raise OSError(28, "No space left on device")
        return real(*args)

    monkeypatch.setattr(write, "_write_temp", interrupted)
    example = Path(__file__).resolve().parents[1] / "kit.yaml"
    status, _, stderr = run_cli("build", str(example), "--today", "2025-07-01", "--out", str(out))
    assert status == 1
    assert "Traceback" not in stderr and "No space left on device" in stderr
    assert contents(out) == dict(sorted(OLD.items()))
