"""Membership and role facts from article text.

``extract_facts(doc, mentions, article)`` finds, sentence by sentence:

- lists of states with a membership cue before them ("composée de neuf pays
  membres (A, B, ...)", "regroupe A, B", "ses membres sont A, B") or after them
  ("A et B font partie de X", "A, membre de X");
- accessions ("A a rejoint X en 2017", "A l'a intégré l'an dernier", "A devrait en
  devenir membre à partir de jeudi"), observers, dialogue partners, candidates
  and departures, dated with ``veille.timex`` when the clause gives a date;
- foundings ("Créée en 2001, l'OCS ...") and office appositions ("X, présidente
  de la Commission européenne").

Pronouns, clitics and nouns that stand for an organisation ("l'a intégré",
"en devenir membre", "le bloc") resolve to the organisation mentioned last.
Cue words live in ``data/facts_lexicon.json``. The helpers at the top of this
module (lexicon, sentence views, actor mentions, tense and timex lookup) are
shared with ``veille.relations`` and ``veille.claims``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from .model import Article, Fact, Mention, TimeSpan, type_of
from .text import normalise_quotes
from .timex import Timex, find_timexes, tense_of_clause

LEXICON_PATH = Path(__file__).parent / "data" / "facts_lexicon.json"
NOT_ACTORS = {"adjective", "place"}
_PAREN_YEAR = re.compile(r"\(\s*(?:en\s+)?((?:1[89]|20)\d\d)\s*\)")
_GLUE = re.compile(
    r"(?:[\s,:()\-]|\bet\b|\bou\b|\bainsi que\b|\bpuis\b|\benfin\b|\baussi\b|\bde\b|\bdu\b"
    r"|\bdes\b|\bd'|\bla\b|\ble\b|\bles\b|\bl'|\bau\b|\baux\b|\bà\b|\bsans oublier\b)*"
)
_LOCATIVE = re.compile(r"\b(?:à|au|depuis|de)\s*$")  # "à Vienne": a place, not a state
_DONT = re.compile(r"\bdont\s+(?:la\s+|le\s+|les\s+|l')?$")
_ORG_AFTER = re.compile(
    r"[\s,]*(?:de|du|des|d'|à|au|aux|dans|en)?\s*(?:l'|la\s+|le\s+|les\s+)?")
_BEFORE_FOUNDED = re.compile(
    r"[\s,(]*(?:qui\s+)?(?:a\s+été\s+|avait\s+été\s+|fut\s+|est\s+|était\s+)?")
DROPPED_STATUSES = ("negated", "hypothetical")  # not facts of the knowledge base
_NOW_WORDS = re.compile(r"^(?:actuellement|aujourd'hui|désormais|à ce jour|maintenant|"
                        r"en ce moment|à présent)$")


# --- shared helpers ---------------------------------------------------------------

@lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    """The cue lexicon (``data/facts_lexicon.json``), loaded once."""
    return json.loads(LEXICON_PATH.read_text(encoding="utf-8"))


@lru_cache(maxsize=1024)
def rx(pattern: str) -> re.Pattern[str]:
    """A compiled, case-insensitive lexicon pattern."""
    return re.compile(pattern, re.IGNORECASE)


def lowered(text: str) -> str:
    """Lower case with ASCII apostrophes, same length as ``text`` (offsets hold)."""
    text = normalise_quotes(text)
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


@dataclass
class SentenceView:
    """One sentence with its mentions; ``low`` is the lowered text, offsets are
    relative to ``start`` (the sentence's offset in the article)."""

    index: int
    start: int
    text: str
    low: str
    span: Any
    mentions: list[Mention] = field(default_factory=list)

    def rel(self, mention: Mention) -> tuple[int, int]:
        return mention.start - self.start, mention.end - self.start


def sentence_views(doc: Any, mentions: list[Mention]) -> list[SentenceView]:
    views = [SentenceView(i, s.start_char, s.text, lowered(s.text), s)
             for i, s in enumerate(doc.sents)]
    for m in mentions:
        if 0 <= m.sentence < len(views):
            views[m.sentence].mentions.append(m)
    for v in views:
        v.mentions.sort(key=lambda m: m.start)
    return views


def entity_type(entity_id: str | None) -> str | None:
    if not entity_id:
        return None
    try:
        return type_of(entity_id)
    except (KeyError, IndexError):
        return None


def is_actor(m: Mention, types: tuple[str, ...] = ("COUNTRY", "ORG")) -> bool:
    """A mention that may stand as subject of a fact (never a bare adjective)."""
    return m.kind not in NOT_ACTORS and entity_type(m.entity_id) in types


def is_org(m: Mention) -> bool:
    return bool(m.entity_id and m.entity_id.startswith("org:")) and m.kind not in NOT_ACTORS


def last_org_before(mentions: list[Mention], pos: int) -> str | None:
    """The organisation mentioned last before the absolute offset ``pos``."""
    best: Mention | None = None
    for m in mentions:
        if m.end <= pos and is_org(m) and (best is None or m.start > best.start):
            best = m
    return best.entity_id if best else None


def tense_at(view: SentenceView, rel_pos: int, default: str = "present") -> str:
    """Tense of the clause holding the token at ``rel_pos`` of the sentence."""
    for tok in view.span:
        if tok.idx - view.start >= rel_pos:
            try:
                return tense_of_clause(tok)
            except Exception:  # noqa: BLE001 - a parse oddity must not stop extraction
                return default
    return default


def timexes(view: SentenceView, article: Article, tense: str) -> list[Timex]:
    """Temporal expressions of the sentence (offsets relative to the sentence)."""
    try:
        return find_timexes(view.text, article.date, tense)  # type: ignore[arg-type]
    except Exception:  # noqa: BLE001 - an odd date must not stop extraction
        return []


def clause_break(low: str) -> list[int]:
    """Offsets in ``low`` where a new clause starts ("tandis que", ";")."""
    return [m.start() for m in rx(lexicon()["clause_breaks"]).finditer(low)]


# --- groups of states ---------------------------------------------------------------

@dataclass
class Group:
    """States listed together ("la Chine, l'Inde et le Pakistan")."""

    members: list[Mention]
    start: int  # relative to the sentence
    end: int
    dated: dict[str, str] = field(default_factory=dict)  # entity id -> year in "(1973)"


def is_glue(gap: str) -> bool:
    """Only list words between two items; or one or two words ending the previous
    name before a comma ("les Emirats arabes unis, le Venezuela")."""
    gap = _PAREN_YEAR.sub(" ", gap)
    if _GLUE.fullmatch(gap):
        return True
    comma = gap.find(",")
    return (0 < comma <= 20 and len(gap[:comma].split()) <= 2
            and _GLUE.fullmatch(gap[comma:]) is not None)


def state_groups(view: SentenceView, types: tuple[str, ...] = ("COUNTRY",)) -> list[Group]:
    """Runs of actor mentions joined only by list glue, with per-item years."""
    groups: list[Group] = []
    pending: list[str] = []
    for m in view.mentions:
        s, e = view.rel(m)
        if not is_actor(m, types) or (m.kind == "capital" and _LOCATIVE.search(view.low[:s])):
            continue
        if groups and s >= groups[-1].end and is_glue(view.low[groups[-1].end:s]):
            gap = view.low[groups[-1].end:s]
            _date_pending(groups[-1], pending, gap)
            group = groups[-1]
        else:
            group = Group([], s, e)
            groups.append(group)
            pending = []
        if all(x.entity_id != m.entity_id for x in group.members):
            group.members.append(m)
            pending.append(m.entity_id or "")
        group.end = e
    for g in groups:  # a year right after the last item: "et l'Angola (2007)"
        tail = re.match(r"\s*\(\s*(?:en\s+)?((?:1[89]|20)\d\d)\s*\)", view.low[g.end:])
        if tail:
            for m in reversed(g.members):
                if m.entity_id in g.dated:
                    break
                g.dated[m.entity_id or ""] = tail.group(1)
    return groups


def _date_pending(group: Group, pending: list[str], gap: str) -> None:
    year = _PAREN_YEAR.search(gap)
    if year:
        for eid in pending:
            group.dated[eid] = year.group(1)
        pending.clear()


# --- membership ---------------------------------------------------------------------

@dataclass
class Cue:
    rule: dict[str, Any]
    start: int
    end: int
    side: str


def _right_cue(view: SentenceView, g: Group, stop: int) -> Cue | None:
    window = view.low[g.end:stop]
    best: Cue | None = None
    for rule in lexicon()["membership"]:
        if rule["side"] != "right":
            continue
        m = rx(rule["re"]).search(window)
        if m and m.start() <= 80 and (best is None or g.end + m.start() < best.start):
            best = Cue(rule, g.end + m.start(), g.end + m.end(), "right")
    return best


def _left_cue(view: SentenceView, start: int, g: Group) -> Cue | None:
    window = view.low[start:g.start]
    best: Cue | None = None
    for rule in lexicon()["membership"]:
        if rule["side"] != "left":
            continue
        for m in rx(rule["re"]).finditer(window):
            gap = window[m.end():]
            if len(gap) > rule.get("max_gap", 40) or re.search(r"[.;]", gap):
                continue
            if best is None or start + m.end() > best.end:
                best = Cue(rule, start + m.start(), start + m.end(), "left")
    return best


def _paren_cue(view: SentenceView, g: Group, left: int) -> Cue | None:
    """A list in parentheses right after an organisation: "les BRICS (le Brésil, ...)"."""
    opening = view.low.rfind("(", left, g.start)
    if opening == -1 or ")" in view.low[opening:g.start] or g.start - opening > 40:
        return None
    for m in view.mentions:
        s, e = view.rel(m)
        if is_org(m) and e <= opening and opening - e <= 3:
            rule = {"predicate": "member_of", "kind": "list", "org": "left"}
            return Cue(rule, opening, opening + 1, "left")
    return None


def _windows(view: SentenceView, groups: list[Group], i: int) -> tuple[int, int]:
    """Clause start (before group i) and clause end (after it), sentence-relative."""
    g = groups[i]
    left = groups[i - 1].end if i else 0
    right = groups[i + 1].start if i + 1 < len(groups) else len(view.low)
    breaks = clause_break(view.low)
    left = max([left] + [b for b in breaks if b < g.start])
    right = min([right] + [b for b in breaks if b >= g.end])
    return left, right


def _org_for(view: SentenceView, mentions: list[Mention], g: Group, cue: Cue,
             left: int, right: int) -> str | None:
    lex = lexicon()
    orgs = [(view.rel(m), m) for m in view.mentions if is_org(m)]
    mode = cue.rule["org"]
    anaphor = rx(lex["org_anaphors"])
    before_group = view.start + g.start
    if cue.side == "right":
        for (s, _e), m in orgs:
            if cue.start <= s <= cue.end + 50 and s < right:
                return m.entity_id
        tail = view.low[cue.end:min(right, cue.end + 40)]
        if re.search(_DONT, view.low[left:g.start]):
            return last_org_before(mentions, before_group)
        if rx(lex["org_clitics"]).search(view.low[g.end:cue.end]) or anaphor.search(tail):
            return last_org_before(mentions, before_group)
        return last_org_before(mentions, before_group) if mode == "fallback" else None
    after = [m for (s, _e), m in orgs
             if g.end <= s <= g.end + 12 and _ORG_AFTER.fullmatch(view.low[g.end:s])]
    if after and mode != "left":
        return after[0].entity_id
    inside = [m for (s, _e), m in orgs if left <= s < g.start]
    if inside:
        return inside[-1].entity_id
    if re.search(_DONT, view.low[left:g.start]):
        return last_org_before(mentions, before_group)
    if mode == "left":
        hit = (anaphor.search(view.low[left:cue.start])
               or re.search(r"\bses\b", view.low[left:cue.end]))
        return last_org_before(mentions, before_group) if hit else None
    if mode == "fallback" or anaphor.search(view.low[left:min(right, g.end + 40)]):
        return last_org_before(mentions, before_group)
    return None


def _status(context: str) -> str:
    pats = lexicon()["status"]
    for status in ("negated", "expected", "hypothetical", "planned"):
        if rx(pats[status]).search(context):
            return status
    return "stated"


def _valid_from(view: SentenceView, article: Article, g: Group, cue: Cue, status: str,
                left: int, right: int) -> TimeSpan | None:
    kind = cue.rule["kind"]
    if kind == "list":
        return None
    default = "future" if status in ("expected", "planned") else "past"
    tense = tense_at(view, cue.start, default)
    if tense == "present" and kind == "event" and status == "stated":
        tense = default
    found = [t for t in timexes(view, article, tense)
             if t.kind != "duration" and left <= t.start and t.end <= right]
    if kind == "state":
        found = [t for t in found if t.text.lower().startswith("depuis")]
    else:
        found = [t for t in found if not _NOW_WORDS.match(t.text.lower())]
    after = [t for t in found if t.start >= g.end]
    chosen = (after or found or [None])[0]
    return chosen.span if chosen else None


def _membership(view: SentenceView, mentions: list[Mention], article: Article) -> list[Fact]:
    facts: list[Fact] = []
    groups = state_groups(view)
    for i, g in enumerate(groups):
        left, right = _windows(view, groups, i)
        rcue = _right_cue(view, g, right)
        lcue = _left_cue(view, left, g)
        cue = rcue if rcue and (rcue.start - g.end <= 15 or lcue is None) else lcue
        if cue is None:
            cue = _paren_cue(view, g, left)
        if cue is None:
            continue
        org = _org_for(view, mentions, g, cue, left, right)
        if org is None:
            continue
        ctx = view.low[g.end:cue.end] if cue.side == "right" else view.low[left:cue.end]
        status = _status(ctx)
        if status in DROPPED_STATUSES:
            continue
        since = _valid_from(view, article, g, cue, status, left, right)
        for m in g.members:
            if m.entity_id == org:
                continue
            year = g.dated.get(m.entity_id or "") if cue.rule["predicate"] == "member_of" else None
            start = TimeSpan(year, year, "year", year) if year else since
            facts.append(Fact(m.entity_id or "", cue.rule["predicate"], org, start, None,
                              status, view.index, start=view.start + min(g.start, cue.start),
                              end=view.start + max(g.end, cue.end)))  # type: ignore[arg-type]
    return facts


# --- founding and offices ------------------------------------------------------------

def _founded(view: SentenceView, mentions: list[Mention], article: Article) -> list[Fact]:
    facts: list[Fact] = []
    lex = lexicon()
    for cue in rx(lex["founded"]["re"]).finditer(view.low):
        org = None
        for m in view.mentions:
            s, e = view.rel(m)
            gap = view.low[e:cue.start()]
            if is_org(m) and e <= cue.start() and _BEFORE_FOUNDED.fullmatch(gap):
                org = m.entity_id
        if org is None and not view.low[:cue.start()].strip(" «\"'"):
            comma = view.low.find(",", cue.end())
            if comma != -1:
                rest = view.low[comma:comma + 60]
                first = next((m for m in view.mentions if is_org(m)
                              and comma <= view.rel(m)[0] <= comma + 60), None)
                if first is not None:
                    org = first.entity_id
                elif rx(lex["org_anaphors"]).search(rest):
                    org = last_org_before(mentions, view.start + comma)
        if org is None:
            continue
        dates = [t for t in timexes(view, article, "past")
                 if cue.start() <= t.start <= cue.end() + 50 and t.kind != "duration"]
        if dates:
            facts.append(Fact(org, "founded", None, dates[0].span, None, "stated", view.index,
                              start=view.start + cue.start(), end=view.start + cue.end()))
    return facts


def _offices(view: SentenceView) -> list[Fact]:
    facts: list[Fact] = []
    office = lexicon()["office"]
    for m in view.mentions:
        if m.kind in NOT_ACTORS or entity_type(m.entity_id) != "PERSON":
            continue
        _s, e = view.rel(m)
        hit = rx(office["re"]).match(view.low[e:])
        if not hit:
            continue
        raw = view.text[e:e + hit.end()]
        title = rx(office["stop"]).sub("", raw.lstrip(", ").strip()).strip(" ,")
        title = re.sub(r"^(?:l'actuel(?:le)?\s+|le\s+|la\s+)", "", normalise_quotes(title),
                       flags=re.IGNORECASE)
        if title:
            facts.append(Fact(m.entity_id or "", "holds_office", title, None, None, "stated",
                              view.index, start=m.start, end=view.start + e + hit.end()))
    return facts


# --- entry point -----------------------------------------------------------------------

def _precision_rank(span: TimeSpan | None) -> int:
    return {"day": 0, "month": 1, "year": 2}.get(span.precision, 3) if span else 9


def merge_facts(facts: list[Fact]) -> list[Fact]:
    """One fact per (subject, predicate, object, status): the best-dated one."""
    best: dict[tuple[str, str, str | None, str], Fact] = {}
    for f in facts:
        key = (f.subject, f.predicate, f.object, f.status)
        if key not in best or _precision_rank(f.valid_from) < _precision_rank(best[key].valid_from):
            best[key] = f
    return sorted(best.values(), key=lambda f: (f.start, f.subject))


def extract_facts(doc: Any, mentions: list[Mention], article: Article) -> list[Fact]:
    """Membership, founding and office facts stated in the article."""
    ordered = sorted(mentions, key=lambda m: m.start)
    facts: list[Fact] = []
    for view in sentence_views(doc, ordered):
        facts += _membership(view, ordered, article)
        facts += _founded(view, ordered, article)
        facts += _offices(view)
    return merge_facts(facts)
