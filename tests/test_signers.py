"""`appealkit build --signers`: each signer's letters with their name, address and date; every
bad row of the list reported at once, and then nothing written."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from conftest import EXAMPLE, TODAY, run_cli, variant
from pdfutil import normalise, page_texts

from appealkit import manifest, write
from appealkit.progress import ProgressBar
from appealkit.signers import read_signers

SIGNERS = (
    "name,address,languages,date\n"
    "Jane Smith,1 High Street / Leeds LS1 1AA,en,2025-09-01\n"
    '"Ali Khan","5 Mall Road\nLahore",ur,\n'
    "Ирина Петрова,ул. Ленина 5 / Москва,,\n"
)
URDU_MARK = "والسلام"  # the Urdu letter's closing


def _write(tmp_path: Path, text: str | bytes, name: str = "signers.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


def _build(kit: Path, signers: Path, out: Path, *options: str) -> tuple[int, str, str]:
    return run_cli("build", str(kit), "--out", str(out), "--today", TODAY,
                   "--signers", str(signers), *options)


@pytest.fixture(scope="module")
def signed(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """Page texts of signed-letters.pdf for SIGNERS, with a byte order mark as Excel writes."""
    tmp = tmp_path_factory.mktemp("signed")
    signers = _write(tmp, "\ufeff" + SIGNERS)
    status, out, err = _build(EXAMPLE, signers, tmp / "out")
    assert (status, err) == (0, "")
    assert str(tmp / "out" / "signed-letters.pdf") in out.splitlines()
    return _letters([normalise(text) for text in page_texts(tmp / "out" / "signed-letters.pdf")])


def _letters(pages: list[str]) -> list[str]:
    """The pages' texts joined letter by letter: a page with a continuation line ("Syed … ·
    page 2 of 2") goes on the letter before it."""
    letters: list[str] = []
    for text in pages:
        if letters and re.search(" · (page|صفحہ) ", text):
            letters[-1] += " " + text
        else:
            letters.append(text)
    return letters


def test_page_count_is_the_letters_each_signer_sends(signed: list[str]) -> None:
    assert len(signed) == 1 + 1 + 2  # en; ur; both (an empty cell: every letter)


def test_each_signer_on_their_own_pages(signed: list[str]) -> None:
    owners = ["Jane Smith", "Ali Khan", "Ирина Петрова", "Ирина Петрова"]
    for text, owner in zip(signed, owners):
        assert [name for name in set(owners) if name in text] == [owner]


def test_languages_column_picks_the_letters(signed: list[str]) -> None:
    english, urdu, both_en, both_ur = signed
    assert "Dear Honourable Minister" in english and URDU_MARK not in english
    assert URDU_MARK in urdu and "Dear Honourable Minister" not in urdu
    assert "Dear Honourable Minister" in both_en and URDU_MARK in both_ur  # kit order: en, ur


def test_address_lines_from_slashes_and_line_feeds(signed: list[str]) -> None:
    assert "Address 1 High Street, Leeds LS1 1AA" in signed[0]
    assert "5 Mall Road, Lahore" in signed[1]  # a quoted cell's lines, in an Urdu letter
    assert "ул. Ленина 5, Москва" in signed[2]


def test_urdu_letter_carries_the_name_on_its_name_line(signed: list[str]) -> None:
    assert "Ali Khan نام" in signed[1]  # PDFium reads the right-to-left line from the right
    assert "Ирина Петрова نام" in signed[3]


def test_date_column_dates_the_letter(signed: list[str]) -> None:
    assert signed[0].startswith("1 September 2025")
    assert "1 July 2025" not in signed[0]
    assert signed[2].startswith("1 July 2025")  # no date: the letter's usual one, the build's


@pytest.mark.parametrize("return_line", [
    "Amnesty Group 123 · 1 Example Street · City",
    "Amnesty Group 123 · 1 Example Street · City · " * 3,  # wraps: still found and replaced
])
def test_return_line_names_the_signer(tmp_path: Path, return_line: str) -> None:
    kit = variant(tmp_path, ('  # return_line: "Amnesty Group 123 · 1 Example Street · City"',
                             f'  return_line: "{return_line}"'))
    signers = _write(tmp_path, "name,address\nJane Smith,1 High Street / Leeds LS1 1AA\n")
    status, _, err = _build(kit, signers, tmp_path / "out")
    assert (status, err) == (0, "")
    english, urdu = _letters([normalise(t) for t in
                              page_texts(tmp_path / "out" / "signed-letters.pdf")])
    for text in (english, urdu):
        assert "Jane Smith · 1 High Street · Leeds LS1 1AA" in text
        assert "Amnesty Group 123" not in text
    model = normalise(page_texts(tmp_path / "out" / "letter-en.pdf")[0])
    assert "Amnesty Group 123 · 1 Example Street · City" in model  # the model letter keeps it


