"""How the search key reaches the site: a small git-ignored file the build reads.

``wegwijzer index`` writes ``.wegwijzer/meili.json`` (in the folder it runs from, the
project root) with exactly three public values::

    {"url": "https://zoek.gemeente.example", "index": "wegwijzer", "search_key": "..."}

The search key may only search the portal's index; it is meant to be in the built site.
The master key is never written: ``write_site_config`` refuses a payload containing it.
``MEILI_URL`` / ``MEILI_SEARCH_KEY`` in the build's environment take precedence, then
the plugin's ``search:`` setting in mkdocs.yml (see ``site_search_config``). This module
is the one place that decides what the site's search page gets.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any, Mapping, Optional
from urllib.parse import urlsplit

from ..errors import UsageError, WegwijzerError
from .fields import RETRIEVED

DEFAULT_PATH = Path(".wegwijzer") / "meili.json"
ALLOWED_FIELDS = ("url", "index", "search_key")


class SecretLeak(WegwijzerError):
    """The master key would end up in the site or its configuration."""


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


def read_site_config(path: Path = DEFAULT_PATH) -> Optional[dict[str, str]]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    return {k: str(data[k]) for k in ALLOWED_FIELDS if data.get(k)}


# The keys of the plugin's `search:` setting in mkdocs.yml (all optional).
MKDOCS_KEYS = ("meili_url", "meili_search_key", "meili_index")
_INDEX_UID = re.compile(r"^[a-zA-Z0-9_-]{1,400}$")


class SearchConfigError(UsageError):
    """The site's Meilisearch settings are incomplete or not allowed."""


def site_search_config(environ: Optional[Mapping[str, str]] = None, path: Path = DEFAULT_PATH,
                       configured: Optional[dict[str, Any]] = None) -> Optional[dict[str, str]]:
    """What the site build should put in the page: url, index, search_key — or None.

    Each value comes from the first place that has it: the environment (MEILI_URL,
    MEILI_SEARCH_KEY, MEILI_INDEX), then ``configured`` (the plugin's `search:` setting
    in mkdocs.yml: meili_url, meili_search_key, meili_index), then the file written by
    `wegwijzer index`. MEILI_MASTER_KEY is only read to refuse a search key equal to it.
    """
    env = os.environ if environ is None else environ
    configured = dict(configured or {})
    unknown = sorted(set(configured) - set(MKDOCS_KEYS))
    if unknown:
        raise SearchConfigError(
            f"Onbekende instelling onder search: in mkdocs.yml: {', '.join(unknown)}. "
            f"Toegestaan: {', '.join(MKDOCS_KEYS)}. Zet de master key nooit in mkdocs.yml.")
    from_yml = {"url": configured.get("meili_url"), "search_key": configured.get("meili_search_key"),
                "index": configured.get("meili_index")}
    from_yml = {k: str(v) for k, v in from_yml.items() if v}
    from_file = read_site_config(path) or {}
    url = env.get("MEILI_URL") or from_yml.get("url") or from_file.get("url")
    key = env.get("MEILI_SEARCH_KEY") or from_yml.get("search_key") or from_file.get("search_key")
    index = env.get("MEILI_INDEX") or from_yml.get("index") or from_file.get("index") or "wegwijzer"
    if from_yml.get("url") and not key:
        raise SearchConfigError("search: meili_url staat in mkdocs.yml, maar er is geen zoeksleutel "
                                "(meili_search_key, MEILI_SEARCH_KEY of .wegwijzer/meili.json).")
    if not (url and key):
        return None
    master = env.get("MEILI_MASTER_KEY")
    if master and key == master:
        raise SecretLeak("De zoeksleutel voor de site (MEILI_SEARCH_KEY, meili_search_key in mkdocs.yml of "
                         ".wegwijzer/meili.json) is gelijk aan de master key (MEILI_MASTER_KEY). De master key "
                         "hoort nooit in de site: gebruik de zoeksleutel die 'wegwijzer index' in "
                         ".wegwijzer/meili.json schrijft.")
    url = url.strip().rstrip("/")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.query or parts.fragment or parts.username:
        raise SearchConfigError(f"Het Meilisearch-adres {url!r} is geen http(s)-adres zoals https://zoek.gemeente.example.")
    if not _INDEX_UID.match(index):
        raise SearchConfigError(f"De indexnaam {index!r} mag alleen a-z, A-Z, 0-9, '-' en '_' bevatten.")
    return {"url": url, "index": index, "search_key": key}


def page_search_config(environ: Optional[Mapping[str, str]] = None, path: Path = DEFAULT_PATH,
                       configured: Optional[dict[str, Any]] = None) -> dict[str, Any]:
    """The JSON the search page reads from #zoek-config: {} means Pagefind only. ``velden``: what
    the page asks Meilisearch to return of a hit (the search description's retrieved fields)."""
    found = site_search_config(environ, path, configured)
    if not found:
        return {}
    return {"backend": "meilisearch", "url": found["url"], "index": found["index"], "key": found["search_key"],
            "velden": list(RETRIEVED)}


def origin(url: str) -> str:
    """'https://zoek.example/meili' -> 'https://zoek.example' (for <link rel=preconnect>)."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"
