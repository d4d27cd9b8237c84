"""Face photos are cropped square, resized for phones and stripped of EXIF."""

import io

from PIL import Image

from wegwijzer.photos import resize_photo


def test_resize_to_webp_and_jpeg(tmp_path):
    src = tmp_path / "anne.jpg"
    Image.new("RGB", (1600, 1200), (200, 100, 50)).save(src, "JPEG", quality=95)
    ps = resize_photo(src, "anne")
    assert set(ps.webp) == {240, 480} and set(ps.jpeg) == {240}
    small = Image.open(io.BytesIO(ps.files[ps.webp[240]]))
    assert small.format == "WEBP" and small.size == (240, 240)
    assert len(ps.files[ps.jpeg[240]]) < 30_000
    assert "exif" not in Image.open(io.BytesIO(ps.files[ps.jpeg[240]])).info
