"""Helpers for site build and browser tests: fixture data folders, builds, a local server."""

from __future__ import annotations

import functools
import http.server
import json
import threading
from datetime import date, timedelta
from pathlib import Path

from conftest import GEMEENTE_YAML, REPO, write

RECENT = (date.today() - timedelta(days=7)).isoformat()

# Each payload tries another way in: a script tag, an event handler, a template.
PAYLOAD = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=1">{{ 7*7 }}'
SHORT = '<img src=x onerror=window.__pwned=1>{{7*7}}'  # fits 80-character fields


def q(value: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def small_dataset(folder: Path, expired: bool = True) -> Path:
    write(folder, "gemeente.yaml", GEMEENTE_YAML + "marktplaats: https://voorelkaar.example\ndemo: ja\n")
    write(folder, "hoeskamer.yaml", f"""
        naam: Hoeskamer Amstenrade
        samenvatting: Een huiskamer in het dorp. Kom langs voor koffie.
        route: samen
        toegang: vrij
        themas: [ontmoeten]
        kernen: [Amstenrade]
        aanmelden: Gewoon binnenlopen.
        contact:
          telefoon: 045 123 45 67
        openingstijden:
          - dagen: [di, do]
            van: 10:00
            tot: 12:00
        gecontroleerd: {RECENT}
    """)
    write(folder, "schuldhulp.yaml", f"""
        naam: Schuldhulp Beekdaelen
        samenvatting: Hulp als je schulden hebt. Een coach kijkt samen met je naar je geld.
        route: laten
        toegang: verwijzing
        themas: [geld]
        doelgroepen: [volwassenen]
        aanmelden: Bel het sociaal team.
        wet: Participatiewet
        gecontroleerd: {RECENT}
    """)
    write(folder, "gesloten.yaml", f"""
        naam: Inloop Hulsberg
        samenvatting: Een inloop voor iedereen. Nu even dicht.
        route: samen
        toegang: vrij
        themas: [ontmoeten]
        status: tijdelijk-gesloten
        gecontroleerd: {RECENT}
    """)
    if expired:
        write(folder, "verlopen.yaml", f"""
            naam: Oude Zomeractie
            samenvatting: Een actie die voorbij is.
            route: zelf
            toegang: vrij
            themas: [geld]
            geldig_tot: 2020-01-01
            gecontroleerd: {RECENT}
        """)
    write(folder, "gezichten/anne-voorbeeld.yaml", f"""
        naam: Anne Voorbeeld
        functie: Ouderenadviseur
        organisatie: Stichting Welzijn Beekdaelen
        voorziening: hoeskamer
        telefoon: 06 12345678
        vragen: [Eenzaamheid, Vervoer]
        toestemming: 2026-03-14
        gecontroleerd: {RECENT}
    """)
    return folder


def injection_dataset(folder: Path) -> Path:
    """Injection strings in every text field of a record and of a face card."""
    write(folder, "gemeente.yaml", GEMEENTE_YAML)
    write(folder, "injectie.yaml", f"""
        naam: {q("Inloop " + SHORT)}
        samenvatting: {q("Kom langs. " + PAYLOAD)}
        route: samen
        toegang: verwijzing
        themas: [ontmoeten]
        aanbieder: {q("Stichting " + PAYLOAD)}
        beschrijving: {q("Tekst " + PAYLOAD + " [klik](javascript:window.__pwned=1) ![x](https://evil.example/x.png)"
                        + chr(10) + "{: onclick=window.__pwned=1 }" + chr(10) + chr(10) + "<div onmouseover=window.__pwned=1>x</div>")}
        aanmelden: {q("Bel ons. " + PAYLOAD)}
        kosten: bijdrage
        kosten_toelichting: {q("Vijf euro " + PAYLOAD)}
        contact:
          telefoon: 045 123 45 67
          website: https://voorbeeld.example/pad?a=1&b=2
        locaties:
          - naam: {q("Zaal " + PAYLOAD)}
            adres: {q("Straat 1 " + PAYLOAD)}
            postcode: 6436 AA
            plaats: {q("Amstenrade " + SHORT)}
            toegankelijkheid: {q("Drempel " + PAYLOAD)}
        openingstijden:
          - dagen: [ma]
            van: 9:00
            tot: 17:00
            toelichting: {q("Niet in de vakantie " + PAYLOAD)}
        trefwoorden: [{q("koffie " + SHORT)}]
        gecontroleerd: {RECENT}
    """)
    write(folder, "gezichten/injectie-gezicht.yaml", f"""
        naam: {q("Anne " + SHORT)}
        functie: {q("Adviseur " + SHORT)}
        organisatie: {q("Welzijn " + PAYLOAD)}
        voorziening: injectie
        telefoon: 06 12345678
        bereikbaar: {q("ma-vr " + PAYLOAD)}
        vragen: [{q("Geld " + PAYLOAD)}]
        foto_alt: {q("Foto " + PAYLOAD)}
        toestemming: 2026-03-14
        gecontroleerd: {RECENT}
    """)
    photo(folder / "gezichten" / "injectie-gezicht.jpg")
    return folder


def photo(path: Path, colour=(90, 130, 170)):
    from PIL import Image
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (600, 800), colour).save(path, "JPEG")
    return path


MEILI_VARIABLES = ("MEILI_URL", "MEILI_SEARCH_KEY", "MEILI_INDEX", "MEILI_MASTER_KEY")


def build(data_dir: Path, site_dir: Path, env: dict = None, config_file: Path = None, site_config: Path = None) -> int:
    """Build in process. The build sees only the MEILI_* variables in ``env`` (none by default,
    whatever the shell has) and only the .wegwijzer/meili.json at ``site_config`` (none by default)."""
    import io
    import pytest
    from wegwijzer import mkdocs_plugin
    from wegwijzer.sitebuild import build_site
    out = io.StringIO()
    with pytest.MonkeyPatch.context() as mp:
        for name in MEILI_VARIABLES:
            mp.delenv(name, raising=False)
        for name, value in (env or {}).items():
            mp.setenv(name, value)
        mp.setattr(mkdocs_plugin, "SITE_CONFIG_FILE", Path(site_config or Path(site_dir).parent / "geen-meili.json"))
        code = build_site(str(config_file or REPO / "mkdocs.yml"), str(data_dir), str(site_dir), out=out)
    build.last_output = out.getvalue()
    return code


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(site_dir: Path):
    """Serve ``site_dir`` on 127.0.0.1; returns (base URL, server). Call server.shutdown()."""
    handler = functools.partial(_Quiet, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_port}/", server
