"""What a referrer needs: `verwijzen` (wie, hoe, website) and `contact.professionals`, optional
fields checked by `wegwijzer check` with file, line and field; the pages that show them; and the
kern rule of /voor-professionals/ (a face's werkgebied, else its voorziening's local kernen, and a
record without kernen is also for the whole municipality)."""

from __future__ import annotations

from builders import GEMEENTE_YAML, RECENT, check, load, minimal_face, minimal_record, the_diagnostic, write
from wegwijzer.site import render_professionals
from wegwijzer.site.pages import SiteContext
from wegwijzer.site.render import record_page


def test_valid_referral_fields_are_read(data_dir):
    write(data_dir, "ggz.yaml", minimal_record("""
        verwijzen:
          wie: [huisarts, POH-GGZ]
          hoe: Verwijs via Zorgdomein.
          website: https://ggz.example/verwijzers
        contact:
          telefoon: 045 123 45 67
          professionals: 045 711 88 10
    """))
    dataset, collector = load(data_dir)
    assert collector.diagnostics == []
    record = dataset.voorziening("ggz")
    assert record.verwijzen.wie == ("huisarts", "POH-GGZ") and record.verwijzen.hoe == "Verwijs via Zorgdomein."
    assert record.verwijzen.website == "https://ggz.example/verwijzers"
    assert record.contact.professionals.display == "045 711 88 10"
    assert record.contact.professionals.tel == "+31457118810"


def test_wrong_referral_fields_are_reported_with_file_line_and_field(data_dir):
    write(data_dir, "ggz.yaml", minimal_record("""
        verwijzen:
          wie: [huisarts]
          hoe: Bel ons.
          website: javascript:alert(1)
          wanneer: altijd
        contact:
          professionals: 12345
    """))
    _, collector = load(data_dir)
    website = the_diagnostic(collector, "voorzieningen/ggz.yaml", "verwijzen.website")
    assert website.line == 10 and website.severity == "error"
    unknown = the_diagnostic(collector, "voorzieningen/ggz.yaml", "verwijzen.wanneer")
    assert unknown.line == 11 and "Onbekend veld 'wanneer'" in unknown.message
    phone = the_diagnostic(collector, "voorzieningen/ggz.yaml", "contact.professionals")
    assert phone.line == 13 and "geen geldig Nederlands telefoonnummer" in phone.message


def test_referral_without_who_or_how_is_an_error_the_cli_reports(data_dir):
    write(data_dir, "ggz.yaml", minimal_record("""
        verwijzen:
          website: https://ggz.example/verwijzers
    """, gecontroleerd=RECENT))
    code, out, _ = check(data_dir)
    assert code == 1
    assert ("voorzieningen/ggz.yaml:8: verwijzen.wie: fout: Zet onder verwijzen ten minste wie mag verwijzen "
            "(wie: [huisarts]) of hoe je verwijst (hoe: ...).") in out


def test_a_misspelt_field_points_into_verwijzen(data_dir):
    write(data_dir, "ggz.yaml", minimal_record("""
        wie: [huisarts]
    """))
    _, collector = load(data_dir)
    found = the_diagnostic(collector, "voorzieningen/ggz.yaml", "wie")
    assert "Dat veld hoort onder 'verwijzen:'" in found.message


def test_the_municipality_may_have_a_number_for_professionals(tmp_path):
    folder = tmp_path / "voorzieningen"
    write(folder, "gemeente.yaml", GEMEENTE_YAML.replace("  website:", "  professionals: 045 711 10 00\n  website:"))
    dataset, collector = load(folder)
    assert collector.errors == [] and dataset.gemeente.contact.professionals.display == "045 711 10 00"


def _site(folder):
    dataset, collector = load(folder)
    assert collector.errors == [], [d.format() for d in collector.errors]
    return SiteContext(dataset)


def test_the_record_page_shows_referrers_what_they_need_escaped(data_dir):
    write(data_dir, "ggz.yaml", minimal_record("""
        toegang: verwijzing
        aanmelden: Vraag je huisarts.
        verwijzen:
          wie: ["huisarts <b>", POH-GGZ]
          hoe: "Via Zorgdomein <script>x()</script>"
        contact:
          professionals: 045 711 88 10
    """).replace("toegang: vrij\n", ""))
    ctx = _site(data_dir)
    html = record_page(ctx.dataset.voorziening("ggz"), ctx, "samen-doen/ggz/")
    assert "Voor huisartsen en hulpverleners" in html
    assert "huisarts &lt;b&gt;, POH-GGZ" in html and "&lt;script&gt;x()&lt;/script&gt;" in html
    assert '<a class="ww-phone" href="tel:+31457118810">' in html
    assert "<script>x()" not in html


def test_a_record_without_referral_fields_has_no_referrers_section(data_dir):
    write(data_dir, "inloop.yaml", minimal_record())
    ctx = _site(data_dir)
    assert "Voor huisartsen en hulpverleners" not in record_page(ctx.dataset.voorziening("inloop"), ctx,
                                                                 "samen-doen/inloop/")


def test_the_kern_filter_value_of_a_face_follows_the_kern_rule(data_dir):
    write(data_dir, "dorp.yaml", minimal_record("""
        kernen: [Hulsberg]
        locaties:
          - naam: Buurthuis
            plaats: Amstenrade
    """))
    write(data_dir, "overal.yaml", minimal_record("""
        locaties:
          - naam: Buurthuis
            plaats: Hulsberg
    """))
    write(data_dir, "gezichten/eigen.yaml", minimal_face("kernen: [Amstenrade]\nvoorziening: dorp\n"))
    write(data_dir, "gezichten/via-dorp.yaml", minimal_face("voorziening: dorp\n"))
    write(data_dir, "gezichten/via-overal.yaml", minimal_face("voorziening: overal\n"))
    write(data_dir, "gezichten/los.yaml", minimal_face())
    ctx = _site(data_dir)
    values = {}
    for v, faces in render_professionals.groups_of(ctx):
        for face in faces:
            values[face.id] = render_professionals.face_kernen(face, v)
    assert values == {"eigen": "amstenrade",  # the face's own werkgebied wins
                      "via-dorp": "hulsberg amstenrade",  # named kernen and the kern of its location
                      "via-overal": "*",  # no kernen: also for the whole municipality
                      "los": "*"}  # no voorziening: the whole municipality
    page = render_professionals.professionals_page(ctx)
    assert page.count('data-kernen="*"') == 2 and 'data-kernen="hulsberg amstenrade"' in page
    assert 'data-themas="ontmoeten"' in page and "Andere mensen om te bellen" in page
