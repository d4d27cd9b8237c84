"""Data builders for the tests: paths of the repository, records, data folders, projects, site builds, the CLI."""

# Data-folder tests build a small folder per test:
#
#     def test_something(data_dir):
#         write(data_dir, "hoeskamer.yaml", '''
#             naam: Hoeskamer
#             ...
#         ''')
#         dataset, collector = load(data_dir)          # in process, fixed date
#         code, out, err = check(data_dir, "--strict")  # the real CLI, in a subprocess
#
# `data_dir` (conftest.py) is ``<tmp>/voorzieningen`` with a valid gemeente.yaml (kernen Amstenrade
# and Hulsberg). Both `load` and `check` run from ``<tmp>``, so paths come out as an editor
# sees them: ``voorzieningen/hoeskamer.yaml``.
#
# Date warnings depend on "today": `load` uses the fixed TODAY; the CLI uses the real
# date, so records meant for the CLI use RECENT as their `gecontroleerd`.

from __future__ import annotations

import importlib.util
import io
import json
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from wegwijzer.errors import WegwijzerError
from wegwijzer.records.dataset import load_dataset

REPO = Path(__file__).resolve().parent.parent
DEMO_DATA = REPO / "voorzieningen"
CONTENT = REPO / "content"
MKDOCS_YML = REPO / "mkdocs.yml"
PROJECT_SYNONYMS = REPO / "search" / "synoniemen.yaml"

TODAY = date(2026, 11, 23)  # "today" for in-process loads: date warnings stay deterministic
RECENT = (date.today() - timedelta(days=7)).isoformat()  # never stale for the CLI's real today
CLI_TIMEOUT = 20  # seconds; a hang fails the test instead of the whole run
SECRET = "wachtwoord=geheim-7f3a"  # in the files outside the project (conftest.py's project fixture)

GEMEENTE_YAML = """\
naam: Beekdaelen
kernen: [Amstenrade, Hulsberg]
contact:
  telefoon: "14 046"
  email: info@gemeente.example
  website: https://www.gemeente.example
meldadres: socialekaart@gemeente.example
"""


def minimal_record(extra: str = "", gecontroleerd: str = "2026-09-01") -> str:
    """A valid voorziening with only the required fields (lines 1-6), plus ``extra`` lines."""
    return (
        "naam: Hoeskamer Amstenrade\n"
        "samenvatting: Een huiskamer in het dorp. Kom langs voor koffie.\n"
        "route: samen\n"
        "toegang: vrij\n"
        "themas: [ontmoeten]\n"
        f"gecontroleerd: {gecontroleerd}\n"
        + textwrap.dedent(extra).lstrip("\n")
    )


def minimal_face(extra: str = "", gecontroleerd: str = "2026-09-01") -> str:
    """A valid face card with only the required fields (lines 1-6), plus ``extra`` lines."""
    return (
        "naam: Anne Voorbeeld\n"
        "functie: Ouderenadviseur\n"
        "organisatie: Stichting Welzijn Beekdaelen\n"
        "telefoon: 06 12345678\n"
        "toestemming: 2026-03-14\n"
        f"gecontroleerd: {gecontroleerd}\n"
        + textwrap.dedent(extra).lstrip("\n")
    )


def write(folder: Path, relpath: str, text) -> Path:
    """Write ``text`` (dedented; bytes are written as they are) to ``folder/relpath``."""
    path = Path(folder) / relpath
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def load(folder: Path, today: date = TODAY):
    """load_dataset in this process, run from the folder's parent: (Dataset, Collector)."""
    folder = Path(folder)
    return load_dataset(folder, today=today, cwd=folder.parent)


def check(folder: Path, *args: str, timeout: float = CLI_TIMEOUT):
    """Run ``python -m wegwijzer check <folder> *args`` from the folder's parent.

    Returns (exit code, stdout, stderr). A run that takes longer than ``timeout``
    raises subprocess.TimeoutExpired, which fails the test.
    """
    folder = Path(folder)
    proc = subprocess.run(
        [sys.executable, "-m", "wegwijzer", "check", folder.name, *args],
        cwd=folder.parent, capture_output=True, text=True, encoding="utf-8", timeout=timeout,
    )
    return proc.returncode, proc.stdout, proc.stderr


def diagnostics_for(collector, path: str, field: str = None) -> list:
    """The diagnostics for one printed path (and field, if given)."""
    return [d for d in collector.diagnostics
            if d.path == path and (field is None or d.field == field)]


