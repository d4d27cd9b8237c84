"""`wegwijzer rapport`: the editors' to-do list, most urgent first.

It gathers what `wegwijzer check` warns about (stale records, expired offers, photos,
hard summaries, a missing first step), adds what is about to need attention (records
due for their yearly check within a month, offers that expire within a month, records
that give a resident no way forward) and the broken links and impossible numbers from
the last `wegwijzer links` run. Each line names the file and what to do. The HTML page
is for editors and is written outside the public site.
"""

from __future__ import annotations

import html
import json
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Optional

from ..errors import UsageError
from ..records.dataset import STALE_AFTER_DAYS, load_dataset
from ..records.diagnostics import ERROR, display_path
from ..records.yamlsafe import Mapping, YamlProblem, read_mapping
from . import links
from .walk import find_values

SOON_DAYS = 31  # "within a month"
DEFAULT_HTML = Path(".wegwijzer", "rapport.html")  # git-ignored, never in site/
LINK_RESULTS_MAX_AGE_HOURS = 7 * 24  # older link answers are too old to report as facts

# (urgency, heading): lower is more urgent.
CATEGORIES = {
    "fout": (0, "Fouten: de site wordt niet gebouwd tot ze zijn opgelost"),
    "toestemming": (0, "Gezicht zonder datum van toestemming: niet online"),
    "verlopen": (1, "Verlopen: staat niet meer op de site"),
    "link": (2, "Webadres werkt niet"),
    "nummer": (2, "Telefoonnummer kan niet bestaan"),
    "verouderd": (3, "Meer dan 12 maanden niet gecontroleerd"),
    "verloopt": (4, "Verloopt binnen een maand"),
    "controle": (5, "Binnen een maand aan de beurt voor controle"),
    "foto": (6, "Gezicht zonder foto"),
    "leesbaarheid": (7, "Samenvatting is moeilijk te lezen"),
    "volgende-stap": (8, "Geen volgende stap voor een inwoner"),
    "verhuisd": (9, "Webadres is verhuisd"),
    "waarschuwing": (9, "Andere waarschuwingen"),
}

# Which of the checker's warnings (by field) belongs in which category.
_WARNING_CATEGORY = {"gecontroleerd": "verouderd", "geldig_tot": "verlopen", "aanmelden": "volgende-stap",
                     "samenvatting": "leesbaarheid", "foto": "foto"}


@dataclass(frozen=True)
class Item:
    category: str
    path: str
    line: int
    field: str
    todo: str  # Dutch: what to do
    order: str = ""  # within a category: earlier dates first

    @property
    def urgency(self) -> int:
        return CATEGORIES[self.category][0]

    def format(self) -> str:
        heading = CATEGORIES[self.category][1].split(":")[0]
        return f"{self.path}:{self.line}: {self.field or '-'}: {heading}: {self.todo}"


@dataclass
class Report:
    items: list
    today: date

    def counts(self) -> dict:
        counts: dict[str, int] = {}
        for item in self.items:
            counts[item.category] = counts.get(item.category, 0) + 1
        return counts

    def as_text(self) -> str:
        lines = [item.format() for item in self.items]
        lines.append(f"{len(self.items)} dingen te doen" if self.items else "Niets te doen: alles is bijgewerkt.")
        return "\n".join(lines)

    def as_json(self) -> str:
        return json.dumps({"today": self.today.isoformat(), "counts": self.counts(),
                           "items": [dict(asdict(i), urgency=i.urgency, heading=CATEGORIES[i.category][1])
                                     for i in self.items]}, ensure_ascii=False, indent=2)

    def as_html(self, title: str = "Wegwijzer: wat moet er gebeuren?") -> str:
        parts = [f"<!doctype html><html lang=\"nl\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
                 f"content=\"width=device-width, initial-scale=1\"><meta name=\"robots\" content=\"noindex\">"
                 f"<title>{html.escape(title)}</title><style>{_CSS}</style></head><body><main>",
                 f"<h1>{html.escape(title)}</h1>",
                 f"<p>Gemaakt op {self.today.isoformat()}. Het belangrijkste staat bovenaan. "
                 f"Telefoonnummers zijn niet gebeld: alleen is gecontroleerd of het nummer kan bestaan.</p>"]
        if not self.items:
            parts.append("<p>Niets te doen: alles is bijgewerkt.</p>")
        current = None
        for item in self.items:
            if item.category != current:
                if current is not None:
                    parts.append("</tbody></table></section>")
                current = item.category
                count = self.counts()[current]
                parts.append(f"<section><h2>{html.escape(CATEGORIES[current][1])} ({count})</h2><table><thead><tr>"
                             "<th scope=\"col\">Bestand</th><th scope=\"col\">Veld</th>"
                             "<th scope=\"col\">Wat moet je doen?</th></tr></thead><tbody>")
            parts.append(f"<tr><td><code>{html.escape(item.path)}:{item.line}</code></td>"
                         f"<td>{html.escape(item.field or '-')}</td><td>{html.escape(item.todo)}</td></tr>")
        if current is not None:
            parts.append("</tbody></table></section>")
        parts.append("</main></body></html>\n")
        return "".join(parts)


