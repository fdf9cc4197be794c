"""Actors that an event implies without naming them in its clause.

Applied to the merged events of one article, before the represented states:

- **Summit roll-up.** A summit is one CONSULT whose actors are the participants
  the article names. The reported gathering of an article ("le sommet de
  l'OTAN", "réunis mardi à X, les dirigeants ...") takes as participants the
  people the article names who hold an office at its date (heads of state,
  ministers, secretaries general), wherever the article names them: "Mark Rutte
  a parlé d'un saut historique" two sentences later is one of the summit's
  people. Only the latest reported gathering of the article gets them (an
  earlier, background summit keeps its own actors).
- **Implied organisation.** A step towards membership or a gathering whose
  organisation goes without saying ("sa candidature", "a demandé à adhérer",
  "la déclaration finale", "le prochain sommet") takes the organisation the
  article speaks of most (its topic), when the event names no organisation.

Both add to ``participants`` only.
"""

from __future__ import annotations

from collections import Counter

from .events_actors import offices_at
from .events_lexicon import fold
from .events_roles import entity_type
from .model import Article, Event, Mention

GATHERING_WORDS = frozenset({"sommet", "reunir", "reuni", "reunis", "reunie", "reunies",
                             "rassembler", "reunion"})
MEMBERSHIP_WORDS = frozenset({"adhesion", "adherer", "candidature", "rejoindre", "integrer",
                              "admission", "elargissement", "membre", "accession", "entree"})
HOSTING_VERBS = frozenset({"accueillir", "organiser", "abriter", "recevoir"})
MEETING_NOUNS = frozenset({"sommet", "session", "reunion", "conference", "forum", "seance"})
FINAL_WORDS = frozenset({"final", "finale", "commun", "commune"})
PERSON_KINDS = frozenset({"name", "surname", "title", "coref", "unknown"})
ORG_KINDS = frozenset({"name", "acronym", "coref", "seat", "demonym", "title"})


def _trigger(event: Event, doc):
    span = doc.char_span(event.start, event.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _words_near(tok) -> set[str]:
    """Folded lemmas and forms of the trigger, its dependents and theirs."""
    near = [tok] + list(tok.children) + [g for c in tok.children for g in c.children]
    return {fold(t.lemma_) for t in near} | {fold(t.text) for t in near}


def is_gathering(event: Event, doc) -> bool:
    """A CONSULT named by a summit noun or a gathering verb."""
    if event.type != "CONSULT":
        return False
    tok = _trigger(event, doc)
    if tok is None:
        return False
    if event.mode == "summit" or {fold(tok.lemma_), fold(tok.text)} & GATHERING_WORDS:
        return True
    # "le pays accueillera la prochaine session / le sommet"
    return fold(tok.lemma_) in HOSTING_VERBS and any(
        c.dep_ == "obj" and fold(c.lemma_) in MEETING_NOUNS for c in tok.children)


def _date(event: Event, article: Article) -> str:
    return event.when.start if event.when is not None and event.when.start else article.date


def roll_up_summits(events: list[Event], mentions: list[Mention], doc, article: Article) -> None:
    """The latest reported gathering takes the office holders the article names."""
    gatherings = [e for e in events if e.status == "reported" and is_gathering(e, doc)
                  and any(entity_type(a) in ("ORG", "COUNTRY") for a in e.participants)
                  and _date(e, article)[:len(article.date)] <= article.date]  # not a later one
    if not gatherings:
        return
    latest = max(_date(e, article)[:10] for e in gatherings)
    people: list[str] = []
    for m in mentions:
        if m.entity_id and m.kind in PERSON_KINDS and entity_type(m.entity_id) == "PERSON" \
                and m.entity_id not in people:
            people.append(m.entity_id)
    for event in gatherings:
        if _date(event, article)[:10] != latest:
            continue
        day = _date(event, article)
        for person in people:
            if person not in event.participants and (
                    person.startswith("x:") or offices_at(person, day)):
                event.participants.append(person)


def topic_org(mentions: list[Mention]) -> str | None:
    """The organisation the article names most often (the latest on a tie)."""
    counts: Counter[str] = Counter()
    last: dict[str, int] = {}
    for m in mentions:
        if m.entity_id and m.kind in ORG_KINDS and entity_type(m.entity_id) == "ORG":
            counts[m.entity_id] += 1
            last[m.entity_id] = m.start
    if not counts:
        return None
    return max(counts, key=lambda eid: (counts[eid], last[eid]))


def implies_org(event: Event, doc) -> bool:
    """A membership step ("sa candidature", "demandé à adhérer") or a gathering
    or its final text ("le prochain sommet", "la déclaration finale")."""
    tok = _trigger(event, doc)
    if tok is None:
        return False
    near = _words_near(tok)
    if near & MEMBERSHIP_WORDS:
        return True
    if event.type == "CONSULT" and is_gathering(event, doc):
        return True
    return event.type == "AGREE" and fold(tok.lemma_) in ("declaration", "communique") \
        and bool(near & FINAL_WORDS)


def add_implied_org(events: list[Event], mentions: list[Mention], doc) -> None:
    """Give a membership step or a gathering with no organisation the article's topic."""
    org = topic_org(mentions)
    if org is None:
        return
    for event in events:
        if any(entity_type(a) == "ORG" for a in event.participants):
            continue
        if implies_org(event, doc):
            event.participants.append(org)


ATTEND_WORDS = frozenset({"participer", "assister", "participe", "assiste"})
SESSION_WORDS = frozenset({"sommet", "discussion", "travail", "travaux", "seance", "debat"})


def _attends(event: Event, doc) -> bool:
    """"X participe (au sommet)", "X assistait", "X a fait le déplacement"."""
    tok = _trigger(event, doc)
    if tok is None or event.type != "CONSULT":
        return False
    if {fold(tok.lemma_), fold(tok.text)} & ATTEND_WORDS:
        what = [fold(c.lemma_) for c in tok.children
                if c.dep_ in ("obj", "obl", "obl:arg", "iobj") and c.pos_ == "NOUN"]
        return all(w in SESSION_WORDS for w in what)  # not "assister au défilé"
    return fold(tok.lemma_) == "deplacement" and fold(tok.head.lemma_) == "faire"


def fold_attendance(events: list[Event], doc) -> list[Event]:
    """Attending a gathering is taking part in it: the attendee joins the
    gathering of the article (the one of the same day, else the latest) and the
    attendance is no event of its own; a negated attendance ("n'a pas fait le
    déplacement") stays, with the gathering's organisation and date."""
    gatherings = [e for e in events if is_gathering(e, doc) and not _attends(e, doc)]
    if not gatherings:
        return events
    out = []
    for event in events:
        if event in gatherings or not _attends(event, doc):
            out.append(event)
            continue
        day = event.when.start[:10] if event.when and event.when.start else None
        same = [g for g in gatherings if g.when and g.when.start and g.when.start[:10] == day]
        reported = [g for g in gatherings if g.status == "reported"]
        gathering = (same or reported or gatherings)[-1]
        if event.where and gathering.where and event.where != gathering.where \
                and not same and event.status != "negated":
            out.append(event)  # elsewhere, another day: another occasion
            continue
        if event.status == "negated":
            event.participants += [a for a in gathering.participants if entity_type(a) == "ORG"
                                   and a not in event.participants]
            event.when = event.when or gathering.when
            out.append(event)
            continue
        gathering.participants += [a for a in event.participants if a not in gathering.participants]
    return out
