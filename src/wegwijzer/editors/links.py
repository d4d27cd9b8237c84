"""`wegwijzer links`: which web addresses and phone numbers in the data still work.

Web addresses are requested with httpx, concurrently but politely: at most ``per_host``
requests to one host at a time, a timeout on every request, HEAD first and GET only when
a server refuses HEAD, every redirect recorded. Results are kept in a cache with an age
limit, so a nightly run asks each site at most once a day. Phone numbers are checked
without calling (see ``phones``). httpx and the numbering plan are imported only when
used, so the command table stays quick to load.
"""

from __future__ import annotations

import asyncio
import json
import socket
import ssl
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Optional
from urllib.parse import urljoin, urlsplit

from ..errors import UsageError
from ..safeurl import web_address_problem as url_problem
from .files import write_atomically
from .walk import find_values

DEFAULT_TIMEOUT = 10.0  # seconds for each request
DEFAULT_PER_HOST = 2  # requests to one host at the same time
DEFAULT_CONCURRENCY = 20  # requests in flight overall
DEFAULT_MAX_AGE_HOURS = 20.0  # a nightly run reuses yesterday's answers from earlier in the day
DEFAULT_CACHE = Path(".wegwijzer", "cache", "links.json")  # git-ignored
MAX_REDIRECTS = 10
USER_AGENT = "Wegwijzer-linkcontrole/1 (sociale kaart; controleert of links nog werken)"
# HEAD is refused with 405 or 501; some servers answer HEAD with another error while GET works.
GET_AFTER_HEAD = frozenset({400, 403, 404, 405, 406, 409, 429, 500, 501, 502, 503})
PERMANENT = frozenset({301, 308})

OK, MOVED = "ok", "verhuisd"


@dataclass
class LinkResult:
    url: str
    outcome: str  # ok, verhuisd, niet-gevonden, weg, serverfout, geweigerd, te-traag, geen-verbinding, ...
    status: Optional[int] = None  # the last HTTP status, if any
    final_url: str = ""
    redirects: list = field(default_factory=list)  # [[status, location], ...]
    method: str = "HEAD"
    checked_at: float = 0.0
    detail: str = ""

    @property
    def broken(self) -> bool:
        return self.outcome not in (OK, MOVED)

    def status_text(self) -> str:
        return str(self.status) if self.status is not None else self.outcome

    def advice(self) -> str:
        """What the editor should do, in Dutch."""
        return _ADVICE.get(self.outcome, _ADVICE["fout"]).format(status=self.status, final=self.final_url,
                                                                detail=self.detail)


_ADVICE = {
    OK: "Werkt.",
    MOVED: "Het adres is verhuisd naar {final}. Zet het nieuwe adres in het record.",
    "niet-gevonden": "De pagina bestaat niet (meer) (status {status}). Zoek het goede adres op de website van de "
                     "aanbieder en pas het aan, of haal het adres weg.",
    "weg": "De pagina is weggehaald (status {status}). Vraag de aanbieder of de hulp nog bestaat en haal het adres "
           "weg of vervang het.",
    "serverfout": "De website geeft een fout (status {status}). Probeer het later opnieuw; blijft de fout, meld het "
                  "dan aan de aanbieder.",
    "geweigerd": "De website laat de controle niet toe (status {status}). Open het adres zelf in een browser.",
    "te-traag": "De website antwoordde niet op tijd. Open het adres zelf in een browser; werkt het niet, vraag de "
                "aanbieder naar het goede adres.",
    "geen-verbinding": "De website is niet bereikbaar (de verbinding werd geweigerd). Controleer het adres.",
    "onbekend-domein": "De domeinnaam bestaat niet (meer). Controleer het adres op typefouten of zoek het nieuwe "
                       "adres.",
    "certificaat": "Het beveiligingscertificaat van de website klopt niet ({detail}). Inwoners krijgen een "
                   "waarschuwing te zien. Meld het aan de aanbieder.",
    "ongeldig": "{detail}",
    "fout": "De website kon niet worden gecontroleerd ({detail}). Open het adres zelf in een browser.",
}


def _outcome_for_status(status: int) -> str:
    if status < 300:
        return OK
    if status in (404,):
        return "niet-gevonden"
    if status == 410:
        return "weg"
    if status in (401, 403, 429):
        return "geweigerd"
    if status >= 500:
        return "serverfout"
    return "niet-gevonden" if status >= 400 else "fout"


