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
import unicodedata
from typing import Optional
from urllib.parse import urlsplit

from .text import quoted

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
    if found in WEB_SCHEMES and found in schemes:
        # The same rules as a website field: no hidden characters, no name before an @, no look-alike host.
        return web_address_problem(as_browser_reads(value, in_html)) is None
    return found in schemes


def web_address_problem(value: str) -> Optional[str]:
    """Why ``value`` cannot be published as a website address (Dutch), or None.

    A website field must be exactly an http(s) address with a host name: no hidden
    characters, spaces or quotes, nothing a browser would read differently, no name
    before an @ (``https://www.gemeente.nl@elders.example`` goes to elders.example), a
    port a browser can use, and a host name in one script (no Cyrillic 'а' in 'pаypal').
    """
    start = f"{quoted(value, 120)} is geen geldig webadres."
    example = "Begin met https:// (of http://), bijvoorbeeld https://www.gemeente.nl."
    if as_browser_reads(value) != value or re.search(r"[\x00-\x20\x7f<>\"'`\\]", value):
        return f"{start} Er staan spaties, onzichtbare tekens, aanhalingstekens of een backslash in. {example}"
    if any(_is_invisible(c) for c in value if not c.isascii()):
        return (f"{start} Er staat een onzichtbaar teken in (zoals een spatie zonder breedte of een teken dat de "
                f"leesrichting omdraait). Typ het adres opnieuw. {example}")
    found = scheme(value)
    if found not in WEB_SCHEMES:
        if found:
            return f"{start} {example} Een {found}:-link zet de site nooit online."
        return f"{start} {example}"
    try:
        parts = urlsplit(value)
        host = parts.hostname
    except ValueError:  # a broken [IPv6] address
        host = None
    if not host or "." not in host:
        return f"{start} De naam van de website ontbreekt. {example}"
    try:
        port = parts.port
    except ValueError:  # not a number, or above 65535: Python's parser and every browser refuse it
        return f"{start} Het deel na de naam van de website (zoals :8080) klopt niet. {example}"
    if "@" in parts.netloc:
        return (f"{start} Er staat een @ vóór de naam van de website. Zo'n adres leidt naar de website na de @, "
                f"niet naar de naam ervoor. {example}")
    if port == 0:
        return f"{start} Poort 0 bestaat niet. {example}"
    return _host_problem(host, start)


# Format characters (zero-width space, direction marks and overrides, soft hyphen), separators
# other than the plain space, private-use and unassigned code points, and letters that
# render as nothing (Hangul fillers, the Braille blank).
_INVISIBLE_CATEGORIES = frozenset(("Cc", "Cf", "Cs", "Co", "Cn", "Zs", "Zl", "Zp"))
_INVISIBLE_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800\u180e")


def _is_invisible(char: str) -> bool:
    return unicodedata.category(char) in _INVISIBLE_CATEGORIES or char in _INVISIBLE_LETTERS


def _host_problem(host: str, start: str) -> Optional[str]:
    """Why a host name would mislead a resident, or None: each part in one script, and not a
    name that only looks Latin. The scripts and look-alikes are Unicode's own (UTS #39), from
    the confusable_homoglyphs package."""
    try:
        readable = host.encode("ascii").decode("idna") if "xn--" in host else host
    except UnicodeError:
        return f"{start} De naam van de website is niet goed gecodeerd (xn--...). Typ het adres opnieuw."
    if readable.isascii():
        return None
    from confusable_homoglyphs import confusables  # only for a name with other letters than a-z

    for label in readable.split("."):
        letters = [c for c in label if c.isalpha()]
        if confusables.is_mixed_script(label):
            return (f"{start} De naam van de website mengt letters uit verschillende schriften (bijvoorbeeld "
                    "Latijnse en Cyrillische letters). Zo lijkt een nepadres op een echt adres. Typ het adres "
                    "opnieuw met gewone letters.")
        if letters and not all(c.isascii() or "LATIN" in unicodedata.name(c, "") for c in letters) \
                and all(confusables.is_confusable(c, preferred_aliases=["latin"]) for c in letters):
            return (f"{start} De naam van de website lijkt op gewone letters, maar bestaat uit letters van een "
                    "ander schrift. Zo lijkt een nepadres op een echt adres. Typ het adres opnieuw met gewone letters.")
    return None
