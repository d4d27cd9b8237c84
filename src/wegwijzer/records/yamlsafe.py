"""Read an editor's YAML file safely, keeping a line number on every value.

Every scalar stays text (no YAML 1.1 guessing: ``10:00``, ``0451234567`` and ``no``
keep their meaning); the schema converts them. Anchors and aliases are refused, so an
alias bomb cannot grow in memory; nesting depth and file size are bounded, so a hostile
file cannot hang the run or exhaust the stack. libyaml's C parser is used when present.
"""

from __future__ import annotations

import re
import unicodedata
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Optional, Union, cast

import yaml

from .files import FileRefused, read_limited

_AnyLoader = Union[type[yaml.CBaseLoader], type[yaml.BaseLoader]]
_BaseLoader: _AnyLoader
try:  # libyaml is about 15x faster; PyYAML falls back to pure Python without it.
    from yaml import CBaseLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import BaseLoader as _BaseLoader

_TEXT_TAGS: dict[type[yaml.Node], str] = {
    yaml.ScalarNode: "tag:yaml.org,2002:str",
    yaml.SequenceNode: "tag:yaml.org,2002:seq",
    yaml.MappingNode: "tag:yaml.org,2002:map",
}


def _text_loader(base: _AnyLoader) -> _AnyLoader:
    """A loader on ``base`` for which every scalar is text, so tag resolution (a Python
    call per node) is skipped."""

    # The base is chosen when the module loads (libyaml's or pure Python); mypy takes only
    # a class named in the code as a base.
    class TextLoader(base):  # type: ignore[valid-type, misc]
        def resolve(self, kind: type[yaml.Node], value: object, implicit: object) -> str:
            return _TEXT_TAGS[kind]

        def descend_resolver(self, current_node: object, current_index: object) -> None:
            pass

        def ascend_resolver(self) -> None:
            pass

    return TextLoader


_Loader = _text_loader(_BaseLoader)
# The two parsers word their errors differently and have different limits; the tests run
# the same files through both, so an editor gets the same Dutch message either way.
PURE_PYTHON_LOADER = _text_loader(yaml.BaseLoader)

MAX_FILE_BYTES = 1024 * 1024
MAX_DEPTH = 20


class Scalar:
    __slots__ = ("value", "line", "plain", "block")

    def __init__(self, value: str, line: int, plain: bool = True, block: bool = False):
        self.value = value
        self.line = line
        self.plain = plain  # written without quotes or block style
        self.block = block  # written as a block (| or >): the text starts on the next line


class Sequence:
    __slots__ = ("items", "line")

    def __init__(self, items: list[Node], line: int):
        self.items = items
        self.line = line


class Mapping:
    __slots__ = ("entries", "line")

    def __init__(self, line: int = 1):
        self.entries: dict[str, tuple[int, Node]] = {}  # key -> (key line, value node), in the editor's order
        self.line = line

    def get(self, key: str) -> Optional[Node]:
        entry = self.entries.get(key)
        return entry[1] if entry else None


Node = Union[Scalar, Sequence, Mapping]  # what the reader makes of a YAML value

_EMPTY = "Het bestand is leeg. Vul de velden in of verwijder het bestand."
_TOO_DEEP = "De gegevens zijn te diep genest."
_MULTIPLE_DOCUMENTS = "Het bestand bevat meer dan één document (---). Zet één record in een bestand."


class YamlProblem(Exception):
    """A file that cannot be read as a YAML mapping; ``line`` is 1-based."""

    def __init__(self, message: str, line: int = 1):
        super().__init__(message)
        self.message = message
        self.line = line


def read_text(path: Path, root: Optional[Path] = None, limit: int = MAX_FILE_BYTES) -> str:
    """The file's text: a regular file (inside ``root``, a resolved folder, when given) of at
    most ``limit`` bytes, UTF-8 (a BOM is fine), no NUL bytes."""
    try:
        data = read_limited(path, limit, root)
    except FileRefused as refused:
        raise YamlProblem(refused.message) from None
    return _decode(data)


