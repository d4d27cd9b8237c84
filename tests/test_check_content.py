"""`wegwijzer check` reports the glossary and articles an editor keeps in content/ too."""

from __future__ import annotations

from builders import check, minimal_record, write


def test_glossary_problems_appear_in_the_check_report(data_dir):
    write(data_dir, "hoeskamer.yaml", minimal_record())
    write(data_dir.parent, "content/begrippen.yaml", """
        - term: Wmo
          uitleg: Wet maatschappelijke ondersteuning.
        - term: CJG
          uitlg: Centrum voor Jeugd en Gezin.
    """)
    code, out, _ = check(data_dir)
    assert code == 1
    assert "content/begrippen.yaml:4: uitlg: fout: Onbekend veld 'uitlg'. Bedoel je 'uitleg'?" in out


def test_article_front_matter_is_read_like_a_record(data_dir):
    write(data_dir, "hoeskamer.yaml", minimal_record())
    write(data_dir.parent, "content/artikelen/geld.md", """
        ---
        title: &t Grip op je geld
        samenvatting: *t
        themas: [geld, geldzaken]
        ---
        Tekst.
    """)
    code, out, _ = check(data_dir)
    assert code == 1
    # Anchors are refused in front matter as in records, with the file's own line number.
    assert "content/artikelen/geld.md:2: -: fout: Ankers (&) en verwijzingen (*) zijn niet toegestaan" in out


def test_article_with_unknown_theme_names_the_line_and_the_choices(data_dir):
    write(data_dir, "hoeskamer.yaml", minimal_record())
    write(data_dir.parent, "content/artikelen/geld.md", """
        ---
        title: Grip op je geld
        samenvatting: Zo krijg je overzicht.
        themas: [geld, geldzaken]
        ---
        Tekst.
    """)
    code, out, _ = check(data_dir)
    assert code == 1
    assert "content/artikelen/geld.md:4: themas: fout: 'geldzaken' is niet toegestaan als thema." in out
    assert "Kies uit: geld, werk" in out


def test_a_clean_content_folder_is_counted_in_json(data_dir):
    write(data_dir, "hoeskamer.yaml", minimal_record())
    write(data_dir.parent, "content/artikelen/geld.md", """
        ---
        title: Grip op je geld
        samenvatting: Zo krijg je overzicht.
        themas: [geld]
        ---
        Tekst.
    """)
    code, out, _ = check(data_dir, "--format", "json")
    import json

    assert code == 0, out
    assert json.loads(out)["articles"] == 1
