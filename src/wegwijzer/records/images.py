"""Photos and images an editor supplies: decoded once in the check, with the same limits the build uses.

A file that starts like a JPEG but is cut off, a header followed by zeros, or a small PNG
that unpacks to 144 megapixels must be a Dutch message from ``wegwijzer check``, not a
failed or runaway build. The build opens every image through ``open_image`` as well, so
what the check accepted is exactly what the build can read.
"""

from __future__ import annotations

import io
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Optional

from .files import FileRefused, read_limited

if TYPE_CHECKING:  # Pillow is imported only when an image is opened
    from PIL.Image import Image

IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp")
IMAGE_FORMATS = ("JPEG", "PNG", "WEBP")
MAX_IMAGE_BYTES = 20 * 1024 * 1024  # a camera photo is 2-10 MB
MAX_PIXELS = 40_000_000  # 40 megapixels: decoding one takes about 120 MB
SUGGESTED_SIZE = "2000 × 2000 pixels"


class ImageRefused(Exception):
    """An image the site cannot publish; ``message`` says why and what to do (Dutch)."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def open_image(path: Path, root: Optional[Path] = None, draft_size: Optional[tuple[int, int]] = None) -> Image:
    """The decoded image (a Pillow Image, fully loaded), or ImageRefused.

    Reads at most MAX_IMAGE_BYTES, refuses anything but JPEG, PNG and WebP, checks the
    pixel count before decoding, and decodes every byte, so a truncated or corrupt file
    fails here and not later. ``draft_size`` lets a JPEG decode at 1/2, 1/4 or 1/8 scale
    when that is still at least this size (it still reads the whole file).
    """
    from PIL import Image

    name = Path(path).name
    try:
        data = read_limited(path, MAX_IMAGE_BYTES, root, what=f"De foto '{name}'")
    except FileRefused as refused:
        raise ImageRefused(refused.message) from None
    try:
        with warnings.catch_warnings():
            # Our own, lower limit comes right after opening, with the size in the message.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=IMAGE_FORMATS)
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise ImageRefused(too_many_pixels(name, f"{width} × {height} pixels"))
            if draft_size:
                image.draft("RGB", draft_size)
            image.load()
    except ImageRefused:
        raise
    except Image.DecompressionBombError:  # Pillow's own limit (about 179 megapixel) is met while opening
        raise ImageRefused(too_many_pixels(name, "meer dan 179 megapixel")) from None
    except Exception:  # Pillow raises many kinds (OSError, SyntaxError, ValueError, ...) for bad files
        raise ImageRefused(not_an_image(name)) from None
    return image


def too_many_pixels(name: str, size: str) -> str:
    return (f"De foto '{name}' is te groot: {size}. Het maximum is {MAX_PIXELS // 1_000_000} megapixel. "
            f"Verklein hem, bijvoorbeeld tot {SUGGESTED_SIZE}: dat is ruim genoeg voor de site.")


def image_problem(path: Path, root: Optional[Path] = None) -> Optional[str]:
    """Why ``path`` cannot be published as an image (Dutch), or None."""
    try:
        open_image(path, root, draft_size=(1, 1)).close()  # 1/8 scale for a JPEG: every byte read, less work
    except ImageRefused as refused:
        return refused.message
    return None


def not_an_image(name: str) -> str:
    """The message for a file that is not a whole JPEG, PNG or WebP image (the web editor says the same)."""
    return (f"'{name}' is geen foto die de site kan tonen: het is geen heel JPEG-, PNG- of WebP-bestand (het kan "
            "ook beschadigd of half opgeslagen zijn). Sla de foto opnieuw op als .jpg en zet hem opnieuw neer.")
