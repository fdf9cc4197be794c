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

import json
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from .facts import (
    SentenceView, entity_type, is_actor, rx, sentence_views, tense_at, timexes,
)
from .model import Article, Claim, Mention, TimeSpan
from .numbers import Number, find_numbers

LEXICON_PATH = Path(__file__).parent / "data" / "claims_lexicon.json"


@lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    """The claims lexicon (``data/claims_lexicon.json``), loaded once."""
    with LEXICON_PATH.open(encoding="utf-8") as fh:
        return json.load(fh)


_YEAR = re.compile(r"^(?:1[89]|20|21)\d\d$")
_SEGMENT_START = re.compile(r"[,;(:]")
_MEMBER_VERBS = re.compile(
    r"\b(?:compt\w*|regroup\w*|réun\w*|rassembl\w*|compos\w*|comprend\w*)\b")
_LOCATIVE = re.compile(r"\b(?:à|au|depuis|de)\s*$")
_OF = re.compile(r"\b(?:de|du|des|d')\s*(?:l'|la\s+|le\s+|les\s+)?$")
_NOT_AS_OF = re.compile(r"^(?:depuis|pendant|durant|jusqu|d'ici|à partir|il y a)")
_STOP = re.compile(r"[,;:]|\.(?!\d)")  # punctuation ending a phrase ("2.700" is a number)
_DURATION_TIMEX = re.compile(r"^(?:depuis|pendant|durant|en|il y a|dans)\s")
_VERB_GAP = re.compile(r"\b(?:est|sont|était|étaient|sera|seront|a|ont|avait|avaient|"
                       r"peu\w+|doi\w+|dev\w+)\b")
_ORDINAL_SUFFIX = re.compile(r"(?:ème|eme|ère|er|re|e|è|ᵉʳ|ᵉ|nde|nd)\b")


@dataclass(frozen=True)
class Unit:
    """What follows a figure: its unit, default measure and where the unit words end."""

    unit: str
    measure: str
    end: int
    duration: bool = False


def _unit(view: SentenceView, n: Number) -> Unit | None:
    """The unit of a figure, or None (a number with no unit word is not a claim)."""
    after = view.low[n.end:n.end + 80]
    lex = lexicon()
    if n.ordinal:
        suffix = _ORDINAL_SUFFIX.match(after)
        shift = suffix.end() if suffix else 0
        m = rx(lex["member_ordinal"]).match(after[shift:])
        return Unit("countries", "member count", n.end + shift + m.end()) if m else None
    if n.fraction:
        if not re.match(r"\s*(?:de|du|des|d')\b", after):
            return None
        return _percent(view, n.end, n.start, n.end)
    for row in lex["units"]:
        m = rx(row["re"]).match(after)
        if not m:
            continue
        end = n.end + m.end()
        if row["unit"] == "%":
            return _percent(view, end, n.start, end)
        return Unit(row["unit"], _amount_measure(view, n, row["measure"]), end,
                    bool(row.get("duration")))
    demonym = _demonym_after(view, n.end)
    if demonym is not None:
        return Unit("people", "people", view.rel(demonym)[1])
    return None


def _percent(view: SentenceView, pos: int, num_start: int, end: int) -> Unit:
    """A share: "% of GDP" for a share of the subject's own GDP, else "%"."""
    measure = _share_measure(view, pos, num_start)
    return Unit("% of GDP" if measure == "share of GDP" else "%", measure, end)


def _demonym_after(view: SentenceView, pos: int) -> Mention | None:
    """"1 346 Français", "120 000 Arméniens": a plural demonym right after a number."""
    for m in view.mentions:
        s, e = view.rel(m)
        if (m.kind in ("adjective", "demonym") and m.entity_id and 0 < s - pos <= 2
                and view.low[e - 1:e] == "s" and view.low[pos:s].strip() == ""):
            return m
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


def _skip(view: SentenceView, n: Number, unit: Unit, spans: list[tuple[int, int]]) -> bool:
    """Years, dates, ages, numbers inside names and inside dates; durations that
    frame something else ("en un an", "il y a trois ans", "un homme de 33 ans")."""
    lex = lexicon()
    if any(s <= n.start < e for s, e in spans):
        return True
    if _YEAR.match(n.text) and unit.unit != "%":
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


