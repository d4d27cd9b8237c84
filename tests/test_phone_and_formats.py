"""Phone numbers, postcodes, times, dates, emails and websites as people write them."""

from datetime import date

import pytest

from builders import load, minimal_record, the_diagnostic, write
from wegwijzer.records.model import Phone
from wegwijzer.records.schema.types import parse_phone


@pytest.mark.parametrize("written, display, tel", [
    ("0451234567", "045 123 45 67", "+31451234567"),
    ("045 123 45 67", "045 123 45 67", "+31451234567"),
    ("045-1234567", "045-1234567", "+31451234567"),  # the editor's grouping is kept
    ("(045) 123 45 67", "(045) 123 45 67", "+31451234567"),
    ("+31 45 123 4567", "045 123 45 67", "+31451234567"),
    ("+31 (0)45 123 4567", "045 123 45 67", "+31451234567"),
    ("+31451234567", "045 123 45 67", "+31451234567"),
    ("0031451234567", "045 123 45 67", "+31451234567"),
    ("0031 45 123 4567", "045 123 45 67", "+31451234567"),
    ("06 12345678", "06 12345678", "+31612345678"),
    ("0612345678", "06 1234 5678", "+31612345678"),
    ("06-12345678", "06-12345678", "+31612345678"),
    ("+31 6 12345678", "06 1234 5678", "+31612345678"),
    ("0201234567", "020 123 45 67", "+31201234567"),
    ("0475123456", "0475 12 34 56", "+31475123456"),  # four-digit area code
    ("0881234567", "088 123 45 67", "+31881234567"),
    ("14 046", "14 046", "14046"),
    ("14046", "14 046", "14046"),
    ("14 0475", "14 0475", "140475"),
    ("0800 2000", "0800 2000", "08002000"),
    ("0800-0234567", "0800 023 4567", "08000234567"),
    ("0900-1234567", "0900 123 4567", "09001234567"),
    ("0900 123 4567", "0900 123 4567", "09001234567"),
])
def test_dutch_numbers_as_people_write_them(written, display, tel):
    assert parse_phone(written) == Phone(display, tel)


@pytest.mark.parametrize("written", [
    "045 123",  # too short
    "0451234567890",  # too long
    "12345",
    "14 12",  # a 14-number is 14 + area code
    "14 1234",
    "0045 123 4567",  # 00 but not 0031
    "+32 45 123 4567",  # Belgian
    "+49 30 1234567",
    "bel 045 123 45 67",
    "045 123 45 67 (na 17 uur)",
    "0800-GRATIS",
    "",
    "06 1234 5678 of 06 8765 4321",
])
def test_bad_numbers_are_refused(written):
    assert parse_phone(written) is None


def _load_value(data_dir, extra):
    write(data_dir, "hoeskamer.yaml", minimal_record(extra))
    dataset, collector = load(data_dir)
    assert collector.diagnostics == [], [d.format() for d in collector.diagnostics]
    return dataset.voorziening("hoeskamer")


@pytest.mark.parametrize("written", ["0451234567", "045 123 45 67", "'045 123 45 67'", "+31 45 123 4567",
                                     "0031 45 123 4567", '"+31451234567"'])
def test_phone_numbers_in_a_record(data_dir, written):
    r = _load_value(data_dir, f"contact:\n  telefoon: {written}\n")
    assert r.contact.telefoon.tel == "+31451234567"


def test_a_bad_phone_number_names_file_line_and_field(data_dir):
    write(data_dir, "hoeskamer.yaml", minimal_record("contact:\n  email: a@b.nl\n  telefoon: 045 12\n"))
    _, collector = load(data_dir)
    d = the_diagnostic(collector, "voorzieningen/hoeskamer.yaml", "contact.telefoon")
    assert d.line == 9
    assert "'045 12' is geen geldig Nederlands telefoonnummer" in d.message
    assert "bijvoorbeeld 045 123 45 67, 06 12345678 of 14 045" in d.message


@pytest.mark.parametrize("written, stored", [
    ("6451 AA", "6451 AA"), ("6451AA", "6451 AA"), ("6451 aa", "6451 AA"),
    ("6451  Aa", "6451 AA"), ("'6451aa'", "6451 AA"),
])
def test_postcodes_in_any_spacing_or_case(data_dir, written, stored):
    r = _load_value(data_dir, f"locaties:\n  - postcode: {written}\n")
    assert r.locaties[0].postcode == stored


@pytest.mark.parametrize("written", ["0451 AA", "6451 A", "6451-AA", "6451 AAA", "AA 6451", "64510"])
def test_bad_postcodes(data_dir, written):
    write(data_dir, "hoeskamer.yaml", minimal_record(f"locaties:\n  - postcode: {written}\n"))
    _, collector = load(data_dir)
    d = the_diagnostic(collector, "voorzieningen/hoeskamer.yaml", "locaties.postcode")
    assert d.line == 8
    assert "geen geldige postcode" in d.message


@pytest.mark.parametrize("van, tot, stored", [
    ("9:00", "17:30", ("09:00", "17:30")),
    ("09:00", "12:00", ("09:00", "12:00")),
    ("9.30", "12.15", ("09:30", "12:15")),
    ("'10:00'", '"11:00"', ("10:00", "11:00")),
    ("0:00", "24:00", ("00:00", "24:00")),
])
def test_times(data_dir, van, tot, stored):
    r = _load_value(data_dir, f"openingstijden:\n  - dagen: [ma]\n    van: {van}\n    tot: {tot}\n")
    assert (r.openingstijden[0].van, r.openingstijden[0].tot) == stored


