"""The index settings: search/settings.yaml plus the synonyms, as Meilisearch wants them."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import yaml

from .synonyms import expand, load_synonyms

SETTINGS_FILE = Path(__file__).with_name("settings.yaml")

# How `wegwijzer index` sends them (here, not in indexer.py: the command line needs these
# defaults without importing the Meilisearch client, which takes half a second).
DEFAULT_TASK_TIMEOUT_S = 300
DEFAULT_BATCH_SIZE = 1000

# Keys of settings.yaml that are not index settings but index options.
INDEX_OPTIONS = ("primaryKey",)


class SettingsProblem(Exception):
    pass


def load_base_settings(path: Path = SETTINGS_FILE) -> dict:
    """settings.yaml as a dict (written by developers, read with the safe loader)."""
    with open(path, encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    if not isinstance(data, dict):
        raise SettingsProblem(f"{path}: dit moet een mapping van instellingen zijn.")
    return data


def primary_key(path: Path = SETTINGS_FILE) -> str:
    return load_base_settings(path).get("primaryKey", "id")


def index_settings(settings_path: Path = SETTINGS_FILE, synonyms_path: Optional[Path] = None,
                   collector=None) -> dict:
    """The body for PATCH /indexes/{uid}/settings: settings.yaml + expanded synonyms.

    Raises SettingsProblem when the synonyms file has errors (run `wegwijzer check`).
    """
    base = load_base_settings(settings_path)
    from . import synonyms as _synonyms  # looked up now, so tests can point it elsewhere

    synonyms_path = synonyms_path if synonyms_path is not None else _synonyms.SYNONYMS_FILE
    groups, found = load_synonyms(synonyms_path, collector, stop_words=base.get("stopWords", []))
    if found.errors:
        details = "; ".join(d.format() for d in found.errors[:5])
        raise SettingsProblem(f"Het synoniemenbestand heeft fouten: {details}. Los ze op (wegwijzer check).")
    settings = {k: v for k, v in base.items() if k not in INDEX_OPTIONS}
    settings["synonyms"] = expand(groups)
    return settings
