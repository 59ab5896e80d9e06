"""Read a kit's image (the organisation's logo, a photo) once: a path under the kit's folder in,
checked image bytes out.

The file is opened once and everything is decided on the bytes read from that opening: it is
inside the kit's folder, a PNG or JPEG that decodes fully, within a pixel limit. Large images
are scaled down and turned upright (EXIF orientation) here, so drawing never reads the file
and never meets an image it cannot decode.
"""

from __future__ import annotations

import io
import os
import stat
import warnings
from dataclasses import dataclass
from pathlib import Path

__all__ = ["MAX_PIXELS", "MAX_SIDE", "PHOTO_SIDE", "Logo", "LogoProblem", "read_image", "read_logo"]

MAX_PIXELS = 16_000_000  # refused above this (4000×4000): decoding it takes 64 MB already
MAX_SIDE = 1200  # pixels; more is scaled down: the banner prints a logo 28 pt (1 cm) tall
PHOTO_SIDE = 1600  # a photo is cropped to its frame (about 4 cm): 1600 pixels leave room for it
MAX_BYTES = 20_000_000  # a logo file larger than this is not a logo
_MAGIC = {b"\x89PNG\r\n\x1a\n": "PNG", b"\xff\xd8\xff": "JPEG"}
_OTHER_IMAGES = {
    b"GIF8": "a GIF",
    b"<svg": "an SVG",
    b"<?xml": "an SVG or XML",
    b"RIFF": "a WebP",
    b"%PDF": "a PDF",
}
_ORIENTATION = 0x0112  # EXIF tag: how the stored pixels must be turned to be upright


class LogoProblem(Exception):
    """Why the image cannot be used; str() is the message, starting with the quoted path."""


@dataclass(frozen=True)
class Logo:
    path: Path  # the resolved file in the kit's folder
    data: bytes  # PNG or JPEG bytes to embed: the file's own, or scaled down and upright
    warnings: tuple[str, ...] = ()  # what Pillow noticed but could still decode


def read_logo(kit_path: Path, logo: Path) -> Logo:
    """Open, check and decode the logo written as `logo` in the kit at `kit_path`.

    Raises LogoProblem with a message the user can act on.
    """
    return read_image(kit_path, logo)


def read_image(kit_path: Path, logo: Path, noun: str = "logo", max_side: int = MAX_SIDE) -> Logo:
    """Open, check and decode the image written as `logo` in the kit at `kit_path`: the same
    checks for every image of a kit; `noun` ("logo", "photo") names it in messages, and an
    image wider or taller than `max_side` pixels is scaled down.

    Raises LogoProblem with a message the user can act on.
    """
    shown = f"'{logo}'"
    try:
        full, data = _read_inside(kit_path.parent.resolve(), logo, shown, noun)
    except (OSError, ValueError, RuntimeError) as e:  # permissions, a NUL in the name, link loops
        reason = e.strerror if isinstance(e, OSError) and e.strerror else str(e)
        raise LogoProblem(f"{shown} cannot be read: {reason}") from None
    kind = next((name for magic, name in _MAGIC.items() if data.startswith(magic)), None)
    if kind is None:
        other = next((name for magic, name in _OTHER_IMAGES.items()
                      if data.lstrip().startswith(magic)), None)
        what = f"is {other} file" if other else "is not a PNG or JPEG image"
        raise LogoProblem(f"{shown} {what}; save the {noun} as PNG (or JPEG) and point to that file")
    image_data, notes = _decode(data, kind, shown, noun, max_side)
    return Logo(full, image_data, tuple(f"{shown}: {note}" for note in notes))