# --- checking ------------------------------------------------------------------------


class _Limits:
    """At most ``per_host`` requests per host and ``total`` overall; counts the peak per host."""

    def __init__(self, per_host: int, total: int):
        self.per_host = per_host
        self.total = asyncio.Semaphore(total)
        self.hosts: dict = {}

    def host(self, url: str) -> asyncio.Semaphore:
        name = (urlsplit(url).hostname or "").lower()
        if name not in self.hosts:
            self.hosts[name] = asyncio.Semaphore(self.per_host)
        return self.hosts[name]


async def _request(client, limits: _Limits, method: str, url: str, timeout: float):
    async with limits.host(url), limits.total:
        # httpx's timeout is per step (connect, each read); this bounds the whole answer
        # too, so a server that sends one byte at a time cannot hold the run.
        async with asyncio.timeout(timeout * 2):
            async with client.stream(method, url) as response:
                return response.status_code, response.headers.get("location")


async def _follow(client, limits, method: str, url: str, timeout: float) -> LinkResult:
    result = LinkResult(url, OK, method=method)
    current = url
    for _ in range(MAX_REDIRECTS + 1):
        status, location = await _request(client, limits, method, current, timeout)
        result.status = status
        if 300 <= status < 400 and location:
            target = urljoin(current, location)
            result.redirects.append([status, target])
            problem = url_problem(target)
            if problem:
                result.outcome, result.detail = "fout", f"doorverwezen naar een ongeldig adres: {target}"
                return result
            current = target
            continue
        result.final_url = current
        result.outcome = _outcome_for_status(status)
        if result.outcome == OK and any(hop[0] in PERMANENT for hop in result.redirects[:1]):
            result.outcome = MOVED
        return result
    result.outcome, result.detail = "fout", f"meer dan {MAX_REDIRECTS} keer doorverwezen"
    return result


async def check_url(client, limits: _Limits, url: str, timeout: float) -> LinkResult:
    problem = url_problem(url)
    if problem:
        return LinkResult(url, "ongeldig", detail=problem, checked_at=time.time())
    try:
        result = await _follow(client, limits, "HEAD", url, timeout)
        if result.status in GET_AFTER_HEAD:
            result = await _follow(client, limits, "GET", url, timeout)
    except Exception as err:  # noqa: BLE001 - every failure becomes a result for the editor
        outcome, detail = _classify(err)
        result = LinkResult(url, outcome, detail=detail)
    result.checked_at = time.time()
    return result


def _classify(err: BaseException):
    """(outcome, detail) for a request that got no answer."""
    import httpx

    chain: list[BaseException] = []
    seen: BaseException | None = err
    while seen is not None and len(chain) < 10:
        chain.append(seen)
        seen = seen.__cause__ or seen.__context__
    text = " ".join(str(e) for e in chain)
    if any(isinstance(e, (TimeoutError, httpx.TimeoutException)) for e in chain):
        return "te-traag", ""
    if any(isinstance(e, ssl.SSLError) for e in chain) or "SSL" in text or "certificate" in text.lower():
        reason = "onbekende uitgever" if "self-signed" in text or "unable to get local issuer" in text else (
            "verlopen" if "expired" in text else "naam klopt niet" if "hostname" in text.lower() else "ongeldig")
        return "certificaat", reason
    if any(isinstance(e, socket.gaierror) for e in chain) or "Name or service not known" in text:
        return "onbekend-domein", ""
    if any(isinstance(e, ConnectionRefusedError) for e in chain) or "refused" in text.lower():
        return "geen-verbinding", ""
    return "fout", type(err).__name__


async def check_urls(urls, timeout: float = DEFAULT_TIMEOUT, per_host: int = DEFAULT_PER_HOST,
                     concurrency: int = DEFAULT_CONCURRENCY, verify=True) -> dict:
    """{url: LinkResult} for every distinct url."""
    import httpx

    limits = _Limits(per_host, concurrency)
    async with httpx.AsyncClient(
            timeout=httpx.Timeout(timeout), follow_redirects=False, verify=verify,
            headers={"User-Agent": USER_AGENT},
            limits=httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)) as client:
        unique = list(dict.fromkeys(urls))
        results = await asyncio.gather(*(check_url(client, limits, url, timeout) for url in unique))
    return dict(zip(unique, results, strict=True))


