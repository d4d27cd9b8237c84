"""Every rule of the spec's "What the checker must say", one small folder per rule.

Each test asserts the printed path, the line, the field and the gist of the message.
Errors keep a record out of the dataset; warnings do not (except geldig_tot, which
leaves the record out on purpose).
"""

from datetime import date

import pytest

from builders import GEMEENTE_YAML, load, minimal_face, minimal_record, photo, the_diagnostic, write
from wegwijzer.records.diagnostics import ERROR, WARNING

R = "voorzieningen/hoeskamer.yaml"
F = "voorzieningen/gezichten/anne.yaml"


def only_error(collector, path, field):
    diagnostic = the_diagnostic(collector, path, field)
    assert diagnostic.severity == ERROR, diagnostic.format()
    return diagnostic


def only_warning(collector, path, field):
    diagnostic = the_diagnostic(collector, path, field)
    assert diagnostic.severity == WARNING, diagnostic.format()
    return diagnostic


def test_a_valid_folder_has_no_diagnostics(data_dir):
    write(data_dir, "hoeskamer.yaml", minimal_record())
    write(data_dir, "gezichten/anne.yaml", minimal_face("voorziening: hoeskamer\n"))
    photo(data_dir / "gezichten" / "anne.jpg")
    dataset, collector = load(data_dir)
    assert collector.diagnostics == []
    assert [r.id for r in dataset.voorzieningen] == ["hoeskamer"]
    assert [f.id for f in dataset.gezichten] == ["anne"]
    assert dataset.gemeente.kernen == ("Amstenrade", "Hulsberg")


# --- errors: unreadable or unsafe YAML -------------------------------------------------


def test_unreadable_yaml_is_an_error_with_its_line(data_dir):
    write(data_dir, "hoeskamer.yaml", minimal_record('aanbieder: "Stichting Welzijn\n'))
    dataset, collector = load(data_dir)
    d = only_error(collector, R, "")
    assert d.line == 7
    assert "aanhalingsteken" in d.message
    assert dataset.voorzieningen == []