def parse_text(text: str, first_line: int = 1) -> Node:
    """The node tree of YAML ``text``; ``first_line`` is the file line the text starts on."""
    if not text.strip() or all(
        not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()
    ):
        raise YamlProblem(_EMPTY, first_line)
    # Blank lines in front put every line number, including those inside messages ("also on
    # line 3"), where the editor sees it in the whole file.
    root = _build_tree("\n" * (first_line - 1) + text)
    if isinstance(root, Scalar) and root.plain and not root.value.strip():  # only '---'
        raise YamlProblem(_EMPTY, first_line)
    return root


def read_node(path: Path, root: Optional[Path] = None) -> Node:
    """The node tree of a whole YAML file (a mapping, a list or a scalar)."""
    return parse_text(read_text(path, root))


def read_mapping(path: Path, root: Optional[Path] = None) -> Mapping:
    """Return the top-level mapping of ``path`` or raise YamlProblem."""
    return expect_mapping(read_node(path, root))


def expect_mapping(root: Node) -> Mapping:
    if not isinstance(root, Mapping):
        kind = "een lijst" if isinstance(root, Sequence) else "losse tekst"
        raise YamlProblem(
            f"Het bestand bevat {kind}, maar moet velden bevatten zoals 'naam: ...'. "
            "Begin elke regel met een veldnaam en een dubbele punt.",
            root.line,
        )
    return root


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
    if "\x85" in text:  # libyaml reads U+0085 as a line break: every line after it would shift
        raise control_character(text) or YamlProblem(_UNREADABLE_CHARACTER)
    # Unicode's composed form (NFC): 'é' typed as one letter or as 'e' plus an accent is the same
    # text, for kern names, glossary terms and search alike.
    return text if text.isascii() else unicodedata.normalize("NFC", text)


# Characters YAML does not allow (tab, line feed and carriage return are fine) and U+0085.
# The parser refuses the others itself; this finds them for a Dutch message with a line.
_CONTROL = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


def control_character(text: str) -> Optional[YamlProblem]:
    found = _CONTROL.search(text)
    if not found:
        return None
    return YamlProblem(
        f"Er staat een onzichtbaar stuurteken (U+{ord(found.group()):04X}) in het bestand. "
        "Verwijder het; zo'n teken komt vaak mee bij kopiëren en plakken.",
        text[: found.start()].count("\n") + 1,
    )


# What a double-quoted YAML text can spell with escapes ("\\0", "\\x1b", "\\u202e", "\\ud800")
# but no editor means: control characters other than tab and line feed, lone surrogates
# (they cannot even be written to a page), non-characters and the Unicode line separators.
_ESCAPED_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")


def _checked_text(value: str, style: Optional[str], line: int) -> str:
    """A scalar's text in Unicode's composed form (NFC), so 'é' typed two ways is one letter.

    Only a double-quoted scalar can hold an escaped control character: the reader already
    refuses raw ones, so other scalars skip the search.
    """
    if style == '"':
        found = _ESCAPED_CONTROL.search(value)
        if found:
            raise YamlProblem(
                f"Er staat een onzichtbaar stuurteken (U+{ord(found.group()):04X}) in deze waarde, geschreven "
                "met een backslash tussen dubbele aanhalingstekens. Haal het weg; een nieuwe regel schrijf je met "
                "| en de tekst op de regels eronder.", line)
    return value if value.isascii() else unicodedata.normalize("NFC", value)


# libyaml's C composer recurses on the C stack: it crashes somewhere past 10,000 levels
# of nesting. It is used only when a cheap scan proves the file cannot nest deeper than
# this; anything else goes through the slower, iterative event builder.
_COMPOSER_SAFE_DEPTH = 1000


def _build_tree(text: str) -> Node:
    if _may_nest_deeper(text, _COMPOSER_SAFE_DEPTH):
        return _build_from_events(text)
    return _build_from_composer(text)


