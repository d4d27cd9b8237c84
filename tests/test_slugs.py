"""One slug for a place name, everywhere: its page address, its Pagefind filter value,
its Meilisearch facet value and the search page's filter option."""

from __future__ import annotations

import json

import pytest

from builders import GEMEENTE_YAML, RECENT, build, write
from wegwijzer.search.documents import build_documents
from wegwijzer.text import nearest, slugify
from wegwijzer.urls import kern_slug

# Diacritics, apostrophes, hyphens, IJ, and Frisian and Limburgish place names.
NAMES = [
    ("Sint-Odiliënberg", "sint-odilienberg"),
    ("'s-Gravenvoeren", "s-gravenvoeren"),
    ("'t Zandt", "t-zandt"),
    ("Sint Joost", "sint-joost"),
    ("IJsselstein", "ijsselstein"),
    ("Wâlterswâld", "walterswald"),
    ("Eastermar", "eastermar"),
    ("Aldeboarn", "aldeboarn"),
    ("Snits (Sneek)", "snits-sneek"),
    ("Heële", "heele"),
    ("Kirchroa", "kirchroa"),
    ("Mestreech", "mestreech"),
    ("Zitterd-Gelaen", "zitterd-gelaen"),
    ("Noorbeek – Mheer", "noorbeek-mheer"),
    ("Groß Schönau", "gross-schonau"),
    ("Ærø", "aero"),
]


@pytest.mark.parametrize("name, slug", NAMES)
def test_slugify_keeps_letters_drops_accents_and_joins_words_with_dashes(name, slug):
    assert slugify(name) == slug
    assert kern_slug(name) == slug


def test_a_name_without_letters_or_digits_gets_the_fallback():
    assert slugify("'-'") == ""
    assert kern_slug("–") == "kern"


def test_nearest_ignores_case_and_returns_the_option_as_written():
    assert nearest("hulsbreg", ["Amstenrade", "Hulsberg"]) == "Hulsberg"
    assert nearest("zzz", ["Amstenrade", "Hulsberg"]) is None


def test_every_layer_uses_the_same_slug(tmp_path):
    kernen = [name for name, _ in NAMES[:8]]
    data = tmp_path / "voorzieningen"
    gemeente = GEMEENTE_YAML.replace("kernen: [Amstenrade, Hulsberg]", "kernen: " + json.dumps(kernen))
    write(data, "gemeente.yaml", gemeente)
    for i, kern in enumerate(kernen):
        write(data, f"inloop-{i}.yaml", f"""
            naam: Inloop {i}
            samenvatting: Een inloop in het dorp. Kom langs.
            route: samen
            toegang: vrij
            themas: [ontmoeten]
            kernen: [{json.dumps(kern)}]
            gecontroleerd: {RECENT}
        """)
    site = tmp_path / "site"
    result = build(data, site)
    assert result.ok, result.output

    from wegwijzer.records.dataset import load_dataset
    dataset, _ = load_dataset(data)
    facets = {doc["record_id"]: doc["kernen"] for doc in build_documents(dataset)}
    labels = json.loads((site / "zoeken" / "index.html").read_text(encoding="utf-8")
                        .split('id="zoek-labels">')[1].split("</script>")[0])["kern"]
    for i, (name, slug) in enumerate(NAMES[:8]):
        assert (site / "kern" / slug / "index.html").is_file(), slug  # the page address
        record = (site / "samen-doen" / f"inloop-{i}" / "index.html").read_text(encoding="utf-8")
        assert f'<span data-pagefind-filter="kern">{slug}</span>' in record  # Pagefind's filter
        assert f'href="../../kern/{slug}/"' in record  # the record links to its kern page
        assert facets[f"inloop-{i}"] == [slug]  # the Meilisearch facet
        assert labels[slug] == name  # the search page's filter option, shown by name
