"""appealkit: turn an Urgent Action described in kit.yaml into a printable letter-writing pack.

The Python API (see appealkit.api and the README's "Python API"): `read_kit`, `check_kit`,
`render_kit`, `build_kit`, and the errors they raise. Every other module is internal.
"""

from .api import (
    Built,
    FontError,
    Kit,
    KitError,
    OutputError,
    Problem,
    Rendered,
    build_kit,
    check_kit,
    read_kit,
    render_kit,
)

__version__ = "0.1.0"

__all__ = [
    "Built", "FontError", "Kit", "KitError", "OutputError", "Problem", "Rendered",
    "__version__", "build_kit", "check_kit", "read_kit", "render_kit",
]
