"""The PLOVER predicate lexicon (``data/predicates.json``) and trigger matching.

An entry names a French verb or event noun, its PLOVER type and mode, whether the
event is symmetric (all actors are participants) and which prepositions introduce
the other party. Multiword entries are read as follows:

- a reflexive verb ("se rendre", "s'entretenir") needs a reflexive clitic;
- a verb followed by content words ("opposer son veto", "rompre les relations")
  needs those words among its dependents (determiners are ignored);
- a verb ending in a preposition ("appeler à") needs that preposition below it;
- a noun followed by words ("appel téléphonique", "mandat d'arrêt") needs those
  words right after it in the text.

An entry marked ``"block": true`` names an idiom that is no event of its type
("conférence de presse", "s'attendre à"): when it fits, the word triggers
nothing. ``unless_prev`` lists words that cancel a trigger right before it
("**en** représailles": a motive, not a threat); ``unless_head`` words that
cancel a noun governing it ("**lever** les sanctions": a concession, no sanction).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from .model import PLOVER_TYPES
from .text import fold as _fold_uncached

fold = lru_cache(maxsize=1 << 16)(_fold_uncached)  # the hot path folds every token

LEXICON_VERSION = 1
FUNCTION_WORDS = frozenset(
    "le la les l un une des de d du son sa ses leur leurs en au aux".split())
PREPOSITIONS = frozenset("à a avec contre de sur pour envers entre par".split())
_WORD = re.compile(r"[\w\-]+'?|'", re.UNICODE)


@dataclass(frozen=True)
class Predicate:
    """One entry of the lexicon, with its matching constraints compiled."""

    lemma: str
    pos: str  # VERB or NOUN
    type: str
    mode: str | None
    symmetric: bool
    obj_preps: tuple[str, ...]
    head: str  # folded lemma of the word that carries the trigger
    reflexive: bool = False
    after: tuple[str, ...] = ()  # nouns: folded words right after the head
    needs_all: tuple[str, ...] = ()  # verbs: content words among dependents
    needs_any: tuple[str, ...] = ()  # verbs/nouns: one of these lemmas below
    needs_prep: str | None = None  # a preposition below the trigger
    of_role: str = "source"  # nouns: role of the "de" complement
    unless_next: tuple[str, ...] = ()  # not a trigger before these words ("quitte à")
    governed: bool = False  # nouns: only as the object or complement of a verb
    unless_prev: tuple[str, ...] = ()  # not a trigger after these words ("en représailles")
    block: bool = False  # an idiom that is no event: fits, but triggers nothing
    needs_obj: tuple[str, ...] = ()  # verbs: one of these lemmas is the object
    unless_head: tuple[str, ...] = ()  # nouns: not under these words ("lever les sanctions")

    @property
    def specificity(self) -> int:
        return (len(self.after) + len(self.needs_all) + bool(self.needs_any)
                + bool(self.needs_prep) + self.reflexive + bool(self.needs_obj))


def _words(lemma: str) -> list[str]:
    return [w for w in _WORD.findall(lemma.replace("\u2019", "'")) if w != "'"]


def compile_entry(entry: dict[str, Any]) -> Predicate:
    """Turn one JSON entry into a :class:`Predicate`; raise ValueError if malformed."""
    lemma = entry["lemma"]
    pos = entry["pos"]
    if pos not in ("VERB", "NOUN"):
        raise ValueError(f"{lemma}: pos must be VERB or NOUN, not {pos}")
    if entry["type"] not in PLOVER_TYPES:
        raise ValueError(f"{lemma}: unknown PLOVER type {entry['type']}")
    words = [fold(w) for w in _words(lemma)]
    reflexive = False
    if pos == "VERB" and words and words[0] in ("se", "s"):
        reflexive, words = True, words[1:]
    head, rest = words[0], words[1:]
    common = dict(
        lemma=lemma, pos=pos, type=entry["type"], mode=entry.get("mode"),
        symmetric=bool(entry.get("symmetric", False)),
        obj_preps=tuple(entry.get("obj_preps", [])), head=head, reflexive=reflexive,
        needs_any=tuple(fold(w) for w in entry.get("needs", [])),
        needs_prep=entry.get("needs_prep"), of_role=entry.get("of", "source"),
        unless_next=tuple(fold(w) for w in entry.get("unless_next", [])),
        governed=bool(entry.get("governed", False)),
        unless_prev=tuple(fold(w) for w in entry.get("unless_prev", [])),
        block=bool(entry.get("block", False)),
        needs_obj=tuple(fold(w) for w in entry.get("needs_obj", [])),
        unless_head=tuple(fold(w) for w in entry.get("unless_head", [])),
    )
    if pos == "NOUN":
        return Predicate(after=tuple(rest), **common)
    needs_prep = common.pop("needs_prep")
    if rest and rest[-1] in PREPOSITIONS:
        needs_prep, rest = rest[-1], rest[:-1]
    content = tuple(w for w in rest if w not in FUNCTION_WORDS)
    return Predicate(needs_all=content, needs_prep=needs_prep, **common)


@lru_cache(maxsize=1)
def load_entries() -> tuple[dict[str, Any], ...]:
    """The raw entries of the packaged lexicon (checked for its version)."""
    path = resources.files("veille") / "data" / "predicates.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    if data.get("version") != LEXICON_VERSION:
        raise ValueError(f"predicates.json: version {data.get('version')} unsupported")
    return tuple(data["predicates"])


def verb_forms(head: str) -> set[str]:
    """Folded inflected forms under which a verb is also looked up, because the
    lemmatiser often leaves present-tense and participle forms unlemmatised."""
    forms = {head}
    if head.endswith("er") and len(head) > 3:
        stem = head[:-2]
        forms |= {stem + end for end in ("e", "es", "ent", "ons", "ez", "ee", "es", "ees")}
    elif head.endswith("ir") and len(head) > 3:
        stem = head[:-2]
        forms |= {stem + end for end in ("it", "issent", "i", "ie", "is", "ies")}
    return forms


@lru_cache(maxsize=1)
def lexicon() -> dict[tuple[str, str], tuple[Predicate, ...]]:
    """Predicates indexed by (pos, folded word form), most specific first."""
    index: dict[tuple[str, str], list[Predicate]] = {}
    for entry in load_entries():
        pred = compile_entry(entry)
        keys = verb_forms(pred.head) if pred.pos == "VERB" else {pred.head}
        for key in keys:
            index.setdefault((pred.pos, key), []).append(pred)
    return {key: tuple(sorted(preds, key=lambda p: -p.specificity))
            for key, preds in index.items()}


# ---------------------------------------------------------------- matching

_GLUED = re.compile(r"^(?:[dlnsjmtc]['\u2019])?[«\"\u201c]+\s*")


def _keys(token) -> set[str]:
    """Folded lemma and form, also without a quote glued to the front by the
    tokeniser ("d'«attaquer" -> "attaquer")."""
    keys = {fold(token.lemma_), fold(token.text)}
    bare = _GLUED.sub("", token.text)
    if bare != token.text and bare:
        keys.add(fold(bare))
    return keys


def _is_reflexive(token) -> bool:
    return any(c.lower_ in ("se", "s'", "s\u2019") and c.i < token.i
               for c in token.children)


def _below(token, depth: int = 2):
    frontier = list(token.children)
    for _ in range(depth):
        nxt = []
        for tok in frontier:
            yield tok
            nxt.extend(tok.children)
        frontier = nxt


def _has_prep_below(token, prep: str) -> bool:
    """``prep`` introduces a phrase below the trigger (or, for a noun object,
    right after it under the same verb: "a eu un appel avec X")."""
    scope = list(_below(token, 2))
    if token.pos_ in NOUN_TAGS and token.dep_ == "obj":
        scope += [t for s in token.head.children if s.i > token.i for t in s.children]
    return any(fold(t.lemma_) == prep or t.lower_ == prep
               for t in scope if t.dep_ in ("case", "mark") and t.i > token.i)


OBJECT_DEPS = frozenset({"obj", "nsubj:pass"})


def _objects(token) -> list:
    """What the verb acts on: its object or passive subject (a relative "que"
    stands for its antecedent: "l'offre que X a acceptée"), or the noun a
    participle qualifies ("une trêve acceptée par X")."""
    found = []
    for child in token.children:
        if child.dep_ in OBJECT_DEPS:
            relative = child.pos_ == "PRON" and token.dep_ == "acl:relcl"
            found.append(token.head if relative else child)
    if token.dep_ == "acl" and token.head.i != token.i:
        found.append(token.head)
    return found


CLAUSES = frozenset({"ccomp", "advcl", "acl:relcl", "parataxis", "xcomp", "acl", "csubj"})


def _clause_between(tok, top) -> bool:
    """A clause boundary lies between ``tok`` and its ancestor ``top``."""
    while tok.i != top.i and tok.head.i != tok.i:
        if tok.dep_ in CLAUSES:
            return True
        tok = tok.head
    return False


def _fits(pred: Predicate, token) -> int | None:
    """The index of the last token of the trigger if ``pred`` fits ``token``."""
    if pred.reflexive and not _is_reflexive(token):
        return None
    nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if nxt is not None and pred.unless_next and fold(nxt.text) in pred.unless_next:
        return None
    prev = token.doc[token.i - 1] if token.i > 0 else None
    if prev is not None and pred.unless_prev and fold(prev.text) in pred.unless_prev:
        return None
    if pred.needs_prep and not _has_prep_below(token, pred.needs_prep):
        return None
    if pred.governed and not _governed(token):
        return None
    if pred.unless_head and token.dep_ in ("obj", "nmod") and token.head.i != token.i \
            and _keys(token.head) & set(pred.unless_head):
        return None
    if pred.needs_obj and not any(_keys(o) & set(pred.needs_obj) for o in _objects(token)):
        return None
    if pred.needs_all or pred.needs_any:
        below = set()
        for t in _below(token, 2):
            below |= _keys(t)
        for t in _below(token, 3):  # "qualifier l'acte d'inacceptable": one level more,
            if not _clause_between(t, token):  # not inside another clause
                below |= _keys(t)
        if any(w not in below for w in pred.needs_all):
            return None
        if pred.needs_any and not below & set(pred.needs_any):
            return None
    last = token.i
    doc = token.doc
    for word in pred.after:
        last += 1
        if last >= len(doc) or word not in _keys(doc[last]) and fold(doc[last].text) != word:
            return None
    return last


CARRIERS = frozenset({"procedure", "processus", "demande", "candidature", "faveur",
                      "voie", "chemin", "perspective"})
GOVERNED_DEPS = frozenset({"obj", "obl", "obl:arg", "obl:mod", "iobj", "xcomp", "nmod"})


def _governed(token) -> bool:
    """The noun is the object or a complement of a verb, directly or through a
    carrier noun ("approuver l'adhésion", "en faveur de l'adhésion", "entamer
    les procédures d'adhésion"), not the subject of a clause nor the
    complement of another noun ("le traité d'adhésion")."""
    cur = token
    for _ in range(3):
        head = cur.head
        if head.i == cur.i or cur.dep_ not in GOVERNED_DEPS:
            return False
        if head.pos_ in ("VERB", "AUX"):
            return cur.dep_ != "nmod"
        if fold(head.lemma_) not in CARRIERS:
            return False
        cur = head
    return False


VERB_TAGS = ("VERB",)
NOUN_TAGS = ("NOUN", "PROPN")


@lru_cache(maxsize=1)
def _known_words() -> frozenset[str]:
    return frozenset(word for _, word in lexicon())


def _readings(token) -> list[str]:
    """VERB and/or NOUN, correcting common tagging slips: a participle tagged
    ADJ or NOUN after an auxiliary is a verb; a "verb" with a determiner is a noun."""
    children = list(token.children)
    has_aux = any(c.dep_.startswith("aux") for c in children)
    has_det = any(c.dep_ == "det" for c in children)
    has_aux = has_aux or any(c.dep_ == "nsubj" and c.i < token.i for c in children)
    if token.pos_ in VERB_TAGS:
        return ["NOUN", "VERB"] if has_det else ["VERB"]
    if token.pos_ == "PROPN" and token.is_sent_start and not has_det:
        return ["VERB", "NOUN"]  # "Réunis mardi à X, les dirigeants ...": a capitalised participle
    if token.pos_ in NOUN_TAGS + ("ADJ",):
        return ["VERB", "NOUN"] if has_aux else ["NOUN"] if token.pos_ != "ADJ" else []
    return []


def match(token) -> tuple[Predicate, int] | None:
    """The predicate that ``token`` triggers, with the index of its last token."""
    index = lexicon()
    keys = _keys(token)
    if not keys & _known_words():
        return None
    for pos in _readings(token):
        candidates = {pred for key in keys for pred in index.get((pos, key), ())}
        for pred in sorted(candidates, key=lambda p: (-p.specificity, not p.block, p.lemma)):
            last = _fits(pred, token)
            if last is not None:
                return None if pred.block else (pred, last)
    return None
