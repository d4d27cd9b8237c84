"""One part of a page, rendered on its own: the part's template with the data the build makes
for it (site/render.py's ``*_data``), for tests that look at one part closely. The package has
no such per-part functions: the build renders whole pages."""

from wegwijzer.site import render, render_parts
from wegwijzer.site.markers import record_tags, search_data
from wegwijzer.site.templating import active


def part(template: str, **data) -> str:
    """``wegwijzer/<template>`` of the running build's templates (the shipped ones in a test)."""
    return active().get_template(f"wegwijzer/{template}").render(**data)


def search_form(from_url, field_id, label="Waar zoek je hulp bij?", value=""):
    return part("zoekformulier.html", zoekformulier=render.search_form_data(from_url, field_id, label, value))


def contact_buttons(contact, name):
    return part("contactknoppen.html", contact=render.contact_data(contact, name))


def location_block(loc, tag="li"):
    return part("plek.html", plek=render.location_data(loc, tag))


def hours_table(hours, caption):
    return part("tijden.html", tijden=render.hours_data(hours, caption))


def places_block(v):
    return part("plekken.html", plekken=render.places_data(v))


def report_block(name, url, checked, ctx):
    return part("gecontroleerd.html", gecontroleerd=render.report_data(name, url, checked, ctx))


def municipality_contact(g, heading="h2", url=""):
    data = render.municipality_data(g, heading, url)
    return "" if data is None else part("gemeente-contact.html", gemeente=data)


def statement_html(blocks):
    return part("tekstblokken.html", blokken=render.text_blocks(blocks))


def photo_html(face, from_url, photos, size=120, lazy=True):
    return part("foto.html", foto=render_parts.photo_data(face, from_url, photos, size, lazy))


def filter_tags(v):
    """The hidden Pagefind filters and meta of record ``v`` (template zoekdata.html)."""
    return part("zoekdata.html", zoekdata=search_data(record_tags(v)))
