"""Opening an editor's file safely: a regular file, inside its own folder, never more than a limit.

Every file an editor keeps (records, face cards, photos, articles, pages, the glossary, the
synonyms) is read through here, so a link to the system's password file, a pipe that never
ends, a device such as /dev/zero, a loop of links or a folder where a file should be is a
Dutch message with the file's name, never a hang, a traceback or a published secret.

The rule for links: a link may point anywhere inside the folder tree it belongs to (the
data folder, the content folder, or the folder of the synonyms file), and nowhere else. The
folder itself may be a link (``voorzieningen -> /srv/data/dalveld``): it is resolved first.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path


class FileRefused(Exception):
    """A file that is not read; ``message`` says why and what to do (Dutch)."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def real_folder(folder: Path) -> Path:
    """The folder with every link in its own path resolved (the root links are measured against)."""
    return Path(folder).resolve()


def real_path(path: Path, root: Path) -> Path:
    """Where ``path`` really is, when that is inside ``root`` (already resolved); else FileRefused."""
    path = Path(path)
    try:
        real = path.resolve(strict=True)
    except FileNotFoundError:
        if path.is_symlink():
            raise FileRefused(f"'{path.name}' is een snelkoppeling naar een bestand dat niet bestaat. "
                              "Zet het bestand zelf hier neer, of verwijder de snelkoppeling.") from None
        raise FileRefused(f"'{path.name}' bestaat niet, dus het kan niet worden gelezen. Controleer de naam.") from None
    except (RuntimeError, OSError) as err:  # RuntimeError: Python's "Symlink loop"; OSError: ELOOP, EACCES, ...
        if isinstance(err, RuntimeError) or err.errno == errno.ELOOP:
            raise FileRefused(f"'{path.name}' is een snelkoppeling die in een kring naar zichzelf verwijst. "
                              "Zet het bestand zelf hier neer.") from None
        raise FileRefused(f"'{path.name}' kan niet worden gelezen: {err.strerror}.") from None
    if not real.is_relative_to(root):
        raise FileRefused(f"'{path.name}' is een snelkoppeling naar een bestand buiten de map {root.name}/. "
                          "Alleen bestanden in de map zelf komen op de site. Zet het bestand zelf hier neer.")
    return real


def read_limited(path: Path, limit: int, root: Path | None = None, what: str = "Het bestand") -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes (inside ``root`` when given).

    A pipe, a device, a socket or a folder is refused without reading from it, and the size
    is checked before reading, so nothing can make this read more than ``limit`` + 1 bytes.
    """
    target = real_path(path, root) if root is not None else Path(path)
    try:
        # O_NONBLOCK: opening a pipe for reading would otherwise wait for a writer forever.
        fd = os.open(target, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as err:
        if err.errno == errno.ELOOP:
            raise FileRefused(f"'{Path(path).name}' is een snelkoppeling die in een kring naar zichzelf verwijst. "
                              "Zet het bestand zelf hier neer.") from None
        raise FileRefused(f"{what} kan niet worden gelezen: {err.strerror}.") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            kind = "een map" if stat.S_ISDIR(info.st_mode) else "geen gewoon bestand (maar bijvoorbeeld een pipe)"
            raise FileRefused(f"'{Path(path).name}' is {kind}. Hier hoort een gewoon bestand.")
        if info.st_size > limit:
            raise FileRefused(too_big(what, limit))
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, limit + 1 - size)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > limit:  # the file grew while it was read
        raise FileRefused(too_big(what, limit))
    return data


def too_big(what: str, limit: int) -> str:
    return (f"{what} is groter dan {readable_size(limit)}. Dat is veel meer dan een editor ooit schrijft: "
            "controleer of dit het juiste bestand is, of maak het kleiner.")


def readable_size(size: int) -> str:
    """'1 MiB', '256 KiB', '12 bytes' for a message."""
    for unit, factor in (("MiB", 1024 * 1024), ("KiB", 1024)):
        if size >= factor:
            value = size / factor
            return f"{value:.0f} {unit}" if value >= 10 or value == int(value) else f"{value:.1f} {unit}"
    return f"{size} bytes"
