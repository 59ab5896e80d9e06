"""Writing outputs all at once: a failed build leaves earlier outputs as they were and no temp
files; the files a build owns are listed in a manifest; builds into one folder take turns."""

from __future__ import annotations

import fcntl
import os
import shutil
import stat
import threading
from pathlib import Path
from typing import Any

import pytest

from appealkit import killpoints, swap, write
from appealkit.write import OutputError, write_all

OLD = {"pack.pdf": b"old pack", "fact-sheet.pdf": b"old sheet", "letter-en.pdf": b"old letter"}
NEW = {"pack.pdf": b"new pack", "fact-sheet.pdf": b"new sheet", "letter-en.pdf": b"new letter"}
OURS = [".appealkit.json", ".appealkit.lock"]  # the hidden files appealkit keeps in the folder


def contents(folder: Path) -> dict[str, bytes]:
    """The visible files of `folder` and their bytes."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())
            if not p.name.startswith(".") and p.is_file()}


def hidden(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def leftovers(out: Path) -> list[str]:
    """Everything beside the folder and hidden in it that a finished build should not leave."""
    beside = sorted(p.name for p in out.parent.iterdir() if p.name != out.name)
    return beside + [n for n in hidden(out) if n not in OURS]


@pytest.fixture(params=["swap", "in_place"])
def strategy(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Each test runs with the folder swap, and with the one-by-one fallback forced."""
    if request.param == "in_place":
        force_in_place(monkeypatch)
    return str(request.param)


def force_in_place(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make swapping folders impossible, as on a FAT stick: files are replaced one by one."""
    def cannot(*args: Any) -> None:
        raise swap.CannotSwap

    monkeypatch.setattr(swap, "publish_by_swap", cannot)


@pytest.fixture
def out(tmp_path: Path, strategy: str) -> Path:
    folder = tmp_path / "output"
    write_all(folder, OLD)
    assert contents(folder) == dict(sorted(OLD.items()))
    return folder


def test_writes_every_file_and_creates_the_folder(tmp_path: Path, strategy: str) -> None:
    folder = tmp_path / "a" / "b"
    paths = write_all(folder, NEW)
    assert paths == [folder / name for name in NEW]
    assert contents(folder) == dict(sorted(NEW.items()))
    assert hidden(folder) == OURS and leftovers(folder) == []


def test_replaces_earlier_outputs(out: Path) -> None:
    write_all(out, NEW)
    assert contents(out) == dict(sorted(NEW.items()))
    assert leftovers(out) == []


def test_the_same_files_give_the_same_folder(tmp_path: Path, strategy: str) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    write_all(a, NEW)
    write_all(b, OLD)
    write_all(b, NEW)
    assert (a / ".appealkit.json").read_bytes() == (b / ".appealkit.json").read_bytes()


def test_files_and_folder_get_ordinary_permissions(out: Path) -> None:
    umask = os.umask(0o022)
    os.umask(umask)
    write_all(out, NEW)
    for path in out.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask, path
    assert stat.S_IMODE(out.stat().st_mode) == 0o777 & ~umask


def test_a_full_disk_leaves_earlier_outputs(out: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    real_fsync = os.fsync

    def failing_fsync(fd: int) -> None:  # the disk fills up after the first file
        calls.append(fd)
        if len(calls) >= 2:
            raise OSError(28, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", failing_fsync)
    with pytest.raises(OutputError, match="the disk is full"):
        write_all(out, NEW)
    assert contents(out) == dict(sorted(OLD.items()))
    assert leftovers(out) == []


def record_steps(folder: Path, files: dict[str, bytes],
                 monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the write steps of writing `files` into a copy of `folder`, in order."""
    steps: list[str] = []
    with monkeypatch.context() as patch:
        patch.setattr(killpoints, "reach", steps.append)
        copy = folder.parent / "copy"
        write_all(copy, {n: folder.joinpath(n).read_bytes() for n in contents(folder)})
        steps.clear()
        write_all(copy, files)
    assert hidden(copy) == OURS
    shutil.rmtree(copy)
    return steps


def test_an_exception_at_any_step_leaves_one_whole_set(
    out: Path, monkeypatch: pytest.MonkeyPatch, strategy: str
) -> None:
    """Interrupted (Ctrl-C) between any two write steps: the old set, or the new one once it is out;
    the next build leaves no trace of it."""
    steps = record_steps(out, NEW, monkeypatch)
    assert "published" in steps and ("swapped" in steps) == (strategy == "swap")
    for step in steps:
        def interrupt(name: str, step: str = step) -> None:
            if name == step:
                raise KeyboardInterrupt(step)

        with monkeypatch.context() as patch:
            patch.setattr(killpoints, "reach", interrupt)
            with pytest.raises(KeyboardInterrupt):
                write_all(out, NEW)
        assert contents(out) in (dict(sorted(OLD.items())), dict(sorted(NEW.items()))), step
        write_all(out, OLD)
        assert contents(out) == dict(sorted(OLD.items())) and leftovers(out) == [], step


def test_failure_while_replacing_puts_back_what_was_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    force_in_place(monkeypatch)  # only the fallback replaces files
    out = tmp_path / "output"
    write_all(out, OLD)
    real_replace = os.replace
    moved: list[str] = []

    def failing_replace(src: Any, dst: Any) -> None:
        if Path(dst).suffix == ".pdf" and str(src).endswith(".tmp"):
            moved.append(Path(dst).name)
            if len(moved) == 2:
                raise PermissionError(13, "Permission denied")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(OutputError, match="permission denied"):
        write_all(out, NEW)
    assert moved == ["pack.pdf", "fact-sheet.pdf"]  # the first had been replaced: it is put back
    assert contents(out) == dict(sorted(OLD.items()))
    assert leftovers(out) == []


def test_failure_removes_new_files_that_had_no_earlier_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, strategy: str
) -> None:
    out = tmp_path / "output"
    write_all(out, {"pack.pdf": b"old"})
    real_replace = os.replace

    def failing_replace(src: Any, dst: Any) -> None:
        if Path(dst).name == "letter-en.pdf" and str(src).endswith(".tmp"):
            raise OSError(5, "I/O error")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", failing_replace)
    monkeypatch.setattr(os, "link", failing_link := _failing_link(os.link))
    with pytest.raises(OutputError, match="i/o error"):
        write_all(out, {"fact-sheet.pdf": b"new", "pack.pdf": b"new", "letter-en.pdf": b"new"})
    assert contents(out) == {"pack.pdf": b"old"}
    assert leftovers(out) == [] and failing_link.calls  # type: ignore[attr-defined]