_INDENT = re.compile(r"^[ \t]+", re.MULTILINE)


def _may_nest_deeper(text: str, depth: int) -> bool:
    """False only if ``text`` surely nests at most ``depth`` levels. Every level opens
    with an indicator ([, {, '- ', '? ', ': ') or a deeper indentation, so the count of
    indicators plus the deepest indentation bounds the depth."""
    room = depth - sum(text.count(mark) for mark in ("[", "{", "- ", "? ", ": "))
    if room <= 0:
        return True
    if "\t" in text or "\u2028" in text or "\u2029" in text:  # rare: measure every line
        return max(map(len, _INDENT.findall(text)), default=0) >= room
    deep = " " * room  # fast path: is any line indented by `room` spaces or more?
    return text.startswith(deep) or f"\n{deep}" in text or f"\r{deep}" in text


def _build_from_composer(text: str) -> Node:
    with _yaml_errors(text):
        anchor_line = _anchor_line(text)
        if anchor_line:
            raise YamlProblem(_NO_ANCHORS, anchor_line)
        node = yaml.compose(text, Loader=_Loader)
    if node is None:
        raise YamlProblem(_EMPTY)
    return _convert_node(node, 0)


_ScalarNode, _SequenceNode = yaml.ScalarNode, yaml.SequenceNode
_BLOCK_STYLES = ("|", ">")


def _convert_node(node: yaml.Node, depth: int) -> Node:
    # No aliases can reach here (refused above), so every node is visited once.
    # This runs for every value of every file: plain `type() is` checks and locals.
    kind = type(node)
    line = node.start_mark.line + 1
    if kind is _ScalarNode:
        style = cast(yaml.ScalarNode, node).style  # `kind is`: mypy does not narrow node
        return Scalar(_checked_text(node.value, style, line), line, not style, style in _BLOCK_STYLES)
    if depth >= MAX_DEPTH:
        raise YamlProblem(_TOO_DEEP, line)
    depth += 1
    if kind is _SequenceNode:
        return Sequence([_convert_node(item, depth) for item in node.value], line)
    mapping = Mapping(line)
    entries = mapping.entries
    for key_node, value_node in node.value:
        key_line = key_node.start_mark.line + 1
        if type(key_node) is not _ScalarNode:
            raise _not_a_field_name(key_line)
        key = _checked_text(key_node.value, key_node.style, key_line)
        if key in entries:
            raise _duplicate_field(key, entries[key][0], key_line)
        entries[key] = (key_line, _convert_node(value_node, depth))
    return mapping


# Both tree builders refuse the same things with the same words.

def _not_a_field_name(line: int) -> YamlProblem:
    return YamlProblem("Een veldnaam moet gewone tekst zijn.", line)


def _duplicate_field(key: str, first_line: int, line: int) -> YamlProblem:
    return YamlProblem(f"Het veld '{key}' staat twee keer in het bestand (ook op regel {first_line}). "
                       "Houd er één over.", line)


_NO_ANCHORS = ("Ankers (&) en verwijzingen (*) zijn niet toegestaan. Schrijf de waarde voluit; "
               "begint een tekst met * of &, zet hem dan tussen aanhalingstekens.")


# libyaml reads '&' or '*' as an anchor or alias only at the start of a token (after a
# space, a line break, a flow indicator, a quote or a ':') and only when a name character
# follows. Texts like 'Zorg & Welzijn' or Markdown's '**vet**' never qualify, so most files
# skip the second parse; a candidate is not proof, the parser's events decide.
_ANCHOR_START = re.compile(r"[&*][0-9A-Za-z_-]")
_TOKEN_BOUNDARY = frozenset(" \t\r\n\u2028\u2029[]{},\"':?-")


def _may_have_anchor(text: str) -> bool:
    return any(m.start() == 0 or text[m.start() - 1] in _TOKEN_BOUNDARY for m in _ANCHOR_START.finditer(text))