def the_diagnostic(collector, path: str, field: str = None):
    """The one diagnostic for ``path`` (and ``field``); fails if there is not exactly one."""
    found = diagnostics_for(collector, path, field)
    assert len(found) == 1, f"expected one diagnostic for {path} {field or ''}, got: " + "\n".join(
        d.format() for d in collector.diagnostics)
    return found[0]


# --- injection strings, data folders and site builds ------------------------------------

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
                        + chr(10) + "{: onclick=window.__pwned=1 }" + chr(10) + chr(10)
                        + "<div onmouseover=window.__pwned=1>x</div>")}
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
    Image.new("RGB", (600, 800), colour).save(path)  # the format follows the suffix (.jpg, .png, .webp)
    return path


MEILI_VARIABLES = ("MEILI_URL", "MEILI_SEARCH_KEY", "MEILI_INDEX", "MEILI_MASTER_KEY")


def project_config(folder: Path, replacements: dict = None) -> Path:
    """A copy of the repository's mkdocs.yml in ``folder``, with its house style (build/) and
    the web editor's bundle still taken from the repository and each ``old: new`` text of ``replacements`` applied."""
    text = MKDOCS_YML.read_text(encoding="utf-8").replace("custom_dir: build", f"custom_dir: {REPO / 'build'}")
    # The web editor's bundle, too, comes from the repository (admin/node_modules).
    text = text.replace("      admin:\n", f"      admin:\n        node_modules: {REPO / 'admin' / 'node_modules'}\n")
    # ... and so does the site's QR library (vendor/node_modules).
    text = text.replace("      data_dir: voorzieningen\n",
                        f"      data_dir: voorzieningen\n      vendor_dir: {REPO / 'vendor' / 'node_modules'}\n")
    for old, new in (replacements or {}).items():
        assert old in text, f"{old!r} is not in mkdocs.yml"
        text = text.replace(old, new)
    path = Path(folder) / "mkdocs.yml"
    path.write_text(text, encoding="utf-8")
    return path


@dataclass
class Build:
    """What `wegwijzer build` did: its exit code and everything it printed (errors included)."""

    code: int
    output: str

    @property
    def ok(self) -> bool:
        return self.code == 0


ONE_ARTICLE = "---\ntitle: Geld\nsamenvatting: Over geld.\n---\nTekst.\n"


def build_in_house_style(tmp_path: Path, data_dir: Path, style: Path = None, article: str = ONE_ARTICLE,
                         isolated: bool = True) -> Path:
    """Build ``data_dir`` as a municipality would: its own templates in ``style`` (its
    ``theme.custom_dir``, instead of the repository's build/; None: the shipped ones) and a
    content folder with one article. ``isolated``: in a context of its own, so a build that
    failed to release its templates cannot reach the tests after it. Returns the site folder."""
    import contextvars

    content = write(tmp_path / "content", "artikelen/geld.md", article).parent.parent
    replacements = {"docs_dir: content": f"docs_dir: {content}"}
    if style is not None:
        replacements[f"custom_dir: {REPO / 'build'}"] = f"custom_dir: {style}"
    config = project_config(tmp_path, replacements)
    site = tmp_path / "site"
    run = contextvars.copy_context().run if isolated else (lambda f, *a, **k: f(*a, **k))
    result = run(build, data_dir, site, config_file=config)
    assert result.ok, result.output
    return site


def build(data_dir: Path, site_dir: Path, env: dict = None, config_file: Path = None,
          site_config: Path = None) -> Build:
    """Build in process, as `wegwijzer build` does. The build sees only the MEILI_* variables in
    ``env`` (none by default, whatever the shell has) and only the .wegwijzer/meili.json at
    ``site_config`` (none by default)."""
    import pytest

    from wegwijzer.site import assemble
    from wegwijzer.site.sitebuild import build_site
    out = io.StringIO()
    code = 0
    with pytest.MonkeyPatch.context() as mp:
        for name in MEILI_VARIABLES:
            mp.delenv(name, raising=False)
        for name, value in (env or {}).items():
            mp.setenv(name, value)
        mp.setattr(assemble, "SITE_CONFIG_FILE", Path(site_config or Path(site_dir).parent / "geen-meili.json"))
        try:
            build_site(str(config_file or MKDOCS_YML), data_dir and str(data_dir), str(site_dir), out=out)
        except WegwijzerError as err:  # what `wegwijzer build` prints on stderr
            print(err.message, file=out)
            code = err.exit_code
    return Build(code, out.getvalue())


