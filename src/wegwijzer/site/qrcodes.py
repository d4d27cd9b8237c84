"""QR codes for the posters, made at build time as SVG with segno.

A record page prints as a one-page poster for a waiting room or a community centre; its
QR code leads to the page itself, so it needs the site's public address (mkdocs.yml
``site_url``). segno chooses the mask the QR standard prescribes by trying all eight,
which costs about 10 ms a code in pure Python: too slow to repeat for 10,000 records on
every build. So each code is kept on disk by what it encodes (``.wegwijzer/cache/qr/``,
like the resized photos), and codes that are missing are made on every core at once.

The SVG holds only segno's path and a title we escape: no record text becomes markup.
"""

from __future__ import annotations

import hashlib
import io
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import segno

from .escaping import esc

ERROR_LEVEL = "m"  # 15 % of the code may be damaged (a poster on a notice board)
BORDER = 4  # the quiet zone the standard asks for, in modules
PARALLEL_FROM = 100  # below this many missing codes, starting workers costs more than it saves
_SETTINGS = f"segno {segno.__version__} error={ERROR_LEVEL} border={BORDER} v1"


def qr_svg(address: str) -> str:
    """The QR code of ``address`` as an SVG element without size (CSS sizes it), black on white."""
    code = segno.make(address, error=ERROR_LEVEL, micro=False)
    out = io.BytesIO()
    code.save(out, kind="svg", xmldecl=False, svgns=True, nl=False, omitsize=True, border=BORDER,
              svgclass="ww-qr", lineclass=None, dark="#000", light="#fff")
    return out.getvalue().decode("ascii")


def _key(address: str) -> str:
    return hashlib.sha256(f"{_SETTINGS}\n{address}".encode("utf-8")).hexdigest()


def qr_svgs(addresses, cache_dir: Path | None = None, workers: int | None = None) -> dict:
    """{address: svg} for every address; codes on disk in ``cache_dir`` are reused, new ones written there."""
    wanted = list(dict.fromkeys(addresses))
    found, missing = {}, []
    if cache_dir is not None:
        for address in wanted:
            try:
                found[address] = (Path(cache_dir) / f"{_key(address)}.svg").read_text(encoding="ascii")
            except OSError:
                missing.append(address)
    else:
        missing = wanted
    made = _make_all(missing, workers)
    if cache_dir is not None and made:
        Path(cache_dir).mkdir(parents=True, exist_ok=True)
        for address, svg in made.items():
            _write(Path(cache_dir) / f"{_key(address)}.svg", svg)
    found.update(made)
    return found


def _make_all(addresses: list, workers: int | None) -> dict:
    workers = workers or min(os.cpu_count() or 1, 4)
    if len(addresses) < PARALLEL_FROM or workers < 2:
        return {address: qr_svg(address) for address in addresses}
    # 'spawn': the build may run threads (the preview's file watcher), so no fork.
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        return dict(zip(addresses, pool.map(qr_svg, addresses, chunksize=64), strict=True))


def _write(path: Path, text: str):
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(text, encoding="ascii")
    os.replace(tmp, path)


def titled(svg: str, title: str) -> str:
    """The SVG with an accessible name (escaped) as its first child."""
    head, _, rest = svg.partition(">")
    return f'{head} role="img" aria-label="{esc(title)}"><title>{esc(title)}</title>{rest}'
