"""Command line: `appealkit build`, `site`, `check`, `schema` and `init`; the only module that prints."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import TextIO

from . import __version__
from .errors import KitError, OutputError, Problem

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
    try:
        return int(args.run(args, out, err))
    except KitError as error:
        _print_problems(error.problems, err)
        kit = getattr(args, "kit", "kit.yaml")
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
    build.set_defaults(run=_build)

    site = commands.add_parser("site", help="make a download page for a website",
                               description="Write index.html with the pack in A4 and US Letter, "
                                           "page previews and the QR code into DIR.")
    _kit_options(site)
    site.add_argument("--out", metavar="DIR", type=Path, default=Path("site"),
                      help="folder for the page and its files (default: site/)")
    site.set_defaults(run=_site)

    check = commands.add_parser("check", help="validate kit.yaml without building",
                                description="Report every problem in kit.yaml; write nothing.")
    _kit_options(check)
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
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2025-09-15") from None


def _build(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .build import build_pack

    files, warnings = build_pack(args.kit, args.out, paper=args.paper, today=args.today,
                                 strict=args.strict)
    _print_problems(warnings, err)
    for path in files:
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


def _check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .load import load_kit

    _, warnings = load_kit(args.kit, today=args.today, strict=args.strict)
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
