"""Search documents built from the normalised records (never from HTML).

Pure functions: a Dataset (and the articles) in, a list of JSON-ready dicts out.
One document per published voorziening, face card and article. Filter values are
slugs (stable, short, safe in a filter expression); labels ride along for display.

Meilisearch's documented limits that apply here (checked by ``document_problems``):
- a document id is a string of ``a-z A-Z 0-9 - _`` and at most 511 bytes;
- ``_geo`` is an object ``{"lat": float, "lng": float}``;
- each individual value of a filterable attribute is at most 468 bytes.
"""

from __future__ import annotations

import re
from typing import Any, Iterable, Iterator, Optional

from ..records import vocab
from ..records.access import decider
from ..records.articles import Article
from ..records.extras import searched_texts
from ..records.levensloop import RoutePage
from ..records.model import Dataset, Declared, Face, Location, Phone, Voorziening
from ..records.schema.framework import Field
from ..records.schema.tables import FACE_FIELDS, VOORZIENING_FIELDS
from ..text import location_line
from ..urls import article_url, face_url, info_pages, kern_slug, record_url
from . import fields
from .plaintext import plain_text, words

ID_MAX_BYTES = 511
FILTER_VALUE_MAX_BYTES = 468
DOCUMENT_ID = re.compile(r"^[a-zA-Z0-9_-]+$")

Document = dict[str, Any]  # one search document, ready for JSON

# Attributes whose values are used in filters and facets (search/fields.py).
FILTERABLE = tuple(name for name in fields.FILTERABLE if name != "_geo")


# --- helpers ----------------------------------------------------------------------------


def truncate_bytes(value: str, limit: int = FILTER_VALUE_MAX_BYTES) -> str:
    """Cut ``value`` to at most ``limit`` UTF-8 bytes without splitting a character."""
    data = value.encode("utf-8")
    if len(data) <= limit:
        return value
    return data[:limit].decode("utf-8", "ignore")


def phone_forms(phone: Optional[Phone]) -> list[str]:
    """'045 123 45 67' and '0451234567': residents type either."""
    if phone is None:
        return []
    national = phone.tel
    if national.startswith("+31"):
        national = "0" + national[3:]
    forms = [phone.display, national]
    return list(dict.fromkeys(f for f in forms if f))


def postcode_forms(postcode: Optional[str]) -> list[str]:
    if not postcode:
        return []
    compact = postcode.replace(" ", "")
    return list(dict.fromkeys([postcode, compact]))


def _filter_values(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(truncate_bytes(v) for v in values if v))


def _geo(locaties: Iterable[Location]) -> Optional[dict[str, float]]:
    for loc in locaties:
        if loc.lat is not None and loc.lon is not None:  # loc.has_coordinates
            return {"lat": float(loc.lat), "lng": float(loc.lon)}
    return None


# --- documents ----------------------------------------------------------------------------


def _kernen(named: tuple[str, ...], all_kernen: tuple[str, ...]) -> tuple[str, ...]:
    """Empty means the whole municipality: a filter on any kern must find it."""
    return tuple(named) if named else tuple(all_kernen)


def _head(soort: str, key: str, url: str, naam: str) -> Document:
    """The fields every document starts with: what kind of hit it is, and where it leads."""
    return {"id": f"{soort}-{key}", "soort": soort, "record_id": key, "url": url, "naam": naam}


def _themas(themas: Iterable[str]) -> Document:
    themas = tuple(themas)
    return {"themas": _filter_values(themas), "themas_labels": [vocab.THEMAS[t] for t in themas]}


def _doelgroepen(doelgroepen: Iterable[str]) -> Document:
    doelgroepen = tuple(doelgroepen)
    return {"doelgroepen": _filter_values(doelgroepen),
            "doelgroepen_labels": [vocab.DOELGROEPEN[d] for d in doelgroepen]}


def _kern_fields(kernen: Iterable[str]) -> Document:
    kernen = tuple(kernen)
    return {"kernen": _filter_values(kern_slug(k) for k in kernen), "kernen_labels": list(kernen)}


_ACTIVE = {"status": "actief"}


