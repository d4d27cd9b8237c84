"""The one search description (search/fields.py) against what is really made and sent, both ways:
the documents and settings of `wegwijzer index --dry-run` on the demo, the Pagefind markup of the
built pages, and what the search page asks Meilisearch for (site/assets/zoeken.js)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from builders import CLI_TIMEOUT, DEMO_DATA, REPO
from wegwijzer.search import fields
from wegwijzer.search.settings import load_base_settings
from wegwijzer.search.siteconfig import page_search_config

ZOEKEN_JS = REPO / "src" / "wegwijzer" / "site" / "assets" / "zoeken.js"


@pytest.fixture(scope="module")
def dry_run(tmp_path_factory):
    """(documents, settings) as `wegwijzer index --dry-run` writes them for the demo data."""
    out = tmp_path_factory.mktemp("dry")
    proc = subprocess.run([sys.executable, "-m", "wegwijzer", "index", "--dry-run", str(out), str(DEMO_DATA)],
                          cwd=REPO, capture_output=True, text=True, timeout=CLI_TIMEOUT * 6)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    documents = json.loads((out / "documents.json").read_text(encoding="utf-8"))
    settings = json.loads((out / "settings.json").read_text(encoding="utf-8"))
    return documents, settings


def test_every_document_field_is_described_and_every_described_field_is_made(dry_run):
    documents, _ = dry_run
    made = {name for document in documents for name in document}
    assert made - set(fields.FIELDS) == set(), "document fields search/fields.py does not describe"
    assert set(fields.FIELDS) - made == set(), "described fields no demo document has"


def test_no_field_is_written_for_nobody():
    """Dead fields go: each field is searched, filtered, sorted, shown in a result, the primary
    key or the field a ranking rule reads."""
    ranking_fields = {rule.split(":")[0] for rule in load_base_settings()["rankingRules"] if ":" in rule}
    special = {load_base_settings()["primaryKey"], "_geo"} | ranking_fields
    unused = [f.name for f in fields.SEARCH_FIELDS
              if not (f.searched or f.filter or f.sortable or f.retrieved or f.name in special)]
    assert unused == []


def test_settings_follow_the_description(dry_run):
    _, settings = dry_run
    assert settings["searchableAttributes"] == [f.name for f in fields.SEARCH_FIELDS if f.searched]
    assert set(settings["filterableAttributes"]) == {f.name for f in fields.SEARCH_FIELDS if f.filter} | {"_geo"}
    assert set(settings["sortableAttributes"]) == {f.name for f in fields.SEARCH_FIELDS if f.sortable} | {"_geo"}
    assert settings["typoTolerance"]["disableOnAttributes"] == ["postcodes", "telefoon"]
    assert settings["typoTolerance"]["minWordSizeForTypos"] == {"oneTypo": 5, "twoTypos": 9}  # from settings.yaml
    for key in ("searchableAttributes", "filterableAttributes", "sortableAttributes"):
        assert key not in load_base_settings(), f"{key} is written twice: settings.yaml and search/fields.py"


def test_stemmed_fields_are_searched_text():
    for name in fields.STEMMED:
        assert fields.FIELDS[name].searched and name != "stammen"


def _js_list(source: str, name: str) -> list[str]:
    found = re.search(name + r":\s*\[([^\]]*)\]", source)
    assert found, f"{name} not found in zoeken.js"
    return re.findall(r'"([^"]+)"', found.group(1))


def test_the_search_page_asks_for_what_the_description_returns_and_filters():
    source = ZOEKEN_JS.read_text(encoding="utf-8")
    # What a hit returns comes from the page's config, which carries the description's list.
    assert "attributesToRetrieve: (this.cfg.velden" in source
    configured = page_search_config({}, Path("geen.json"), configured={
        "meili_url": "https://zoek.example", "meili_index": "i", "meili_search_key": "k"})
    assert configured["velden"] == list(fields.RETRIEVED)
    facets = _js_list(source, "facets")
    assert all(fields.FIELDS[name].filter for name in facets)
    # The page's filter names are Pagefind's; for Meilisearch it maps them to document fields.
    mapping = dict(re.findall(r'(\w+): "(\w+)"', re.search(r"MEILI_FIELDS = \{([^}]*)\}", source).group(1)))
    assert mapping == {fields.FIELDS[field].pagefind_filter: field for field in mapping.values()}


def test_pagefind_weights_on_a_built_record_page_are_the_described_ones(demo_site_dir):
    page = next(demo_site_dir.glob("*/*/index.html"))
    for path in demo_site_dir.glob("*/*/index.html"):
        if 'data-pagefind-meta="samenvatting"' in path.read_text(encoding="utf-8") and "ww-record" in \
                path.read_text(encoding="utf-8"):
            page = path
            break
    html = page.read_text(encoding="utf-8")
    described = {f.pagefind_weight for f in fields.SEARCH_FIELDS if f.pagefind_weight}
    used = set(re.findall(r'data-pagefind-weight="([^"]+)"', html))
    assert used and used <= described
    assert f'data-pagefind-weight="{fields.pagefind_weight("naam")}" data-pagefind-meta="title"' in html


def test_asking_for_an_undescribed_field_is_a_message():
    with pytest.raises(fields.UnknownSearchField):
        fields.pagefind_weight("telefoon")  # searched by Meilisearch only
    with pytest.raises(fields.UnknownSearchField):
        fields.pagefind_filter("wet")
