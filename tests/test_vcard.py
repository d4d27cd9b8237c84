"""vCards: escaping, CRLF line ends and folding at 75 octets."""

from datetime import date

from wegwijzer.records.model import Face, Phone
from wegwijzer.site.vcard import escape, face_vcard, fold


def make_face(**kw):
    values = dict(id="anne", naam="Anne van der Berg", functie="Ouderenadviseur; team Noord",
                  organisatie="Welzijn, Zorg & Co", telefoon=Phone("06 12345678", "+31612345678"),
                  toestemming=date(2026, 3, 14), gecontroleerd=date(2026, 9, 1))
    values.update(kw)
    return Face(**values)


def test_escape_special_characters():
    assert escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"


def test_fold_at_75_octets_without_splitting_characters():
    line = "NOTE:" + "é" * 100
    folded = fold(line)
    for part in folded.split("\r\n"):
        assert len(part.encode("utf-8")) <= 75
    assert folded.replace("\r\n ", "") == line


def test_vcard_structure():
    card = face_vcard(make_face(vragen=("Eenzaamheid", "Vervoer")), url="https://x.nl/gezichtenkaart/anne/")
    assert card.startswith("BEGIN:VCARD\r\nVERSION:3.0\r\n") and card.endswith("END:VCARD\r\n")
    assert "\n" not in card.replace("\r\n", "")
    assert "FN:Anne van der Berg\r\n" in card
    assert "N:van der Berg;Anne;;;\r\n" in card
    assert "ORG:Welzijn\\, Zorg & Co\r\n" in card
    assert "TITLE:Ouderenadviseur\\; team Noord\r\n" in card
    assert "TEL;TYPE=WORK,VOICE:+31612345678\r\n" in card
    assert "NOTE:Bel over: Eenzaamheid\\, Vervoer" in card


def test_vcard_with_photo_is_folded():
    card = face_vcard(make_face(), photo_jpeg=b"\xff\xd8" + b"x" * 500)
    for line in card.split("\r\n"):
        assert len(line.encode()) <= 75


INJECTIONS = ["Anne\nEND:VCARD\nBEGIN:VCARD\nFN:Nep", "Anne\r\nTEL:0900-nep", "Anne\rEND:VCARD", "Anne;\\n\\,",
              "END:VCARD", "Anne\u2028Berg"]


def test_a_field_with_line_breaks_stays_inside_its_property():
    """Read back with a real vCard parser: one card per face, every field as it was written."""
    import vobject

    faces = [make_face(id=f"f{i}", naam=value, functie=value, organisatie=value, bereikbaar=value,
                       vragen=(value, "Geld"), email="a@b.nl") for i, value in enumerate(INJECTIONS)]
    cards = list(vobject.readComponents("".join(face_vcard(face, url="https://x.nl/") for face in faces)))
    assert len(cards) == len(faces)
    for card, face in zip(cards, faces, strict=True):
        written = face.naam.replace("\r\n", "\n").replace("\r", "\n")  # any line break is a vCard \n
        assert card.fn.value == written
        assert card.title.value == written
        assert card.org.value == [written]
        assert card.tel.value == "+31612345678"
        assert f"Bereikbaar: {written}" in card.note.value
        assert [c.name for c in card.getChildren()].count("TEL") == 1
