"""Every value from gemeente.yaml and mkdocs.yml that reaches a page is text, never markup.

A sample of the public attack corpus (tests/attacks/) goes into every text field of
gemeente.yaml, of a record and of a face card, and into every string of mkdocs.yml a theme
prints (site_name, site_description, site_author, copyright, repo_name, repo_url); each
field gets a payload that opens markup in each of the two sites, and one site takes its
name from gemeente.yaml's naam. Each site is built and every page is opened in Chromium,
without the Content-Security-Policy (which would hide a missing escape): no script may
run, no link may lead to a script, and each page must have exactly the elements and
attribute names of the same page built with harmless texts.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from attack_corpus import placeable, sample
from builders import build
from config_payloads import (
    PageReader,
    face,
    first_difference,
    gemeente,
    harmless,
    is_markup,
    payload_texts,
    record,
    site_pages,
    text_slots,
    write_project,
)
from servers import serve
from wegwijzer.records.schema.tables import FACE_FIELDS, GEMEENTE_FIELDS, VOORZIENING_FIELDS
from wegwijzer.urls import kern_slug

pytestmark = pytest.mark.browser


def _site(folder: Path, text_for, mkdocs_text_for, with_site_name: bool = True) -> tuple:
    config, kern = write_project(folder, text_for, mkdocs_text_for, with_site_name)
    result = build(folder / "voorzieningen", folder / "site", config_file=config)
    assert result.ok, result.output
    return folder / "site", kern


@pytest.fixture(scope="module")
def harmless_site(tmp_path_factory, chromium):
    """The site built with harmless texts: (its pages, the first kern, {page: skeleton})."""
    site, kern = _site(tmp_path_factory.mktemp("harmless"), harmless, harmless)
    url, server = serve(site)
    reader = PageReader(chromium)
    skeletons = {path: reader.read(url + path)["skeleton"] for path in site_pages(site)}
    reader.close()
    server.shutdown()
    return kern, skeletons


@pytest.mark.parametrize("fields, make", [(GEMEENTE_FIELDS, gemeente), (VOORZIENING_FIELDS, record),
                                          (FACE_FIELDS, face)], ids=["gemeente", "record", "face"])
def test_every_text_field_gets_a_payload_that_opens_markup(fields, make):
    values = make(payload_texts([p for p in sample() if placeable(p)]))
    slots = text_slots(fields)
    assert len(slots) >= 6
    for slot, _ in slots:
        assert is_markup(_field(values, slot)), slot


def _field(values: dict, dotted: str):
    for part in dotted.split("."):
        values = values[part.removesuffix("[]")]
        if part.endswith("[]"):
            values = values[0]
    return values


@pytest.mark.parametrize("half", [0, 1])
def test_no_value_from_the_data_or_mkdocs_yml_becomes_markup(chromium, harmless_site, tmp_path, half):
    payloads = [p for p in sample() if placeable(p)]
    chosen = payloads[half::2]  # each half of the sample in its own site
    site, kern = _site(tmp_path, payload_texts(chosen), payload_texts(list(reversed(chosen))), bool(half))
    base_kern, skeletons = harmless_site
    url, server = serve(site)
    reader = PageReader(chromium)
    try:
        pages = site_pages(site)
        expected = [p.replace(f"kern/{kern_slug(kern)}/", f"kern/{kern_slug(base_kern)}/") for p in pages]
        assert sorted(expected) == sorted(skeletons)  # the same pages, whatever the names
        for path, base_path in zip(pages, expected, strict=True):
            found = reader.read(url + path)
            assert found["ran"] == [] and found["script_links"] == [], (path, found["ran"], found["script_links"])
            assert found["prose"] == [], (path, found["prose"])
            wanted = skeletons[base_path]
            assert found["skeleton"] == wanted, (path, first_difference(found["skeleton"], wanted))
    finally:
        reader.close()
        server.shutdown()
