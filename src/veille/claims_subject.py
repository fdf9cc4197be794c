"""The subject of a quantitative claim: the entity a figure is about.

Member counts take an organisation; other figures, in order, the state of an
adjective after the unit ("230 soldats français"), the state in parentheses
before it ("le Canada (12 %)"), the people or place a count belongs to ("des
habitants du Donbass"), the clause subject (persons allowed for durations), the
actor of the comma segment before an elliptical figure ("le Mali de 60 000 bpj"),
the possessor after it ("de l'OTAN"), and finally the actor opening the sentence.
See ``docs/facts.md`` (Claims) for the full order.
"""

from __future__ import annotations

import re

from .claims_units import Unit, demonym_after, is_world_share, lexicon
from .facts_common import SentenceView, entity_type, is_actor, rx, token_at
from .model import Mention
from .numbers import Number

_SEGMENT_START = re.compile(r"[,;(:]")
_LOCATIVE = re.compile(r"\b(?:à|au|depuis|de)\s*$")
_OF = re.compile(r"\b(?:de|du|des|d')\s*(?:l'|la\s+|le\s+|les\s+)?$")
_STOP = re.compile(r"[,;:]|\.(?!\d)")  # punctuation ending a phrase ("2.700" is a number)
_VERB_GAP = re.compile(r"\b(?:est|sont|était|étaient|sera|seront|a|ont|avait|avaient|"
                       r"peu\w+|doi\w+|dev\w+)\b")

_OF_COUNT = re.compile(r"\s*des(?:\s+\d[\d\s.,\u00a0\u202f]*?\d|\s+\d)?(?=\s)")

_RESTATE = re.compile(r"^[\s,(]*(?:soit|c'est-à-dire|ou)\b[^,;:]{0,20}$")
_APPOSITION = re.compile(r"^,\s*(?:le\s+|la\s+|l')?[^,;:()\d]{0,30}$")
_RELATIVE = re.compile(r"\b(?:laquelle|lequel|lesquel(?:le)?s|duquel|desquel(?:le)?s|où)\b")
_COMPARED = re.compile(r"\b(?:derrière|devant|loin\s+devant|comme|contre|que)\s+(?:l'|la\s+|le\s+|les\s+)?$")
_PRONOUN = frozenset(("il", "elle"))

Span = tuple[int, int]


