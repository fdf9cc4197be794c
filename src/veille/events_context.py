"""Actors named by the context rather than by a mention of the sentence.

- "les cinq pays", "les trois dirigeants", "les deux hommes": the states or
  persons of the latest event (or, failing that, the latest sentence) that had
  exactly that many of them;
- "les dirigeants", "les membres", "les chefs d'État" as a subject with no
  name below them: the organisation named before them in the sentence, else
  the one the article has named most so far (its topic), whose leaders or
  members they are;
- a subject "ils" / "elles": the subjects of the latest sentence that had
  subject mentions (one or several);
- a relative pronoun other than "qui" ("que", "dont", "auxquels"): the
  mentions of the phrase right before it ("le président X, qu'il a reçu";
  "la Turquie, dont le Parlement a approuvé"; "les BRICS, auxquels il a
  demandé à adhérer").

Each returns ``MentionRef`` objects placed on the token of the phrase, so the
usual role rules (subject -> source, ...) apply to them.
"""

from __future__ import annotations

from .events_lexicon import fold
from .events_roles import CHAIN_DEPS, MentionRef, entity_type
from .model import Event

NUMBERS = {"deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
           "neuf": 9, "dix": 10}
PERSON_GROUPS = frozenset({"homme", "dirigeant", "chef", "president", "leader", "ministre",
                           "responsable", "homologue", "diplomate", "femme"})
STATE_GROUPS = frozenset({"pays", "etat", "nation", "gouvernement", "capitale", "voisin"})
MEMBER_GROUPS = frozenset({"dirigeant", "membre", "chef", "leader", "participant", "allie",
                           "sept", "vingt-sept", "ministre"})
POSSESSIVES = frozenset({"son", "sa", "ses"})
IMPERSONAL = frozenset({"falloir", "agir", "sembler", "paraitre", "exister", "rester", "etre"})


def _free(tok, refs: list[MentionRef]) -> bool:
    """No mention covers ``tok`` or hangs right below it ("les dirigeants de la Chine")."""
    for ref in refs:
        if ref.first <= tok.i <= ref.last or ref.head.head.i == tok.i or \
                ref.head.head.head.i == tok.i:
            return False
    return True


def _count(tok) -> int | None:
    for child in tok.children:
        if child.dep_ == "nummod":
            word = fold(child.text)
            return NUMBERS.get(word) or (int(word) if word.isdigit() else None)
    return None


def counted_refs(sent, refs: list[MentionRef], events: list[Event],
                 recent: list[tuple[str, str]]) -> list[MentionRef]:
    """"les deux hommes", "les cinq pays": the persons / states named before
    in the same sentence when there are exactly that many, else those of the
    latest event with exactly that many, else of the latest mentions."""
    out = []
    for tok in sent:
        lemma = fold(tok.lemma_)
        wanted = "PERSON" if lemma in PERSON_GROUPS else "COUNTRY" if lemma in STATE_GROUPS else None
        n = _count(tok) if wanted else None
        if not n or n < 2 or not _free(tok, refs):
            continue
        group = _named_before(tok, refs, wanted, n) or next((g for g in (
            [a for a in ev.participants if entity_type(a) == wanted] for ev in reversed(events))
            if len(g) == n), None)
        if group is None:
            seen: list[str] = []
            for eid, etype in reversed(recent):
                if etype == wanted and eid not in seen:
                    seen.append(eid)
                if len(seen) == n:
                    break
            group = seen if len(seen) == n else None
        if group:
            out += [MentionRef(eid, wanted, tok, tok.i, tok.i) for eid in group]
    return out


def _named_before(tok, refs: list[MentionRef], wanted: str, n: int) -> list[str] | None:
    """Exactly ``n`` entities of the wanted type named earlier in the same
    sentence ("X a reçu Y, et les deux dirigeants ont signé")."""
    seen: list[str] = []
    for ref in sorted(refs, key=lambda r: r.first):
        if ref.first < tok.i and ref.etype == wanted and not ref.adjective \
                and ref.entity_id not in seen:
            seen.append(ref.entity_id)
    return seen if len(seen) == n else None


