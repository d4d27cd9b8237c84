"""One check for every address an editor supplies: read it the way a browser does.

A browser does not read ``href="jav&#x61;script&colon;x"`` as the text it looks like. It
first decodes HTML character references (``&#x61;``, ``&#0000115;``, ``&colon;``,
``&Tab;``), then the URL parser strips leading and trailing control characters and
spaces, removes every tab and newline, and lowercases the scheme. Checking the text
before those steps is how ``javascript:`` links slip through, so every place that writes
an editor's address into a page (contact websites, the marktplaats link, links in
Markdown) asks this module, and ``wegwijzer check`` refuses a URL field it does not
accept. Plain Python: the checker uses it without loading the site's libraries.
"""

from __future__ import annotations

import html
import re
from typing import Optional
from urllib.parse import urlsplit

# What a resident's browser may open from an editor's text.
LINK_SCHEMES = ("http", "https", "mailto", "tel")
WEB_SCHEMES = ("http", "https")

# WHATWG URL: a scheme is an ASCII letter followed by letters, digits, '+', '-' or '.'.
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")
_TAB_OR_NEWLINE = re.compile(r"[\t\n\r]")
_C0_AND_SPACE = "".join(chr(code) for code in range(0x21))
# Relative addresses that still lead to another host: '//host', and '\' counts as '/'
# in http(s) addresses ('\\host', '/\host').
_OTHER_HOST = re.compile(r"^[/\\]{2}")


def as_browser_reads(value: str, in_html: bool = False) -> str:
    """The address a browser resolves for ``value``.

    ``in_html``: the text stands in HTML as it is (not escaped), so its character
    references are decoded first, as the HTML parser does for an attribute value.
    """
    if in_html:
        value = html.unescape(value)
    return _TAB_OR_NEWLINE.sub("", value.strip(_C0_AND_SPACE))


def scheme(value: str, in_html: bool = False) -> Optional[str]:
    """The lowercase scheme a browser gives ``value``; '' for an address on the same site,
    None for an address that leaves the site without a scheme ('//host')."""
    address = as_browser_reads(value, in_html)
    match = _SCHEME.match(address)
    if match:
        return match.group(1).lower()
    if _OTHER_HOST.match(address):
        return None
    return ""


def is_allowed_link(value: str, in_html: bool = False, allow_relative: bool = True,
                    schemes=LINK_SCHEMES) -> bool:
    """True when a browser would open ``value`` with one of ``schemes`` (or, with
    ``allow_relative``, as a page of the site itself)."""
    found = scheme(value, in_html)
    if found is None:
        return False
    if found == "":
        return allow_relative
    return found in schemes


def web_address_problem(value: str) -> Optional[str]:
    """Why ``value`` cannot be published as a website address (Dutch), or None.

    A website field must be exactly an http(s) address with a host name: no hidden
    characters, spaces or quotes, nothing a browser would read differently.
    """
    start = f"'{_shown(value)}' is geen geldig webadres."
    example = "Begin met https:// (of http://), bijvoorbeeld https://www.gemeente.nl."
    if as_browser_reads(value) != value or re.search(r"[\x00-\x20\x7f<>\"'`\\]", value):
        return f"{start} Er staan spaties, onzichtbare tekens, aanhalingstekens of een backslash in. {example}"
    found = scheme(value)
    if found not in WEB_SCHEMES:
        if found:
            return f"{start} {example} Een {found}:-link zet de site nooit online."
        return f"{start} {example}"
    try:
        host = urlsplit(value).hostname
    except ValueError:
        host = None
    if not host or "." not in host:
        return f"{start} De naam van de website ontbreekt. {example}"
    return None


def _shown(value: str) -> str:
    """The value for a message: control characters made visible, long values shortened."""
    visible = "".join(f"\\x{ord(c):02x}" if ord(c) < 0x20 or ord(c) == 0x7f else c for c in value)
    return visible if len(visible) <= 120 else visible[:117] + "..."
