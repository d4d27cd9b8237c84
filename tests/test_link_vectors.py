"""The one URL check, read the way a browser reads an address, refuses every
filter-evasion vector in a URL field, with file, line and field (builders.LINK_VECTORS)."""

import pytest

from builders import GEMEENTE_YAML, LINK_VECTORS, check, load, minimal_record, q, write
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


# --- the URL check's own parts ------------------------------------------------------------


def test_character_references_count_only_where_the_text_stands_in_html_as_it_is():
    from wegwijzer import safeurl
    value = "&#106;avascript:alert(1)"
    assert safeurl.as_browser_reads(value) == value  # escaped on output: the browser sees these characters
    assert safeurl.as_browser_reads(value, in_html=True) == "javascript:alert(1)"
    assert safeurl.scheme(value) == "" and safeurl.scheme(value, in_html=True) == "javascript"
    assert safeurl.is_allowed_link(value) is True  # a harmless relative address once escaped
    assert safeurl.is_allowed_link(value, in_html=True) is False
    assert safeurl.is_allowed_link("../zoeken/") is True
    assert safeurl.is_allowed_link("../zoeken/", allow_relative=False) is False
    assert safeurl.is_allowed_link("mailto:a@b.example", schemes=safeurl.WEB_SCHEMES) is False


EXAMPLE = "Begin met https:// (of http://), bijvoorbeeld https://www.gemeente.nl."


@pytest.mark.parametrize("value, message", [
    ("www.gemeente.nl", f"'www.gemeente.nl' is geen geldig webadres. {EXAMPLE}"),
    ("ftp://a.example/x", f"'ftp://a.example/x' is geen geldig webadres. {EXAMPLE} Een ftp:-link zet de site nooit "
                          "online."),
    ("https://intranet/x",
     f"'https://intranet/x' is geen geldig webadres. De naam van de website ontbreekt. {EXAMPLE}"),
    ("https:///pad", f"'https:///pad' is geen geldig webadres. De naam van de website ontbreekt. {EXAMPLE}"),
    ("https://a.example/\x01x", "'https://a.example/\\x01x' is geen geldig webadres. Er staan spaties, onzichtbare "
                                f"tekens, aanhalingstekens of een backslash in. {EXAMPLE}"),
    ("https://a.example/a b", "'https://a.example/a b' is geen geldig webadres. Er staan spaties, onzichtbare "
                              f"tekens, aanhalingstekens of een backslash in. {EXAMPLE}"),
    ("https://a.example/\x7f", "'https://a.example/\\x7f' is geen geldig webadres. Er staan spaties, onzichtbare "
                               f"tekens, aanhalingstekens of een backslash in. {EXAMPLE}"),
    ("https://[::1/x", f"'https://[::1/x' is geen geldig webadres. De naam van de website ontbreekt. {EXAMPLE}"),
    ("https://www.gemeente.nl/zorg?x=1", None),
])
def test_web_address_messages_say_exactly_what_is_wrong(value, message):
    from wegwijzer.safeurl import web_address_problem
    assert web_address_problem(value) == message


def test_a_long_address_is_shortened_in_the_message():
    from wegwijzer.safeurl import web_address_problem
    from wegwijzer.text import quoted
    assert quoted("a" * 120, 120) == "'" + "a" * 120 + "'"
    assert quoted("a" * 121, 120) == "'" + "a" * 120 + "… (121 tekens)'"
    assert quoted("a" * 1_000_000) == "'" + "a" * 60 + "… (1.000.000 tekens)'"
    assert quoted("\x00\x1f\x7f\x85 é") == "'\\x00\\x1f\\x7f\\x85 é'"
    long_address = "https://www.gemeente.nl/" + "a" * 5000 + " x"
    assert web_address_problem(long_address).startswith("'https://www.gemeente.nl/" + "a" * 96 + "… (5.026 tekens)'")
