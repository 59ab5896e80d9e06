"""Command line: `appealkit build`, `site`, `check`, `schema` and `init`; the only module that prints."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from . import __version__
from .errors import KitError, OutputError, Problem

if TYPE_CHECKING:
    from .progress import ProgressBar

# Each command imports what it runs inside its own function, for start-up time: `--version`,
# `schema` and `init` never load the layout and drawing code (ReportLab, HarfBuzz), and only
# `site` and `import` load theirs.

BUG_REPORT = "this is a bug in appealkit; please report it with your kit.yaml and this message"
REINSTALL = "reinstall appealkit (pip install --force-reinstall appealkit)"


def main(argv: list[str] | None = None, stdout: TextIO | None = None,
         stderr: TextIO | None = None) -> int:
    """Run a command; return the exit status (0 ok, 1 internal failure, 2 bad input or output folder)."""
    out, err = stdout or sys.stdout, stderr or sys.stderr
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit:  # argparse has printed its usage message
        return int(exit.code or 0)
    if str(getattr(args, "kit", "")) == "-":
        print("appealkit: reading the kit from standard input ('-') is not supported; "
              "save it as a file, e.g. kit.yaml, and name that", file=err)
        return 2
    try:
        return int(args.run(args, out, err))
    except KeyboardInterrupt:  # Ctrl-C: the output folder is published in one step, or not at all
        print("appealkit: interrupted (Ctrl-C); nothing more was done", file=err)
        return 130
    except KitError as error:
        _print_problems(error.problems, err)
        kit = getattr(args, "kit", "kit.yaml")
        signers = getattr(args, "signers", None)
        if signers and all(str(p).startswith(f"{signers}:") for p in error.problems):
            kit = signers  # the list of signers is at fault, not the kit
        count = len(error.problems)
        what = "nothing written" if args.command in ("build", "site") else "not valid"
        print(f"appealkit: {count} problem{'s' * (count != 1)} in {kit}; {what}", file=err)
        return 2
    except OutputError as error:  # the output folder or its disk: the user's to fix, not a bug
        print(f"appealkit: {error}; nothing written", file=err)
        return 2
    except Exception as error:  # noqa: BLE001 - users get one line, developers --debug
        if args.debug:
            import traceback  # only here: a build never pays for it

            traceback.print_exc(file=err)
        if _is_font_error(error):  # a damaged installation, not a bug
            print(f"appealkit: {error}; {REINSTALL}", file=err)
            return 1
        print(f"appealkit: internal error: {type(error).__name__}: {error}", file=err)
        print(f"appealkit: {BUG_REPORT} (run with --debug for details)", file=err)
        return 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="appealkit",
        description="Turn an Urgent Action described in kit.yaml into a printable "
                    "letter-writing pack (fact sheet, model letters, QR code).")
    parser.add_argument("--version", action="version", version=f"appealkit {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    build = commands.add_parser("build", help="build the PDF pack",
                                description="Build pack.pdf, fact-sheet.pdf and letter-<lang>.pdf.")
    _kit_options(build)
    build.add_argument("--out", metavar="DIR", type=Path, default=Path("output"),
                       help="folder for the PDFs (default: output/)")
    build.add_argument("--paper", choices=("a4", "letter"), default="a4",
                       help="paper size; letters fit DL/C5-6 windows on a4, US #10 on letter")
    build.add_argument("--parts", metavar="LIST", default=None,
                       help="build only these, comma-separated: pack, handouts, poster, "
                            "envelopes, labels, tally, solidarity (default: all)")
    build.add_argument("--labels-start", metavar="N", type=int, default=1,
                       help="the first free label on the first sheet, counted from 1 "
                            "row by row (default: 1)")
    build.add_argument("--copies", metavar="N", type=int, default=1,
                       help="address labels per target (default: 1)")
    build.add_argument("--signers", metavar="CSV", type=Path,
                       help="also write signed-letters.pdf: each letter for each signer listed "
                            "(columns name,address and optional languages,date)")
    build.add_argument("--pdfa", action="store_true",
                       help="write every PDF as PDF/A-2u, for archiving")
    build.set_defaults(run=_build)

    site = commands.add_parser("site", help="make a download page for a website",
                               description="Write index.html with the pack in A4 and US Letter, "
                                           "page previews and the QR code into DIR.")
    _kit_options(site)
    site.add_argument("--out", metavar="DIR", type=Path, default=Path("site"),
                      help="folder for the page and its files (default: site/)")
    site.set_defaults(run=_site)

    check = commands.add_parser("check", help="validate kit.yaml without building",
                                description="Report every problem in kit.yaml, text that does "
                                            "not fit its page included; write nothing.")
    _kit_options(check)
    check.add_argument("--paper", choices=("a4", "letter"), default="a4",
                       help="paper size to lay the pack out on, as build does")
    check.set_defaults(run=_check)

    from .ua_import.command import add_import_command

    add_import_command(commands)

    schema = commands.add_parser("schema", help="print the JSON Schema of kit.yaml",
                                 description="Print the JSON Schema editors use to check kit.yaml.")
    schema.add_argument("--debug", action="store_true", help=argparse.SUPPRESS)
    schema.set_defaults(run=_schema)

    init = commands.add_parser("init", help="write a starter kit.yaml to edit",
                               description="Write kit.yaml (the example case, with comments), "
                                           "kit.schema.json and an empty assets/ into DIR; "
                                           "never overwrites.")
    init.add_argument("dir", nargs="?", default=Path("."), type=Path, metavar="DIR",
                      help="the folder to write into (default: this folder)")
    init.add_argument("--debug", action="store_true", help=argparse.SUPPRESS)
    init.set_defaults(run=_init)
    return parser


def _kit_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("kit", nargs="?", default="kit.yaml", type=Path,
                         help="the kit file (default: kit.yaml)")
    command.add_argument("--strict", action="store_true", help="treat warnings as errors")
    command.add_argument("--today", type=_date, metavar="YYYY-MM-DD",
                         help="the date to build as (deadline check, letter date)")
    command.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")


def _date(text: str) -> dt.date:
    """A `--today` date: YYYY-MM-DD only, with a year the kit's own dates may have."""
    from .dates import date_problem

    problem = date_problem(text)
    if problem:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date: {problem}")
    year, month, day = (int(part) for part in text.split("-"))
    return dt.date(year, month, day)


