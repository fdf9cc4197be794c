"""Quantitative claims from article text: shares ("40 % de la population
mondiale", "un quart du PIB mondial"), member counts ("compte neuf pays
membres"), amounts with units ("1,5 milliard de dollars", "300 000 soldats",
"2 millions de barils par jour"), casualties ("250 morts") and durations with a
cue ("depuis onze ans", "une trêve de 48 heures").

Each claim gets the entity the figure is about (the clause subject, the
possessor, or the state named just before an elliptical figure), a qualifier
("plus de" -> "more than"), the date it describes (a date in its clause, else the
article date) and the source it is attributed to ("selon le FMI", "X estime
que"; "selon certains chiffres" -> None). Years, dates, ordinals ("15e sommet"),
ages and numbers inside names are never claims; a number with no unit word is
not a claim either. Numbers are read by ``veille.numbers``; cue words live in
``data/claims_lexicon.json``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from .claims_subject import possessor, subject_of
from .claims_units import YEAR, Unit, lexicon, unit_of
from .facts_common import (
    SentenceView,
    is_actor,
    rx,
    rx_scan,
    sentence_views,
    tense_at,
    timexes,
)
from .model import Article, Claim, Mention, TimeSpan
from .numbers import SCALES, Number, find_numbers

_MEMBER_VERBS = re.compile(
    r"\b(?:compt\w*|regroup\w*|réun\w*|rassembl\w*|compos\w*|comprend\w*)\b")
_NOT_AS_OF = re.compile(r"^(?:depuis|pendant|durant|jusqu|d'ici|à partir|il y a)")
_ALLOCATED = re.compile(r"^\s*(?:pour|consacrée?s?\s+à|dédiée?s?\s+à|affectée?s?\s+à|réservée?s?\s+à)\b")
_AGAINST = re.compile(r"^\s*contre\s*$")
_RANGE_FROM = re.compile(r"\b(?:de|entre)\s*$")
_RANGE_TO = re.compile(r"^\s*(?:à|et|-|–)\s*$")
_SCALE = re.compile(r"\b(?:milliards?|millions?|mille)\b", re.IGNORECASE)
_DURATION_TIMEX = re.compile(r"^(?:depuis|pendant|durant|en|il y a|dans)\s")


def _qualifier(view: SentenceView, n: Number) -> str | None:
    before = view.low[max(0, n.start - 30):n.start]
    for row in lexicon()["qualifiers"]:
        if rx(row["re"]).search(before):
            return row["q"]
    return "about" if n.approx else None


def _skip(view: SentenceView, n: Number, unit: Unit, spans: list[tuple[int, int]]) -> bool:
    """Years, dates, ages, numbers inside names and inside dates; durations that
    frame something else ("en un an", "il y a trois ans", "un homme de 33 ans")."""
    lex = lexicon()
    if any(s <= n.start < e for s, e in spans):
        return True
    if YEAR.match(n.text) and unit.unit != "%":
        return unit.unit not in ("people", "USD", "EUR", "barrels per day")
    before = view.low[max(0, n.start - 40):n.start]
    if rx(lex["skip_before"]).search(before[-25:]):
        return True
    if unit.duration:
        after = view.low[unit.end:unit.end + 30]
        if rx(lex["duration_skip_before"]).search(before) or rx(
                lex["duration_skip_after"]).match(after):
            return True
        # a duration is a claim only with a cue: "depuis / pendant N ans",
        # "une trêve de N jours", "N ans de suspension" (not an age: "un homme de 33 ans")
        return not (rx(lex["duration_cue_before"]).search(before)
                    or rx(lex["duration_heads"]).search(before)
                    or rx(lex["duration_cue_after"]).match(after))
    return bool(rx(lex["skip_after"]).match(view.low[n.end:n.end + 20]))


def _attribution(view: SentenceView, n: Number) -> tuple[str | None, tuple[int, int]]:
    """The source of the figure, and the span of the attribution phrase."""
    att = lexicon()["attribution"]
    for m in rx_scan(att["prep"]).finditer(view.low):
        stop = re.search(r"[,;.:«»\"]", view.low[m.end():])
        end = m.end() + (stop.start() if stop else len(view.low) - m.end())
        phrase = view.text[m.end():end].strip()
        if m.start() > n.start and m.start() - n.end > 80:
            continue
        hit = next((x for x in view.mentions if x.entity_id and x.kind not in ("adjective",)
                    and m.end() <= view.rel(x)[0] <= m.end() + 25 and view.rel(x)[0] < end), None)
        if hit:
            return hit.entity_id, (m.start(), end)
        if rx(att["generic_sources"]).search(phrase.lower()) or not phrase:
            return None, (m.start(), end)
        return phrase, (m.start(), end)
    for m in rx_scan(att["verbs"]).finditer(view.low[:n.start]):
        speakers = [x for x in view.mentions if x.entity_id and x.kind != "adjective"
                    and 0 <= m.start() - view.rel(x)[1] <= 60]
        if speakers:
            return speakers[-1].entity_id, (view.rel(speakers[-1])[0], m.end())
    return None, (0, 0)


def _as_of(view: SentenceView, n: Number, article: Article, found: list[Any]) -> TimeSpan:
    near = [t for t in found if t.kind != "duration" and not _NOT_AS_OF.match(t.text.lower())
            and not (t.start <= n.start < t.end) and t.span.start
            and min(abs(t.start - n.end), abs(n.start - t.end)) <= 80]
    if near:
        best = min(near, key=lambda t: min(abs(t.start - n.end), abs(n.start - t.end)))
        return best.span
    return TimeSpan(article.date, article.date, article.date_precision)


def _member_measure(view: SentenceView, n: Number, unit: Unit, subject: str | None) -> str | None:
    """"N pays": a member count beside "compte / regroupe" or "de <organisation>";
    None for a reference back to states named before ("les trois pays")."""
    back = rx(lexicon()["back_reference"]).search(view.low[max(0, n.start - 12):n.start])
    if unit.measure == "leaders":  # "les deux dirigeants": the people named before
        return None if back or n.value < 3 else unit.measure
    if unit.measure != "country count":
        return unit.measure
    window = view.low[max(0, n.start - 40):n.end + 40]
    if _MEMBER_VERBS.search(window) or possessor(view, unit.end, 30):
        return "member count"
    if back:
        return None
    return "member count" if (subject or "").startswith("org:") else None


def _claims_in(view: SentenceView, mentions: list[Mention], article: Article) -> list[Claim]:
    claims: list[Claim] = []
    names = [view.rel(m) for m in view.mentions]
    found = None
    previous: Unit | None = None
    last_end = 0
    last_subject: str | None = None
    numbers = find_numbers(view.low, rx_scan(lexicon()["single_units"]))
    for i, n in enumerate(numbers):
        unit = unit_of(view, n)
        if unit is None:
            n, unit = _borrowed(view, n, numbers[i + 1:], previous, last_end)
        if unit is None:
            continue
        if found is None:
            found = timexes(view, article, tense_at(view, 0))
        spans = names + [(t.start, t.end) for t in found if t.kind != "duration"
                         and not (unit.duration and _DURATION_TIMEX.match(t.text.lower())
                                  and not YEAR.search(t.text))]
        if _skip(view, n, unit, spans) or (unit.unit == "countries" and n.value < 3):
            continue
        source, att_span = _attribution(view, n)
        subject = subject_of(view, n, mentions, unit, att_span, last_end, last_subject)
        measure = _member_measure(view, n, unit, subject)
        if measure is None:
            continue
        unit = _inherit(unit, measure, previous)
        previous, last_end, last_subject = unit, unit.end, subject
        claims.append(Claim(subject, unit.measure, n.value, unit.unit, _qualifier(view, n),
                            _as_of(view, n, article, found), source, view.index,
                            view.start + n.start, view.start + unit.end,
                            view.text[n.start:unit.end]))
    return claims


def _borrowed(view: SentenceView, n: Number, after: list[Number], previous: Unit | None,
              last_end: int) -> tuple[Number, Unit | None]:
    """A bare number that shares the unit of a neighbour: the low end of a range
    ("de 12 à 15 millions de tonnes" -> 12 million tonnes) or the second side of a
    score ("par 90 voix contre 7")."""
    if previous is not None and last_end and _AGAINST.match(view.low[last_end:n.start]):
        return n, Unit(previous.unit, previous.measure, n.end, previous.duration)
    if not after or not _RANGE_FROM.search(view.low[:n.start]) or not _RANGE_TO.match(
            view.low[n.end:after[0].start]):
        return n, None
    unit = unit_of(view, after[0])
    scale = _SCALE.search(after[0].text)
    if unit is None or after[0].ordinal or n.ordinal:
        return n, None
    if scale and not _SCALE.search(n.text):
        n = replace(n, value=n.value * SCALES[scale.group(0).lower()])
    return n, Unit(unit.unit, unit.measure, n.end, unit.duration)


def _inherit(unit: Unit, measure: str, previous: Unit | None) -> Unit:
    """An elliptical figure takes the measure (and share unit) of the one before it
    in the sentence: "le Tchad réduit de 300 000 bpj, le Mali de 60 000 bpj"; "2 % du PIB,
    dont 0,5 % pour ..."."""
    generic = measure in lexicon()["measure_inherit"]
    if previous is not None and generic:
        if previous.unit == unit.unit or (unit.unit == "%" and previous.unit == "% of GDP"):
            return Unit(previous.unit, previous.measure, unit.end, unit.duration)
    return Unit(unit.unit, measure, unit.end, unit.duration)


