"""Small file helpers the editors' tools share: write without ever leaving half a file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ..errors import WegwijzerError


def write_atomically(path: Path, data: bytes, exclusive: bool = False) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder.

    Readers see the old file or the new one, never a half-written one. With ``exclusive``
    the file must not exist yet (checked in the same step that makes it appear).
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, 0o644)  # mkstemp makes the file private; git and web servers must read it
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if exclusive:
            try:
                os.link(tmp, path)  # fails when the file exists: never overwrites
            except FileExistsError:
                raise WegwijzerError(f"{path} bestaat al. Er is niets overschreven.") from None
        else:
            os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
