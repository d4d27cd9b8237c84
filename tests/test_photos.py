"""Face photos are cropped square, resized for phones and stripped of EXIF."""

import io

from PIL import Image

from wegwijzer.site.photos import resize_photo


def test_resize_to_webp_and_jpeg(tmp_path):
    src = tmp_path / "anne.jpg"
    Image.new("RGB", (1600, 1200), (200, 100, 50)).save(src, "JPEG", quality=95)
    ps = resize_photo(src, "anne")
    assert set(ps.webp) == {240, 480} and set(ps.jpeg) == {240}
    small = Image.open(io.BytesIO(ps.files[ps.webp[240]]))
    assert small.format == "WEBP" and small.size == (240, 240)
    assert len(ps.files[ps.jpeg[240]]) < 30_000
    assert "exif" not in Image.open(io.BytesIO(ps.files[ps.jpeg[240]])).info


def test_cache_by_content_reuses_the_encoded_files(tmp_path, monkeypatch):
    from wegwijzer.site import photos
    src = tmp_path / "anne.jpg"
    Image.new("RGB", (800, 1000), (20, 120, 200)).save(src, "JPEG", quality=90)
    cache = tmp_path / ".wegwijzer" / "cache" / "photos"
    first = resize_photo(src, "anne", cache)
    assert len(list(cache.iterdir())) == 3  # 240/480 WebP and the 240 JPEG, named by content hash
    calls = []
    monkeypatch.setattr(photos, "_resize", lambda *a: calls.append(a))
    again = resize_photo(src, "bert", cache)  # same photo under another name: no decoding
    assert calls == [] and again.webp == {240: "bert-240.webp", 480: "bert-480.webp"}
    assert again.files["bert-480.webp"] == first.files["anne-480.webp"]
    Image.new("RGB", (800, 1000), (200, 20, 20)).save(src, "JPEG", quality=90)  # a new photo: encoded again
    monkeypatch.undo()
    assert resize_photo(src, "anne", cache).files["anne-240.jpg"] != first.files["anne-240.jpg"]