def test_a_file_that_cannot_be_opened(data_dir, monkeypatch):
    from wegwijzer.records import files

    real_open = files.os.open

    def refuse(path, *args, **kwargs):  # the tests run as root, for whom no file is unreadable
        if str(path).endswith("hoeskamer.yaml"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    write(data_dir, "hoeskamer.yaml", minimal_record())
    monkeypatch.setattr(files.os, "open", refuse)
    dataset, collector = load(data_dir)
    assert [d.path for d in collector.diagnostics] == [R]
    d = only_error(collector, R, "")
    assert d.line == 1
    assert d.message == "Het bestand kan niet worden gelezen: Permission denied."
    assert dataset.voorzieningen == []


def test_anchors_and_aliases_are_refused(data_dir):
    write(data_dir, "hoeskamer.yaml", minimal_record("""
        trefwoorden: &woorden [koffie, thee]
        talen: *woorden
    """))
    _, collector = load(data_dir)
    d = only_error(collector, R, "")
    assert d.line == 7
    assert "Ankers (&) en verwijzingen (*) zijn niet toegestaan" in d.message


def test_python_tags_are_never_executed(data_dir, tmp_path):
    marker = tmp_path / "pwned"
    write(data_dir, "hoeskamer.yaml", minimal_record(f"""
        aanbieder: !!python/object/apply:os.system ["touch {marker}"]
    """))
    dataset, collector = load(data_dir)
    assert not marker.exists()
    d = only_error(collector, R, "aanbieder")
    assert d.line == 7
    assert "Hier hoort één tekst" in d.message
    assert dataset.voorzieningen == []


# --- errors: missing required fields ---------------------------------------------------


@pytest.mark.parametrize("field", ["naam", "samenvatting", "route", "toegang", "themas", "gecontroleerd"])
def test_a_missing_required_field_of_a_voorziening(data_dir, field):
    text = "".join(line + "\n" for line in minimal_record().splitlines() if not line.startswith(field + ":"))
    write(data_dir, "hoeskamer.yaml", text)
    dataset, collector = load(data_dir)
    d = only_error(collector, R, field)
    assert d.line == 1
    assert f"Het verplichte veld '{field}' ontbreekt" in d.message
    assert f"'{field}: ...'" in d.message
    assert dataset.voorzieningen == []


def test_an_empty_required_field_counts_as_missing(data_dir):
    write(data_dir, "hoeskamer.yaml", minimal_record().replace("route: samen", "route:"))
    _, collector = load(data_dir)
    assert "Het verplichte veld 'route' ontbreekt" in only_error(collector, R, "route").message


@pytest.mark.parametrize("field", ["naam", "kernen", "contact", "meldadres"])
def test_a_missing_required_field_of_gemeente_yaml(data_dir, field):
    kept = [line for line in GEMEENTE_YAML.splitlines() if not line.startswith(field + ":")]
    if field == "contact":
        kept = [line for line in kept if not line.startswith("  ")]
    write(data_dir, "gemeente.yaml", "\n".join(kept) + "\n")
    dataset, collector = load(data_dir)
    d = only_error(collector, "voorzieningen/gemeente.yaml", field)
    assert d.line == 1
    assert f"Het verplichte veld '{field}' ontbreekt" in d.message
    assert dataset.gemeente is None


def test_a_missing_gemeente_yaml(tmp_path):
    folder = tmp_path / "voorzieningen"
    write(folder, "hoeskamer.yaml", minimal_record())
    _, collector = load(folder)
    d = only_error(collector, "voorzieningen/gemeente.yaml", "")
    assert "gemeente.yaml ontbreekt" in d.message


@pytest.mark.parametrize("field", ["naam", "functie", "organisatie", "telefoon", "gecontroleerd"])
def test_a_missing_required_field_of_a_face_card(data_dir, field):
    text = "".join(line + "\n" for line in minimal_face().splitlines() if not line.startswith(field + ":"))
    write(data_dir, "gezichten/anne.yaml", text)
    dataset, collector = load(data_dir)
    d = only_error(collector, F, field)
    assert d.line == 1
    assert f"Het verplichte veld '{field}' ontbreekt" in d.message
    assert dataset.gezichten == []


def test_a_missing_field_inside_an_opening_time_points_at_that_item(data_dir):
    write(data_dir, "hoeskamer.yaml", minimal_record("""
        openingstijden:
          - dagen: [ma]
            van: 9:00
            tot: 12:00
          - dagen: [di]
            van: 13:00
    """))
    _, collector = load(data_dir)
    d = only_error(collector, R, "openingstijden.tot")
    assert d.line == 11
    assert "Het verplichte veld 'tot' ontbreekt" in d.message


# --- errors: unknown fields, with the nearest known name ----------------------------------


def test_unknown_field_suggests_the_nearest_name(data_dir):
    write(data_dir, "gezichten/anne.yaml", minimal_face().replace("telefoon:", "telefon:"))
    _, collector = load(data_dir)
    d = only_error(collector, F, "telefon")
    assert d.line == 4
    assert "Onbekend veld 'telefon'. Bedoel je 'telefoon'?" in d.message


def test_unknown_nested_field_suggests_the_nearest_name(data_dir):
    write(data_dir, "hoeskamer.yaml", minimal_record("""
        contact:
          telefon: 045 123 45 67
    """))
    _, collector = load(data_dir)
    d = only_error(collector, R, "contact.telefon")
    assert d.line == 8
    assert "Bedoel je 'telefoon'?" in d.message


def test_a_contact_field_at_top_level_is_pointed_to_contact(data_dir):
    write(data_dir, "hoeskamer.yaml", minimal_record("telefon: 045 123 45 67\n"))
    _, collector = load(data_dir)
    d = only_error(collector, R, "telefon")
    assert d.line == 7
    assert "Bedoel je 'telefoon'? Dat veld hoort onder 'contact:'" in d.message


def test_an_unknown_field_without_a_near_name_lists_the_known_fields(data_dir):
    write(data_dir, "hoeskamer.yaml", minimal_record("xyzzy: iets\n"))
    _, collector = load(data_dir)
    d = only_error(collector, R, "xyzzy")
    assert d.line == 7
    assert "Onbekend veld 'xyzzy'. Bekende velden: naam, samenvatting, route" in d.message


# --- errors: values outside a list, with the allowed values ------------------------------


@pytest.mark.parametrize("line, field, reported, allowed", [
    ("route: fiets", "route", "'fiets'", "Kies uit: zelf, samen, laten."),
    ("toegang: vrijj", "toegang", "'vrijj'", "Bedoel je 'vrij'? Kies uit: vrij, verwijzing, beschikking."),
    ("kosten: gratiss", "kosten", "'gratiss'", "Kies uit: gratis, bijdrage, betaald."),
    ("wet: WMO2015", "wet", "'WMO2015'", "Kies uit: Wmo, Jeugdwet, Participatiewet, Wlz, Zvw."),
    ("status: dicht", "status", "'dicht'", "Kies uit: actief, tijdelijk-gesloten, gestopt."),
    ("doelgroepen: [ouderen, senioren]", "doelgroepen", "'senioren'", "Kies uit: kinderen, jongeren, ouders"),
])
def test_a_value_outside_a_list_names_the_allowed_values(data_dir, line, field, reported, allowed):
    text = minimal_record()
    if f"\n{field}: " in text:  # a required field: replace it where it is
        text = "".join(line + "\n" if old.startswith(field + ":") else old + "\n" for old in text.splitlines())
    else:
        text += line + "\n"
    write(data_dir, "hoeskamer.yaml", text)
    dataset, collector = load(data_dir)
    d = only_error(collector, R, field)
    assert d.line == text.splitlines().index(line) + 1
    assert f"{reported} is niet toegestaan" in d.message
    assert allowed in d.message
    assert dataset.voorzieningen == []


def test_an_unknown_theme_in_a_block_list_points_at_its_own_line(data_dir):
    write(data_dir, "hoeskamer.yaml", minimal_record().replace("themas: [ontmoeten]\n", (
        "themas:\n"
        "  - ontmoeten\n"
        "  - sport\n"
    )))
    _, collector = load(data_dir)
    d = only_error(collector, R, "themas")
    assert d.line == 7
    assert "'sport' is niet toegestaan als thema" in d.message
    assert "geld, werk, wonen" in d.message


def test_an_empty_theme_list_is_an_error(data_dir):
    write(data_dir, "hoeskamer.yaml", minimal_record().replace("themas: [ontmoeten]", "themas: []"))
    _, collector = load(data_dir)
    d = only_error(collector, R, "themas")
    assert d.line == 5
    assert "minstens één thema" in d.message


def test_an_unknown_day_names_the_days(data_dir):
    write(data_dir, "hoeskamer.yaml", minimal_record("""
        openingstijden:
          - dagen: [ma, maandag]
            van: 9:00
            tot: 12:00
    """))
    _, collector = load(data_dir)
    d = only_error(collector, R, "openingstijden.dagen")
    assert d.line == 8
    assert "'maandag' is niet toegestaan als dag" in d.message
    assert "Kies uit: ma, di, wo, do, vr, za, zo." in d.message


# --- errors: bad phone, postcode, time, date, email, URL -----------------------------------


@pytest.mark.parametrize("extra, field, line, gist", [
    ("contact:\n  telefoon: 045 123\n", "contact.telefoon", 8, "'045 123' is geen geldig Nederlands telefoonnummer"),
    ("contact:\n  whatsapp: bel me\n", "contact.whatsapp", 8, "'bel me' is geen geldig Nederlands telefoonnummer"),
    ("contact:\n  email: jan at example.nl\n", "contact.email", 8, "'jan at example.nl' is geen geldig e-mailadres"),
    ("contact:\n  website: www.example.nl\n", "contact.website", 8, "'www.example.nl' is geen geldig webadres"),
    ("contact:\n  website: javascript:alert(1)\n", "contact.website", 8, "is geen geldig webadres. Begin met https://"),
    ("contact:\n  website: ftp://example.nl/a\n", "contact.website", 8, "is geen geldig webadres"),
    ("locaties:\n  - postcode: 645 AA\n", "locaties.postcode", 8, "'645 AA' is geen geldige postcode"),
    ("locaties:\n  - postcode: 6451 A1\n", "locaties.postcode", 8, "'6451 A1' is geen geldige postcode"),
    ("locaties:\n  - lat: 50,97x\n    lon: 5.98\n", "locaties.lat", 8, "'50,97x' is geen geldige coördinaat"),
    ("openingstijden:\n  - dagen: [ma]\n    van: 25:00\n    tot: 26:00\n",
     "openingstijden.van", 9, "'25:00' is geen geldige tijd"),
    ("openingstijden:\n  - dagen: [ma]\n    van: 9:00\n    tot: 12u\n",
     "openingstijden.tot", 10, "'12u' is geen geldige tijd. Schrijf uren:minuten"),
    ("geldig_tot: 30-06-2027\n", "geldig_tot", 7, "'30-06-2027' is geen geldige datum. Schrijf jaar-maand-dag"),
    ("geldig_tot: 2027-02-30\n", "geldig_tot", 7, "'2027-02-30' is geen geldige datum"),
])
def test_bad_formats_are_errors(data_dir, extra, field, line, gist):
    write(data_dir, "hoeskamer.yaml", minimal_record(extra))
    dataset, collector = load(data_dir)
    d = only_error(collector, R, field)
    assert d.line == line
    assert gist in d.message
    assert dataset.voorzieningen == []


def test_a_bad_gecontroleerd_date(data_dir):
    write(data_dir, "hoeskamer.yaml", minimal_record(gecontroleerd="1 september 2026"))
    _, collector = load(data_dir)
    d = only_error(collector, R, "gecontroleerd")
    assert d.line == 6
    assert "'1 september 2026' is geen geldige datum" in d.message
    assert "2026-09-01" in d.message  # the example of how to write it


def test_bad_formats_in_gemeente_yaml(data_dir):
    write(data_dir, "gemeente.yaml", GEMEENTE_YAML.replace(
        "meldadres: socialekaart@gemeente.example", "meldadres: socialekaart"))
    _, collector = load(data_dir)
    d = only_error(collector, "voorzieningen/gemeente.yaml", "meldadres")
    assert d.line == 7
    assert "'socialekaart' is geen geldig e-mailadres" in d.message


def test_lat_without_lon(data_dir):
    write(data_dir, "hoeskamer.yaml", minimal_record("""
        locaties:
          - naam: Gemeenschapshuis
            lat: 50.97
    """))
    _, collector = load(data_dir)
    d = only_error(collector, R, "locaties.lon")
    assert d.line == 8
    assert "Geef lat én lon" in d.message


# --- errors: van after tot ----------------------------------------------------------------


@pytest.mark.parametrize("van, tot", [("14:00", "12:00"), ("10:00", "10:00"), ("24:00", "24:00")])
def test_van_not_before_tot_is_an_error_on_the_tot_line(data_dir, van, tot):
    write(data_dir, "hoeskamer.yaml", minimal_record(f"""
        openingstijden:
          - dagen: [di, do]
            van: {van}
            tot: {tot}
    """))
    dataset, collector = load(data_dir)
    d = only_error(collector, R, "openingstijden.tot")
    assert d.line == 10
    assert "ligt niet na de begintijd" in d.message
    assert "Zet 'van' vóór 'tot'" in d.message
    assert dataset.voorzieningen == []


def test_closing_at_midnight_is_allowed(data_dir):
    write(data_dir, "hoeskamer.yaml", minimal_record("""
        openingstijden:
          - dagen: [za]
            van: 20:00
            tot: 24:00
    """))
    dataset, collector = load(data_dir)
    assert collector.diagnostics == []
    assert dataset.voorzieningen[0].openingstijden[0].tot == "24:00"


# --- errors: references to ids and kernen that do not exist ------------------------------------


def test_a_kern_that_is_not_in_gemeente_yaml(data_dir):
    write(data_dir, "hoeskamer.yaml", minimal_record("kernen: [Amstenrade, Hulsbrg]\n"))
    dataset, collector = load(data_dir)
    d = only_error(collector, R, "kernen")
    assert d.line == 7
    assert "De kern 'Hulsbrg' staat niet in gemeente.yaml. Bedoel je 'Hulsberg'?" in d.message
    assert "Kies uit: Amstenrade, Hulsberg." in d.message
    assert dataset.voorzieningen == []


def test_a_kern_in_another_case_is_the_known_kern(data_dir):
    write(data_dir, "hoeskamer.yaml", minimal_record("kernen: [hulsberg]\n"))
    dataset, collector = load(data_dir)
    assert collector.diagnostics == []
    assert dataset.voorzieningen[0].kernen == ("Hulsberg",)


def test_a_face_card_kern_that_does_not_exist(data_dir):
    write(data_dir, "gezichten/anne.yaml", minimal_face("kernen: [Nuth]\n"))
    photo(data_dir / "gezichten" / "anne.jpg")
    dataset, collector = load(data_dir)
    d = only_error(collector, F, "kernen")
    assert d.line == 7
    assert "De kern 'Nuth' staat niet in gemeente.yaml" in d.message
    assert dataset.gezichten == []


def test_kernen_are_checked_even_when_gemeente_yaml_has_another_error(data_dir):
    write(data_dir, "gemeente.yaml", GEMEENTE_YAML.replace("socialekaart@gemeente.example", "fout"))
    write(data_dir, "hoeskamer.yaml", minimal_record("kernen: [Nuth]\n"))
    _, collector = load(data_dir)
    assert only_error(collector, "voorzieningen/gemeente.yaml", "meldadres")
    assert "'Nuth' staat niet in gemeente.yaml" in only_error(collector, R, "kernen").message


def test_a_face_card_for_a_voorziening_that_does_not_exist(data_dir):
    write(data_dir, "ouderenadvies.yaml", minimal_record())
    write(data_dir, "gezichten/anne.yaml", minimal_face("voorziening: ouderenadvis\n"))
    photo(data_dir / "gezichten" / "anne.jpg")
    dataset, collector = load(data_dir)
    d = only_error(collector, F, "voorziening")
    assert d.line == 7
    assert "Er is geen voorziening met id 'ouderenadvis'" in d.message
    assert "Bedoel je 'ouderenadvies'?" in d.message
    assert dataset.gezichten == []


def test_a_face_card_for_an_existing_but_invalid_voorziening_is_no_reference_error(data_dir):
    write(data_dir, "ouderenadvies.yaml", minimal_record("route: fiets\n").replace("route: samen\n", ""))
    write(data_dir, "gezichten/anne.yaml", minimal_face("voorziening: ouderenadvies\n"))
    photo(data_dir / "gezichten" / "anne.jpg")
    _, collector = load(data_dir)
    assert [d.path for d in collector.errors] == ["voorzieningen/ouderenadvies.yaml"]


# --- errors: face cards without toestemming, photos outside the data folder -------------------


def test_a_face_card_without_toestemming(data_dir):
    write(data_dir, "gezichten/anne.yaml", minimal_face().replace("toestemming: 2026-03-14\n", ""))
    photo(data_dir / "gezichten" / "anne.jpg")
    dataset, collector = load(data_dir)
    d = only_error(collector, F, "toestemming")
    assert d.line == 1
    assert "Er staat geen 'toestemming'" in d.message
    assert "mag deze kaart niet online" in d.message
    assert dataset.gezichten == []


@pytest.mark.parametrize("foto", ["../../geheim.jpg", "/etc/passwd.jpg", "C:\\\\Users\\\\anne.jpg",
                                  "../../../../../../../../etc/shadow.png"])
def test_a_photo_outside_the_data_folder(data_dir, foto):
    write(data_dir, "gezichten/anne.yaml", minimal_face(f'foto: "{foto}"\n'))
    dataset, collector = load(data_dir)
    d = only_error(collector, F, "foto")
    assert d.line == 7
    assert "staat buiten de gegevensmap" in d.message
    assert dataset.gezichten == []


def test_a_photo_linked_to_outside_the_data_folder(data_dir, tmp_path):
    secret = tmp_path / "geheim.jpg"
    photo(secret)
    (data_dir / "gezichten").mkdir()
    (data_dir / "gezichten" / "anne.jpg").symlink_to(secret)
    write(data_dir, "gezichten/anne.yaml", minimal_face())
    dataset, collector = load(data_dir)
    d = only_error(collector, F, "foto")
    assert "een snelkoppeling naar een bestand buiten de map voorzieningen/" in d.message
    assert dataset.gezichten == []


def test_a_photo_elsewhere_in_the_data_folder_is_allowed(data_dir):
    write(data_dir, "gezichten/anne.yaml", minimal_face("foto: ../fotos/anne.png\n"))
    photo(data_dir / "fotos" / "anne.png")
    dataset, collector = load(data_dir)
    assert collector.diagnostics == []
    assert dataset.gezichten[0].foto == (data_dir / "fotos" / "anne.png").resolve()


def test_a_photo_that_is_not_an_image(data_dir):
    write(data_dir, "gezichten/anne.yaml", minimal_face("foto: anne.pdf\n"))
    _, collector = load(data_dir)
    d = only_error(collector, F, "foto")
    assert d.line == 7
    assert "Gebruik .jpg, .jpeg, .png of .webp" in d.message


# --- warnings --------------------------------------------------------------------------


@pytest.mark.parametrize("checked, stale", [("2025-11-23", False), ("2025-11-22", True), ("2024-01-01", True)])
def test_gecontroleerd_older_than_twelve_months(data_dir, checked, stale):
    write(data_dir, "hoeskamer.yaml", minimal_record(gecontroleerd=checked))
    dataset, collector = load(data_dir, today=date(2026, 11, 23))
    assert len(dataset.voorzieningen) == 1  # a warning never keeps a record off the site
    if not stale:
        assert collector.diagnostics == []
        return
    d = only_warning(collector, R, "gecontroleerd")
    assert d.line == 6
    assert "maanden geleden voor het laatst gecontroleerd" in d.message
    assert "zet de datum van vandaag bij 'gecontroleerd'" in d.message


def test_a_stale_face_card_is_a_warning(data_dir):
    write(data_dir, "gezichten/anne.yaml", minimal_face(gecontroleerd="2024-06-01"))
    photo(data_dir / "gezichten" / "anne.jpg")
    dataset, collector = load(data_dir)
    d = only_warning(collector, F, "gecontroleerd")
    assert d.line == 6
    assert len(dataset.gezichten) == 1


def test_gecontroleerd_in_the_future_is_a_warning(data_dir):
    write(data_dir, "hoeskamer.yaml", minimal_record(gecontroleerd="2027-01-01"))
    _, collector = load(data_dir)
    assert "in de toekomst" in only_warning(collector, R, "gecontroleerd").message


def test_geldig_tot_passed_leaves_the_record_out(data_dir):
    write(data_dir, "hoeskamer.yaml", minimal_record("geldig_tot: 2026-11-22\n"))
    write(data_dir, "taalcafe.yaml", minimal_record("geldig_tot: 2026-11-23\n"))  # today: still valid
    dataset, collector = load(data_dir)
    d = only_warning(collector, R, "geldig_tot")
    assert d.line == 7
    assert "geldig tot 2026-11-22" in d.message
    assert "staat daarom niet meer op de site" in d.message
    assert [r.id for r in dataset.voorzieningen] == ["taalcafe"]
    assert [r.id for r in dataset.unpublished] == ["hoeskamer"]
    assert collector.errors == []


def test_a_face_card_without_a_photo_is_a_warning(data_dir):
    write(data_dir, "gezichten/anne.yaml", minimal_face())
    dataset, collector = load(data_dir)
    d = only_warning(collector, F, "foto")
    assert d.line == 1
    assert "Er is geen foto" in d.message
    assert "anne.jpg" in d.message
    assert dataset.gezichten[0].foto is None
    assert dataset.gezichten[0].initials == "AV"


def test_a_named_photo_that_is_missing_is_a_warning(data_dir):
    write(data_dir, "gezichten/anne.yaml", minimal_face("foto: anne-portret.jpg\n"))
    dataset, collector = load(data_dir)
    d = only_warning(collector, F, "foto")
    assert d.line == 7
    assert "De foto 'anne-portret.jpg' is niet gevonden" in d.message
    assert len(dataset.gezichten) == 1


@pytest.mark.parametrize("suffix", [".jpg", ".jpeg", ".png", ".webp"])
def test_a_photo_next_to_the_card_is_found(data_dir, suffix):
    write(data_dir, "gezichten/anne.yaml", minimal_face())
    from PIL import Image

    Image.new("RGB", (8, 8)).save(data_dir / "gezichten" / f"anne{suffix}", "JPEG" if "jp" in suffix else None)
    dataset, collector = load(data_dir)
    assert collector.diagnostics == []
    assert dataset.gezichten[0].foto.name == f"anne{suffix}"


@pytest.mark.parametrize("named", [False, True])
def test_a_file_that_is_no_image_under_a_photo_name(data_dir, named):
    """A renamed document or a broken upload: the build would fail on it, so the check says so."""
    write(data_dir, "gezichten/anne.yaml", minimal_face("foto: anne.jpg\n" if named else ""))
    write(data_dir, "gezichten/anne.jpg", b"%PDF-1.4 dit is geen foto")
    _, collector = load(data_dir)
    problem = the_diagnostic(collector, "voorzieningen/gezichten/anne.yaml", "foto")
    assert problem.severity == "error" and "'anne.jpg' is geen foto die de site kan tonen" in problem.message


def test_a_long_sentence_in_the_samenvatting(data_dir):
    long_sentence = ("Wij helpen je met alle vragen over geld en werk en wonen en zorg en school "
                     "en nog veel meer dingen die je wilt weten.")
    write(data_dir, "hoeskamer.yaml", minimal_record().replace(
        "samenvatting: Een huiskamer in het dorp. Kom langs voor koffie.",
        f"samenvatting: Kom langs. {long_sentence}"))
    dataset, collector = load(data_dir)
    d = only_warning(collector, R, "samenvatting")
    assert d.line == 2
    assert "De samenvatting is moeilijk te lezen" in d.message
    assert "de zin die begint met 'Wij helpen je met ...' heeft 25 woorden" in d.message
    assert len(dataset.voorzieningen) == 1


def test_a_long_word_in_the_samenvatting(data_dir):
    write(data_dir, "hoeskamer.yaml", minimal_record().replace(
        "Kom langs voor koffie.", "Voor arbeidsongeschiktheidsverzekeringen."))
    _, collector = load(data_dir)
    d = only_warning(collector, R, "samenvatting")
    assert d.line == 2
    assert "lange woorden maken de tekst moeilijk: arbeidsongeschiktheidsverzekeringen" in d.message


@pytest.mark.parametrize("toegang", ["verwijzing", "beschikking"])
def test_toegang_that_needs_a_step_without_aanmelden(data_dir, toegang):
    write(data_dir, "hoeskamer.yaml", minimal_record().replace("toegang: vrij", f"toegang: {toegang}"))
    dataset, collector = load(data_dir)
    d = only_warning(collector, R, "aanmelden")
    assert d.line == 4  # the toegang line: that is where the editor chose it
    assert f"Bij toegang '{toegang}' moet een inwoner weten wat de eerste stap is" in d.message
    assert "Voeg 'aanmelden: ...' toe" in d.message
    assert len(dataset.voorzieningen) == 1


def test_toegang_with_aanmelden_is_fine(data_dir):
    write(data_dir, "hoeskamer.yaml", minimal_record("aanmelden: Vraag een verwijzing aan je huisarts.\n")
          .replace("toegang: vrij", "toegang: verwijzing"))
    _, collector = load(data_dir)
    assert collector.diagnostics == []


# --- every problem, not only the first ---------------------------------------------------------


def test_all_problems_of_one_file_are_reported(data_dir):
    write(data_dir, "hoeskamer.yaml", """
        naam: Hoeskamer
        samenvatting: Koffie en een praatje.
        route: fiets
        toegang: vrij
        themas: [ontmoeten]
        kernen: [Nuth]
        contact:
          telefon: 045 123 45 67
          email: geen-adres
        openingstijden:
          - dagen: [maandag]
            van: 14:00
            tot: 12:00
          - dagen: [di]
            van: 9:00
            tot: 10:00
        locaties:
          - postcode: 64 AA
            lat: 50.9
        gecontroleerd: gisteren
    """)
    _, collector = load(data_dir)
    found = sorted((d.line, d.field) for d in collector.errors)
    assert found == [
        (3, "route"),
        (6, "kernen"),
        (8, "contact.telefon"),
        (9, "contact.email"),
        (11, "openingstijden.dagen"),
        (13, "openingstijden.tot"),
        (18, "locaties.lon"),
        (18, "locaties.postcode"),
        (20, "gecontroleerd"),
    ]
    assert all(d.path == R for d in collector.diagnostics)


# --- kernen of locations and waiting times --------------------------------------------------


def test_a_location_counts_for_the_kern_it_names_or_its_place_is(data_dir):
    write(data_dir, "inloop.yaml", minimal_record("""
        locaties:
          - naam: Buurthuis
            plaats: hulsberg
          - naam: Bibliotheek
            plaats: Voerendaal
            kern: Amstenrade
          - naam: Elders
            plaats: Heerlen
    """))
    dataset, collector = load(data_dir)
    assert collector.diagnostics == []
    record = dataset.voorziening("inloop")
    assert [loc.kern for loc in record.locaties] == ["Hulsberg", "Amstenrade", None]
    assert record.kernen == () and record.local_kernen == ("Hulsberg", "Amstenrade")


def test_a_location_kern_must_be_a_kern_of_the_municipality(data_dir):
    write(data_dir, "inloop.yaml", minimal_record("""
        locaties:
          - naam: Buurthuis
            kern: Hulsbreg
    """))
    _, collector = load(data_dir)
    found = the_diagnostic(collector, "voorzieningen/inloop.yaml", "locaties.kern")
    assert found.line == 9 and "Bedoel je 'Hulsberg'?" in found.message


def test_a_waiting_time_checked_over_three_months_ago_is_a_warning(data_dir):
    write(data_dir, "oud.yaml", minimal_record("""
        wachttijd:
          tekst: binnen 3 werkdagen een gesprek
          gecontroleerd: 2026-08-01
    """))
    write(data_dir, "vers.yaml", minimal_record("""
        wachttijd:
          tekst: binnen een week
          gecontroleerd: 2026-09-01
    """))
    dataset, collector = load(data_dir)  # "today" is TODAY (2026-11-23)
    assert dataset.voorziening("vers").wachttijd.tekst == "binnen een week"
    found = the_diagnostic(collector, "voorzieningen/oud.yaml", "wachttijd.gecontroleerd")
    assert found.severity == "warning" and found.line == 9 and "meer dan drie maanden" in found.message
    assert not [d for d in collector.diagnostics if d.path.endswith("vers.yaml")]


def test_a_waiting_time_needs_its_text_and_date(data_dir):
    write(data_dir, "half.yaml", minimal_record("""
        wachttijd:
          tekst: binnen een week
    """))
    _, collector = load(data_dir)
    assert the_diagnostic(collector, "voorzieningen/half.yaml", "wachttijd.gecontroleerd").severity == "error"
