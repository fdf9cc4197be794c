"""Actors an event gains from what its explicit actors stand for.

Applied to the merged events of one article:

- a person acting in an office acts for the state (or organisation) of that
  office at the event's date ("Macron a rappelé l'ambassadeur" -> France as well),
  read from the gazetteer's positions; only states and organisations the article
  mentions somewhere (by name, capital, demonym or adjective) are added, so that
  no entity the article does not speak of is brought in;
- a country that is the place of an event ("la prise de pouvoir au Gabon",
  "il a été reçu en Jordanie") is one of its participants, and so is the state
  whose capital is the place ("arrivé à Pékin").

Both are added to ``participants`` only: ``source`` and ``target`` keep what the
sentence itself says.

Before building, :func:`complete_roles` reads roles around the triggers of a
sentence: a membership step that a support or refusal verb acts on gives the
verb its target ("soutenir la candidature de X"), the party that undergoes an
event noun is its target ("X, qui a subi une invasion", "X, victime de
frappes"), the subject of a clause without verb acts in its own noun ("X a
décrété la loi martiale et Y une mobilisation"), a body a dated or placed
participle hangs on meets ("le Conseil, réuni d'urgence dimanche").
After merging, :func:`add_reaction_targets` gives a reaction without target
("X a aussitôt promis des contre-mesures") the sources of the event before it.
"""

from __future__ import annotations

from functools import lru_cache

from .events_lexicon import fold
from .events_roles import (
    MentionRef,
    Roles,
    antecedent_refs,
    borrowed_subject,
    case_of,
    entity_type,
    subject_refs,
)
from .facts_common import expand_span
from .model import Article, Event, Mention


@lru_cache(maxsize=1)
def _gazetteer():
    from .gazetteer import load

    return load()


def offices_at(person_id: str, date: str) -> list[str]:
    """Ids of the states and organisations whose office ``person_id`` holds at ``date``."""
    try:
        positions = _gazetteer().offices_of(person_id, date)
    except (KeyError, ValueError, AttributeError):
        return []
    return [p.of for p in positions]


def _event_date(event: Event, article: Article) -> str:
    if event.when is not None and event.when.start:
        return event.when.start
    return article.date


def add_represented(events: list[Event], mentions: list[Mention], article: Article) -> None:
    """Add, in place, the state or organisation a person actor acts for, and a
    country where the event happens, to each event's participants."""
    named = {m.entity_id for m in mentions if m.entity_id}
    for event in events:
        extra: list[str] = []
        for actor in event.participants:
            state = _gazetteer().institution_state.get(actor)
            if state:  # "l'armée soudanaise" acts for Sudan
                extra.append(state)
                continue
            if entity_type(actor) != "PERSON":
                continue
            extra += [of for of in offices_at(actor, _event_date(event, article)) if of in named]
        if event.where and entity_type(event.where) == "COUNTRY":
            extra.append(event.where)
        elif event.where and _gazetteer().country_of(event.where):
            extra.append(_gazetteer().country_of(event.where))  # "reçu à Pékin", "à Tianjin"
        for eid in extra:
            if eid not in event.participants:
                event.participants.append(eid)


CO_ACTOR_KINDS = frozenset({"name", "surname", "acronym", "title", "capital", "seat", "demonym",
                            "coref", "unknown"})
CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "advcl", "acl:relcl", "parataxis", "xcomp", "csubj"})


def _clause(token):
    """The clause a trigger belongs to: the nearest verb heading a clause above it."""
    cur = token
    for _ in range(12):
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ in CLAUSE_DEPS or cur.head.i == cur.i:
            return cur
        cur = cur.head
    return cur


def add_co_actors(events: list[Event], mentions: list[Mention], doc) -> None:
    """Actors named in the clause of an event take part in it: "Poutine et son
    homologue chinois, Xi Jinping, se sont entretenus" names both even when the
    parse attaches only one to the verb. Added to ``participants`` only."""
    actors = [m for m in mentions if m.entity_id and m.kind in CO_ACTOR_KINDS
              and entity_type(m.entity_id) in ("PERSON", "COUNTRY", "ORG")]
    for event in events:
        span = expand_span(doc, event.start, event.end)
        if span is None or len(span) == 0:
            continue
        clause = _clause(span.root)
        first, last = clause.left_edge, clause.right_edge
        lo, hi = first.idx, last.idx + len(last.text)
        # a meeting that already has its two people (one per person met) stays so
        people = sum(entity_type(p) == "PERSON" for p in event.participants)
        for m in actors:
            if lo <= m.start and m.end <= hi and m.entity_id not in event.participants:
                if people >= 2 and entity_type(m.entity_id) == "PERSON":
                    continue
                event.participants.append(m.entity_id)


# membership steps ("la candidature de X", "l'adhésion de X") whose fate a
# verb of support or refusal tells: "soutenir / bloquer la candidature de X"
STEP_NOUNS = frozenset(fold(w) for w in (
    "candidature demande adhésion entrée admission intégration").split())
