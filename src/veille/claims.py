"""Quantitative claims from article text: shares ("40 % de la population
mondiale", "un quart du PIB mondial"), member counts ("compte neuf pays
membres"), amounts with units ("1,5 milliard de dollars", "300 000 soldats",
"2 millions de barils par jour").

Each claim gets the entity the figure is about (the clause subject, the
possessor, or the state named just before an elliptical figure), a qualifier
("plus de" -> "more than"), the date it describes (a date in its clause, else the
article date) and the source it is attributed to ("selon le FMI", "X estime
que"; "selon certains chiffres" -> None). Years, dates, ordinals ("15e sommet"),
ages and numbers inside names are never claims; a number with no unit word is
not a claim either. Numbers are read by ``veille.numbers``; cue words live in
``data/facts_lexicon.json``.
"""

from __future__ import annotations

import re
from typing import Any

from .facts import (
    SentenceView, is_actor, last_org_before, lexicon, rx, sentence_views, tense_at, timexes,
)
from .model import Article, Claim, Mention, TimeSpan
from .numbers import Number, find_numbers

_YEAR = re.compile(r"^(?:1[89]|20|21)\d\d$")
_SEGMENT_START = re.compile(r"[,;(:]")
_MEMBER_VERBS = re.compile(
    r"\b(?:compt\w*|regroup\w*|réun\w*|rassembl\w*|compos\w*|comprend\w*)\b")
_LOCATIVE = re.compile(r"\b(?:à|au|depuis|de)\s*$")
_OF = re.compile(r"\b(?:de|du|des|d')\s*(?:l'|la\s+|le\s+|les\s+)?$")
_NOT_AS_OF = re.compile(r"^(?:depuis|pendant|durant|jusqu|d'ici|à partir|il y a)")


def _unit(view: SentenceView, n: Number) -> tuple[str, str, int] | None:
    """(unit, measure, end of the unit words) of a figure, or None."""
    after = view.low[n.end:n.end + 80]
    lex = lexicon()
    if n.fraction:
        if not re.match(r"\s*(?:de|du|des|d')\b", after):
            return None
        return "%", _share_measure(view, n.end, n.end), n.end
    for row in lex["units"]:
        m = rx(row["re"]).match(after)
        if not m:
            continue
        end = n.end + m.end()
        if row["unit"] == "%":
            return "%", _share_measure(view, end, n.start), end
        return row["unit"], _amount_measure(view, n, row["measure"]), end
    return None


def _amount_measure(view: SentenceView, n: Number, default: str) -> str:
    """What an amount measures, from the nearest cue noun before it ("un prêt de")."""
    if default not in ("amount", "oil production"):
        return default
    before = view.low[max(0, n.start - 60):n.start]
    best: tuple[int, str] | None = None
    for row in lexicon()["amount_measures"]:
        if default == "oil production" and row["measure"] != "oil production cut":
            continue
        for m in rx(row["re"]).finditer(before):
            if best is None or m.end() > best[0]:
                best = (m.end(), row["measure"])
    return best[1] if best else default


def _share_measure(view: SentenceView, pos: int, num_start: int) -> str:
    """The measure of a share from the words after it ("de la population mondiale")."""
    lex = lexicon()
    after = view.low[pos:pos + 80]
    world = rx(lex["world_words"])
    for row in lex["shares"]:
        m = rx(row["re"]).match(after)
        if not m:
            continue
        measure = row["measure"]
        if measure == "share":
            return "share"
        tail = view.low[pos:pos + m.end() + 20]
        if world.search(tail) or world.search(view.low[:num_start]):
            return measure
        return measure.replace(" of world", " of")
    return "percentage"


def _qualifier(view: SentenceView, n: Number) -> str | None:
    before = view.low[max(0, n.start - 30):n.start]
    for row in lexicon()["qualifiers"]:
        if rx(row["re"]).search(before):
            return row["q"]
    return "about" if n.approx else None


def _skip(view: SentenceView, n: Number, unit: str, spans: list[tuple[int, int]]) -> bool:
    """Ordinals, years, dates, ages, numbers inside names and inside dates."""
    lex = lexicon()
    if n.ordinal or any(s <= n.start < e for s, e in spans):
        return True
    if _YEAR.match(n.text) and unit != "%":
        return unit not in ("people", "USD", "EUR", "barrels per day")
    if rx(lex["skip_before"]).search(view.low[max(0, n.start - 25):n.start]):
        return True
    return bool(rx(lex["skip_after"]).match(view.low[n.end:n.end + 20]))


def _actors(view: SentenceView, start: int, end: int,
            types: tuple[str, ...] = ("COUNTRY", "ORG")) -> list[Mention]:
    return [m for m in view.mentions
            if is_actor(m, types) and start <= view.rel(m)[0] and view.rel(m)[1] <= end
            and not (m.kind == "capital" and _LOCATIVE.search(view.low[:view.rel(m)[0]]))]


def _adjective_owner(view: SentenceView, unit_end: int) -> str | None:
    """"157 soldats français": the state of an adjective right after the unit."""
    for m in view.mentions:
        s = view.rel(m)[0]
        if m.kind == "adjective" and unit_end <= s <= unit_end + 2 and m.entity_id:
            return m.entity_id
    return None


