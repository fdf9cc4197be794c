"""Relations between states and organisations: cooperation, alignment,
tension, rivalry, conflict.

``extract_relations(doc, mentions, article)`` looks for a relation cue
("partenariat stratégique", "relations tendues", "rivaux", "en guerre contre",
"alliés", see ``relations`` in ``data/facts_lexicon.json``) and takes its
participants from the text around it, never from the whole sentence:

- the states listed right before the cue, or before a relative that carries it
  ("la Chine, l'Inde et le Pakistan, dont les relations sont tendues");
- the states introduced right after it by "entre", "avec", "contre", "à", "opposant"
  ("la guerre entre X et Y", "X est en guerre contre Y").

A group of participants gives one fact per pair (subject before object in the
text); cooperation and alignment are "positive", the other kinds "negative".
"""

from __future__ import annotations

import re
from itertools import combinations
from typing import Any

from .facts_common import SentenceView, clause_break, is_actor, lexicon, rx, sentence_views
from .model import Article, Fact, Mention

_BEFORE_GAP = re.compile(
    r"^[\s,]*(?:(?:qui|dont|ont|a|sont|est|restent|reste|demeurent|n'en|en|pas|moins|"
    r"toujours|désormais|aussi|également|bien|des|de|les|leurs|leur|relations?|"
    r"entretiennent|entretient|se|sont\s+livrés?|mènent|font|l'objet|d'une?|une?|signé|"
    r"conclu|noué|renforcé|établi|scellé|approfondi|lancé|nouveau|nouvelle|véritable)\b"
    r"[\s,]*)*$"
)
_AFTER_INTRO = re.compile(
    r"^[\s,]*(?:\w+\s+){0,3}?(?:entre|avec|contre|à|opposant|vis-à-vis\s+d[eu']?|face\s+à)\s*"
    r"(?:la\s+|le\s+|les\s+|l'|du\s+|de\s+la\s+|de\s+l'|des\s+)?$"
)
_LIST_GLUE = re.compile(
    r"^[\s,]*(?:et|ou|à|avec)?\s*(?:la\s+|le\s+|les\s+|l'|du\s+|de\s+la\s+|de\s+l'|des\s+)?$")


def _participants_before(view: SentenceView, actors: list[Mention], cue_start: int,
                         floor: int) -> list[Mention]:
    """The list of actors ending right before the cue (only filler words between)."""
    found: list[Mention] = []
    limit = cue_start
    for m in reversed(actors):
        s, e = view.rel(m)
        if e > limit or s < floor:
            continue
        gap = view.low[e:limit]
        if (not found and _BEFORE_GAP.match(gap) and len(gap) <= 60) or (
                found and _LIST_GLUE.match(gap)):
            found.insert(0, m)
            limit = s
        elif found or len(gap) > 60:
            break
    return found


def _participants_after(view: SentenceView, actors: list[Mention], cue_end: int,
                        ceiling: int) -> list[Mention]:
    """Actors introduced after the cue by entre / avec / contre / à / opposant."""
    found: list[Mention] = []
    limit = cue_end
    for m in actors:
        s, e = view.rel(m)
        if s < limit or s > ceiling:
            continue
        gap = view.low[limit:s]
        if (not found and _AFTER_INTRO.match(gap)) or (found and _LIST_GLUE.match(gap)):
            found.append(m)
            limit = e
        elif found or len(gap) > 40:
            break
    return found


def _pairs(group: list[Mention]) -> list[tuple[Mention, Mention]]:
    unique: list[Mention] = []
    for m in group:
        if all(u.entity_id != m.entity_id for u in unique):
            unique.append(m)
    return list(combinations(unique, 2))


def _relations_in(view: SentenceView) -> list[Fact]:
    actors = [m for m in view.mentions if is_actor(m)]
    if len(actors) < 2:
        return []
    breaks = clause_break(view.low)
    facts: list[Fact] = []
    for row in lexicon()["relations"]:
        for cue in rx(row["re"]).finditer(view.low):
            floor = max([0] + [b for b in breaks if b < cue.start()])
            ceiling = min([len(view.low)] + [b for b in breaks if b > cue.end()])
            group = _participants_before(view, actors, cue.start(), floor)
            group += _participants_after(view, actors, cue.end(), ceiling)
            for a, b in _pairs(group):
                facts.append(Fact(a.entity_id or "", f"relation:{row['kind']}", b.entity_id,
                                  None, None, "stated", view.index, polarity=row["polarity"],
                                  start=view.start + cue.start(), end=view.start + cue.end()))
    return facts


def extract_relations(doc: Any, mentions: list[Mention], article: Article) -> list[Fact]:
    """Relation facts between pairs of states or organisations, one per pair and kind
    and sentence."""
    ordered = sorted(mentions, key=lambda m: m.start)
    out: list[Fact] = []
    seen: set[tuple[Any, ...]] = set()
    for view in sentence_views(doc, ordered):
        for f in _relations_in(view):
            key = (f.sentence, f.predicate, frozenset((f.subject, f.object)))
            if key not in seen:
                seen.add(key)
                out.append(f)
    return out
