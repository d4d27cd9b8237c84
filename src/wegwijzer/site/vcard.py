"""vCard 3.0 for the face cards, so a GP can add every face to a phone at once.

RFC 2426/6350 rules: escape backslash, comma, semicolon and newlines in values,
CRLF line endings, and fold lines longer than 75 octets (continuation starts with
a space) without splitting a UTF-8 character.
"""

from __future__ import annotations

import base64
from typing import Optional


def escape(value: str) -> str:
    return (value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))


def fold(line: str, limit: int = 75) -> str:
    """Fold one content line at ``limit`` octets."""
    data = line.encode("utf-8")
    if len(data) <= limit:
        return line
    parts: list[str] = []
    current: list[str] = []
    size = 0
    first = True
    for char in line:
        width = len(char.encode("utf-8"))
        room = limit if first else limit - 1  # continuation lines start with a space
        if size + width > room:
            parts.append("".join(current))
            current, size, first = [], 0, False
        current.append(char)
        size += width
    parts.append("".join(current))
    return "\r\n ".join(parts)


def _split_name(name: str):
    words = name.split()
    if len(words) < 2:
        return name, ""
    # Dutch surnames keep their prefix: "Anne van der Berg" -> family "van der Berg".
    prefixes = {"van", "de", "der", "den", "het", "ter", "ten", "te", "in", "'t", "op", "la", "le"}
    i = 1
    while i < len(words) - 1 and words[i].lower() not in prefixes:
        i += 1
    if words[i].lower() not in prefixes:
        i = len(words) - 1
    return " ".join(words[:i]), " ".join(words[i:])


def face_vcard(face, url: Optional[str] = None, photo_jpeg: Optional[bytes] = None) -> str:
    given, family = _split_name(face.naam)
    lines = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        f"FN:{escape(face.naam)}",
        f"N:{escape(family)};{escape(given)};;;",
        f"ORG:{escape(face.organisatie)}",
        f"TITLE:{escape(face.functie)}",
        f"TEL;TYPE=WORK,VOICE:{face.telefoon.tel}",
    ]
    if face.email:
        lines.append(f"EMAIL;TYPE=INTERNET:{escape(face.email)}")
    notes = []
    if face.vragen:
        notes.append("Bel over: " + ", ".join(face.vragen))
    if face.bereikbaar:
        notes.append("Bereikbaar: " + face.bereikbaar)
    if face.kernen:
        notes.append("Werkgebied: " + ", ".join(face.kernen))
    if notes:
        lines.append("NOTE:" + escape("\n".join(notes)))
    if url:
        lines.append(f"URL:{url}")
    if photo_jpeg:
        lines.append("PHOTO;ENCODING=b;TYPE=JPEG:" + base64.b64encode(photo_jpeg).decode("ascii"))
    lines.append(f"REV:{face.gecontroleerd.isoformat()}")
    lines.append("END:VCARD")
    return "".join(fold(line) + "\r\n" for line in lines)
