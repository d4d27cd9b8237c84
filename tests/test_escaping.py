"""Every text from a record is escaped: in element text and in attribute values.

The pages are read back with Python's HTML parser (the way a browser tokenises them): a
hostile text must come back as exactly the text the editor typed, and must never add an
element, an attribute or an event handler. The dataset is made from the model classes,
so texts the checker would refuse reach the renderer too: escaping must not rely on the
checker.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from html.parser import HTMLParser

import pytest

import fragments
from builders import model_dataset
from wegwijzer.records.glossary import Term
from wegwijzer.records.model import Location, OpeningHours, WaitingTime
from wegwijzer.site.escaping import esc, json_for_script
from wegwijzer.site.glossary import Annotator
from wegwijzer.site.markers import EVERYONE, SEARCH_DATA_TAG, WHOLE_MUNICIPALITY, kern_filters, search_data
from wegwijzer.site.pages import SiteContext, build_pages
from wegwijzer.site.photos import PhotoSet

# Breaks out of a double- and a single-quoted attribute, closes the tag, opens an element
# with an event handler, and carries an entity that must stay literal text.
HOSTILE = "'\"><img src=x onerror=alert(1)> &amp; \"' onmouseover=alert(2) x='"


class Parsed(HTMLParser):
    """Start tags with their attributes, and the text, as a browser's tokeniser sees them."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags, self.text = [], []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)

    def attribute_values(self):
        return [value for _, attrs in self.tags for value in attrs.values() if value is not None]

    def all_text(self) -> str:
        return "".join(self.text)


# --- the two functions everything goes through -----------------------------------------


def test_esc_escapes_all_five_characters_that_mean_something_in_html():
    assert esc("<a href=\"x\" title='y'>&amp;</a>") == (
        "&lt;a href=&quot;x&quot; title=&#x27;y&#x27;&gt;&amp;amp;&lt;/a&gt;")
    assert esc("gewone tekst, ë en €") == "gewone tekst, ë en €"


def test_esc_takes_any_value_as_text():
    assert esc(42) == "42"
    assert esc(date(2026, 3, 14)) == "2026-03-14"
    assert esc(None) == "None"


@pytest.mark.parametrize("quote", ['"', "'"])
def test_an_escaped_value_stays_inside_its_attribute_whatever_the_quote(quote):
    tag = f"<p title={quote}{esc(HOSTILE)}{quote} class={quote}x{quote}>tekst</p>"
    parsed = Parsed(tag)
    assert parsed.tags == [("p", {"title": HOSTILE, "class": "x"})]


def test_json_for_script_cannot_close_the_script_and_reads_back_the_same():
    data = {"naam": "</script><script>alert(1)</script>", "en": "a & b <!-- c -->", "kern": "Sint-Odiliënberg"}
    out = json_for_script(data)
    assert "<" not in out and ">" not in out and "&" not in out
    assert json.loads(out) == data
    assert "Sint-Odiliënberg" in out  # non-ASCII stays as it is: smaller pages
    parsed = Parsed(f'<script type="application/json" id="x">{out}</script><p>na</p>')
    assert [tag for tag, _ in parsed.tags] == ["script", "p"]
    assert json.loads(parsed.text[0]) == data


# --- the hidden search data ----------------------------------------------------------------


def test_markers_are_hidden_ignored_spans_with_escaped_values():
    tags = [("filter", "thema", "geld"), ("meta", "title", HOSTILE)]
    out = fragments.part("zoekdata.html", zoekdata=search_data(tags))
    assert out == (f'<{SEARCH_DATA_TAG} hidden data-pagefind-ignore>'
                   '<span data-pagefind-filter="thema">geld</span>'
                   f'<span data-pagefind-meta="title">{esc(HOSTILE)}</span></{SEARCH_DATA_TAG}>')
    parsed = Parsed(out)
    assert parsed.tags[0] == (SEARCH_DATA_TAG, {"hidden": None, "data-pagefind-ignore": None})
    assert parsed.text == ["geld", HOSTILE]


def test_kern_filters_name_the_kernen_or_the_whole_municipality():
    assert kern_filters(("Sint Joost", "Nuth")) == [("filter", "kern", "sint-joost"), ("filter", "kern", "nuth")]
    assert kern_filters(()) == [("filter", "kern", WHOLE_MUNICIPALITY)]


