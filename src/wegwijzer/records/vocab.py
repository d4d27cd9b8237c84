"""The fixed vocabularies of the data format, with the labels residents see."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from ..urls import ROUTE_SLUGS as ROUTE_SLUGS  # each route's address, re-exported beside the routes

if TYPE_CHECKING:
    from .model import Voorziening

ROUTES = {
    "zelf": "Zelf doen",
    "samen": "Samen doen",
    "laten": "Laten doen",
}

# Lists put what a resident can do themselves first, then with others, then professional help
# (the municipalities' own order): a record's place by its route.
ROUTE_RANK = {route: rank for rank, route in enumerate(ROUTES)}


def in_route_order(records: Iterable[Voorziening]) -> list[Voorziening]:
    """``records`` zelf, samen, laten, each by name; stopped help last."""
    return sorted(records, key=lambda v: (v.status == "gestopt", ROUTE_RANK[v.route], v.naam.lower()))


ROUTE_EXPLANATIONS = {
    "zelf": "Informatie, tips en tests. Daarmee ga je zelf aan de slag.",
    "samen": "Hulp van buren, vrijwilligers en mensen die hetzelfde meemaken.",
    "laten": "Hulp van een professional, zoals een hulpverlener of de gemeente.",
}

TOEGANG = {
    "vrij": "Vrij toegankelijk",
    "verwijzing": "Verwijzing nodig",
    "beschikking": "Beschikking van de gemeente nodig",
}

# Who decides whether someone gets the help (`beslist`, records/access.py), as a sentence names them.
BESLISSERS = {
    "gemeente": "de gemeente",
    "ciz": "het CIZ",
    "zorgverzekeraar": "de zorgverzekeraar",
    "uwv": "het UWV",
    "rechter": "de rechter",
    "aanbieder": "de aanbieder",
}

# Before the record's own first step (aanmelden) on the handout and the poster, in B1 words;
# a beschikking names who decides (records/access.py first_step).
FIRST_STEP = {"vrij": "Je kunt zo gaan.", "verwijzing": "Je hebt een verwijzing nodig."}

TOEGANG_EXPLANATIONS = {
    "vrij": "Je kunt zo binnenlopen of bellen.",
    "verwijzing": "Je hebt eerst een verwijzing nodig, bijvoorbeeld van de huisarts of het CJG.",
    "beschikking": "De gemeente beslist na een gesprek of je deze hulp krijgt.",
}

THEMAS = {
    "geld": "Geld, schulden en formulieren",
    "werk": "Werk, school en dagbesteding",
    "wonen": "Wonen en huishouden",
    "gezondheid": "Gezondheid en beperking",
    "psyche": "Zorgen, stress en psychische klachten",
    "opvoeden": "Opvoeden en opgroeien",
    "ontmoeten": "Ontmoeten en meedoen",
    "mantelzorg": "Mantelzorg en zorgen voor een ander",
    "vervoer": "Vervoer en boodschappen",
    "veiligheid": "Veiligheid en huiselijk geweld",
    "verslaving": "Alcohol, drugs en gokken",
    "taal": "Taal, lezen en digitale vaardigheden",
}

DOELGROEPEN = {
    "kinderen": "Kinderen (0–12)",
    "jongeren": "Jongeren (12–23)",
    "ouders": "Ouders en opvoeders",
    "volwassenen": "Volwassenen",
    "ouderen": "Ouderen",
    "mantelzorgers": "Mantelzorgers",
    "nieuwkomers": "Nieuwkomers",
    "beperking": "Mensen met een beperking",
}

KOSTEN = {"gratis": "Gratis", "bijdrage": "Eigen bijdrage", "betaald": "Betaald"}

WETTEN = {
    "Wmo": "Wet maatschappelijke ondersteuning",
    "Jeugdwet": "Jeugdwet",
    "Participatiewet": "Participatiewet",
    "Wlz": "Wet langdurige zorg",
    "Zvw": "Zorgverzekeringswet",
}

STATUS = {
    "actief": "Actief",
    "tijdelijk-gesloten": "Tijdelijk gesloten",
    "gestopt": "Gestopt",
}

DAGEN = {
    "ma": "maandag",
    "di": "dinsdag",
    "wo": "woensdag",
    "do": "donderdag",
    "vr": "vrijdag",
    "za": "zaterdag",
    "zo": "zondag",
}

# What an opening time is: open hours (the default) or a spreekuur, where someone is there
# for your questions (at a GP practice, a school, the library).
OPENINGSTIJD_SOORTEN = {"open": "Open", "spreekuur": "Spreekuur"}

# What a search hit is (a search document's `soort`), with the label the search page shows
# in its filter and on each hit (the documents carry the key only: search/fields.py).
SOORTEN = {
    "voorziening": "Voorziening",
    "gezicht": "Persoon om te bellen",
    "artikel": "Artikel",
    "levensloop": "Levensgebeurtenis",
    "pagina": "Uitleg",
}

# How residents reach the one front door (gemeente.yaml, loket.kanalen).
KANALEN = {
    "telefoon": "Bellen",
    "whatsapp": "WhatsApp",
    "email": "E-mail",
    "formulier": "Formulier op de website",
    "binnenlopen": "Binnenlopen",
    "huisbezoek": "Iemand komt bij je thuis",
}

# What a question in the search can signal that needs a crisis line above the results
# (search/crisis.yaml). The lines come from gemeente.yaml's `crisis` and CRISIS_LINES below.
CRISIS_SOORTEN = {
    "zelfdoding": "Gedachten aan zelfdoding",
    "zelfbeschadiging": "Zichzelf pijn doen",
    "huiselijk-geweld": "Huiselijk geweld",
    "kindermishandeling": "Kindermishandeling",
    "acuut-gevaar": "Direct gevaar",
}

# The national lines every municipality's crisis block shows (gemeente.yaml's `crisis` adds to
# them and cannot take them away): name, numbers, chat address, explanation, kinds.
CRISIS_LINES = (
    ("113 Zelfmoordpreventie", ("113", "0800 0113"), "https://www.113.nl/",
     "Denk je aan zelfdoding, of maak je je zorgen om iemand? Praat er anoniem over, dag en nacht. "
     "0800 0113 is gratis.", ("zelfdoding", "zelfbeschadiging")),
    ("Veilig Thuis", ("0800 2000",), None,
     "Bij huiselijk geweld en kindermishandeling, ook als je twijfelt. Gratis en anoniem, dag en nacht.",
     ("huiselijk-geweld", "kindermishandeling")),
    ("112", ("112",), None, "Is er nu direct gevaar? Bel 112.", tuple(CRISIS_SOORTEN)),
)

# The languages the search understands besides Dutch (search/woordenboek.yaml, search/crisis.yaml).
SEARCH_LANGUAGES = {"nl": "Nederlands", "en": "Engels", "ar": "Arabisch", "tr": "Turks", "pl": "Pools",
                    "uk": "Oekraïens"}

# Names of the languages residents most often ask for; other codes are shown as-is.
TALEN = {
    "nl": "Nederlands", "en": "Engels", "de": "Duits", "fr": "Frans", "li": "Limburgs",
    "ar": "Arabisch", "tr": "Turks", "pl": "Pools", "uk": "Oekraïens", "ru": "Russisch",
    "ti": "Tigrinya", "so": "Somalisch", "fa": "Perzisch", "prs": "Dari", "es": "Spaans",
    "pt": "Portugees", "ro": "Roemeens", "bg": "Bulgaars", "ku": "Koerdisch",
    "no": "Noors", "zgh": "Berbers", "ber": "Berbers", "pap": "Papiaments",
    "srn": "Sranantongo", "fy": "Fries", "it": "Italiaans", "zh": "Chinees",
    "sgn": "Gebarentaal", "ngt": "Nederlandse Gebarentaal",
}

# Very common Dutch words that carry no meaning in a search; the search ignores them.
# Keep words out of this list that residents search with ("alleen", "zelf", "samen",
# "geen", "hulp"): `wegwijzer check` reports a synonym that is also a stop word.
STOP_WORDS = (
    "de", "het", "een", "en", "van", "in", "op", "te", "ten", "ter", "dat", "die", "dit", "deze",
    "der", "des", "aan", "er", "om", "ook", "als", "of", "door", "over", "naar", "uit", "tot",
    "je", "jij", "ik", "u", "wij", "we", "zij", "ze", "hij", "mijn", "mij", "me", "uw", "hun",
    "is", "was", "zijn", "ben", "wordt", "worden", "werd", "kan", "kunnen", "wil", "moet", "hoe",
    "wat", "waar", "wie", "welke", "toch", "nog", "al", "dan", "maar", "want", "dus",
)

# The accessibility statement's status, as in the government's register (A, B, C, D).
TOEGANKELIJKHEID_STATUS = {
    "voldoet": "Deze website voldoet volledig aan de norm.",
    "voldoet-gedeeltelijk": "Deze website voldoet voor een deel aan de norm.",
    "eerste-maatregelen": "Deze website voldoet nog niet aan de norm. We hebben de eerste stappen gezet.",
    "voldoet-niet": "Deze website voldoet nog niet aan de norm.",
}

# Question filler for the built-in search (Pagefind), on top of STOP_WORDS: the words a
# resident wraps a question in ("ik weet niet hoe ik ... kan ...", "help, wie ...").
# The search page drops them before it looks for meaningful words, so "ik voel me alleen"
# searches for "voel alleen". Only words that never say what help someone needs: no
# "hulp", "geen", "alleen", "zelf", "samen", "thuis", "geld", "zorg" (residents search with
# those). Meilisearch gets the same cleaned query (search/settings.yaml has STOP_WORDS).
QUESTION_FILLER = (
    "ik", "mijn", "mij", "me", "mezelf", "jou", "jouw", "jezelf", "ons", "onze", "haar", "hem", "zich",
    "kan", "kun", "kunt", "kon", "wilt", "willen", "wou", "mag", "mogen", "moeten", "zal", "zou", "zullen",
    "heb", "hebt", "heeft", "hebben", "had", "word", "bent", "ga", "gaat", "gaan", "doe", "doet",
    "wat", "hoe", "wie", "waar", "wanneer", "waarom", "welk", "hoeveel",
    "niet", "wel", "graag", "even", "eens", "nu", "er", "hier", "daar", "iets", "iemand", "ergens",
    "help", "helpen", "hallo", "hoi", "beste", "alsjeblieft", "aub", "svp", "vraag", "vragen",
    "zoek", "zoeken", "vind", "vinden", "weet", "weten", "krijg", "krijgen", "met", "voor", "bij", "mee",
    "meer", "heel", "erg", "zo", "steeds",
)

# The English words of a question that carry no need, like QUESTION_FILLER: the build takes no
# entry for them from the English-Dutch dictionary (search/freedict.py lists every sense of
# 'need', 'where' or 'looking').
ENGLISH_FILLER = (
    "about", "after", "again", "also", "anyone", "anything", "around", "because", "been", "before", "being",
    "could", "does", "doing", "done", "dont", "each", "even", "every", "find", "from", "have", "having",
    "help", "helps", "here", "into", "just", "know", "like", "look", "looking", "looks", "make", "many",
    "more", "most", "much", "must", "need", "needs", "needed", "only", "other", "please", "really", "should",
    "some", "someone", "something", "still", "such", "than", "that", "their", "them", "then", "there",
    "these", "they", "thing", "things", "this", "those", "very", "want", "wants", "what", "when", "where",
    "which", "while", "will", "with", "without", "would", "your", "yours", "anymore", "always", "never",
    "going", "getting", "gets", "give", "can't", "cannot", "tell", "told", "says", "said", "good", "well",
)