def site_search_config(site_dir: Path) -> dict:
    """The #zoek-config the build put into /zoeken/: what every visitor can read."""
    import html
    import re
    page = (Path(site_dir) / "zoeken" / "index.html").read_text(encoding="utf-8")
    found = re.search(r'<script type="application/json" id="zoek-config">(.*?)</script>', page, re.S)
    return json.loads(html.unescape(found.group(1)))


# --- small datasets made from the model classes ------------------------------------------------


def model_dataset():
    """A tiny Dataset built directly from the model classes (no YAML)."""
    from wegwijzer.records.model import Contact, Dataset, Face, Location, Municipality, Phone, Voorziening

    gemeente = Municipality("Beekdaelen", ("Nuth", "Sint Joost", "Schinveld"),
                            Contact(telefoon=Phone("14 046", "14046")), "meld@gemeente.example")
    hoeskamer = Voorziening(
        id="hoeskamer-schinveld", naam="Hoeskamer Schinveld", samenvatting="Een huiskamer in het dorp.",
        route="samen", toegang="vrij", themas=("ontmoeten",), gecontroleerd=date(2026, 9, 1),
        doelgroepen=("ouderen",), kernen=("Schinveld",), aanbieder="Stichting Welzijn",
        beschrijving="Elke **dinsdag** koffie. Zie [de website](https://welzijn.example).\n<b>raw</b>",
        contact=Contact(telefoon=Phone("045 123 45 67", "+31451234567")),
        locaties=(Location(naam="Zonder coördinaten", plaats="Schinveld"),
                  Location(naam="De Aod Sjoel", adres="Kerkstraat 1", postcode="6451 AA", plaats="Schinveld",
                           lat=50.9704, lon=5.9801)),
        trefwoorden=("koffie", "eenzaam"), kosten="gratis")
    schuldhulp = Voorziening(
        id="schuldhulp", naam="Schuldhulpverlening", samenvatting="Hulp bij schulden.",
        route="laten", toegang="verwijzing", themas=("geld",), gecontroleerd=date(2026, 9, 1),
        aanmelden="Bel de gemeente.")
    face = Face(id="anne-voorbeeld", naam="Anne Voorbeeld", functie="Schuldhulpverlener", organisatie="Gemeente",
                telefoon=Phone("06 12345678", "+31612345678"), toestemming=date(2026, 3, 14),
                gecontroleerd=date(2026, 9, 1), voorziening="schuldhulp", vragen=("Schulden", "Post"))
    return Dataset(Path("."), gemeente, [hoeskamer, schuldhulp], [face])


# --- synthetic data (benchmarks/synthetic.py) --------------------------------------------------


def synthetic_module():
    """The benchmarks' generator: ``write_dataset(folder, n_records, n_faces, seed)``, loaded once."""
    name = "wegwijzer_synthetic"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, REPO / "benchmarks" / "synthetic.py")
        sys.modules[name] = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(sys.modules[name])
    return sys.modules[name]


# --- filter-evasion vectors (tests/test_link_vectors.py, tests/test_browser_link_vectors.py) ----
#
# Written by us as test data: ways to smuggle a script link, another site's link or markup
# past a filter. Each is (name, what an editor types, the address in it or None). The
# address is what a URL field would hold; the text goes into every text field.

