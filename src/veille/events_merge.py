"""Merging the events of one article that tell the same event.

Two events of the same type and the same date with the same actor set are one
event (roles, participants and mode are united; a city replaces a country as
``where``); for symmetric types (CONSULT, AGREE, COOPERATE) with the same
status, one actor set inside the other also merges. The same actors told once
with a date and once without, within two sentences, are one event too (for
symmetric types also when the undated one names no new person and one actor set
holds the other: "arrivé samedi à X ... sa première visite en Y"), unless one
is a summit and the other not. A lone person's trip told near a gathering
(``fold_visits``) is attending it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from functools import lru_cache

from .events_lexicon import fold
from .events_roles import entity_type, is_passive
from .facts_common import expand_span
from .model import Event

SYMMETRIC_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
HOST_VERBS = frozenset({"accueillir"})
CONTINUED_GAP = 3  # sentences between an event and the undated one continuing it
# Types a party does once towards the same organisation: a state leaves an
# organisation once (troops may leave a country twice), however many times and tenses the article tells it in.


def _key_date(event: Event) -> str | None:
    return event.when.start if event.when else None


def _absorb_actors(twin: Event, event: Event) -> None:
    """Add the actors of ``event`` to ``twin``, role by role, without repeats."""
    for attr in ("source", "target", "participants"):
        bucket = getattr(twin, attr)
        bucket.extend(a for a in getattr(event, attr) if a not in bucket)


def merge_events(events: list[Event], doc=None) -> list[Event]:
    """Merge events of the same type and date whose actors are the same (or,
    for symmetric types, one set inside the other). An event told as a return
    or a repeat ("il est retourné en X, où il a rencontré Y") is a new occasion:
    it never joins an event of an earlier sentence; nor do two events whose
    text gives them two different places."""
    again = new_occasions(events, doc) if doc is not None else set()
    out: list[Event] = []
    for event in events:
        twin = next((e for e in out if _same(e, event) and not _apart(e, event, again)), None)
        if twin is None:
            out.append(event)
            continue
        _absorb_actors(twin, event)
        twin.when = twin.when or event.when
        if event.where and (twin.where is None or (
                entity_type(twin.where) == "COUNTRY" and entity_type(event.where) == "PLACE")):
            twin.where = event.where
        twin.mode = twin.mode or event.mode
    return out


RETURN_LEMMAS = frozenset({"retourner", "revenir", "regagner"})
AGAIN_WORDS = ("de nouveau", "a nouveau", "nouvelle fois", "seconde fois", "deuxieme fois")


def new_occasions(events: list[Event], doc) -> set[int]:
    """Starts of the events whose sentence tells a return or a repeat."""
    out: set[int] = set()
    for event in events:
        span = expand_span(doc, event.start, event.end)
        if span is None or len(span) == 0:
            continue
        sent = span.root.sent
        text = " " + " ".join(fold(t.text) for t in sent) + " "
        if any(fold(t.lemma_) in RETURN_LEMMAS for t in sent) or \
                any(f" {w} " in text for w in AGAIN_WORDS):
            out.add(event.start)
    return out


def _apart(a: Event, b: Event, again: set[int]) -> bool:
    """Two occasions the text keeps apart: the later one is a return or a
    repeat told in another sentence, or each has its own place, of one kind."""
    if a.sentence != b.sentence and b.start in again:
        return True
    return bool(a.where and b.where and a.where != b.where
                and entity_type(a.where) == entity_type(b.where))


def _same(a: Event, b: Event) -> bool:
    if a.type != b.type:
        return False
    pa, pb = set(a.participants), set(b.participants)
    if _key_date(a) != _key_date(b):
        # the same actors, one mention dated and one not: one event told twice
        # ("X est arrivé samedi à Y. Il s'agit de sa première visite en Z": one of a kind in the other)
        return a.status == b.status and None in (_key_date(a), _key_date(b)) \
            and abs(a.sentence - b.sentence) <= 2 and _kin(a, b) and (pa == pb or (
                a.type in SYMMETRIC_TYPES and a.mode == b.mode and _retold(a, b)))
    if pa == pb:
        return True
    if a.type in SYMMETRIC_TYPES and a.status == b.status and a.sentence == b.sentence:
        # "X est venu en Chine pour un entretien avec Y": the visited country aside
        pa, pb = (pa - {a.where, b.where}) or pa, (pb - {a.where, b.where}) or pb
    return a.type in SYMMETRIC_TYPES and a.status == b.status and (pa <= pb or pb <= pa)


def _kin(a: Event, b: Event) -> bool:
    """A summit and another kind of meeting are two occasions, dated or not."""
    return a.mode == b.mode or "summit" not in (a.mode, b.mode)


def _retold(a: Event, b: Event) -> bool:
    """The undated one of two events names no person the dated one lacks, and
    one actor set holds the other."""
    undated, dated = (a, b) if _key_date(a) is None else (b, a)
    pa, pb = set(a.participants), set(b.participants)
    people = {p for p in undated.participants if entity_type(p) == "PERSON"}
    return people <= set(dated.participants) and (pa <= pb or pb <= pa)


HEADLINE_ENDS = (".", "!", "?", "»", '"', "…", ":")


def headline_end(text: str) -> int:
    """The end offset of the headline (a first line without a final stop), or 0."""
    stripped = text.lstrip()
    first = stripped.split("\n", 1)[0].rstrip()
    if not first or "\n" not in stripped or first.endswith(HEADLINE_ENDS):
        return 0
    return len(text) - len(stripped) + len(first)


def fold_headline(events: list[Event], text: str) -> list[Event]:
    """A headline event retells an event of the body: when the body has an
    event of the same type sharing an actor, the headline's actors join the
    first such event (which keeps its own date and status) and the headline
    event is dropped."""
    end = headline_end(text)
    if not end:
        return events
    out: list[Event] = []
    body = [e for e in events if e.start >= end]
    for event in events:
        if event.start >= end:
            out.append(event)
            continue
        twin = next((e for e in body if e.type == event.type
                     and set(e.participants) & set(event.participants)), None)
        if twin is None:
            out.append(event)
            continue
        _absorb_actors(twin, event)
        twin.where = twin.where or event.where
    return out


def split_meetings(trig, event: Event) -> list[Event]:
    """"Il a rencontré X et Y": one meeting of the subject with each person met.
    A host welcoming several guests ("X a accueilli A, B et C") is one gathering.
    "Il a été reçu par X, puis par Y" (a person received in turn by several
    hosts) is one meeting with each host."""
    roles = trig.roles
    met = [t for t in roles.target if entity_type(t) == "PERSON" and t not in roles.source]
    if trig.pred.type != "CONSULT" or trig.pred.pos != "VERB" or trig.pred.head in HOST_VERBS:
        return [event]
    if is_passive(trig.token) and len(met) == 1:  # the visitor is the passive subject
        met = [s for s in roles.source if entity_type(s) == "PERSON" and s not in met]
    elif not roles.source:
        return [event]
    if len(met) < 2:
        return [event]
    others = [a for a in event.participants if a not in met]
    return [replace(event, source=[], target=[], participants=others + [person])
            for person in met]


def drop_repeats(events: list[Event], doc, article_start: str | None) -> list[Event]:
    """An event noun naming again an event told before ("l'invasion russe"
    after "la Russie a envahi l'Ukraine le 24 février") is that event, not a new
    one: a later noun-triggered event of the same type whose actors all belong
    to an earlier event (directed types only: two meetings or agreements of
    the same parties are often two events), with no date of its own (none, or the article's date)
    and the same status, joins the earlier one."""
    out: list[Event] = []
    for event in events:
        twin = next((e for e in out if e.type == event.type and e.status == event.status
                     and event.type not in SYMMETRIC_TYPES
                     and set(event.participants) <= set(e.participants)), None) \
            if _key_date(event) in (None, article_start) and _is_noun(event, doc) else None
        if twin is None:
            out.append(event)
    return out


def _is_noun(event: Event, doc) -> bool:
    span = expand_span(doc, event.start, event.end)
    return span is not None and len(span) > 0 and span[0].pos_ in ("NOUN", "PROPN")


def continued_date(event: Event, events: list[Event]):
    """An undated reported event whose source is that of the latest event told
    before it, dated, a few sentences up ("Mercredi, X avait condamné le coup.
    X avait aussi appelé l'armée au calme") continues that story: it takes
    that date."""
    if event.status != "reported" or not event.source:
        return None
    before = [e for e in events if e.sentence < event.sentence]
    last = max(before, key=lambda e: (e.sentence, e.start), default=None)
    if last is not None and event.sentence - last.sentence <= CONTINUED_GAP and \
            last.when is not None and last.status == "reported" and \
            set(last.source) & set(event.source):
        return last.when
    return None


LIST_ACTORS = frozenset({"PERSON", "COUNTRY", "ORG"})
LIST_ITEM_MAX = 30  # tokens: a list line names someone, it tells nothing


class ColonList:
    """A list set out after a colon: "X s'est entretenu avec plusieurs
    dirigeants :" then one line per person met ("• Le président brésilien,
    Lula."). Each line without a verb of its own gives one event of the
    introducing sentence, with the actors of the line added."""

    def __init__(self) -> None:
        self.intro: list[Event] = []

    def items(self, sent, refs, told: list[Event]) -> list[Event]:
        """The events a list line yields (none for any other sentence); a
        sentence ending with a colon opens a list with the events it tells."""
        if not sent.text.strip():
            return []  # the blank between two lines
        named = [r.entity_id for r in refs
                 if r.etype in LIST_ACTORS and not r.adjective]
        if self.intro and not told and named and _is_item(sent, refs):
            return [_listed(event, named) for event in self.intro]
        self.intro = list(told) if sent.text.rstrip().endswith(":") else []
        return []


def _is_item(sent, refs) -> bool:
    """A short line with no verb outside its mentions."""
    covered = {i for r in refs for i in range(r.first, r.last + 1)}
    words = [t for t in sent if t.is_alpha]
    return len(sent) <= LIST_ITEM_MAX and not any(
        t.pos_ in ("VERB", "AUX") and t.i not in covered for t in words)


def _listed(event: Event, named: list[str]) -> Event:
    """A copy of ``event`` with the actors of one list line."""
    new = [a for a in dict.fromkeys(named) if a not in event.participants]
    copy = replace(event, source=list(event.source), target=list(event.target),
                   participants=list(event.participants) + new)
    if event.type not in SYMMETRIC_TYPES:
        copy.target += [a for a in new if a not in copy.target]
    return copy


VISIT_DAYS = 3  # a visit told within these days of a gathering's start is for it
ARRIVAL_LEMMAS = frozenset({"arriver"})


def event_day(event: Event) -> date | None:
    if event.when is None or not event.when.start or len(event.when.start) < 10:
        return None
    try:
        return date.fromisoformat(event.when.start[:10])
    except ValueError:
        return None


@lru_cache(maxsize=1)
def _gazetteer():
    from .gazetteer import load

    return load()


def _country(place: str | None) -> str | None:
    """The state a place lies in (the place itself for a state)."""
    if place is None or entity_type(place) == "COUNTRY":
        return place
    return _gazetteer().country_of(place)


def _visited(visit: Event, gathering: Event) -> bool:
    """The visit goes where the gathering is (same place or state, or either
    place unknown) within a few days of its start."""
    start, day = event_day(gathering), event_day(visit)
    if start is None or day is None or not 0 <= (day - start).days <= VISIT_DAYS:
        return False
    if visit.where is None or gathering.where is None or visit.where == gathering.where:
        return True
    return _country(visit.where) == _country(gathering.where)


def _lone_visit(event: Event, doc) -> bool:
    """One person's trip ("effectue son premier déplacement en X", "est
    attendu jeudi à Y"), not an arrival, which is told as a visit of its own."""
    span = expand_span(doc, event.start, event.end)
    tok = span.root if span is not None and len(span) else None
    return event.type == "CONSULT" and event.mode == "visit" and tok is not None \
        and fold(tok.lemma_) not in ARRIVAL_LEMMAS \
        and sum(entity_type(a) == "PERSON" for a in event.participants) == 1


def fold_visits(events: list[Event], doc) -> list[Event]:
    """A person's trip to a gathering told apart is attending it: a reported
    visit joins the gathering (its person becomes a participant, the visit is
    no event of its own); a planned or expected one stays, with the
    gathering's organisation."""
    from .events_gathering import is_gathering  # it reads the merged events

    gatherings = [e for e in events if e.status == "reported" and is_gathering(e, doc)]
    if not gatherings:
        return events
    out = []
    for event in events:
        host = next((g for g in gatherings if g is not event and _visited(event, g)), None) \
            if _lone_visit(event, doc) and event.status != "negated" else None
        if host is None:
            out.append(event)
        elif event.status == "reported":
            host.participants += [a for a in event.participants
                                  if entity_type(a) == "PERSON" and a not in host.participants]
        else:
            event.participants += [a for a in host.participants if entity_type(a) == "ORG"
                                   and a not in event.participants]
            out.append(event)
    return out