def test_every_bad_row_at_once_and_nothing_written(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "mine.txt").write_text("the user's")
    signers = _write(tmp_path, (
        "name,address,languages,date\n"
        "Jane Smith,1 High Street,en,\n"
        ",5 Mall Road,,\n"
        "Ali Khan,5 Mall Road,fr,\n"
        "Ana Lima,Rua 1,en,2025-13-01\n"
        "\n"
        "Bob Ray,Main St,en,01/09/2025,extra\n"
        "Zhang Wei 张伟,Beijing,,\n"))
    status, out_text, err = _build(EXAMPLE, signers, out)
    assert status == 2 and out_text == ""
    name = str(signers)
    assert err.splitlines() == [
        f"{name}:3: name: empty; every signer needs a name",
        f"{name}:4: languages: 'fr' is not a letter of this kit; its letters are en, ur",
        f"{name}:5: date: '2025-13-01' is not a date like 2025-09-15",
        f"{name}:7: 5 cells, more than the header's 4; quote a cell that holds a comma",
        f"{name}:8: name: '张伟' cannot be printed: the letters' fonts have no such characters",
        f"appealkit: 5 problems in {name}; nothing written",
    ]
    assert sorted(p.name for p in out.iterdir()) == ["mine.txt"]


def test_a_name_too_long_for_its_line(tmp_path: Path) -> None:
    signers = _write(tmp_path, "name,address\nJane Smith,Leeds\n" + "A" * 200 + ",Leeds\n")
    status, _, err = _build(EXAMPLE, signers, tmp_path / "out")
    assert status == 2
    assert err.splitlines()[0] == (f"{signers}:3: name: too long for the name line of the "
                                   "letter, even in small print; shorten it")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(("content", "message"), [
    (b"", "the file is empty; its first row must name the columns: name,address"),
    (b"name,address\n", "no signers: the file has a header row but no names below it"),
    (b"first,last\nJane,Smith\n", ("1: name: the header row has no 'name' column; it must name "
     "the columns, like name,address (it reads 'first,last')")),
    (b"name,adress\nJane,Leeds\n", ("1: address: no such column, but 'adress': spell it "
     "'address'")),
    (b"name,address\nJos\xe9,Leeds\n", ("2: not UTF-8 text (byte 0xE9); save the file as CSV "
     "UTF-8")),
    (b"name,address\nJa\x00ne,Leeds\n", ("2: name: holds an invisible control character (U+0000); "
     "retype the cell")),
    (b'"name,address\n', ("1: a quote opened here is never closed; a cell with a quote in it "
     "must be quoted, its quotes doubled")),
    (b'name,address\nJane,"Leeds\n', ("2: a quote opened here is never closed; a cell with a "
     "quote in it must be quoted, its quotes doubled")),
])
def test_file_problems_are_one_line(tmp_path: Path, content: bytes, message: str) -> None:
    signers = _write(tmp_path, content)
    status, _, err = _build(EXAMPLE, signers, tmp_path / "out")
    assert status == 2
    separator = ":" if message[0].isdigit() else ": "
    assert err.splitlines()[0] == f"{signers}{separator}{message}"
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(("where", "message"), [
    ("missing.csv", "no such file; check the path given to --signers"),
    (".", "it is a folder; give the path of the CSV file in it"),
])
def test_a_list_that_is_not_there(tmp_path: Path, where: str, message: str) -> None:
    path = tmp_path / where
    status, _, err = _build(EXAMPLE, path, tmp_path / "out")
    assert status == 2
    assert err.splitlines() == [f"{path}: {message}",
                                f"appealkit: 1 problem in {path}; nothing written"]


def test_no_progress_bar_in_a_pipe(tmp_path: Path) -> None:
    signers = _write(tmp_path, SIGNERS)
    status, _, err = _build(EXAMPLE, signers, tmp_path / "out")
    assert (status, err) == (0, "")  # run_cli's stderr is no terminal


class _Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_progress_bar_counts_and_says_time_left() -> None:
    clock, stream = _Clock(), io.StringIO()
    bar = ProgressBar(stream, "signers", clock=clock)
    bar(1, 300)
    clock.now += 0.5
    bar(50, 300)
    assert stream.getvalue() == ""  # quick builds print nothing
    clock.now += 0.5  # one second in, 99 signers in the last second: 201 left take 2 s
    bar(100, 300)
    assert stream.getvalue() == f"\rappealkit: [{'#' * 8}{'.' * 16}] 100/300 signers, 2 s left"
    bar(300, 300)
    assert stream.getvalue().endswith("] 300/300 signers, done    ")  # over the longer line
    bar.close()
    assert stream.getvalue().endswith("\r")


def test_write_all_takes_a_file(tmp_path: Path) -> None:
    spool = io.BytesIO(b"%PDF streamed " * 1000)
    spool.seek(7)  # read from its start, wherever it was left
    write.write_all(tmp_path / "out", {"big.pdf": spool, "small.pdf": b"%PDF"})
    assert (tmp_path / "out" / "big.pdf").read_bytes() == b"%PDF streamed " * 1000
    listed = manifest.read(tmp_path / "out")
    assert listed["big.pdf"] == {manifest.digest(b"%PDF streamed " * 1000)}


def test_languages_in_any_case_and_separator_in_kit_order(tmp_path: Path) -> None:
    path = _write(tmp_path, "Name,Address,Languages,Email\nJane,Leeds,\"UR, en\",j@example.org\n"
                            "Ali,Lahore,  ur ,\n")
    jane, ali = read_signers(path, ["en", "ur"])
    assert (jane.languages, ali.languages) == (("en", "ur"), ("ur",))
    assert (jane.mark.line, ali.mark.line) == (2, 3)