def _failing_link(real: Any) -> Any:
    """os.link failing with EIO for the swap (so that path gives up), as it does for backups."""
    def link(src: Any, dst: Any, **kwargs: Any) -> None:
        link.calls += 1  # type: ignore[attr-defined]
        if ".appealkit-" in str(dst) and not str(dst).endswith(".old"):
            raise OSError(5, "Input/output error")
        real(src, dst, **kwargs)

    link.calls = 0  # type: ignore[attr-defined]
    return link


@pytest.mark.parametrize("name", ["", "..", "../x.pdf", "a/b.pdf", "a\\b.pdf", "x\0.pdf",
                                  ".appealkit.json", ".appealkit.lock"])
def test_names_must_be_plain_file_names(tmp_path: Path, name: str) -> None:
    with pytest.raises(ValueError):
        write_all(tmp_path, {"ok.pdf": b"x", name: b"y"})
    assert list(tmp_path.iterdir()) == []


def test_other_files_in_the_folder_are_left_alone(out: Path) -> None:
    (out / "notes.txt").write_text("mine")
    (out / ".hidden").write_text("mine too")
    (out / "link.pdf").symlink_to("notes.txt")
    inode = (out / "notes.txt").stat().st_ino
    write_all(out, NEW)
    assert (out / "notes.txt").read_text() == "mine" and (out / ".hidden").read_text() == "mine too"
    assert (out / "notes.txt").stat().st_ino == inode  # the same file, not a copy
    assert os.readlink(out / "link.pdf") == "notes.txt"
    assert leftovers(out) == [".hidden"]


def test_a_folder_of_the_users_inside_is_left_alone(out: Path) -> None:
    (out / "drafts").mkdir()
    (out / "drafts" / "mine.txt").write_text("draft")
    write_all(out, NEW)
    assert contents(out / "drafts") == {"mine.txt": b"draft"}
    assert contents(out) == dict(sorted(NEW.items())) and leftovers(out) == []


