"""Loading any page type, and searching, requests nothing outside the site's own origin."""

from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser

PAGES = ["", "zelf-doen/", "samen-doen/", "thema/geld/", "doelgroep/ouderen/", "kern/heukelrade/",
         "samen-doen/hoeskamer-heukelrade/", "gezichtenkaart/", "artikelen/grip-op-je-geld/",
         "begrippen/", "toegankelijkheid/", "zoeken/?q=schulden&thema=geld",
         "voor-professionals/?kern=heukelrade&thema=psyche", "lijstje/#lijst=l.basis-ggz,g.bram-hendriks"]


@pytest.mark.parametrize("path", PAGES)
def test_only_own_origin(phone, demo_site, path):
    origin = urlsplit(demo_site).netloc
    requests = []
    phone.on("request", lambda r: requests.append(r.url))
    phone.goto(demo_site + path, wait_until="networkidle")
    if path.startswith("zoeken/"):
        phone.wait_for_function("document.getElementById('zoek-status').textContent.includes('resultat')")
        phone.fill("#zoek-q", "eenzaam")
        phone.press("#zoek-q", "Enter")
        phone.wait_for_load_state("networkidle")
    if path.startswith("lijstje/"):  # the shared list: both pages fetched, QR codes drawn, shared onward
        phone.wait_for_function("document.querySelectorAll('#lijstje-items svg.ww-qr').length === 2")
        phone.click("#lijstje-deel")
        phone.wait_for_load_state("networkidle")
    foreign = [u for u in requests if urlsplit(u).scheme not in ("data", "blob") and urlsplit(u).netloc != origin]
    assert requests and foreign == []
