"""Word forms and the search page's language data made from them (search/morphology.py,
search/pagelanguage.py): a resident's form of a word finds the site's form of it, the crisis
rules reach the page with every form, and the woordenboek is split into small files."""

import json

from builders import model_dataset
from wegwijzer.records.searchlists import Concept, CrisisRule, SearchLists
from wegwijzer.search import morphology, pagelanguage
from wegwijzer.search.vocabulary import build_vocabulary, key


def test_fold_takes_a_shortcut_for_plain_letters_with_the_same_result():
    import unicodedata
    for word in ("Zelfmoord", "LOPEN", "zo'n", "d'r", "Hulp-bij-Schulden", "O'Brien", "x27", ""):
        slow = "".join(c for c in unicodedata.normalize("NFD", word.lower())
                       if unicodedata.category(c) != "Mn").translate(morphology._FOLD)
        assert morphology.fold(word) == slow
    assert morphology.fold("zo'n") == "zon"


def test_fold_is_one_comparison_form_for_every_script():
    assert morphology.fold("Zelfmoord") == "zelfmoord"
    assert morphology.fold("Öldürmek") == "oldurmek"
    assert morphology.fold("ıslık") == "islik"  # Turkish dotless i
    assert morphology.fold("Żałoba") == "zaloba"  # Polish ł does not decompose
    assert morphology.fold("б'є") == "бє"  # the Ukrainian apostrophe inside a word
    assert morphology.fold("أريـــد") == "اريد"  # hamza dropped, the stretching tatweel too


def test_a_lemma_comes_from_the_dictionary_only():
    assert morphology.lemma("liep") == "lopen"
    assert morphology.lemma("gestorven") == "sterven"
    assert morphology.lemma("xylofoonzzz") == "xylofoonzzz"  # unknown: itself, no guessed stem


def test_forms_of_a_lemma_include_irregular_ones():
    forms = morphology.forms_of(["sterven", "lopen"], "nl")
    assert {"stierf", "gestorven", "sterft"} <= forms["sterven"]
    assert {"liep", "gelopen", "loopt"} <= forms["lopen"]


def test_a_form_gets_its_lemmas_forms_only_when_asked():
    """The woordenboek's 'debts' also stands for 'debt'; a crisis rule's 'geslagen' (was hit) must not
    stand for 'slaat' (hits: 'mijn kind slaat een klasgenoot' is no crisis)."""
    assert "debt" in morphology.forms_of(["debts"], "en")["debts"]
    assert "slaat" in morphology.forms_of(["geslagen"], "nl")["geslagen"]
    assert "slaat" not in morphology.forms_of(["geslagen"], "nl", via_lemma=False)["geslagen"]


def test_short_words_and_patterns_are_not_expanded():
    """A short word shares its lemma with unrelated words ('arm', 'armer'); a pattern is a pattern."""
    assert not morphology.expandable("arm")
    assert not morphology.expandable("zelfmoord*")
    assert not morphology.expandable("rood staan")
    assert morphology.expandable("sterven")


def _lists():
    rule = CrisisRule("zelfdoding", "nl", (("sterven",), ("willen",)), False, "t:1")
    ordered = CrisisRule("huiselijk-geweld", "en", (("hits",), ("me",)), True, "t:2", (0, 0), (("ball",),))
    concept = Concept(("schulden",), (("en", ("debts", "money problems")), ("uk", ("борги",))), "t:3")
    return SearchLists((rule, ordered), (("nl", ("dooddoener",)),), (concept,))


def test_crisis_rules_reach_the_page_with_every_form():
    data = pagelanguage.crisis_data(_lists(), morphology.expand(_lists())["crisis"])
    assert data["soorten"][data["regels"][0][0]] == "zelfdoding"
    any_order, ordered = data["regels"]
    assert any_order[1] == 0  # any order
    assert {"stierf", "sterft", "gestorven"} <= set(any_order[2][0])
    assert ordered[1] == [0, 0] and ordered[3] == [["ball"]]  # in order, with its negative word
    assert data["nooit"] == ["dooddoener"]


def test_the_woordenboek_is_split_by_first_letter_and_lists_only_words_on_this_site():
    vocabulary = build_vocabulary(model_dataset())
    assert "schulden" in vocabulary
    files = pagelanguage._lexicon_files(_lists(), morphology.expand(_lists())["begrippen"], vocabulary)
    assert set(files) == {"de", "mo", pagelanguage.bucket("борги")}  # by the first two letters
    d = json.loads(files["de"])
    assert d["zoek"] == [["schulden"]]  # each concept's site words once
    assert d["woorden"]["debts"] == ["en", 0] and d["woorden"]["debt"] == ["en", 0]  # a form too
    assert json.loads(files["mo"]) == {"zoek": [["schulden"]], "woorden": {"money problems": ["en", 0]}}
    unknown = SearchLists((), (), (Concept(("xylofoon",), (("en", ("xylophone",)),), "t:9"),))
    assert pagelanguage._lexicon_files(unknown, {}, vocabulary) == {}  # nothing on this site to find


