"""`wegwijzer serve` previews the site and rebuilds when a record, a photo or a content page changes.

The preview runs in its own process on port 0 (servers.Preview: its output drained, its
address read from its first line), and each change is followed by waiting for the rebuild
the preview announces, not for a while.
"""

from builders import REPO, minimal_face, project_config, small_dataset, write
from servers import Preview


def test_serve_rebuilds_on_record_change(tmp_path):
    data = small_dataset(tmp_path / "voorzieningen")
    preview = Preview(data, REPO)
    try:
        path = "samen-doen/hoeskamer/"
        page = preview.get(path)
        assert "Hoeskamer Amstenrade" in page
        record = data / "hoeskamer.yaml"
        record.write_text(record.read_text().replace("naam: Hoeskamer Amstenrade", "naam: Hoeskamer Vernieuwd"))
        page = preview.page_after_rebuild(path, page, "Hoeskamer Vernieuwd")
        assert "Hoeskamer Amstenrade" not in page
    finally:
        preview.stop()


def _portrait(path):
    from PIL import Image

    Image.new("RGB", (300, 300), (40, 90, 140)).save(path, "JPEG")


def test_serve_rebuilds_on_photo_and_content_change(tmp_path):
    """Editors also change photos and articles; the preview must follow without a restart."""
    data = small_dataset(tmp_path / "voorzieningen")
    write(data, "gezichten/anne.yaml", minimal_face("voorziening: hoeskamer"))
    content = tmp_path / "content"
    write(content, "artikelen/geld.md", "---\ntitle: Grip op je geld\nsamenvatting: Zo begin je.\n---\nTekst.\n")
    config = project_config(tmp_path, {"docs_dir: content": f"docs_dir: {content}"})
    preview = Preview(data, tmp_path, "-f", str(config))
    try:
        face = "gezichtenkaart/anne/"
        page = preview.get(face)
        assert "ww-initials" in page and "anne-240.jpg" not in page  # no photo yet: initials
        _portrait(data / "gezichten" / "anne.jpg")
        assert "ww-initials" not in preview.page_after_rebuild(face, page, "fotos/anne-240.jpg")

        article = "artikelen/geld/"
        page = preview.get(article)
        assert "Grip op je geld" in page
        (content / "artikelen" / "geld.md").write_text(
            "---\ntitle: Grip op je geld\nsamenvatting: Zo begin je.\n---\nBel de Geldlijn.\n")
        preview.page_after_rebuild(article, page, "Bel de Geldlijn")
    finally:
        preview.stop()


def test_a_preview_that_prints_a_lot_never_blocks(tmp_path):
    """Every rebuild with errors prints the checker's report; the drained pipe keeps the server answering."""
    data = small_dataset(tmp_path / "voorzieningen")
    preview = Preview(data, REPO)
    try:
        path = "samen-doen/hoeskamer/"
        page = preview.get(path)
        for number in range(400):  # far more report lines than a pipe's 64 kB buffer holds
            write(data, f"kapot-{number:03d}.yaml", "naam: Kapot\nroute: ergens\n" + "x" * 200 + ": [\n")
        record = data / "hoeskamer.yaml"
        record.write_text(record.read_text().replace("naam: Hoeskamer Amstenrade", "naam: Hoeskamer Nieuw"))
        page = preview.page_after_rebuild(path, page, "ww-voorbeeld-fouten")  # the banner: still answering
        for number in range(400):
            (data / f"kapot-{number:03d}.yaml").unlink()
        preview.page_after_rebuild(path, page, "Hoeskamer Nieuw")
        assert sum(len(line) for line in preview.output) > 65536
    finally:
        preview.stop()
