"""Sites with a chosen text in every text field: gemeente.yaml, a record, a face card and the
mkdocs.yml strings a theme prints. For the escaping tests (a sample of the attack corpus)
and benchmarks/bench_attacks.py --payloads (all of it).

The fields come from the schema (records/schema/tables.py), not from a list written here:
a text field added to the data format is filled, and so tested, without touching this file.
"""

from __future__ import annotations

import itertools
from datetime import date, timedelta
from pathlib import Path
from typing import Callable

import yaml

from wegwijzer.records.schema.framework import shape_of
from wegwijzer.records.schema.tables import FACE_FIELDS, GEMEENTE_FIELDS, VOORZIENING_FIELDS

TEXT_KINDS = ("text", "multiline")
# The mkdocs.yml strings a theme prints (Material's base.html, header, nav and footer).
MKDOCS_STRINGS = ("site_name", "site_description", "site_author", "copyright", "repo_name")
RECORD_ID, FACE_ID = "hoeskamer", "anne"
KERNEN = ("Amstenrade", "Hulsberg")


def text_slots(fields: dict = GEMEENTE_FIELDS, prefix: str = "") -> list:
    """[(dotted field, maximum length or None)] of every text field, nested ones included."""
    slots = []
    for name, spec in fields.items():
        shape = shape_of(spec.convert)
        if shape.kind in TEXT_KINDS:
            slots.append((prefix + name, shape.max_len))
        elif shape.kind == "list" and shape.item.kind in TEXT_KINDS:
            slots.append((prefix + name + "[]", shape.item.max_len))
        elif shape.kind == "record":
            slots += text_slots(shape.fields, f"{prefix}{name}.")
        elif shape.kind == "list" and shape.item.kind == "record":
            slots += text_slots(shape.item.fields, f"{prefix}{name}[].")
    return slots


def filled(fields: dict, text_for: Callable[[str, int], str], prefix: str = "") -> dict:
    """Every field of ``fields``: texts from ``text_for(field, maximum length)``, the others with a
    valid example (dates in the past, but security.txt's expiry within the year)."""
    values = {name: _value(prefix + name, spec.example, shape_of(spec.convert), text_for)
              for name, spec in fields.items()}
    return {name: value for name, value in values.items() if value is not None}


def _value(field: str, example: str, shape, text_for):
    kind = shape.kind
    if kind in TEXT_KINDS:
        return text_for(field, shape.max_len or 10_000)
    if kind == "record":
        return filled(shape.fields, text_for, field + ".")
    if kind == "list":
        return [_value(field + "[]", "", shape.item, text_for)]
    if kind == "voorziening":
        return RECORD_ID
    if kind == "kern":
        return KERNEN[0]
    if kind == "date":
        days = 200 if field.endswith("verloopt") else -10
        return (date.today() + timedelta(days=days)).isoformat()
    if kind in ("photo", "artikel"):  # a file of its own: left out
        return None
    return example or shape.example or shape.options[0][0]


def gemeente(text_for) -> dict:
    values = filled(GEMEENTE_FIELDS, text_for)
    values["kernen"] = values["kernen"] + list(KERNEN)
    values["demo"] = "nee"
    return values


def record(text_for) -> dict:
    values = filled(VOORZIENING_FIELDS, _same_place(text_for))
    values.pop("geldig_tot")  # a past date would take the record off the site
    values["status"] = "actief"
    return values


def face(text_for) -> dict:
    return filled(FACE_FIELDS, text_for)


def _same_place(text_for):
    """An opening time names one of the record's places: give it that place's name."""
    given = {}

    def text(field: str, limit: int) -> str:
        if field == "openingstijden[].locatie":
            return given["locaties[].naam"]
        given[field] = text_for(field, limit)
        return given[field]

    return text


def as_yaml(values) -> str:
    """YAML with every text double-quoted: any string survives as it is."""
    return yaml.safe_dump(values, allow_unicode=True, default_style='"', sort_keys=False, width=10_000)


def mkdocs_strings(text_for, site_name: bool = True) -> dict:
    """The strings of mkdocs.yml; without site_name the site is called after gemeente.yaml's naam."""
    strings = {key: text_for(key, 200) for key in MKDOCS_STRINGS if site_name or key != "site_name"}
    strings["repo_url"] = "https://git.example/" + text_for("repo_url", 100)
    return strings


def write_project(folder: Path, text_for, mkdocs_text_for, with_site_name: bool = True) -> tuple:
    """A project in ``folder`` (gemeente.yaml, one record, one face card, no content pages) whose
    texts come from the two functions: (its mkdocs.yml, a copy of ours by builders.project_config;
    the first kern's name)."""
    from builders import project_config, write

    data = folder / "voorzieningen"
    (folder / "content").mkdir(parents=True, exist_ok=True)  # no pages of editors: only what the site makes
    municipality = gemeente(text_for)
    write(data, "gemeente.yaml", as_yaml(municipality))
    write(data, f"{RECORD_ID}.yaml", as_yaml(record(text_for)))
    write(data, f"gezichten/{FACE_ID}.yaml", as_yaml(dict(face(text_for), voorziening=RECORD_ID)))
    strings = mkdocs_strings(mkdocs_text_for, with_site_name)
    lines = "".join(f"{key}: {as_yaml(value)}" for key, value in strings.items())
    if not with_site_name:  # the site is then called after gemeente.yaml's naam
        lines = "site_name: Wegwijzer\n" + lines
    return project_config(folder, {"site_name: Wegwijzer\n": lines}), municipality["kernen"][0]


