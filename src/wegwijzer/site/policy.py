"""The Content-Security-Policy the built site works under, written for deployers.

The site has no inline script or style (Material's inline snippets are replaced by
empty partials in theme/partials/javascripts/), so the policy depends only on the
build's configuration: Meilisearch's origin joins ``connect-src`` when the search page
talks to it, and the feedback form's address (gemeente.yaml, terugkoppeling) joins
``form-action``. The build writes the policy into the site folder, where the deploy recipe
(deploy/nginx/) includes it; it changes only when that configuration changes.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Optional
from urllib.parse import urlsplit

from ..errors import WegwijzerError
from ..search.siteconfig import origin

# Folder in the built site for what a web server includes; the deploy recipe does not serve it.
DEPLOY_DIR = ".deploy"
POLICY_TEXT = "csp.txt"  # the policy on one line, for any web server
POLICY_NGINX = "nginx-csp.conf"  # an nginx `add_header` line

BASE_POLICY = (
    ("default-src", ("'self'",)),
    ("script-src", ("'self'", "'wasm-unsafe-eval'")),  # Pagefind runs WebAssembly
    ("style-src", ("'self'",)),
    ("img-src", ("'self'", "data:")),  # Material's icons are data: URLs in its CSS
    ("connect-src", ("'self'",)),
    ("object-src", ("'none'",)),
    ("base-uri", ("'self'",)),
    ("form-action", ("'self'",)),  # the search forms; the feedback form's address joins it
    ("frame-ancestors", ("'none'",)),
)


# An origin that can stand in a header and in nginx's quoted string as it is.
_CLEAN_ORIGIN = re.compile(r"^https?://(?:[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$")


def content_security_policy(search_config: dict, form_address: Optional[str] = "") -> str:
    """The policy for a site built with ``search_config`` (the search page's #zoek-config).

    ``form_address``: where the feedback form posts (gemeente.yaml terugkoppeling.formulier); its
    origin joins ``form-action``. None or "" means the form opens an e-mail instead, which
    needs ``mailto:`` there (without JavaScript the browser submits the form to a mailto: address).
    """
    extra = {"form-action": (form_origin(form_address),) if form_address else ("mailto:",)}
    if search_config.get("backend") == "meilisearch":
        meili = origin(search_config["url"])
        if not _CLEAN_ORIGIN.match(meili):
            raise WegwijzerError(f"Het Meilisearch-adres {search_config['url']!r} kan niet in de "
                                 "Content-Security-Policy: gebruik alleen een gewone host naam, zoals "
                                 "https://zoek.gemeente.example.")
        extra["connect-src"] = (meili,)
    return "; ".join(" ".join((name, *sources, *extra.get(name, ()))) for name, sources in BASE_POLICY)


def form_origin(address: str) -> str:
    """'https://formulier.example/mening?x=1' -> 'https://formulier.example' (no user name, no path)."""
    parts = urlsplit(address)
    host = parts.hostname or ""
    if ":" in host:  # an IPv6 address
        host = f"[{host}]"
    found = f"{parts.scheme.lower()}://{host}" + (f":{parts.port}" if parts.port else "")
    if parts.scheme.lower() not in ("http", "https") or not _CLEAN_ORIGIN.match(found):
        raise WegwijzerError(f"Het formulieradres {address!r} (terugkoppeling.formulier in gemeente.yaml) kan niet "
                             "in de Content-Security-Policy: gebruik een gewoon https://-adres.")
    return found


def write_policy(site_dir: Path, search_config: dict, form_address: Optional[str] = None) -> Path:
    """Write the policy files into ``site_dir``/.deploy/; returns that folder."""
    policy = content_security_policy(search_config, form_address)
    folder = Path(site_dir) / DEPLOY_DIR
    folder.mkdir(parents=True, exist_ok=True)
    _write(folder / POLICY_TEXT, policy + "\n")
    _write(folder / POLICY_NGINX,
           "# Written by `wegwijzer build` for this build's configuration; included by deploy/nginx.\n"
           f'add_header Content-Security-Policy "{policy}" always;\n')
    return folder


def _write(path: Path, text: str):
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