def _anchor_line(text: str) -> int:
    """The line of the first anchor or alias, or 0. Anchors are refused even when unused."""
    if not _may_have_anchor(text):
        return 0
    for event in yaml.parse(text, Loader=_Loader):
        if getattr(event, "anchor", None) or isinstance(event, yaml.AliasEvent):
            return event.start_mark.line + 1 if event.start_mark else 1
    return 0


def _build_from_events(text: str) -> Node:
    """Build our own node tree from parser events (iterative: no deep recursion)."""
    stack: list[Mapping | Sequence] = []  # containers being filled; a Mapping carries a pending key
    pending_keys: list[Optional[Scalar]] = []
    root: Optional[Node] = None
    with _yaml_errors(text):
        for event in yaml.parse(text, Loader=_Loader):
            line = event.start_mark.line + 1 if event.start_mark else 1
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise YamlProblem(_NO_ANCHORS, line)
            if isinstance(event, yaml.DocumentStartEvent) and root is not None:
                raise YamlProblem(_MULTIPLE_DOCUMENTS, line)
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                if len(stack) >= MAX_DEPTH:
                    raise YamlProblem(_TOO_DEEP, line)
                container = Mapping(line=line) if isinstance(event, yaml.MappingStartEvent) else Sequence([], line)
                root = _attach(stack, pending_keys, container, root)
                stack.append(container)
                pending_keys.append(None)
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                stack.pop()
                pending_keys.pop()
            elif isinstance(event, yaml.ScalarEvent):
                scalar = Scalar(_checked_text(event.value, event.style, line), line, event.style in (None, ""),
                                event.style in _BLOCK_STYLES)
                root = _attach(stack, pending_keys, scalar, root)
    if root is None:
        raise YamlProblem(_EMPTY)
    return root


def _attach(stack: list[Mapping | Sequence], pending_keys: list[Optional[Scalar]], node: Node,
            root: Optional[Node]) -> Optional[Node]:
    if not stack:
        return node if root is None else root
    parent = stack[-1]
    if isinstance(parent, Sequence):
        parent.items.append(node)
        return root
    key = pending_keys[-1]
    if key is None:  # this node is a key
        if not isinstance(node, Scalar):
            raise _not_a_field_name(node.line)
        if node.value in parent.entries:
            raise _duplicate_field(node.value, parent.entries[node.value][0], node.line)
        pending_keys[-1] = node
    else:
        parent.entries[key.value] = (key.line, node)
        pending_keys[-1] = None
    return root


@contextmanager
def _yaml_errors(text: str) -> Iterator[None]:
    """Turn the parser's errors into a YamlProblem an editor can act on."""
    try:
        yield
    except yaml.MarkedYAMLError as err:
        raise YamlProblem(_explain(err, text), _mark_line(err)) from None
    except yaml.YAMLError:  # unmarked: the reader refused a character
        problem = control_character(text)
        raise problem or YamlProblem(_UNREADABLE_CHARACTER) from None


_UNREADABLE_CHARACTER = ("Het bestand bevat een teken dat in YAML niet mag. Verwijder onzichtbare "
                         "tekens; die komen vaak mee bij kopiëren en plakken.")

# For these the parser notices the problem only on a later line; the editor has to look
# where the quote, the key or the bracket starts.
_STARTED_EARLIER = re.compile(r"while scanning a (quoted scalar|simple key)|while parsing a flow")


def _mark_line(err: yaml.MarkedYAMLError) -> int:
    mark = err.problem_mark or err.context_mark
    if err.context_mark and _STARTED_EARLIER.search(err.context or ""):
        mark = err.context_mark
    return mark.line + 1 if mark else 1


_TAB = "Er staat een tab. Gebruik spaties om in te springen, geen tabs."

