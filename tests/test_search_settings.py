"""The index settings in search/settings.yaml, checked as data (no server needed)."""

import json

import pytest

from builders import PROJECT_SYNONYMS, model_dataset
from wegwijzer.records.vocab import STOP_WORDS
from wegwijzer.search.documents import build_documents
from wegwijzer.search.settings import described_settings, index_settings, load_base_settings, primary_key

# Setting names the installed meilisearch-python documents for update_settings (see
# Index.update_settings); a misspelt name would fail the settings task on the server.
KNOWN_SETTINGS = {
    "rankingRules", "distinctAttribute", "searchableAttributes", "displayedAttributes", "stopWords",
    "synonyms", "filterableAttributes", "sortableAttributes", "typoTolerance", "pagination", "faceting",
    "dictionary", "separatorTokens", "nonSeparatorTokens", "embedders", "searchCutoffMs",
    "proximityPrecision", "localizedAttributes", "foreignKeys",
}
DEFAULT_RULES = {"words", "typo", "proximity", "attribute", "sort", "exactness"}


@pytest.fixture(scope="module")
def settings():
    return index_settings(synonyms_path=PROJECT_SYNONYMS)


@pytest.fixture(scope="module")
def fields():
    names = set()
    for doc in build_documents(model_dataset()):
        names.update(doc)
    return names


def test_only_known_setting_names(settings):
    assert set(settings) <= KNOWN_SETTINGS
    assert primary_key() == "id"
    assert "primaryKey" not in settings  # an index option, not a setting


def test_searchable_attributes_in_relevance_order(settings):
    assert settings["searchableAttributes"][:5] == ["naam", "trefwoorden", "samenvatting", "aanbieder", "beschrijving"]
    assert len(set(settings["searchableAttributes"])) == len(settings["searchableAttributes"])


def test_every_configured_attribute_exists_in_the_documents(settings, fields):
    for key in ("searchableAttributes", "filterableAttributes", "sortableAttributes"):
        missing = [a for a in settings[key] if a not in fields]
        assert not missing, f"{key} names fields no document has: {missing}"


def test_facets_and_geo(settings):
    for facet in ("route", "themas", "doelgroepen", "kernen", "toegang", "kosten", "status", "soort"):
        assert facet in settings["filterableAttributes"]
    assert "_geo" in settings["filterableAttributes"] and "_geo" in settings["sortableAttributes"]
    # "sort" is needed for _geoPoint sorting; a stopped record (actief 0) ranks after every active one
    assert settings["rankingRules"][0] == "actief:desc" and set(settings["rankingRules"][1:]) == DEFAULT_RULES


def test_dutch_and_typos(settings):
    assert settings["localizedAttributes"] == [{"attributePatterns": ["*"], "locales": ["nld"]}]
    typo = settings["typoTolerance"]
    assert typo["enabled"] is True
    assert {"postcodes", "telefoon"} <= set(typo["disableOnAttributes"])
    assert set(typo["disableOnAttributes"]) <= set(settings["searchableAttributes"])
    sizes = typo["minWordSizeForTypos"]
    assert 0 < sizes["oneTypo"] <= sizes["twoTypos"]


def test_stop_words_are_lowercase_dutch_and_never_a_synonym(settings):
    stop = settings["stopWords"]
    assert stop == [w.lower() for w in stop] and len(stop) == len(set(stop))
    assert {"de", "het", "een"} <= set(stop)
    for word in ("alleen", "hulp", "zelf", "samen", "geen", "niet"):
        assert word not in stop, f"'{word}' is a word residents search with"
    assert not set(stop) & set(settings["synonyms"])


def test_synonyms_are_mutual_and_include_the_issue_examples(settings):
    syn = settings["synonyms"]
    for word, others in syn.items():
        assert word not in others
        for other in others:
            assert word in syn[other], f"{word} -> {other} but not back"
    assert {"geldzorgen", "rood staan", "betalingsachterstand"} <= set(syn["schulden"])
    assert {"alleen", "contact"} <= set(syn["eenzaam"])
    assert "jeugdhulp" in syn["jeugdzorg"]


def test_settings_are_json(settings):
    assert json.loads(json.dumps(settings)) == settings


def test_settings_yaml_and_the_search_description_are_the_source(settings):
    base = load_base_settings()
    made_here = ("synonyms", "stopWords")  # from search/synoniemen.yaml and records/vocab.py
    described = described_settings(base["typoTolerance"])  # from search/fields.py
    assert {k: v for k, v in settings.items() if k not in made_here} == {
        **{k: v for k, v in base.items() if k != "primaryKey"}, **described}
    assert settings["stopWords"] == list(STOP_WORDS)
