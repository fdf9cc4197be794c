"""Relations between states and organisations: cooperation, alignment,
tension, rivalry, conflict.

``extract_relations(doc, mentions, article)`` looks for relation cues (``relations``
in ``data/facts_lexicon.json`` plus ``relations_cues``) and takes their participants
from the text around them, never from the whole sentence (see docs/facts.md,
"Relations"). Participants are states, organisations, capitals and seats standing
for their state, persons standing for the state of their office, and counted
references ("les deux voisins") standing for the list named before
(``relations_refs``).

A cue gives one fact per pair of participants: the pairs across the two sides when
there is a side before and a side after the cue, else the pairs within the one
side. Cooperation and alignment are "positive", the other kinds "negative". One
fact per pair and kind per article (the first evidence is kept).
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import combinations, product
from typing import Any

from . import relations_cues as C
from .facts_common import SentenceView, clause_break, lexicon, rx_scan, sentence_views
from .model import Article, Fact, Mention
from .relations_refs import Item, counted_items, groups_of, mention_items, relation_phrase
from .text import IgnoreCase

Pair = tuple[str, str]


class _Sentence:
    """One sentence's participants: single items, their lists, clause limits."""

    def __init__(self, view: SentenceView, items: list[Item], history: list[Item]):
        self.view = view
        self.low = view.low
        self.items = sorted(items, key=lambda i: i.start)
        self.groups = groups_of(self.items, view.low)
        self.history = history  # lists of earlier sentences (most recent last)
        self.breaks = clause_break(view.low)

    def floor(self, pos: int) -> int:
        return max([0] + [b for b in self.breaks if b <= pos])

    def ceiling(self, pos: int) -> int:
        return min([len(self.low)] + [b for b in self.breaks if b > pos])

    def before(self, cue_start: int) -> Item | None:
        """The list ending right before the cue, only filler words between."""
        floor = self.floor(cue_start)
        for g in reversed(self.groups):
            if g.end <= cue_start and g.start >= floor:
                gap = self.low[g.end:cue_start]
                return g if len(gap) <= 60 and C.BEFORE_GAP.match(gap) else None
        return None

    def after(self, cue_end: int, own_intro: bool) -> Item | None:
        """The list introduced right after the cue ("entre A et B", "avec A")."""
        ceiling = self.ceiling(cue_end)
        for g in self.groups:
            if g.start >= cue_end:
                gap = self.low[cue_end:g.start]
                ok = C.ARTICLE.match(gap) if own_intro else C.AFTER_INTRO.match(gap)
                return g if ok and g.start < ceiling else None
        return None

    def subject(self, cue_start: int) -> list[Item]:
        """The first list of the clause before the cue and lists joined to it by
        "avec" ("A impose avec B et C ...")."""
        floor = self.floor(cue_start)
        inside = [g for g in self.groups if g.start >= floor and g.end <= cue_start]
        if not inside:
            return []
        found = [inside[0]]
        for g in inside[1:]:
            if re.search(r"\bavec\s+(?:la\s+|le\s+|les\s+|l'|des\s+)?$", self.low[:g.start]):
                found.append(g)
        return found

    def first_after(self, pos: int, max_gap: int = 30) -> Item | None:
        """The list starting after ``pos``, with at most ``max_gap`` characters and no
        comma between (0: only an article)."""
        for g in self.groups:
            if g.start >= pos:
                gap = self.low[pos:g.start]
                if max_gap == 0:
                    return g if C.ARTICLE.match(gap) else None
                return g if len(gap) <= max_gap and "," not in gap else None
        return None

    def apposed(self, cue_start: int) -> Item | None:
        """The list right before ", son / sa" and the cue ("B, son allié")."""
        for g in reversed(self.groups):
            if g.end <= cue_start:
                return g if C.APPOSED_HIS.match(self.low[g.end:cue_start]) else None
        return None

    def named_pair_before(self, cue_start: int) -> Item | None:
        """For "leur(s) ...": the last list of two or more named earlier in the clause,
        else every party named earlier in the clause when they are two or more, else
        the last list of two or more of the previous sentences."""
        floor = self.floor(cue_start)
        inside = [g for g in self.groups if g.start >= floor and g.end <= cue_start]
        several = [g for g in inside if len(g.ids) >= 2]
        if several:
            return several[-1]
        ids = tuple(dict.fromkeys(i for g in inside for i in g.ids))
        if len(ids) >= 2:
            return Item(inside[0].start, inside[-1].end, ids)
        return next((g for g in reversed(self.history[-2:]) if len(g.ids) >= 2), None)

    def in_mention(self, start: int, end: int) -> bool:
        """A cue inside a name ("Organisation de coopération de ...")."""
        return any(self.view.rel(m)[0] <= start and end <= self.view.rel(m)[1] + 1
                   for m in self.view.mentions if not relation_phrase(m))


