"""Face photos, resized for phones: a camera photo of several MB becomes ~10-30 kB."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps

SIZES = (240, 480)  # CSS size 120 px on the card, at 2x and 4x density


@dataclass
class PhotoSet:
    """Encoded files, keyed by their site path relative to the photo folder."""

    files: dict  # name -> bytes
    webp: dict  # width -> name
    jpeg: dict  # width -> name


def resize_photo(source: Path, stem: str) -> PhotoSet:
    with Image.open(source) as original:
        # JPEG can decode at 1/2, 1/4 or 1/8 scale: far faster for camera photos.
        original.draft("RGB", (max(SIZES) * 2, max(SIZES) * 2))
        img = ImageOps.exif_transpose(original)  # phones store rotation in EXIF
        img = img.convert("RGB")
        # Square crop around the centre-top, where faces usually are.
        side = min(img.size)
        left = (img.width - side) // 2
        top = max(0, (img.height - side) // 4)
        img = img.crop((left, top, left + side, top + side))
    files, webp, jpeg = {}, {}, {}
    for width in SIZES:
        size = min(width, side)
        scaled = img.resize((size, size), Image.LANCZOS, reducing_gap=2.0)
        formats = [("WEBP", "webp", webp, {"quality": 78, "method": 2})]
        if width == min(SIZES):  # the JPEG is a fallback for old browsers and the vCard photo
            formats.append(("JPEG", "jpg", jpeg, {"quality": 80, "optimize": True, "progressive": True}))
        for fmt, ext, table, options in formats:
            buf = io.BytesIO()
            # Saving strips EXIF (location, camera) unless asked: privacy by default.
            scaled.save(buf, fmt, **options)
            name = f"{stem}-{width}.{ext}"
            files[name] = buf.getvalue()
            table[width] = name
    return PhotoSet(files, webp, jpeg)


def resize_all(jobs, workers=None) -> dict:
    """{key: PhotoSet} for [(key, source, stem)]; Pillow releases the GIL, so threads help."""
    from concurrent.futures import ThreadPoolExecutor
    import os

    jobs = list(jobs)
    if len(jobs) < 4:
        return {key: resize_photo(src, stem) for key, src, stem in jobs}
    with ThreadPoolExecutor(max_workers=workers or os.cpu_count() or 2) as pool:
        results = pool.map(lambda job: (job[0], resize_photo(job[1], job[2])), jobs)
        return dict(results)