def _actors(view: SentenceView, start: int, end: int,
            types: tuple[str, ...] = ("COUNTRY", "ORG")) -> list[Mention]:
    """Mentions that may be the subject of a figure, within [start, end)."""
    return [m for m in view.mentions
            if (is_actor(m, types) or (m.kind == "place" and "PLACE" in types
                                       and entity_type(m.entity_id) == "PLACE"))
            and start <= view.rel(m)[0] and view.rel(m)[1] <= end
            and not (m.kind == "capital" and _LOCATIVE.search(view.low[:view.rel(m)[0]]))]


def _adjective_owner(view: SentenceView, unit_end: int) -> str | None:
    """"230 soldats français", "blessés parmi les soldats tchadiens": the state of an
    adjective right after the unit, or after "parmi / chez les <noun>"."""
    for m in view.mentions:
        s = view.rel(m)[0]
        if m.kind not in ("adjective", "demonym") or not m.entity_id:
            continue
        gap = view.low[unit_end:s]
        if s < unit_end:
            continue
        if len(gap) <= 2 or (len(gap) <= 45 and re.search(
                r"\b(?:parmi|chez|dans)\s+(?:les|leurs|ses)\s+[\w-]+\s*$", gap)
                and not _STOP.search(gap)):
            return m.entity_id
    return None


def _possessor(view: SentenceView, start: int, limit: int = 60,
               types: tuple[str, ...] = ("COUNTRY", "ORG")) -> str | None:
    """"des 32 pays de l'OTAN", "des habitants du Haut-Karabakh": the entity after "de"."""
    for m in _actors(view, start, start + limit, types):
        gap = view.low[start:view.rel(m)[0]]
        if _OF.search(gap) and not _STOP.search(gap) and not _VERB_GAP.search(gap):
            return m.entity_id
    return None


def _subject(view: SentenceView, n: Number, mentions: list[Mention], unit: Unit,
             skip: tuple[int, int], cut: int) -> str | None:
    """The entity the figure is about, or None when the sentence names none.
    ``cut``: where the previous figure of the sentence ends (its subject is not ours)."""
    owner = _adjective_owner(view, unit.end)
    if owner and unit.unit != "countries":
        return owner
    before = view.low[:n.start]
    paren = re.search(r"\(\s*$", before)
    if paren:
        named = [m for m in _actors(view, 0, paren.start()) if paren.start() - view.rel(m)[1] <= 2]
        if named:
            return named[-1].entity_id
    if unit.unit == "countries":
        return (_possessor(view, unit.end, 40, ("ORG",))
                or _clause_subject(view, n, skip, ("ORG",))
                or _topic(mentions, view.start + n.start, ("ORG",), view, skip))
    of_people = re.match(r"\s*des", view.low[unit.end:])
    people = _demonym_after(view, unit.end + of_people.end()) if of_people else None
    if unit.unit.startswith("%") and people is not None:
        return people.entity_id  # "52 % des Français"
    if unit.unit == "people":
        right = _possessor(view, unit.end, 60, ("COUNTRY", "ORG", "PLACE"))
        if right:
            return right
        if unit.measure == "population" and rx(lexicon()["state_anaphors"]).search(
                view.low[max(0, n.start - 60):n.start]):
            return _topic(mentions, view.start + n.start, ("COUNTRY",))
    if unit.duration:
        subj = _clause_subject(view, n, skip, ("COUNTRY", "ORG", "PERSON"))
        if subj:
            return subj
    cut = max([m.end() for m in _SEGMENT_START.finditer(before)] + [cut])
    near = [m for m in _actors(view, cut, n.start) if not skip[0] <= view.rel(m)[0] < skip[1]]
    if near:
        return near[0].entity_id
    subj = _clause_subject(view, n, skip, ("COUNTRY", "ORG"))
    if subj:
        return subj
    right = _possessor(view, unit.end)
    if right:
        return right
    if unit.unit.startswith("%"):
        org = _topic(mentions, view.start + n.start, ("ORG",), view, skip)
        if org:
            return org
    earlier = [m for m in _actors(view, 0, n.start) if not skip[0] <= view.rel(m)[0] < skip[1]]
    if earlier and view.rel(earlier[0])[0] <= 20:
        return earlier[0].entity_id  # the sentence opens on its subject
    return earlier[-1].entity_id if earlier else None


def _topic(mentions: list[Mention], pos: int, types: tuple[str, ...],
           view: SentenceView | None = None, skip: tuple[int, int] = (0, 0)) -> str | None:
    """The organisation (or state) the article is about so far: the one named most
    often before ``pos`` (outside the attribution phrase), the latest on a tie."""
    lo, hi = (view.start + skip[0], view.start + skip[1]) if view else (0, 0)
    counts: dict[str, tuple[int, int]] = {}
    for m in mentions:
        if m.end <= pos and is_actor(m, types) and not (skip[1] and lo <= m.start < hi):
            count = counts.get(m.entity_id or "", (0, 0))[0]
            counts[m.entity_id or ""] = (count + 1, m.start)
    return max(counts, key=lambda k: counts[k]) if counts else None