# --- texts -------------------------------------------------------------------------------------

def is_markup(text: str) -> bool:
    return "<" in text or '"' in text or "javascript:" in text.lower()


def payload_texts(payloads: list):
    """text_for(field, limit) that gives every field a payload that opens markup (a tag, an
    attribute, a javascript: link), followed by the next other payload where it fits, handing
    out each in turn."""
    markup = itertools.cycle([p for p in payloads if is_markup(p)] or ['"><b>'])
    other = itertools.cycle([p for p in payloads if not is_markup(p)] or [""])

    def text_for(field: str, limit: int) -> str:
        for _ in range(len(payloads)):
            chosen = next(markup)
            if len(chosen) <= limit:
                break
        else:
            chosen = '"><b>'[:limit]
        extra = next(other)
        return f"{chosen} {extra}" if len(chosen) + 1 + len(extra) <= limit else chosen

    return text_for


def harmless(field: str, limit: int) -> str:
    return f"Tekst {field}"[:limit]


# --- what a page looks like in Chromium ----------------------------------------------------------

# Every element with the names (not values) of its attributes, in document order. Glossary
# tooltips (<abbr>) depend on the words in a text, and so does what an editor's Markdown
# makes inside a .ww-prose block (a description): those are left out here and checked
# against the sanitiser's allow-list instead (PROSE).
SKELETON = """() => {
  const out = [];
  for (const el of document.querySelectorAll('*')) {
    if (el.tagName === 'ABBR' || el.parentElement?.closest('.ww-prose')) continue;
    out.push(el.tagName + '[' + [...el.attributes].map(a => a.name).sort().join(' ') + ']');
  }
  return out;
}"""
# Elements and attributes in Markdown blocks that the sanitiser (site/safe_markdown.py) does not allow
# (a description's block starts with our own heading).
PROSE = """allowed => [...document.querySelectorAll('.ww-prose *:not(.ww-prose > h2[id])')]
  .filter(el => !(el.tagName.toLowerCase() in allowed)
                || [...el.attributes].some(a => !allowed[el.tagName.toLowerCase()].includes(a.name)))
  .map(el => el.outerHTML.slice(0, 80))"""


def prose_allow_list() -> dict:
    from wegwijzer.site.safe_markdown import ALLOWED_ATTRIBUTES, ALLOWED_TAGS

    allowed = {tag: sorted(ALLOWED_ATTRIBUTES.get(tag, ())) for tag in ALLOWED_TAGS}
    allowed["a"] = allowed["a"] + ["rel"]  # added by the sanitiser to links to other sites
    allowed["abbr"] = ["title"]  # the glossary's tooltips
    return allowed
# Links and sources a browser would run as script.
SCRIPT_LINKS = """() => [...document.querySelectorAll('[href], [src], [action], [formaction]')]
  .map(el => el.href || el.src || el.action || el.formAction || '')
  .filter(u => typeof u === 'string' && /^\\s*(javascript|vbscript|data):/i.test(u))"""
# What the corpus's payloads call when they run (alert(1), confirm`1`, prompt(document.domain), ...).
RECORDER = """
window.__ran = [];
for (const name of ['alert', 'confirm', 'prompt', 'print']) {
  window[name] = function () { window.__ran.push(name); };
}
"""


def site_pages(site: Path) -> list:
    """Every page of a built site, as a path from its root ('' is the home page), and the 404 page."""
    pages = sorted(str(p.parent.relative_to(site)) + "/" for p in site.rglob("index.html") if "admin" not in p.parts)
    return [("" if p == "./" else p) for p in pages] + ["404.html"]


class PageReader:
    """What Chromium makes of a page: its skeleton, its script links, and what ran. One tab
    for many pages (the recorder is installed again on every navigation)."""

    def __init__(self, browser):
        self.context = browser.new_context()
        self.page = self.context.new_page()
        self.dialogs = []
        self.page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss()))
        self.page.add_init_script(RECORDER)
        self.allowed = prose_allow_list()

    def read(self, url: str) -> dict:
        self.dialogs.clear()
        self.page.goto(url)
        self.page.wait_for_load_state("load")
        return {"skeleton": self.page.evaluate(SKELETON), "script_links": self.page.evaluate(SCRIPT_LINKS),
                "ran": self.page.evaluate("window.__ran") + list(self.dialogs),
                "prose": self.page.evaluate(PROSE, self.allowed)}

    def close(self):
        self.context.close()


def first_difference(got: list, wanted: list) -> str:
    for index, (a, b) in enumerate(zip(got, wanted, strict=False)):
        if a != b:
            return f"element {index}: {a} instead of {b}"
    return f"{len(got)} elements instead of {len(wanted)}"
