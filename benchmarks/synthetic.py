"""Synthetic but realistic data folders for benchmarks.

``write_dataset(folder, n_records, n_faces, seed)`` writes a complete data folder
(gemeente.yaml, ``<id>.yaml`` records and ``gezichten/`` face cards with some photos)
that passes ``wegwijzer check`` without errors or warnings. Every field of the data
format is used, with values varied the way editors write them: phone numbers in
several notations, postcodes with and without a space, times as ``9:00`` and
``09.00``, block and flow lists, quoted and unquoted text.

The same seed gives the same files, so runs can be compared. Dates are relative to
``today`` (default: the real date), so nothing is stale or expired when checked.
"""

from __future__ import annotations

import argparse
import io
import random
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Optional

KERNEN = ["Amstenrade", "Hulsberg", "Nuth", "Oirsbeek", "Schinnen", "Schinveld",
          "Merkelbeek", "Doenrade", "Wijnandsrade", "Vaesrade"]
POSTCODES = {"Amstenrade": 6436, "Hulsberg": 6336, "Nuth": 6361, "Oirsbeek": 6438,
             "Schinnen": 6365, "Schinveld": 6451, "Merkelbeek": 6447, "Doenrade": 6439,
             "Wijnandsrade": 6363, "Vaesrade": 6367}

THEMAS = ["geld", "werk", "wonen", "gezondheid", "psyche", "opvoeden", "ontmoeten",
          "mantelzorg", "vervoer", "veiligheid", "verslaving", "taal"]
DOELGROEPEN = ["kinderen", "jongeren", "ouders", "volwassenen", "ouderen",
               "mantelzorgers", "nieuwkomers", "beperking"]
DAGEN = ["ma", "di", "wo", "do", "vr", "za", "zo"]
TALEN = ["nl", "li", "de", "en", "ar", "tr", "pl", "uk", "no", "ti", "prs"]
WETTEN = ["Wmo", "Jeugdwet", "Participatiewet", "Wlz", "Zvw"]

SOORTEN = ["Hoeskamer", "Inloop", "Repair Café", "Taalcafé", "Spreekuur", "Maatjesproject",
           "Buurtbus", "Formulierenhulp", "Kledingbank", "Voedselbank", "Beweeggroep",
           "Mantelzorgcafé", "Jongerenwerk", "Schuldhulp", "Boodschappendienst",
           "Ouderenadvies", "Opvoedsteunpunt", "Digicafé", "Klussendienst", "Wandelclub"]
AANBIEDERS = ["Stichting Welzijn Beekdaelen", "Buurtzorg Zuid", "Vrijwilligerscentrale",
              "Bibliotheek Beekdaelen", "Gemeente Beekdaelen", "Zuyderland", "MEE Zuid-Limburg",
              "CJG Beekdaelen", "Humanitas", "Rode Kruis", "Steunpunt Mantelzorg", None]
ZINNEN = [
    "Kom langs voor koffie en een praatje.",
    "Je hoeft je niet aan te melden.",
    "Vrijwilligers helpen je graag verder.",
    "Samen zoeken we naar een oplossing.",
    "Je krijgt hulp bij brieven en formulieren.",
    "We luisteren naar je vraag.",
    "Neem gerust iemand mee.",
    "Het gesprek is vertrouwelijk.",
    "We komen ook bij je thuis.",
    "Bel of app ons als je vragen hebt.",
]
TREFWOORDEN = ["koffie", "inloop", "eenzaam", "praatje", "schulden", "formulier", "brief",
               "fiets", "vervoer", "taal", "computer", "opvoeden", "ruzie", "zorgen",
               "stress", "mantelzorg", "boodschappen", "klussen", "huur", "werk"]
VERWIJZERS = ["huisarts", "POH-GGZ", "jeugdarts", "wijkteam", "maatschappelijk werk", "wijkverpleegkundige"]
VERWIJSWIJZE = ["Verwijs via Zorgdomein.", "Bel de lijn voor professionals met toestemming van de inwoner.",
                "Stuur een verwijsbrief per beveiligde mail.", "Vul samen met de inwoner het aanmeldformulier in."]
STRATEN = ["Kerkstraat", "Raadhuisstraat", "Dorpsstraat", "Markt", "Schoolstraat",
           "Stationsstraat", "Molenweg", "Beekstraat", "Pastoor Ruttenstraat", "Hoofdstraat"]
