"""`python -m appealkit` and the `appealkit` command."""

import gc
import sys

from .cli import main


def run() -> None:
    """Run the command line as a short-lived process.

    A build makes many small objects that all live until it ends; Python's cyclic garbage
    collector would walk them again and again (and once more at exit) to free nothing, so a
    command turns it off. The library, used in a long-running process, leaves it alone.
    """
    gc.disable()
    status = main()
    sys.stdout.flush()
    sys.stderr.flush()
    gc.freeze()  # nothing left to collect: skip the walk over every object at shutdown
    sys.exit(status)


if __name__ == "__main__":
    run()