def member_refs(sent, refs: list[MentionRef], recent: list[tuple[str, str]]) -> list[MentionRef]:
    """A plural subject "les dirigeants", "les membres" with nothing named
    below it: the organisation mentioned last."""
    out = []
    for tok in sent:
        if not tok.dep_.startswith("nsubj") or fold(tok.lemma_) not in MEMBER_GROUPS:
            continue
        if "Plur" not in tok.morph.get("Number") and fold(tok.text) not in ("sept", "vingt-sept"):
            continue
        if _count(tok) or not _free(tok, refs):
            continue
        before = [eid for r in refs if r.etype == "ORG" and r.head.i < tok.i for eid in [r.entity_id]]
        org = before[-1] if before else _topic(recent)
        if org:
            out.append(MentionRef(org, "ORG", tok, tok.i, tok.i))
    return out


def _topic(recent: list[tuple[str, str]]) -> str | None:
    """The organisation named most often so far (the latest on a tie): "les
    membres" of an article about an organisation are its members, even when
    another body was named in between."""
    orgs = [eid for eid, etype in recent if etype == "ORG"]
    if not orgs:
        return None
    return max(set(orgs), key=lambda eid: (orgs.count(eid), max(i for i, o in enumerate(orgs) if o == eid)))


def plural_pronoun_refs(sent, refs: list[MentionRef], groups: list[list[tuple[str, str]]]
                        ) -> list[MentionRef]:
    """"ils" / "elles" as subject: the subjects of the latest sentence that had some."""
    out = []
    for tok in sent:
        if tok.lower_ not in ("ils", "elles") or not tok.dep_.startswith("nsubj") \
                or fold(tok.head.lemma_) in IMPERSONAL:
            continue
        earlier = [g for g in groups if g]
        if earlier:
            out += [MentionRef(eid, etype, tok, tok.i, tok.i) for eid, etype in earlier[-1]]
    return out


def subject_group(refs: list[MentionRef]) -> list[tuple[str, str]]:
    """The (id, type) of the subject mentions of a sentence, conjuncts included."""
    group: list[tuple[str, str]] = []
    for ref in refs:
        tok = ref.head
        while tok.dep_ in CHAIN_DEPS and tok.head.i != tok.i:
            tok = tok.head
        if tok.dep_.startswith("nsubj") and ref.etype != "PLACE" \
                and (ref.entity_id, ref.etype) not in group:
            group.append((ref.entity_id, ref.etype))
    return group


def pronoun_refs(sent, refs: list[MentionRef], last_subject: list[str],
                 owners: list[MentionRef] | None = None) -> list[MentionRef]:
    """A subject "il"/"elle" stands for the latest subject mention before it
    (this sentence or earlier ones); ``last_subject`` carries it across. A
    possessive "son"/"sa"/"ses" on a noun names the same one: those go to
    ``owners`` (used only as the "de" complement of an event noun)."""
    out = []
    subjects = sorted((r for r in refs if r.etype != "PLACE" and (
        phrase_top(r.head).dep_.startswith("nsubj") or _opens(sent, r))), key=lambda r: r.head.i)
    pronouns = [t for t in sent if t.lower_ in ("il", "elle") and t.dep_.startswith("nsubj")
                and fold(t.head.lemma_) not in IMPERSONAL]
    for tok in sent:
        for ref in subjects:
            if ref.head.i == tok.i:
                last_subject[:] = [ref.entity_id, ref.etype]
        if tok in pronouns and last_subject:
            out.append(MentionRef(last_subject[0], last_subject[1], tok, tok.i, tok.i))
        if owners is not None and last_subject and tok.lower_ in POSSESSIVES \
                and tok.dep_ == "det" and tok.head.pos_ == "NOUN":
            owners.append(MentionRef(last_subject[0], last_subject[1], tok, tok.i, tok.i))
    return out


