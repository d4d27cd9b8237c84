"""Close to home: the kern pages and the spreekuren of the week.

A record counts for a kern when it names that kern or has a location in it
(``Voorziening.local_kernen``). A kern page shows, in this order: what is in the kern,
the kern's people (face cards whose ``kernen`` include it), this week's spreekuren there,
and then what is there for the whole municipality (closed on phones). Spreekuren are
opening times of the kind "spreekuur", each at a place (records/model.py ``place_of``).

This module builds the data; the templates make the markup (theme/wegwijzer/kern.html,
spreekuren.html, spreekuren-per-dag.html, spreekuur.html, op-deze-pagina.html, kaart.html,
zoekdata.html) and escape every text from a record.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from ..records.model import Location, Voorziening
from ..records.vocab import DAGEN
from ..text import location_line
from ..urls import (
    SPREEKUREN_URL,
    WHOLE_MUNICIPALITY_URL,
    kern_slug,
    kern_url,
    record_url,
    rel,
)
from .markers import EVERYONE, WHOLE_MUNICIPALITY, filter_tag, search_data
from .render import record_card_data
from .render_parts import face_card_data
from .templating import templates_of

OTHER_PLACES = "Elders"  # a spreekuur outside the kernen, or at no fixed place, in a record for everyone


@dataclass(frozen=True)
class Spreekuur:
    """One spreekuur of a record on one day, where it is held."""

    record: Voorziening
    day: str  # "ma" .. "zo"
    van: str
    tot: str
    toelichting: Optional[str]
    place: Optional[Location]
    kernen: tuple  # the kernen it counts for; () for elsewhere


def spreekuren(records) -> list:
    """Every spreekuur of the week of records that are open (not closed for now or stopped), by
    day, then start time, then name. A spreekuur counts for the kern of its place; one without a
    place counts for the kernen its record names."""
    found = []
    for v in records:
        if v.status != "actief":
            continue
        for hours in v.openingstijden:
            if not hours.is_spreekuur:
                continue
            place = v.place_of(hours)
            if place is not None:
                kernen = (place.kern,) if place.kern else ()
            else:
                kernen = tuple(v.kernen)
            for day in hours.dagen:
                found.append(Spreekuur(v, day, hours.van, hours.tot, hours.toelichting, place, kernen))
    order = list(DAGEN)
    return sorted(found, key=lambda s: (order.index(s.day), s.van, s.record.naam.lower()))


def spreekuur_data(s: Spreekuur, from_url: str) -> dict:
    """What template wegwijzer/spreekuur.html shows of one spreekuur."""
    return {"van": s.van, "tot": s.tot, "link": rel(from_url, record_url(s.record)), "naam": s.record.naam,
            "plek": location_line(s.place) if s.place is not None else "", "toelichting": s.toelichting or ""}


def week_data(items, from_url: str, kernen: Optional[tuple], level: str = "h2", prefix: str = "dag-") -> dict:
    """The spreekuren ``items`` by day, in the week's order (template wegwijzer/spreekuren-per-dag.html);
    within a day by kern (in gemeente.yaml's order, then elsewhere) when ``kernen`` is given, else
    one list. Each day is also a target of wegwijzer/op-deze-pagina.html (its ``id`` and ``naam``)."""
    days = []
    for day in DAGEN:
        today = [s for s in items if s.day == day]
        if not today:
            continue
        if kernen is None:
            groups = [{"kern": "", "link": "", "spreekuren": [spreekuur_data(s, from_url) for s in today]}]
        else:
            groups = []
            for kern in (*kernen, OTHER_PLACES):
                here = [s for s in today if (kern in s.kernen if kern != OTHER_PLACES else not s.kernen)]
                if here:
                    groups.append({"kern": kern if kern != OTHER_PLACES else "",
                                   "link": rel(from_url, kern_url(kern)) if kern != OTHER_PLACES else "",
                                   "spreekuren": [spreekuur_data(s, from_url) for s in here]})
        days.append({"id": f"{prefix}{day}", "dag": day, "naam": DAGEN[day].capitalize(), "groepen": groups})
    return {"kop": level, "subkop": "h3" if level == "h2" else "h4", "per_kern": kernen is not None, "dagen": days}


def info_data() -> dict:
    """Search data of a page for everyone, everywhere (soort "pagina"; template wegwijzer/zoekdata.html)."""
    return search_data([filter_tag("soort", "pagina"), ("meta", "soort", "pagina"), filter_tag("doelgroepen", EVERYONE),
                        filter_tag("kernen", WHOLE_MUNICIPALITY)])


def spreekuren_data(url: str, items, kernen: tuple) -> dict:
    """What /spreekuren/ shows (template wegwijzer/spreekuren.html)."""
    return {"zoekdata": info_data(), "week": week_data(items, url, kernen), "zoeken": rel(url, "zoeken/"),
            "kernen": [{"naam": k, "link": rel(url, kern_url(k))} for k in kernen]}


def spreekuren_page(ctx, url: str, items) -> str:
    g = ctx.dataset.gemeente
    kernen = tuple(g.kernen) if g else ()
    return templates_of(ctx).get_template("wegwijzer/spreekuren.html").render(
        spreekuren=spreekuren_data(url, items, kernen))


def kern_data(kern: str, ctx, url: str, local, local_total: int, total_pages: int, whole, whole_total: int,
              items) -> dict:
    """What page 1 of /kern/<slug>/ shows (template wegwijzer/kern.html)."""
    return {
        "naam": kern,
        "slug": kern_slug(kern),
        "hier": {"aantal": local_total, "kaarten": [record_card_data(v, url) for v in local], "paginas": total_pages,
                 "volgende": rel(url, f"{url}pagina/2/") if total_pages > 1 else ""},
        "mensen": [face_card_data(f, url, ctx.photos) for f in ctx.dataset.gezichten if kern in f.kernen],
        "gezichtenkaart": rel(url, "gezichtenkaart/"),
        "week": week_data(items, url, None, level="h3", prefix="kern-dag-"),
        "alle_spreekuren": rel(url, SPREEKUREN_URL),
        "hele_gemeente": {"aantal": whole_total, "kaarten": [record_card_data(v, url) for v in whole],
                          "meer": whole_total > len(whole), "link": rel(url, WHOLE_MUNICIPALITY_URL)},
    }


def kern_page(kern: str, ctx, url: str, local, local_total: int, total_pages: int, whole, whole_total: int,
              items) -> str:
    """Page 1 of /kern/<slug>/: here, the people, the spreekuren, then the whole municipality."""
    return templates_of(ctx).get_template("wegwijzer/kern.html").render(
        kern=kern_data(kern, ctx, url, local, local_total, total_pages, whole, whole_total, items))