def _spans(html: str) -> list:
    """[(kind, key, value)] from the raw markup (attribute names exactly as written)."""
    import re
    found = re.findall(r'<span data-pagefind-(filter|meta)="([^"]*)">([^<]*)</span>', html)
    assert "".join(f'<span data-pagefind-{k}="{key}">{v}</span>' for k, key, v in found) in html
    return found


def test_filter_tags_of_a_record_are_exactly_its_filters_and_meta():
    dataset = model_dataset()
    hoeskamer, schuldhulp = dataset.voorzieningen
    assert _spans(fragments.filter_tags(hoeskamer)) == [
        ("filter", "soort", "voorziening"), ("filter", "route", "samen"), ("filter", "toegang", "vrij"),
        ("filter", "thema", "ontmoeten"), ("filter", "doelgroep", "ouderen"), ("filter", "kern", "schinveld"),
        ("meta", "soort", "voorziening"), ("meta", "toegang", "vrij"), ("meta", "route", "samen"),
        ("meta", "telefoon", "045 123 45 67"), ("meta", "tel", "+31451234567")]
    closed = dataclasses.replace(schuldhulp, status="tijdelijk-gesloten")
    assert _spans(fragments.filter_tags(closed)) == [
        ("filter", "soort", "voorziening"), ("filter", "route", "laten"), ("filter", "toegang", "verwijzing"),
        ("filter", "thema", "geld"), ("filter", "doelgroep", EVERYONE), ("filter", "kern", WHOLE_MUNICIPALITY),
        ("meta", "soort", "voorziening"), ("meta", "toegang", "verwijzing"), ("meta", "route", "laten"),
        ("meta", "status", "tijdelijk-gesloten")]
    waiting = dataclasses.replace(schuldhulp, wachttijd=WaitingTime("binnen 3 werkdagen <b>", date(2026, 11, 2)))
    assert _spans(fragments.filter_tags(waiting))[-1] == (
        "meta", "wachttijd", "binnen 3 werkdagen &lt;b&gt; (nagevraagd in november 2026)")


def test_a_record_naming_no_kern_is_for_the_whole_municipality_even_with_a_local_location():
    """Its locations' kernen do not make it local: it stays one value, counted once in every kern."""
    _, schuldhulp = model_dataset().voorzieningen
    placed = dataclasses.replace(schuldhulp, kernen=(), locaties=(Location(naam="Loket", plaats="Nuth", kern="Nuth"),))
    assert placed.local_kernen == ("Nuth",)  # premise: the location is in a kern
    assert _spans(fragments.filter_tags(placed))[5] == ("filter", "kern", WHOLE_MUNICIPALITY)


# --- whole pages with a hostile text in every field ------------------------------------------


def hostile_dataset():
    """model_dataset() with HOSTILE in every text field of a record, a face card and the municipality."""
    dataset = model_dataset()
    hoeskamer, schuldhulp = dataset.voorzieningen
    face = dataset.gezichten[0]
    hoeskamer = dataclasses.replace(
        hoeskamer, naam=HOSTILE, samenvatting=HOSTILE, aanbieder=HOSTILE, aanmelden=HOSTILE,
        kosten_toelichting=HOSTILE, beschrijving=HOSTILE, trefwoorden=(HOSTILE,),
        wachttijd=WaitingTime(HOSTILE, date(2026, 11, 2)),
        locaties=(Location(naam=HOSTILE, adres=HOSTILE, postcode=HOSTILE, plaats=HOSTILE, toegankelijkheid=HOSTILE),),
        openingstijden=(OpeningHours(("ma",), "09:00", "12:00", HOSTILE),))
    face = dataclasses.replace(face, naam=HOSTILE, functie=HOSTILE, organisatie=HOSTILE, bereikbaar=HOSTILE,
                               vragen=(HOSTILE,), foto_alt=HOSTILE, voorziening=hoeskamer.id, kernen=(HOSTILE,))
    gemeente = dataclasses.replace(dataset.gemeente, naam=HOSTILE)
    return dataclasses.replace(dataset, gemeente=gemeente, voorzieningen=[hoeskamer, schuldhulp], gezichten=[face])


PHOTOS = {"anne-voorbeeld": PhotoSet({}, {240: "a-240.webp", 480: "a-480.webp"}, {240: "a-240.jpg"})}


@pytest.fixture(scope="module")
def hostile_pages():
    ctx = SiteContext(hostile_dataset(), terms=[Term("Wmo", HOSTILE, HOSTILE)], photos=PHOTOS,
                      built=date(2026, 11, 23))
    return {page.url: Parsed(page.html(ctx.annotator)) for page in build_pages(ctx)}


