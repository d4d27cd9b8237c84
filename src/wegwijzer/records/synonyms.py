"""The editors' synonyms file (search/synoniemen.yaml in the project folder): load, check, expand.

Editors write groups of equivalent words or short phrases. Meilisearch wants a map
from each word to its synonyms; ``expand`` makes every member of a group map to all
the others (a mutual association). ``check_synonyms`` reports problems to the same
Collector as ``wegwijzer check``, with file, line, field and what to do.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Iterable, Optional

from .diagnostics import Collector, display_path
from .files import real_folder
from .vocab import STOP_WORDS
from .yamlsafe import Node, Scalar, Sequence, YamlProblem, read_mapping

# Where editors keep it, relative to the project folder (the folder commands run from, or
# the folder of mkdocs.yml for a build). A project without it has no synonyms.
DEFAULT_SYNONYMS_FILE = Path("search", "synoniemen.yaml")
MAX_PHRASE_WORDS = 3  # Meilisearch: multi-word synonyms have at most three words
MAX_PHRASE_CHARS = 80
_ALLOWED = re.compile(r"^[\w' .+-]+$")


def load_synonyms(path: Path, collector: Optional[Collector] = None,
                  stop_words: Iterable[str] = STOP_WORDS,
                  cwd: Optional[Path] = None) -> tuple[list[list[str]], Collector]:
    """(groups, collector): groups is a list of lists of normalised phrases.

    Only valid groups are returned; every problem is in the collector.
    """
    collector = collector if collector is not None else Collector()
    shown = display_path(Path(path), cwd or Path.cwd())
    try:
        mapping = read_mapping(Path(path), real_folder(Path(path).parent))  # a link may not lead out of its folder
    except YamlProblem as problem:
        collector.error(shown, problem.line, "", problem.message)
        return [], collector
    except OSError as err:
        collector.error(shown, 1, "", f"Het synoniemenbestand kan niet worden gelezen: {err.strerror}.")
        return [], collector
    for key, (line, _) in mapping.entries.items():
        if key != "groepen":
            collector.error(shown, line, key, f"Onbekend veld '{key}'. Zet alle groepen onder 'groepen:'.")
    node = mapping.get("groepen")
    if node is None:
        collector.error(shown, mapping.line, "groepen",
                        "Er staat geen 'groepen:' in het bestand. Zet daaronder de groepen, bijvoorbeeld: "
                        "- [schulden, geldzorgen].")
        return [], collector
    if not isinstance(node, Sequence):
        collector.error(shown, node.line, "groepen",
                        "Onder 'groepen:' hoort een lijst. Begin elke groep met een streepje: - [woord, woord].")
        return [], collector
    stop = {w.lower() for w in stop_words}
    first_seen: dict[str, int] = {}  # phrase -> line
    groups = []
    for item in node.items:
        group = _group(item, shown, collector, stop, first_seen)
        if group:
            groups.append(group)
    return groups, collector


def _group(item: Node, shown: str, collector: Collector, stop: set[str], first_seen: dict[str, int]) -> list[str]:
    if not isinstance(item, Sequence):
        collector.error(shown, item.line, "groepen",
                        "Een groep is een lijst van woorden tussen haken, bijvoorbeeld: - [schulden, geldzorgen].")
        return []
    phrases: list[str] = []
    ok = True
    for word in item.items:
        if not isinstance(word, Scalar):
            collector.error(shown, word.line, "groepen", "Zet in een groep alleen woorden, geen lijsten.")
            ok = False
            continue
        phrase = " ".join(word.value.split()).lower()
        if not phrase:
            collector.error(shown, word.line, "groepen", "Er staat een leeg woord in deze groep. Haal het weg.")
            ok = False
        elif len(phrase.split()) > MAX_PHRASE_WORDS:
            collector.error(shown, word.line, "groepen",
                            f"'{phrase}' heeft meer dan {MAX_PHRASE_WORDS} woorden. De zoekmachine gebruikt "
                            f"synoniemen van hoogstens {MAX_PHRASE_WORDS} woorden. Maak het korter.")
            ok = False
        elif len(phrase) > MAX_PHRASE_CHARS or not _ALLOWED.match(phrase):
            collector.error(shown, word.line, "groepen",
                            f"'{phrase}' is geen gewoon woord. Gebruik letters, cijfers, spaties en streepjes.")
            ok = False
        elif phrase in stop:
            collector.error(shown, word.line, "groepen",
                            f"'{phrase}' is een stopwoord: de zoekmachine negeert het, dus dit synoniem werkt "
                            "nooit. Haal het uit de groep.")
            ok = False
        elif phrase in phrases:
            collector.warning(shown, word.line, "groepen",
                              f"'{phrase}' staat twee keer in deze groep. Haal er één weg.")
        elif phrase in first_seen:
            collector.error(shown, word.line, "groepen",
                            f"'{phrase}' staat ook in een andere groep (regel {first_seen[phrase]}). Een woord mag "
                            "maar in één groep staan: voeg de groepen samen.")
            ok = False
        else:
            phrases.append(phrase)
            first_seen[phrase] = word.line
    if ok and len(phrases) < 2:
        collector.error(shown, item.line, "groepen",
                        "Een groep heeft minstens twee woorden nodig. Voeg een woord toe of haal de groep weg.")
        return []
    return phrases if ok else []


def expand(groups: Iterable[Iterable[str]]) -> dict[str, list[str]]:
    """Meilisearch's synonyms map: every phrase maps to all others of its group."""
    synonyms = {}
    for group in groups:
        for phrase in group:
            synonyms[phrase] = [other for other in group if other != phrase]
    return dict(sorted(synonyms.items()))


def find_synonyms_file(project: Path, named: Optional[str] = None) -> Optional[Path]:
    """The synonyms file of a project: the one ``named`` (which must then exist), or
    search/synoniemen.yaml if the project has it, or None (no synonyms)."""
    if named:
        return Path(project) / named
    default = Path(project) / DEFAULT_SYNONYMS_FILE
    # lexists, not is_file: a folder or a pipe by that name is an error in the check, not "no synonyms"
    return default if os.path.lexists(default) else None


def search_folder(project: Path, synonyms_file: Optional[Path] = None) -> Path:
    """The project's search/ folder: the synonyms file's folder, else <project>/search (which may
    not exist). It holds the project's own crisis.yaml and woordenboek.yaml (records/searchlists.py)."""
    return Path(synonyms_file).parent if synonyms_file else Path(project) / DEFAULT_SYNONYMS_FILE.parent


def check_synonyms(collector: Collector, path: Optional[Path], cwd: Optional[Path] = None) -> list[list[str]]:
    """For `wegwijzer check`: report every problem of the synonyms file; return its groups.

    ``path`` None means the project has no synonyms (see ``find_synonyms_file``).
    """
    if path is None:
        return []
    groups, _ = load_synonyms(path, collector, cwd=cwd)
    return groups