def _read_inside(folder: Path, logo: Path, shown: str, noun: str) -> tuple[Path, bytes]:
    """The resolved path and bytes of `logo`, which must be an ordinary file in `folder`."""
    if logo.is_absolute():
        raise LogoProblem(f"{shown} is not relative to the kit's folder; put the {noun} under "
                          f"assets/ and write e.g. assets/{noun}.{'png' if noun == 'logo' else 'jpg'}")
    full = (folder / logo).resolve()
    if not full.is_relative_to(folder):
        raise LogoProblem(f"{shown} is outside the kit's folder; copy the {noun} into assets/ "
                          f"next to the kit")
    if not full.exists():
        near = _near_file(full)
        hint = f"; did you mean '{near}'?" if near else "; check the name, or put the file under assets/"
        raise LogoProblem(f"{shown} does not exist{hint}")
    if full.is_dir():
        raise LogoProblem(f"{shown} is a folder, not an image file")
    # O_NONBLOCK: a pipe put in the file's place cannot make the open wait forever.
    fd = os.open(full, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(fd, "rb") as f:
        opened = os.fstat(f.fileno())
        if not stat.S_ISREG(opened.st_mode):
            raise LogoProblem(f"{shown} is not an ordinary file; point to a PNG or JPEG image")
        # The path may have been swapped for a link between resolving and opening. So the file
        # we opened must be the one its path leads to now, and that path must still be inside
        # the folder; then the bytes read below, from this opening, are a file of the kit.
        now = full.resolve()
        same = now.exists() and os.path.samestat(opened, os.stat(now))
        if not same or not now.is_relative_to(folder):
            raise LogoProblem(f"{shown} is outside the kit's folder (it changed while appealkit "
                              f"read it); copy the {noun} into assets/ next to the kit")
        data = f.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise LogoProblem(f"{shown} is larger than {MAX_BYTES // 1_000_000} MB; export the {noun} "
                          f"smaller, e.g. {MAX_SIDE} pixels wide")
    return full, data


def _decode(data: bytes, kind: str, shown: str, noun: str, max_side: int
            ) -> tuple[bytes, list[str]]:
    """Decode the whole image; return the bytes to embed and Pillow's warnings."""
    from PIL import Image  # only kits with a logo pay for importing Pillow

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            with Image.open(io.BytesIO(data)) as image:
                _check_size(image.width, image.height, shown, noun)
                image.load()  # every pixel: a broken stream fails here, not while drawing
                result = _upright_and_small(image, data, kind, max_side)
        except LogoProblem:
            raise
        except Image.DecompressionBombError:  # more than twice Pillow's own limit
            raise LogoProblem(f"{shown} has more than {2 * (Image.MAX_IMAGE_PIXELS or 0):,} "
                              f"pixels; {_limit(noun)}") from None
        except Exception as e:  # noqa: BLE001 - Pillow raises many kinds for broken files
            reason = str(e).split("\n")[0][:80] or type(e).__name__
            raise LogoProblem(f"{shown} is a damaged {kind} image ({reason}); export the {noun} "
                              f"again") from None
    notes = [str(w.message).split("\n")[0] for w in caught
             if not issubclass(w.category, Image.DecompressionBombWarning)]
    return result, notes


def _check_size(width: int, height: int, shown: str, noun: str) -> None:
    # Before decoding: the header alone says how much memory the pixels would take.
    if width * height > MAX_PIXELS:
        raise LogoProblem(f"{shown} is {width}×{height} pixels "
                          f"({width * height / 1e6:.0f} million); {_limit(noun)}")


def _limit(noun: str) -> str:
    return (f"a {noun} may have at most {MAX_PIXELS // 1_000_000} million pixels: export it "
            f"smaller, e.g. {MAX_SIDE} pixels wide")


def _upright_and_small(image: object, data: bytes, kind: str, max_side: int) -> bytes:
    """The file's own bytes when they can be embedded as they are; else the image turned
    upright and scaled to at most `max_side` pixels, encoded again (deterministically)."""
    from PIL import Image, ImageOps

    assert isinstance(image, Image.Image)
    turned = image.getexif().get(_ORIENTATION, 1) not in (1, None)
    if not turned and max(image.size) <= max_side:
        return data
    image = ImageOps.exif_transpose(image) if turned else image.copy()
    image.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    if kind == "JPEG" and image.mode in ("L", "RGB", "CMYK"):
        image.save(out, "JPEG", quality=90)  # a photo stays small as JPEG
    else:
        if image.mode not in ("1", "L", "LA", "P", "RGB", "RGBA", "I;16"):
            image = image.convert("RGBA")
        image.save(out, "PNG")
    return out.getvalue()


def _near_file(full: Path) -> str | None:
    import difflib  # only when a name is wrong

    try:
        names = [p.name for p in full.parent.iterdir()] if full.parent.is_dir() else []
    except OSError:
        return None
    close = difflib.get_close_matches(full.name, names, n=1, cutoff=0.6)
    return close[0] if close else None