def _pairs(left: tuple[str, ...], right: tuple[str, ...]) -> list[Pair]:
    if left and right:
        return [(a, b) for a, b in product(left, right) if a != b]
    return list(combinations(dict.fromkeys(left or right), 2))


def _pairs_within(group: Item) -> list[Pair]:
    """Pairs among the members of one list: "entre l'Occident et ces deux puissances"
    sets the West against each of the two, not the two against each other; a
    member that is itself several states ("les deux voisins") pairs within."""
    members = group.members()
    if len(members) == 1:
        return _pairs(members[0], ())
    out: list[Pair] = []
    for i, a_ids in enumerate(members):
        for b_ids in members[i + 1:]:
            out += [p for p in _pairs(a_ids, b_ids) if p not in out]
    return out


def _cues() -> list[tuple[str, re.Pattern[str]]]:
    rows = [(r["kind"], rx_scan(r["re"])) for r in lexicon()["relations"]]
    return rows + [(k, rx_scan(p)) for k, p in C.EXTRA_CUES]


@lru_cache(maxsize=4)
def _any_of(patterns: tuple[str, ...]) -> IgnoreCase:
    """One pattern that matches somewhere in a text exactly when one of
    ``patterns`` does: one scan tells a sentence with no cue at all."""
    return IgnoreCase("|".join(f"(?:{p})" for p in patterns))


def _symmetric(s: _Sentence) -> list[tuple[str, Pair, int, int]]:
    """Cues read with a list right before and / or a list introduced right after."""
    out: list[tuple[str, Pair, int, int]] = []
    cues = _cues()
    if not _any_of(tuple(p.pattern for _k, p in cues)).search(s.low):
        return out
    for kind, pattern in cues:
        for cue in pattern.finditer(s.low):
            cs, ce = cue.start(), cue.end()
            if s.in_mention(cs, ce) or C.NEGATED.search(s.low[max(0, cs - 30):cs]):
                continue
            inside = [g for g in s.groups if g.start >= cs and g.end <= ce and len(g.ids) >= 2]
            holder = [g for g in s.groups if g.start <= cs and ce <= g.end]
            if inside or holder:  # "les relations entre les deux voisins", "des deux rivaux"
                for g in inside or holder:
                    out += [(kind, p, cs, ce) for p in _pairs(g.ids, ())]
                continue
            apposed = s.apposed(cs)
            if apposed is not None:  # "B, son allié": B and the subject of the clause
                subject = [g for g in s.subject(apposed.start) if g is not apposed]
                out += [(kind, p, cs, ce) for p in
                        _pairs(subject[0].ids[:1] if subject else (), apposed.ids)]
                continue
            before = s.before(cs)
            after = s.after(ce, bool(C.OWN_INTRO.search(cue.group(0))))
            left = before.ids if before else ()
            right = after.ids if after else ()
            alone = before if before and not after else after if after and not before else None
            role = C.ROLE.match(cue.group(0))  # "leurs alliés" are other parties
            if not before and not role and (C.THEIR.search(s.low[max(0, cs - 25):cs])
                                            or C.THEIR_AFTER.match(s.low[ce:])):
                named = s.named_pair_before(cs)
                left = named.ids if named else ()
                alone = named if named and not right else None
            elif (not before and after and kind != "conflict"
                  and cue.group(0).rstrip().endswith("avec")):
                # "A a rompu avec B", "ses liens avec B et C": the clause's subject
                subject = s.subject(cs)
                left = subject[0].ids[:1] if subject else ()
                right = right if left else ()
                alone = None
            pairs = _pairs_within(alone) if alone is not None else _pairs(left, right)
            out += [(kind, p, cs, ce) for p in pairs]
    return out