STEP_VERB_TYPES = frozenset({"SUPPORT", "REJECT"})
STEP_TYPES = frozenset({"REQUEST", "SUPPORT"})
STEP_CARRIERS = frozenset({"procedure", "processus", "demande", "candidature"})


def step_verb(noun, at: dict):
    """The verb trigger (of ``at``, by token index) that supports or rejects
    the membership step ``noun`` (its object or passive subject, directly or
    through a carrier noun: "la demande d'adhésion"), else None."""
    if fold(noun.lemma_) not in STEP_NOUNS:
        return None
    cur = noun
    while cur.dep_ == "nmod" and fold(cur.head.lemma_) in STEP_CARRIERS and cur.head.i != cur.i:
        cur = cur.head
    if cur.dep_ not in ("obj", "nsubj:pass"):
        return None
    verb = at.get(cur.head.i)
    if verb is None or verb.pred.pos != "VERB" or verb.pred.type not in STEP_VERB_TYPES:
        return None
    return verb


def _has_agent(verb) -> bool:
    """A subject or a "par" phrase, named or not ("bloquée par les objections")."""
    return any(c.dep_ in ("nsubj", "obl:agent") or case_of(c) == "par" for c in verb.children)


def hand_over_steps(triggers: list) -> None:
    """A membership step that a support or refusal verb acts on gives the
    verb its targets (the candidate, the organisation): "Moscou a soutenu la
    candidature de la Serbie" is Russia supporting Serbia. The step is then
    no event of its own, unless a participle tells it for itself ("la
    candidature de X, déposée en mai") or the verb names no agent ("la
    demande de X a été bloquée")."""
    at = {t.token.i: t for t in triggers}
    for trig in triggers:
        if trig.pred.pos != "NOUN" or trig.parent is not None:
            continue
        if trig.pred.type not in STEP_TYPES:  # "l'entrée des troupes": no step
            continue
        verb = step_verb(trig.token, at)
        if verb is None or verb.pred.type == trig.pred.type:
            continue
        for eid in trig.roles.actors():
            if eid not in verb.roles.source and eid not in verb.roles.target:
                verb.roles.target.append(eid)
        if any(c.dep_ == "acl" and c.pos_ == "VERB" for c in trig.token.children) \
                or not (verb.roles.source or _has_agent(verb.token)):
            continue  # told for itself, or by a verb with no agent ("a été bloquée")
        verb.roles.places += [p for p in trig.roles.places if p not in verb.roles.places]
        trig.roles = Roles()
        trig.parent = verb


SUFFER_VERBS = frozenset({"subir", "essuyer", "endurer", "encaisser"})
VICTIM_NOUNS = frozenset({"victime", "cible"})


def victim_refs(noun, refs: list[MentionRef]) -> list[MentionRef]:
    """Who undergoes the event noun: "X a subi une invasion", "X, qui a subi
    des frappes", "X, victime d'attaques", "X a été la cible de frappes"."""
    head = noun.head
    word = fold(head.lemma_)
    if head.i == noun.i:
        return []
    if word in SUFFER_VERBS and noun.dep_ == "obj":
        return subject_refs(head, refs) or borrowed_subject(head, refs)
    if word not in VICTIM_NOUNS or case_of(noun) != "de":
        return []
    found = subject_refs(head, refs)
    if not found and head.dep_ in ("appos", "acl", "amod", "nmod") and head.head.i != head.i:
        found = antecedent_refs(head.head, refs)  # "X, victime de frappes, ..."
    return found


GAP_WORDS = frozenset({"et", "tandis", "mais", "puis"})
GAP_SKIPPED = frozenset({"DET", "ADJ", "NUM", "PUNCT"})
PARTITIVES = frozenset({"des", "du", "de", "d"})


def gapped_noun(ref: MentionRef):
    """"X a décrété la loi martiale et Y une mobilisation": a conjoined
    mention right before a bare noun phrase of the same verb, with no verb
    of its own, is the subject of a clause without verb; returns that noun
    (Y's object), else None."""
    tok = ref.head
    if tok.dep_ != "conj" or not any(c.dep_ == "cc" and fold(c.text) in GAP_WORDS
                                     for c in tok.children if c.i < tok.i):
        return None
    doc = tok.doc
    j = ref.last + 1
    while j < len(doc) and (doc[j].pos_ in GAP_SKIPPED or fold(doc[j].text) in PARTITIVES) \
            and doc[j].text != ".":
        j += 1
    if j >= len(doc) or doc[j].pos_ != "NOUN" or doc[j].sent.start != tok.sent.start:
        return None
    noun, verb = doc[j], doc[j].head
    if verb.pos_ not in ("VERB", "AUX") or noun.dep_ not in ("obj", "obl:mod", "obl"):
        return None
    if not any(c.dep_.startswith("nsubj") and c.i < tok.i for c in verb.children):
        return None  # the first clause has a subject of its own
    return noun if verb.i in {a.i for a in tok.ancestors} else None


