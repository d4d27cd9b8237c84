"""The build-time search vocabulary and the built-in search's language data."""

import json

from builders import model_dataset
from wegwijzer.records import vocab
from wegwijzer.search.vocabulary import (
    build_vocabulary,
    search_language,
    vocabulary_file_name,
    vocabulary_files,
    vocabulary_json,
)


def test_vocabulary_has_the_searchable_words_with_counts_and_importance():
    words = build_vocabulary(model_dataset())
    assert words["hoeskamer"] == (1, True)  # a name
    assert words["koffie"][1] is True  # a keyword
    assert words["huiskamer"] == (1, False)  # the summary only
    assert words["schulden"] == (2, True)  # a summary and a face's questions
    assert words["ontmoeten"][1] is True  # a theme label ("Ontmoeten en meedoen")
    assert "14046" not in words and "nuth" not in words  # no numbers; places only where a page shows them


def test_vocabulary_file_is_sorted_words_with_one_weight_letter_each():
    data = json.loads(vocabulary_json({"zorg": (12, True), "auto": (1, False), "bus": (3, False)}))
    assert data == {"woorden": "auto bus zorg", "gewicht": "13i"}


def test_only_synonyms_that_occur_on_the_site_are_searched():
    words = build_vocabulary(model_dataset())
    language = search_language([("schulden", "geldzorgen", "rood staan"), ("rolstoel", "rolstoelen")], words,
                               "woorden-{}.x.json")
    assert language["synoniemen"] == [{"alle": ["schulden", "geldzorgen", "rood staan"], "zoek": ["schulden"]}]
    assert language["woordenlijst"] == "woorden-{}.x.json"
    assert "h" in language["woordletters"] and "s" in language["woordletters"]
    assert "ik" in language["vulwoorden"] and "de" in language["vulwoorden"]


def test_question_filler_leaves_the_words_residents_search_with():
    for word in ("hulp", "geen", "alleen", "zelf", "samen", "thuis", "geld", "zorg", "eenzaam"):
        assert word not in vocab.QUESTION_FILLER and word not in vocab.STOP_WORDS
    for word in ("ik", "mijn", "kan", "niet", "wat", "hoe", "wie", "help"):
        assert word in vocab.QUESTION_FILLER


def test_vocabulary_is_split_by_first_letter_without_accents():
    files = vocabulary_files({"zorg": (12, True), "auto": (1, False), "écht": (2, False), "ärger": (1, False),
                              "bus": (3, False), "ōmega": (1, False), "ıx": (1, False)})
    assert sorted(files) == ["_", "a", "b", "e", "o", "z"]
    assert json.loads(files["a"]) == {"woorden": "auto ärger", "gewicht": "11"}
    assert json.loads(files["e"])["woorden"] == "écht"
    assert json.loads(files["_"])["woorden"] == "ıx"  # not a-z without accents: the "other" file
    name = vocabulary_file_name(files)
    assert name.startswith("woorden-{}.") and name.endswith(".json")
    # Another word anywhere gives every file a new name: a browser never mixes old and new files.
    assert vocabulary_file_name(vocabulary_files({"zorg": (12, True), "auto": (2, False)})) != name


def test_a_site_word_that_begins_a_woordenboek_phrase_is_marked_with_the_phrases_second_word():
    """The page loads the woordenboek for a site word only when the next word of the question
    may continue one of its phrases ('fles wijn'), not for every site word with an entry."""
    from wegwijzer.search.vocabulary import vocabulary_files

    files = vocabulary_files({"fles": (2, False), "koffie": (5, False), "wijn": (1, False)}, {"fles+wijn", "bier+krat"})
    assert json.loads(files["f"])["begrippen"] == "fles+wijn"
    assert "begrippen" not in json.loads(files["k"])  # no phrase begins with 'koffie'
    assert all("bier" not in text for text in files.values())  # 'bier' is not on this site


def test_the_vocabulary_and_meilisearch_read_the_same_words_of_a_place():
    """One search description: a place's accessibility is on its record page, so both the built-in
    search (through the vocabulary) and Meilisearch (its ``locaties``) know its words."""
    import dataclasses

    from wegwijzer.search.documents import voorziening_document
    dataset = model_dataset()
    record = dataset.voorzieningen[0]
    place = dataclasses.replace(record.locaties[0], toegankelijkheid="Drempelvrij, met een lift.")
    dataset = dataclasses.replace(dataset, voorzieningen=(dataclasses.replace(record, locaties=(place,)),
                                                         *dataset.voorzieningen[1:]))
    words = build_vocabulary(dataset)
    assert {"drempelvrij", "lift"} <= set(words)
    assert "Drempelvrij, met een lift." in " ".join(voorziening_document(dataset.voorzieningen[0])["locaties"])
