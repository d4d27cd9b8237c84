"""The schema framework: fields, converters and how every problem is collected.

Each field has a converter that turns a YAML node into a checked value or reports
why it cannot, with the line of the node. A record collects every problem of every
field; nothing stops at the first error. The value types (phone, postcode, time,
URL ...) are in ``types``, the record tables in ``tables``.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Optional, TypeVar, overload

from ...errors import WegwijzerError
from ...text import SHOWN_MAX, nearest, quoted
from ..diagnostics import Collector
from ..yamlsafe import Mapping, Node, Scalar, Sequence

INVALID = object()  # a converter's "reported, no value"
Model = TypeVar("Model")


@dataclass
class Context:
    """Where a value comes from, so a converter can report precisely."""

    collector: Collector
    path: str
    kernen: Optional[tuple[str, ...]] = None  # the gemeente's kernen, once known

    def error(self, node: Node, field_name: str, message: str) -> None:
        self.collector.error(self.path, node.line, field_name, message)

    def warning(self, node: Node, field_name: str, message: str) -> None:
        self.collector.warning(self.path, node.line, field_name, message)


# A field's converter: (node, ctx, field name) -> the value, or INVALID once it reported why.
Converter = Callable[[Node, Context, str], Any]
Parser = Callable[[str], Any]  # a scalar's text -> its value; raises Invalid (see scalar)


@dataclass(frozen=True)
class Field:
    convert: Converter
    required: bool = False
    required_message: str = ""
    # For editors (Dutch, B1): the web editor shows them with the field, `wegwijzer nieuw`
    # writes the help as a comment. tests/test_schema_labels.py fails when one is missing.
    label: str = ""
    help: str = ""
    example: str = ""  # a valid value when the value type's own example does not fit this field
    # For a field the model class has no attribute for (kept in the model's `extra`): whether
    # the record page shows it and whether the search finds it (records/extras.py). A field
    # with its own attribute is shown and searched where its template and search/documents.py
    # name it.
    shown: bool = True
    searched: bool = True


@dataclass(frozen=True)
class Shape:
    """What a converter accepts, for tools that build forms or skeletons from the schema
    (the web editor's configuration, `wegwijzer nieuw`, the link checker).

    ``pattern`` is a regular expression that both Python and JavaScript read the same way;
    it accepts at least every text the converter accepts. ``problem`` and ``hint`` are the
    two halves of the converter's own message ("'x' is <problem>. <hint>"), so a form can
    say exactly what `wegwijzer check` says.
    """

    kind: str  # text, multiline, choice, list, record, date, time, flag, phone, email, url, ...
    options: tuple[tuple[str, str], ...] = ()  # choice: ((value, label), ...)
    item: Optional[Shape] = None  # list: the shape of each item
    fields: Optional[dict[str, Field]] = None  # record: its fields
    max_len: Optional[int] = None
    pattern: Optional[str] = None
    problem: str = ""
    hint: str = ""
    example: str = ""  # a valid value, for skeletons


def shaped(convert: Converter, shape: Shape) -> Converter:
    """Attach ``shape`` to a converter (see Shape)."""
    convert.shape = shape  # type: ignore[attr-defined]  # an attribute of the function object
    return convert


def shape_of(convert: Converter) -> Shape:
    return getattr(convert, "shape", None) or Shape("text")


def invalid_message(value: str, shape: Shape) -> str:
    """The converter's message for a value of ``shape`` it refuses."""
    return f"{quoted(value)} is {shape.problem}. {shape.hint}"


# --- scalar converters ---------------------------------------------------------------


def scalar_text(node: Node, ctx: Context, name: str) -> Any:  # the stripped text, or INVALID
    if isinstance(node, Scalar):
        return node.value.strip()
    kind = "een lijst" if isinstance(node, Sequence) else "losse velden"
    ctx.error(node, name, f"Hier hoort één tekst, maar er staat {kind}. Schrijf de waarde achter de dubbele punt.")
    return INVALID


class Invalid(ValueError):
    """Raised by a value parser; its text is the editor's message."""


@overload
def scalar(parse: Parser, *, shape: Optional[Shape] = None) -> Converter: ...


@overload
def scalar(parse: None = None, *, shape: Optional[Shape] = None) -> Callable[[Parser], Converter]: ...


def scalar(parse: Optional[Parser] = None, *,
           shape: Optional[Shape] = None) -> Converter | Callable[[Parser], Converter]:
    """Make a field converter from ``parse(text) -> value``, which raises Invalid(message).

    The frame every scalar field shares: it must be one text, and a problem is
    reported on the value's line under the field's name. Use as ``@scalar`` or
    ``@scalar(shape=...)``.
    """
    if parse is None:
        return lambda function: scalar(function, shape=shape)

    def convert(node: Node, ctx: Context, name: str) -> Any:
        value = scalar_text(node, ctx, name)
        if value is INVALID:
            return INVALID
        try:
            return parse(value)
        except Invalid as problem:
            ctx.error(node, name, str(problem))
            return INVALID

    return shaped(convert, shape) if shape else convert


def text(max_len: Optional[int] = None) -> Converter:
    @scalar(shape=Shape("text", max_len=max_len))
    def parse(value: str) -> str:
        if max_len and len(value) > max_len:
            raise Invalid(f"Deze tekst is {len(value)} tekens; het maximum is {max_len}. Maak hem korter.")
        return value

    return parse


def multiline_text(node: Node, ctx: Context, name: str) -> Any:
    if isinstance(node, Scalar):
        return node.value.strip("\n").rstrip()
    return scalar_text(node, ctx, name)


shaped(multiline_text, Shape("multiline"))


def choice(allowed: Iterable[str] | dict[str, str], label: str = "waarde", case_sensitive: bool = False) -> Converter:
    """One of ``allowed`` (a list, or a dict of value -> label shown to editors)."""
    labels = dict(allowed) if isinstance(allowed, dict) else {option: option for option in allowed}
    options = list(labels)
    lookup = {option if case_sensitive else option.lower(): option for option in options}

    @scalar(shape=Shape("choice", options=tuple(labels.items()), problem=f"geen geldige {label}",
                        hint=f"Kies uit: {', '.join(options)}.", example=options[0]))
    def parse(value: str) -> str:
        option = lookup.get(value if case_sensitive else value.lower())
        if option is None:
            raise Invalid(_not_allowed(value, options, label))
        return option

    return parse


def _not_allowed(value: str, allowed: list[str], label: str) -> str:
    return (f"{quoted(value)} is niet toegestaan als {label}.{did_you_mean(value, allowed)} "
            f"Kies uit: {', '.join(allowed)}.")


def did_you_mean(value: str, options: Iterable[str]) -> str:
    """" Bedoel je 'x'?" for the nearest option, or "" when none is close."""
    hint = nearest(value, options)
    return f" Bedoel je '{hint}'?" if hint else ""


# --- composite converters -----------------------------------------------------------


def list_of(item_convert: Converter, allow_single: bool = True, unique: bool = True) -> Converter:
    """A list (``[a, b]`` or dashes); a single value is accepted as a list of one."""

    def convert(node: Node, ctx: Context, name: str) -> Any:
        if isinstance(node, Scalar):
            if not allow_single:
                ctx.error(node, name, "Hier hoort een lijst, bijvoorbeeld [a, b].")
                return INVALID
            if node.value.strip() == "":
                return ()
            items: list[Node] = [node]
        elif isinstance(node, Sequence):
            items = node.items
        else:
            ctx.error(node, name, "Hier hoort een lijst, bijvoorbeeld [a, b], maar er staan losse velden.")
            return INVALID
        values: list[Any] = []
        seen: set[Any] = set()  # a set, not `in values`: 80,000 keywords must not cost 80,000² comparisons
        ok = True
        for item in items:
            value = item_convert(item, ctx, name)
            if value is INVALID:
                ok = False
            elif not unique:
                values.append(value)
            elif value not in seen:
                seen.add(value)
                values.append(value)
        return tuple(values) if ok else INVALID

    return shaped(convert, Shape("list", item=shape_of(item_convert)))


def record(fields: dict[str, Field], model: Callable[..., Any], label: str,
           check: Optional[Callable[[Mapping, dict[str, Any], Context, str], bool]] = None) -> Converter:
    """A nested mapping (contact, a location, an opening time).

    ``check(node, values, ctx, name) -> bool`` reports rules between fields. It runs on
    the fields that converted, even when others did not, so every problem is reported.
    """

    def convert(node: Node, ctx: Context, name: str) -> Any:
        if not isinstance(node, Mapping):
            ctx.error(node, name, f"Hier horen de velden van {label}, ieder op een eigen regel ingesprongen.")
            return INVALID
        values, ok = convert_fields(node, fields, ctx, prefix=f"{name}.")
        if check is not None:
            ok = check(node, values, ctx, name) and ok
        return build_model(model, values) if ok else INVALID

    return shaped(convert, Shape("record", fields=fields))


class SchemaMismatch(WegwijzerError):
    """A table declares a field its model can neither hold nor keep in ``extra``: a mistake in
    the code, told as a message instead of a traceback."""


def build_model(model: Callable[..., Model], values: dict[str, Any], **given: Any) -> Model:
    """The model object for a table's converted ``values`` (plus ``given``: id, source, ...).

    One declaration per field: a field the table declares but the model class has no attribute
    for goes into the model's ``extra`` (records/model.py: Declared), so adding an optional field
    to a table never makes `wegwijzer check` crash.
    """
    names = _attribute_names(model)
    if names is None:
        return model(**values, **given)
    named = {key: value for key, value in values.items() if key in names}
    extra = {key: value for key, value in values.items() if key not in names}
    if extra:
        if "extra" not in names:
            raise SchemaMismatch(f"Interne fout: de velden {', '.join(sorted(extra))} staan in het schema, maar "
                                 f"{getattr(model, '__name__', model)} kan ze niet bewaren. Meld dit aan de "
                                 "ontwikkelaars.")
        named["extra"] = extra
    return model(**named, **given)


def _attribute_names(model: Any) -> Optional[set[str]]:
    """The fields a dataclass model takes, or None when ``model`` is any other callable."""
    if not dataclasses.is_dataclass(model):
        return None
    return {f.name for f in dataclasses.fields(model)}


def convert_fields(mapping: Mapping, fields: dict[str, Field], ctx: Context,
                   prefix: str = "") -> tuple[dict[str, Any], bool]:
    """Convert every field of a mapping; report unknown, missing and invalid ones.

    Returns (values, ok): the values that converted, so later checks can still run
    on them, and whether everything was valid.
    """
    values: dict[str, Any] = {}
    ok = True
    for key, (key_line, node) in mapping.entries.items():
        spec = fields.get(key)
        if spec is None:
            ok = _unknown_field(key, key_line, fields, ctx, prefix) and ok
            continue
        if isinstance(node, Scalar) and node.plain and node.value.strip() == "":
            continue  # "veld:" with nothing after it counts as absent
        value = spec.convert(node, ctx, prefix + key)
        if value is INVALID:
            ok = False
        else:
            values[key] = value
    for key, spec in fields.items():
        if spec.required and key not in values and not is_given(mapping, key):
            message = (spec.required_message
                       or f"Het verplichte veld '{key}' ontbreekt. Voeg een regel '{key}: ...' toe.")
            ctx.collector.error(ctx.path, mapping.line, prefix + key, message)
            ok = False
    return values, ok


def is_given(mapping: Mapping, key: str) -> bool:
    node = mapping.get(key)
    return node is not None and not (isinstance(node, Scalar) and node.value.strip() == "")


def _unknown_field(key: str, line: int, fields: dict[str, Field], ctx: Context, prefix: str) -> bool:
    ctx.collector.error(ctx.path, line, prefix + key[:SHOWN_MAX],
                        f"Onbekend veld {quoted(key)}.{_field_hint(key, fields)}")
    return False


def _field_hint(key: str, fields: dict[str, Field]) -> str:
    """The nearest known name, also looking one level down (telefon -> contact.telefoon)."""
    candidates = {name: name for name in fields}
    for name, spec in fields.items():
        for sub in shape_of(spec.convert).fields or ():  # a nested record's fields
            candidates.setdefault(sub, f"{name}.{sub}")
    best = nearest(key, candidates)
    if best is None:
        return f" Bekende velden: {', '.join(fields)}."
    target = candidates[best]
    if "." in target:
        parent, sub = target.split(".", 1)
        return f" Bedoel je '{sub}'? Dat veld hoort onder '{parent}:', ingesprongen."
    return f" Bedoel je '{target}'?"
