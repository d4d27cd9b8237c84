"""Hostile and broken input, run as a new user would meet it. (A benchmark, not a test.)

    .venv/bin/python benchmarks/bench_attacks.py                  # every file and value attack
    .venv/bin/python benchmarks/bench_attacks.py --only symlink    # the attacks whose name has 'symlink'
    .venv/bin/python benchmarks/bench_attacks.py --payloads        # the whole attack corpus in Chromium
    .venv/bin/python benchmarks/bench_attacks.py --src OTHER/src   # another version, for before and after

Each attack starts from a copy of the demo project (data, content, synonyms, mkdocs.yml),
changes one thing, and runs `wegwijzer build` (which checks first) in a fresh process
with a timeout. It prints one row per attack: what happened (refused by the check with a
Dutch message, built, build failed, traceback, hang), seconds, the peak memory of the
process and its children, and what the attack was after (a secret published, a script
published, markup in a page, pages lost). The scaling attacks run at three sizes and print
the time ratio of each doubling: about 2 is linear, about 4 is quadratic.

Targets (issue 25): 0 tracebacks, 0 hangs, peak memory under 1 GB for any input within the
documented caps, build time linear in input size.

--src runs another checkout's code on the same attacks (for example `git worktree add
../voor <commit>` and `--src ../voor/src`): the before and after in one run.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import threading
import time
import zlib
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

SECRET = "wachtwoord=geheim-7f3a"
PAYLOAD = '"><img src=x onerror=alert(1)><script src=/evil.js></script>'
TIMEOUT_S = 120
GB = 1024 * 1024 * 1024


@dataclass
class Run:
    code: int
    output: str
    seconds: float
    peak_mb: float
    timed_out: bool

    @property
    def verdict(self) -> str:
        if self.timed_out:
            return "HANG"
        if "Traceback" in self.output:
            return "TRACEBACK"
        if self.code == 0:
            return "gebouwd"
        if re.search(r": fout: ", self.output) and "Er is niets gebouwd" in self.output:
            return "geweigerd"
        return "build mislukt"


@dataclass
class Attack:
    name: str
    setup: object  # (project: Path) -> None
    # (project, site, run) -> a short note on what the attack was after ("" when nothing got through)
    harm: object = None
    sizes: tuple = ()  # a scaling attack: setup takes (project, size)
    rows: list = field(default_factory=list)


def run_build(project: Path, src: Path, timeout: float) -> Run:
    env = dict(os.environ, PYTHONPATH=str(src), NO_MKDOCS_2_WARNING="1")
    for name in ("MEILI_URL", "MEILI_SEARCH_KEY", "MEILI_MASTER_KEY"):
        env.pop(name, None)
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "wegwijzer", "build", "voorzieningen", "--site-dir", "site"],
                            cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            start_new_session=True)
    chunks = []
    reader = threading.Thread(target=lambda: chunks.append(proc.stdout.read()), daemon=True)
    reader.start()
    timed_out, peak_kb = False, 0
    while proc.poll() is None:
        peak_kb = max(peak_kb, _tree_peak_kb(proc.pid))
        if time.perf_counter() - started > timeout:
            timed_out = True
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            break
        time.sleep(0.02)
    reader.join(5)
    output = (chunks[0] if chunks else b"").decode("utf-8", "replace")
    return Run(proc.returncode, output, time.perf_counter() - started, peak_kb / 1024, timed_out)


def _tree_peak_kb(root: int) -> int:
    """The sum of the memory high-water marks (VmHWM) of a process and its descendants. Read from
    /proc while they run: the kernel's own counters (ru_maxrss) would include this benchmark's
    memory, which a child inherits when it is started."""
    parents = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", "rb") as handle:
                    parents[int(entry)] = int(handle.read().rsplit(b")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
    tree, todo = set(), [root]
    while todo:
        pid = todo.pop()
        tree.add(pid)
        todo.extend(child for child, parent in parents.items() if parent == pid and child not in tree)
    total = 0
    for pid in tree:
        try:
            with open(f"/proc/{pid}/status", encoding="ascii") as handle:
                total += next((int(line.split()[1]) for line in handle if line.startswith("VmHWM:")), 0)
        except OSError:
            continue
    return total


def base_project(folder: Path) -> Path:
    """A copy of the demo project with the repository's house style, web editor and QR library."""
    from builders import project_config

    for name in ("voorzieningen", "content", "search"):
        shutil.copytree(REPO / name, folder / name)
    project_config(folder)
    outside = folder.parent / "elders"
    outside.mkdir(exist_ok=True)
    (outside / "geheim.yaml").write_text(f"naam: {SECRET}\n", encoding="utf-8")
    (outside / "geheim.md").write_text(f"# Geheim\n\n{SECRET}\n", encoding="utf-8")
    return folder


