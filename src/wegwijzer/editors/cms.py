"""The web editor's configuration (Decap CMS), generated from the record schema.

Every field of the schema becomes a form field with the schema's Dutch label and help
text; required fields are required, vocabularies are choice lists, kernen come from
gemeente.yaml, lists and nested records (contact, locaties, openingstijden) become list
and object widgets, and every value type brings its pattern and the checker's own
message. The route pages editors keep in content/ (life events, "Zorgen om een ander")
are collections too. A new optional field in the schema needs only its label and help text to
appear in the editor.

All values are edited as text (the editor reads and writes the files with the
``wegwijzer-yaml`` format in wegwijzer-cms.js, which, like our loader, never turns
``0451234567``, ``9.00`` or ``no`` into a number or a boolean).
"""

from __future__ import annotations

from typing import Any, Optional

from ..records.dataset import FACES_DIR, GEMEENTE_FILE
from ..records.images import not_an_image as not_a_photo
from ..records.levensloop import LIFE_EVENTS_DIR, WORRIED_FILE
from ..records.schema import tables
from ..records.schema.framework import Field, Shape, shape_of

FORMAT = "wegwijzer-yaml"  # registered by wegwijzer-cms.js
PHOTO_WIDGET = "wegwijzer-foto"  # registered by wegwijzer-cms.js
LONG_TEXT = 200  # longer texts get a text area


def decap_config(data_folder: str, kernen, backend: dict, local_backend=None, site_url: str = "",
                 publish_mode: Optional[str] = None, content_folder: Optional[str] = None,
                 articles: tuple = (), worried_page: bool = False) -> dict:
    """The Decap CMS configuration (config.yml) for a data folder at ``data_folder`` in the repository.

    With ``content_folder`` (the content folder's path in the repository) editors also keep the
    route pages there: the life events (levensloop/) and, when the project has that file
    (``worried_page``; Decap edits existing single files only), "Zorgen om een ander";
    ``articles`` are the article names a step can choose from.
    """
    folder = data_folder.strip("/") or "."
    config: dict[str, Any] = {
        "backend": dict(backend),
        "locale": "nl",
        "media_folder": f"{folder}/{FACES_DIR}",
        "public_folder": "",
        # File names become page addresses: lower case, ASCII, dashes (as the checker wants).
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": [
            _voorzieningen(folder, kernen),
            _gezichten(folder, kernen),
            _gemeente(folder, kernen),
        ],
    }
    if content_folder:
        config["collections"] += _route_pages(content_folder.strip("/") or ".", kernen, articles, worried_page)
    if publish_mode:
        config["publish_mode"] = publish_mode
    if local_backend:
        config["local_backend"] = {"url": local_backend} if isinstance(local_backend, str) else True
    if site_url:
        config["site_url"] = site_url
    return config


def _folder_collection(name: str, label: str, singular: str, description: str, folder: str, title: str,
                       summary: str, **more) -> dict:
    """A folder of YAML files, one per item, named after its ``title`` field once and kept."""
    return {
        "name": name,
        "label": label,
        "label_singular": singular,
        "description": description,
        "folder": folder,
        "extension": "yaml",
        "format": FORMAT,
        "create": True,
        "delete": False,
        "identifier_field": title,
        "slug": "{{%s}}" % title,
        "summary": summary,
        **more,
    }


def _voorzieningen(folder, kernen) -> dict:
    return _folder_collection(
        "voorzieningen", "Voorzieningen", "voorziening",
        "Eén bestand per voorziening. De bestandsnaam wordt het adres van de pagina en verandert daarna niet meer.",
        folder, "naam", "{{naam}} ({{route}}, gecontroleerd {{gecontroleerd}})",
        sortable_fields=["naam", "gecontroleerd"],
        # gemeente.yaml is in the same folder: wegwijzer-cms.js marks it, and it is edited below.
        filter={"field": "_wegwijzer_soort", "value": "record"},
        fields=widgets(tables.VOORZIENING_FIELDS, kernen))


def _gezichten(folder, kernen) -> dict:
    return _folder_collection(
        "gezichten", "Gezichtenkaart", "gezicht",
        "Eén kaart per persoon, alleen met toestemming. De foto komt naast de kaart als <id>.jpg.",
        f"{folder}/{FACES_DIR}", "naam", "{{naam}}, {{functie}} ({{organisatie}})",
        media_folder="",  # the photo sits next to the card
        public_folder="",
        fields=widgets(tables.FACE_FIELDS, kernen))


def _gemeente(folder, kernen) -> dict:
    return {
        "name": "gemeente",
        "label": "Gemeente",
        "files": [{
            "name": "gemeente",
            "label": "Gegevens van de gemeente",
            "file": f"{folder}/{GEMEENTE_FILE}",
            "format": FORMAT,
            "fields": widgets(tables.GEMEENTE_FIELDS, kernen),
        }],
    }