def voorziening_document(record: Voorziening, all_kernen: tuple[str, ...] = ()) -> Document:
    # A record counts for the kernen it names and those its locations are in (site/markers.py:
    # the same rule for Pagefind); one that names none is for every kern.
    kernen = _kernen(record.local_kernen if record.kernen else (), all_kernen)
    doelgroepen = tuple(record.doelgroepen) or tuple(vocab.DOELGROEPEN)
    locaties = record.locaties
    doc: Document = {
        **_head("voorziening", record.id, record_url(record), record.naam),
        "samenvatting": record.samenvatting,
        "trefwoorden": list(record.trefwoorden),
        "aanbieder": record.aanbieder or "",
        "beschrijving": plain_text(record.beschrijving),
        "aanmelden": record.aanmelden or "",
        "kosten_toelichting": record.kosten_toelichting or "",
        "route": record.route,
        "toegang": record.toegang,
        **_themas(record.themas),
        **_doelgroepen(doelgroepen),
        **_kern_fields(kernen),
        "kosten": record.kosten or "onbekend",
        "status": record.status,
        "wet": _filter_values([record.wet] if record.wet else []),
        "talen": _filter_values(record.talen),
        # What the record page says of each place, its accessibility too ("drempelvrij", "lift").
        "locaties": [" ".join(filter(None, (location_line(loc), loc.toegankelijkheid))) for loc in locaties],
        "plaatsen": list(dict.fromkeys(loc.plaats for loc in locaties if loc.plaats)),
        "postcodes": [f for loc in locaties for f in postcode_forms(loc.postcode)],
        "telefoon": phone_forms(record.contact.telefoon) + phone_forms(record.contact.whatsapp),
        "gecontroleerd": record.gecontroleerd.isoformat(),
    }
    if who := decider(record):
        doc["beslist"] = who
    if record.wachttijd:
        doc["wachttijd"] = record.wachttijd.summary
    doc.update(_extra(record, VOORZIENING_FIELDS))
    geo = _geo(locaties)
    if geo:
        doc["_geo"] = geo
    return doc


def face_document(face: Face, linked: Optional[Voorziening] = None, all_kernen: tuple[str, ...] = ()) -> Document:
    """A face card. It borrows themes and target groups from its voorziening, if any."""
    kernen = _kernen(face.kernen, all_kernen)
    themas = tuple(linked.themas) if linked else ()
    doelgroepen = (tuple(linked.doelgroepen) or tuple(vocab.DOELGROEPEN)) if linked else tuple(vocab.DOELGROEPEN)
    doc: Document = {
        **_head("gezicht", face.id, face_url(face), face.naam),
        "samenvatting": f"{face.functie} bij {face.organisatie}",
        "trefwoorden": list(face.vragen),
        "aanbieder": face.organisatie,
        "beschrijving": face.bereikbaar or "",
        **_themas(themas),
        **_doelgroepen(doelgroepen),
        **_kern_fields(kernen),
        **_ACTIVE,
        "telefoon": phone_forms(face.telefoon),
        "gecontroleerd": face.gecontroleerd.isoformat(),
    }
    doc.update(_extra(face, FACE_FIELDS))
    return doc


def _extra(model: Declared, fields: dict[str, Field]) -> Document:
    """Fields declared without an attribute of their own (records/extras.py), when searched."""
    return {"extra": searched_texts(model, fields)}


def article_document(article: Article) -> Document:
    """An article (wegwijzer.articles.Article: slug, title, samenvatting, themas, body)."""
    themas = [t for t in article.themas if t in vocab.THEMAS]
    return {
        **_head("artikel", article.slug, article_url(article), article.title),
        "samenvatting": article.samenvatting or "",
        "trefwoorden": list(getattr(article, "trefwoorden", ()) or ()),
        "beschrijving": plain_text(article.body),
        **_themas(themas),
        "route": "zelf",
        **_ACTIVE,
    }


def route_page_document(page: RoutePage, dataset: Dataset, all_kernen: tuple[str, ...] = ()) -> Document:
    """A life event or the "Zorgen om een ander" page (records/levensloop.py): found by its title,
    introduction and the names of the records and articles it leads to."""
    steps = [v.naam for v in (dataset.voorziening(s.voorziening) for s in page.stappen if s.voorziening) if v]
    doelgroepen = tuple(page.doelgroepen) or tuple(vocab.DOELGROEPEN)
    return {
        **_head("pagina" if page.worried else "levensloop", page.slug, page.url, page.titel),
        "samenvatting": page.intro,
        "trefwoorden": steps,
        "beschrijving": " ".join(filter(None, [page.let_op] + [s.uitleg for s in page.stappen])),
        **_themas(page.themas),
        **_doelgroepen(doelgroepen),
        **_kern_fields(all_kernen),
        **_ACTIVE,
    }


