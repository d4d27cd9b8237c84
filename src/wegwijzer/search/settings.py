"""The index settings: search/settings.yaml, the fields' roles from the one search description
(search/fields.py) and the synonyms, as Meilisearch wants them."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Optional

import yaml

from ..errors import WegwijzerError
from ..records.diagnostics import Collector
from ..records.synonyms import check_synonyms, expand
from ..records.vocab import STOP_WORDS
from . import fields

SETTINGS_FILE = Path(__file__).with_name("settings.yaml")

# How `wegwijzer index` sends them (here, not in indexer.py: the command line needs these
# defaults without importing the Meilisearch client, which takes half a second).
DEFAULT_TASK_TIMEOUT_S = 300
DEFAULT_BATCH_SIZE = 1000
DEFAULT_INDEX_UID = "wegwijzer"

# Keys of settings.yaml that are not index settings but index options.
INDEX_OPTIONS = ("primaryKey",)


class SettingsProblem(WegwijzerError):
    pass


def load_base_settings(path: Path = SETTINGS_FILE) -> dict[str, Any]:
    """settings.yaml as a dict (written by developers, read with the safe loader)."""
    with open(path, encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    if not isinstance(data, dict):
        raise SettingsProblem(f"{path}: dit moet een mapping van instellingen zijn.")
    return data


def primary_key(path: Path = SETTINGS_FILE) -> str:
    key: str = load_base_settings(path).get("primaryKey", "id")
    return key


def index_settings(settings_path: Path = SETTINGS_FILE, synonyms_path: Optional[Path] = None,
                   collector: Optional[Collector] = None,
                   documents: Optional[list[dict[str, Any]]] = None) -> dict[str, Any]:
    """The body for PATCH /indexes/{uid}/settings: settings.yaml + expanded synonyms, and with
    ``documents`` the word forms: every form of a lemma in their ``stammen`` leads to that lemma.

    Raises SettingsProblem when the synonyms file has errors (run `wegwijzer check`).
    """
    base = load_base_settings(settings_path)
    found = Collector() if collector is None else collector
    groups = check_synonyms(found, synonyms_path)
    if found.errors:
        details = "; ".join(d.format() for d in found.errors[:5])
        raise SettingsProblem(f"Het synoniemenbestand heeft fouten: {details}. Los ze op (wegwijzer check).")
    settings = {k: v for k, v in base.items() if k not in INDEX_OPTIONS}
    settings.update(described_settings(settings.get("typoTolerance", {})))
    settings["stopWords"] = list(STOP_WORDS)
    settings["synonyms"] = expand(groups)
    if documents:
        for form, lemmas in form_synonyms(documents).items():
            mine = settings["synonyms"].setdefault(form, [])
            mine.extend(w for w in lemmas if w not in mine)
        settings["synonyms"] = dict(sorted(settings["synonyms"].items()))
    return settings


def described_settings(typo_tolerance: dict[str, Any]) -> dict[str, Any]:
    """The settings that follow from the one search description (search/fields.py): which
    fields are searched and in what order, filtered, sorted, and which take no typos."""
    return {
        "searchableAttributes": list(fields.SEARCHABLE),
        "filterableAttributes": list(fields.FILTERABLE),
        "sortableAttributes": list(fields.SORTABLE),
        "typoTolerance": {**typo_tolerance, "disableOnAttributes": list(fields.WITHOUT_TYPOS)},
    }


def form_synonyms(documents: list[dict[str, Any]]) -> dict[str, list[str]]:
    """{form: [lemma]} for every other form of a lemma in the documents' ``stammen`` (one way: a
    resident who types 'liep' also searches 'lopen', which the documents with 'loopt' carry)."""
    from .morphology import forms_of

    lemmas = {stem for doc in documents for stem in doc.get("stammen", ())}
    found: dict[str, list[str]] = {}
    for base, forms in forms_of(sorted(lemmas), "nl").items():  # sorted: the same file in every process
        for form in forms:
            if form != base and len(form) >= 3:
                found.setdefault(form, []).append(base)
    return found
