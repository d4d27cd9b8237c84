"""`wegwijzer nieuw voorziening|gezicht ID`: a new file with every field, each explained.

The skeleton is made from the schema, so a new field appears in it with its label and
help text. Required fields get a value that passes `wegwijzer check`; optional fields
are written as comments for the editor to fill in or leave out.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Optional

from ..errors import UsageError
from ..records.dataset import FACES_DIR, GEMEENTE_FILE, ID_PATTERN
from ..records.schema import tables
from ..records.schema.framework import Field, Shape, shape_of
from ..records.yamlsafe import Scalar, Sequence, YamlProblem, read_mapping
from .files import write_atomically

KINDS = {
    "voorziening": (tables.VOORZIENING_FIELDS, "", "Nieuwe voorziening"),
    "gezicht": (tables.FACE_FIELDS, FACES_DIR, "Nieuwe kaart voor de gezichtenkaart"),
}

# Never filled in for the editor: a face card needs the real date of consent, and
# without it `wegwijzer check` keeps the card off the site (as it should).
LEFT_EMPTY = {"toestemming"}


def new_file(data_dir: Path, kind: str, record_id: str, today: Optional[date] = None) -> Path:
    """Write the skeleton of a ``kind`` called ``record_id``; returns its path."""
    if kind not in KINDS:
        raise UsageError(f"'{kind}' kan niet. Kies voorziening of gezicht.")
    if not ID_PATTERN.match(record_id) or record_id == Path(GEMEENTE_FILE).stem:
        raise UsageError(
            f"'{record_id}' kan geen bestandsnaam zijn. De naam is ook het adres van de pagina: gebruik alleen "
            "kleine letters, cijfers en streepjes (hoogstens 80 tekens), bijvoorbeeld hoeskamer-schinveld.")
    data_dir = Path(data_dir)
    if not data_dir.is_dir():
        raise UsageError(f"De map '{data_dir}' bestaat niet. Geef de map met de gegevens op.")
    fields, folder, title = KINDS[kind]
    path = data_dir / folder / f"{record_id}.yaml"
    if path.exists():
        raise UsageError(f"{path} bestaat al. Kies een andere naam, of bewerk dat bestand.")
    text = skeleton(fields, title, record_id, today or date.today(), _kernen(data_dir))
    write_atomically(path, text.encode("utf-8"), exclusive=True)
    return path


def skeleton(fields: dict, title: str, record_id: str, today: date, kernen=()) -> str:
    lines = [f"# {title}. Vul de velden in en controleer daarna met: wegwijzer check",
             "# Een regel die met # begint, telt niet mee. Haal het # weg om een veld te gebruiken."]
    for key, field in fields.items():
        lines.append("")
        lines.extend(_field_lines(key, field, record_id, today, kernen, indent=""))
    return "\n".join(lines) + "\n"


def _comment(field: Field, shape: Shape, kernen) -> str:
    parts = [f"{field.label}: {field.help}"]
    choices = _choices(shape, kernen)
    if choices:
        parts.append(f"Kies uit: {', '.join(choices)}.")
    parts.append("Verplicht." if field.required else "Mag leeg blijven.")
    return " ".join(parts)


def _choices(shape: Shape, kernen) -> list:
    if shape.kind == "list" and shape.item is not None:
        shape = shape.item
    if shape.kind in ("choice", "flag"):
        return [value for value, _ in shape.options]
    if shape.kind == "kern":
        return list(kernen)
    return []


def _field_lines(key, field, record_id, today, kernen, indent) -> list:
    shape = shape_of(field.convert)
    lines = [f"{indent}# {_comment(field, shape, kernen)}"]
    nested = shape.item if shape.kind == "list" and shape.item is not None else shape
    if nested.kind == "record":
        # A group of fields: written out as an example, commented unless required.
        marker = "" if field.required else "# "
        lines.append(f"{indent}{marker}{key}:")
        inner = indent + ("  - " if shape.kind == "list" else "  ")
        first = True
        for sub_key, sub_field in (nested.fields or {}).items():
            sub_shape = shape_of(sub_field.convert)
            value = _value(sub_key, sub_field, sub_shape, "", today, kernen)
            lead = inner if first else indent + "    " if shape.kind == "list" else inner
            first = False
            lines.append(f"{indent}{marker}{lead[len(indent):]}{sub_key}: {value}"
                         f"  # {sub_field.label}{'' if sub_field.required else ' (mag leeg)'}")
        return lines
    value = _value(key, field, shape, record_id, today, kernen)
    if key in LEFT_EMPTY:
        lines.append(f"{indent}{key}:")
    elif field.required:
        lines.append(f"{indent}{key}: {value}")
    else:
        lines.append(f"{indent}# {key}: {value}".rstrip())
    return lines


def _value(key, field, shape, record_id, today, kernen) -> str:
    if shape.kind == "list":
        item = _scalar(key, field, shape.item or Shape("text"), record_id, today, kernen)
        return f"[{item}]" if item else ""
    return _scalar(key, field, shape, record_id, today, kernen)


def _scalar(key, field, shape, record_id, today, kernen) -> str:
    """A valid example value; required texts get a placeholder that tells what to write."""
    if shape.kind == "date":
        return today.isoformat()
    if key == "naam" and record_id:
        return _quoted(record_id.replace("-", " ").capitalize())
    if shape.kind == "kern":
        return _quoted(kernen[0]) if kernen else ""
    if field.example:
        return _quoted(field.example)
    if shape.example:
        return _quoted(shape.example)
    if field.required:
        return _quoted(f"Vul hier in: {field.label.lower()}.")
    return ""


def _quoted(value: str) -> str:
    """Double quotes keep any text a text (JSON strings are valid YAML)."""
    import json

    return json.dumps(value, ensure_ascii=False)


def _kernen(data_dir: Path) -> tuple:
    """The kernen in gemeente.yaml, for the comment; none when it cannot be read."""
    try:
        node = read_mapping(data_dir / GEMEENTE_FILE).get("kernen")
    except (OSError, YamlProblem):
        return ()
    if isinstance(node, Sequence):
        return tuple(item.value for item in node.items if isinstance(item, Scalar))
    return (node.value,) if isinstance(node, Scalar) and node.value.strip() else ()