def info_page_document(slug: str, url: str, title: str, summary: str, words: Iterable[str],
                       all_kernen: tuple[str, ...] = ()) -> Document:
    """A page made from gemeente.yaml (one front door, complaints, spreekuren): for everyone, everywhere."""
    return {
        **_head("pagina", slug, url, title),
        "samenvatting": summary,
        "trefwoorden": [w for w in words if w],
        **_doelgroepen(tuple(vocab.DOELGROEPEN)),
        **_kern_fields(all_kernen),
        **_ACTIVE,
    }


# The text fields whose words' lemmas go into ``stammen`` (Meilisearch has no Dutch stemming: a
# form the resident types meets the lemma through the index's synonyms, see settings.py).
STEMMED_FIELDS = fields.STEMMED


def with_stems(doc: Document) -> Document:
    """The document with ``stammen`` (the lemmas of its words, search/morphology.py) and ``actief``
    (0 for a stopped record: it ranks after every active one, settings.yaml's rankingRules)."""
    from .morphology import lemma

    texts: list[str] = []
    for name in STEMMED_FIELDS:
        value = doc.get(name)
        texts.extend(value if isinstance(value, list) else [value or ""])
    stop = set(vocab.STOP_WORDS)
    doc["stammen"] = sorted({lemma(w, "nl") for text in texts for w in words(text) if w not in stop})
    doc["actief"] = 0 if doc.get("status") == "gestopt" else 1
    return doc


def page_documents(dataset: Dataset, articles: Iterable[Article] = ()) -> Iterator[Document]:
    """The documents of the records, faces and articles (the pages Pagefind indexes), without
    their stems; in a stable order."""
    all_kernen = tuple(dataset.gemeente.kernen) if dataset.gemeente else ()
    for record in dataset.voorzieningen:
        yield voorziening_document(record, all_kernen)
    for face in sorted(dataset.gezichten, key=lambda f: f.id):
        linked = dataset.voorziening(face.voorziening) if face.voorziening else None
        yield face_document(face, linked, all_kernen)
    for article in sorted(articles, key=lambda a: a.slug):
        yield article_document(article)


def build_documents(dataset: Dataset, articles: Iterable[Article] = (), life_events: Iterable[RoutePage] = (),
                    worried: Optional[RoutePage] = None) -> list[Document]:
    """Every search document of a checked dataset, in a stable order."""
    all_kernen = tuple(dataset.gemeente.kernen) if dataset.gemeente else ()
    docs = list(page_documents(dataset, articles))
    docs.extend(route_page_document(e, dataset, all_kernen) for e in life_events)
    if worried is not None:
        docs.append(route_page_document(worried, dataset, all_kernen))
    if dataset.gemeente:
        docs.extend(info_page_document(*about, all_kernen=all_kernen) for about in info_pages(dataset.gemeente))
    return [with_stems(doc) for doc in docs]


# --- limits ---------------------------------------------------------------------------------


def document_problems(documents: list[Document], filterable: Iterable[str] = FILTERABLE) -> list[str]:
    """Every way a document breaks Meilisearch's documented limits, as readable lines."""
    problems = []
    seen = set()
    filterable = [f for f in filterable if f != "_geo"]
    for doc in documents:
        doc_id = doc.get("id")
        where = f"document {doc_id!r}"
        if not isinstance(doc_id, str) or not DOCUMENT_ID.match(doc_id):
            problems.append(f"{where}: de id mag alleen a-z, A-Z, 0-9, '-' en '_' bevatten.")
        elif len(doc_id.encode("utf-8")) > ID_MAX_BYTES:
            problems.append(f"{where}: de id is langer dan {ID_MAX_BYTES} bytes.")
        if doc_id in seen:
            problems.append(f"{where}: deze id komt twee keer voor.")
        seen.add(doc_id)
        if "_geo" in doc:
            geo = doc["_geo"]
            if not (isinstance(geo, dict) and set(geo) == {"lat", "lng"}
                    and all(isinstance(geo[k], (int, float)) and not isinstance(geo[k], bool) for k in geo)
                    and -90 <= geo["lat"] <= 90 and -180 <= geo["lng"] <= 180):
                problems.append(f"{where}: _geo moet {{lat, lng}} met getallen zijn, maar is {geo!r}.")
        for name in filterable:
            value = doc.get(name)
            values = value if isinstance(value, list) else [value]
            for v in values:
                if isinstance(v, str) and len(v.encode("utf-8")) > FILTER_VALUE_MAX_BYTES:
                    problems.append(f"{where}: een waarde van {name} is langer dan {FILTER_VALUE_MAX_BYTES} bytes.")
    return problems