def _subject(view: SentenceView, n: Number, mentions: list[Mention], unit: str,
             unit_end: int, skip: tuple[int, int]) -> str | None:
    """The entity the figure is about."""
    owner = _adjective_owner(view, unit_end)
    if owner:
        return owner
    before = view.low[:n.start]
    paren = re.search(r"\(\s*$", before)
    if paren:
        named = [m for m in _actors(view, 0, paren.start()) if paren.start() - view.rel(m)[1] <= 2]
        if named:
            return named[-1].entity_id
    cut = max((m.end() for m in _SEGMENT_START.finditer(before)), default=0)
    near = [m for m in _actors(view, cut, n.start) if not skip[0] <= view.rel(m)[0] < skip[1]]
    if near:
        return near[0].entity_id
    subj = _clause_subject(view, n, skip)
    if subj:
        return subj
    for m in _actors(view, n.end, n.end + 60, ("COUNTRY", "ORG", "PLACE")):
        gap = view.low[n.end:view.rel(m)[0]]
        if _OF.search(gap) and not re.search(r"[,;.]", gap):
            return m.entity_id
    if unit in ("%", "countries"):
        return last_org_before(mentions, view.start + n.start)
    earlier = [m for m in _actors(view, 0, n.start) if not skip[0] <= view.rel(m)[0] < skip[1]]
    if earlier:
        return earlier[-1].entity_id
    later = [m for m in view.mentions if m.kind == "adjective" and m.entity_id
             and 0 <= view.rel(m)[0] - unit_end <= 40
             and not re.search(r"[,;.]", view.low[unit_end:view.rel(m)[0]])]
    return later[0].entity_id if later else None


def _clause_subject(view: SentenceView, n: Number, skip: tuple[int, int]) -> str | None:
    """The actor in the nominal subject of the first verb above the figure (the
    antecedent for a relative "qui")."""
    tok = next((t for t in view.span if t.idx - view.start >= n.start), None)
    seen = 0
    while tok is not None and seen < 8:
        subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubj:pass")]
        for s in subjects:
            lo = s.left_edge.idx - view.start
            hi = s.right_edge.idx + len(s.right_edge.text) - view.start
            if s.lower_ == "qui":
                lo = max(0, lo - 40)
                found = [m for m in _actors(view, lo, hi) if re.fullmatch(
                    r"\s*,?\s*", view.low[view.rel(m)[1]:s.idx - view.start])]
            else:
                found = [m for m in _actors(view, lo, hi)
                         if not skip[0] <= view.rel(m)[0] < skip[1]]
            orgs = [m for m in found if (m.entity_id or "").startswith("org:")]
            if orgs or found:
                return (orgs or found)[0].entity_id
        if tok.head is tok:
            break
        tok, seen = tok.head, seen + 1
    return None


def _attribution(view: SentenceView, n: Number) -> tuple[str | None, tuple[int, int]]:
    """The source of the figure, and the span of the attribution phrase."""
    att = lexicon()["attribution"]
    for m in rx(att["prep"]).finditer(view.low):
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
    for m in rx(att["verbs"]).finditer(view.low[:n.start]):
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


def _member_measure(view: SentenceView, n: Number, measure: str, subject: str | None) -> str:
    if measure != "country count":
        return measure
    window = view.low[max(0, n.start - 40):n.end + 40]
    if _MEMBER_VERBS.search(window) or (subject or "").startswith("org:"):
        return "member count"
    return measure


def _claims_in(view: SentenceView, mentions: list[Mention], article: Article) -> list[Claim]:
    claims: list[Claim] = []
    names = [view.rel(m) for m in view.mentions]
    found = None
    for n in find_numbers(view.low):
        got = _unit(view, n)
        if got is None:
            continue
        unit, measure, end = got
        if found is None:
            found = timexes(view, article, tense_at(view, 0))
        spans = names + [(t.start, t.end) for t in found if t.kind != "duration"]
        if _skip(view, n, unit, spans) or (unit == "countries" and n.value < 3):
            continue
        source, att_span = _attribution(view, n)
        subject = _subject(view, n, mentions, unit, end, att_span)
        measure = _member_measure(view, n, measure, subject)
        if measure == "country count":
            continue  # "les trois pays": a reference to states named before, not a figure
        claims.append(Claim(subject, measure, n.value, unit, _qualifier(view, n),
                            _as_of(view, n, article, found), source, view.index,
                            view.start + n.start, view.start + end, view.text[n.start:end]))
    return claims


def extract_claims(doc: Any, mentions: list[Mention], article: Article) -> list[Claim]:
    """Every quantitative claim of the article, in text order."""
    ordered = sorted(mentions, key=lambda m: m.start)
    out: list[Claim] = []
    seen: set[tuple[Any, ...]] = set()
    for view in sentence_views(doc, ordered):
        for c in _claims_in(view, ordered, article):
            key = (view.index, c.subject, c.measure, c.value, c.unit)
            if key not in seen:
                seen.add(key)
                out.append(c)
    return out
