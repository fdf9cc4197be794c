"""Merging the events of one article that tell the same event.

Two events of the same type and the same date with the same actor set are one
event (roles, participants and mode are united; a city replaces a country as
``where``); for symmetric types (CONSULT, AGREE, COOPERATE) with the same
status, one actor set inside the other also merges. The same actors told once
with a date and once without, within two sentences, are one event too.
"""

from __future__ import annotations

from dataclasses import replace

from .events_roles import entity_type
from .model import Event

SYMMETRIC_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
HOST_VERBS = frozenset({"accueillir"})


def _key_date(event: Event) -> str | None:
    return event.when.start if event.when else None


def merge_events(events: list[Event]) -> list[Event]:
    """Merge events of the same type and date whose actors are the same (or,
    for symmetric types, one set inside the other)."""
    out: list[Event] = []
    for event in events:
        twin = next((e for e in out if _same(e, event)), None)
        if twin is None:
            out.append(event)
            continue
        for attr in ("source", "target", "participants"):
            bucket = getattr(twin, attr)
            bucket.extend(a for a in getattr(event, attr) if a not in bucket)
        twin.when = twin.when or event.when
        if event.where and (twin.where is None or (
                entity_type(twin.where) == "COUNTRY" and entity_type(event.where) == "PLACE")):
            twin.where = event.where
        twin.mode = twin.mode or event.mode
    return out


def _same(a: Event, b: Event) -> bool:
    if a.type != b.type:
        return False
    pa, pb = set(a.participants), set(b.participants)
    if _key_date(a) != _key_date(b):
        # the same actors, one mention dated and one not: one event told twice
        return pa == pb and a.status == b.status and None in (_key_date(a), _key_date(b)) \
            and abs(a.sentence - b.sentence) <= 2
    if pa == pb:
        return True
    return a.type in SYMMETRIC_TYPES and a.status == b.status and (pa <= pb or pb <= pa)


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
        for attr in ("source", "target", "participants"):
            bucket = getattr(twin, attr)
            bucket.extend(a for a in getattr(event, attr) if a not in bucket)
        twin.where = twin.where or event.where
    return out


def split_meetings(trig, event: Event) -> list[Event]:
    """"Il a rencontré X et Y": one meeting of the subject with each person met.
    A host welcoming several guests ("X a accueilli A, B et C") is one gathering."""
    roles = trig.roles
    met = [t for t in roles.target if entity_type(t) == "PERSON" and t not in roles.source]
    if trig.pred.type != "CONSULT" or trig.pred.pos != "VERB" or not roles.source \
            or len(met) < 2 or trig.pred.head in HOST_VERBS:
        return [event]
    others = [a for a in event.participants if a not in met]
    return [replace(event, source=[], target=[], participants=others + [person])
            for person in met]
