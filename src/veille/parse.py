"""The spaCy pipeline: fr_core_news_md with the gazetteer's EntityRuler before NER.

Known names are matched first, with their gazetteer id in ``ent.ent_id_``, so the
statistical NER never mislabels them ("Erdogan" is not a place) and only predicts
around them. The pipeline is loaded once per process (``load_pipeline``).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Any

from .gazetteer import Gazetteer
from .gazetteer import load as load_gazetteer

MODEL = "fr_core_news_md"
RULER_LABELS = {"COUNTRY": "LOC", "PLACE": "LOC", "ORG": "ORG", "PERSON": "PER"}


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
    )


def _strip_capital_accents(text: str) -> str:
    """"États-Unis" -> "Etats-Unis": the press often drops accents on capitals."""
    return "".join(_strip_accents(c) if c.isupper() else c for c in text)


# Acronyms whose title-case form is a common word: "Eau" is not the UAE.
TITLE_CASE_CLASHES = {"eau", "une", "ami", "ira", "ose", "pas", "sud", "est"}


def _variants(text: str, kind: str) -> set[str]:
    """Surface forms to match for one alias: as written, without accents, with
    capitals unaccented, in capitals, with a typographic apostrophe. Acronyms
    match as written and in title case ("OTAN", "Otan"), never in lower case."""
    forms = {text}
    if kind == "acronym":
        if len(text) >= 3 and text.isupper() and text.lower() not in TITLE_CASE_CLASHES:
            forms.add(text[0] + text[1:].lower())
    else:
        forms |= {_strip_accents(text), _strip_capital_accents(text), text.upper(),
                  _strip_accents(text).upper()}
        if kind == "name" and len(text.split()) >= 2 and not text[:1].islower():
            forms.add(text[0].lower() + text[1:].lower())  # "commission européenne"
        if kind == "name" and len(text.split()) >= 2 and text[:1].islower():
            forms.add(text[0].upper() + text[1:])  # "Parlement turc" at a sentence start
    forms |= {f.replace("'", "\u2019") for f in forms if "'" in f}
    return {f for f in forms if f.strip()}


def ruler_patterns(gaz: Gazetteer) -> list[dict[str, Any]]:
    """One phrase pattern per surface form; a form two entities share goes to
    the first loaded (countries, then organisations, places, people)."""
    patterns = []
    taken: set[str] = set()
    for alias in gaz.surface:
        entity = gaz.entities.get(alias.entity_id)
        if entity is None:
            continue
        label = "LOC" if alias.kind == "capital" else RULER_LABELS[entity.type]
        for form in sorted(_variants(alias.text, alias.kind)):
            if form in taken:
                continue
            taken.add(form)
            patterns.append({"label": label, "pattern": form, "id": alias.entity_id})
    return patterns


PARAGRAPHS = "veille_paragraphs"


SENTENCE_ENDS = {".", "!", "?", "…", ":", ";", "»", '"', ")"}
# Abbreviations whose full stop ends nothing: "M. Kristersson", "J. Biden".
ABBREVIATIONS = {"M.", "MM.", "Mme.", "Mlle.", "Dr.", "Pr.", "Mgr.", "St.", "Ste.", "cf.",
                 "etc.", "av.", "apr.", "J.-C."}


def _ends_sentence(text: str) -> bool:
    if text in ABBREVIATIONS or (len(text) == 2 and text[0].isupper() and text[1] == "."):
        return False
    return text[-1:] in SENTENCE_ENDS


_KINDS: dict[int, tuple[bool, bool]] = {}  # a word's hash -> _token_kind


def _token_kind(orth: int, strings) -> tuple[bool, bool]:
    """(holds a line break, may end a sentence) for the word of hash ``orth``,
    remembered: the same words come back in every article."""
    kind = _KINDS.get(orth)
    if kind is None:
        if len(_KINDS) >= 500_000:
            _KINDS.clear()
        text = strings[orth]
        kind = _KINDS[orth] = ("\n" in text, _ends_sentence(text))
    return kind


def _paragraph_starts(doc):
    """Sentence boundaries the parser must respect: a new paragraph (a line break)
    always starts a sentence, so a heading without a full stop is not glued to the
    sentence below it; and a sentence never starts after a token that cannot end
    one ("son homologue chinois," | "Xi Jinping, se sont entretenus"; "M." |
    "Kristersson").

    Computed on the doc's arrays (one pass in numpy, no Token objects): this runs
    on every article."""
    import numpy
    from spacy.attrs import IS_SPACE, ORTH, SENT_START

    if len(doc) < 2:
        return doc
    arr = doc.to_array([ORTH, IS_SPACE])
    orth, space = arr[:, 0], arr[:, 1].astype(bool)
    distinct, inverse = numpy.unique(orth, return_inverse=True)
    strings = doc.vocab.strings
    kinds = numpy.array([_token_kind(o, strings) for o in distinct.tolist()], dtype=bool)
    breaks, ends = kinds[inverse.reshape(-1), 0], kinds[inverse.reshape(-1), 1]
    prev_break, prev_space, prev_end = breaks[:-1], space[:-1], ends[:-1]
    start = numpy.zeros(len(doc), dtype="int64")
    rest = numpy.where(prev_break, 1, numpy.where(prev_space | prev_end, 0, -1))
    start[1:] = numpy.where(space[1:], 0, rest)
    doc.from_array([SENT_START], start.reshape(-1, 1).astype("uint64"))
    return doc


def _split_stray_dashes(nlp) -> None:
    """A dash glued to the front of a capitalised word ("la -Libye", a scraped
    bullet "-Le président") is punctuation, not part of the name."""
    from spacy.util import compile_prefix_regex

    prefixes = [*nlp.Defaults.prefixes, r"[-–—](?=[A-ZÀ-Ý])"]
    nlp.tokenizer.prefix_search = compile_prefix_regex(prefixes).search


def _register() -> None:
    from spacy.language import Language

    if not Language.has_factory(PARAGRAPHS):
        Language.component(PARAGRAPHS, func=_paragraph_starts)


@lru_cache(maxsize=2)
def load_pipeline(model: str = MODEL):
    """The spaCy pipeline with the gazetteer's EntityRuler, loaded once."""
    import spacy

    nlp = spacy.load(model)
    _split_stray_dashes(nlp)
    _register()
    nlp.add_pipe(PARAGRAPHS, before="parser")
    gaz = load_gazetteer()
    ruler = nlp.add_pipe(
        "entity_ruler", before="ner", config={"phrase_matcher_attr": "ORTH", "validate": False}
    )
    _add_uncached(nlp, ruler, ruler_patterns(gaz))
    return nlp


def _add_uncached(nlp, ruler, patterns: list[dict[str, Any]]) -> None:
    """Add the ruler's patterns without letting their words fill the tokenizer's
    cache. The cache holds a bounded number of chunks (10,000 by default) and
    keeps the first ones it sees: tens of thousands of gazetteer forms would fill
    it, and every word of every article would then be split by the tokenizer's
    rules again (ten times slower). The tokens are the same either way."""
    tokenizer = nlp.tokenizer
    size = tokenizer.max_cache_size
    tokenizer.max_cache_size = 0
    try:
        with nlp.select_pipes(enable=["tok2vec"]):
            ruler.add_patterns(patterns)
    finally:
        tokenizer.max_cache_size = size


def bare_pipeline(model: str = MODEL):
    """fr_core_news_md as shipped: the yardstick of the benchmark."""
    import spacy

    return spacy.load(model)