def _opens(sent, ref: MentionRef) -> bool:
    """A bare noun phrase opening the sentence ("Le président américain, qui
    ..., s'est félicité") is its subject, even when the parse says otherwise."""
    top = phrase_top(ref.head)
    return ref.mention is not None and not ref.adjective \
        and all(t.pos_ == "DET" for t in sent if t.i < ref.first) \
        and not any(c.dep_ == "case" for c in top.children) \
        and (top.head.pos_ in ("VERB", "AUX") or top.head.i == top.i)


def phrase_top(tok):
    while tok.dep_ in CHAIN_DEPS and tok.head.i != tok.i:
        tok = tok.head
    return tok


RELATIVES = frozenset({"que", "qu", "dont", "auquel", "auxquels", "auxquelles", "lequel",
                       "laquelle", "lesquels", "lesquelles", "duquel", "desquels", "desquelles"})
REL_PREPS = frozenset({"a", "avec", "contre", "envers", "aupres", "pour", "par", "sur"})
NOUN_POS = frozenset({"NOUN", "PROPN"})


def _antecedent(tok, refs: list[MentionRef]) -> list[MentionRef]:
    """The actor mentions of the phrase that ends right before a relative
    pronoun (a comma, and a preposition of "avec lequel", may lie between)."""
    j = tok.i - 1
    doc = tok.doc
    while j >= 0 and (doc[j].is_punct or fold(doc[j].text) in REL_PREPS):
        j -= 1
    ends = [r for r in refs if r.last == j and r.etype != "PLACE" and not r.adjective]
    if not ends:
        return []
    top = phrase_top(ends[0].head)
    return [r for r in refs if r.etype != "PLACE" and not r.adjective and (
        r in ends or phrase_top(r.head).i == top.i)]


def _owned_noun(tok):
    """"dont le Parlement ...": the noun the pronoun complements (the next noun)."""
    for nxt in tok.doc[tok.i + 1: tok.i + 5]:
        if nxt.pos_ in NOUN_POS:
            return nxt
        if nxt.pos_ not in ("DET", "NUM", "ADJ"):
            return None
    return None


def _relative_que(tok) -> bool:
    """"X, que la Russie a sanctionné": a "que" tagged as a conjunction, after a
    comma, whose verb has no object of its own, is a relative pronoun."""
    return fold(tok.text) in ("que", "qu") and tok.i > 0 and tok.doc[tok.i - 1].text == "," \
        and tok.head.pos_ in ("VERB", "AUX") \
        and not any(c.dep_ == "obj" for c in tok.head.children)


def relative_refs(sent, refs: list[MentionRef]) -> list[MentionRef]:
    """Relative pronouns other than "qui" stand for the mentions before them:
    "qu'il a rencontré" (object), "auxquels il a demandé" (the preposition of
    the pronoun), "dont le Parlement a approuvé" (the owner of the next noun,
    placed on that noun)."""
    out = []
    for tok in sent:
        word = fold(tok.text)
        if word not in RELATIVES or not (tok.pos_ == "PRON" or _relative_que(tok)):
            continue
        place, whole = tok, False
        if word == "dont":
            place, whole = _owned_noun(tok), True
            if place is None:
                continue
        for ref in _antecedent(tok, refs):
            out.append(MentionRef(ref.entity_id, ref.etype, place, place.i, place.i, whole=whole))
    return out


class ListedMembers:
    """The states the article itself lists as members of an organisation (its
    own ``member_of`` facts, stated, not later left), read on first use: never
    from outside knowledge."""

    def __init__(self, doc, mentions, article) -> None:
        self._args = (doc, mentions, article)
        self._members: dict[str, list[str]] | None = None

    def of(self, org: str) -> list[str]:
        if self._members is None:
            self._members = _member_lists(*self._args)
        return self._members.get(org, [])