# --- what an attack was after --------------------------------------------------------------------

def secret_published(project: Path, site: Path, run: Run) -> str:
    hits = [p for p in site.rglob("*") if p.is_file() and SECRET.encode() in p.read_bytes()] if site.is_dir() else []
    return f"geheim op {len(hits)} plekken gepubliceerd" if hits else ""


def published(*names):
    def harm(project: Path, site: Path, run: Run) -> str:
        found = [n for n in names if (site / n).exists()]
        return f"gepubliceerd: {', '.join(found)}" if found else ""
    return harm


def raw_payload(project: Path, site: Path, run: Run) -> str:
    if not site.is_dir():
        return ""
    pages = [p for p in site.rglob("*.html") if "<img src=x onerror" in p.read_text(encoding="utf-8", errors="ignore")]
    return f"markup in {len(pages)} pagina's" if pages else ""


def control_in_vcards(project: Path, site: Path, run: Run) -> str:
    cards = [p for p in (site / "vcard").glob("*.vcf") if re.search(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]", p.read_bytes())] \
        if (site / "vcard").is_dir() else []
    return f"stuurtekens in {len(cards)} vCards" if cards else ""


def kern_pages_lost(project: Path, site: Path, run: Run) -> str:
    if not (site / "kern").is_dir():
        return ""
    text = (project / "voorzieningen" / "gemeente.yaml").read_text(encoding="utf-8")
    kernen = len(re.search(r"^kernen: \[(.*)\]", text, re.M).group(1).split(","))
    pages = len([p for p in (site / "kern").iterdir() if p.is_dir()])
    return f"{pages} kernpagina's voor {kernen} kernen" if pages < kernen else ""


def vcard_overwritten(project: Path, site: Path, run: Run) -> str:
    # The card's own vCard and the list of every face are one file: one of them is lost.
    if (site / "gezichtenkaart" / "alle-gezichten" / "index.html").is_file():
        return "vCard van de kaart is de lijst van iedereen"
    return ""


def page_dropped(project: Path, site: Path, run: Run) -> str:
    home = site / "index.html"
    if home.is_file() and "Mijn eigen homepagina" not in home.read_text(encoding="utf-8") and run.code == 0:
        return "pagina zonder melding weggelaten"
    return ""


def faces_vanished(project: Path, site: Path, run: Run) -> str:
    gone = run.code == 0 and not list((site / "gezichtenkaart").glob("*/index.html"))
    return "alle kaarten weg, zonder melding" if gone else ""


def broken_entities(project: Path, site: Path, run: Run) -> str:
    if not site.is_dir():
        return ""
    count = sum(len(re.findall(r"&<abbr[^>]*>(amp|lt|quot)</abbr>;", p.read_text(encoding="utf-8")))
                for p in site.rglob("*.html"))
    return f"{count} kapotte entiteiten" if count else ""


def duplicate_line(project: Path, site: Path, run: Run) -> str:
    found = re.search(r"artikelen/dubbel\.md:(\d+):.*\(ook op regel (\d+)\)", run.output)
    if found and found.groups() != ("5", "3"):
        return f"regel {found.group(1)}, 'ook op regel {found.group(2)}' (juist: 5 en 3)"
    return ""


def link_published(marker: str):
    def harm(project: Path, site: Path, run: Run) -> str:
        pages = [p for p in site.rglob("*.html") if marker in p.read_text(encoding="utf-8")] if site.is_dir() else []
        return f"link op {len(pages)} pagina's gepubliceerd" if pages else ""
    return harm


def icc_kept(project: Path, site: Path, run: Run) -> str:
    from PIL import Image

    kept = [p.name for p in (site / "fotos").glob("*.jpg") if "icc_profile" in Image.open(p).info] \
        if (site / "fotos").is_dir() else []
    return f"kleurprofiel in {len(kept)} foto's" if kept else ""


# --- the attacks -----------------------------------------------------------------------------------

def _gemeente(project: Path, old: str, new: str):
    path = project / "voorzieningen" / "gemeente.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _record(project: Path, name: str, extra: str = "", **replace):
    text = (f"naam: Test {name}\nsamenvatting: Een test.\nroute: zelf\ntoegang: vrij\nthemas: [geld]\n"
            f"gecontroleerd: {time.strftime('%Y-%m-%d')}\n{extra}")
    for old, new in replace.items():
        text = text.replace(old, new)
    (project / "voorzieningen" / f"{name}.yaml").write_text(text, encoding="utf-8")


def _link(path: Path, target):
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists() or path.is_symlink():
        path.unlink()
    path.symlink_to(target)


def _elders(project: Path, name: str) -> Path:
    return project.parent / "elders" / name


def _face_card(project: Path, name: str) -> Path:
    return project / "voorzieningen" / "gezichten" / f"{name}.yaml"


def _png(side: int) -> bytes:
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    pixels = zlib.compress(b"\0" * ((side + 1) * side), 9)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", pixels) + chunk(b"IEND", b""))


def _jpeg() -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (800, 600), "red").save(buf, "JPEG")
    return buf.getvalue()