def test_files_the_last_build_wrote_and_this_one_does_not_are_removed(out: Path) -> None:
    write_all(out, {**OLD, "letter-ur.pdf": b"old urdu", "letter-fr.pdf": b"old french"})
    (out / "letter-fr.pdf").write_bytes(b"edited by hand")  # no longer what appealkit wrote
    (out / "letter-ar.pdf").write_bytes(b"the user's own")  # never written by appealkit
    write_all(out, NEW)
    assert contents(out) == dict(sorted(
        {**NEW, "letter-fr.pdf": b"edited by hand", "letter-ar.pdf": b"the user's own"}.items()))
    assert leftovers(out) == []


def test_a_link_to_the_folder_stays_a_link(tmp_path: Path, strategy: str) -> None:
    real = tmp_path / "real"
    real.mkdir()
    (tmp_path / "output").symlink_to(real)
    write_all(tmp_path / "output", NEW)
    assert (tmp_path / "output").is_symlink()
    assert contents(real) == dict(sorted(NEW.items()))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["output", "real"]


def test_leftovers_of_killed_builds_are_removed(out: Path) -> None:
    for name in (".pack.pdf.x1y2z3w4.tmp", ".pack.pdf.0a1b2c3d.old",  # earlier versions
                 ".letter-en.pdf.appealkit-0a1b2c3d.tmp", ".pack.pdf.appealkit-0a1b2c3d.old"):
        (out / name).write_bytes(b"half a PDF")
    staged = out.parent / ".output.appealkit-k1ll3d00"  # a swap folder killed while filled
    staged.mkdir()
    (staged / ".appealkit.json").write_bytes(write.manifest.encode({"pack.pdf": {"x"}}, True))
    (staged / "pack.pdf").write_bytes(b"half")
    os.link(out / "fact-sheet.pdf", staged / "fact-sheet.pdf")  # a carried file of the user's
    (staged / "notes.txt").write_text("the user's, dropped in during a swap")
    (out / ".notes.txt.old").write_text("the user's own")
    write_all(out, NEW)
    given_back = {"notes.txt": b"the user's, dropped in during a swap"}
    assert contents(out) == dict(sorted({**NEW, **given_back}.items()))
    assert leftovers(out) == [".notes.txt.old"]


def test_a_second_build_waits_for_the_first(out: Path) -> None:
    with open(out / ".appealkit.lock", "rb") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        with pytest.raises(OutputError, match="another appealkit build has been writing into it"):
            write_all(out, NEW, wait=0.2)
        assert contents(out) == dict(sorted(OLD.items()))
        threading.Timer(0.3, held.close).start()  # the first build ends
        write_all(out, NEW, wait=20)
    assert contents(out) == dict(sorted(NEW.items()))


def test_the_lock_file_stays_the_same_across_a_swap(out: Path) -> None:
    inode = (out / ".appealkit.lock").stat().st_ino
    write_all(out, NEW)
    assert (out / ".appealkit.lock").stat().st_ino == inode  # waiting builds wait on the right file


def test_builds_at_the_same_time_leave_one_whole_set(out: Path) -> None:
    sets = [{n: f"{n} of build {i}".encode() for n in ("pack.pdf", f"letter-{i}.pdf")}
            for i in range(4)]
    errors: list[BaseException] = []

    def build(files: dict[str, bytes]) -> None:
        try:
            for _ in range(5):
                write_all(out, files)
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [threading.Thread(target=build, args=(files,)) for files in sets]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors
    assert contents(out) in [dict(sorted(files.items())) for files in sets]
    assert leftovers(out) == []


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


def test_cli_full_disk_keeps_the_earlier_pack(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The disk fills up in the middle of writing: exit 2, one line saying so, the old pack kept."""
    out = tmp_path / "output"
    write_all(out, OLD)
    real_fsync = os.fsync
    calls = []

    def failing_fsync(fd: int) -> None:
        calls.append(fd)
        if len(calls) >= 2:
            raise OSError(28, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", failing_fsync)
    example = Path(__file__).resolve().parents[1] / "kit.yaml"
    status, _, stderr = run_cli("build", str(example), "--today", "2025-07-01", "--out", str(out))
    assert status == 2
    assert stderr == (f"appealkit: cannot write to '{out}': the disk is full; free some space, "
                      "then build again; nothing written\n")
    assert contents(out) == dict(sorted(OLD.items())) and leftovers(out) == []
