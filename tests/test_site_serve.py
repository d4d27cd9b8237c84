"""`wegwijzer serve` previews the site and rebuilds when a record changes."""

import socket
import subprocess
import sys
import time
import urllib.request

from conftest import REPO
from site_support import small_dataset


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