def _photo(project: Path, data: bytes, face: str = "anouk-pelzer"):
    (project / "voorzieningen" / "gezichten" / f"{face}.jpg").write_bytes(data)


def _article(project: Path, name: str, body: str, front: str = "title: Test\n"):
    (project / "content" / "artikelen" / f"{name}.md").write_text(f"---\n{front}---\n{body}", encoding="utf-8")


def _icc_photo(project: Path):
    from PIL import Image, ImageCms

    buf = io.BytesIO()
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    Image.new("RGB", (600, 800), (90, 130, 170)).save(buf, "JPEG", icc_profile=profile)
    _photo(project, buf.getvalue())


FOUR_FACES = ("anouk-pelzer", "bram-hendriks", "dewi-sahertian", "joyce-martens")
ATTACKS = [
    # security
    Attack("naam met markup in gemeente.yaml", lambda p: _gemeente(p, "naam: Dalveld", f"naam: 'D{PAYLOAD}'"),
           raw_payload),
    Attack("content/evil.js", lambda p: (p / "content" / "evil.js").write_text("alert(1)"), published("evil.js")),
    Attack("content/evil.html", lambda p: (p / "content" / "evil.html").write_text("<script>alert(1)</script>"),
           published("evil.html")),
    Attack("content/logo.svg", lambda p: (p / "content" / "logo.svg").write_text("<svg onload=alert(1)/>"),
           published("logo.svg")),
    Attack("symlink: record naar buiten", lambda p: _link(p / "voorzieningen" / "geheim.yaml",
                                                          _elders(p, "geheim.yaml")), secret_published),
    Attack("symlink: kaart naar buiten", lambda p: _link(p / "voorzieningen" / "gezichten" / "geheim.yaml",
                                                         _elders(p, "geheim.yaml")), secret_published),
    Attack("symlink: artikel naar buiten", lambda p: _link(p / "content" / "artikelen" / "geheim.md",
                                                           _elders(p, "geheim.md")), secret_published),
    Attack("symlink: pagina naar buiten", lambda p: _link(p / "content" / "geheim.md", _elders(p, "geheim.md")),
           secret_published),
    Attack("symlink: /etc/passwd", lambda p: _link(p / "content" / "passwd.txt", "/etc/passwd"),
           published("passwd.txt")),
    Attack("symlink: map naar buiten", lambda p: _link(p / "content" / "elders", p.parent / "elders"),
           secret_published),
    Attack("symlink: levensloop naar buiten", lambda p: _link(p / "content" / "levensloop" / "geheim.yaml",
                                                              _elders(p, "geheim.yaml")), secret_published),
    Attack("symlink: begrippen naar buiten", lambda p: _link(p / "content" / "begrippen.yaml",
                                                             _elders(p, "geheim.yaml")), secret_published),
    Attack("stuurteken via \\x1b in een kaart", lambda p: (p / "voorzieningen" / "gezichten" / "anouk-pelzer.yaml")
           .write_text((p / "voorzieningen" / "gezichten" / "anouk-pelzer.yaml").read_text(encoding="utf-8")
                       .replace("naam: Anouk Pelzer", 'naam: "Anouk\\x1b[2J\\0Pelzer"'), encoding="utf-8"),
           control_in_vcards),
    Attack("webadres met U+200B", lambda p: _record(p, "u200b", "contact:\n  website: \"https://www.ge\u200bmeente.nl\"\n"),
           link_published("www.ge\u200bmeente.nl")),
    Attack("webadres met naam@", lambda p: _record(p, "userinfo", "contact:\n  website: https://www.gemeente.nl@elders.example/\n"),
           link_published("@elders.example")),
    Attack("webadres homograaf", lambda p: _record(p, "homograaf", "contact:\n  website: https://www.p\u0430ypal.com/\n"),
           link_published("p\u0430ypal")),
    # the check passed, then the build failed
    Attack("artikel met <![>", lambda p: _article(p, "raar", "Hallo <![> daar\n")),
    Attack("webadres met poort 99999", lambda p: _record(p, "poort", "contact:\n  website: https://www.gemeente.nl:99999/\n"),
           link_published(":99999")),
    Attack("foto: halve JPEG", lambda p: _photo(p, _jpeg()[:1500])),
    Attack("foto: JPEG-kop met nullen", lambda p: _photo(p, _jpeg()[:200] + b"\0" * 5000)),
    Attack("foto: PNG-bom 144 MP", lambda p: _photo(p, _png(12_000))),
    Attack("foto: 4 PNG-bommen 144 MP", lambda p: [_photo(p, _png(12_000), face) for face in FOUR_FACES]),
    # tracebacks and hangs
    Attack("volgorde van 5000 cijfers", lambda p: (p / "content" / "levensloop" / "groot.yaml").write_text(
        f"titel: Groot\nintro: Een test.\nvolgorde: {'9' * 5000}\nstappen:\n  - artikel: grip-op-je-geld\n")),
    Attack('foto: "a\\0.jpg"', lambda p: (p / "voorzieningen" / "gezichten" / "anouk-pelzer.yaml").write_text(
        (p / "voorzieningen" / "gezichten" / "anouk-pelzer.yaml").read_text(encoding="utf-8") + 'foto: "a\\0.jpg"\n')),
    Attack("symlink-kring tussen records", lambda p: (_link(p / "voorzieningen" / "a.yaml", "b.yaml"),
                                                      _link(p / "voorzieningen" / "b.yaml", "a.yaml"))),
    Attack("symlink-kring tussen artikelen", lambda p: (_link(p / "content" / "artikelen" / "a.md", "b.md"),
                                                        _link(p / "content" / "artikelen" / "b.md", "a.md"))),
    Attack("artikel dat een map is", lambda p: (p / "content" / "artikelen" / "map.md").mkdir()),
    Attack("artikel: losse snelkoppeling", lambda p: _link(p / "content" / "artikelen" / "weg.md", "bestaat-niet.md")),
    Attack("FIFO als record", lambda p: os.mkfifo(p / "voorzieningen" / "pijp.yaml")),
    Attack("FIFO als artikel", lambda p: os.mkfifo(p / "content" / "artikelen" / "pijp.md")),
    Attack("content/x.md -> /dev/zero", lambda p: _link(p / "content" / "x.md", "/dev/zero")),
    Attack("content-pagina van 50 MB", lambda p: (p / "content" / "groot.md").write_bytes(
        b"# Groot\n\n" + (b"Een gewone zin zonder iets bijzonders. " * 25 + b"\n\n") * 50_000)),
    Attack("1.000.000 cijfers in een waarde", lambda p: _record(p, "cijfers", f"kosten: {'7' * 1_000_000}\n")),
    # silent losses
    Attack("kernen Dalveld en Dalveld!", lambda p: _gemeente(p, "kernen: [Dalveld,", "kernen: [Dalveld, Dalveld!,"),
           kern_pages_lost),
    Attack("kaart met id alle-gezichten", lambda p: shutil.copy(_face_card(p, "anouk-pelzer"),
                                                                _face_card(p, "alle-gezichten")), vcard_overwritten),
    Attack("pagina op een gemaakt adres",
           lambda p: (p / "content" / "index.md").write_text("# Mijn eigen homepagina\n"), page_dropped),
    Attack("gezichten is een bestand", lambda p: (shutil.rmtree(p / "voorzieningen" / "gezichten"),
                                                  (p / "voorzieningen" / "gezichten").write_text("x")),
           faces_vanished),
    Attack("begrippen amp, lt, quot", lambda p: (p / "content" / "begrippen.yaml").write_text(
        (p / "content" / "begrippen.yaml").read_text(encoding="utf-8")
        + "- term: amp\n  uitleg: a\n- term: lt\n  uitleg: b\n- term: quot\n  uitleg: c\n", encoding="utf-8"),
           broken_entities),
    Attack("dubbel veld in de kop van een artikel", lambda p: _article(
        p, "dubbel", "Tekst\n", "title: Een\nsamenvatting: a\nthemas: [geld]\nsamenvatting: b\n"), duplicate_line),
    Attack("foto met kleurprofiel", _icc_photo, icc_kept),
]

