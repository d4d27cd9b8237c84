"""`wegwijzer serve` previews the site and rebuilds when a record, a photo or a content page changes."""

import socket
import subprocess
import sys
import time
import urllib.request

from helpers import REPO, minimal_face, project_config, small_dataset, write


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url, timeout=60, contains=None):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            text = urllib.request.urlopen(url, timeout=5).read().decode()
            if contains is None or contains in text:
                return text
        except OSError:
            pass
        time.sleep(0.5)
    raise AssertionError(f"{url} did not show {contains!r} within {timeout} s")


def test_serve_rebuilds_on_record_change(tmp_path):
    data = small_dataset(tmp_path / "voorzieningen")
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "wegwijzer", "serve", str(data), "-a", f"127.0.0.1:{port}"],
                            cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        url = f"http://127.0.0.1:{port}/samen-doen/hoeskamer/"
        fetch(url, contains="Hoeskamer Amstenrade")
        record = data / "hoeskamer.yaml"
        record.write_text(record.read_text().replace("naam: Hoeskamer Amstenrade", "naam: Hoeskamer Vernieuwd"))
        fetch(url, contains="Hoeskamer Vernieuwd")
    finally:
        proc.terminate()
        proc.wait(timeout=20)


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
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "wegwijzer", "serve", str(data), "-f", str(config),
                             "-a", f"127.0.0.1:{port}"],
                            cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        face = f"http://127.0.0.1:{port}/gezichtenkaart/anne/"
        assert "ww-initials" in fetch(face, contains="ww-initials")  # no photo yet: initials
        _portrait(data / "gezichten" / "anne.jpg")
        assert "<img" in fetch(face, contains="<img")

        article = f"http://127.0.0.1:{port}/artikelen/geld/"
        fetch(article, contains="Grip op je geld")
        (content / "artikelen" / "geld.md").write_text(
            "---\ntitle: Grip op je geld\nsamenvatting: Zo begin je.\n---\nBel de Geldlijn.\n")
        fetch(article, contains="Bel de Geldlijn")
    finally:
        proc.terminate()
        proc.wait(timeout=20)
