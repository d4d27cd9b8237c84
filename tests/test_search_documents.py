"""Search documents against Meilisearch's documented limits (no server needed).

Limits from Meilisearch's documentation: a document id is a string of a-z A-Z 0-9 - _
of at most 511 bytes; `_geo` is {"lat": number, "lng": number}; every single value of a
filterable attribute is at most 468 bytes.
"""

import json
import re
from types import SimpleNamespace

import pytest

from builders import DEMO_DATA, REPO, model_dataset, synthetic_module
from wegwijzer.cli import main
from wegwijzer.records import vocab
from wegwijzer.records.dataset import load_dataset
from wegwijzer.search import documents as D
from wegwijzer.search.settings import index_settings
from wegwijzer.urls import info_pages

ID_RULE = re.compile(r"^[a-zA-Z0-9_-]{1,}$")
FILTERABLE = [f for f in index_settings()["filterableAttributes"] if f != "_geo"]


def assert_within_limits(docs):
    ids = [d["id"] for d in docs]
    assert len(ids) == len(set(ids)), "document ids must be unique"
    for doc in docs:
        assert ID_RULE.match(doc["id"]), doc["id"]
        assert len(doc["id"].encode("utf-8")) <= 511
        if "_geo" in doc:
            geo = doc["_geo"]
            assert set(geo) == {"lat", "lng"}
            assert all(isinstance(geo[k], float) for k in geo)
            assert -90 <= geo["lat"] <= 90 and -180 <= geo["lng"] <= 180
        for name in FILTERABLE:
            value = doc.get(name)
            for v in value if isinstance(value, list) else [value]:
                if isinstance(v, str):
                    assert len(v.encode("utf-8")) <= 468, (doc["id"], name)
        json.dumps(doc)  # JSON-ready
    assert D.document_problems(docs, FILTERABLE + ["_geo"]) == []


# --- the model dataset -----------------------------------------------------------------------


def test_one_document_per_record_face_and_article():
    article = SimpleNamespace(slug="hulp-bij-schulden", title="Hulp bij schulden", samenvatting="Wat je zelf doet.",
                              themas=("geld", "onbekend"), body="# Kop\n\nBel **snel** [ons](https://x.example).")
    docs = D.build_documents(model_dataset(), [article])
    assert [d["id"] for d in docs] == ["voorziening-hoeskamer-schinveld", "voorziening-schuldhulp",
                                       "gezicht-anne-voorbeeld", "artikel-hulp-bij-schulden",
                                       "pagina-een-loket", "pagina-klachten", "pagina-spreekuren"]
    assert [d["soort"] for d in docs] == ["voorziening", "voorziening", "gezicht", "artikel"] + ["pagina"] * 3
    art = docs[3]
    assert art["url"] == "artikelen/hulp-bij-schulden/"
    assert art["themas"] == ["geld"]  # unknown themes are not filter values
    assert "**" not in art["beschrijving"] and "https" not in art["beschrijving"]
    assert "ons" in art["beschrijving"]
    assert_within_limits(docs)


def test_urls_match_the_site():
    docs = {d["id"]: d for d in D.build_documents(model_dataset())}
    assert docs["voorziening-hoeskamer-schinveld"]["url"] == "samen-doen/hoeskamer-schinveld/"
    assert docs["voorziening-schuldhulp"]["url"] == "laten-doen/schuldhulp/"
    assert docs["gezicht-anne-voorbeeld"]["url"] == "gezichtenkaart/anne-voorbeeld/"  # the face's own page


def test_geo_comes_from_the_first_location_with_coordinates():
    docs = {d["id"]: d for d in D.build_documents(model_dataset())}
    assert docs["voorziening-hoeskamer-schinveld"]["_geo"] == {"lat": 50.9704, "lng": 5.9801}
    assert "_geo" not in docs["voorziening-schuldhulp"]  # no location: no _geo at all (not null)


