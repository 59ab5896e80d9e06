"""A test-only seam: named points between the steps of writing, where a test can stop the build.

Set the environment variable APPEALKIT_TEST_KILL_AT to the name of a step (the text passed
to `reach`, such as `staged pack.pdf` or `swapped`) and the process kills itself with SIGKILL
when it gets there, as a power cut or `kill -9` would stop it: no clean-up code runs. Tests
list the steps of a build by replacing `reach` with a function that records them.
Users never set the variable.
"""

from __future__ import annotations

import os
import signal

__all__ = ["ENV", "reach"]

ENV = "APPEALKIT_TEST_KILL_AT"


def reach(step: str) -> None:
    """Mark that writing has got to `step`; kill the process if the test seam asks for it."""
    if os.environ.get(ENV) == step:
        os.kill(os.getpid(), getattr(signal, "SIGKILL", signal.SIGTERM))