def check_urls_now(urls, **settings) -> dict:
    """``check_urls`` from ordinary (non-async) code, also where an event loop is already
    running in this thread (a notebook, a test with a browser): then in a thread of its own."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(check_urls(urls, **settings))
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, check_urls(urls, **settings)).result()


# --- the cache -----------------------------------------------------------------------


def load_cache(path: Path, max_age_hours: float, now: Optional[float] = None) -> dict:
    """{url: LinkResult} of answers younger than ``max_age_hours``; an unreadable cache is empty."""
    now = time.time() if now is None else now
    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
        entries = {url: LinkResult(**entry) for url, entry in raw.get("links", {}).items()}
    except (OSError, ValueError, TypeError, AttributeError):
        return {}
    return {url: r for url, r in entries.items() if now - r.checked_at <= max_age_hours * 3600}


def save_cache(path: Path, results: dict) -> None:
    payload = {"links": {url: asdict(r) for url, r in sorted(results.items())}}
    write_atomically(Path(path), json.dumps(payload, ensure_ascii=False, indent=1).encode("utf-8"))


# --- the command ----------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """One line of the report: where, what, and what to do."""

    path: str
    line: int
    field: str
    value: str  # the URL or the number
    status: str
    advice: str
    kind: str = "url"  # url or phone

    def format(self) -> str:
        return f"{self.path}:{self.line}: {self.field}: {self.value}: {self.status}: {self.advice}"


@dataclass
class LinkReport:
    problems: list
    urls_checked: int
    urls_from_cache: int
    phones_checked: int

    def as_text(self) -> str:
        lines = [p.format() for p in self.problems]
        lines.append(f"{self.urls_checked} webadressen gecontroleerd ({self.urls_from_cache} uit de cache), "
                     f"{self.phones_checked} telefoonnummers op vorm en bestaanbaarheid gecontroleerd "
                     f"(niet gebeld), {len(self.problems)} problemen.")
        return "\n".join(lines)

    def as_json(self) -> str:
        from .phones import NOT_CALLED

        return json.dumps({"urls_checked": self.urls_checked, "urls_from_cache": self.urls_from_cache,
                           "phones_checked": self.phones_checked, "phones_note": NOT_CALLED,
                           "problems": [asdict(p) for p in self.problems]}, ensure_ascii=False, indent=2)


def run_links(data_dir: Path, cache_file: Path = DEFAULT_CACHE, max_age_hours: float = DEFAULT_MAX_AGE_HOURS,
              timeout: float = DEFAULT_TIMEOUT, per_host: int = DEFAULT_PER_HOST,
              concurrency: int = DEFAULT_CONCURRENCY, verify=True) -> LinkReport:
    if not Path(data_dir).is_dir():
        raise UsageError(f"De map '{data_dir}' bestaat niet. Geef de map met de gegevens op.")
    if per_host < 1 or concurrency < 1 or timeout <= 0 or max_age_hours < 0:
        raise UsageError("--per-host en --concurrency moeten minstens 1 zijn, --timeout meer dan 0 en "
                         "--max-age 0 of meer.")
    found = find_values(data_dir, ("url", "phone"))
    urls = [f.value for f in found if f.kind == "url"]
    cached = load_cache(cache_file, max_age_hours)
    todo = [u for u in dict.fromkeys(urls) if u not in cached]
    fresh = check_urls_now(todo, timeout=timeout, per_host=per_host, concurrency=concurrency,
                           verify=verify) if todo else {}
    results = {**cached, **fresh}
    save_cache(cache_file, results)
    return LinkReport(problems(found, results), len(set(urls)), len(set(urls) - set(todo)),
                      sum(1 for f in found if f.kind == "phone"))


def problems(found, link_results: dict) -> list:
    """The report lines for broken or moved links (from ``link_results``) and impossible numbers."""
    from .phones import check_phone  # the numbering plan's data loads only when numbers are checked

    lines = []
    for f in found:
        if f.kind == "url":
            result = link_results.get(f.value)
            if result is not None and result.outcome != OK:
                lines.append(Problem(f.path, f.line, f.field, f.value, result.status_text(), result.advice()))
        elif f.kind == "phone":
            checked = check_phone(f.value)
            if not checked.ok:
                lines.append(Problem(f.path, f.line, f.field, f.value, "bestaat niet", checked.message, "phone"))
    return lines