def actors(view: SentenceView, start: int, end: int,
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


def possessor(view: SentenceView, start: int, limit: int = 60,
              types: tuple[str, ...] = ("COUNTRY", "ORG")) -> str | None:
    """"des 32 pays de l'OTAN", "des habitants du Haut-Karabakh": the entity after "de"."""
    for m in actors(view, start, start + limit, types):
        gap = view.low[start:view.rel(m)[0]]
        if _OF.search(gap) and not _STOP.search(gap) and not _VERB_GAP.search(gap):
            return m.entity_id
    return None


def subject_of(view: SentenceView, n: Number, mentions: list[Mention], unit: Unit,
               skip: Span, cut: int, previous: str | None = None) -> str | None:
    """The entity the figure is about, or None when the sentence names none.
    ``cut``: where the previous figure of the sentence ends (its subject is not ours,
    unless "soit" restates it or a relative pronoun continues it: ``previous``); a
    state named in a comparison ("derrière le Mali") is not the subject."""
    if previous and cut and _RESTATE.match(view.low[cut:n.start]):
        return previous  # "600 000 barils par jour, soit 2 % de la production du groupe"
    owner = _adjective_owner(view, unit.end)
    if owner and unit.unit != "countries":
        return owner
    before = view.low[:n.start]
    paren = re.search(r"\(\s*$", before)
    if paren:
        named = [m for m in actors(view, 0, paren.start()) if paren.start() - view.rel(m)[1] <= 2]
        if named:
            return named[-1].entity_id
    if unit.unit == "countries":
        return (possessor(view, unit.end, 40, ("ORG",))
                or clause_subject(view, n, skip, ("ORG",))
                or topic(mentions, view.start + n.start, ("ORG",), view, skip))
    if unit.unit == "rank":  # "le deuxième producteur du continent": a state
        return (_apposed(view, n, ("COUNTRY",))
                or clause_subject(view, n, skip, ("COUNTRY",), mentions)
                or topic(mentions, view.start + n.start, ("COUNTRY",)))
    found = _by_unit(view, n, mentions, unit, skip)
    if found:
        return found
    cut = max([m.end() for m in _SEGMENT_START.finditer(before)] + [cut])
    types = ("COUNTRY", "ORG", "PERSON") if unit.duration else ("COUNTRY", "ORG")
    if previous and _RELATIVE.search(view.low[cut:n.start]) and not actors(
            view, cut, n.start, types):
        return previous  # "le 27e membre de cette zone, où 400 millions de personnes"
    near = [m for m in actors(view, cut, n.start, types)
            if not skip[0] <= view.rel(m)[0] < skip[1]
            and not _COMPARED.search(view.low[max(0, view.rel(m)[0] - 20):view.rel(m)[0]])]
    if near:
        return near[0].entity_id
    return _clause_or_context(view, n, mentions, unit, skip)


def _by_unit(view: SentenceView, n: Number, mentions: list[Mention], unit: Unit,
             skip: Span) -> str | None:
    """Subjects a unit points at: the people a share counts ("52 % des Français"),
    the place a people count belongs to, the state a population is of, the holder
    of a duration ("X, au pouvoir depuis 9 ans"; the clause subject)."""
    if unit.unit.startswith("%"):
        return _share_of_people(view, unit.end)
    if unit.unit == "people":
        right = possessor(view, unit.end, 60, ("COUNTRY", "ORG", "PLACE"))
        if right:
            return right
        window = view.low[max(0, n.start - 60):n.start]
        if unit.measure == "population" and (
                rx(lexicon()["state_anaphors"]).search(window)
                or rx(lexicon()["population_moves"]).search(window[-40:])):
            return topic(mentions, view.start + n.start, ("COUNTRY",))
    if unit.duration:
        return (_apposed(view, n, ("COUNTRY", "ORG", "PERSON"))
                or clause_subject(view, n, skip, ("COUNTRY", "ORG", "PERSON"), mentions))
    return None


def _clause_or_context(view: SentenceView, n: Number, mentions: list[Mention], unit: Unit,
                       skip: Span) -> str | None:
    """The clause subject, the possessor after the figure, the group a world share
    is about, else the actor opening the sentence or the last one before the figure."""
    subj = clause_subject(view, n, skip, ("COUNTRY", "ORG"), mentions,
                          ("ORG",) if is_world_share(unit.measure) else ("COUNTRY",))
    if subj:
        return subj
    right = possessor(view, unit.end)
    if right:
        return right
    if unit.unit.startswith("%") and is_world_share(unit.measure):
        org = topic(mentions, view.start + n.start, ("ORG",), view, skip)
        if org:
            return org
    earlier = [m for m in actors(view, 0, n.start) if not skip[0] <= view.rel(m)[0] < skip[1]]
    if earlier and view.rel(earlier[0])[0] <= 20:
        return earlier[0].entity_id  # the sentence opens on its subject
    return earlier[-1].entity_id if earlier else None


def _apposed(view: SentenceView, n: Number, types: tuple[str, ...]) -> str | None:
    """"X, au pouvoir depuis neuf ans", "pour le Y, premier exportateur": the actor
    right before the comma that opens the figure's apposition."""
    comma = view.low.rfind(",", 0, n.start)
    if comma < 0 or not _APPOSITION.match(view.low[comma:n.start]):
        return None
    named = [m for m in actors(view, 0, comma, types) if comma - view.rel(m)[1] <= 1]
    return named[-1].entity_id if named else None


def _share_of_people(view: SentenceView, unit_end: int) -> str | None:
    """"52 % des Français" -> France; "la moitié des 9 000 Tchadiens du Darfour" ->
    the place the counted people belong to, else the state of the demonym."""
    of_people = _OF_COUNT.match(view.low[unit_end:])
    people = demonym_after(view, unit_end + of_people.end()) if of_people else None
    if people is None:
        return None
    return possessor(view, people[1], 40, ("COUNTRY", "ORG", "PLACE")) or people[2]


def topic(mentions: list[Mention], pos: int, types: tuple[str, ...],
          view: SentenceView | None = None, skip: Span = (0, 0)) -> str | None:
    """The organisation (or state) the article is about so far: the one named most
    often before ``pos`` (outside the attribution phrase), the latest on a tie."""
    lo, hi = (view.start + skip[0], view.start + skip[1]) if view else (0, 0)
    counts: dict[str, tuple[int, int]] = {}
    for m in mentions:
        if m.end <= pos and is_actor(m, types) and not (skip[1] and lo <= m.start < hi):
            count = counts.get(m.entity_id or "", (0, 0))[0]
            counts[m.entity_id or ""] = (count + 1, m.start)
    return max(counts, key=lambda k: counts[k]) if counts else None


def clause_subject(view: SentenceView, n: Number, skip: Span, types: tuple[str, ...],
                   mentions: list[Mention] | None = None,
                   pronoun: tuple[str, ...] = ("COUNTRY",)) -> str | None:
    """The actor in the nominal subject of the first verb above the figure (the
    antecedent for a relative "qui"); the head noun's own mention first. With
    ``mentions``, a subject pronoun "il / elle" stands for the state (of type
    ``pronoun``) the article names most so far, and so does a subject noun that stands for a state ("le petit
    émirat", "le premier producteur") with no name in it."""
    tok = token_at(view, n.start)
    seen = 0
    while tok is not None and seen < 8:
        subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubj:pass")]
        for s in subjects:
            lo = s.left_edge.idx - view.start
            hi = s.right_edge.idx + len(s.right_edge.text) - view.start
            if s.lower_ == "qui":
                lo = max(0, lo - 40)
                found = [m for m in actors(view, lo, hi, types) if re.fullmatch(
                    r"[\s,)]*", view.low[view.rel(m)[1]:s.idx - view.start])]
            else:
                found = [m for m in actors(view, lo, hi, types)
                         if not skip[0] <= view.rel(m)[0] < skip[1]]
            if mentions is not None and not found and (
                    s.lower_ in _PRONOUN or s.lemma_.lower() in lexicon()["state_nouns"]):
                return topic(mentions, view.start + n.start, pronoun)  # "il extrait"
            head = s.idx - view.start
            own = [m for m in found if view.rel(m)[0] <= head < view.rel(m)[1]]
            orgs = [m for m in found if (m.entity_id or "").startswith("org:")]
            if own or orgs or found:
                return (own or orgs or found)[0].entity_id
        if tok.head is tok:
            break
        tok, seen = tok.head, seen + 1
    return None
