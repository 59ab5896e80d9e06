"""Web addresses as people write them (IRIs) and as links and QR codes carry them (URIs).

The pack prints an address as the kit writes it (`https://bücher.example/straße`); links and
QR codes get its URI form (RFC 3987 section 3.1: the host in IDNA, everything else percent-encoded
UTF-8), which every reader and scanner opens the same way. This module also finds what makes
an address misleading: direction controls, a user name before `@`, a host that mixes scripts.
"""

from __future__ import annotations

import unicodedata
from urllib.parse import quote, urlsplit, urlunsplit

__all__ = [
    "BIDI_CONTROLS",
    "QR_MAX_BYTES",
    "find_bidi_control",
    "host_problem",
    "misleading",
    "to_uri",
]

# UAX #9 explicit embeddings, overrides (U+202A–U+202E) and isolates (U+2066–U+2069): invisible,
# they make text print in another order than it is stored ("gpj.exe" shown as "exe.jpg").
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Bytes a QR code holds at version 40, error correction M, in byte mode (ISO/IEC 18004,
# table 7); layout/qr.py encodes at M.
QR_MAX_BYTES = 2331
# Characters left as they are in a URI: RFC 3986 reserved and unreserved ones, and '%' so
# that an address already percent-encoded stays as it is.
_SAFE = "!#$%&'()*+,/:;=?@[]~-._"


def find_bidi_control(text: str) -> int:
    """The offset of the first direction control in `text`, or -1."""
    return next((i for i, char in enumerate(text) if char in BIDI_CONTROLS), -1)


def to_uri(url: str) -> str:
    """The URI form of an http(s) address: IDNA host, percent-encoded UTF-8 elsewhere.

    ASCII addresses come back unchanged. Raises ValueError when the host cannot be written
    in IDNA (see `host_problem`).
    """
    if url.isascii():
        return url
    parts = urlsplit(url)
    host = parts.hostname or ""
    netloc = parts.netloc
    ascii_host = host.encode("idna").decode("ascii")
    if host:  # the host as written (case kept), replaced by its IDNA form
        start = netloc.lower().rfind(host)
        netloc = netloc[:start] + ascii_host + netloc[start + len(host):]
    return urlunsplit((parts.scheme, quote(netloc, safe=_SAFE), quote(parts.path, safe=_SAFE),
                       quote(parts.query, safe=_SAFE), quote(parts.fragment, safe=_SAFE)))


def host_problem(url: str) -> str | None:
    """Why the host of `url` has no IDNA form (then no link or QR code can open it), or None."""
    try:
        to_uri(url)
    except (UnicodeError, ValueError):
        host = urlsplit(url).hostname or url
        return f"'{url}' has a host name, '{host}', that cannot be written as an address (IDNA)"
    return None


def misleading(url: str) -> str | None:
    """Why `url` may open another site than it seems to, or None."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
    except ValueError:
        return None
    if "@" in parts.netloc:
        seeming = parts.netloc.rsplit("@", 1)[0]
        return (f"'{url}' opens {host}, not {seeming}: the part before '@' is a user name; "
                f"remove it and the '@'")
    for label in host.split("."):
        scripts = sorted({_script(char) for char in label if char.isalpha()})
        if len(scripts) > 1:
            return (f"'{url}': the host name part '{label}' mixes {' and '.join(scripts)} "
                    f"letters, as look-alike addresses do; check that it is the address you mean")
    return None


def _script(char: str) -> str:
    """The script of a letter as the first word of its Unicode name: LATIN, CYRILLIC, …"""
    name = unicodedata.name(char, "UNKNOWN")
    return name.split()[0].capitalize()
