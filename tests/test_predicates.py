"""The PLOVER lexicon: every entry is well formed and its own example sentence,
run through ``extract_events``, yields an event of the entry's type."""

from __future__ import annotations

import re

import pytest

from veille.events import extract_events
from veille.events_lexicon import compile_entry, fold, load_entries, match, verb_forms
from veille.model import PLOVER_TYPES, Article, Mention

ENTRIES = load_entries()
ARTICLE_DATE = "2024-07-05"


def article_for(text: str, date: str = ARTICLE_DATE, precision: str = "day") -> Article:
    return Article(id="test", date=date, date_precision=precision, text=text)  # type: ignore[arg-type]


def mentions_for(doc, actors: dict[str, str | tuple[str, str] | list[str]]) -> list[Mention]:
    """Mentions for every occurrence of each surface string: ``{"Poutine":
    "person:vladimir-putin", "Astana": ("place:astana", "place")}`` (kind
    "name" unless given)."""
    sents = list(doc.sents)
    out = []
    for surface, value in actors.items():
        entity_id, kind = (value, "name") if isinstance(value, str) else tuple(value)
        for m in re.finditer(r"(?<!\w)" + re.escape(surface) + r"(?!\w)", doc.text):
            index = next(i for i, s in enumerate(sents) if s.start_char <= m.start() < s.end_char)
            out.append(Mention(m.start(), m.end(), surface, index, entity_id, kind))
    # a shorter name inside a longer one ("Inde" in "Indes") is dropped
    out = [m for m in out if not any(o is not m and o.start <= m.start and m.end <= o.end
                                     and (o.end - o.start) > (m.end - m.start) for o in out)]
    return sorted(out, key=lambda m: m.start)


def events_of(nlp, text: str, actors: dict, date: str = ARTICLE_DATE, precision: str = "day"):
    doc = nlp(text)
    return extract_events(doc, mentions_for(doc, actors), article_for(text, date, precision))


def test_predicates_file_has_version_and_enough_entries():
    assert len(ENTRIES) >= 170
    assert {e["pos"] for e in ENTRIES} == {"VERB", "NOUN"}


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: f"{e['lemma']}-{e['type']}")
def test_predicates_entry_is_well_formed(entry):
    pred = compile_entry(entry)
    assert pred.type in PLOVER_TYPES
    assert isinstance(entry["symmetric"], bool)
    assert entry["symmetric"] == (entry["type"] in ("CONSULT", "AGREE", "COOPERATE")) or \
        entry["lemma"] in ("combats", "affrontements", "s'affronter", "conflit", "opposer")
    assert entry["actors"], "an example needs at least one actor"
    for surface in entry["actors"]:
        assert surface in entry["example"]


EVENT_ENTRIES = [e for e in ENTRIES if not e.get("block")]
BLOCK_ENTRIES = [e for e in ENTRIES if e.get("block")]


@pytest.mark.parametrize("entry", EVENT_ENTRIES, ids=lambda e: f"{e['lemma']}-{e['type']}")
def test_predicates_example_yields_event_of_entry_type(nlp, entry):
    events = events_of(nlp, entry["example"], entry["actors"])
    assert entry["type"] in {e.type for e in events}, [(e.type, e.trigger) for e in events]
    event = next(e for e in events if e.type == entry["type"])
    assert event.participants
    if entry["symmetric"]:
        assert event.source == [] and event.target == []


@pytest.mark.parametrize("entry", BLOCK_ENTRIES, ids=lambda e: f"{e['lemma']}-{e['type']}")
def test_predicates_block_entry_silences_its_word(nlp, entry):
    """A blocking idiom ("conférence de presse") fits its example, and there the
    word triggers nothing, so no event of the blocked type comes from it."""
    pred = compile_entry(entry)
    forms = verb_forms(pred.head) if pred.pos == "VERB" else {pred.head}
    doc = nlp(entry["example"])
    heads = [t for t in doc if {fold(t.lemma_), fold(t.text)} & forms]
    assert heads, "the example must contain the blocked word"
    assert all(match(t) is None for t in heads)
    events = events_of(nlp, entry["example"], entry["actors"])
    assert not any(fold(e.trigger).split()[0] in {fold(t.text) for t in heads} for e in events)