def _directed(s: _Sentence) -> list[tuple[str, Pair, int, int]]:
    """"A sanctionne B", "A reproche à B", "A impose avec B un embargo à C",
    "le soutien de A à B", "l'invasion de B par A", "les troupes de A en B"."""
    out: list[tuple[str, Pair, int, int]] = []
    directed = C.DIRECTED_CUES
    if not _any_of(tuple(p for _k, p in directed)).search(s.low):
        directed = []
    for kind, pat in directed:
        for cue in rx_scan(pat).finditer(s.low):
            target = s.first_after(cue.end())
            subject = s.subject(cue.start())
            agents = tuple(i for g in subject for i in g.ids)
            gap = s.low[subject[-1].end:cue.start()] if subject else ""
            if target and agents and len(gap) <= 40 and not C.NEGATION.search(gap):
                out += [(kind, p, cue.start(), cue.end()) for p in _pairs(agents, target.ids)]
    for cue in C.SUPPORT.finditer(s.low):
        giver = s.first_after(cue.end(), 0)
        if giver is None:
            continue
        to = re.match(r"\s*(?:à\s+(?:la\s+|le\s+|l')?|aux?\s+)", s.low[giver.end:])
        receiver = s.first_after(giver.end + to.end(), 0) if to else None
        if receiver is None and to:  # "à l'industrie d'armement russe"
            receiver = _adjective_after(s, giver.end + to.end())
        if receiver:
            out += [("alignment", p, cue.start(), cue.end()) for p in _pairs(giver.ids, receiver.ids)]
    for cue in C.INVASION.finditer(s.low):
        victim = s.first_after(cue.end(), 0)
        if victim is None:
            continue
        by = re.match(r"\s*par\s+(?:la\s+|le\s+|les\s+|l'|des\s+)?", s.low[victim.end:])
        invader = s.first_after(victim.end + by.end(), 0) if by else _troops_before(s, cue.start())
        if invader:
            out += [("conflict", p, cue.start(), cue.end()) for p in _pairs(invader.ids, victim.ids)]
    for troops in s.items:
        if troops.kind == "demonym" and C.TROOPS.search(s.low[troops.start:troops.end]):
            into = re.match(r"\s*(?:en|au)\s+", s.low[troops.end:])
            victim = s.first_after(troops.end + into.end(), 0) if into else None
            if victim:
                out += [("conflict", p, troops.start, troops.end)
                        for p in _pairs(troops.ids, victim.ids)]
    return out


def _troops_before(s: _Sentence, pos: int) -> Item | None:
    floor = s.floor(pos)
    for it in reversed(s.items):
        if floor <= it.start and it.end <= pos and it.kind == "demonym" and C.TROOPS.search(
                s.low[it.start:it.end]):
            return it
    return None


def _adjective_after(s: _Sentence, pos: int) -> Item | None:
    """A state adjective closing the noun phrase that starts at ``pos``."""
    for m in s.view.mentions:
        rs, re_ = s.view.rel(m)
        if rs >= pos and m.kind == "adjective" and m.entity_id:
            gap = s.low[pos:rs]
            return Item(rs, re_, (m.entity_id,)) if len(gap) <= 35 and "," not in gap else None
    return None


def _weak(s: _Sentence, taken: set[int]) -> list[tuple[str, Pair, int, int]]:
    """A disagreement cue with no anchored side, in a clause naming exactly two
    parties before it ("A claque la porte de B, en désaccord sur ...")."""
    out: list[tuple[str, Pair, int, int]] = []
    for cue in re.finditer(r"\b(?:en\s+désaccord|brouillée?s?|en\s+froid|en\s+conflit)\b", s.low):
        if cue.start() in taken:
            continue
        floor = s.floor(cue.start())
        ids = tuple(dict.fromkeys(i for it in s.items if floor <= it.start and it.end <= cue.start()
                                  for i in it.ids))
        if len(ids) == 2:
            out.append(("tension", (ids[0], ids[1]), cue.start(), cue.end()))
    return out


def _relations_in(s: _Sentence) -> list[Fact]:
    found = _symmetric(s) + _directed(s)
    found += _weak(s, {cs for _k, _p, cs, _ce in found})
    facts: list[Fact] = []
    for kind, (a, b), cs, ce in found:
        polarity = "positive" if kind in C.POSITIVE else "negative"
        facts.append(Fact(a, f"relation:{kind}", b, None, None, "stated", s.view.index,
                          polarity=polarity, start=s.view.start + cs, end=s.view.start + ce))
    return facts


def extract_relations(doc: Any, mentions: list[Mention], article: Article) -> list[Fact]:
    """Relation facts between pairs of states or organisations, one per pair and
    kind and article (the first evidence)."""
    ordered = sorted(mentions, key=lambda m: m.start)
    out: list[Fact] = []
    seen: set[tuple[Any, ...]] = set()
    history: list[Item] = []
    named: list[tuple[str, bool]] = []
    for view in sentence_views(doc, ordered):
        own = mention_items(view, article)
        counted = counted_items(view, own, history, named)
        s = _Sentence(view, own + counted, history)
        for f in _relations_in(s):
            key = (f.predicate, frozenset((f.subject, f.object)))
            if f.subject != f.object and key not in seen:
                seen.add(key)
                out.append(f)
        history = history + [g for g in s.groups if len(g.ids) >= 2]
        named += [(i, it.person) for it in own for i in it.ids]
    return out
