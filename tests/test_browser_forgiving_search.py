"""The built-in search forgives: sentences, misspellings, synonyms, compounds, and no dead end.

Every test searches a small site built from records this module writes itself, with a
test copy of the synonyms file that has one group added.
"""

from __future__ import annotations

import json
import shutil
from urllib.parse import parse_qs, quote, urlsplit

import pytest

from builders import GEMEENTE_YAML, PROJECT_SYNONYMS, RECENT, build, project_config, write
from servers import serve

pytestmark = pytest.mark.browser

EDITED_GROUP = "  - [grasmaaien, tuinonderhoud]\n"


@pytest.fixture(scope="module")
def forgiving_build(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("forgiving-site")
    data = tmp / "voorzieningen"
    write(data, "gemeente.yaml", GEMEENTE_YAML)
    # "rijwielherstel" occurs in this record only (its name).
    write(data, "rijwielherstel.yaml", f"""
        naam: Rijwielherstel De Spaak
        samenvatting: Laat je kapotte fiets maken door een vrijwilliger.
        route: samen
        toegang: vrij
        themas: [vervoer]
        gecontroleerd: {RECENT}
    """)
    # A sentence's words in three different fields: name, summary, keywords.
    write(data, "buurtkamer.yaml", f"""
        naam: Buurtkamer Zonnebloem
        samenvatting: Kom langs voor thee en een spelletje.
        route: samen
        toegang: vrij
        themas: [ontmoeten]
        kernen: [Amstenrade]
        trefwoorden: [breien]
        gecontroleerd: {RECENT}
    """)
    write(data, "tuinhulp.yaml", f"""
        naam: Groene Vingers
        samenvatting: Vrijwilligers helpen met tuinonderhoud als je dat zelf niet meer kunt.
        route: samen
        toegang: vrij
        themas: [wonen]
        gecontroleerd: {RECENT}
    """)
    write(data, "buurthuis.yaml", f"""
        naam: Buurthuis De Kroon
        samenvatting: Activiteiten voor jong en oud in het buurthuis.
        route: samen
        toegang: vrij
        themas: [ontmoeten]
        kernen: [Hulsberg]
        gecontroleerd: {RECENT}
    """)
    write(data, "kleine-stap.yaml", f"""
        naam: Consultatiebureau De Kleine Stap
        samenvatting: Ouders met een baby komen hier voor wegen, meten en prikken.
        route: laten
        toegang: vrij
        themas: [opvoeden]
        gecontroleerd: {RECENT}
    """)
    # The editors' synonyms, copied for this test, with one group added.
    write(tmp, "search/synoniemen.yaml", PROJECT_SYNONYMS.read_text(encoding="utf-8") + EDITED_GROUP)
    (tmp / "content").mkdir()  # no articles
    config = project_config(tmp, {"data_dir: voorzieningen": "data_dir: voorzieningen\n      "
                                  "synonyms_file: search/synoniemen.yaml"})
    result = build(data, tmp / "site", config_file=config)
    assert result.ok, result.output
    url, server = serve(tmp / "site")
    yield url, tmp / "site"
    server.shutdown()


@pytest.fixture(scope="module")
def forgiving_site(forgiving_build):
    return forgiving_build[0]


def search(page, site, query, **filters):
    address = site + "zoeken/?q=" + quote(query) + "".join(f"&{k}={quote(v)}" for k, v in filters.items())
    page.goto(address)
    page.wait_for_function("(() => { const s = document.getElementById('zoek-status').textContent;"
                           " return s && !s.startsWith('Bezig'); })()")
    return page.locator("#zoek-resultaten li h3").all_inner_texts()


def test_a_misspelled_word_from_one_record_finds_it_and_says_what_was_meant(phone, forgiving_site):
    requests = []
    phone.on("request", lambda r: requests.append(r.url))
    titles = search(phone, forgiving_site, "rijwielherstl")
    assert titles and titles[0] == "Rijwielherstel De Spaak"
    link = phone.locator("#zoek-suggestie a")
    assert phone.inner_text("#zoek-suggestie").startswith("Bedoelde je: rijwielherstel?")
    assert parse_qs(urlsplit(link.get_attribute("href")).query) == {"q": ["rijwielherstel"]}
    # Only the vocabulary file of the word's first letter: a correction keeps that letter.
    loaded = [urlsplit(u).path.rsplit("/", 1)[-1].split(".")[0] for u in requests if "/zoeken/woorden-" in u]
    assert loaded == ["woorden-r"], loaded
    link.click()
    phone.wait_for_function("location.search === '?q=rijwielherstel'")


def test_a_word_on_the_site_loads_only_its_letters_vocabulary_and_suggests_nothing(phone, forgiving_site):
    """Its other forms on the site are searched too, so its one vocabulary file is loaded, no other."""
    requests = []
    phone.on("request", lambda r: requests.append(r.url))
    assert search(phone, forgiving_site, "rijwielherstel")[0] == "Rijwielherstel De Spaak"
    phone.wait_for_load_state("networkidle")
    loaded = [urlsplit(u).path.rsplit("/", 1)[-1].split(".")[0] for u in requests if "/zoeken/woorden-" in u]
    assert loaded == ["woorden-r"], loaded
    assert phone.locator("#zoek-suggestie").is_hidden()


def test_sounds_dutch_writes_two_ways_are_one_word(phone, forgiving_site):
    # "buro" for "bureau" is three edits, but one sound; so are ei/ij and au/ou.
    assert search(phone, forgiving_site, "consultatieburo")[0] == "Consultatiebureau De Kleine Stap"
    assert set(search(phone, forgiving_site, "vreiwilligers")) == {"Groene Vingers", "Rijwielherstel De Spaak"}


def test_a_transposition_counts_as_one_edit(phone, forgiving_site):
    assert search(phone, forgiving_site, "rijwielhesrtel")[0] == "Rijwielherstel De Spaak"


def test_a_sentence_whose_words_are_in_different_fields(phone, forgiving_site):
    titles = search(phone, forgiving_site, "Ik wil graag breien en thee drinken in een buurtkamer")
    assert titles[0] == "Buurtkamer Zonnebloem"
    # Fewer matching words rank lower but still show: never zero when a word is on the site.
    titles = search(phone, forgiving_site, "hoe kan ik thee xylofoon")
    assert titles == ["Buurtkamer Zonnebloem"]


def test_an_edited_synonym_group_works_in_the_built_in_search(phone, forgiving_site):
    assert search(phone, forgiving_site, "grasmaaien") == ["Groene Vingers"]


def test_project_synonyms_work_too(phone, forgiving_site):
    # [vervoer, taxi, regiotaxi]: "taxi" is nowhere on this site; the record's theme
    # "Vervoer en boodschappen" is.
    assert search(phone, forgiving_site, "taxi") == ["Rijwielherstel De Spaak"]


def test_compounds_split_and_joined(phone, forgiving_site):
    requests = []
    phone.on("request", lambda r: requests.append(r.url))
    assert search(phone, forgiving_site, "buurthuisactiviteit")[0] == "Buurthuis De Kroon"
    # The parts' files are loaded as the split needs them (buurthuis + activiteit).
    loaded = {urlsplit(u).path.rsplit("/", 1)[-1].split(".")[0] for u in requests if "/zoeken/woorden-" in u}
    assert {"woorden-b", "woorden-a"} <= loaded, loaded
    assert search(phone, forgiving_site, "rijwiel herstel")[0] == "Rijwielherstel De Spaak"
    assert search(phone, forgiving_site, "tuinonderhoudvrijwilligers")[0] == "Groene Vingers"


def test_a_query_of_only_stop_words_gets_a_friendly_hint_and_the_help(phone, forgiving_site):
    assert search(phone, forgiving_site, "ik wil het niet") == []
    assert phone.inner_text("#zoek-status").startswith("Typ een woord dat zegt waar je hulp bij zoekt")
    help_panel = phone.locator("#zoek-hulp")
    assert help_panel.is_visible()
    assert "Weet je niet waar je moet beginnen?" in help_panel.inner_text()


def test_nothing_found_is_never_a_dead_end(phone, forgiving_site):
    assert search(phone, forgiving_site, "xylofoon") == []
    assert phone.inner_text("#zoek-status") == "Geen resultaten"
    help_panel = phone.locator("#zoek-hulp")
    assert help_panel.is_visible()
    text = help_panel.inner_text()
    for route in ("Zelf doen", "Samen doen", "Laten doen"):
        assert route in text
    assert help_panel.locator("a[href$='thema/geld/']").count() == 1
    assert help_panel.locator("a[href$='gezichtenkaart/']").count() == 1
    assert help_panel.locator("a[href='tel:14046']").count() == 1  # gemeente.yaml: 14 046
    assert "Weet je niet waar je moet beginnen?" in text
    # Results again: the help goes away.
    assert search(phone, forgiving_site, "thee")
    assert help_panel.is_hidden()


def test_a_query_with_filters(phone, forgiving_site):
    # The same query handling with filters in the address.
    titles = search(phone, forgiving_site, "ik wil breien", kern="amstenrade", route="samen")
    assert titles == ["Buurtkamer Zonnebloem"]
    assert phone.input_value("#f-kern") == "amstenrade"
    titles = search(phone, forgiving_site, "rijwielherstl", route="samen")
    assert titles[0] == "Rijwielherstel De Spaak"
    href = phone.locator("#zoek-suggestie a").get_attribute("href")
    assert parse_qs(urlsplit(href).query) == {"q": ["rijwielherstel"], "route": ["samen"]}
    # Nothing with these filters, but something without them: offered, with the count.
    assert search(phone, forgiving_site, "breien", kern="hulsberg") == []
    offer = phone.locator("#zoek-zonder-filters a")
    offer.wait_for(state="visible")
    assert offer.inner_text() == "Zoek zonder filters (1 resultaat)"
    assert parse_qs(urlsplit(offer.get_attribute("href")).query) == {"q": ["breien"]}


@pytest.mark.parametrize("query", [
    "thee of activiteiten",  # a sentence: each word searched on its own
    "thee breien activiteiten",  # thee and breien are on the same page: counted once
])
def test_filter_counts_count_each_page_once_for_a_sentence(phone, forgiving_site, query):
    search(phone, forgiving_site, query)
    assert len(phone.locator("#zoek-resultaten li").all()) == 2
    phone.click("#zoek-filters summary")
    sel = "#f-kern option[value='amstenrade']"
    phone.wait_for_function(f"/\\(\\d+\\)$/.test(document.querySelector(\"{sel}\").textContent)")
    assert phone.locator(sel).inner_text() == "Amstenrade (1)"
    assert phone.locator("#f-kern option[value='hulsberg']").inner_text() == "Hulsberg (1)"


def test_the_language_tools(phone, forgiving_site):
    search(phone, forgiving_site, "thee")
    z = "window.WegwijzerZoektaal"
    assert phone.evaluate(f"{z}.distance('mantelzorg', 'mantelzrog', 2)") == 1  # a swap is one edit
    assert phone.evaluate(f"{z}.distance('huisarts', 'huisarst', 2)") == 1
    assert phone.evaluate(f"{z}.distance('dagbesteding', 'dagbestedig', 2)") == 1
    assert phone.evaluate(f"{z}.key('eenzame') === {z}.key('eenzaam')")
    assert phone.evaluate(f"{z}.key('schulden') === {z}.key('schuld')")
    assert phone.evaluate(f"{z}.allowed('huis')") == 1 and phone.evaluate(f"{z}.allowed('mantelzorg')") == 2
    assert phone.evaluate(f"{z}.allowed('bus')") == 0


def test_the_chunk_table_lists_pagefind_index_chunks(forgiving_build):
    site = forgiving_build[1]
    table = json.loads((site / "zoeken" / "delen.json").read_text(encoding="utf-8"))["delen"]
    files = sorted((site / "pagefind" / "index").glob("*.pf_index"))
    assert table and len(table) == len(files)
    assert all(isinstance(first, str) and isinstance(last, str) and kb > 0 for first, last, kb in table)
    assert round(sum(kb for _, _, kb in table), 1) == round(sum(f.stat().st_size for f in files) / 1000, 1)


def test_a_long_question_keeps_to_a_few_index_chunks(phone, forgiving_build, tmp_path):
    # This small site has one index chunk. A copy gets a table as a large site would have
    # (a chunk per letter), so each word of the question is in a chunk of its own.
    site = tmp_path / "site"
    shutil.copytree(forgiving_build[1], site)
    url, server = serve(site)

    def with_chunks_of(kb):
        table = [[chr(c), chr(c) + "zz", kb] for c in range(ord("a"), ord("z") + 1)]
        (site / "zoeken" / "delen.json").write_text(json.dumps({"delen": table}), encoding="utf-8")

    try:
        with_chunks_of(20.0)  # two fit in the budget, a third does not
        titles = search(phone, url, "breien rijwielherstel activiteiten")
        assert titles[0] in ("Buurtkamer Zonnebloem", "Rijwielherstel De Spaak")
        assert "Buurthuis De Kroon" not in titles  # "activiteiten" would be a third chunk: left out
        # A word whose chunk is already taken is free ("buurthuis" shares "breien"'s).
        assert "Buurthuis De Kroon" in search(phone, url, "breien thee buurthuis")
        # Long words come first, each in query order; short words ("thee") last.
        assert "Buurthuis De Kroon" in search(phone, url, "activiteiten breien rijwielherstel")
        titles = search(phone, url, "thee activiteiten rijwielherstel")
        assert "Buurtkamer Zonnebloem" not in titles and "Buurthuis De Kroon" in titles
        # Never zero results for a word on the site that the budget left out.
        assert search(phone, url, "qwerty xylofoon breien") == ["Buurtkamer Zonnebloem"]
        assert search(phone, url, "xylofoon grasmaaien") == ["Groene Vingers"]  # its synonym is a third chunk
        with_chunks_of(5.0)  # small chunks: more of them fit
        titles = search(phone, url, "breien thee rijwielherstel activiteiten")
        assert {"Buurtkamer Zonnebloem", "Rijwielherstel De Spaak", "Buurthuis De Kroon"} <= set(titles)
    finally:
        server.shutdown()
