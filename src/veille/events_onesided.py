"""Which events of a single actor are kept.

Most PLOVER types relate two parties: with only one found, the other is
missing and the event is more often a topic of the article than an event it
tells. A few kinds are complete with one actor, because the type is one-sided
by nature or because the other party is implicit:

- an organisation's demand with no addressee ("l'organisation réclame un
  accès humanitaire"): REQUEST told by a verb, its one actor an ORG;
- a mobilisation decreed by a state ("X a décrété la mobilisation"): MOBILIZE
  told by the noun;
- a body meeting alone ("le Conseil s'est réuni en urgence"): CONSULT told by
  "(se) réunir", reported, its one actor an ORG.

The types in ``always`` (AGREE, COERCE: a truce declared by one side, a coup)
are kept whatever their trigger.
"""

from __future__ import annotations

from .events_lexicon import fold, match
from .events_roles import entity_type
from .facts_common import expand_span
from .model import Event

# (type, part of speech of the trigger, folded trigger lemmas or None for any,
#  entity type of the one actor or None for any, statuses or None for any)
ALONE: tuple[tuple[str, str, frozenset[str] | None, str | None, frozenset[str] | None], ...] = (
    ("REQUEST", "VERB", None, "ORG", None),
    ("MOBILIZE", "NOUN", frozenset({"mobilisation"}), None, None),
    ("CONSULT", "VERB", frozenset({"reunir"}), "ORG", frozenset({"reported"})),
)


def _trigger(event: Event, doc) -> tuple[str, str] | None:
    """Part of speech and folded head lemma of the event's trigger."""
    span = expand_span(doc, event.start, event.end)
    if span is None:
        return None
    hit = match(span[0]) or match(span.root)
    if hit is None:
        return None
    return hit[0].pos, fold(hit[0].head)


def stands_alone(event: Event, doc) -> bool:
    """A single-actor event of a kind that is complete with one actor."""
    actors = set(event.participants)
    if len(actors) != 1:
        return False
    kind = _trigger(event, doc)
    if kind is None:
        return False
    etype = entity_type(next(iter(actors)))
    for type_, pos, lemmas, actor_type, statuses in ALONE:
        if event.type != type_ or kind[0] != pos:
            continue
        if lemmas is not None and kind[1] not in lemmas:
            continue
        if actor_type is not None and etype != actor_type:
            continue
        if statuses is None or event.status in statuses:
            return True
    return False


def kept(events: list[Event], doc, always: frozenset[str]) -> list[Event]:
    """The events that relate two actors, plus the single-actor ones that
    stand alone (``always`` types, or a kind listed in ``ALONE``)."""
    return [e for e in events if len(set(e.participants)) > 1 or e.type in always
            or stands_alone(e, doc)]