def extract_claims(doc: Any, mentions: list[Mention], article: Article) -> list[Claim]:
    """Every quantitative claim of the article, in text order; a figure repeated in
    the article is one claim, and a figure with no subject (a headline) gives way to
    the same figure with one. A figure whose sentence names no subject takes the
    subject of the same figure stated before, else of the claim just before it
    (within two sentences), else the state (else organisation) named last before it,
    else (a headline) the first one named after it."""
    ordered = sorted(mentions, key=lambda m: m.start)
    out: list[Claim] = []
    stated: list[Claim] = []  # every figure in text order, repeats included
    seen: set[tuple[Any, ...]] = set()
    for view in sentence_views(doc, ordered, join_fragments=True):
        for c in _claims_in(view, ordered, article):
            c = _allocation(c, stated, view)
            if c.subject is None:
                c = _fallback_subject(c, out, ordered)
            stated.append(c)
            key = (c.subject, c.value, c.unit)
            if key not in seen:
                seen.add(key)
                out.append(c)
    named = {(c.value, c.unit) for c in out if c.subject}
    return [c for c in out if c.subject or (c.value, c.unit) not in named]


def _allocation(claim: Claim, before: list[Claim], view: SentenceView) -> Claim:
    """"N % pour X et M % pour Y" right after a share of GDP: the parts of that share
    (same unit and subject)."""
    if claim.measure != "percentage" or not before or before[-1].unit != "% of GDP":
        return claim
    if claim.sentence - before[-1].sentence > 2:
        return claim
    after = view.low[claim.end - view.start:claim.end - view.start + 20]
    if not _ALLOCATED.match(after):
        return claim
    return replace(claim, unit="% of GDP", measure=before[-1].measure,
                   subject=claim.subject or before[-1].subject)


def _fallback_subject(claim: Claim, before: list[Claim], mentions: list[Mention]) -> Claim:
    """The subject of the same figure stated earlier, else of a recent claim (a person
    only for a duration), else the state named last before the figure."""
    same = [c for c in before if c.subject and (c.value, c.unit) == (claim.value, claim.unit)]
    if same:
        return replace(claim, subject=same[-1].subject)
    recent = [c for c in before if c.subject and claim.sentence - c.sentence <= 2
              and (claim.measure == "duration" or not c.subject.startswith("person:"))]
    if recent:
        return replace(claim, subject=recent[-1].subject)
    for types in (("COUNTRY",), ("COUNTRY", "ORG")):
        named = [m for m in mentions if m.end <= claim.start and is_actor(m, types)]
        if named:
            return replace(claim, subject=named[-1].entity_id)
    later = [m for m in mentions if m.start >= claim.end and is_actor(m)]
    return replace(claim, subject=later[0].entity_id) if later else claim  # a headline