SCALING = [
    Attack("N trefwoorden in een record", lambda p, n: _record(p, "trefwoorden", "trefwoorden:\n" + "".join(
        f"  - w{i}\n" for i in range(n))), sizes=(20_000, 40_000, 80_000)),
    Attack("N haken [ in een beschrijving", lambda p, n: _record(p, "haken", f"beschrijving: '{'[' * n}'\n"),
           sizes=(2_000, 4_000, 8_000)),
    Attack("N onbekende velden", lambda p, n: _record(p, "velden", "".join(f"k{i}: 1\n" for i in range(n))),
           sizes=(25_000, 50_000, 100_000)),
    # within the caps: the worst a record may be, times N records
    Attack("N records met de zwaarste toegestane beschrijving",
           lambda p, n: [_record(p, f"zwaar-{i}", "beschrijving: |\n" + "".join(
               "  " + "[" * 100 + "a" * 9_800 + "\n\n" for _ in range(1))) for i in range(n)], sizes=(5, 10, 20)),
    Attack("pagina van N KiB met de zwaarste toegestane alinea's",
           lambda p, n: (p / "content" / "zwaar.md").write_text(
               "# Zwaar\n\n" + ("[" * 100 + "a" * 9_800 + "\n\n") * (n * 1024 // 9_902)), sizes=(64, 128, 255)),
]


def run_attacks(src: Path, only: str, timeout: float) -> list:
    rows = []
    for attack in ATTACKS + SCALING:
        if only and only.lower() not in attack.name.lower():
            continue
        for size in attack.sizes or (None,):
            with tempfile.TemporaryDirectory(prefix="wegwijzer-aanval-") as tmp:
                project = base_project(Path(tmp) / "project")
                if size is None:
                    attack.setup(project)
                else:
                    attack.setup(project, size)
                run = run_build(project, src, timeout)
                harm = attack.harm(project, project / "site", run) if attack.harm else ""
                longest = max((len(line) for line in run.output.splitlines()), default=0)
                rows.append({"attack": attack.name, "size": size, "verdict": run.verdict, "seconds": run.seconds,
                             "peak_mb": run.peak_mb, "harm": harm, "output_kb": len(run.output) / 1024,
                             "longest_line": longest, "message": _first_error(run.output)})
                _print_row(rows[-1])
    return rows


def _first_error(output: str) -> str:
    for line in output.splitlines():
        if ": fout: " in line or "Traceback" in line or "Error" in line:
            return line[:160]
    return ""


def _print_row(row: dict):
    size = f" (N={row['size']:,})".replace(",", ".") if row["size"] else ""
    print(f"{row['attack'] + size:<58} {row['verdict']:<13} {row['seconds']:7.1f} s {row['peak_mb']:7.0f} MB"
          f"  {row['harm'] or '-':<32} uitvoer {row['output_kb']:,.0f} kB, langste regel {row['longest_line']:,}",
          flush=True)


def summary(rows: list) -> None:
    counts = {}
    for row in rows:
        counts[row["verdict"]] = counts.get(row["verdict"], 0) + 1
    harmful = [row["attack"] for row in rows if row["harm"]]
    print("\nUitkomsten:", ", ".join(f"{verdict} {count}" for verdict, count in sorted(counts.items())))
    print(f"Tracebacks: {counts.get('TRACEBACK', 0)}, hangs: {counts.get('HANG', 0)}, "
          f"piekgeheugen: {max((r['peak_mb'] for r in rows), default=0):.0f} MB (doel < {GB // 2**20} MB), "
          f"schade: {len(harmful)} ({', '.join(harmful) or 'geen'})")
    for name in dict.fromkeys(row["attack"] for row in rows if row["size"]):
        series = [row for row in rows if row["attack"] == name]
        ratios = [b["seconds"] / a["seconds"] for a, b in zip(series, series[1:], strict=False)]
        print(f"Schaal {name}: " + ", ".join(f"N={r['size']:,}: {r['seconds']:.1f} s".replace(",", ".")
                                               for r in series)
              + " — verhouding per verdubbeling " + ", ".join(f"{ratio:.1f}" for ratio in ratios))


# --- the whole corpus in Chromium ---------------------------------------------------------------

def run_payloads(src: Path) -> None:
    """Every string of the attack corpus in every text field (gemeente.yaml, a record, a face card,
    mkdocs.yml), site after site, checked in Chromium like tests/test_browser_config_escaping.py."""
    sys.path.insert(0, str(src))  # the version under attack, before anything imports wegwijzer
    from playwright.sync_api import sync_playwright

    from attack_corpus import payloads, placeable
    from browser import CHROMIUM, CHROMIUM_ARGS
    from builders import build
    from config_payloads import PageReader, first_difference, harmless, payload_texts, site_pages, write_project
    from servers import serve
    from wegwijzer.urls import kern_slug

    corpus = [p for p in payloads() if placeable(p)]
    print(f"Corpus: {len(payloads())} strings, {len(corpus)} plaatsbaar (de rest heeft stuurtekens: die weigert de "
          "check, zie tests/test_hostile_values.py).")
    started = time.perf_counter()
    problems, pages_read, sites = [], 0, 0
    with tempfile.TemporaryDirectory(prefix="wegwijzer-corpus-") as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        reader = PageReader(browser)
        base, base_kern = _payload_site(Path(tmp) / "basis", harmless, harmless, True, write_project, build)
        url, server = serve(base)
        skeletons = {path: reader.read(url + path)["skeleton"] for path in site_pages(base)}
        server.shutdown()
        markup = [text for text in corpus if "<" in text or '"' in text or "javascript:" in text.lower()]
        per_site = 40  # markup payloads per site: every text field gets one, each is used at least once
        for start in range(0, len(markup), per_site):
            chosen = markup[start:start + per_site] + [t for t in corpus if t not in markup][start:start + per_site]
            site, kern = _payload_site(Path(tmp) / f"site-{start}", payload_texts(chosen),
                                       payload_texts(chosen[::-1]), bool(sites % 2), write_project, build)
            sites += 1
            url, server = serve(site)
            for path in site_pages(site):
                base_path = path.replace(f"kern/{kern_slug(kern)}/", f"kern/{kern_slug(base_kern)}/")
                found = reader.read(url + path)
                pages_read += 1
                if found["ran"] or found["script_links"] or found["prose"]:
                    problems.append(f"{path}: ran {found['ran']}, script links {found['script_links']}, "
                                    f"outside the allow-list {found['prose']}")
                elif found["skeleton"] != skeletons.get(base_path):
                    problems.append(f"{path}: {first_difference(found['skeleton'], skeletons.get(base_path, []))}")
            server.shutdown()
            shutil.rmtree(site.parent)
        reader.close()
        browser.close()
    print(f"{sites} sites, {pages_read} pagina's in Chromium, {time.perf_counter() - started:.0f} s: "
          f"{len(problems)} problemen (scripts gelopen, scriptlinks, of elementen die de templates niet schreven).")
    for problem in problems[:20]:
        print("  " + problem)


def _payload_site(folder: Path, text_for, mkdocs_text_for, site_name: bool, write_project, build) -> tuple:
    config, kern = write_project(folder, text_for, mkdocs_text_for, site_name)
    result = build(folder / "voorzieningen", folder / "site", config_file=config)
    if not result.ok:
        raise SystemExit(result.output)
    return folder / "site", kern


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--src", default=str(REPO / "src"),
                        help="the wegwijzer source to attack (default: this checkout)")
    parser.add_argument("--only", default="", help="only the attacks whose name contains this text")
    parser.add_argument("--timeout", type=float, default=TIMEOUT_S, help="seconds before an attack counts as a hang")
    parser.add_argument("--payloads", action="store_true", help="run the whole attack corpus in Chromium instead")
    parser.add_argument("--json", help="also write the rows to this file")
    args = parser.parse_args()
    src = Path(args.src).resolve()
    if args.payloads:
        run_payloads(src)
        return
    print(f"Aanvallen op {src} (time-out {args.timeout:.0f} s)\n")
    rows = run_attacks(src, args.only, args.timeout)
    summary(rows)
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=2, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