def _build(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .api import build_kit

    problem, parts = _event_options(args)
    if problem:
        print(f"appealkit: {problem}; nothing written", file=err)
        return 2
    progress = _progress_bar(err) if args.signers else None
    try:
        built = build_kit(args.kit, args.out, paper=args.paper, today=args.today,
                          strict=args.strict, parts=parts, labels_start=args.labels_start,
                          copies=args.copies, signers=args.signers, progress=progress,
                          pdfa=args.pdfa)
    finally:
        if progress is not None:
            progress.close()
    _print_problems(built.warnings, err)
    for path in built.files:
        print(path, file=out)
    return 0


def _site(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .site import MissingExtra, build_site

    try:
        _, warnings = build_site(args.kit, args.out, today=args.today, strict=args.strict)
    except MissingExtra as error:  # the message names the command and how to install
        print(error, file=err)
        return 2
    _print_problems(warnings, err)
    print(args.out / "index.html", file=out)
    return 0


def _progress_bar(err: TextIO) -> ProgressBar | None:
    """A bar for the signed letters, on a terminal only: nothing in logs, pipes and CI."""
    if not err.isatty():
        return None
    from .progress import ProgressBar

    return ProgressBar(err, "signers")


def _event_options(args: argparse.Namespace) -> tuple[str | None, tuple[str, ...]]:
    """A one-line problem with --parts, --labels-start or --copies (or None), and the parts."""
    from .build import PART_NAMES
    from .layout.stationery import LABEL_SHEETS

    names = PART_NAMES if args.parts is None else tuple(
        name.strip() for name in args.parts.split(",") if name.strip())
    unknown = [name for name in names if name not in PART_NAMES]
    if unknown or not names:
        what = f"unknown part '{unknown[0]}'" if unknown else "no part named"
        return f"--parts: {what}; the parts are: {', '.join(PART_NAMES)}", names
    sheet = LABEL_SHEETS[args.paper]
    if not 1 <= args.labels_start <= sheet.count:
        return (f"--labels-start {args.labels_start}: the {sheet.name} sheet has labels "
                f"1 to {sheet.count}"), names
    if args.copies < 1:
        return f"--copies {args.copies}: give 1 or more labels per target", names
    return None, names


def _check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .api import check_kit  # the build's own layout, so check rejects what build does

    warnings = check_kit(args.kit, paper=args.paper, today=args.today, strict=args.strict)
    _print_problems(warnings, err)
    print(f"{args.kit}: ok", file=out)
    return 0


def _schema(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .schema import render_schema

    print(render_schema(), end="", file=out)
    return 0


def _init(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    import shlex

    from .starter import StarterError, write_starter

    try:
        written = write_starter(args.dir)
    except StarterError as error:
        print(f"appealkit: {error}", file=err)
        return 2
    for path in written:
        print(f"{path}/" if path.is_dir() else path, file=out)
    go = "" if args.dir == Path(".") else f"cd {shlex.quote(str(args.dir))} && "
    print(f"appealkit: wrote a starter kit (the example case); edit kit.yaml, then run: "
          f"{go}appealkit build", file=out)
    return 0


def _is_font_error(error: Exception) -> bool:
    from .text.fonts import FontError  # already imported when a font failed

    return isinstance(error, FontError)


def _print_problems(problems: list[Problem], err: TextIO) -> None:
    for problem in problems:
        print(problem, file=err)
