"""Property: whatever an editor types, the Markdown output holds no element or attribute
outside the allow-list and no link whose scheme, as the browser parses it, is not allowed.

Hypothesis builds the input from Markdown and HTML syntax, character references, control
characters, the evasion vectors and random text. Two oracles: Python's HTML parser (many
examples, fast) and Chromium's own parser through DOMParser (fewer examples), which also
resolves every link the way the page would.
"""

from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from builders import LINK_VECTORS
from wegwijzer.site.safe_markdown import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, render

ALLOWED_PROTOCOLS = {"http:", "https:", "mailto:", "tel:"}
# rel is added by us on links to other sites, never taken from the input.
ATTRIBUTES = {tag: set(names) | ({"rel"} if tag == "a" else set()) for tag, names in ALLOWED_ATTRIBUTES.items()}

FRAGMENTS = [text for _, text, _ in LINK_VECTORS] + [
    "[", "]", "(", ")", "<", ">", "!", "\"", "'", "`", "*", "_", "#", "-", "1.", ">", "|", "{:", "}", "\\", "/",
    "&", ";", "&#", "&#x", "&colon;", "&Tab;", "&NewLine;", "&lt;", "&amp;", "&#0000115;", "&#x3A;", "&quot;",
    "javascript", "JaVaScRiPt", "vbscript", "data", ":", "//", "http://a.example", "https://", "mailto:", "tel:",
    "<a href=", "<svg>", "<math>", "<img src=x onerror=", "<script>", "</", "onmouseover=", "style=", "<!--", "-->",
    "\n", "\n\n", "\t", "    ", "\x01", "\x0e", "\u2028", "\ufeff", "é", "\u200b", "[r]: ", "<http://", "](",
]
editor_text = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=6)), max_size=30).map("".join)


class _Elements(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, {name for name, _ in attrs}))

    handle_startendtag = handle_starttag


def _outside_allow_list(elements):
    return [(tag, names) for tag, names in elements
            if tag not in ALLOWED_TAGS or names - ATTRIBUTES.get(tag, set())]


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(editor_text)
def test_output_holds_only_allowed_elements_and_attributes(text):
    parser = _Elements()
    parser.feed(render(text))
    parser.close()
    assert _outside_allow_list(parser.found) == []


# Chromium parses the output as a page at https://wegwijzer.example/pagina/ would.
CHROMIUM_VIEW = """html => {
  const doc = new DOMParser().parseFromString(
    '<!doctype html><head><base href="https://wegwijzer.example/pagina/"></head><body>' + html, 'text/html');
  const elements = [...doc.body.querySelectorAll('*')].map(el => [el.localName, [...el.attributes].map(a => a.name)]);
  const absolute = href => { try { new URL(href); return true; } catch (e) { return false; } };
  const links = [...doc.body.querySelectorAll('[href]')].map(
    a => [a.getAttribute('href'), a.protocol, a.hostname, absolute(a.getAttribute('href'))]);
  return {elements, links};
}"""


@pytest.mark.browser
def test_chromium_finds_no_element_attribute_or_link_outside_the_allow_list(chromium):
    page = chromium.new_page()
    page.set_content("<!doctype html><title>x</title>")

    @settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(editor_text)
    def check(text):
        seen = page.evaluate(CHROMIUM_VIEW, render(text))
        assert _outside_allow_list((tag, set(names)) for tag, names in seen["elements"]) == []
        for href, protocol, host, absolute in seen["links"]:
            assert protocol in ALLOWED_PROTOCOLS, (text, href)
            # A link without a scheme stays on this site ('//host' would leave it).
            assert absolute or host == "wegwijzer.example", (text, href)

    try:
        check()
    finally:
        page.close()
