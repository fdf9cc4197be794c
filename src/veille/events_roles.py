"""Actors and places of an event trigger, read from the dependency parse.

Every actor or place mention of a sentence is attached to the nearest trigger
above it in the parse (not across a subordinate clause); its role comes from the
preposition that introduces it and from its syntactic function: subject or
passive agent -> source, object or a preposition of the entry -> target,
"entre" -> both sides, a place or a country after "en"/"dans"/"à" -> where.
A trigger with no subject of its own borrows one from the verb that governs it
(control verbs, conjoined verbs, relative "qui", light verbs of event nouns).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .events_lexicon import Predicate, fold
from .facts_common import expand_span
from .model import Mention, type_of

ACTOR_TYPES = frozenset({"PERSON", "COUNTRY", "ORG"})
CLAUSE_DEPS = frozenset({"acl:relcl", "ccomp", "advcl", "csubj", "parataxis",
                         "csubj:pass", "root"})
CHAIN_DEPS = frozenset({"conj", "appos", "flat", "flat:name", "fixed", "flat:foreign"})
CIRC_WORDS = frozenset({"lors", "occasion", "marge", "cours", "cadre", "issue"})
PRESENCE_WORDS = frozenset({"presence", "participation"})
TARGET_WORDS = frozenset({"egard", "encontre", "endroit", "vis a vis"})
PLACE_PREPS = frozenset({"a", "en", "dans"})
LIGHT_VERBS = frozenset(fold(w) for w in (
    "avoir tenir mener effectuer faire organiser lancer annoncer décider décréter "
    "imposer adopter engager entamer poursuivre ordonner prononcer émettre "
    "déclencher entreprendre accorder octroyer apporter offrir débloquer infliger "
    "prendre instaurer établir proclamer publier présider renouveler prolonger "
    "étendre durcir voter officialiser confirmer réclamer formaliser déposer "
    "présenter obtenir recevoir conduire achever entériner lever alléger relever appliquer "
    "augmenter promettre brandir afficher exprimer ouvrir clore clôturer").split())
HAPPEN_VERBS = frozenset(fold(w) for w in (
    "avoir tenir dérouler ouvrir terminer commencer débuter achever poursuivre "
    "intervenir survenir clore clôturer prévoir programmer reporter").split())
# nouns whose country adjective names the state acting or hit: "les troupes
# russes", "le gouvernement malien", "les positions ukrainiennes"
FORCE_NOUNS = frozenset(fold(w) for w in (
    "troupe soldat force armée militaire combattant aviation marine flotte "
    "diplomatie gouvernement autorité régime parlement ministère junte état-major "
    "position région territoire sol ville village frontière infrastructure").split())
_CASE_NORMAL = {"au": "a", "aux": "a", "du": "de", "des": "de", "d": "de", "a": "a"}
# relative pronouns with the preposition inside: "auxquels il a demandé à adhérer"
FUSED_CASES = {"auquel": "a", "auxquels": "a", "auxquelles": "a",
               "duquel": "de", "desquels": "de", "desquelles": "de"}


@dataclass
class MentionRef:
    """An actor or place mention mapped onto the tokens of the parse."""

    entity_id: str
    etype: str
    head: object  # spaCy Token
    first: int
    last: int
    mention: Mention | None = None
    adjective: bool = False  # a country adjective standing for its state
    whole: bool = False  # "dont les trois États": the whole the phrase is part of


@dataclass
class Roles:
    """What one trigger (and the triggers absorbed into it) found."""

    source: list[str] = field(default_factory=list)
    target: list[str] = field(default_factory=list)
    both: list[str] = field(default_factory=list)
    places: list[tuple[str, str]] = field(default_factory=list)  # (id, type)

    def add(self, role: str, ref: MentionRef) -> None:
        bucket = getattr(self, role)
        if ref.entity_id not in bucket:
            bucket.append(ref.entity_id)

    def actors(self) -> list[str]:
        out: list[str] = []
        for eid in self.source + self.target + self.both:
            if eid not in out:
                out.append(eid)
        return out

    def absorb(self, other: Roles) -> None:
        for role in ("source", "target", "both"):
            for eid in getattr(other, role):
                if eid not in getattr(self, role):
                    getattr(self, role).append(eid)
        for place in other.places:
            if place not in self.places:
                self.places.append(place)


def entity_type(entity_id: str | None) -> str | None:
    """PERSON, COUNTRY, ORG or PLACE for a usable id, else None."""
    if not entity_id:
        return None
    try:
        return type_of(entity_id)
    except (KeyError, ValueError):
        return None


def mention_refs(doc, mentions: list[Mention]) -> list[MentionRef]:
    """Map usable mentions (no bare adjectives, typed ids) onto tokens."""
    refs = []
    for m in mentions:
        etype = entity_type(m.entity_id)
        if etype not in ACTOR_TYPES | {"PLACE"}:
            continue
        span = expand_span(doc, m.start, m.end)
        if span is None or len(span) == 0:
            continue
        if m.kind == "adjective":
            ref = adjective_ref(m, etype, span)
            if ref is not None:
                refs.append(ref)
            continue
        refs.append(MentionRef(m.entity_id, etype, span.root, span.start, span.end - 1, m))
    return refs


def adjective_ref(m: Mention, etype: str | None, span) -> MentionRef | None:
    """A country adjective is an actor only on a force or body noun ("les
    troupes russes": the phrase of the noun stands for the state) or right on
    an event noun ("l'invasion russe": see :func:`role_of`); never on a person
    ("le président russe")."""
    if etype != "COUNTRY":
        return None
    tok = span.root
    noun = tok.head
    if noun.i == tok.i or noun.pos_ not in ("NOUN", "PROPN") or tok.dep_ not in ("amod", "acl", "nmod"):
        return None
    if fold(noun.lemma_) in ("securite", "defense") and noun.dep_ == "nmod" \
            and fold(noun.head.lemma_) in FORCE_NOUNS:
        noun = noun.head  # "les forces de sécurité maliennes", "le ministère de la Défense"
    head = noun if fold(noun.lemma_) in FORCE_NOUNS else tok
    return MentionRef(m.entity_id, etype, head, span.start, span.end - 1, m, adjective=True)


def case_of(token) -> str | None:
    """The folded preposition introducing ``token`` ("à" and "au" give "a")."""
    if fold(token.lemma_) == "lors":
        return "lors"
    if fold(token.text) in FUSED_CASES:
        return FUSED_CASES[fold(token.text)]
    for child in token.children:
        if child.dep_ in ("case", "mark") and child.i < token.i and child.pos_ in ("ADP", "SCONJ"):
            word = fold(child.text)
            return _CASE_NORMAL.get(word, word)
    return None


def is_passive(verb) -> bool:
    return "Pass" in verb.morph.get("Voice") or any(c.dep_ == "aux:pass" for c in verb.children)


def climb(ref: MentionRef, stop: set[int]):
    """Walk up from a mention head: (anchor token, argument head, path) where the
    anchor is the first token of ``stop`` met, or (None, None, path) when the
    walk leaves a subordinate clause or reaches the root first."""
    path = [ref.head]
    cur = ref.head
    while True:
        parent = cur.head
        if parent.i == cur.i or cur.dep_ in CLAUSE_DEPS:
            return None, None, path
        if cur.dep_ == "conj" and cur.pos_ in ("VERB", "AUX") and parent.pos_ in ("VERB", "AUX"):
            return None, None, path
        sibling = _sibling_trigger(cur, parent, stop)
        if sibling is not None:  # "il est revenu, a rencontré A, puis B": B is met too
            path.append(sibling)
            return sibling, cur, path
        path.append(parent)
        if parent.i in stop:
            return parent, cur, path
        cur = parent


def _sibling_trigger(cur, parent, stop: set[int]):
    """A noun parsed as a conjunct of a verb ("il est arrivé en X et a
    rencontré A, puis B": B hangs on "arrivé") is a conjunct of the object of
    the trigger verb conjoined to that verb just before it; else None."""
    if cur.dep_ != "conj" or cur.pos_ not in ("NOUN", "PROPN") or parent.pos_ not in ("VERB", "AUX"):
        return None
    verbs = [c for c in parent.children if c.dep_ in ("conj", "parataxis", "advcl") and c.i in stop
             and c.pos_ == "VERB" and parent.i < c.i < cur.i]
    return verbs[-1] if verbs else None


def inner_case(path, arg) -> str | None:
    """The preposition of the mention's own phrase (through conjuncts and
    appositions), else None."""
    for tok in path:
        prep = case_of(tok)
        if prep:
            return prep
        if tok.i == arg.i or tok.dep_ not in CHAIN_DEPS:
            return None
    return None


def role_of(ref: MentionRef, anchor, arg, path, pred: Predicate) -> str | None:
    """The role of a mention below ``anchor``: source, target, both, where,
    visit (where and participant) or None."""
    if ref.adjective and ref.head.i == ref.first:  # "l'invasion russe"
        return "source" if arg.i == ref.head.i and anchor.pos_ in ("NOUN", "PROPN") else None
    inner = inner_case(path, arg)
    outer = case_of(arg)
    prep = inner if inner and inner != "de" else outer
    arg_word = fold(arg.lemma_)
    if ref.etype == "PLACE":
        return "where"
    if ref.whole and pred.type == "RETREAT" and ref.etype == "ORG":
        return "target"  # "la Cédéao, dont les trois États ont annoncé leur départ"
    if ref.etype == "COUNTRY" and inner in PLACE_PREPS and not (
            inner == "a" and "à" in pred.obj_preps):
        return "visit" if pred.mode == "visit" else "where"
    if arg_word in PRESENCE_WORDS:
        return "both"
    if arg_word in CIRC_WORDS or prep == "lors":
        return None
    if arg_word in TARGET_WORDS:
        return "target"
    if prep == "par":
        return "source"
    if prep == "entre":
        return "both"
    if prep and (prep in {fold(p) for p in pred.obj_preps}):
        return "target"
    if prep == "de" and pred.pos == "NOUN":
        if pred.type == "RETREAT" and ref.etype == "ORG":
            return "target"
        return pred.of_role
    if prep is not None:
        return None
    if pred.pos == "NOUN":
        return None
    if ref.mention is None and arg.i == ref.head.i and fold(arg.text) in ("que", "qu"):
        return "target"  # "le Japon, que la Russie a sanctionné"
    dep = arg.dep_
    if dep.startswith("nsubj"):
        if arg.i > anchor.i and any(c.dep_.startswith("nsubj") and c.i < anchor.i
                                    for c in anchor.children):
            return "target"  # a second, post-verbal "subject" is a misparsed object
        return "target" if dep == "nsubj:pass" and is_passive(anchor) else "source"
    if dep == "obl:agent":
        return "source"
    if dep in ("obj", "iobj"):
        return "target"
    if dep in ("det", "amod", "nummod", "mark", "case", "cc"):
        return None
    return "source" if arg.i < anchor.i else "target"


def subject_refs(verb, refs: list[MentionRef], grammatical: bool = False) -> list[MentionRef]:
    """Mentions that are the subject of ``verb`` (pre-verbal, no preposition):
    the agent for a passive verb, unless ``grammatical`` asks for the
    grammatical subject (shared by conjoined verbs)."""
    out = []
    passive = is_passive(verb) and not grammatical
    for ref in refs:
        anchor, arg, path = climb(ref, {verb.i})
        if anchor is None or inner_case(path, arg) or case_of(arg):
            continue
        if arg.dep_ == "obl:agent":
            out.append(ref)
        elif arg.dep_.startswith("nsubj") and not (arg.dep_ == "nsubj:pass" and passive):
            out.append(ref)
        elif arg.i < verb.i and arg.dep_ not in ("obj", "iobj", "nsubj:pass", "det", "amod"):
            out.append(ref)
    return out


def antecedent_refs(noun, refs: list[MentionRef]) -> list[MentionRef]:
    """Mentions covering ``noun`` or its conjuncts and appositions."""
    out = []
    for ref in refs:
        if ref.first <= noun.i <= ref.last:
            out.append(ref)
            continue
        cur = ref.head
        while cur.dep_ in CHAIN_DEPS and cur.head.i != cur.i:
            cur = cur.head
            if cur.i == noun.i:
                out.append(ref)
                break
    return out


def borrowed_subject(verb, refs: list[MentionRef], depth: int = 3) -> list[MentionRef]:
    """The subject a verb without one takes from its governor: control verbs
    (xcomp), conjoined verbs, relative "qui" (the antecedent)."""
    for _ in range(depth):
        rel = [c for c in verb.children if c.dep_.startswith("nsubj")
               and "Rel" in c.morph.get("PronType")]
        if verb.dep_ == "acl:relcl" and rel:
            return antecedent_refs(verb.head, refs)
        if verb.dep_ == "conj" and verb.head.pos_ in ("NOUN", "PROPN") and verb.head.i < verb.i:
            return antecedent_refs(verb.head, refs)  # "X et Y se sont rencontrés" misparsed
        participle = "Part" in verb.morph.get("VerbForm") and verb.dep_ in (
            "obl:mod", "obl", "advmod", "dep", "acl")
        if (verb.dep_ not in ("xcomp", "conj", "advcl") and not participle) or verb.head.i == verb.i:
            return []
        # conjoined verbs share the grammatical subject, and so does the
        # infinitive of a passive control verb ("X est censé arrêter Y")
        shared = verb.dep_ == "conj" or (verb.dep_ == "xcomp" and is_passive(verb.head))
        if participle:  # "Réunis à Tachkent, les dirigeants ont ..."; "Il a, dans X, salué"
            acl = verb.dep_ == "acl"
            verb = next((a for a in list(verb.ancestors)[:3] if a.pos_ in ("VERB", "AUX")), None)
            if verb is None or (acl and fold(verb.lemma_) not in ("avoir", "etre")):
                return []  # an acl participle borrows only from a misparsed auxiliary
            found = subject_refs(verb, refs)
            if found:
                return found
            continue
        verb = verb.head
        found = subject_refs(verb, refs, grammatical=shared)
        if found:
            return found
    return []


def governing_verb(token):
    """(verb, dependency of the phrase under it, circumstantial?) for a noun:
    the nearest verb above it, and whether the path passes "lors de",
    "à l'occasion de", "en marge de", or the noun is a purpose ("pour un
    entretien avec Y")."""
    cur, circ = token, False
    for _ in range(8):
        if fold(cur.lemma_) in CIRC_WORDS or case_of(cur) == "lors" or (
                cur is token and case_of(cur) == "pour"  # "X vient pour une rencontre"
                and any(c.dep_ == "det" for c in cur.children)):  # not "pour consultations"
            circ = True
        parent = cur.head
        if parent.i == cur.i:
            return None, None, circ
        if parent.pos_ in ("VERB", "AUX"):
            return parent, cur.dep_, circ
        cur = parent
    return None, None, circ


PHONE_WORDS = frozenset({"telephone", "telephonique", "visioconference", "video"})


def by_phone(tok) -> bool:
    """"au téléphone", "par visioconférence", "entretien téléphonique"."""
    near = list(tok.children) + [g for c in tok.children for g in c.children]
    for word in near:
        if fold(word.lemma_) not in PHONE_WORDS and fold(word.text) not in PHONE_WORDS:
            continue
        case = next((fold(c.text) for c in word.children if c.dep_ == "case"), None)
        if word.dep_ == "amod" or case in ("au", "a", "par", "en"):
            return True
    return False

