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
"""

from __future__ import annotations

from functools import lru_cache

from .events_roles import entity_type
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
        span = doc.char_span(event.start, event.end, alignment_mode="expand")
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
