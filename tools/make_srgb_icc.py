"""Write src/appealkit/data/sRGB-v2.icc, the output intent of PDF/A builds: an ICC version 2
display profile for sRGB (IEC 61966-2-1), made from the standard's published numbers alone.

Run `python tools/make_srgb_icc.py` from the repository root; the output is byte-for-byte the
same each time. Version 2 because every PDF/A part accepts it (PDF/A-1 requires it); Pillow's
`ImageCms.createProfile("sRGB")` (LittleCMS) writes version 4.4, and its curves and values
served only to check these.
"""

from __future__ import annotations

import struct
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "appealkit" / "data" / "sRGB-v2.icc"

# sRGB primaries and white adapted to the profile connection space's D50 (Bradford), as
# IEC 61966-2-1 Annex and the ICC's sRGB profiles give them; the media white point is D50 too,
# as ICC.1:2001-04 asks of display profiles.
D50 = (0.9642, 1.0, 0.8249)
RED = (0.4360747, 0.2225045, 0.0139322)
GREEN = (0.3850649, 0.7168786, 0.0971045)
BLUE = (0.1430804, 0.0606169, 0.7141733)
SAMPLES = 1024


def _s15(value: float) -> bytes:
    return struct.pack(">i", round(value * 65536))


def _xyz(values: tuple[float, float, float]) -> bytes:
    return b"XYZ " + bytes(4) + b"".join(map(_s15, values))


def _curve() -> bytes:
    """The sRGB transfer function (IEC 61966-2-1, 5.2), sampled."""
    def decode(v: float) -> float:
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4
    table = [round(decode(i / (SAMPLES - 1)) * 65535) for i in range(SAMPLES)]
    return b"curv" + bytes(4) + struct.pack(f">I{SAMPLES}H", SAMPLES, *table)


def _text(text: str) -> bytes:
    return b"text" + bytes(4) + text.encode("ascii") + b"\0"


def _description(text: str) -> bytes:
    """textDescriptionType (ICC.1:2001-04, 6.5.17): ASCII, then empty Unicode and ScriptCode."""
    ascii_ = text.encode("ascii") + b"\0"
    return (b"desc" + bytes(4) + struct.pack(">I", len(ascii_)) + ascii_
            + struct.pack(">II", 0, 0) + struct.pack(">HB", 0, 0) + bytes(67))


def _pad(data: bytes) -> bytes:
    return data + bytes(-len(data) % 4)


def profile() -> bytes:
    curve = _curve()
    tags = [
        (b"desc", _description("sRGB IEC61966-2.1 (appealkit, ICC v2)")),
        (b"cprt", _text("No copyright, use freely (CC0): made by appealkit from IEC 61966-2-1")),
        (b"wtpt", _xyz(D50)),
        (b"rXYZ", _xyz(RED)),
        (b"gXYZ", _xyz(GREEN)),
        (b"bXYZ", _xyz(BLUE)),
        (b"rTRC", curve),
        (b"gTRC", curve),  # shared with rTRC below
        (b"bTRC", curve),
    ]
    table_size = 4 + 12 * len(tags)
    offset = 128 + table_size
    entries, blobs, placed = [], [], {}
    for signature, data in tags:
        if data in placed:  # the three curves are one: tags may share their data
            entries.append(struct.pack(">4sII", signature, placed[data], len(data)))
            continue
        placed[data] = offset
        entries.append(struct.pack(">4sII", signature, offset, len(data)))
        blobs.append(_pad(data))
        offset += len(_pad(data))
    body = struct.pack(">I", len(tags)) + b"".join(entries) + b"".join(blobs)
    size = 128 + len(body)
    created = struct.pack(">6H", 2025, 1, 1, 0, 0, 0)  # a fixed date: the same bytes each time
    header = struct.pack(
        ">I4sI4s4s4s12s4s4sI4s4sQI12s4s16s28s",
        size, bytes(4), 0x02100000, b"mntr", b"RGB ", b"XYZ ", created,
        b"acsp", bytes(4), 0, bytes(4), bytes(4), 0, 0,
        b"".join(map(_s15, D50)), bytes(4), bytes(16), bytes(28))
    assert len(header) == 128
    return header + body


if __name__ == "__main__":
    OUT.write_bytes(profile())
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes)")