@pytest.mark.parametrize("written", ["9", "9:0", "12:60", "24:01", "9 uur", "9:00-12:00", "-1:00"])
def test_bad_times(data_dir, written):
    write(data_dir, "hoeskamer.yaml", minimal_record(
        f"openingstijden:\n  - dagen: [ma]\n    van: {written}\n    tot: 23:00\n"))
    _, collector = load(data_dir)
    d = the_diagnostic(collector, "voorzieningen/hoeskamer.yaml", "openingstijden.van")
    assert d.line == 9
    assert "geen geldige tijd" in d.message


@pytest.mark.parametrize("written, stored", [
    ("2027-06-30", date(2027, 6, 30)), ("2027-6-3", date(2027, 6, 3)), ("'2027-06-30'", date(2027, 6, 30)),
])
def test_dates(data_dir, written, stored):
    assert _load_value(data_dir, f"geldig_tot: {written}\n").geldig_tot == stored


@pytest.mark.parametrize("written", ["30-06-2027", "2027/06/30", "2027-13-01", "2027-02-29", "juni 2027",
                                     "2027-06-30T10:00:00"])
def test_bad_dates(data_dir, written):
    write(data_dir, "hoeskamer.yaml", minimal_record(f"geldig_tot: {written}\n"))
    _, collector = load(data_dir)
    d = the_diagnostic(collector, "voorzieningen/hoeskamer.yaml", "geldig_tot")
    assert d.line == 7
    assert "geen geldige datum" in d.message


@pytest.mark.parametrize("written, stored", [
    ("info@welzijn.example", "info@welzijn.example"),
    ("mailto:info@welzijn.example", "info@welzijn.example"),
    ("a.voorbeeld+kaart@sub.welzijn.example", "a.voorbeeld+kaart@sub.welzijn.example"),
])
def test_emails(data_dir, written, stored):
    assert _load_value(data_dir, f"contact:\n  email: {written}\n").contact.email == stored


@pytest.mark.parametrize("written", ["info", "info@welzijn", "info@@welzijn.example", "Anne <a@welzijn.example>",
                                     "a@welzijn.example, b@welzijn.example", "info at welzijn.example"])
def test_bad_emails(data_dir, written):
    write(data_dir, "hoeskamer.yaml", minimal_record(f'contact:\n  email: "{written}"\n'))
    _, collector = load(data_dir)
    d = the_diagnostic(collector, "voorzieningen/hoeskamer.yaml", "contact.email")
    assert d.line == 8
    assert "geen geldig e-mailadres" in d.message


@pytest.mark.parametrize("written", ["https://welzijn.example/hoeskamer?dag=di#tijden", "http://welzijn.example",
                                     "HTTPS://WELZIJN.EXAMPLE"])
def test_websites(data_dir, written):
    assert _load_value(data_dir, f"contact:\n  website: {written}\n").contact.website == written


@pytest.mark.parametrize("written", ["welzijn.example", "www.welzijn.example", "javascript:alert(1)",
                                     "ftp://welzijn.example", "https://", "https://localhost/x",
                                     "https://welzijn.example/a b", "data:text/html,<b>hoi</b>",
                                     'https://welzijn.example/"onmouseover="x'])
def test_bad_websites(data_dir, written):
    write(data_dir, "hoeskamer.yaml", minimal_record(f"contact:\n  website: '{written}'\n"))
    _, collector = load(data_dir)
    d = the_diagnostic(collector, "voorzieningen/hoeskamer.yaml", "contact.website")
    assert d.line == 8
    assert "geen geldig webadres" in d.message


@pytest.mark.parametrize("written, stored", [("[nl, no]", ("nl", "no")), ("[NL, Ti, prs]", ("nl", "ti", "prs")),
                                             ("nl", ("nl",))])
def test_language_codes(data_dir, written, stored):
    assert _load_value(data_dir, f"talen: {written}\n").talen == stored


def test_a_bad_language_code(data_dir):
    write(data_dir, "hoeskamer.yaml", minimal_record("talen: [nl, Nederlands]\n"))
    _, collector = load(data_dir)
    d = the_diagnostic(collector, "voorzieningen/hoeskamer.yaml", "talen")
    assert d.line == 7
    assert "'Nederlands' is geen taalcode" in d.message


def test_coordinates_with_a_comma(data_dir):
    r = _load_value(data_dir, "locaties:\n  - lat: 50,9704\n    lon: '5.9801'\n")
    assert (r.locaties[0].lat, r.locaties[0].lon) == (50.9704, 5.9801)


@pytest.mark.parametrize("lat", ["91", "nan", "inf", "-90.5"])
def test_coordinates_out_of_range(data_dir, lat):
    write(data_dir, "hoeskamer.yaml", minimal_record(f"locaties:\n  - lat: {lat}\n    lon: 5.98\n"))
    _, collector = load(data_dir)
    d = the_diagnostic(collector, "voorzieningen/hoeskamer.yaml", "locaties.lat")
    assert d.line == 8
    assert "geen geldige coördinaat" in d.message


def test_text_longer_than_its_maximum(data_dir):
    write(data_dir, "hoeskamer.yaml", minimal_record().replace("Hoeskamer Amstenrade", "H" * 81))
    _, collector = load(data_dir)
    d = the_diagnostic(collector, "voorzieningen/hoeskamer.yaml", "naam")
    assert d.line == 1
    assert "Deze tekst is 81 tekens; het maximum is 80" in d.message
