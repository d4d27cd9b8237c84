"""Filter-evasion vectors in every text field never become a script link, a link to another
site without a scheme, markup or a running script: checked in Chromium, through the
protocol and host the browser itself parses for every link and every address attribute.

The vectors are ours (builders.LINK_VECTORS). The site is served without a
Content-Security-Policy, so this tests the escaping and sanitising on their own.
"""

import pytest

from builders import LINK_VECTORS

pytestmark = pytest.mark.browser

ALLOWED_PROTOCOLS = {"http:", "https:", "mailto:", "tel:"}

# Every attribute that holds an address, on every element, parsed by the browser; every
# <a>'s own parsed protocol; and every event-handler attribute.
ADDRESSES = """() => {
  const names = ['href', 'src', 'action', 'formaction', 'data', 'poster', 'background', 'cite', 'ping'];
  const found = [];
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      if (attr.localName.startsWith('on')) found.push({el: el.tagName, attr: attr.name, value: attr.value,
                                                       protocol: 'event-handler', host: ''});
      if (!names.includes(attr.localName)) continue;
      let protocol = 'unparsable', host = '';
      try { const u = new URL(attr.value, document.baseURI); protocol = u.protocol; host = u.hostname; } catch (e) {}
      found.push({el: el.tagName, attr: attr.name, value: attr.value, protocol, host});
    }
  }
  for (const a of document.querySelectorAll('a, area')) {
    if (a.hasAttribute('href')) found.push({el: a.tagName, attr: 'protocol', value: a.getAttribute('href'),
                                            protocol: a.protocol, host: a.hostname});
  }
  return found;
}"""


def _pages():
    pages = ["samen-doen/", "samen-doen/pagina/2/", "thema/ontmoeten/", "gezichtenkaart/", "artikelen/vectoren/"]
    for number in range(1, len(LINK_VECTORS) + 1):
        pages += [f"samen-doen/vector-{number:02d}/", f"gezichtenkaart/vector-{number:02d}-gezicht/"]
    return pages


def test_there_are_at_least_forty_vectors():
    assert len(LINK_VECTORS) >= 40


def test_no_vector_becomes_a_script_link_or_runs(chromium, vector_site):
    base, _ = vector_site
    context = chromium.new_context()
    page = context.new_page()
    dialogs, bad, links = [], [], 0
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    for path in _pages():
        response = page.goto(base + path, wait_until="load")
        assert response.status == 200, path
        for found in page.evaluate(ADDRESSES):
            links += 1
            if found["protocol"] not in ALLOWED_PROTOCOLS or found["host"] == "evil.example":
                bad.append((path, found))
        assert page.evaluate("window.__pwned") is None, path
    context.close()
    assert links > 1000  # the pages were really read
    assert bad == []
    assert dialogs == []


def test_vectors_are_shown_as_text(phone, vector_site):
    base, _ = vector_site
    number = [name for name, _, _ in LINK_VECTORS].index("raw-img") + 1
    phone.goto(base + f"samen-doen/vector-{number:02d}/")
    main = phone.inner_text("main")
    assert main.count("<img src=x onerror=alert(1)>") >= 5  # name, summary, description, aanmelden, ...
    assert phone.locator(".ww-record img").count() == 0


def test_editor_links_that_are_allowed_still_work(phone, vector_site):
    """The sanitiser keeps what editors may write: the https link in a break-out attempt
    survives as a plain link to that site, with rel="noopener nofollow"."""
    base, _ = vector_site
    number = [name for name, _, _ in LINK_VECTORS].index("title-break-out") + 1
    phone.goto(base + f"samen-doen/vector-{number:02d}/")
    link = phone.locator(".ww-prose a[href^='https://a.example']")
    assert link.count() == 1
    assert link.get_attribute("rel") == "noopener nofollow"
    assert link.get_attribute("onclick") is None


def test_search_results_for_the_vectors_hold_no_bad_link(phone, vector_site):
    base, _ = vector_site
    phone.goto(base + "zoeken/?q=klik")
    phone.wait_for_function("document.getElementById('zoek-status').textContent.includes('resultat')")
    assert phone.locator("#zoek-resultaten li").count() >= 5
    bad = [f for f in phone.evaluate(ADDRESSES) if f["protocol"] not in ALLOWED_PROTOCOLS]
    assert bad == []
