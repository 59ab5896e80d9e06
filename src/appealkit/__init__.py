"""appealkit: turn an Urgent Action described in kit.yaml into a printable letter-writing pack."""

__version__ = "0.1.0"