# Each parser message (libyaml's and pure-Python PyYAML's wording, which differ) maps to
# one Dutch explanation. The first pattern that matches wins, so the specific ones come
# first. Whatever matches none gets _UNKNOWN_SYNTAX: an editor never reads English.
_EXPLANATIONS = [
    (re.compile(r"maximum nesting depth"), _TOO_DEEP),
    (re.compile(r"tab character|'\\t'"), _TAB),
    (re.compile(r"single document|another document"), _MULTIPLE_DOCUMENTS),
    (re.compile(r"directive|incompatible YAML document|duplicate tag handle"),
     "Een regel begint met %. Zo'n regel hoort niet in dit bestand. Verwijder hem, "
     "of zet de tekst tussen aanhalingstekens."),
    (re.compile(r"escape (character|sequence|code)|hexa?de?cimal|escaped octet"),
     "Er staat een backslash (\\) in een tekst tussen dubbele aanhalingstekens. "
     "Gebruik enkele aanhalingstekens ('...'), of schrijf twee backslashes (\\\\)."),
    (re.compile(r"could not find expected ':'"),
     "Er mist een dubbele punt na de veldnaam, of een regel springt verkeerd in."),
    (re.compile(r"mapping values are not allowed"),
     "Er staat een dubbele punt midden in een waarde. Zet de waarde tussen aanhalingstekens, "
     "of controleer of er een dubbele punt mist op de regel ervoor."),
    (re.compile(r"while scanning an? (alias|anchor)"), _NO_ANCHORS),
    (re.compile(r"tag handle|while parsing a tag|while scanning a tag"),
     "Een waarde begint met een uitroepteken (!). Zet de waarde tussen aanhalingstekens."),
    (re.compile(r"cannot start any token"),
     "Een waarde begint met een teken dat niet mag, zoals @ of `. "
     "Zet de waarde tussen aanhalingstekens."),
    (re.compile(r"quoted scalar"),
     "Er ontbreekt een afsluitend aanhalingsteken."),
    (re.compile(r"block scalar"),
     "Na | of > mag op dezelfde regel niets anders staan. Zet de tekst op de volgende "
     "regels, ingesprongen."),
    (re.compile(r"node content"),
     "Hier ontbreekt een waarde, bijvoorbeeld tussen twee komma's of na een streepje."),
    (re.compile(r"expected <block end>|expected <document start>"),
     "Deze regel springt verkeerd in. Zet velden van hetzelfde niveau recht onder elkaar."),
    (re.compile(r"did not find expected key"),
     "Deze regel is niet te lezen als 'veld: waarde'. Staat er tekst na een afsluitend "
     "aanhalingsteken, of mist de veldnaam?"),
    (re.compile(r"flow (sequence|mapping)|expected ',' or"),
     "Een lijst tussen [ ] of { } is niet goed afgesloten."),
    (re.compile(r"block sequence|expected '-' indicator"),
     "Een lijst met streepjes (-) springt verkeerd in."),
    (re.compile(r"unexpected end of stream|found '<stream end>'"),
     "Het bestand houdt midden in een waarde op. Staat er een aanhalingsteken of haakje open?"),
]

_UNKNOWN_SYNTAX = ("Deze regel is geen geldige YAML. Controleer het inspringen, de dubbele "
                   "punten en de aanhalingstekens op deze regel en de regel ervoor.")


def _explain(err: yaml.MarkedYAMLError, text: str) -> str:
    mark = err.problem_mark
    if mark:  # libyaml does not always name the tab it stumbled on in the indentation
        indentation = _line_at(text, mark.line)[: mark.column + 1]
        if "\t" in indentation and not indentation.strip(" \t"):
            return _TAB
    raw = f"{err.context or ''} {err.problem or ''}"
    for pattern, explanation in _EXPLANATIONS:
        if pattern.search(raw):
            return explanation
    return _UNKNOWN_SYNTAX


def _line_at(text: str, index: int) -> str:
    lines = text.split("\n", index + 1)
    return lines[index] if index < len(lines) else ""
