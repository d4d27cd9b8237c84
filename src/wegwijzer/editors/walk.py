"""Every value of one kind in a data folder, with its file, line and field.

The link checker needs the editor's own text and where it stands, which the checked
record model no longer has. The walk follows the schema (nested records and lists of
records included), so a new URL or phone field is found without changing this file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Optional

from ..records.dataset import FACES_DIR, GEMEENTE_FILE, ID_PATTERN
from ..records.diagnostics import display_path
from ..records.schema import tables
from ..records.schema.framework import shape_of
from ..records.yamlsafe import Mapping, Scalar, Sequence, YamlProblem, read_mapping


@dataclass(frozen=True)
class Found:
    path: str  # as the editor sees it, relative to the working folder
    line: int
    field: str  # dotted, e.g. contact.website or locaties.naam
    kind: str  # the value's Shape kind: url, phone, email, ...
    value: str


def data_files(data_dir: Path) -> Iterator[tuple]:
    """(file, field table) for gemeente.yaml, every record and every face card."""
    data_dir = Path(data_dir)
    yield data_dir / GEMEENTE_FILE, tables.GEMEENTE_FIELDS
    for folder, fields in ((data_dir, tables.VOORZIENING_FIELDS), (data_dir / FACES_DIR, tables.FACE_FIELDS)):
        if folder.is_dir():
            for path in sorted(folder.glob("*.yaml")):
                if path.name != GEMEENTE_FILE and ID_PATTERN.match(path.stem):
                    yield path, fields


def find_values(data_dir: Path, kinds, cwd: Optional[Path] = None) -> list:
    """Every value whose kind is in ``kinds``; files that cannot be read are skipped
    (`wegwijzer check` reports those)."""
    cwd = (cwd or Path.cwd()).resolve()
    found = []
    for path, fields in data_files(data_dir):
        try:
            mapping = read_mapping(path)
        except (OSError, YamlProblem):
            continue
        shown = display_path(path.resolve(), cwd)
        found.extend(_walk(mapping, fields, set(kinds), shown, ""))
    return found


def _walk(mapping: Mapping, fields: dict, kinds: set, path: str, prefix: str):
    for key, (_, node) in mapping.entries.items():
        spec = fields.get(key)
        if spec is not None:
            yield from _values(node, shape_of(spec.convert), kinds, path, prefix + key)


def _values(node, shape, kinds, path, name):
    if shape.kind == "list" and shape.item is not None:
        items = node.items if isinstance(node, Sequence) else [node]
        for item in items:
            yield from _values(item, shape.item, kinds, path, name)
    elif shape.kind == "record":
        if isinstance(node, Mapping):
            yield from _walk(node, shape.fields, kinds, path, name + ".")
    elif shape.kind in kinds and isinstance(node, Scalar) and node.value.strip():
        yield Found(path, node.line, name, shape.kind, node.value.strip())
