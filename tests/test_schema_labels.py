"""Every field of the data format has a Dutch label and help text, in the schema itself.

The web editor (/admin/) shows them next to each field and `wegwijzer nieuw` writes the
help as a comment, so a field without them would appear to editors as a bare key. When
you add a field to the schema, give it ``label=`` and ``help=``: this test tells you
which one is missing.
"""

from __future__ import annotations

import pytest

from wegwijzer.records import articles, glossary
from wegwijzer.records.schema import tables
from wegwijzer.records.schema.framework import Field, shape_of


def _tables():
    """Every field table: the record tables (any *_FIELDS in tables.py) and the content files."""
    found = {name: value for name, value in vars(tables).items()
             if name.endswith("_FIELDS") and isinstance(value, dict)}
    found["glossary.FIELDS"] = glossary.FIELDS
    found["articles.FIELDS"] = articles.FIELDS
    return found


def _fields(table: dict, prefix: str = ""):
    """(dotted name, Field) for every field, also inside nested records and lists of records."""
    for key, field in table.items():
        yield prefix + key, field
        shape = shape_of(field.convert)
        while shape.kind == "list" and shape.item is not None:
            shape = shape.item
        if shape.kind == "record":
            yield from _fields(shape.fields, f"{prefix}{key}.")


ALL_FIELDS = [(f"{table}: {name}", field) for table, fields in _tables().items() for name, field in _fields(fields)]


def test_the_walk_finds_nested_fields():
    names = {name for name, _ in ALL_FIELDS}
    assert "VOORZIENING_FIELDS: openingstijden.van" in names  # a list of records
    assert "VOORZIENING_FIELDS: contact.telefoon" in names  # a record
    assert "FACE_FIELDS: toestemming" in names
    assert len(names) > 50


@pytest.mark.parametrize("name,field", ALL_FIELDS, ids=[name for name, _ in ALL_FIELDS])
def test_every_field_has_a_dutch_label_and_help_text(name, field: Field):
    assert field.label.strip(), f"{name} has no label: add label='...' (Dutch) to its Field"
    assert field.help.strip(), f"{name} has no help text: add help='...' (Dutch, B1) to its Field"
    assert field.help.rstrip().endswith((".", "?", "!")), f"{name}: write the help text as a sentence"
    assert len(field.help) <= 200, f"{name}: keep the help text short (at most 200 characters)"


def test_a_field_without_a_label_fails_the_check():
    """The check above catches a new field added without label and help text."""
    with pytest.raises(AssertionError, match="has no label"):
        test_every_field_has_a_dutch_label_and_help_text("nieuw_veld", Field(lambda node, ctx, name: None))
