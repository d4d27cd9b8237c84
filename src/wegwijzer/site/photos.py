"""Face photos, resized for phones: a camera photo of several MB becomes ~10-30 kB."""

from __future__ import annotations

import hashlib
import io
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

from PIL import Image, ImageOps

from ..records.images import open_image

SIZES = (240, 480)  # CSS size 120 px on the card, at 2x and 4x density
WEBP_OPTIONS = {"quality": 78, "method": 2}
JPEG_OPTIONS = {"quality": 80, "optimize": True, "progressive": True}
# Part of the cache key: a change in sizes, encoder settings or what is stripped makes every photo new
# (2: the JPEG comment is no longer copied).
_CACHE_VERSION = repr((2, SIZES, sorted(WEBP_OPTIONS.items()), sorted(JPEG_OPTIONS.items()))).encode()


@dataclass
class PhotoSet:
    """Encoded files, keyed by their site path relative to the photo folder."""

    files: dict  # name -> bytes
    webp: dict  # width -> name
    jpeg: dict  # width -> name


def _outputs(stem: str):
    """(width, extension) of every file a photo becomes, and its name."""
    for width in SIZES:
        yield width, "webp", f"{stem}-{width}.webp"
        if width == min(SIZES):  # the JPEG is a fallback for old browsers and the vCard photo
            yield width, "jpg", f"{stem}-{width}.jpg"


def resize_photo(source: Path, stem: str, cache_dir: Optional[Path] = None) -> PhotoSet:
    """The photo's files; with ``cache_dir``, reused when the source's content was seen before."""
    if cache_dir is None:
        return _resize(source, stem)
    digest = hashlib.sha256(_CACHE_VERSION + Path(source).read_bytes()).hexdigest()
    cached = _from_cache(Path(cache_dir), digest, stem)
    if cached is not None:
        return cached
    photos = _resize(source, stem)
    try:
        Path(cache_dir).mkdir(parents=True, exist_ok=True)
        for width, ext, name in _outputs(stem):
            target = Path(cache_dir) / f"{digest}-{width}.{ext}"
            tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
            tmp.write_bytes(photos.files[name])
            os.replace(tmp, target)  # never a half-written file under the final name
    except OSError:
        pass  # a cache that cannot be written only costs time
    return photos


def _photo_set(stem: str, files: dict) -> PhotoSet:
    webp = {width: name for width, ext, name in _outputs(stem) if ext == "webp"}
    jpeg = {width: name for width, ext, name in _outputs(stem) if ext == "jpg"}
    return PhotoSet(files, webp, jpeg)


def _from_cache(cache_dir: Path, digest: str, stem: str) -> Optional[PhotoSet]:
    try:
        files = {name: (cache_dir / f"{digest}-{width}.{ext}").read_bytes() for width, ext, name in _outputs(stem)}
    except OSError:
        return None
    return _photo_set(stem, files)


def _resize(source: Path, stem: str) -> PhotoSet:
    # The check opened this photo the same way (records/images.py): within the size and pixel
    # caps, and decoded in full. JPEG can decode at 1/2, 1/4 or 1/8 scale: far faster for camera photos.
    with open_image(source, draft_size=(max(SIZES) * 2, max(SIZES) * 2)) as original:
        img = ImageOps.exif_transpose(original)  # phones store rotation in EXIF
        img = img.convert("RGB")
        # Square crop around the centre-top, where faces usually are.
        side = min(img.size)
        left = (img.width - side) // 2
        top = max(0, (img.height - side) // 4)
        img = img.crop((left, top, left + side, top + side))
    # Pillow copies a JPEG comment (and other metadata in .info) into every file it saves
    # from this image: a phone or an editor's tool may have written a name or a place there.
    img.info.clear()
    files, scaled = {}, {}
    for width, ext, name in _outputs(stem):
        if width not in scaled:
            size = min(width, side)
            scaled[width] = img.resize((size, size), Image.Resampling.LANCZOS, reducing_gap=2.0)
        buf = io.BytesIO()
        # No exif= or xmp= argument and an empty .info: nothing but the pixels is saved.
        if ext == "webp":
            scaled[width].save(buf, "WEBP", **WEBP_OPTIONS)
        else:
            scaled[width].save(buf, "JPEG", **JPEG_OPTIONS)
        files[name] = buf.getvalue()
    return _photo_set(stem, files)


def resize_all(jobs, workers=None, cache_dir: Optional[Path] = None) -> dict:
    """{key: PhotoSet} for [(key, source, stem)]; Pillow releases the GIL, so threads help."""
    from concurrent.futures import ThreadPoolExecutor

    jobs = list(jobs)
    if len(jobs) < 4:
        return {key: resize_photo(src, stem, cache_dir) for key, src, stem in jobs}
    with ThreadPoolExecutor(max_workers=workers or os.cpu_count() or 2) as pool:
        results = pool.map(lambda job: (job[0], resize_photo(job[1], job[2], cache_dir)), jobs)
        return dict(results)


CONTENT_IMAGE_MAX_SIDE = 1600  # px: sharp on a phone at 3x, and a page stays light
CONTENT_FORMATS: dict[str, tuple[str, dict[str, Any]]] = {
    "JPEG": ("JPEG", JPEG_OPTIONS), "PNG": ("PNG", {"optimize": True}), "WEBP": ("WEBP", WEBP_OPTIONS)}


def reencode_image(source: Path) -> bytes:
    """An image from content/, as the site publishes it: turned upright, at most
    CONTENT_IMAGE_MAX_SIDE pixels on its longest side, in its own format, and with nothing
    but the pixels (no EXIF with a place or a device, no comments, no colour profile)."""
    with open_image(source, draft_size=(CONTENT_IMAGE_MAX_SIDE, CONTENT_IMAGE_MAX_SIDE)) as original:
        kind = original.format or ""  # one of IMAGE_FORMATS: open_image refuses the others
        img = ImageOps.exif_transpose(original)
        if kind == "JPEG" and img.mode != "RGB":
            img = img.convert("RGB")
        elif img.mode not in ("RGB", "RGBA", "L", "LA", "P"):
            img = img.convert("RGBA")
        img.thumbnail((CONTENT_IMAGE_MAX_SIDE, CONTENT_IMAGE_MAX_SIDE), Image.Resampling.LANCZOS)
    img.info.clear()
    fmt, options = CONTENT_FORMATS[kind]
    buf = io.BytesIO()
    img.save(buf, fmt, **options)
    return buf.getvalue()