def test_bucket_names_are_safe_file_names():
    assert pagelanguage.bucket("Debt") == "de"
    assert pagelanguage.bucket("борги") == "u431-43e"
    assert pagelanguage.bucket("3 kinderen") == "_"
    assert pagelanguage.bucket("a") == "a"


def test_a_foreign_form_that_is_also_a_dutch_word_is_left_out():
    """All languages share one lookup, so an English form that is a Dutch word on the site or a Dutch
    filler word would fire on Dutch questions ('weer' among the forms of 'weed')."""
    vocabulary = build_vocabulary(model_dataset())
    lists = SearchLists((), (), (Concept(("schulden",), (("en", ("debts",)), ("nl", ("rood",))), "t:1"),))
    forms = {"en": {"debts": ["debts", "debt", "koffie", "ik"]}, "nl": {"rood": ["rood", "koffie"]}}
    files = pagelanguage._lexicon_files(lists, forms, vocabulary)
    found = {word for text in files.values() for word in json.loads(text)["woorden"]}
    assert found == {"debts", "debt", "rood", "koffie"}  # Dutch forms of a Dutch word stay


def test_a_foreign_form_that_is_a_dutch_word_anywhere_is_not_made():
    """Not only the site's words: a form of another language's word that is any Dutch word, or
    shorter than four letters, would fire on Dutch questions (Polish 'man' of 'mania' on
    "mijn man ...", on a site without the word 'man'). The word as listed stays."""
    polish = morphology.forms_of({"mania"}, "pl")["mania"]
    assert "man" not in polish and "manie" not in polish  # 'manie' is Dutch too
    assert {"mania", "manii"} <= polish
    assert "arm" not in morphology.forms_of({"arms"}, "en")["arms"]
    assert morphology.forms_of({"rak"}, "pl")["rak"] >= {"rak"}  # a short listed word keeps itself


def test_the_page_and_the_build_agree_on_files_and_forms():
    """The build leaves out the forms the page meets itself and names the woordenboek's files; the
    page (zoektaal.js) must make the same calls, or a word's entry is in a file it never loads."""
    import subprocess

    from builders import REPO

    words = ["Debt", "борги", "ديون", "3 kinderen", "a", "Öğrenmek", "Żałoba", "b'є"]
    dutch = ["schulden", "schuld", "eenzame", "huizen", "brieven", "bureau", "kadootjes", "problemen", "vrijwilligers"]
    pairs = [("sandalyeye", "sandalye"), ("komsularimizdan", "komsu"), ("korkabilir", "korkmak"),
             ("wozka", "wozek"), ("niderlandzkiego", "niderlandzki"), ("zalozyc", "zaloba"), ("abc", "abcde")]
    script = (f"global.window={{}};require({json.dumps(str(REPO / 'src/wegwijzer/site/assets/zoektaal.js'))});"
              "const Z=window.WegwijzerZoektaal;const d=JSON.parse(require('fs').readFileSync(0,'utf8'));"
              "console.log(JSON.stringify({buckets:d.words.map(Z.bucketOf),keys:d.dutch.map(Z.key),"
              "forms:d.pairs.map(p=>Z.likeForm(p[0],p[1],d.endings)>0)}))")
    payload = json.dumps({"words": words, "dutch": dutch, "pairs": pairs, "endings": pagelanguage.ENDINGS})
    done = subprocess.run(["node", "-e", script], input=payload, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    page = json.loads(done.stdout)
    assert page["buckets"] == [pagelanguage.bucket(w) for w in words]
    assert page["keys"] == [key(w) for w in dutch]  # the build leaves out forms the page finds by key
    assert key("schulden") == key("schuld") and key("eenzame") == key("eenzaam")
    assert page["forms"] == [pagelanguage.like_form(t, w) for t, w in pairs]
    assert page["forms"][:2] == [True, True] and page["forms"][-2:] == [False, False]  # the rule does something


def test_a_typed_form_finds_the_site_words_of_its_lemma():
    """'liep' is not on the site, 'lopen' is: the forms file of 'l' says so; 'schuld' needs no entry
    (the page finds 'schulden' by its key), so the files stay small."""
    from wegwijzer.search.vocabulary import forms_files

    forms = pagelanguage._site_forms({"lopen": (3, True), "schulden": (2, False)})
    assert forms["liep"][1] == ["lopen"] and "gelopen" in forms
    assert "schuld" not in forms
    files = forms_files(forms)
    entry = dict(part.split(":") for part in json.loads(files["l"])["vormen"].split(";"))
    assert "liep" in entry["lopen"].split(",")
    assert set(files) == {pagelanguage.bucket(f)[:1] for f in forms}
