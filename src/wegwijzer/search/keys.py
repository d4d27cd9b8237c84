"""A search-only API key for the site: created once, reused after.

The site's browser code may only ever see a key with ``actions: ["search"]`` on the
portal's own index. We recognise our key by its name (``wegwijzer-zoeken-<index>``)
and by exactly that scope; anything broader is never reused or written anywhere.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import WegwijzerError

if TYPE_CHECKING:  # the client is imported only by `wegwijzer index`
    from meilisearch import Client

KEY_PREFIX = "wegwijzer-zoeken-"
DESCRIPTION = ("Zoeksleutel van de Wegwijzer: alleen zoeken in de index van het portaal. "
               "Staat in de gebouwde site; gemaakt door 'wegwijzer index'.")


@dataclass(frozen=True)
class SearchKey:
    uid: str
    key: str
    name: str
    created: bool


class UnsafeKey(WegwijzerError):
    """Meilisearch offered a key that may do more than search: it is never used."""


# Meilisearch derives a key's value from its uid and the master key. A fixed uid per index
# therefore gives the same search key on every server with the same master key (replicas,
# a server restored from a dump): the site needs one key for all of them.
KEY_UID_NAMESPACE = uuid.UUID("8f0c2a8e-5d3b-4c41-9b7e-1f6a2d9c4e70")


def key_name(index_uid: str) -> str:
    return f"{KEY_PREFIX}{index_uid}"


def key_uid(index_uid: str) -> str:
    return str(uuid.uuid5(KEY_UID_NAMESPACE, key_name(index_uid)))


def _field(obj: object, name: str) -> Any:  # a key as a dict (older clients) or an object
    return obj.get(name) if isinstance(obj, dict) else getattr(obj, name, None)


def is_search_only(key: object, index_uid: str) -> bool:
    return (list(_field(key, "actions") or []) == ["search"]
            and list(_field(key, "indexes") or []) == [index_uid])


def _all_keys(client: Client) -> list[Any]:
    keys: list[Any] = []
    offset = 0
    while True:
        page = client.get_keys({"offset": offset, "limit": 100})
        results = list(_field(page, "results") or [])
        keys.extend(results)
        total = _field(page, "total") or 0
        offset += len(results)
        if not results or offset >= total:
            return keys


def ensure_search_key(client: Client, index_uid: str, master_key: str = "") -> SearchKey:
    """Reuse our search-only key for ``index_uid`` or create it. Never returns a broader key."""
    name = key_name(index_uid)
    found = None
    for key in _all_keys(client):
        if _field(key, "name") == name and is_search_only(key, index_uid) and not _field(key, "expires_at"):
            found = SearchKey(_field(key, "uid"), _field(key, "key"), name, created=False)
            break
    if found is None:
        made = client.create_key({
            "uid": key_uid(index_uid),
            "name": name,
            "description": DESCRIPTION,
            "actions": ["search"],
            "indexes": [index_uid],
            "expiresAt": None,
        })
        if not is_search_only(made, index_uid):
            raise UnsafeKey("Meilisearch gaf een sleutel met meer rechten dan zoeken terug; die wordt niet gebruikt.")
        found = SearchKey(_field(made, "uid"), _field(made, "key"), name, created=True)
    if not found.key or (master_key and found.key == master_key):
        raise UnsafeKey("De zoeksleutel is leeg of gelijk aan de master key; die wordt nooit in de site gezet.")
    return found
