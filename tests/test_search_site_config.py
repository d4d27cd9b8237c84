"""What the search page gets in #zoek-config: environment, mkdocs.yml, .wegwijzer/meili.json.

search/siteconfig.py is the one place that decides; the plugin and the page only pass
its answer on. Full builds with these settings are in tests/test_browser_meili_fallback.py
and tests/test_search_secrets.py.
"""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest

from wegwijzer.search.fields import RETRIEVED
from wegwijzer.search.siteconfig import (
    SearchConfigError,
    SecretLeak,
    page_search_config,
    site_search_config,
    write_site_config,
)
from wegwijzer.site import render

MASTER = "meester-" + "ab12" * 8
YML = {"meili_url": "https://zoek.yml.example", "meili_search_key": "zoek-uit-yml", "meili_index": "yml-index"}


@pytest.fixture
def meili_json(tmp_path):
    return write_site_config(tmp_path / ".wegwijzer" / "meili.json", "https://zoek.bestand.example", "bestand-index",
                             "zoek-uit-bestand")


def test_nothing_configured_means_pagefind_only(tmp_path):
    assert site_search_config({}, tmp_path / "geen.json") is None
    assert page_search_config({}, tmp_path / "geen.json") == {}
    assert page_search_config({}, tmp_path / "geen.json", configured={}) == {}


def test_the_file_from_wegwijzer_index_is_picked_up(meili_json):
    assert page_search_config({}, meili_json) == {"backend": "meilisearch", "url": "https://zoek.bestand.example",
                                                  "index": "bestand-index", "key": "zoek-uit-bestand",
                                                  "velden": list(RETRIEVED)}


def test_mkdocs_yml_beats_the_file(meili_json):
    assert page_search_config({}, meili_json, configured=YML) == {
        "backend": "meilisearch", "url": "https://zoek.yml.example", "index": "yml-index", "key": "zoek-uit-yml",
        "velden": list(RETRIEVED)}


def test_environment_beats_mkdocs_yml_and_the_file(meili_json):
    env = {"MEILI_URL": "https://zoek.env.example/", "MEILI_SEARCH_KEY": "zoek-uit-env", "MEILI_INDEX": "env-index"}
    assert page_search_config(env, meili_json, configured=YML) == {
        "backend": "meilisearch", "url": "https://zoek.env.example", "index": "env-index", "key": "zoek-uit-env",
        "velden": list(RETRIEVED)}


def test_each_value_from_the_first_place_that_has_it(meili_json):
    env = {"MEILI_SEARCH_KEY": "zoek-uit-env"}
    found = page_search_config(env, meili_json, configured={"meili_url": "https://zoek.yml.example"})
    assert found == {"backend": "meilisearch", "url": "https://zoek.yml.example", "index": "bestand-index",
                     "key": "zoek-uit-env", "velden": list(RETRIEVED)}


def test_index_defaults_to_wegwijzer(tmp_path):
    found = page_search_config({}, tmp_path / "geen.json", configured={"meili_url": "http://127.0.0.1:7700",
                                                                       "meili_search_key": "k"})
    assert found["index"] == "wegwijzer"


@pytest.mark.parametrize("where", ["env", "yml", "file"])
def test_a_search_key_equal_to_the_master_key_is_refused(tmp_path, where):
    env = {"MEILI_MASTER_KEY": MASTER, "MEILI_URL": "https://zoek.example"}
    path = tmp_path / "geen.json"
    configured = {}
    if where == "env":
        env["MEILI_SEARCH_KEY"] = MASTER
    elif where == "yml":
        configured = {"meili_search_key": MASTER}
    else:
        path = tmp_path / "meili.json"
        path.write_text(json.dumps({"url": "https://zoek.example", "search_key": MASTER}), encoding="utf-8")
    with pytest.raises(SecretLeak) as err:
        page_search_config(env, path, configured=configured)
    assert "master key" in str(err.value) and MASTER not in str(err.value)


def test_the_master_key_in_the_environment_alone_is_fine(meili_json):
    found = page_search_config({"MEILI_MASTER_KEY": MASTER}, meili_json)
    assert found["key"] == "zoek-uit-bestand" and MASTER not in json.dumps(found)


@pytest.mark.parametrize("setting", ["meili_master_key", "master_key", "url"])
def test_unknown_mkdocs_settings_are_refused(tmp_path, setting):
    with pytest.raises(SearchConfigError) as err:
        page_search_config({}, tmp_path / "geen.json", configured={setting: "x"})
    assert setting in str(err.value) and "meili_url" in str(err.value)


def test_a_url_in_mkdocs_yml_without_a_key_is_an_error(tmp_path):
    with pytest.raises(SearchConfigError):
        page_search_config({}, tmp_path / "geen.json", configured={"meili_url": "https://zoek.example"})


@pytest.mark.parametrize("url", ["javascript:alert(1)", "zoek.example", "ftp://zoek.example",
                                 "https://user:pw@zoek.example", "https://zoek.example/?x=1"])
def test_only_plain_http_urls(tmp_path, url):
    with pytest.raises(SearchConfigError):
        page_search_config({"MEILI_URL": url, "MEILI_SEARCH_KEY": "k"}, tmp_path / "geen.json")


def test_index_names_are_checked(tmp_path):
    with pytest.raises(SearchConfigError):
        page_search_config({"MEILI_URL": "https://z.example", "MEILI_SEARCH_KEY": "k", "MEILI_INDEX": "a/../b"},
                           tmp_path / "geen.json")


# --- the page ------------------------------------------------------------------------------


def search_page(config):
    contact = SimpleNamespace(telefoon=None, email=None, website=None)
    gemeente = SimpleNamespace(naam="Beekdaelen", kernen=("Sint Joost", "Hulsberg"), contact=contact, crisis=())
    ctx = SimpleNamespace(dataset=SimpleNamespace(gemeente=gemeente), search_language={})
    return render.search_page(ctx, "zoeken/", config)


def zoek_config(html):
    return json.loads(html.split('<script type="application/json" id="zoek-config">')[1].split("</script>")[0])


def test_page_config_is_script_safe():
    nasty = '</script><script>alert(1)</script><!--&'
    config = {"backend": "meilisearch", "url": "https://zoek.example", "index": "wegwijzer", "key": nasty}
    html = search_page(config)
    # labels, config, language data and the two page scripts: nothing breaks out
    assert html.count("</script>") == 5
    assert "<script>alert" not in html and "<!--" not in html
    assert zoek_config(html)["key"] == nasty


def zoek_labels(html):
    return json.loads(html.split('<script type="application/json" id="zoek-labels">')[1].split("</script>")[0])


def test_kern_filter_values_are_the_index_slugs_and_the_page_preconnects():
    config = {"backend": "meilisearch", "url": "https://zoek.example/meili", "index": "wegwijzer", "key": "k"}
    html = search_page(config)
    assert zoek_labels(html)["kern"] == {"sint-joost": "Sint Joost", "hulsberg": "Hulsberg"}
    assert html.startswith('<link rel="preconnect" href="https://zoek.example" crossorigin>')


def test_page_without_config():
    html = search_page({})
    assert zoek_config(html) == {} and "preconnect" not in html