def _member_lists(doc, mentions, article) -> dict[str, list[str]]:
    from .facts import extract_facts

    facts = extract_facts(doc, mentions, article)
    left = {(f.subject, f.object) for f in facts if f.predicate == "left"}
    out: dict[str, list[str]] = {}
    for f in facts:
        if f.predicate != "member_of" or f.status != "stated" or (f.subject, f.object) in left \
                or entity_type(f.subject) != "COUNTRY" or not f.object:
            continue
        if f.valid_from is not None and f.valid_from.start and \
                f.valid_from.start[:len(article.date)] > article.date:
            continue
        members = out.setdefault(f.object, [])
        if f.subject not in members:
            members.append(f.subject)
    return out


SKIPPED = frozenset({"de", "d", "des", "du", "l", "la", "le", "les", "et"})
LEADER_NOUNS = frozenset({"dirigeant", "leader", "chef", "president", "representant"})


def _for_members(ref: MentionRef) -> bool:
    """"les leaders des pays membres de l'OCS", "les chefs d'État de
    l'organisation", "les dirigeants de l'OTAN": the organisation named
    stands for its member states."""
    doc = ref.head.doc
    j = ref.first - 1
    while j >= 0 and fold(doc[j].text).strip("'’") in SKIPPED:
        j -= 1
    if j < 0 or doc[j].sent.start != ref.head.sent.start:
        return False
    word = fold(doc[j].lemma_)
    if word == "membre" or (word in LEADER_NOUNS and "Plur" in doc[j].morph.get("Number")):
        return True
    if word in ("etat", "gouvernement"):  # "les chefs d'État (et de gouvernement) de"
        return any(fold(t.lemma_) == "chef" for t in doc[max(0, j - 5):j])
    return False


def member_state_refs(refs: list[MentionRef], members: ListedMembers) -> list[MentionRef]:
    """The member states (as the article lists them) of an organisation named
    as the members' side, placed on the organisation's mention."""
    out = []
    for ref in refs:
        if ref.etype != "ORG" or ref.adjective or not _for_members(ref):
            continue
        out += [MentionRef(state, "COUNTRY", ref.head, ref.first, ref.last)
                for state in members.of(ref.entity_id)]
    return out


# nouns a press article uses to describe a state it does not name again:
# "son allié", "le voisin", "la première économie de la région"
STATE_DESCRIPTIONS = frozenset(fold(w) for w in (
    "allié partenaire voisin économie puissance pays état nation candidat "
    "archipel royaume république émirat monarchie").split())
STEP_WORDS = frozenset(fold(w) for w in (
    "candidature demande adhésion entrée admission intégration").split())


def described_state_refs(sent, refs: list[MentionRef],
                         recent: list[tuple[str, str]]) -> list[MentionRef]:
    """"la candidature de son allié", "l'entrée de la première économie de la
    région": a membership step of a state described rather than named is a
    step of the state the article speaks of most (named in earlier sentences
    more than any other, and not named in this one)."""
    out = []
    named_here = {r.entity_id for r in refs}
    for tok in sent:
        if fold(tok.lemma_) not in STATE_DESCRIPTIONS or tok.dep_ != "nmod" \
                or fold(tok.head.lemma_) not in STEP_WORDS or not _free(tok, refs):
            continue
        if not any(fold(c.text) in ("de", "d", "du") for c in tok.children if c.dep_ == "case"):
            continue
        state = _topic_state(recent, named_here)
        if state:
            out.append(MentionRef(state, "COUNTRY", tok, tok.i, tok.i))
    return out


def _topic_state(recent: list[tuple[str, str]], excluded: set[str]) -> str | None:
    """The country named most often so far (the latest on a tie), when it is
    named at least twice."""
    states = [eid for eid, etype in recent if etype == "COUNTRY" and eid not in excluded]
    if not states:
        return None
    best = max(set(states), key=lambda e: (states.count(e),
                                           max(i for i, s in enumerate(states) if s == e)))
    return best if states.count(best) >= 2 else None
