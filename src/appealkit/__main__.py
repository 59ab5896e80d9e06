"""`python -m appealkit` and the `appealkit` command."""

import gc
import sys


def run() -> None:
    """Run the command line as a short-lived process.

    A build makes many small objects that all live until it ends; Python's cyclic garbage
    collector would walk them again and again (and once more at exit) to free nothing, so a
    command turns it off. The library, used in a long-running process, leaves it alone.
    """
    gc.disable()
    from .startup import defer_unused_imports

    defer_unused_imports()  # before anything imports ReportLab or qrcode
    from .cli import main

    status = main()
    sys.stdout.flush()
    sys.stderr.flush()
    gc.freeze()  # nothing left to collect: skip the walk over every object at shutdown
    sys.exit(status)


if __name__ == "__main__":
    run()