def _route_pages(content: str, kernen, articles, worried_page: bool) -> list:
    """Life events (a folder of files) and "Zorgen om een ander" (one file), in content/."""
    fields = widgets(tables.LIFE_EVENT_FIELDS, kernen, articles)
    collections = [_folder_collection(
        "levensloop", "Levensloop", "levensgebeurtenis",
        "Eén bestand per moment in het leven, zoals 'Je krijgt een kind'. De bestandsnaam wordt het adres van de "
        "pagina.",
        f"{content}/{LIFE_EVENTS_DIR}", "titel", "{{titel}}",
        sortable_fields=["titel", "volgorde"],
        fields=fields)]
    if worried_page:
        collections.append({
            "name": "zorgen-om-een-ander",
            "label": "Zorgen om een ander",
            "files": [{
                "name": "zorgen-om-een-ander",
                "label": "Pagina Zorgen om een ander",
                "file": f"{content}/{WORRIED_FILE}",
                "format": FORMAT,
                "fields": fields,
            }],
        })
    return collections


def widgets(fields: dict, kernen, articles: tuple = ()) -> list:
    return [widget(key, field, kernen, articles) for key, field in fields.items()]


def widget(key: str, field: Field, kernen, articles: tuple = ()) -> dict:
    """One schema field as a Decap field: label, help, required, and the widget for its shape."""
    entry = {"name": key, "label": field.label or key, "required": bool(field.required)}
    if field.help:
        entry["hint"] = field.help
    entry.update(_for_shape(shape_of(field.convert), field, kernen, articles))
    return entry


def _for_shape(shape: Shape, field: Field, kernen, articles: tuple = ()) -> dict:
    kind = shape.kind
    if kind == "list" and shape.item is not None:
        return _list(shape.item, field, kernen, articles)
    if kind == "record":
        fields = widgets(shape.fields or {}, kernen, articles)
        if not field.required:
            # Decap checks an object's required fields even when the object itself is left empty,
            # so an optional group (wachttijd, bezwaar, ...) would block every save. Its fields are
            # optional in the form; `wegwijzer check` still requires them once the group is filled in.
            fields = [_optional(f) for f in fields]
        return {"widget": "object", "collapsed": False, "fields": fields}
    if kind in ("choice", "flag"):
        return {"widget": "select", "options": _options(shape)}
    if kind == "kern":
        return {"widget": "select", "options": [{"label": k, "value": k} for k in kernen]}
    if kind == "voorziening":
        return _relation()
    if kind == "artikel" and articles:  # an article by its file name, from content/artikelen/
        return {"widget": "select", "options": [{"label": slug, "value": slug} for slug in articles]}
    if kind == "photo":  # the same words as the checker for a file that is no photo
        return {"widget": PHOTO_WIDGET, "not_a_photo": not_a_photo("{naam}")}
    if kind == "multiline":
        return {"widget": "text"}
    return _text(shape)


def _optional(entry: dict) -> dict:
    """A form field, and any object fields inside it, not required (lists keep their own rules)."""
    entry = dict(entry, required=False)
    if entry.get("widget") == "object":
        entry["fields"] = [_optional(f) for f in entry["fields"]]
    entry.pop("min", None)
    return entry


def _relation() -> dict:
    """A record chosen from the records (the value is its id: the file name)."""
    return {"widget": "relation", "collection": "voorzieningen", "value_field": "{{slug}}",
            "search_fields": ["naam"], "display_fields": ["naam"]}


def _list(item: Shape, field: Field, kernen, articles: tuple = ()) -> dict:
    minimum = {"min": 1} if field.required else {}
    if item.kind in ("choice", "kern"):
        options = _options(item) if item.kind == "choice" else [{"label": k, "value": k} for k in kernen]
        return {"widget": "select", "multiple": True, "options": options, **minimum}
    if item.kind == "voorziening":
        return {**_relation(), "multiple": True, **minimum}
    if item.kind == "record":
        return {"widget": "list", "collapsed": False, "fields": widgets(item.fields or {}, kernen, articles), **minimum}
    inner = {"name": "waarde", "label": field.label, **_text(item)}
    return {"widget": "list", "field": inner, **minimum}


def _options(shape: Shape) -> list:
    return [{"label": label if label == value else f"{label} ({value})", "value": value}
            for value, label in shape.options]


def _text(shape: Shape) -> dict:
    entry: dict[str, Any] = {"widget": "text" if (shape.max_len or 0) > LONG_TEXT else "string"}
    if shape.pattern:
        entry["pattern"] = [shape.pattern, f"Dit is {shape.problem}. {shape.hint}"]
    elif shape.max_len:
        entry["pattern"] = [f"^[\\s\\S]{{0,{shape.max_len}}}$",
                            f"Deze tekst is te lang; het maximum is {shape.max_len} tekens. Maak hem korter."]
    return entry