def test_no_hostile_text_becomes_an_element_or_an_attribute(hostile_pages):
    for url, parsed in hostile_pages.items():
        names = {name for _, attrs in parsed.tags for name in attrs}
        assert not [n for n in names if n.startswith("on") or n in ("x", "src=x")], url
        sources = [attrs.get("src") for tag, attrs in parsed.tags if tag in ("img", "script")]
        assert "x" not in sources and None not in [s for s in sources if s is not None], url


@pytest.mark.parametrize("url, at_least", [
    ("samen-doen/hoeskamer-schinveld/", 16),  # naam twice, every field, location, hours, the face card
    ("gezichtenkaart/anne-voorbeeld/", 6),
    ("gezichtenkaart/", 6),
    ("samen-doen/", 2),
])
def test_the_hostile_text_comes_back_exactly_as_typed(hostile_pages, url, at_least):
    parsed = hostile_pages[url]
    shown = parsed.all_text().count(HOSTILE) + parsed.attribute_values().count(HOSTILE)
    assert shown >= at_least, (url, shown)


def test_a_face_photo_alt_text_stays_one_attribute(hostile_pages):
    for url in ("gezichtenkaart/", "gezichtenkaart/anne-voorbeeld/", "samen-doen/hoeskamer-schinveld/"):
        images = [attrs for tag, attrs in hostile_pages[url].tags if tag == "img"]
        assert images, url
        for attrs in images:
            assert attrs["alt"] == HOSTILE
            assert set(attrs) <= {"src", "alt", "width", "height", "loading", "decoding"}, url
            assert attrs["src"].endswith("fotos/a-240.jpg")


def test_a_glossary_tooltip_stays_one_title_attribute():
    out = Annotator([Term("Wmo", HOSTILE, HOSTILE)]).annotate("<p>De Wmo helpt.</p>")
    parsed = Parsed(out)
    assert parsed.tags == [("p", {}), ("abbr", {"title": f"{HOSTILE}: {HOSTILE}"})]
    assert parsed.all_text() == "De Wmo helpt."


def test_the_opening_hours_data_reads_back_as_json(hostile_pages):
    hours = [attrs["data-hours"] for tag, attrs in hostile_pages["samen-doen/hoeskamer-schinveld/"].tags
             if "data-hours" in attrs]
    assert [json.loads(h) for h in hours] == [[{"d": ["ma"], "van": "09:00", "tot": "12:00"}]]


def test_the_search_form_value_and_labels_are_escaped():
    parsed = Parsed(fragments.search_form("thema/geld/", "q1", label=HOSTILE, value=HOSTILE))
    assert ("input", {"id": "q1", "name": "q", "type": "search", "value": HOSTILE, "autocomplete": "off",
                      "placeholder": "Bijvoorbeeld: schulden, eenzaam, vervoer"}) in parsed.tags
    assert HOSTILE in parsed.all_text()
    assert parsed.tags[0] == ("form", {"class": "ww-search", "action": "../../zoeken/", "method": "get",
                                       "role": "search", "aria-label": "Zoek hulp"})


def test_the_templates_json_filter_writes_the_data_and_cannot_close_its_script():
    from wegwijzer.site import templating
    data = {"naam": "</script><script>alert(1)</script>", "n": 1}
    out = templating.shipped().from_string(
        '<script type="application/json">{{ data|json_script }}</script>').render(data=data)
    assert out == f'<script type="application/json">{json_for_script(data)}</script>'
    assert out.count("</script>") == 1 and json.loads(out[len('<script type="application/json">'):-9]) == data


def test_a_templates_value_is_escaped_as_esc_does_and_markup_is_written_as_it_is():
    from markupsafe import Markup

    from wegwijzer.site.escaping import finalize

    class Made:  # markup the build made, as an object that says so (__html__)
        def __html__(self):
            return "<b>gemaakt</b>"

    escaped = finalize(HOSTILE)
    assert type(escaped) is Markup and escaped == esc(HOSTILE)  # &#x27; and &quot;, as before the templates
    marked = Markup("<i>al veilig</i>")
    assert finalize(marked) == "<i>al veilig</i>"
    assert finalize(Made()) == "<b>gemaakt</b>" and type(finalize(Made())) is Markup
    assert finalize(7) == "7"
