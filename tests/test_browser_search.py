"""The search page: shareable URLs, filters with counts, Dutch stemming, ranking."""

import re

import pytest

pytestmark = pytest.mark.browser


def wait_for_results(page):
    """Until the result line is there: "1 resultaat", "N resultaten" or "Geen resultaten"."""
    page.wait_for_function("document.getElementById('zoek-status').textContent.includes('resulta')")


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


@pytest.fixture(scope="module")
def documents():
    """The demo data's search documents (search/documents.py): the oracle for what a search must find."""
    from builders import CONTENT, DEMO_DATA, PROJECT_SYNONYMS
    from wegwijzer.search.reindex import prepare
    docs, _, _ = prepare(DEMO_DATA, CONTENT, PROJECT_SYNONYMS)
    return docs


def all_result_urls(page) -> list:
    """Every result of the search on the page, pressing "Meer resultaten" until all are shown."""
    total = count(page)
    while page.is_visible("#zoek-meer"):
        shown = page.locator("#zoek-resultaten li").count()
        page.click("#zoek-meer")
        page.wait_for_function(f"document.querySelectorAll('#zoek-resultaten li').length > {shown}")
    urls = page.eval_on_selector_all("#zoek-resultaten li h3 a", "links => links.map(a => a.href)")
    assert len(urls) == total
    return urls


def test_a_kern_filter_shows_exactly_the_kerns_records_and_those_for_the_whole_municipality(phone, demo_site,
                                                                                          documents):
    from collections import Counter
    # The kern that leaves out the most: the filter has something to prove.
    counts = Counter(k for d in documents for k in d.get("kernen", []))
    kern = min(counts, key=counts.get)
    label = next(d["kernen_labels"][d["kernen"].index(kern)] for d in documents if kern in d.get("kernen", []))
    expected = {demo_site + d["url"] for d in documents if kern in d.get("kernen", [])}
    left_out = {demo_site + d["url"] for d in documents if d["soort"] != "artikel"} - expected
    assert left_out, "every document is in this kern: the test would prove nothing"
    phone.goto(demo_site + "zoeken/?kern=" + label)  # the kern as it is written; the page finds its slug
    wait_for_results(phone)
    assert phone.input_value("#f-kern") == kern
    urls = all_result_urls(phone)
    assert sorted(urls) == sorted(expected)
    assert not left_out & set(urls)


TEXT_FIELDS = ("naam", "samenvatting", "aanbieder", "beschrijving", "aanmelden", "kosten_toelichting")


def words_of(doc) -> set:
    text = " ".join([*(doc.get(f) or "" for f in TEXT_FIELDS), *doc.get("trefwoorden", [])])
    return set(re.findall(r"\w+", text.lower()))


def test_dutch_stemming_finds_the_plural_with_the_singular(phone, demo_site, documents):
    """"schuld" finds the pages that say only "schulden" (Pagefind's Dutch stemmer alone does
    not: it makes "schulden" "schul"). The search page (zoeken.js) searches the group of
    search/synoniemen.yaml that holds the word's Dutch form ("schulden" for "schuld")."""
    # Pages that say "schulden" and never the word "schuld": only the plural leads to them.
    only_plural = {demo_site + d["url"] for d in documents
                   if "schulden" in words_of(d) and "schuld" not in words_of(d)}
    assert len(only_plural) >= 2, "too few pages say only 'schulden': the test would prove little"
    phone.goto(demo_site + "zoeken/?q=schuld")
    wait_for_results(phone)
    found = set(all_result_urls(phone))
    assert only_plural <= found, only_plural - found


@pytest.fixture(scope="module")
def site_without_synonyms(tmp_path_factory):
    """A small site of this module's own records, with a synonyms file that has no group for
    "schuld" or "schulden": what a municipality has that has not written such a group."""
    from builders import GEMEENTE_YAML, RECENT, build, project_config, write
    from servers import serve
    tmp = tmp_path_factory.mktemp("no-synonyms")
    data = tmp / "voorzieningen"
    write(data, "gemeente.yaml", GEMEENTE_YAML)
    for rid, naam, samenvatting in [
        ("geldpunt", "Geldpunt", "Hulp als je schulden hebt of je rekeningen niet kunt betalen."),
        ("budgetmaatje", "Budgetmaatje", "Een vrijwilliger zet samen met jou je schulden op een rij."),
        ("praatgroep", "Praatgroep", "Voel je je schuldig of geef je jezelf de schuld? Praat erover."),
    ]:
        write(data, f"{rid}.yaml", f"""
            naam: {naam}
            samenvatting: {samenvatting}
            route: samen
            toegang: vrij
            themas: [geld]
            gecontroleerd: {RECENT}
        """)
    write(tmp, "search/synoniemen.yaml", "groepen:\n  - [fiets, rijwiel]\n")
    (tmp / "content").mkdir()
    config = project_config(tmp, {"data_dir: voorzieningen": "data_dir: voorzieningen\n      "
                                  "synonyms_file: search/synoniemen.yaml"})
    result = build(data, tmp / "site", config_file=config)
    assert result.ok, result.output
    url, server = serve(tmp / "site")
    yield url
    server.shutdown()


def test_the_singular_finds_the_plural_without_a_synonym_group(phone, site_without_synonyms):
    """'schuld' is on the site, but Pagefind stems 'schulden' to 'schul': the page also searches the
    site's other forms of a word it has (zoektaal.js Vocabulary.forms), with no synonym group."""
    phone.goto(site_without_synonyms + "zoeken/?q=schuld")
    wait_for_results(phone)
    found = {url.removeprefix(site_without_synonyms) for url in all_result_urls(phone)}
    assert {"samen-doen/geldpunt/", "samen-doen/budgetmaatje/"} <= found, found


def test_the_name_ranks_first(phone, demo_site):
    phone.goto(demo_site + "zoeken/?q=voedselbank")
    wait_for_results(phone)
    first = phone.locator("#zoek-resultaten li h3").first.inner_text()
    assert "Voedselbank" in first


def test_faces_and_articles_are_found(phone, demo_site, documents):
    wanted = {d["soort"]: demo_site + d["url"] for d in documents
              if d["soort"] in ("gezicht", "artikel")
              and "mantelzorg" in " ".join([d["naam"], *d.get("trefwoorden", [])]).lower()}
    assert set(wanted) == {"gezicht", "artikel"}
    phone.goto(demo_site + "zoeken/?q=mantelzorg")
    wait_for_results(phone)
    urls = all_result_urls(phone)
    assert wanted["gezicht"] in urls and wanted["artikel"] in urls
    kinds = dict(zip(urls, phone.locator("#zoek-resultaten .ww-route").all_inner_texts(), strict=True))
    assert kinds[wanted["gezicht"]] == "Persoon om te bellen" and kinds[wanted["artikel"]] == "Artikel"
    face_path = wanted["gezicht"].split("/", 3)[3]
    face = phone.locator("#zoek-resultaten li", has=phone.locator(f"h3 a[href$='{face_path}']"))
    assert face.locator("a.ww-phone").get_attribute("href").startswith("tel:")  # tap to call from the result


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
