"""Participants of relations: who a mention stands for, lists of participants and
counted references ("les deux pays", "leurs trois voisins").

An ``Item`` is a stretch of a sentence standing for one or more states or
organisations:
- a mention of a state, an organisation, a capital or seat standing for its state,
  a demonym phrase ("la partie russe"), a bloc ("l'Occident");
- a PERSON mention, standing for the state of the office they hold at the article's
  date (``Gazetteer.offices_of``; a person with no office then but a single state in
  their positions stands for it);
- a counted reference "les deux voisins", "leurs trois pays", "des deux rivaux": the
  last list of exactly that many states named before it in the article, else the last
  that many distinct states named before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .facts_common import SentenceView, entity_type, only_list_words
from .gazetteer import load as load_gazetteer
from .model import Article, Mention

_POSSESSIVE = re.compile(r"(?i)(?:son|sa|ses|leurs?)\s")
BLOCS = {"place:western-world"}  # regions that act as a party ("l'Occident")
_NUMBERS = {"deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6}
COUNTED = re.compile(
    r"\b(?:les|des|ces|aux|leurs)\s+(?P<n>deux|trois|quatre|cinq|six)\s+"
    r"(?P<noun>pays|états|voisins|nations|puissances|dirigeants|hommes|géants|rivaux|alliés|"
    r"partenaires|capitales|gouvernements|régimes|juntes|ennemis|frères\s+ennemis)"
    r"(?:\s+(?!membres?\b)[a-zà-ÿ-]+(?:iens|iennes|ains|aines|ais|aises|ois|oises|ens|ennes|"
    r"ques|aux|ales))?")


@dataclass
class Item:
    """A stretch of the sentence (offsets relative to the view) standing for states."""

    start: int
    end: int
    ids: tuple[str, ...]
    noun: str = ""  # head noun of a counted reference ("rivaux")
    kind: str = ""  # the mention's kind
    person: bool = False  # a person standing for their state
    parts: tuple[tuple[str, ...], ...] = ()  # the ids of each member of a list

    def members(self) -> tuple[tuple[str, ...], ...]:
        return self.parts or (self.ids,)


@lru_cache(maxsize=4096)
def _state_of_person(person_id: str, date: str) -> str | None:
    gaz = load_gazetteer()
    try:
        now = [p.of for p in gaz.offices_of(person_id, date)]
    except Exception:  # noqa: BLE001 - an odd date must not stop extraction
        now = []
    if not now:
        now = [p.of for p in gaz.positions_of_person(person_id)]
    states = {o for o in now if entity_type(o) in ("COUNTRY", "ORG")}
    return states.pop() if len(states) == 1 else None


def participant_id(m: Mention, article: Article) -> str | None:
    """The state, organisation or bloc a mention stands for as a party, or None."""
    if not m.entity_id or m.kind in ("adjective", "place"):
        return None
    kind = entity_type(m.entity_id)
    if kind in ("COUNTRY", "ORG"):
        return m.entity_id
    if kind == "PERSON":
        return _state_of_person(m.entity_id, article.date)
    return m.entity_id if m.entity_id in BLOCS else None


def relation_phrase(m: Mention) -> bool:
    """A possessive phrase the resolver took for a party ("son allié"): it names the
    relation of its possessor, not a party."""
    return m.kind == "coref" and bool(_POSSESSIVE.match(m.text))


def mention_items(view: SentenceView, article: Article) -> list[Item]:
    items: list[Item] = []
    for m in view.mentions:
        if relation_phrase(m):
            continue
        pid = participant_id(m, article)
        if pid:
            s, e = view.rel(m)
            items.append(Item(s, e, (pid,), kind=m.kind,
                              person=entity_type(m.entity_id) == "PERSON"))
    return items


def groups_of(items: list[Item], low: str) -> list[Item]:
    """Runs of items joined by list words, each as one item with the union of ids."""
    groups: list[Item] = []
    for it in sorted(items, key=lambda i: i.start):
        if groups and it.start >= groups[-1].end and _glue(low[groups[-1].end:it.start]):
            g = groups[-1]
            g.parts = g.members() + (it.ids,)
            g.ids = tuple(dict.fromkeys(g.ids + it.ids))
            g.end = it.end
            g.noun = ""
        else:
            groups.append(Item(it.start, it.end, it.ids, it.noun, it.kind))
    return groups


def _glue(gap: str) -> bool:
    """List words only; "à", a bare "au" and a colon join two sides, not a list."""
    if re.fullmatch(r"[\s,]*comme\s+avec\s+(?:la\s+|le\s+|les\s+|l'|des\s+)?", gap):
        return True  # "avec A comme avec B"
    # list words only: no missed-name guess here ("et ces deux puissances se
    # renforcent, Moscou" is two clauses, not one list)
    return (only_list_words(gap) and not re.search(r"\bà\b|:", gap) and not re.fullmatch(r"\s*(?:au|aux)\s*", gap))


def counted_items(view: SentenceView, own: list[Item], history: list[Item],
                  seen: list[tuple[str, bool]]) -> list[Item]:
    """Counted references of the sentence, resolved on what was named before them
    (``history``: earlier lists of two or more, in text order; ``seen``: (id, named
    by a person) in order of mention before this sentence). "les deux hommes",
    "les deux dirigeants" stand for the last persons named; other nouns for the last
    list of that size, else the last states named."""
    found: list[Item] = []
    for hit in COUNTED.finditer(view.low):
        # "les deux hommes ... les deux nations": a reference resolved earlier in
        # the sentence counts among what was named before the next one
        earlier = [(i, f.noun in ("hommes", "dirigeants")) for f in found
                   if f.end <= hit.start() for i in f.ids]
        n = _NUMBERS[hit.group("n")]
        if any(it.start < hit.end() and hit.start() < it.end for it in own):
            continue
        persons = hit.group("noun") in ("hommes", "dirigeants")
        ids: tuple[str, ...] | None = None
        if not persons:
            before = history + [g for g in groups_of(own, view.low) if g.end <= hit.start()]
            match = next((g for g in reversed(before) if len(g.ids) == n), None)
            ids = match.ids if match else None
        if ids is None:
            order = seen + [(i, it.person) for it in own if it.end <= hit.start() for i in it.ids]
            order += earlier
            ids = _last_distinct([i for i, p in order if p or not persons], n)
        if ids:
            found.append(Item(hit.start(), hit.end(), ids, noun=hit.group("noun"),
                              kind="counted"))
    return found


def _last_distinct(order: list[str], n: int) -> tuple[str, ...] | None:
    recent: list[str] = []
    for eid in reversed(order):
        if eid not in recent:
            recent.append(eid)
        if len(recent) == n:
            return tuple(reversed(recent))
    return None