LINK_VECTORS = [
    # scheme obfuscation
    ("plain", "[klik](javascript:alert(1))", "javascript:alert(1)"),
    ("upper", "[klik](JAVASCRIPT:alert(1))", "JAVASCRIPT:alert(1)"),
    ("mixed-case", "[klik](JaVaScRiPt:alert(1))", "JaVaScRiPt:alert(1)"),
    ("leading-space", "[klik]( javascript:alert(1))", " javascript:alert(1)"),
    ("angle-destination", "[klik](<javascript:alert(1)>)", "javascript:alert(1)"),
    ("autolink", "<javascript:alert(1)>", "javascript:alert(1)"),
    ("with-title", '[klik](javascript:alert(1) "titel")', "javascript:alert(1)"),
    ("reference", "[klik][r]\n\n[r]: javascript:alert(1)", "javascript:alert(1)"),
    ("reference-angle", "[klik][r]\n\n[r]: <jav&#x61;script:alert(1)>", "jav&#x61;script:alert(1)"),
    ("image-in-link", "[![a](x.png)](javascript:alert(1))", "javascript:alert(1)"),
    ("comment-trick", "[klik](javascript://%0aalert(1))", "javascript://%0aalert(1)"),
    ("feed-wrapper", "[klik](feed:javascript:alert(1))", "feed:javascript:alert(1)"),
    # character references
    ("decimal-first", "[klik](&#106;avascript:alert(1))", "&#106;avascript:alert(1)"),
    ("hex-all", "[klik](&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1))",
     "&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)"),
    ("hex-no-semicolons", "[klik](&#x6a&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3a;alert(1))",
     "&#x6a&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3a;alert(1)"),
    ("padded-decimal", "[klik](&#0000106&#0000097vascript:alert(1))", "&#0000106&#0000097vascript:alert(1)"),
    ("one-hex-letter", "[klik](jav&#x61;script:alert(1))", "jav&#x61;script:alert(1)"),
    ("named-colon", "[klik](javascript&colon;alert(1))", "javascript&colon;alert(1)"),
    ("decimal-colon", "[klik](javascript&#58;alert(1))", "javascript&#58;alert(1)"),
    ("hex-colon", "[klik](jAvAsCrIpT&#x3A;alert(1))", "jAvAsCrIpT&#x3A;alert(1)"),
    ("padded-s", "[klik](java&#0000115;cript:alert(1))", "java&#0000115;cript:alert(1)"),
    # whitespace and control characters
    ("named-tab", "[klik](java&Tab;script:alert(1))", "java&Tab;script:alert(1)"),
    ("named-newline", "[klik](java&NewLine;script:alert(1))", "java&NewLine;script:alert(1)"),
    ("decimal-tab", "[klik](java&#9;script:alert(1))", "java&#9;script:alert(1)"),
    ("decimal-lf", "[klik](java&#10;script:alert(1))", "java&#10;script:alert(1)"),
    ("decimal-cr", "[klik](ja&#x0D;vascript:alert(1))", "ja&#x0D;vascript:alert(1)"),
    ("leading-control", "[klik](&#1;javascript:alert(1))", "&#1;javascript:alert(1)"),
    ("leading-shift-out", "[klik](&#14;javascript:alert(1))", "&#14;javascript:alert(1)"),
    ("leading-entity-space", "[klik](&#x20;javascript:alert(1))", "&#x20;javascript:alert(1)"),
    ("nul-in-scheme", "[klik](java&#0;script:alert(1))", "java&#0;script:alert(1)"),
    ("yaml-tab", "[klik](java\tscript:alert(1))", "java\tscript:alert(1)"),
    # other dangerous schemes
    ("data-base64", "[klik](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
     "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="),
    ("data-upper", "[klik](DATA:text/html,%3Cscript%3Ealert(1)%3C/script%3E)",
     "DATA:text/html,%3Cscript%3Ealert(1)%3C/script%3E"),
    ("data-entity-colon", "[klik](data&colon;text/html,x)", "data&colon;text/html,x"),
    ("vbscript", "[klik](vbscript:msgbox(1))", "vbscript:msgbox(1)"),
    ("vbscript-entity", "[klik](VBScript&#58;msgbox(1))", "VBScript&#58;msgbox(1)"),
    ("file", "[klik](file:///etc/passwd)", "file:///etc/passwd"),
    # protocol-relative: another site without a scheme
    ("protocol-relative", "[klik](//evil.example/x)", "//evil.example/x"),
    ("backslashes", "[klik](\\\\\\\\evil.example/x)", "\\\\evil.example/x"),
    ("slash-backslash", "[klik](/\\\\evil.example/x)", "/\\evil.example/x"),
    ("entity-slashes", "[klik](&#47;&#47;evil.example/x)", "&#47;&#47;evil.example/x"),
    ("tab-slashes", "[klik](/&Tab;/evil.example/x)", "/&Tab;/evil.example/x"),
    # attribute break-out
    ("quote-break-out", '[klik](https://a.example/"onmouseover="alert(1))', 'https://a.example/"onmouseover="alert(1)'),
    ("title-break-out", '[klik](https://a.example "t" onclick="alert(1)")', None),
    ("single-quote-break-out", "[klik](https://a.example/'><img src=x onerror=alert(1)>)",
     "https://a.example/'><img src=x onerror=alert(1)>"),
    ("autolink-break-out", '<http://a.example" onmouseover="alert(1)>', 'http://a.example" onmouseover="alert(1)'),
    ("attr-list", "[klik](https://a.example){: onclick=alert(1) }", None),
    # raw HTML, SVG and MathML (all must stay text)
    ("raw-anchor", '<a href="javascript:alert(1)">klik</a>', None),
    ("raw-img", "<img src=x onerror=alert(1)>", None),
    ("raw-iframe", '<iframe src="javascript:alert(1)"></iframe>', None),
    ("raw-form", '<form action="javascript:alert(1)"><button>klik</button></form>', None),
    ("raw-details", "<details open ontoggle=alert(1)>x</details>", None),
    ("svg-xlink", '<svg><a xlink:href="javascript:alert(1)"><text y="20">klik</text></a></svg>', None),
    ("svg-animate", '<svg><a><animate attributeName="href" values="javascript:alert(1)"/>'
                    '<text y="20">klik</text></a></svg>', None),
    ("mathml-mglyph", "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>", None),
    ("mathml-href", '<math href="javascript:alert(1)"><mi>klik</mi></math>', None),
    ("html-block", "<div>\n<a href=javascript:alert(1)>klik</a>\n</div>", None),
]

