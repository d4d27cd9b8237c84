"""The search page: shareable URLs, filters with counts, Dutch stemming, ranking."""

import re

import pytest

pytestmark = pytest.mark.browser


def wait_for_results(page):
    page.wait_for_function("document.getElementById('zoek-status').textContent.includes('resultat')")


def count(page):
    return int(page.inner_text("#zoek-status").split()[0])


def test_url_params_prefill_the_form_and_filter(phone, demo_site):
    phone.goto(demo_site + "zoeken/?q=hulp")
    wait_for_results(phone)
    all_hits = count(phone)
    phone.goto(demo_site + "zoeken/?q=hulp&route=laten&toegang=vrij")
    wait_for_results(phone)
    assert phone.input_value("#zoek-q") == "hulp"
    assert phone.input_value("#f-route") == "laten" and phone.input_value("#f-toegang") == "vrij"
    assert 0 < count(phone) < all_hits
    assert phone.locator("#zoek-resultaten .ww-badge--vrij").count() > 0
    # Faces of matching voorzieningen are results too; no other access level may appear.
    assert phone.locator("#zoek-resultaten .ww-badge--verwijzing, #zoek-resultaten .ww-badge--beschikking").count() == 0


def test_changing_a_filter_updates_the_url(phone, demo_site):
    phone.goto(demo_site + "zoeken/?q=geld")
    wait_for_results(phone)
    open_filters(phone)
    phone.select_option("#f-thema", "geld")
    phone.wait_for_function("location.search.includes('thema=geld')")
    wait_for_results(phone)
    assert "q=geld" in phone.url
    option = phone.locator("#f-thema option[value='geld']").inner_text()
    assert "(" in option  # counts shown next to each value
    assert phone.inner_text("#zoek-filters summary") == "Filters (1 gekozen)"


def test_filter_without_words(phone, demo_site):
    phone.goto(demo_site + "zoeken/?kern=Heukelrade")
    wait_for_results(phone)
    assert count(phone) > 0


def test_dutch_stemming_and_name_ranks_first(phone, demo_site):
    phone.goto(demo_site + "zoeken/?q=schulden")
    wait_for_results(phone)
    plural = count(phone)
    phone.goto(demo_site + "zoeken/?q=schuld")
    wait_for_results(phone)
    assert count(phone) > 0 and plural > 0
    phone.goto(demo_site + "zoeken/?q=voedselbank")
    wait_for_results(phone)
    first = phone.locator("#zoek-resultaten li h3").first.inner_text()
    assert "Voedselbank" in first


def test_faces_and_articles_are_found(phone, demo_site):
    phone.goto(demo_site + "zoeken/?q=mantelzorg")
    wait_for_results(phone)
    kinds = phone.locator("#zoek-resultaten .ww-route").all_inner_texts()
    assert "Artikel" in kinds


def test_header_search_leads_to_search_page(phone, demo_site):
    phone.goto(demo_site + "thema/geld/")
    phone.fill("#ww-header-q", "voedselbank")
    phone.press("#ww-header-q", "Enter")
    wait_for_results(phone)
    assert "/zoeken/" in phone.url and "q=voedselbank" in phone.url


def open_filters(page):
    """On a phone the filter panel starts closed: tap "Filters"."""
    page.click("#zoek-filters summary")
    page.wait_for_selector("#f-route", state="visible")


def option_count(page, select, value):
    """The count shown next to a filter option, once it is there ("Laten doen (12)")."""
    sel = f"#{select} option[value='{value}']"
    page.wait_for_function(f"/\\(\\d+\\)$/.test(document.querySelector(\"{sel}\").textContent)")
    text = page.locator(sel).inner_text()
    return text, int(re.search(r"\((\d+)\)$", text).group(1))


@pytest.mark.parametrize("select,value,label", [("f-route", "laten", "Laten doen"), ("f-thema", "geld", None),
                                                 ("f-doelgroep", "ouderen", None), ("f-toegang", "vrij", None)])
def test_every_search_shows_counts_that_match_the_filtered_results(phone, demo_site, select, value, label):
    phone.goto(demo_site + "zoeken/?q=hulp")
    wait_for_results(phone)
    open_filters(phone)
    text, n = option_count(phone, select, value)
    if label:
        assert text.startswith(label + " (")
    assert n > 0
    phone.select_option("#" + select, value)
    phone.wait_for_function(f"location.search.includes('={value}')")
    wait_for_results(phone)
    assert count(phone) == n
    # The counts follow the new search: the chosen value's count is now all results.
    assert option_count(phone, select, value)[1] == n


def test_a_phone_downloads_the_filter_counts_only_when_the_filters_open(phone, demo_site):
    requests = []
    phone.on("request", lambda r: requests.append(r.url))
    phone.goto(demo_site + "zoeken/?q=hulp")
    wait_for_results(phone)
    phone.wait_for_load_state("networkidle")
    assert not phone.is_visible("#f-route")  # results first, filters behind one tap
    assert not [u for u in requests if "/pagefind/filter/" in u]
    open_filters(phone)
    assert option_count(phone, "f-route", "laten")[1] > 0
    assert [u for u in requests if "/pagefind/filter/" in u]


def test_filters_start_open_with_counts_on_a_wide_screen_or_a_filtered_address(chromium, phone, demo_site):
    phone.goto(demo_site + "zoeken/?q=hulp&route=laten")
    wait_for_results(phone)
    assert phone.is_visible("#f-route") and phone.inner_text("#zoek-filters summary") == "Filters (1 gekozen)"
    assert option_count(phone, "f-route", "laten")[1] == count(phone)
    ctx = chromium.new_context(viewport={"width": 1280, "height": 800})
    try:
        desk = ctx.new_page()
        desk.goto(demo_site + "zoeken/?q=hulp")
        wait_for_results(desk)
        assert desk.is_visible("#f-route") and option_count(desk, "f-toegang", "vrij")[1] > 0
    finally:
        ctx.close()
