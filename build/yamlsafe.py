"""Read an editor's YAML file safely, keeping a line number on every value.

Every scalar stays text (no YAML 1.1 guessing: ``10:00``, ``0451234567`` and ``no``
keep their meaning); the schema converts them. Anchors and aliases are refused, so an
alias bomb cannot grow in memory; nesting depth and file size are bounded, so a hostile
file cannot hang the run or exhaust the stack. libyaml's C parser is used when present.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

try:  # libyaml is about 15x faster; PyYAML falls back to pure Python without it.
    from yaml import CBaseLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import BaseLoader as _Loader

MAX_FILE_BYTES = 1024 * 1024
MAX_DEPTH = 20


@dataclass
class Scalar:
    value: str
    line: int
    plain: bool = True  # written without quotes or block style


@dataclass
class Sequence:
    items: list
    line: int


@dataclass
class Mapping:
    # key -> (key line, value node); insertion order is the editor's order.
    entries: dict = field(default_factory=dict)
    line: int = 1

    def get(self, key):
        entry = self.entries.get(key)
        return entry[1] if entry else None


class YamlProblem(Exception):
    """A file that cannot be read as a YAML mapping; ``line`` is 1-based."""

    def __init__(self, message: str, line: int = 1):
        super().__init__(message)
        self.message = message
        self.line = line


def read_mapping(path: Path) -> Mapping:
    """Return the top-level mapping of ``path`` or raise YamlProblem."""
    data = _read_bounded(path)
    text = _decode(data)
    if not text.strip() or all(
        not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()
    ):
        raise YamlProblem("Het bestand is leeg. Vul de velden in of verwijder het bestand.")
    root = _build_tree(text)
    if not isinstance(root, Mapping):
        kind = "een lijst" if isinstance(root, Sequence) else "losse tekst"
        raise YamlProblem(
            f"Het bestand bevat {kind}, maar moet velden bevatten zoals 'naam: ...'. "
            "Begin elke regel met een veldnaam en een dubbele punt.",
            root.line,
        )
    return root


def _read_bounded(path: Path) -> bytes:
    with open(path, "rb") as handle:
        data = handle.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise YamlProblem(
            "Het bestand is groter dan 1 MiB. Een record is veel kleiner; "
            "controleer of dit het juiste bestand is."
        )
    return data


def _decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise YamlProblem(
            "Het bestand is niet opgeslagen als UTF-8 (er staat een onleesbaar teken). "
            "Sla het op als UTF-8 in je teksteditor.",
            line,
        ) from None
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise YamlProblem("Het bestand bevat een NUL-teken. Is dit wel een tekstbestand?", line)
    return text


def _build_tree(text: str):
    """Build our own node tree from parser events (iterative: no deep recursion)."""
    stack: list = []  # containers being filled; a Mapping carries a pending key
    pending_keys: list = []
    root = None
    try:
        for event in yaml.parse(text, Loader=_Loader):
            line = event.start_mark.line + 1 if event.start_mark else 1
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise YamlProblem(
                    "Ankers (&) en verwijzingen (*) zijn niet toegestaan. "
                    "Schrijf de waarde voluit.",
                    line,
                )
            if isinstance(event, yaml.DocumentStartEvent) and root is not None:
                raise YamlProblem(
                    "Het bestand bevat meer dan één document (---). Zet één record in een bestand.",
                    line,
                )
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                if len(stack) >= MAX_DEPTH:
                    raise YamlProblem("De gegevens zijn te diep genest.", line)
                node = Mapping(line=line) if isinstance(event, yaml.MappingStartEvent) else Sequence([], line)
                root = _attach(stack, pending_keys, node, root)
                stack.append(node)
                pending_keys.append(None)
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                stack.pop()
                pending_keys.pop()
            elif isinstance(event, yaml.ScalarEvent):
                node = Scalar(event.value, line, plain=event.style in (None, ""))
                root = _attach(stack, pending_keys, node, root)
    except yaml.MarkedYAMLError as err:
        raise YamlProblem(_explain(err), _mark_line(err)) from None
    except yaml.YAMLError as err:  # unmarked reader errors, e.g. control characters
        raise YamlProblem(f"Het bestand is geen geldige YAML: {err}") from None
    if root is None:
        raise YamlProblem("Het bestand is leeg. Vul de velden in of verwijder het bestand.")
    return root


def _attach(stack, pending_keys, node, root):
    if not stack:
        return node if root is None else root
    parent = stack[-1]
    if isinstance(parent, Sequence):
        parent.items.append(node)
        return root
    key = pending_keys[-1]
    if key is None:  # this node is a key
        if not isinstance(node, Scalar):
            raise YamlProblem("Een veldnaam moet gewone tekst zijn.", node.line)
        if node.value in parent.entries:
            first = parent.entries[node.value][0]
            raise YamlProblem(
                f"Het veld '{node.value}' staat twee keer in het bestand "
                f"(ook op regel {first}). Houd er één over.",
                node.line,
            )
        pending_keys[-1] = node
    else:
        parent.entries[key.value] = (key.line, node)
        pending_keys[-1] = None
    return root


def _mark_line(err: yaml.MarkedYAMLError) -> int:
    mark = err.problem_mark or err.context_mark
    return mark.line + 1 if mark else 1


_EXPLANATIONS = [
    (re.compile(r"tab character|'\\t'"), "Er staat een tab. Gebruik spaties om in te springen, geen tabs."),
    (re.compile(r"could not find expected ':'"),
     "Er mist een dubbele punt na de veldnaam, of een regel springt verkeerd in."),
    (re.compile(r"mapping values are not allowed"),
     "Er staat een dubbele punt midden in een waarde. Zet de waarde tussen aanhalingstekens, "
     "of controleer of er een dubbele punt mist op de regel ervoor."),
    (re.compile(r"quoted scalar"),
     "Er ontbreekt een afsluitend aanhalingsteken."),
    (re.compile(r"expected <block end>"),
     "Deze regel springt verkeerd in. Zet velden van hetzelfde niveau recht onder elkaar."),
    (re.compile(r"flow (sequence|mapping)"),
     "Een lijst tussen [ ] of { } is niet goed afgesloten."),
    (re.compile(r"block sequence"),
     "Een lijst met streepjes (-) springt verkeerd in."),
]


def _explain(err: yaml.MarkedYAMLError) -> str:
    raw = f"{err.context or ''} {err.problem or ''}"
    for pattern, explanation in _EXPLANATIONS:
        if pattern.search(raw):
            return explanation
    return f"Het bestand is geen geldige YAML ({(err.problem or err.context or '').strip()})."
