"""A resident who types in English, Arabic, Turkish, Polish or Ukrainian finds the Dutch record,
and a stopped record comes after every active one: in Chromium, on a small site whose records
this module writes (the shipped woordenboek does the translating), with Pagefind and with a
live Meilisearch."""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest

from builders import GEMEENTE_YAML, RECENT, build, write
from servers import index_and_build, serve

pytestmark = pytest.mark.browser

RECORDS = {
    "schuldhulp": ("Schuldhulp", "Hulp bij schulden en geldzorgen. Samen maken we een plan.", "geld"),
    "rolstoel": ("Uitleenpunt hulpmiddelen", "Leen een rolstoel of een rollator voor een paar weken.", "gezondheid"),
    "voedselbank": ("Voedselbank", "Een voedselpakket als je te weinig geld hebt voor eten.", "geld"),
    "telefooncirkel": ("Telefooncirkel", "Elke ochtend een belletje als je eenzaam bent of alleen woont.",
                       "ontmoeten"),
}
# A stopped record whose words match better than the active one's (its name says it twice).
STOPPED = ("Schulden en schuldhulp oud", "Schulden? Deze hulp bij schulden is gestopt.", "geld")

QUESTIONS = [  # (language, question, the record that answers it)
    ("en", "I have debts I cannot pay", "schuldhulp"),
    ("en", "where can I borrow a wheelchair", "rolstoel"),
    ("en", "I feel lonely", "telefooncirkel"),
    ("ar", "عندي ديون كثيرة", "schuldhulp"),
    ("ar", "أحتاج كرسي متحرك", "rolstoel"),
    ("tr", "borçlarımı ödeyemiyorum", "schuldhulp"),
    ("tr", "tekerlekli sandalye lazım", "rolstoel"),
    ("pl", "mam długi", "schuldhulp"),
    ("pl", "bank żywności", "voedselbank"),
    ("uk", "у мене борги", "schuldhulp"),
    ("uk", "продуктовий банк", "voedselbank"),
]


def dataset(folder):
    write(folder, "gemeente.yaml", GEMEENTE_YAML)
    for slug, (name, summary, theme) in {**RECORDS, "schuldhulp-oud": STOPPED}.items():
        status = "status: gestopt\n" if slug == "schuldhulp-oud" else ""
        write(folder, f"{slug}.yaml", f"naam: {name}\nsamenvatting: {summary}\nroute: laten\ntoegang: vrij\n"
                                      f"themas: [{theme}]\n{status}gecontroleerd: {RECENT}\n")
    return folder


@pytest.fixture(scope="module")
def pagefind_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("languages")
    result = build(dataset(tmp / "voorzieningen"), tmp / "site")
    assert result.ok, result.output
    url, server = serve(tmp / "site")
    yield url
    server.shutdown()


@pytest.fixture(scope="module")
def meili_site(meili, tmp_path_factory):
    import secrets

    tmp = tmp_path_factory.mktemp("languages-meili")
    uid = f"wegwijzer-talen-{secrets.token_hex(4)}"
    site, _ = index_and_build(meili, uid, tmp, data_dir=dataset(tmp / "voorzieningen"))
    url, server = serve(site)
    yield url
    server.shutdown()


@pytest.fixture(params=["pagefind", "meilisearch"])
def site(request):
    return request.getfixturevalue("pagefind_site" if request.param == "pagefind" else "meili_site")


def results(page, site, question):
    page.goto(site + "zoeken/?q=" + quote(question))
    page.wait_for_function("/resulta|Zoeken lukt/.test(document.getElementById('zoek-status').textContent)")
    assert "eenvoudige zoekfunctie" not in page.inner_text("#zoek-status")  # the backend under test answered
    return page.eval_on_selector_all("#zoek-resultaten li h3 a",
                                     "links => links.map(a => new URL(a.href).pathname.split('/').at(-2))")


@pytest.mark.parametrize("language, question, answer", QUESTIONS, ids=[f"{q[0]}-{i}" for i, q in enumerate(QUESTIONS)])
def test_a_question_in_another_language_finds_the_dutch_record(phone, site, language, question, answer):
    found = results(phone, site, question)
    assert answer in found[:3], found  # the first screen on a phone (the site's own article may come first)
    searched = phone.inner_text("#zoek-gezocht")  # the page says what it searched for, in Dutch
    assert searched.startswith("Gezocht op:") and phone.is_visible("#zoek-gezocht")


def test_a_stopped_record_comes_after_every_active_one(phone, site):
    found = results(phone, site, "schulden")
    assert "schuldhulp-oud" in found  # its page stays findable
    assert found.index("schuldhulp-oud") > found.index("schuldhulp")
    assert found[-1] == "schuldhulp-oud"


@pytest.fixture(scope="module")
def site_without_chunk_table(tmp_path_factory):
    """The budget at its tightest: without the chunk table in zoeken/delen.json every two-letter group of a word's
    first letters counts as an index chunk of its own, as on a large site."""
    tmp = tmp_path_factory.mktemp("languages-large")
    result = build(dataset(tmp / "voorzieningen"), tmp / "site")
    assert result.ok, result.output
    table = tmp / "site" / "zoeken" / "delen.json"
    table.write_text(json.dumps({**json.loads(table.read_text(encoding="utf-8")), "delen": []}), encoding="utf-8")
    url, server = serve(tmp / "site")
    yield url
    server.shutdown()


def test_the_need_in_a_long_story_is_searched_before_its_common_words(phone, site_without_chunk_table):
    # Four long site words in four other chunks come first in the question; the need ("debts")
    # comes last. Its concept takes the chunk budget first, so the story finds the debt help.
    for question in ("elke ochtend rollator voedselpakket belletje and my debts", "rollator debts"):
        found = results(phone, site_without_chunk_table, question)
        assert "schuldhulp" in found[:3], (question, found)
        assert "schulden" in phone.inner_text("#zoek-gezocht")