# The text fields of a voorziening and of a face card, with their length limits.
RECORD_TEXT_FIELDS = {"naam": 80, "samenvatting": 200, "aanbieder": 120, "beschrijving": None, "aanmelden": 500,
                      "kosten_toelichting": 300}
LOCATION_TEXT_FIELDS = {"naam": 120, "adres": 200, "plaats": 80, "toegankelijkheid": 500}
FACE_TEXT_FIELDS = {"naam": 80, "functie": 80, "organisatie": 120, "bereikbaar": 200, "foto_alt": 200}


def _fits(text: str, limit) -> bool:
    return limit is None or len(text) <= limit


def vector_dataset(folder: Path) -> Path:
    """One voorziening and one face card per vector, the vector in every text field that can
    hold it (a field's length limit), plus an article holding every vector."""
    write(folder, "gemeente.yaml", GEMEENTE_YAML)
    for number, (_, text, _) in enumerate(LINK_VECTORS, 1):
        rid = f"vector-{number:02d}"
        lines = [f"{field}: {q(text)}" for field, limit in RECORD_TEXT_FIELDS.items() if _fits(text, limit)]
        if not _fits(text, RECORD_TEXT_FIELDS["naam"]):
            lines.append(f"naam: Vector {number}")
        if not _fits(text, RECORD_TEXT_FIELDS["samenvatting"]):
            lines.append(f"samenvatting: Vector {number}.")
        location = [f"    {field}: {q(text)}" for field, limit in LOCATION_TEXT_FIELDS.items() if _fits(text, limit)]
        lines += ["route: samen", "toegang: verwijzing", "themas: [ontmoeten]", "locaties:",
                  "  - postcode: 6436 AA", *location, "openingstijden:", "  - dagen: [ma]", "    van: 9:00",
                  "    tot: 17:00", f"    toelichting: {q(text)}", f"trefwoorden: [{q(text[:80])}]",
                  f"gecontroleerd: {RECENT}"]
        write(folder, f"{rid}.yaml", "\n".join(lines) + "\n")
        face = [f"{field}: {q(text)}" for field, limit in FACE_TEXT_FIELDS.items() if _fits(text, limit)]
        if not _fits(text, FACE_TEXT_FIELDS["naam"]):
            face.append(f"naam: Gezicht {number}")
        for field in ("functie", "organisatie"):
            if not _fits(text, FACE_TEXT_FIELDS[field]):
                face.append(f"{field}: Vector {number}")
        face += [f"voorziening: {rid}", "telefoon: 06 12345678", f"vragen: [{q(text[:120])}]",
                 "toestemming: 2026-03-14", f"gecontroleerd: {RECENT}"]
        write(folder, f"gezichten/{rid}-gezicht.yaml", "\n".join(face) + "\n")
    return folder


def vector_article(content: Path) -> Path:
    body = "\n\n".join(f"{text}\n\n---" for _, text, _ in LINK_VECTORS)
    return write(content, "artikelen/vectoren.md", "---\ntitle: Vectoren\nsamenvatting: Alle vectoren.\n---\n\n"
                 + body + "\n")