def test_facet_values_are_slugs_with_searchable_labels():
    doc = D.build_documents(model_dataset())[0]
    assert doc["route"] == "samen"
    assert doc["themas"] == ["ontmoeten"] and doc["themas_labels"] == [vocab.THEMAS["ontmoeten"]]
    assert doc["kernen"] == ["schinveld"] and doc["kernen_labels"] == ["Schinveld"]
    assert doc["toegang"] == "vrij" and doc["kosten"] == "gratis" and doc["status"] == "actief"


def test_absent_kernen_and_doelgroepen_mean_everyone():
    doc = D.build_documents(model_dataset())[1]  # schuldhulp: no kernen, no doelgroepen
    assert doc["kernen"] == ["nuth", "sint-joost", "schinveld"]
    assert doc["doelgroepen"] == list(vocab.DOELGROEPEN)
    assert doc["kosten"] == "onbekend"


def test_phone_and_postcode_are_searchable_as_people_type_them():
    doc = D.build_documents(model_dataset())[0]
    assert doc["telefoon"] == ["045 123 45 67", "0451234567"]
    assert doc["postcodes"] == ["6451 AA", "6451AA"]


def test_markdown_and_raw_html_become_plain_text():
    doc = D.build_documents(model_dataset())[0]
    assert doc["beschrijving"] == "Elke dinsdag koffie. Zie de website. raw"


def test_face_borrows_themes_of_its_voorziening():
    face = D.build_documents(model_dataset())[2]
    assert face["themas"] == ["geld"]
    assert face["trefwoorden"] == ["Schulden", "Post"]
    assert face["telefoon"] == ["06 12345678", "0612345678"]


def test_truncate_bytes_never_splits_a_character():
    value = "é" * 300  # 600 bytes
    cut = D.truncate_bytes(value)
    assert len(cut.encode("utf-8")) <= 468 and cut == "é" * 234
    assert D.truncate_bytes("kort") == "kort"


def test_long_filter_values_are_truncated_to_468_bytes():
    record = model_dataset().voorzieningen[0]
    from dataclasses import replace
    long_kern = "Ä" + "x" * 600
    dataset = model_dataset()
    dataset.voorzieningen[0] = replace(record, kernen=(long_kern,), talen=("ł" * 400,))
    doc = D.build_documents(dataset)[0]
    assert len(doc["kernen"][0].encode()) <= 468 and len(doc["talen"][0].encode()) <= 468
    assert doc["kernen_labels"] == [long_kern]  # display text is kept whole
    assert_within_limits([doc])


@pytest.mark.parametrize("bad, fragment", [
    ({"id": "voorziening-café"}, "a-z, A-Z"),
    ({"id": "a b"}, "a-z, A-Z"),
    ({"id": "x" * 512}, "511 bytes"),
    ({"id": "ok", "_geo": {"lat": 50.9, "lon": 5.9}}, "_geo"),
    ({"id": "ok", "_geo": {"lat": "50.9", "lng": 5.9}}, "_geo"),
    ({"id": "ok", "_geo": {"lat": 95.0, "lng": 5.9}}, "_geo"),
    ({"id": "ok", "themas": ["x" * 469]}, "468 bytes"),
])
def test_document_problems_catch_every_limit(bad, fragment):
    problems = D.document_problems([bad], FILTERABLE)
    assert problems and fragment in problems[0]


def test_document_problems_catch_duplicate_ids():
    assert "twee keer" in D.document_problems([{"id": "a"}, {"id": "a"}])[0]


# --- the demo data and generated data -------------------------------------------------------------

def test_demo_data_documents_are_within_limits():
    dataset, collector = load_dataset(DEMO_DATA)
    assert not collector.errors
    docs = D.build_documents(dataset)
    assert len(docs) == len(dataset.voorzieningen) + len(dataset.gezichten) + len(info_pages(dataset.gemeente))
    for record in dataset.voorzieningen:
        assert any(d["url"] == f"{vocab.ROUTE_SLUGS[record.route]}/{record.id}/" for d in docs)
    assert any("_geo" in d for d in docs), "the demo has coordinates; some documents must have _geo"
    assert_within_limits(docs)


