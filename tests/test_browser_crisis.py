"""A resident in distress who types into the search sees the lines to call above the results,
in a real browser: in six languages, with filters that leave nothing, with the search server
down, and with the municipality's own line next to the national ones. Ordinary questions show
no crisis block."""

import pytest

from builders import GEMEENTE_YAML, build, small_dataset, write
from servers import serve

pytestmark = pytest.mark.browser

PWN = "<img src=x onerror=window.__pwned=1>"
OWN_LINE = f"""\
crisis:
  - naam: Crisisdienst Regio {PWN}
    telefoon: [045 577 88 99]
    soorten: [zelfdoding]
    chat: https://crisis.example/chat
    uitleg: Ook 's nachts. {PWN}
"""


def search(page, base, question, **filters):
    from urllib.parse import urlencode
    page.goto(base + "zoeken/?" + urlencode({"q": question, **filters}))
    page.wait_for_function("(() => { const s = document.getElementById('zoek-status').textContent;"
                           " return s && !s.startsWith('Bezig'); })()")


def shown_lines(page) -> list:
    """The names of the crisis lines shown, top to bottom (empty when the block is hidden)."""
    if not page.is_visible("#zoek-crisis"):
        return []
    return page.eval_on_selector_all("#zoek-crisis li:not([hidden]) .ww-crisis__name",
                                     "names => names.map(n => n.textContent.trim())")


def calls(page) -> list:
    return page.eval_on_selector_all("#zoek-crisis li:not([hidden]) a[href^='tel:']",
                                     "links => links.map(a => a.getAttribute('href'))")


@pytest.mark.parametrize("question, first", [
    ("ik wil niet meer leven", "113 Zelfmoordpreventie"),
    ("ik denk aan zelfmoort", "113 Zelfmoordpreventie"),  # a typo
    ("I want to kill myself", "113 Zelfmoordpreventie"),
    ("أريد أن أنتحر", "113 Zelfmoordpreventie"),
    ("intihar etmek istiyorum", "113 Zelfmoordpreventie"),
    ("chcę się zabić", "113 Zelfmoordpreventie"),
    ("я хочу покінчити з собою", "113 Zelfmoordpreventie"),
    ("mijn man slaat mij", "Veilig Thuis"),
    ("my husband hits me", "Veilig Thuis"),
    ("mijn vader slaat mijn broertje", "Veilig Thuis"),
])
def test_a_question_in_distress_shows_the_line_to_call_above_the_results(phone, demo_site, question, first):
    search(phone, demo_site, question)
    lines = shown_lines(phone)
    assert lines and lines[0] == first and lines[-1] == "112", lines
    crisis_box = phone.locator("#zoek-crisis").bounding_box()
    results_box = phone.locator("#zoek-status").bounding_box()
    assert crisis_box["y"] + crisis_box["height"] <= results_box["y"]  # above the results, not under them
    assert crisis_box["y"] < 844  # and on the first screen of a phone
    assert "tel:112" in calls(phone)
    assert phone.inner_text("#zoek-status").startswith("Bovenaan staan hulplijnen")


@pytest.mark.parametrize("question", [
    "ik wil stoppen met roken",
    "hulp bij schulden",
    "mijn moeder is dood, wie regelt de uitvaart",
    "help with debts",
    "de bal slaat tegen de muur",
])
def test_an_ordinary_question_shows_no_crisis_block(phone, demo_site, question):
    search(phone, demo_site, question)
    assert shown_lines(phone) == []
    assert not phone.inner_text("#zoek-status").startswith("Bovenaan")


def test_the_block_stays_when_filters_leave_no_results(phone, demo_site):
    search(phone, demo_site, "ik wil dood", route="zelf", toegang="beschikking", thema="wonen")
    assert shown_lines(phone)[0] == "113 Zelfmoordpreventie"


def test_tapping_a_line_calls_it(phone, demo_site):
    search(phone, demo_site, "ik wil niet meer leven")
    hrefs = calls(phone)
    assert hrefs[:2] == ["tel:113", "tel:08000113"]
    link = phone.locator("#zoek-crisis a[href='tel:113']")
    box = link.bounding_box()
    assert box["height"] >= 44 and box["width"] >= 44  # a thumb hits it
    assert link.inner_text() == "Bel 113"


def test_a_new_search_without_distress_hides_the_block(phone, demo_site):
    search(phone, demo_site, "ik wil dood")
    assert shown_lines(phone)
    phone.fill("#zoek-q", "koffie drinken")
    phone.press("#zoek-q", "Enter")
    phone.wait_for_function("document.getElementById('zoek-crisis').hidden")


@pytest.fixture(scope="module")
def own_line_site(tmp_path_factory, refusing_meili_port):
    """A municipality with its own crisis line (an attack string in its name), built for a
    Meilisearch that refuses every connection: (base URL)."""
    tmp = tmp_path_factory.mktemp("crisis-site")
    data = small_dataset(tmp / "voorzieningen")
    write(data, "gemeente.yaml", GEMEENTE_YAML + OWN_LINE)
    env = {"MEILI_URL": f"http://127.0.0.1:{refusing_meili_port}", "MEILI_SEARCH_KEY": "zoek-" + "ab12" * 8}
    result = build(data, tmp / "site", env=env)
    assert result.ok, result.output
    url, server = serve(tmp / "site")
    yield url
    server.shutdown()


@pytest.fixture(scope="module")
def refusing_meili_port():
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))  # bound, never listening: every connection is refused
        yield s.getsockname()[1]


def test_the_municipalitys_own_line_shows_with_the_national_ones_even_when_the_search_server_is_down(
        phone, own_line_site):
    search(phone, own_line_site, "ik wil niet meer leven")
    lines = shown_lines(phone)
    assert lines[:2] == ["113 Zelfmoordpreventie", f"Crisisdienst Regio {PWN}"]  # shown as text
    assert lines[-1] == "112"
    assert "tel:+31455778899" in calls(phone)
    assert phone.locator("#zoek-crisis a[href='https://crisis.example/chat']").count() == 1
    assert phone.evaluate("window.__pwned") is None
    assert "eenvoudige zoekfunctie" in phone.inner_text("#zoek-status")  # Pagefind answered instead
    # a kind the own line is not for: not shown
    search(phone, own_line_site, "mijn man slaat mij")
    assert f"Crisisdienst Regio {PWN}" not in shown_lines(phone)
