"""`python -m appealkit` and the `appealkit` command."""

import gc
import os
import sys


def run() -> None:
    """Run the command line as a short-lived process.

    A build makes many small objects that all live until it ends; Python's cyclic garbage
    collector would walk them again and again to free nothing, so a command turns it off. At
    the end every file is written, synced and closed, so the process ends at once: tearing
    down the interpreter would only free memory object by object (about 20 ms) for the
    system to reclaim anyway. The library, used in a long-running process, changes neither.
    """
    gc.disable()
    from .startup import defer_unused_imports

    defer_unused_imports()  # before anything imports ReportLab or qrcode
    from .cli import main

    status = main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)


if __name__ == "__main__":
    run()
