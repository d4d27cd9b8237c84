"""/.well-known/security.txt (RFC 9116) from gemeente.yaml's `beveiliging:` block.

Without that block no file is written: a security contact is the municipality's own
choice, never guessed from other addresses.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

SECURITY_TXT = Path(".well-known", "security.txt")


def security_txt(gemeente, site_url: str = "") -> Optional[str]:
    security = gemeente.beveiliging if gemeente else None
    if security is None:
        return None
    lines = []
    if security.email:
        lines.append(f"Contact: mailto:{security.email}")
    if security.website:
        lines.append(f"Contact: {security.website}")
    lines.append(f"Expires: {security.verloopt.isoformat()}T00:00:00Z")
    if security.beleid:
        lines.append(f"Policy: {security.beleid}")
    if security.talen:
        lines.append(f"Preferred-Languages: {', '.join(security.talen)}")
    if site_url:
        lines.append(f"Canonical: {site_url.rstrip('/')}/{SECURITY_TXT.as_posix()}")
    return "\n".join(lines) + "\n"


def write_security_txt(site_dir: Path, gemeente, site_url: str = "") -> Optional[Path]:
    text = security_txt(gemeente, site_url)
    if text is None:
        return None
    path = Path(site_dir) / SECURITY_TXT
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
    return path
