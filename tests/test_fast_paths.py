"""Shortcuts taken for speed give the very results of the plain way.

- ``IgnoreCase`` (case-insensitive cue patterns run without the flag on lower-case
  text) finds what ``re.IGNORECASE`` finds, on any text;
- the store skips entities it already holds and inserts aliases in one call, with
  the rows of one insert per alias;
- the pipeline's sentence-start rules, memoised per word, still cut where they did;
- loading the gazetteer's patterns leaves the tokenizer's cache as it was.
"""

from __future__ import annotations

import re
import sqlite3

import pytest

from veille.facts_common import lowered
from veille.model import Article, ArticleRecords, Entity, Mention, Sentence
from veille.store import Store
from veille.text import IgnoreCase, case_free

PATTERNS = [
    r"\b(?:a\s+rejoint|adhère\s+à|est\s+devenue?\s+membre)\b",
    r"\b(?:selon|d'après)\s+(?:le|la|les|l')?",
    r"\b(?:tensions?|rivalités?)\s+(?:entre|avec)\b",
    r"(?<![\w-])((?:[a-zà-ÿ]+[ -](?:et[ -])?)*[a-zà-ÿ]+)ième(?!\w)",
    r"[^,.;]{0,20}\bsommet\b",
    r"\bsi\b",
]
TEXTS = [
    "la roumanie a rejoint l'alliance en 2004, selon le ministère des affaires étrangères",
    "La Roumanie A REJOINT l'Alliance en 2004, Selon le ministère",
    "les tensions entre ankara et athènes se sont apaisées avant le sommet de l'otan",
    "le vingt-cinquième sommet s'est tenu à kazan, d'après les organisateurs présents",
    "la délégation de kırıkkale est arrivée au sommet, si l'on en croit la presse",
    "le ſommet de l'union s'est ouvert ſelon le protocole, si tout va bien",
    "İstanbul accueille le sommet des tensions entre voisins du bassin méditerranéen",
    "court",
]


@pytest.mark.parametrize("pattern", PATTERNS)
@pytest.mark.parametrize("text", TEXTS)
def test_ignorecase_finds_what_the_flag_finds(pattern, text):
    fast, plain = IgnoreCase(pattern), re.compile(pattern, re.IGNORECASE)
    for window in (text, text[10:], lowered(text)):
        assert [m.span() for m in fast.finditer(window)] == \
            [m.span() for m in plain.finditer(window)]
        assert bool(fast.search(window)) == bool(plain.search(window))
        assert bool(fast.match(window, 3)) == bool(plain.match(window, 3))
        assert fast.sub("#", window) == plain.sub("#", window)


@pytest.mark.parametrize("text, fast", [
    ("la roumanie a rejoint l'alliance en 2004 après un long débat", True),
    ("La Roumanie a rejoint l'Alliance en 2004 après un long débat", False),
    ("la délégation de kırıkkale est arrivée au sommet ce lundi soir", False),
    ("le ſommet de l'union s'est ouvert ce lundi soir dans la capitale", False),
    ("court", False),
])
def test_ignorecase_drops_the_flag_only_on_plain_lower_case(text, fast):
    pattern = IgnoreCase(r"\b(?:sommet|alliance|rejoint)\b")
    assert (pattern._for(text) is pattern.fast) is fast


@pytest.mark.parametrize("pattern, free", [
    (r"\bsommet\b", True),
    (r"[a-zà-ÿ]+ième", True),
    (r"(?<=\s)accord(?!s)", True),
    (r"[A-Z]\w+", False),  # an upper-case letter: the flag matters
    (r"\x41ccord", False),  # "A" spelt as an escape
    (r"[a-ž]", False),  # a range holding upper-case letters
    (r"(a)\1", False),  # a back-reference: not read, the flag stays
])
def test_case_free_patterns(pattern, free):
    assert (case_free(pattern) is not None) is free


def _records(article_id: str, entity: Entity, mentions: list[str]) -> ArticleRecords:
    text = " ".join(mentions)
    article = Article(article_id, "2024-05-02", "day", text, source=article_id)
    found, at = [], 0
    for word in mentions:
        found.append(Mention(at, at + len(word), word, 0, entity.id, "name"))
        at += len(word) + 1
    return ArticleRecords(article, [], {entity.id: entity}, found)


def _aliases(store: Store) -> list[tuple]:
    return [tuple(r) for r in store.query("SELECT rowid, * FROM aliases ORDER BY rowid")]


@pytest.mark.parametrize("second_aliases", [["Jean Dupuis"], ["Jean Dupuis", "J. Dupuis"]])
def test_store_keeps_every_alias_of_an_entity_seen_again(second_aliases):
    store = Store(":memory:")
    first = Entity("x:PERSON:jean-dupuis", "Jean Dupuis", "PERSON", aliases=["Jean Dupuis"])
    again = Entity("x:PERSON:jean-dupuis", "Jean Dupuis", "PERSON", aliases=second_aliases)
    store.add_batch([_records("a1", first, ["Dupuis", "DUPUIS"])])
    store.add_batch([_records("a2", again, ["M. Dupuis", "dupuis"])])
    texts = {r[3] for r in _aliases(store)}
    assert texts == {"Jean Dupuis", "Dupuis", "M. Dupuis", *second_aliases}
    # "DUPUIS" and "dupuis" fold like "Dupuis": only the first spelling is kept
    assert "DUPUIS" not in texts and "dupuis" not in texts


def test_store_forgets_entities_of_a_rolled_back_batch():
    store = Store(":memory:")
    entity = Entity("org:XYZ", "Xyz Union", "ORG", "Union Xyz", aliases=["UXY"])
    broken = _records("a9", entity, ["UXY"])
    broken.sentences = [Sentence(0, 0, 3, object())]  # cannot be stored: the batch fails
    with pytest.raises(sqlite3.Error):
        store.add_batch([_records("a1", entity, ["UXY"]), broken])
    assert store.counts()["entities"] == 0
    store.add_batch([_records("a2", entity, ["UXY"])])
    assert store.entity("org:XYZ") is not None
    assert {r[3] for r in _aliases(store)} == {"Xyz Union", "Union Xyz", "UXY"}


@pytest.mark.parametrize("text, starts", [
    ("M. Dupuis est arrivé hier. Il repart demain.", ["M.", "Il"]),
    ("Le sommet de Kazan\nLes dirigeants se sont réunis.", ["Le", "Les"]),
    ("Selon J. Martin, son homologue Pierre Durand, l'accord tient bon.", ["Selon"]),
])
def test_sentence_start_rules(extractor, text, starts):
    doc = extractor.nlp(text)
    assert [s[0].text for s in doc.sents] == starts


def test_loading_the_patterns_leaves_the_tokenizer_cache_size(extractor):
    import spacy

    bare = spacy.load("fr_core_news_md")
    assert extractor.nlp.tokenizer.max_cache_size == bare.tokenizer.max_cache_size > 0


@pytest.mark.parametrize("start, end", [(0, 3), (2, 9), (4, 5), (10, 30), (12, 12), (15, 16),
                                        (30, 58), (57, 58)])
def test_expand_span_is_char_span_expand(nlp, start, end):
    from veille.facts_common import expand_span

    doc = nlp("Le président russe a rencontré Xi Jinping  ce mercredi à Astana.")
    want = doc.char_span(start, end, alignment_mode="expand")
    got = expand_span(doc, start, end)
    assert (got.start, got.end) == (want.start, want.end)