VOORNAMEN = ["Anne", "Bram", "Chantal", "Dirk", "Esra", "Fleur", "Gijs", "Hatice", "Ivo",
             "Joke", "Karim", "Lieke", "Maarten", "Noor", "Olga", "Pieter", "Ria", "Sem"]
ACHTERNAMEN = ["Voorbeeld", "Jansen", "Smeets", "Janssen", "Hendriks", "Kurvers",
               "Vliegen", "Bemelmans", "Coenen", "Ramakers", "Yilmaz", "de Boer"]
FUNCTIES = ["Ouderenadviseur", "Jongerenwerker", "Consulent Wmo", "Schuldhulpverlener",
            "Buurtcoach", "Mantelzorgconsulent", "Wijkverpleegkundige", "Opvoedcoach"]

PHOTO_SIZE = (800, 1000)  # a portrait as phones export it, so photo processing costs what it will


@lru_cache(maxsize=None)
def portrait_jpeg(size=PHOTO_SIZE, seed: int = 1) -> bytes:
    """A JPEG with a gradient and some noise (compresses like a photo, not like a flat colour)."""
    from PIL import Image

    width, height = size
    gradient = Image.linear_gradient("L").resize(size)
    noise = Image.effect_noise((width // 4, height // 4), 40 + seed % 20).resize(size, Image.Resampling.BILINEAR)
    image = Image.merge("RGB", (gradient, noise, gradient.transpose(Image.Transpose.FLIP_TOP_BOTTOM)))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


@dataclass
class SyntheticDataset:
    root: Path
    record_ids: list
    face_ids: list
    photos: int


def write_dataset(folder, n_records: int, n_faces: int = 0, seed: int = 1,
                  today: Optional[date] = None) -> SyntheticDataset:
    """Write a valid data folder with ``n_records`` records and ``n_faces`` face cards."""
    rng = random.Random(seed)
    today = today or date.today()
    root = Path(folder)
    (root / "gezichten").mkdir(parents=True, exist_ok=True)
    (root / "gemeente.yaml").write_text(_gemeente(), encoding="utf-8")

    ids = []
    for number in range(n_records):
        record_id, text = _record(rng, number, today)
        (root / f"{record_id}.yaml").write_text(text, encoding="utf-8")
        ids.append(record_id)

    face_ids = []
    photos = 0
    for number in range(n_faces):
        face_id, text, photo = _face(rng, number, ids, today)
        (root / "gezichten" / f"{face_id}.yaml").write_text(text, encoding="utf-8")
        if photo:
            (root / "gezichten" / photo).write_bytes(portrait_jpeg())
            photos += 1
        face_ids.append(face_id)
    return SyntheticDataset(root, ids, face_ids, photos)


def _gemeente() -> str:
    return (
        "naam: Beekdaelen\n"
        f"kernen: [{', '.join(KERNEN)}]\n"
        "contact:\n"
        '  telefoon: "14 046"\n'
        "  email: info@gemeente.example\n"
        "  website: https://www.gemeente.example\n"
        "meldadres: socialekaart@gemeente.example\n"
        "marktplaats: https://voorelkaar.example\n"
        "bezwaar:\n"
        "  website: https://www.gemeente.example/bezwaar\n"
        "  adres: Gemeente Beekdaelen, Postbus 1, 6360 AA Nuth\n"
        "loket:\n"
        "  naam: het Sociaal Team\n"
        "  kanalen:\n"
        "    - soort: telefoon\n"
        '      telefoon: "14 046"\n'
        "      tijden:\n"
        "        - dagen: [ma, di, wo, do, vr]\n"
        "          van: 8:30\n"
        "          tot: 17:00\n"
        "    - soort: binnenlopen\n"
        "      adres: Markt 1\n"
        "      plaats: Nuth\n"
        "  gesprek_binnen: 5 werkdagen\n"
        "terugkoppeling:\n"
        "  email: mening@gemeente.example\n"
    )


def _phone(rng: random.Random, mobile: bool = False) -> str:
    if mobile:
        n = rng.randrange(10_000_000, 100_000_000)
        return rng.choice([f"06 {n}", f"06-{n}", f"+31 6 {n}", f"06 {str(n)[:4]} {str(n)[4:]}"])
    n = rng.randrange(1_000_000, 10_000_000)
    s = str(n)
    return rng.choice([
        f"045 {s[:3]} {s[3:5]} {s[5:]}", f"045-{s}", f"+31 45 {s[:3]} {s[3:]}",
        f"0031 45 {s}", f"045{s}", f'"046 {s[:3]} {s[3:]}"', "0800 2000", f"0900-{s}",
    ])


def _time(hours: int, minutes: int, rng: random.Random) -> str:
    return rng.choice([f"{hours}:{minutes:02d}", f"{hours:02d}:{minutes:02d}", f"{hours:02d}.{minutes:02d}"])


def _flow_or_block(rng: random.Random, key: str, items: list, indent: str = "") -> str:
    if rng.random() < 0.6:
        return f"{indent}{key}: [{', '.join(items)}]\n"
    return f"{indent}{key}:\n" + "".join(f"{indent}  - {item}\n" for item in items)


def _record(rng: random.Random, number: int, today: date):
    soort = rng.choice(SOORTEN)
    kern = rng.choice(KERNEN)
    naam = f"{soort} {kern} {number}"
    record_id = naam.lower().replace(" ", "-").replace("é", "e")
    toegang = rng.choices(["vrij", "verwijzing", "beschikking"], weights=[6, 3, 1])[0]
    aanbieder = rng.choice(AANBIEDERS)
    zinnen = rng.sample(ZINNEN, 2)

    lines = [
        f"naam: {naam}",
        f"samenvatting: {' '.join(zinnen)}",
        f"route: {rng.choice(['zelf', 'samen', 'laten'])}",
        f"toegang: {toegang}",
    ]
    text = "\n".join(lines) + "\n"
    text += _flow_or_block(rng, "themas", rng.sample(THEMAS, rng.randint(1, 3)))
    text += _flow_or_block(rng, "doelgroepen", rng.sample(DOELGROEPEN, rng.randint(1, 3)))
    text += _flow_or_block(rng, "kernen", rng.sample(KERNEN, rng.randint(1, 3)))
    if aanbieder:
        text += f"aanbieder: {aanbieder}\n"
    text += "beschrijving: |\n"
    for zin in rng.sample(ZINNEN, rng.randint(3, 6)):
        text += f"  {zin}\n"
    text += "\n  **Let op:** neem je vragen mee.\n\n  - Koffie staat klaar\n  - Parkeren kan voor de deur\n"
    aanmelden = {
        "vrij": "Gewoon binnenlopen. Aanmelden is niet nodig.",
        "verwijzing": "Vraag een verwijzing aan je huisarts of het CJG.",
        "beschikking": "Bel de gemeente voor een keukentafelgesprek.",
    }[toegang]
    text += f"aanmelden: {aanmelden}\n"
    if toegang != "vrij" or rng.random() < 0.2:  # what referrers need (/voor-professionals/)
        text += "verwijzen:\n"
        text += _flow_or_block(rng, "wie", rng.sample(VERWIJZERS, rng.randint(1, 3)), "  ")
        text += f"  hoe: {rng.choice(VERWIJSWIJZE)}\n"
        if rng.random() < 0.3:
            text += f"  website: https://welzijn.example/{record_id}/verwijzers\n"
    kosten = rng.choice(["gratis", "bijdrage", "betaald"])
    text += f"kosten: {kosten}\n"
    if kosten != "gratis":
        text += f"kosten_toelichting: Koffie en thee kosten € {rng.randint(0, 3)},{rng.choice(['00', '50'])}.\n"
    text += f"wet: {rng.choice(WETTEN)}\n"
    text += "contact:\n"
    text += f"  telefoon: {_phone(rng)}\n"
    text += f"  whatsapp: {_phone(rng, mobile=True)}\n"
    text += f"  email: {record_id[:40]}@welzijn.example\n"
    text += f"  website: https://welzijn.example/{record_id}\n"
    if rng.random() < 0.4:
        text += f"  professionals: {_phone(rng)}\n"
    text += "locaties:\n"
    for index in range(rng.randint(1, 2)):
        plaats = kern if index == 0 else rng.choice(KERNEN)
        letters = "".join(rng.choice("ABCDEGHJKLMNPRSTVWXZ") for _ in range(2))
        postcode = rng.choice([f"{POSTCODES[plaats]} {letters}", f"{POSTCODES[plaats]}{letters.lower()}"])
        # Two places never share a name: an opening time names its place (locatie).
        text += f"  - naam: {'Gemeenschapshuis' if index == 0 else 'Buurthuis'} {plaats}\n"
        text += f"    adres: {rng.choice(STRATEN)} {rng.randint(1, 120)}\n"
        text += f"    postcode: {postcode}\n"
        text += f"    plaats: {plaats}\n"
        text += f"    lat: {50.90 + rng.random() * 0.1:.4f}\n"
        text += f"    lon: {5.85 + rng.random() * 0.15:.4f}\n"
        text += "    toegankelijkheid: Drempelvrij, invalidentoilet aanwezig.\n"
        if rng.random() < 0.2:  # the kern written out (otherwise it follows from plaats)
            text += f"    kern: {plaats.lower() if rng.random() < 0.5 else plaats}\n"
    text += "openingstijden:\n"
    for _ in range(rng.randint(1, 3)):
        start = rng.randint(8, 14)
        end = start + rng.randint(1, 5)
        # "- dagen" as the key: the first field of a new item in the list
        text += _flow_or_block(rng, "- dagen", sorted(rng.sample(DAGEN[:5], rng.randint(1, 3)), key=DAGEN.index), "  ")
        text += f"    van: {_time(start, rng.choice([0, 30]), rng)}\n"
        text += f"    tot: {_time(end, rng.choice([0, 15, 45]), rng)}\n"
        if rng.random() < 0.3:
            text += "    toelichting: Niet in de schoolvakanties.\n"
        if rng.random() < 0.05:  # a spreekuur at the first place, as municipalities have a few per kern
            text += f"    soort: spreekuur\n    locatie: gemeenschapshuis {kern}\n"
    text += _flow_or_block(rng, "trefwoorden", rng.sample(TREFWOORDEN, rng.randint(2, 6)))
    text += _flow_or_block(rng, "talen", rng.sample(TALEN, rng.randint(1, 3)))
    text += f"status: {rng.choices(['actief', 'tijdelijk-gesloten', 'gestopt'], weights=[18, 1, 1])[0]}\n"
    if rng.random() < 0.3:
        text += f"geldig_tot: {(today + timedelta(days=rng.randint(30, 700))).isoformat()}\n"
    if rng.random() < 0.3:
        text += "wachttijd:\n"
        text += f"  tekst: binnen {rng.randint(1, 12)} weken een eerste gesprek\n"
        text += f"  gecontroleerd: {(today - timedelta(days=rng.randint(0, 80))).isoformat()}\n"
    text += f"gecontroleerd: {(today - timedelta(days=rng.randint(0, 300))).isoformat()}\n"
    return record_id, text


def _face(rng: random.Random, number: int, ids: list, today: date):
    voornaam, achternaam = rng.choice(VOORNAMEN), rng.choice(ACHTERNAMEN)
    naam = f"{voornaam} {achternaam}"
    face_id = f"{voornaam}-{achternaam}-{number}".lower().replace(" ", "-")
    text = (
        f"naam: {naam}\n"
        f"functie: {rng.choice(FUNCTIES)}\n"
        f"organisatie: {rng.choice([a for a in AANBIEDERS if a])}\n"
    )
    if ids:
        text += f"voorziening: {rng.choice(ids)}\n"
    text += f"telefoon: {_phone(rng, mobile=rng.random() < 0.7)}\n"
    text += f"email: {face_id}@welzijn.example\n"
    text += "bereikbaar: ma t/m do, 8.30–17.00\n"
    text += _flow_or_block(rng, "vragen", rng.sample(["Eenzaamheid", "Hulp in huis", "Vervoer",
                                                      "Geldzorgen", "Opvoeden", "Wonen"], 3))
    text += _flow_or_block(rng, "kernen", rng.sample(KERNEN, rng.randint(1, 3)))
    photo = None
    if number % 3 == 0:  # explicit photo name
        photo = f"{face_id}-portret.jpg"
        text += f"foto: {photo}\n"
    elif number % 3 == 1:  # the default: <id>.jpg next to the card
        photo = f"{face_id}.jpg"
    else:  # no photo: the card shows initials; say so, or the checker warns
        pass
    if photo:
        text += f"foto_alt: {naam} lacht in de camera\n"
    text += f"toestemming: {(today - timedelta(days=rng.randint(10, 400))).isoformat()}\n"
    text += f"gecontroleerd: {(today - timedelta(days=rng.randint(0, 300))).isoformat()}\n"
    return face_id, text, photo


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Schrijf een synthetische gegevensmap.")
    parser.add_argument("folder", type=Path)
    parser.add_argument("--records", type=int, default=1000)
    parser.add_argument("--faces", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    result = write_dataset(args.folder, args.records, args.faces, args.seed)
    print(f"{len(result.record_ids)} voorzieningen en {len(result.face_ids)} gezichten in {result.root}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
