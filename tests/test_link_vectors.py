"""The one URL check, read the way a browser reads an address, refuses every
filter-evasion vector in a URL field, with file, line and field (helpers.LINK_VECTORS)."""

import pytest

from helpers import GEMEENTE_YAML, LINK_VECTORS, check, load, minimal_record, q, write
from wegwijzer import safeurl

ADDRESSES = [(name, address) for name, _, address in LINK_VECTORS if address is not None]


def test_most_vectors_carry_an_address():
    assert len(ADDRESSES) >= 35


@pytest.mark.parametrize("name, address", ADDRESSES)
def test_a_record_website_refuses_the_vector(data_dir, name, address):
    write(data_dir, "hoeskamer.yaml", minimal_record(f"contact:\n  website: {q(address)}\n"))
    dataset, collector = load(data_dir)
    [problem] = [d for d in collector.errors if d.field == "contact.website"]
    assert problem.path == "voorzieningen/hoeskamer.yaml" and problem.line == 8
    assert "geen geldig webadres" in problem.message
    assert dataset.voorzieningen == []


@pytest.mark.parametrize("name, address", ADDRESSES)
def test_gemeente_addresses_refuse_the_vector(data_dir, name, address):
    write(data_dir, "gemeente.yaml", GEMEENTE_YAML.replace("https://www.gemeente.example", q(address))
          + f"marktplaats: {q(address)}\n")
    _, collector = load(data_dir)
    found = {(d.field, d.line) for d in collector.errors if d.path == "voorzieningen/gemeente.yaml"}
    assert found == {("contact.website", 6), ("marktplaats", 8)}


def test_check_prints_file_line_and_field_for_a_disguised_script_link(data_dir):
    write(data_dir, "hoeskamer.yaml", minimal_record("contact:\n  website: 'java&#0000115;cript:alert(1)'\n"))
    code, out, _ = check(data_dir)
    assert code == 1
    assert "voorzieningen/hoeskamer.yaml:8: contact.website: fout: 'java&#0000115;cript:alert(1)' is geen geldig " \
           "webadres." in out


@pytest.mark.parametrize("written, browser_scheme", [
    ("jav&#x61;script:x", "javascript"), ("javascript&colon;x", "javascript"), ("java&Tab;script:x", "javascript"),
    ("java&#0000115;cript:x", "javascript"), ("&#106;avascript:x", "javascript"), ("\x01 JavaScript:x", "javascript"),
    ("java\n\tscript:x", "javascript"), ("&#47;&#47;evil.example", None), ("\\\\evil.example", None),
    ("/\\evil.example", None), ("../gezichtenkaart/", ""), ("HTTPS://a.example", "https"),
    ("java script:x", ""),  # a space inside is not removed: a harmless relative address
])
def test_scheme_is_read_as_a_browser_reads_an_attribute(written, browser_scheme):
    assert safeurl.scheme(written, in_html=True) == browser_scheme


@pytest.mark.parametrize("value", ["https://welzijn.example/a?b=1&c=2", "http://welzijn.example"])
def test_ordinary_websites_pass(value):
    assert safeurl.web_address_problem(value) is None