def _gapped_subjects(triggers: list, refs: list[MentionRef]) -> None:
    """The subject of a clause without verb acts in the event of its noun,
    and not in the event of the first clause."""
    at = {t.token.i: t for t in triggers}
    for ref in refs:
        noun = gapped_noun(ref)
        trig = at.get(noun.i) if noun is not None else None
        if trig is None or trig.parent is not None:
            continue
        trig.roles.add("source", ref)
        if sum(r.entity_id == ref.entity_id for r in refs) > 1:
            continue
        for other in triggers:
            if other is not trig:
                for role in ("source", "target", "both"):
                    bucket = getattr(other.roles, role)
                    if ref.entity_id in bucket:
                        bucket.remove(ref.entity_id)


OCCASION_WORDS = frozenset(fold(w) for w in (
    "urgence sommet session lundi mardi mercredi jeudi vendredi samedi dimanche "
    "janvier février mars avril mai juin juillet août septembre octobre novembre "
    "décembre veille lendemain").split())


def _occasion(tok, refs: list[MentionRef]) -> bool:
    """A modifier that makes a participle tell an occasion: a date, a place,
    "d'urgence", "en sommet"."""
    words = {fold(t.lemma_) for t in tok.subtree}
    return bool(words & OCCASION_WORDS) or any(t.like_num for t in tok.subtree) or any(
        r.etype in ("PLACE", "COUNTRY") and tok.left_edge.i <= r.head.i <= tok.right_edge.i
        for r in refs)


def host_refs(verb, refs: list[MentionRef]) -> list[MentionRef]:
    """"le Conseil de sécurité, réuni d'urgence dimanche": the body or state
    named by the noun a participle hangs on, when the participle tells an
    occasion (a date, a place, "d'urgence"). A group noun ("les dirigeants
    de X réunis à Y") is left to the gatherings (:mod:`veille.events_gathering`)."""
    host = verb.head
    if verb.dep_ != "acl" or host.i == verb.i or host.pos_ not in ("NOUN", "PROPN"):
        return []
    if not any(_occasion(c, refs) for c in verb.children if c.dep_.startswith(("obl", "nmod"))):
        return []  # "le conseil, réuni au niveau ministériel": the meeting told before
    return [r for r in refs if r.etype in ("ORG", "COUNTRY") and not r.adjective
            and r.first <= host.i <= r.last]


def _inside_same(trig, triggers: list) -> bool:
    """The trigger lies in the phrase of a trigger of its type ("le sommet des
    chefs d'État réunis à X" is one meeting)."""
    above = {a.i for a in trig.token.ancestors}
    return any(t is not trig and t.pred.type == trig.pred.type and t.token.i in above
               for t in triggers)


def complete_roles(triggers: list, refs: list[MentionRef]) -> None:
    """Roles read around the triggers once each mention has its own: the
    step a support verb acts on, the party that undergoes an event noun, the
    subject of a clause without verb."""
    hand_over_steps(triggers)
    _gapped_subjects(triggers, refs)
    for trig in triggers:  # a meeting told by a participle on its participants
        if trig.pred.pos == "VERB" and trig.pred.symmetric and not trig.roles.actors() \
                and not _inside_same(trig, triggers):
            for ref in host_refs(trig.token, refs):
                trig.roles.add("both", ref)
    for trig in triggers:
        if trig.pred.pos == "NOUN" and trig.parent is None and not trig.pred.symmetric:
            for ref in victim_refs(trig.token, refs):
                if ref.entity_id not in trig.roles.source and ref.etype != "PLACE":
                    trig.roles.add("target", ref)


REACTION_WORDS = frozenset({"aussitot", "riposte", "represailles", "represaille", "reponse", "retour",
                            "reagir", "repliquer", "riposter"})
REACTION_REACH = 3  # sentences back to the event reacted to


def _reacts(span) -> bool:
    """The trigger's clause tells a reaction: "a aussitôt promis", "en
    riposte", "en représailles", "a réagi en ...", "a répliqué en ..."."""
    tok = span.root
    verb = tok if tok.pos_ in ("VERB", "AUX") else next(
        (a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), tok)
    near = [verb, *verb.children, *(a for a in list(verb.ancestors)[:2] if a.pos_ == "VERB")]
    for word in near:
        lemma = fold(word.lemma_)
        if lemma in ("reponse", "retour") and case_of(word) != "en":
            continue
        if lemma in REACTION_WORDS:
            return True
    return False


def add_reaction_targets(events: list[Event], doc) -> None:
    """A directed event told as a reaction, with a source and no target
    ("Moscou a aussitôt promis des contre-mesures"), targets whoever acted in
    the event it reacts to: the sources of the latest directed event a few
    sentences before it in which its own side takes no part."""
    ordered = sorted(events, key=lambda e: (e.sentence, e.start))
    for n, event in enumerate(ordered):
        if not event.source or event.target or event.status == "negated":
            continue
        span = expand_span(doc, event.start, event.end)
        if span is None or len(span) == 0 or not _reacts(span):
            continue
        side = set(event.participants)
        before = next((e for e in reversed(ordered[:n]) if e.source and e.sentence < event.sentence
                       and event.sentence - e.sentence <= REACTION_REACH
                       and not side & set(e.participants)), None)
        if before is None:
            continue
        event.target = [a for a in before.source if a not in side]
        event.participants += [a for a in event.target if a not in event.participants]