def test_index_dry_run_writes_documents_and_settings_for_the_demo(tmp_path, capsys):
    out = tmp_path / "zoek"
    assert main(["index", "--dry-run", str(out), str(DEMO_DATA), "--content", str(REPO / "content")]) == 0
    docs = json.loads((out / "documents.json").read_text(encoding="utf-8"))
    settings = json.loads((out / "settings.json").read_text(encoding="utf-8"))
    assert isinstance(docs, list) and docs
    assert_within_limits(docs)
    assert "_geo" in settings["filterableAttributes"] and "_geo" in settings["sortableAttributes"]
    assert settings["synonyms"]
    assert "geen server" in capsys.readouterr().out


def test_index_dry_run_refuses_data_with_errors(tmp_path, capsys):
    data = tmp_path / "data"
    data.mkdir()
    (data / "gemeente.yaml").write_text("naam: X\n", encoding="utf-8")  # misses required fields
    assert main(["index", "--dry-run", str(tmp_path / "out"), str(data)]) == 1
    assert not (tmp_path / "out" / "documents.json").exists()
    assert "niets geïndexeerd" in capsys.readouterr().err


synthetic = synthetic_module()


def test_index_dry_run_for_500_generated_records(tmp_path):
    """10,000 records take longer than a unit test should (loading dominates): see
    benchmarks/bench_search_documents.py, which checks the same limits at 10,000."""
    synthetic.write_dataset(tmp_path / "data", 500, 40, seed=7)
    assert main(["index", "--dry-run", str(tmp_path / "out"), str(tmp_path / "data"), "--content",
                 str(tmp_path / "geen-content")]) == 0
    docs = json.loads((tmp_path / "out" / "documents.json").read_text(encoding="utf-8"))
    assert sum(d["soort"] == "voorziening" for d in docs) <= 500
    assert sum(d["soort"] == "gezicht" for d in docs) == 40
    assert_within_limits(docs)


# --- each document, field by field (what settings.yaml and zoeken.js read) ---------------------------

ALL_GROUPS = ["kinderen", "jongeren", "ouders", "volwassenen", "ouderen", "mantelzorgers", "nieuwkomers", "beperking"]
ALL_GROUP_LABELS = ["Kinderen (0–12)", "Jongeren (12–23)", "Ouders en opvoeders", "Volwassenen", "Ouderen",
                    "Mantelzorgers", "Nieuwkomers", "Mensen met een beperking"]


def _model_documents():
    import dataclasses

    from builders import model_dataset
    from wegwijzer.records.articles import Article
    from wegwijzer.records.model import Contact, Phone
    dataset = model_dataset()
    hoeskamer, schuldhulp = dataset.voorzieningen
    hoeskamer = dataclasses.replace(
        hoeskamer, aanmelden="Loop binnen.", kosten_toelichting="Koffie is gratis.", wet="Wmo", talen=("nl", "li"),
        contact=Contact(telefoon=Phone("045 123 45 67", "+31451234567"), whatsapp=Phone("06 11111111", "+31611111111")))
    alone = dataclasses.replace(dataset.gezichten[0], id="bert", naam="Bert", voorziening=None, bereikbaar="Ma-vr.",
                                kernen=("Nuth",), vragen=())
    dataset = dataclasses.replace(dataset, voorzieningen=[hoeskamer, schuldhulp],
                                  gezichten=[alone, dataset.gezichten[0]])
    article = Article("grip-op-geld", "Grip op je geld", "Zo begin je.", ("geld", "onbekend-thema"),
                      "# Kop\n\nLees [dit](https://a.example) en *dat*.\n\n<b>x</b>")
    return {d["id"]: d for d in D.build_documents(dataset, [article])}


def _without_stems(doc: dict) -> dict:
    """The document without the fields with_stems() adds (tested on their own below)."""
    return {k: v for k, v in doc.items() if k not in ("stammen", "actief")}


