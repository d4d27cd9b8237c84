"""How the search key reaches the site: a small git-ignored file the build reads.

``wegwijzer index`` writes ``.wegwijzer/meili.json`` (in the folder it runs from, the
project root) with exactly three public values::

    {"url": "https://zoek.gemeente.example", "index": "wegwijzer", "search_key": "..."}

The search key may only search the portal's index; it is meant to be in the built site.
The master key is never written: ``write_site_config`` refuses a payload containing it.
``MEILI_URL`` / ``MEILI_SEARCH_KEY`` in the build's environment take precedence
(see ``site_search_config``).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Optional

DEFAULT_PATH = Path(".wegwijzer") / "meili.json"
ALLOWED_FIELDS = ("url", "index", "search_key")


class SecretLeak(Exception):
    pass


def write_site_config(path: Path, url: str, index_uid: str, search_key: str, master_key: str = "") -> Path:
    payload = {"url": url.rstrip("/"), "index": index_uid, "search_key": search_key}
    text = json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
    if master_key and master_key in text:
        raise SecretLeak("De master key zou in de siteconfiguratie komen; er is niets geschreven.")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
    return path


def read_site_config(path: Path = DEFAULT_PATH) -> Optional[dict]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    return {k: str(data[k]) for k in ALLOWED_FIELDS if data.get(k)}


def site_search_config(environ=None, path: Path = DEFAULT_PATH) -> Optional[dict]:
    """What the site build should put in the page: url, index, search_key — or None.

    Environment first (MEILI_URL, MEILI_SEARCH_KEY, MEILI_INDEX), then the file written
    by `wegwijzer index`. MEILI_MASTER_KEY is never read here.
    """
    env = os.environ if environ is None else environ
    from_file = read_site_config(path) or {}
    url = env.get("MEILI_URL") or from_file.get("url")
    key = env.get("MEILI_SEARCH_KEY") or from_file.get("search_key")
    index = env.get("MEILI_INDEX") or from_file.get("index") or "wegwijzer"
    if not (url and key):
        return None
    master = env.get("MEILI_MASTER_KEY")
    if master and key == master:
        raise SecretLeak("MEILI_SEARCH_KEY is gelijk aan de master key. Gebruik de zoeksleutel uit "
                         ".wegwijzer/meili.json (gemaakt door 'wegwijzer index').")
    return {"url": url.rstrip("/"), "index": index, "search_key": key}
