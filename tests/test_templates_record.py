"""A municipality's own record page (template wegwijzer/voorziening.html): it moves and rewords
a part from its own folder, without touching Python, and every text of the record stays escaped."""

from __future__ import annotations

import shutil

from builders import PAYLOAD, REPO, SHORT, build_in_house_style, injection_dataset, write
from wegwijzer.site.escaping import esc

# Contact first, right under the summary, and the access part in the municipality's own words.
OWN_RECORD_PAGE = """
    {% extends "standaard/wegwijzer/voorziening.html" %}
    {% block kop %}
      {{ super() }}
      <section class="eigen-contact" aria-labelledby="h-bel">
        <h2 id="h-bel">Bel of mail {{ pagina.naam }}</h2>
        {% include "wegwijzer/contactknoppen.html" %}
      </section>
    {% endblock %}
    {% block contact %}{% endblock %}
    {% block toegang %}
      <section class="eigen-toegang" aria-labelledby="h-toegang">
        <h2 id="h-toegang">Zo kom je bij {{ pagina.naam }} binnen</h2>
        <p>{{ pagina.toegang.uitleg }} {{ pagina.aanmelden }}</p>
      </section>
    {% endblock %}
"""


def test_a_municipality_moves_and_rewords_parts_of_the_record_page_and_record_text_stays_escaped(tmp_path):
    data = injection_dataset(tmp_path / "voorzieningen")
    style = tmp_path / "huisstijl"
    shutil.copytree(REPO / "build", style)
    write(style, "wegwijzer/voorziening.html", OWN_RECORD_PAGE)
    site = build_in_house_style(tmp_path, data, style)

    page = (site / "samen-doen" / "injectie" / "index.html").read_text(encoding="utf-8")
    record = page[page.index('<article class="ww-record"'):page.index("</article>")]
    name = esc("Inloop " + SHORT)
    # The contact comes first, under its own heading; the shipped contact part is gone.
    own_contact = record.index(f'<h2 id="h-bel">Bel of mail {name}</h2>')
    assert own_contact < record.index('<a class="ww-button" href="tel:+31451234567">Bel 045 123 45 67</a>')
    assert own_contact < record.index('<section class="eigen-toegang"')
    assert 'id="h-contact"' not in record
    # The access part in the municipality's words, with the record's own text escaped.
    assert "Hoe kom je hier terecht?" not in record
    assert f'<h2 id="h-toegang">Zo kom je bij {name} binnen</h2>' in record
    assert esc("Bel ons. " + PAYLOAD) in record
    assert "<script>window.__pwned" not in page and "<img src=x" not in page
    assert "Inloop 49" not in page  # the record's text is never read as a template
    # The rest of the page as shipped, after the moved parts.
    assert record.index('<section class="eigen-toegang"') < record.index('<h2 id="h-waar">')
    assert '<h2 id="h-details" data-pagefind-ignore>Voor wie en waar</h2>' in record
    assert '<div class="ww-poster"' in record

    # Another record of the same build has the same layout; a face page is untouched.
    face = (site / "gezichtenkaart" / "injectie-gezicht" / "index.html").read_text(encoding="utf-8")
    assert '<article class="ww-face-page"' in face and "eigen-contact" not in face
