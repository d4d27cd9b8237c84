"""The one URL check (wegwijzer.safeurl) on its own: what it says about an address that would
mislead a resident, word for word, and which links it lets through. Fast, in process: the
mutation group `sanitising` runs these (benchmarks/mutation.py)."""

from __future__ import annotations

import pytest

from wegwijzer import safeurl
from wegwijzer.text import quoted

EXAMPLE = "Begin met https:// (of http://), bijvoorbeeld https://www.gemeente.nl."
INVISIBLE = ("Er staat een onzichtbaar teken in (zoals een spatie zonder breedte of een teken dat de leesrichting "
             f"omdraait). Typ het adres opnieuw. {EXAMPLE}")
AT = ("Er staat een @ vóór de naam van de website. Zo'n adres leidt naar de website na de @, niet naar de naam "
      f"ervoor. {EXAMPLE}")
MIXED = ("De naam van de website mengt letters uit verschillende schriften (bijvoorbeeld Latijnse en Cyrillische "
         "letters). Zo lijkt een nepadres op een echt adres. Typ het adres opnieuw met gewone letters.")
LOOKS_LATIN = ("De naam van de website lijkt op gewone letters, maar bestaat uit letters van een ander schrift. Zo "
               "lijkt een nepadres op een echt adres. Typ het adres opnieuw met gewone letters.")
BAD_PUNYCODE = "De naam van de website is niet goed gecodeerd (xn--...). Typ het adres opnieuw."


def problem(value: str, rest: str) -> str:
    return f"{quoted(value, 120)} is geen geldig webadres. {rest}"


@pytest.mark.parametrize("value, rest", [
    ("https://www.ge\u200bmeente.nl/", INVISIBLE),  # zero-width space (Cf)
    ("https://www.gemeente.nl/\u202etxt", INVISIBLE),  # right-to-left override (Cf)
    ("https://www.gemeente.nl/\u00a0x", INVISIBLE),  # no-break space (Zs)
    ("https://www.gemeente.nl/\u2028x", INVISIBLE),  # line separator (Zl)
    ("https://www.gemeente.nl/\u2029x", INVISIBLE),  # paragraph separator (Zp)
    ("https://www.gemeente.nl/\ue000x", INVISIBLE),  # private use (Co)
    ("https://www.gemeente.nl/\u0378x", INVISIBLE),  # unassigned (Cn)
    ("https://www.gemeente.nl/\u0085x", INVISIBLE),  # a C1 control (Cc)
    ("https://www.ge\u3164meente.nl/", INVISIBLE),  # Hangul filler: a letter that shows nothing
    ("https://www.gemeente.nl/\u2800", INVISIBLE),  # Braille blank
    ("https://iemand@www.gemeente.nl/", AT),
    ("https://www.gemeente.nl@elders.example/", AT),
    ("https://www.gemeente.nl:99999/", f"Het deel na de naam van de website (zoals :8080) klopt niet. {EXAMPLE}"),
    ("https://www.gemeente.nl:0/", f"Poort 0 bestaat niet. {EXAMPLE}"),
    ("https://www.p\u0430ypal.com/", MIXED),  # one Cyrillic а among Latin letters
    ("https://xn--pypal-4ve.com/", MIXED),  # the same, as the browser sends it
    ("https://\u0440\u0430\u0443\u0440\u0430\u04cf.com/", LOOKS_LATIN),  # all Cyrillic, reads as 'paypal'
    ("https://www.gemeente.\u0440\u0430\u0443\u0440\u0430\u04cf/", LOOKS_LATIN),  # in any part of the name
    ("https://xn--zz.example/", BAD_PUNYCODE),
])
def test_an_address_that_would_mislead_gets_its_own_message(value, rest):
    assert safeurl.web_address_problem(value) == problem(value, rest)


@pytest.mark.parametrize("value", [
    "https://www.gemeente.nl:8443/pad", "https://café.example/", "https://почта.example/",
    "https://www.gemeente.nl/a@b", "https://xn--caf-dma.example/", "https://1.example/", "http://a.example/?x=1&y=2",
])
def test_ordinary_addresses_in_any_script_pass(value):
    assert safeurl.web_address_problem(value) is None


@pytest.mark.parametrize("char, invisible", [
    ("\u200b", True), ("\u00ad", True), ("\u180e", True), ("\u115f", True), ("\u1160", True), ("\uffa0", True),
    ("é", False), ("ß", False), ("я", False), ("-", False), ("1", False),
])
def test_which_characters_count_as_invisible(char, invisible):
    assert safeurl._is_invisible(char) is invisible


@pytest.mark.parametrize("value, allowed", [
    ("https://www.gemeente.nl/", True),
    ("https://www.p\u0430ypal.com/", False),  # a link follows the website field's rules
    ("https://iemand@www.gemeente.nl/", False),
    ("http://www.ge\u200bmeente.nl/", False),
    ("mailto:a@b.example", True),
    ("tel:+31451234567", True),
    ("ftp://a.example/", False),
    ("javascript:alert(1)", False),
    ("../zoeken/", True),
])
def test_links_follow_the_website_rules(value, allowed):
    assert safeurl.is_allowed_link(value) is allowed


def test_a_scheme_outside_the_chosen_ones_is_refused_even_when_it_is_a_web_scheme():
    assert safeurl.is_allowed_link("https://www.gemeente.nl/", schemes=("mailto",)) is False
    assert safeurl.is_allowed_link("mailto:a@b.example", schemes=("mailto",)) is True
    assert safeurl.is_allowed_link("mailto:a@b.example", schemes=safeurl.WEB_SCHEMES) is False


def test_a_name_in_one_other_script_passes_unless_every_letter_looks_latin():
    # Greek lambda has look-alikes in other scripts, but not in Latin: 'λο' can't pass for a Latin name.
    assert safeurl.web_address_problem("https://λο.example/") is None
    assert safeurl.web_address_problem("https://οο.example/") == problem("https://οο.example/", LOOKS_LATIN)


def test_a_link_in_html_is_judged_as_the_browser_decodes_it():
    value = "https://www.p&#1072;ypal.com/"  # &#1072; is the Cyrillic а once a browser reads the HTML
    assert safeurl.is_allowed_link(value, in_html=True) is False
    assert safeurl.is_allowed_link(value) is True  # escaped on output: the browser sees '&#1072;' as text
