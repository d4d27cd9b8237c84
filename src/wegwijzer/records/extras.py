"""Fields declared in a table that have no attribute in the model: shown and searched as text.

A municipality (or this project) adds an optional field with one declaration in
records/schema/tables.py and a line in docs/dataformaat.md. Its checked value lands in the
model's ``extra`` (records/model.py: Declared); from there the record page shows it
(template wegwijzer/extra-velden.html) and the search finds it (Meilisearch: the document's
``extra`` field; Pagefind: the page text), as its declaration's ``shown`` and ``searched`` say.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date
from typing import Any, Mapping

from ..text import dutch_date
from .model import Declared, Phone
from .schema.framework import Field


@dataclass(frozen=True)
class ExtraValue:
    label: str
    text: str  # plain text: templates escape it
    searched: bool


def extra_values(model: Declared, fields: Mapping[str, Field]) -> list[ExtraValue]:
    """The model's extra values in the table's order, each as one line of plain text."""
    values = []
    for name, declared in fields.items():
        if name in model.extra and declared.shown:
            shown = as_text(model.extra[name])
            if shown:
                values.append(ExtraValue(declared.label or name, shown, declared.searched))
    return values


def searched_texts(model: Declared, fields: Mapping[str, Field]) -> list[str]:
    """The texts of the extra values the search should find, shown on the page or not."""
    return [text for name, declared in fields.items()
            if name in model.extra and declared.searched and (text := as_text(model.extra[name]))]


def as_text(value: Any) -> str:
    """A checked value as a resident reads it: dates in Dutch, yes/no, lists joined."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, date):
        return dutch_date(value)
    if isinstance(value, Phone):
        return value.display
    if isinstance(value, (tuple, list)):
        return ", ".join(text for item in value if (text := as_text(item)))
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        parts = (as_text(getattr(value, f.name)) for f in dataclasses.fields(value) if f.name != "extra")
        return "; ".join(part for part in parts if part)
    return str(value)
