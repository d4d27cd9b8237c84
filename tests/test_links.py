"""`wegwijzer links` against real HTTP servers on loopback: every kind of answer, the
per-host limit, the cache, and phone numbers checked without calling."""

from __future__ import annotations

import json
import socket
import ssl
import subprocess
import sys

import pytest

from builders import CLI_TIMEOUT, minimal_face, minimal_record, write
from servers import link_server_module
from wegwijzer.editors import links
from wegwijzer.editors.links import check_urls_now, load_cache, run_links

TIMEOUT = 0.5  # the slow path answers after 3 s


@pytest.fixture
def server():
    s = link_server_module().LinkServer("127.0.0.1")
    yield s
    s.close()


@pytest.fixture
def refused_url():
    """An address that refuses connections: a port that is bound (so nobody else gets it) but not listening."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    yield f"http://127.0.0.1:{sock.getsockname()[1]}/ok"
    sock.close()


@pytest.fixture
def tls_server(tmp_path):
    """HTTPS with a self-signed certificate: a TLS error for any client that checks certificates."""
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out",
                    str(cert), "-days", "2", "-subj", "/CN=127.0.0.1"], check=True, capture_output=True)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    s = link_server_module().LinkServer("127.0.0.1", tls=context)
    yield s
    s.close()


def check(urls, **kwargs):
    kwargs.setdefault("timeout", TIMEOUT)
    return check_urls_now(urls, **kwargs)


def test_every_kind_of_answer(server, refused_url, tls_server):
    urls = {name: server.url(path) for name, path in [
        ("ok", "/ok"), ("moved_to_404", "/oud"), ("404", "/weg-404"), ("410", "/weg-410"), ("500", "/fout"),
        ("slow", "/traag"), ("no_head", "/geen-head"), ("moved", "/verhuisd"), ("temporary", "/tijdelijk")]}
    urls["refused"] = refused_url
    urls["tls"] = tls_server.url("/ok")
    results = check(list(urls.values()))
    outcome = {name: results[url].outcome for name, url in urls.items()}
    assert outcome == {"ok": "ok", "moved_to_404": "niet-gevonden", "404": "niet-gevonden", "410": "weg",
                       "500": "serverfout", "slow": "te-traag", "no_head": "ok", "moved": "verhuisd",
                       "temporary": "ok", "refused": "geen-verbinding", "tls": "certificaat"}
    assert results[urls["moved_to_404"]].redirects == [[301, server.url("/weg-404")]]
    assert results[urls["moved_to_404"]].status == 404
    assert results[urls["moved"]].final_url == server.url("/ok")
    assert server.url("/ok") in results[urls["moved"]].advice()
    assert results[urls["410"]].status == 410 and "weggehaald" in results[urls["410"]].advice()
    # "te-traag" is the timeout's verdict: had the check waited for the slow answer (3 s), it would be "ok".


def test_head_first_then_get_only_when_head_is_refused(server):
    results = check([server.url("/ok"), server.url("/geen-head")])
    assert results[server.url("/geen-head")].method == "GET"
    assert [m for m, p in server.requests if p == "/geen-head"] == ["HEAD", "GET"]
    assert [m for m, p in server.requests if p == "/ok"] == ["HEAD"]  # no GET when HEAD works


def test_the_per_host_limit_is_respected_and_hosts_run_side_by_side():
    module = link_server_module()
    one, two = module.LinkServer("127.0.0.1", delay=0.15), module.LinkServer("127.0.0.2", delay=0.15)
    # Each request that arrives notes how many the other host is answering at that moment.
    other_busy = []
    for server, other in ((one, two), (two, one)):
        server.enter = (lambda method, path, enter=server.enter, other=other:
                        (other_busy.append(other.in_flight), enter(method, path)))
    try:
        urls = [one.url(f"/p/{i}") for i in range(12)] + [two.url(f"/p/{i}") for i in range(12)]
        results = check(urls, per_host=3, concurrency=20, timeout=5)
    finally:
        one.close()
        two.close()
    assert all(r.outcome == "ok" for r in results.values())
    assert one.peak == 3 and two.peak == 3, (one.peak, two.peak)  # reached, never exceeded
    assert max(other_busy) > 0, "the two hosts were never asked at the same time"  # side by side, not in turn


def test_a_url_that_does_not_parse_gets_the_checkers_message(data_dir):
    from wegwijzer.safeurl import web_address_problem as url_problem

    result = check(["https://[kapot"])["https://[kapot"]
    assert result.outcome == "ongeldig"
    assert result.advice() == url_problem("https://[kapot") and "geen geldig webadres" in result.advice()


def test_the_checker_reports_a_url_that_does_not_parse(data_dir):
    from builders import load, the_diagnostic

    write(data_dir, "kapot.yaml", minimal_record('contact:\n  website: "https://[kapot"\n'))
    _, collector = load(data_dir)
    assert "geen geldig webadres" in the_diagnostic(collector, "voorzieningen/kapot.yaml", "contact.website").message


def _data(data_dir, server, refused_url):
    """Records whose every address points at the loopback servers (no request leaves the machine)."""
    gemeente = data_dir / "gemeente.yaml"
    gemeente.write_text(gemeente.read_text().replace("https://www.gemeente.example", server.url("/ok")))
    write(data_dir, "hoeskamer.yaml", minimal_record(f"""
        contact:
          telefoon: 045 123 45 67
          website: {server.url("/ok")}
        locaties:
          - naam: Zaal
        """))
    write(data_dir, "schuldhulp.yaml", minimal_record(f"""
        contact:
          website: {server.url("/oud")}
        """))
    write(data_dir, "weg.yaml", minimal_record(f"""
        contact:
          telefoon: 099 123 45 67
          website: {refused_url}
        """))
    write(data_dir, "gezichten/anne.yaml", minimal_face("email: anne@welzijn.example\n"))


def test_the_report_names_file_line_field_url_status_and_what_to_do(data_dir, server, refused_url, tmp_path):
    _data(data_dir, server, refused_url)
    proc = subprocess.run([sys.executable, "-m", "wegwijzer", "links", "voorzieningen", "--timeout", "2",
                           "--cache", str(tmp_path / "cache.json")],
                          cwd=data_dir.parent, capture_output=True, text=True, timeout=CLI_TIMEOUT)
    assert proc.returncode == 1, proc.stderr
    lines = proc.stdout.splitlines()
    assert f"voorzieningen/schuldhulp.yaml:8: contact.website: {server.url('/oud')}: 404: De pagina bestaat " \
           "niet (meer)" in proc.stdout
    assert any(line.startswith(f"voorzieningen/weg.yaml:9: contact.website: {refused_url}: geen-verbinding: ")
               for line in lines), proc.stdout
    assert any(line.startswith("voorzieningen/weg.yaml:8: contact.telefoon: 099 123 45 67: bestaat niet: ")
               and "kan geen Nederlands nummer zijn" in line for line in lines), proc.stdout
    assert not any("hoeskamer.yaml" in line for line in lines[:-1])  # the working link and number are fine
    assert "3 webadressen gecontroleerd" in lines[-1] and "niet gebeld" in lines[-1]


def test_json_output(data_dir, server, refused_url, tmp_path):
    _data(data_dir, server, refused_url)
    proc = subprocess.run([sys.executable, "-m", "wegwijzer", "links", "voorzieningen", "--format", "json",
                           "--cache", str(tmp_path / "cache.json")],
                          cwd=data_dir.parent, capture_output=True, text=True, timeout=CLI_TIMEOUT)
    report = json.loads(proc.stdout)
    assert report["phones_checked"] == 4 and "niet gebeld" in report["phones_note"]
    by_file = {(p["path"], p["field"]): p for p in report["problems"]}
    assert by_file[("voorzieningen/schuldhulp.yaml", "contact.website")]["status"] == "404"


def test_the_cache_spares_sites_until_its_age_limit(data_dir, server, refused_url, tmp_path):
    _data(data_dir, server, refused_url)
    cache = tmp_path / "cache.json"
    first = run_links(data_dir, cache, max_age_hours=20, timeout=2)
    asked = len(server.requests)
    assert asked >= 2 and first.urls_from_cache == 0
    second = run_links(data_dir, cache, max_age_hours=20, timeout=2)
    assert len(server.requests) == asked, "a fresh answer in the cache must not be asked again"
    assert second.urls_from_cache == 3 and [p.format() for p in second.problems] == \
        [p.format() for p in first.problems]
    # Older than the limit: asked again.
    stored = json.loads(cache.read_text())
    for entry in stored["links"].values():
        entry["checked_at"] -= 21 * 3600
    cache.write_text(json.dumps(stored))
    assert load_cache(cache, 20) == {}
    run_links(data_dir, cache, max_age_hours=20, timeout=2)
    assert len(server.requests) > asked


def test_a_damaged_cache_is_ignored(data_dir, server, refused_url, tmp_path):
    _data(data_dir, server, refused_url)
    cache = tmp_path / "cache.json"
    cache.write_text("{niet: json")
    report = run_links(data_dir, cache, timeout=2)
    assert report.urls_from_cache == 0 and json.loads(cache.read_text())["links"]


def test_phone_numbers_are_checked_without_calling():
    from wegwijzer.editors.phones import check_phone

    assert check_phone("045 123 45 67").ok and "vast nummer" in check_phone("045 123 45 67").kind
    assert check_phone("06 12345678").kind == "mobiel nummer"
    assert check_phone("14 045").ok and check_phone("0800 1234").ok
    assert "niet gebeld" in check_phone("045 123 45 67").message
    assert not check_phone("099 123 45 67").ok  # the format is fine, the area code does not exist
    bad = check_phone("12345")
    assert not bad.ok and "geen geldig Nederlands telefoonnummer" in bad.message  # the checker's own words


def test_bad_settings_are_refused(data_dir):
    from wegwijzer.errors import UsageError

    with pytest.raises(UsageError):
        run_links(data_dir, per_host=0)
    assert links.DEFAULT_PER_HOST >= 1
