"""Face photos are cropped square, resized for phones and stripped of EXIF."""

import io

import pytest
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


def _camera_photo(path, size=(300, 200), orientation=1):
    """A JPEG as a phone writes it: EXIF with camera, date, GPS position and orientation, XMP and a comment.
    Left half red, right half blue."""
    img = Image.new("RGB", size, (220, 20, 20))
    img.paste((20, 20, 220), (size[0] // 2, 0, size[0], size[1]))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0110] = "Model X"  # Model
    exif[0x0132] = "2026:03:14 10:00:00"  # DateTime
    exif[0x0112] = orientation
    exif[0x8825] = {1: "N", 2: (50.0, 58.0, 13.0), 3: "E", 4: (5.0, 54.0, 6.0)}  # GPS: where the photo was taken
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><rdf:Description GPSLatitude="50,58N"/></rdf:RDF></x:xmpmeta>'
    img.save(path, "JPEG", quality=95, exif=exif.tobytes(), comment=b"Anne, thuis in Schinveld", xmp=xmp)
    with Image.open(path) as check:  # the source really carries what must be removed
        assert check.getexif()[0x010F] == "PhoneMaker" and check.getexif().get_ifd(0x8825)
        assert check.info.get("xmp") and check.info.get("comment")
    return path


def test_exif_gps_xmp_and_comments_are_removed_from_every_file(tmp_path):
    ps = resize_photo(_camera_photo(tmp_path / "anne.jpg", (1600, 1200)), "anne")
    assert sorted(ps.files) == ["anne-240.jpg", "anne-240.webp", "anne-480.webp"]
    for name, data in ps.files.items():
        assert b"PhoneMaker" not in data and b"GPSLatitude" not in data and b"Schinveld" not in data, name
        with Image.open(io.BytesIO(data)) as out:
            assert len(out.getexif()) == 0, name
            assert not {"exif", "xmp", "XML:com.adobe.xmp", "comment"} & set(out.info), (name, set(out.info))


def test_the_orientation_a_phone_stored_is_applied_before_cropping(tmp_path):
    # Orientation 6: shown turned 90 degrees clockwise, so the red left half is on top.
    ps = resize_photo(_camera_photo(tmp_path / "staand.jpg", (300, 200), orientation=6), "staand")
    with Image.open(io.BytesIO(ps.files["staand-240.webp"])) as out:
        assert out.size == (200, 200)  # never enlarged: the short side is 200
        top, bottom = out.convert("RGB").getpixel((100, 10)), out.convert("RGB").getpixel((100, 190))
    assert top[0] > 150 and top[2] < 100, top  # red
    assert bottom[2] > 150 and bottom[0] < 100, bottom  # blue


def _bands(path, size, bands):
    """An image of horizontal (rows) or vertical (cols) colour bands: [(start, end, colour)]."""
    img = Image.new("RGB", size, (255, 255, 255))
    for box, colour in bands:
        img.paste(colour, box)
    img.save(path, "PNG")
    return path


def _pixels(data, points):
    with Image.open(io.BytesIO(data)) as out:
        rgb = out.convert("RGB")
        return [rgb.getpixel(p) for p in points]


def test_a_tall_photo_is_cropped_square_around_the_upper_middle(tmp_path):
    # 200 x 400: the crop is rows 50-250 (a quarter of the spare height above, where faces are).
    src = _bands(tmp_path / "lang.png", (200, 400), [((0, 0, 200, 45), (255, 0, 0)), ((0, 255, 200, 400), (0, 0, 255))])
    ps = resize_photo(src, "lang")
    assert _pixels(ps.files["lang-480.webp"], [(100, 2)])[0][1] > 200  # not the red band above
    assert _pixels(ps.files["lang-480.webp"], [(100, 197)])[0][1] > 200  # not the blue band below
    with Image.open(io.BytesIO(ps.files["lang-480.webp"])) as out:
        assert out.size == (200, 200)


def test_a_wide_photo_is_cropped_square_around_the_middle(tmp_path):
    src = _bands(tmp_path / "breed.png", (400, 200),
                 [((0, 0, 95, 200), (255, 0, 0)), ((305, 0, 400, 200), (0, 0, 255))])
    ps = resize_photo(src, "breed")
    left, right = _pixels(ps.files["breed-240.jpg"], [(2, 100), (197, 100)])
    assert left[1] > 200 and right[1] > 200, (left, right)


def test_sizes_formats_and_names_without_a_cache(tmp_path):
    src = tmp_path / "groot.jpg"
    Image.new("RGB", (2000, 3000), (90, 90, 90)).save(src, "JPEG")
    ps = resize_photo(src, "groot")
    assert ps.webp == {240: "groot-240.webp", 480: "groot-480.webp"} and ps.jpeg == {240: "groot-240.jpg"}
    for name, fmt, side in (("groot-240.webp", "WEBP", 240), ("groot-480.webp", "WEBP", 480),
                            ("groot-240.jpg", "JPEG", 240)):
        with Image.open(io.BytesIO(ps.files[name])) as out:
            assert (out.format, out.size, out.mode) == (fmt, (side, side), "RGB"), name
    with Image.open(io.BytesIO(ps.files["groot-240.jpg"])) as out:
        assert out.info.get("progressive") == 1  # shows at once on a slow connection, sharpening as it loads


def test_two_photos_share_one_cache_folder(tmp_path):
    cache = tmp_path / "cache"
    for name, colour in (("anne", (200, 0, 0)), ("bert", (0, 200, 0))):
        Image.new("RGB", (500, 500), colour).save(tmp_path / f"{name}.jpg", "JPEG")
        resize_photo(tmp_path / f"{name}.jpg", name, cache)
    assert len([p for p in cache.iterdir() if not p.name.startswith(".")]) == 6
    assert not [p for p in cache.iterdir() if p.name.startswith(".")]  # no temporary file left


def test_a_cache_that_cannot_be_written_still_gives_the_photos(tmp_path):
    src = tmp_path / "anne.jpg"
    Image.new("RGB", (500, 500), (0, 0, 200)).save(src, "JPEG")
    blocked = tmp_path / "bestand"
    blocked.write_text("geen map")
    ps = resize_photo(src, "anne", blocked / "cache")
    assert sorted(ps.files) == ["anne-240.jpg", "anne-240.webp", "anne-480.webp"]
    assert ps.files["anne-240.jpg"] == resize_photo(src, "anne").files["anne-240.jpg"]


@pytest.mark.parametrize("count", [2, 5])
def test_resize_all_gives_each_photo_under_its_own_key_and_name(tmp_path, count):
    from wegwijzer.site.photos import resize_all
    jobs = []
    for i in range(count):
        src = tmp_path / f"p{i}.jpg"
        Image.new("RGB", (300 + 10 * i, 300), (10 * i, 0, 0)).save(src, "JPEG")
        jobs.append((f"gezicht-{i}", src, f"stam-{i}"))
    cache = tmp_path / "cache"
    result = resize_all(jobs, workers=2, cache_dir=cache)
    assert sorted(result) == [f"gezicht-{i}" for i in range(count)]
    for i in range(count):
        assert result[f"gezicht-{i}"].jpeg == {240: f"stam-{i}-240.jpg"}
        assert result[f"gezicht-{i}"].files[f"stam-{i}-240.jpg"] == resize_photo(jobs[i][1], f"stam-{i}").files[
            f"stam-{i}-240.jpg"]
    assert len(list(cache.iterdir())) == 3 * count


@pytest.mark.parametrize("mode", ["RGBA", "P", "L", "CMYK"])
def test_a_png_with_transparency_or_a_grey_or_print_photo_becomes_rgb(tmp_path, mode):
    src = tmp_path / ("foto.png" if mode != "CMYK" else "foto.jpg")
    Image.new("RGB", (300, 300), (30, 160, 90)).convert(mode).save(src)
    ps = resize_photo(src, "foto")
    for name, data in ps.files.items():
        with Image.open(io.BytesIO(data)) as out:
            assert out.mode == "RGB", (name, out.mode)


def test_a_square_photo_is_used_whole_without_a_border(tmp_path):
    src = tmp_path / "vierkant.png"
    Image.new("RGB", (240, 240), (255, 255, 255)).save(src)
    ps = resize_photo(src, "vierkant")
    corners = _pixels(ps.files["vierkant-240.webp"], [(0, 0), (239, 0), (0, 239), (239, 239)])
    assert all(min(c) > 240 for c in corners), corners  # no black row or column from a shifted crop


# --- how a large camera photo is decoded, and images from content/ ---------------------------------

def test_a_large_camera_photo_is_decoded_at_the_smallest_scale_that_still_fills_the_largest_size(
        tmp_path, monkeypatch):
    """JPEG decodes at 1/2, 1/4 or 1/8 scale: a 4,000-pixel photo needs only 1/4 (1,000 px, at least
    twice the 480 px it becomes), which takes a fraction of the memory and time of the full photo."""
    from wegwijzer.site import photos
    src = tmp_path / "camera.jpg"
    Image.new("RGB", (4000, 4000), (90, 130, 170)).save(src, "JPEG", quality=80)
    decoded = []
    real = photos.open_image

    class Spy:
        def __init__(self, source, **options):
            self.inner = real(source, **options)

        def __enter__(self):
            image = self.inner.__enter__()
            decoded.append(image.size)
            return image

        def __exit__(self, *exc):
            return self.inner.__exit__(*exc)

    monkeypatch.setattr(photos, "open_image", Spy)
    ps = photos.resize_photo(src, "camera")
    assert decoded == [(1000, 1000)]
    assert Image.open(io.BytesIO(ps.files[ps.webp[480]])).size == (480, 480)
    for size, scaled in (((2400, 4800), (1200, 2400)), ((4800, 2400), (2400, 1200))):  # both sides count
        Image.new("RGB", size, (90, 130, 170)).save(src, "JPEG", quality=80)
        decoded.clear()
        photos.resize_photo(src, "camera")
        assert decoded == [scaled]


def _saved(image, fmt, **options):
    buf = io.BytesIO()
    image.save(buf, fmt, **options)
    return buf.getvalue()


def test_a_content_image_keeps_its_format_and_at_most_1600_pixels_on_its_longest_side(tmp_path):
    from wegwijzer.site.photos import CONTENT_IMAGE_MAX_SIDE, reencode_image
    for fmt, ext in (("JPEG", "jpg"), ("PNG", "png"), ("WEBP", "webp")):
        src = tmp_path / f"breed.{ext}"
        src.write_bytes(_saved(Image.new("RGB", (3200, 1000), (10, 200, 30)), fmt))
        out = Image.open(io.BytesIO(reencode_image(src)))
        assert (out.format, out.size) == (fmt, (CONTENT_IMAGE_MAX_SIDE, 500))
    small = tmp_path / "klein.png"
    small.write_bytes(_saved(Image.new("RGB", (300, 200)), "PNG"))
    assert Image.open(io.BytesIO(reencode_image(small))).size == (300, 200)  # never enlarged


@pytest.mark.parametrize("fmt, mode, expected", [
    ("JPEG", "CMYK", "RGB"),  # a print photo: browsers show CMYK JPEGs wrongly or not at all
    ("JPEG", "L", "RGB"),
    ("PNG", "RGBA", "RGBA"),  # transparency is kept
    ("PNG", "LA", "LA"),
    ("PNG", "L", "L"),
    ("PNG", "P", "P"),
    ("PNG", "I;16", "RGBA"),  # 16-bit grey: a mode browsers and encoders treat differently
])
def test_a_content_image_gets_a_mode_every_browser_shows(tmp_path, fmt, mode, expected):
    from wegwijzer.site.photos import reencode_image
    src = tmp_path / f"beeld.{fmt.lower()}"
    src.write_bytes(_saved(Image.new(mode, (40, 30)), fmt))
    out = Image.open(io.BytesIO(reencode_image(src)))
    assert (out.format, out.mode) == (fmt, expected)


def test_a_content_image_is_turned_upright_and_keeps_nothing_but_its_pixels(tmp_path):
    from wegwijzer.site.photos import reencode_image
    src = tmp_path / "telefoon.jpg"
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: turn 90 degrees clockwise to show
    exif[0x010F] = "Telefoonmaker"
    Image.new("RGB", (200, 100), (255, 0, 0)).save(src, "JPEG", exif=exif, comment=b"Jan, Dorpsstraat 1")
    out = Image.open(io.BytesIO(reencode_image(src)))
    assert out.size == (100, 200)
    assert not {"exif", "comment", "icc_profile", "xmp"} & set(out.info)


def test_a_large_content_jpeg_is_decoded_at_a_reduced_scale_and_saved_with_the_sites_settings(tmp_path, monkeypatch):
    from wegwijzer.site import photos
    src = tmp_path / "groot.jpg"
    Image.new("RGB", (6400, 3200), (10, 200, 30)).save(src, "JPEG", quality=80)
    decoded = []
    real = photos.open_image

    def spy(source, **options):
        context = real(source, **options)
        image = context.__enter__()
        decoded.append(image.size)
        context.__exit__(None, None, None)
        return real(source, **options)

    monkeypatch.setattr(photos, "open_image", spy)
    out = Image.open(io.BytesIO(photos.reencode_image(src)))
    assert decoded == [(3200, 1600)]  # 1/2: the smallest JPEG scale that still covers 1,600 pixels
    assert out.size == (1600, 800) and out.info.get("progressive") == 1  # JPEG_OPTIONS