def test_documents_carry_the_lemmas_of_their_words_and_whether_they_are_active():
    """Meilisearch has no Dutch stemming: `stammen` holds every word's dictionary form, so the
    page's 'liep' (asked as 'lopen') finds 'loop'; `actief` puts stopped records last."""

    docs = _model_documents()
    hoeskamer = docs["voorziening-hoeskamer-schinveld"]
    assert {"lopen", "huiskamer", "koffie", "dinsdag"} <= set(hoeskamer["stammen"])  # "Loop binnen."
    assert not {"de", "het", "een"} & set(hoeskamer["stammen"])  # no stop words
    assert hoeskamer["actief"] == 1
    stopped = D.with_stems(dict(hoeskamer, status="gestopt"))
    assert stopped["actief"] == 0


def test_every_field_of_a_full_record_document():
    assert _without_stems(_model_documents()["voorziening-hoeskamer-schinveld"]) == {
        "id": "voorziening-hoeskamer-schinveld", "soort": "voorziening",
        "record_id": "hoeskamer-schinveld", "url": "samen-doen/hoeskamer-schinveld/", "naam": "Hoeskamer Schinveld",
        "samenvatting": "Een huiskamer in het dorp.", "trefwoorden": ["koffie", "eenzaam"],
        "aanbieder": "Stichting Welzijn", "beschrijving": "Elke dinsdag koffie. Zie de website. raw",
        "aanmelden": "Loop binnen.", "kosten_toelichting": "Koffie is gratis.",
        "route": "samen", "toegang": "vrij",
        "themas": ["ontmoeten"], "themas_labels": ["Ontmoeten en meedoen"],
        "doelgroepen": ["ouderen"], "doelgroepen_labels": ["Ouderen"],
        "kernen": ["schinveld"], "kernen_labels": ["Schinveld"],
        "kosten": "gratis", "status": "actief",
        "wet": ["Wmo"], "talen": ["nl", "li"],
        "locaties": ["Zonder coördinaten, Schinveld", "De Aod Sjoel, Kerkstraat 1, 6451 AA Schinveld"],
        "plaatsen": ["Schinveld"], "postcodes": ["6451 AA", "6451AA"],
        "telefoon": ["045 123 45 67", "0451234567", "06 11111111", "0611111111"],
        "gecontroleerd": "2026-09-01", "_geo": {"lat": 50.9704, "lng": 5.9801}, "extra": []}


def test_every_field_of_a_minimal_record_document():
    assert _without_stems(_model_documents()["voorziening-schuldhulp"]) == {
        "id": "voorziening-schuldhulp", "soort": "voorziening", "record_id": "schuldhulp",
        "url": "laten-doen/schuldhulp/", "naam": "Schuldhulpverlening", "samenvatting": "Hulp bij schulden.",
        "trefwoorden": [], "aanbieder": "", "beschrijving": "", "aanmelden": "Bel de gemeente.",
        "kosten_toelichting": "", "route": "laten", "toegang": "verwijzing", "themas": ["geld"],
        "themas_labels": ["Geld, schulden en formulieren"],
        "doelgroepen": ALL_GROUPS, "doelgroepen_labels": ALL_GROUP_LABELS,
        "kernen": ["nuth", "sint-joost", "schinveld"], "kernen_labels": ["Nuth", "Sint Joost", "Schinveld"],
        "kosten": "onbekend", "status": "actief", "wet": [], "talen": [], "locaties": [], "plaatsen": [],
        "postcodes": [],
        "telefoon": [], "gecontroleerd": "2026-09-01", "extra": []}