_CSS = ("body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1a1a1a}main{max-width:70rem;margin:auto;"
        "padding:1rem}table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ccc;padding:.4rem;"
        "text-align:left;vertical-align:top}code{word-break:break-all}h2{margin-top:2rem}")


def build_report(data_dir: Path, today: Optional[date] = None, cwd: Optional[Path] = None,
                 link_cache: Path = links.DEFAULT_CACHE) -> Report:
    data_dir = Path(data_dir)
    if not data_dir.is_dir():
        raise UsageError(f"De map '{data_dir}' bestaat niet. Geef de map met de gegevens op.")
    today = today or date.today()
    cwd = (cwd or Path.cwd()).resolve()
    dataset, collector = load_dataset(data_dir, today=today, cwd=cwd)
    items = [_from_diagnostic(d) for d in collector.diagnostics]
    lines = _LineFinder(cwd)
    for record in dataset.voorzieningen:
        source = record.source
        assert source is not None  # load_dataset sets it
        items.extend(_upcoming(record, today, lines, "gecontroleerd"))
        if record.geldig_tot and today <= record.geldig_tot <= today + timedelta(days=SOON_DAYS):
            items.append(Item("verloopt", lines.shown(source), lines.line(source, "geldig_tot"),
                              "geldig_tot", f"Deze voorziening verdwijnt op {record.geldig_tot.isoformat()} van de "
                                            "site. Verleng de datum als ze doorgaat.", record.geldig_tot.isoformat()))
        if not (record.aanmelden or record.contact.telefoon or record.contact.email or record.contact.website
                or record.locaties) and record.route != "zelf":
            items.append(Item("volgende-stap", lines.shown(source), 1, "aanmelden",
                              "Een inwoner kan nergens heen: er is geen aanmelden, contact of locatie. Vul minstens "
                              "één daarvan in."))
    for face in dataset.gezichten:
        items.extend(_upcoming(face, today, lines, "gecontroleerd"))
    items.extend(_link_items(data_dir, cwd, link_cache))
    items.sort(key=lambda i: (i.urgency, i.category, i.order, i.path, i.line))
    return Report(items, today)


def _from_diagnostic(d) -> Item:
    if d.severity == ERROR:  # a face card without consent is one too: it is not published
        category = "toestemming" if d.field == "toestemming" else "fout"
    else:
        category = _WARNING_CATEGORY.get(d.field, "waarschuwing")
    return Item(category, d.path, d.line, d.field, d.message)


def _upcoming(record, today, lines, key):
    """Due for the yearly check within a month (the checker warns only once it is overdue)."""
    due = record.gecontroleerd + timedelta(days=STALE_AFTER_DAYS)
    if today <= due <= today + timedelta(days=SOON_DAYS) and (today - record.gecontroleerd).days <= STALE_AFTER_DAYS:
        yield Item("controle", lines.shown(record.source), lines.line(record.source, key), key,
                   f"Controleer de gegevens vóór {due.isoformat()} en zet dan de datum van die dag bij "
                   "'gecontroleerd'.", due.isoformat())


def _link_items(data_dir, cwd, link_cache):
    """Broken links from the last `wegwijzer links` run, and numbers that cannot exist."""
    found = find_values(data_dir, ("url", "phone"), cwd=cwd)
    results = links.load_cache(link_cache, LINK_RESULTS_MAX_AGE_HOURS)
    for problem in links.problems(found, results):
        if problem.kind == "phone":
            category = "nummer"
        else:
            category = "verhuisd" if results[problem.value].outcome == links.MOVED else "link"
        checked = ""
        if problem.kind == "url":
            when = datetime.fromtimestamp(results[problem.value].checked_at).strftime("%Y-%m-%d %H:%M")
            checked = f" (gecontroleerd {when}, status {problem.status})"
        yield Item(category, problem.path, problem.line, problem.field, f"{problem.value}{checked}: {problem.advice}")


class _LineFinder:
    """The line of a field in a record file (the record model keeps no lines)."""

    def __init__(self, cwd: Path):
        self.cwd = cwd
        self.cache: dict[Path, Optional[Mapping]] = {}

    def shown(self, path: Path) -> str:
        return display_path(Path(path).resolve(), self.cwd)

    def line(self, path: Path, key: str) -> int:
        if path not in self.cache:
            try:
                self.cache[path] = read_mapping(path)
            except (OSError, YamlProblem):
                self.cache[path] = None
        mapping = self.cache[path]
        entry = mapping.entries.get(key) if mapping is not None else None
        return entry[0] if entry else 1


def write_html(report: Report, path: Path) -> Path:
    from .files import write_atomically

    write_atomically(Path(path), report.as_html().encode("utf-8"))
    return Path(path)
