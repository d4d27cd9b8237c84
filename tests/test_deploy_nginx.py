"""The deploy recipe, tested for real: Debian's nginx on 127.0.0.1 with the shipped
deploy/nginx/wegwijzer.conf and the policy file the build wrote, serving a built site.

Checked: every security header, the build's precompressed brotli and gzip files (the
bytes sent are the bytes built), `immutable` for hashed files and revalidation for
pages, the Dutch 404 page, hidden files, security.txt and vCards.
"""

from __future__ import annotations

import gzip

import brotli
import pytest
import requests

SECURITY_HEADERS = {
    "Strict-Transport-Security": "max-age=31536000",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": "geolocation=(self), camera=(), microphone=(), payment=(), usb=()",
    "X-Frame-Options": "DENY",
}
IMMUTABLE = "public, max-age=31536000, immutable"


def get(url, encoding="br, gzip", **headers):
    return requests.get(url, headers={"Accept-Encoding": encoding, **headers}, stream=True, timeout=10)


def raw_body(response) -> bytes:
    """The bytes on the wire, not decompressed by requests."""
    return response.raw.read(decode_content=False)


def csp(site) -> str:
    return (site / ".deploy" / "csp.txt").read_text(encoding="utf-8").strip()


@pytest.mark.parametrize("path", ["", "zoeken/", "gezichtenkaart/", "bestaat/niet/"])
def test_every_answer_carries_the_security_headers(nginx_site, demo_site_dir, path):
    response = get(nginx_site + path)
    for name, value in SECURITY_HEADERS.items():
        assert response.headers.get(name) == value, name
    assert response.headers["Content-Security-Policy"] == csp(demo_site_dir)
    assert "nginx/" not in response.headers.get("Server", "")  # no version


@pytest.mark.parametrize("encoding, decode", [("br", brotli.decompress), ("gzip", gzip.decompress),
                                              ("br, gzip", brotli.decompress)])
def test_pages_are_sent_precompressed(nginx_site, demo_site_dir, encoding, decode):
    response = get(nginx_site + "zoeken/", encoding)
    expected = "br" if encoding.startswith("br") else "gzip"
    assert response.headers["Content-Encoding"] == expected
    assert "Accept-Encoding" in response.headers["Vary"]
    body = raw_body(response)
    assert body == (demo_site_dir / "zoeken" / f"index.html.{'br' if expected == 'br' else 'gz'}").read_bytes()
    assert decode(body) == (demo_site_dir / "zoeken" / "index.html").read_bytes()


def test_without_accept_encoding_the_plain_file_is_sent(nginx_site, demo_site_dir):
    response = get(nginx_site + "zoeken/", "identity")
    assert "Content-Encoding" not in response.headers
    assert raw_body(response) == (demo_site_dir / "zoeken" / "index.html").read_bytes()


def test_the_build_compressed_every_page_script_and_style_sheet(demo_site_dir):
    missing = [str(p.relative_to(demo_site_dir)) for p in demo_site_dir.rglob("*")
               if p.suffix in (".html", ".css", ".js", ".vcf") and p.stat().st_size >= 256
               and not (p.with_name(p.name + ".br").is_file() and p.with_name(p.name + ".gz").is_file())]
    assert missing == []


def _hashed_files(site):
    ours = sorted((site / "assets" / "wegwijzer").glob("*.[0-9a-f]*.*[sc]"))
    material = sorted((site / "assets" / "stylesheets").glob("main.*.min.css"))
    fragment = sorted((site / "pagefind" / "fragment").iterdir())[:1]
    meta = sorted((site / "pagefind").glob("*.pf_meta"))
    return [p.relative_to(site).as_posix() for p in ours + material + fragment + meta
            if not p.name.endswith((".br", ".gz"))]


def test_hashed_files_are_immutable_and_everything_else_revalidates(nginx_site, demo_site_dir):
    hashed = _hashed_files(demo_site_dir)
    assert len(hashed) >= 5
    for path in hashed:
        response = get(nginx_site + path)
        assert response.status_code == 200, path
        assert response.headers["Cache-Control"] == IMMUTABLE, path
    for path in ("", "zoeken/", "pagefind/pagefind.js", "pagefind/pagefind-entry.json", "fotos/",
                 "vcard/alle-gezichten.vcf", "assets/logo.svg"):
        response = get(nginx_site + path)
        assert response.headers["Cache-Control"] == "no-cache", path


def test_a_page_that_did_not_change_answers_304(nginx_site):
    first = get(nginx_site + "samen-doen/")
    assert first.headers.get("ETag") or first.headers.get("Last-Modified")
    again = get(nginx_site + "samen-doen/", **{"If-None-Match": first.headers.get("ETag", ""),
                                               "If-Modified-Since": first.headers.get("Last-Modified", "")})
    assert again.status_code == 304


def test_a_missing_page_gets_the_dutch_404_page(nginx_site):
    response = requests.get(nginx_site + "bestaat/niet/", timeout=10)
    assert response.status_code == 404
    assert "Deze pagina bestaat niet" in response.text
    assert response.headers["Content-Type"].startswith("text/html")
    assert response.headers["Cache-Control"] == "no-cache"


def test_hidden_files_are_not_served_but_security_txt_is(nginx_site, demo_site_dir):
    assert requests.get(nginx_site + ".deploy/csp.txt", timeout=10).status_code == 404
    assert requests.get(nginx_site + ".deploy/nginx-csp.conf", timeout=10).status_code == 404
    response = requests.get(nginx_site + ".well-known/security.txt", timeout=10)
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/plain")
    assert response.text == (demo_site_dir / ".well-known" / "security.txt").read_text(encoding="utf-8")
    assert response.text.startswith("Contact: mailto:")


def test_vcards_are_vcards(nginx_site):
    response = requests.get(nginx_site + "vcard/alle-gezichten.vcf", timeout=10)
    assert response.headers["Content-Type"] == "text/vcard; charset=utf-8"
    assert response.text.startswith("BEGIN:VCARD")


@pytest.mark.browser
def test_search_works_through_nginx_with_every_header(chromium, nginx_site):
    context = chromium.new_context()
    context.add_init_script("window.__violations = 0; document.addEventListener('securitypolicyviolation', "
                            "() => window.__violations++);")
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(nginx_site + "zoeken/?q=schulden", wait_until="networkidle")
    page.wait_for_selector("#zoek-resultaten li")
    assert page.evaluate("window.__violations") == 0 and errors == []
    # Chromium's view of the Permissions-Policy header: geolocation for this site only.
    allowed = page.evaluate("['geolocation', 'camera', 'microphone'].filter("
                            "f => document.featurePolicy.allowsFeature(f))")
    assert allowed == ["geolocation"]
    origin = nginx_site.rstrip("/")
    assert page.evaluate("document.featurePolicy.getAllowlistForFeature('geolocation')") == [origin]
    context.close()