def test_every_field_of_face_and_article_documents():
    docs = _model_documents()
    assert list(docs) == ["voorziening-hoeskamer-schinveld", "voorziening-schuldhulp", "gezicht-anne-voorbeeld",
                          "gezicht-bert", "artikel-grip-op-geld", "pagina-een-loket", "pagina-klachten",
                          "pagina-spreekuren"]  # records, then faces and articles by id, then the gemeente's pages
    assert _without_stems(docs["gezicht-anne-voorbeeld"]) == {
        "id": "gezicht-anne-voorbeeld", "soort": "gezicht",
        "record_id": "anne-voorbeeld",
        "url": "gezichtenkaart/anne-voorbeeld/", "naam": "Anne Voorbeeld",
        "samenvatting": "Schuldhulpverlener bij Gemeente", "trefwoorden": ["Schulden", "Post"], "aanbieder": "Gemeente",
        "beschrijving": "", "themas": ["geld"], "themas_labels": ["Geld, schulden en formulieren"],
        "doelgroepen": ALL_GROUPS, "doelgroepen_labels": ALL_GROUP_LABELS,
        "kernen": ["nuth", "sint-joost", "schinveld"], "kernen_labels": ["Nuth", "Sint Joost", "Schinveld"],
        "status": "actief",
        "telefoon": ["06 12345678", "0612345678"], "gecontroleerd": "2026-09-01", "extra": []}
    bert = docs["gezicht-bert"]
    assert (bert["themas"], bert["themas_labels"], bert["doelgroepen"]) == ([], [], ALL_GROUPS)
    assert (bert["kernen"], bert["kernen_labels"], bert["beschrijving"]) == (["nuth"], ["Nuth"], "Ma-vr.")
    assert _without_stems(docs["artikel-grip-op-geld"]) == {
        "id": "artikel-grip-op-geld", "soort": "artikel", "record_id": "grip-op-geld",
        "url": "artikelen/grip-op-geld/", "naam": "Grip op je geld", "samenvatting": "Zo begin je.",
        "trefwoorden": [], "beschrijving": "Kop Lees dit en dat. x", "themas": ["geld"],
        "themas_labels": ["Geld, schulden en formulieren"], "route": "zelf",
        "status": "actief"}


def test_every_field_of_the_gemeentes_own_pages():
    """/een-loket/, /klachten/ and /spreekuren/ (made from gemeente.yaml): for everyone, everywhere,
    found by their own words and, for the front door, by its name."""
    import dataclasses

    from builders import model_dataset
    from wegwijzer.records.model import FrontDoor
    docs = _model_documents()
    assert _without_stems(docs["pagina-een-loket"]) == {
        "id": "pagina-een-loket", "soort": "pagina", "record_id": "een-loket",
        "url": "een-loket/", "naam": "Eén loket voor hulp en zorg",
        "samenvatting": "Eén keer bellen, mailen of langskomen. Je vertelt je verhaal één keer en houdt één "
                        "contactpersoon.",
        "trefwoorden": ["loket", "voordeur", "aanmelden", "hulp vragen", "bellen", "whatsapp", "binnenlopen",
                        "huisbezoek", "keukentafelgesprek", "cliëntondersteuning"],
        "doelgroepen": ALL_GROUPS, "doelgroepen_labels": ALL_GROUP_LABELS,
        "kernen": ["nuth", "sint-joost", "schinveld"], "kernen_labels": ["Nuth", "Sint Joost", "Schinveld"],
        "status": "actief"}
    assert [(d["url"], d["naam"], d["trefwoorden"][0]) for d in (docs["pagina-klachten"], docs["pagina-spreekuren"])
            ] == [("klachten/", "Klachten en bezwaar", "klacht"), ("spreekuren/", "Spreekuren deze week", "spreekuur")]
    named = model_dataset()
    named = dataclasses.replace(named, gemeente=dataclasses.replace(named.gemeente,
                                                                    loket=FrontDoor(naam="Sociaal Team Dalveld")))
    [door] = [d for d in D.build_documents(named) if d["id"] == "pagina-een-loket"]
    assert door["trefwoorden"][-1] == "Sociaal Team Dalveld"
    assert not [d for d in D.build_documents(dataclasses.replace(named, gemeente=None)) if d["soort"] == "pagina"]


def test_a_filter_value_is_cut_at_a_character_boundary():
    assert D.truncate_bytes("a" * 468) == "a" * 468
    assert D.truncate_bytes("a" + "é" * 300) == "a" + "é" * 233  # 467 bytes: half an é is dropped, not kept
    assert D.truncate_bytes("abc", 2) == "ab"
    assert D.plain_text(None) == "" and D.plain_text("") == ""
