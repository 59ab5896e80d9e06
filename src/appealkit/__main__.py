"""`python -m appealkit` and the `appealkit` command."""

import gc
import sys


def run() -> None:
    """Run the command line as a short-lived process, and exit with its status.

    A build makes many small objects that all live until it ends; Python's cyclic garbage
    collector would walk them again and again to free nothing, so a command turns it off, and
    at the end moves them out of its reach (`gc.freeze`) so that the collection Python makes
    while it shuts down skips them too (about 35 ms of a 0.22 s build). The library, used in a
    long-running process, changes neither.
    """
    gc.disable()
    from .startup import defer_unused_imports

    defer_unused_imports()  # before anything imports ReportLab or qrcode
    from .cli import main

    status = main()
    gc.freeze()
    sys.exit(status)


if __name__ == "__main__":
    run()