def _clause_subject(view: SentenceView, n: Number, skip: tuple[int, int],
                    types: tuple[str, ...]) -> str | None:
    """The actor in the nominal subject of the first verb above the figure (the
    antecedent for a relative "qui"); the head noun's own mention first."""
    tok = next((t for t in view.span if t.idx - view.start >= n.start), None)
    seen = 0
    while tok is not None and seen < 8:
        subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubj:pass")]
        for s in subjects:
            lo = s.left_edge.idx - view.start
            hi = s.right_edge.idx + len(s.right_edge.text) - view.start
            if s.lower_ == "qui":
                lo = max(0, lo - 40)
                found = [m for m in _actors(view, lo, hi, types) if re.fullmatch(
                    r"[\s,)]*", view.low[view.rel(m)[1]:s.idx - view.start])]
            else:
                found = [m for m in _actors(view, lo, hi, types)
                         if not skip[0] <= view.rel(m)[0] < skip[1]]
            head = s.idx - view.start
            own = [m for m in found if view.rel(m)[0] <= head < view.rel(m)[1]]
            orgs = [m for m in found if (m.entity_id or "").startswith("org:")]
            if own or orgs or found:
                return (own or orgs or found)[0].entity_id
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


def _member_measure(view: SentenceView, n: Number, unit: Unit, subject: str | None) -> str | None:
    """"N pays": a member count beside "compte / regroupe" or "de <organisation>";
    None for a reference back to states named before ("les trois pays")."""
    if unit.measure != "country count":
        return unit.measure
    window = view.low[max(0, n.start - 40):n.end + 40]
    if _MEMBER_VERBS.search(window) or _possessor(view, unit.end, 30):
        return "member count"
    if rx(lexicon()["back_reference"]).search(view.low[max(0, n.start - 12):n.start]):
        return None
    return "member count" if (subject or "").startswith("org:") else None


def _claims_in(view: SentenceView, mentions: list[Mention], article: Article) -> list[Claim]:
    claims: list[Claim] = []
    names = [view.rel(m) for m in view.mentions]
    found = None
    previous: Unit | None = None
    last_end = 0
    for n in find_numbers(view.low, rx(lexicon()["single_units"])):
        unit = _unit(view, n)
        if unit is None:
            continue
        if found is None:
            found = timexes(view, article, tense_at(view, 0))
        spans = names + [(t.start, t.end) for t in found if t.kind != "duration"
                         and not (unit.duration and _DURATION_TIMEX.match(t.text.lower())
                                  and not _YEAR.search(t.text))]
        if _skip(view, n, unit, spans) or (unit.unit == "countries" and n.value < 3):
            continue
        source, att_span = _attribution(view, n)
        subject = _subject(view, n, mentions, unit, att_span, last_end)
        measure = _member_measure(view, n, unit, subject)
        if measure is None:
            continue
        unit = _inherit(unit, measure, previous)
        previous, last_end = unit, unit.end
        claims.append(Claim(subject, unit.measure, n.value, unit.unit, _qualifier(view, n),
                            _as_of(view, n, article, found), source, view.index,
                            view.start + n.start, view.start + unit.end,
                            view.text[n.start:unit.end]))
    return claims


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
    the article is one claim. A figure whose sentence names no subject takes the
    subject of the claim just before it (within two sentences), else the state
    named last before it."""
    ordered = sorted(mentions, key=lambda m: m.start)
    out: list[Claim] = []
    seen: set[tuple[Any, ...]] = set()
    for view in sentence_views(doc, ordered):
        for c in _claims_in(view, ordered, article):
            if c.subject is None:
                c = _fallback_subject(c, out, ordered)
            key = (c.subject, c.value, c.unit)
            if key not in seen:
                seen.add(key)
                out.append(c)
    return out


def _fallback_subject(claim: Claim, before: list[Claim], mentions: list[Mention]) -> Claim:
    recent = [c for c in before if c.subject and claim.sentence - c.sentence <= 2]
    if recent:
        return replace(claim, subject=recent[-1].subject)
    states = [m for m in mentions if m.end <= claim.start and is_actor(m, ("COUNTRY",))]
    return replace(claim, subject=states[-1].entity_id) if states else claim
