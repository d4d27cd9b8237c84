"""What an editor may put in content/, and exactly what the site publishes from it."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image, ImageCms

from builders import DEMO_DATA, GEMEENTE_YAML, RECENT, build, minimal_face, minimal_record, photo, project_config, write
from wegwijzer.records.checker import check_all
from wegwijzer.urls import EDITOR_MAY_REPLACE, GENERATED_FOLDERS, GENERATED_INDEXES, GENERATED_ROOT_FILES

ARTICLE = "---\ntitle: Geld\nsamenvatting: Over geld.\nthemas: [geld]\n---\n"


def _check(tmp_path, files: dict):
    """check_all on a small data folder and a content folder holding ``files`` ({path: text or bytes})."""
    data = tmp_path / "voorzieningen"
    write(data, "gemeente.yaml", GEMEENTE_YAML)
    write(data, "hoeskamer.yaml", minimal_record(gecontroleerd=RECENT))
    content = tmp_path / "content"
    content.mkdir(exist_ok=True)
    for path, text in files.items():
        write(content, path, text)
    return check_all(data, content)


def _messages(result, path: str) -> list:
    return [d.message for d in result.collector.errors if d.path.endswith("content/" + path)]


@pytest.mark.parametrize("path", ["evil.html", "evil.htm", "evil.js", "evil.mjs", "logo.svg", "folder.pdf",
                                  "data.json", "stijl.css", "tekst.txt", "diep/in/een/map/x.js", "feed.xml",
                                  "pagina.markdown", "notities.yml", "extra.yaml", "levensloop/sub/x.yaml"])
def test_anything_but_pages_data_and_images_is_refused(tmp_path, path):
    result = _check(tmp_path, {path: "<script>alert(1)</script>\n"})
    messages = _messages(result, path)
    assert len(messages) == 1 and not result.ok
    assert ("mag niet in content/" in messages[0]) or ("Geef een pagina de extensie .md" in messages[0])
    assert path not in {f.src_uri for f in result.content_files}


@pytest.mark.parametrize("path", ["index.md", "README.md", "gezichtenkaart.md", "zoeken/index.md", "thema/geld.md",
                                  "kern/dalveld.md", "artikelen/index.md", "laten-doen/extra.md", "fotos/anne.jpg",
                                  "vcard/x.md", "pagefind/x.md", "assets/wegwijzer/x.png", "begrippen.md",
                                  "een-loket.md", "zorgen-om-een-ander/index.md", "admin/index.md", "lijstje.md"])
def test_a_page_or_image_at_an_address_the_site_makes_is_an_error(tmp_path, path):
    body = b"" if path.endswith(".png") or path.endswith(".jpg") else "# Mijn pagina\n"
    if body == b"":
        photo(tmp_path / "content" / path)
        result = _check(tmp_path, {})
    else:
        result = _check(tmp_path, {path: body})
    messages = _messages(result, path)
    assert len(messages) == 1 and "maakt de site zelf al" in messages[0], messages


@pytest.mark.parametrize("path", ["toegankelijkheid.md", "artikelen/geld.md", "over-ons.md", "hulp/wonen.md",
                                  "artikelen/ouder/thuis.md"])
def test_pages_at_addresses_of_their_own_are_fine(tmp_path, path):
    text = ARTICLE + "Tekst.\n" if path.startswith("artikelen/") else "# Pagina\n\nTekst.\n"
    result = _check(tmp_path, {path: text})
    assert result.ok, result.as_text()
    assert path in {f.src_uri for f in result.content_files}


def test_hidden_files_and_templates_are_skipped(tmp_path):
    result = _check(tmp_path, {".DS_Store": "x", ".git/config": "x", "templates/evil.html": "<script>"})
    assert result.ok and result.content_files == ()


def test_front_matter_of_a_page_is_read_safely(tmp_path):
    bomb = "---\na: &a [x, x]\nb: &b [*a, *a]\ntitle: x\n---\nTekst\n"
    result = _check(tmp_path, {"bom.md": bomb, "extra.md": "---\ntitle: Extra\nhide: [navigation]\n---\nTekst\n"})
    assert "Ankers (&) en verwijzingen (*) zijn niet toegestaan" in _messages(result, "bom.md")[0]
    warning = [d for d in result.collector.warnings if d.path.endswith("extra.md")]
    assert len(warning) == 1 and warning[0].line == 3 and "alleen 'title'" in warning[0].message


def test_markdown_limits_in_a_page_name_the_file_line(tmp_path):
    page = "# Kop\n\nGewone tekst.\n\n" + "- " * 9 + "diep\n\n" + "[" * 101 + "\n"
    result = _check(tmp_path, {"lijst.md": page})
    found = sorted((d.line, d.message) for d in result.collector.errors if d.path.endswith("lijst.md"))
    assert [line for line, _ in found] == [5, 7]
    assert "9 niveaus diep genest" in found[0][1] and "101 haken [" in found[1][1]


def test_a_control_character_in_a_page_is_an_error_with_its_line(tmp_path):
    result = _check(tmp_path, {"pagina.md": "# Kop\n\nTekst\x1b[31m rood\n"})
    d = [d for d in result.collector.errors if d.path.endswith("pagina.md")][0]
    assert d.line == 3 and "U+001B" in d.message


@pytest.mark.parametrize("name, data", [
    ("half.jpg", "jpeg-half"), ("nullen.jpg", "jpeg-zeros"), ("bom.png", "png-bomb"), ("script.png", "script")])
def test_images_that_do_not_decode_in_full_are_refused(tmp_path, name, data):
    folder = tmp_path / "content"
    folder.mkdir(parents=True)
    (folder / name).write_bytes(_bad_image(data))
    result = _check(tmp_path, {})
    messages = _messages(result, name)
    assert len(messages) == 1
    assert ("te groot: 12000 × 12000 pixels" in messages[0]) == (data == "png-bomb")
    assert "geen foto die de site kan tonen" in messages[0] or data == "png-bomb"


def _bad_image(kind: str) -> bytes:
    import struct
    import zlib

    buf = io.BytesIO()
    Image.new("RGB", (800, 600), "red").save(buf, "JPEG")
    jpeg = buf.getvalue()
    if kind == "jpeg-half":
        return jpeg[: len(jpeg) // 2]
    if kind == "jpeg-zeros":
        return jpeg[:200] + b"\0" * 5000
    if kind == "script":
        return b"\x89PNG\r\n\x1a\n<script>alert(1)</script>"

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    side = 12_000  # 144 megapixel in under 200 kB: the build used 1.3 GB for one
    pixels = zlib.compress(b"\0" * ((side + 1) * side), 9)
    header = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


# --- what a build publishes from content/ ---------------------------------------------------

def _photo_with_metadata(path: Path, size=(2400, 1800)) -> Path:
    """A JPEG with EXIF (a place and a device), a comment and an ICC colour profile."""
    image = Image.new("RGB", size, (200, 120, 40))
    exif = Image.Exif()
    exif[0x010F] = "Telefoon van de redacteur"  # Make
    exif[0x0110] = "Model 7"  # Model
    exif[0x0132] = "2026:11:30 08:15:00"  # DateTime
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, "JPEG", exif=exif, icc_profile=profile, comment=b"Thuisadres: Dorpsstraat 1")
    return path


@pytest.fixture(scope="module")
def content_site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("content-site")
    data = folder / "voorzieningen"
    write(data, "gemeente.yaml", GEMEENTE_YAML)
    write(data, "hoeskamer.yaml", minimal_record(gecontroleerd=RECENT))
    write(data, "gezichten/anne.yaml", minimal_face(gecontroleerd=RECENT))
    _photo_with_metadata(data / "gezichten" / "anne.jpg", (900, 1200))
    content = folder / "content"
    write(content, "artikelen/raar.md",
          ARTICLE + "Hallo <![> daar, <!-- x --> en <?php ?> <!DOCTYPE x> <![CDATA[ y ]]>\n")
    write(content, "over-ons.md", "---\ntitle: Over ons\n---\n# Over ons\n\n![Het gemeentehuis](foto/huis.jpg)\n")
    _photo_with_metadata(content / "foto" / "huis.jpg")
    write(content, "begrippen.yaml", "- term: Wmo\n  uitleg: Een wet.\n")
    config = project_config(folder, {"docs_dir: content": f"docs_dir: {content}"})
    result = build(data, folder / "site", config_file=config)
    assert result.ok, result.output
    return folder / "site"


def test_raw_html_oddities_in_an_article_build_and_show_as_text(content_site):
    html = (content_site / "artikelen" / "raar" / "index.html").read_text(encoding="utf-8")
    assert "Hallo &lt;![&gt; daar, &lt;!-- x --&gt; en &lt;?php ?&gt;" in html


def test_content_images_are_published_without_metadata_and_at_most_1600_pixels(content_site):
    with Image.open(content_site / "foto" / "huis.jpg") as published:
        assert published.size == (1600, 1200)
        assert "icc_profile" not in published.info and "exif" not in published.info
        assert "comment" not in published.info and not published.getexif()
    raw = (content_site / "foto" / "huis.jpg").read_bytes()
    assert b"Telefoon" not in raw and b"Dorpsstraat" not in raw


def test_face_photos_keep_no_colour_profile_or_metadata(content_site):
    for path in (content_site / "fotos").iterdir():
        with Image.open(path) as published:
            assert "icc_profile" not in published.info, path.name
            assert "exif" not in published.info and not published.getexif(), path.name
        assert b"Dorpsstraat" not in path.read_bytes()


def test_data_files_are_read_not_published(content_site):
    assert not (content_site / "begrippen.yaml").exists()
    assert (content_site / "begrippen" / "index.html").is_file()


def test_the_build_writes_no_top_level_name_it_does_not_declare(demo_site_dir):
    """urls.GENERATED_* is what the check keeps free of editors' pages: it must list every
    top-level name the build writes itself (the rest come from content/)."""
    from wegwijzer.records.content import page_address, scan_content
    from wegwijzer.records.diagnostics import Collector

    editors = {page_address(f.src_uri).split("/")[0] if f.kind == "page" else f.src_uri.split("/")[0]
               for f in scan_content(DEMO_DATA.parent / "content", Collector(), str)}
    written = {p.name.removesuffix(".gz").removesuffix(".br") for p in demo_site_dir.iterdir()}
    replaceable = {address.split("/")[0] for address in EDITOR_MAY_REPLACE}  # toegankelijkheid/
    undeclared = {name for name in written - editors - replaceable
                  if name not in GENERATED_FOLDERS and name not in GENERATED_ROOT_FILES and not name.startswith(".")}
    assert undeclared == set()
    assert "artikelen/index.html" in GENERATED_INDEXES and (demo_site_dir / "artikelen" / "index.html").is_file()
