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
Cue words live in ``data/facts_lexicon.json``. Shared helpers (lexicon, sentence
views, actor mentions, tense and timex lookup, lists of states, heading lists) live
in ``veille.facts_common`` and are re-exported here for ``veille.claims``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .facts_common import (  # noqa: F401 - re-exported for veille.claims and relations
    LEXICON_PATH,
    NOT_ACTORS,
    PAREN_YEAR,
    YEAR,
    Group,
    SentenceView,
    clause_break,
    clause_dates,
    entity_type,
    heading_lists,
    is_actor,
    is_glue,
    is_org,
    last_org_before,
    lexicon,
    lowered,
    make_fact,
    numbered_groups,
    rx,
    rx_scan,
    sentence_views,
    state_groups,
    tense_at,
    timexes,
)
from .facts_forms import fronted, heading_list_facts, ordinal_series
from .model import Article, Fact, Mention, TimeSpan
from .text import IgnoreCase, normalise_quotes

_DONT = re.compile(r"\bdont\s+(?:la\s+|le\s+|les\s+|l')?$")
_ORG_AFTER = re.compile(
    r"[\s,]*(?:au\s+sein\s+(?:de|du|des|d')|de|du|des|d'|à|au|aux|dans|en)?\s*(?:l'|la\s+|le\s+|les\s+)?")
_BEFORE_FOUNDED = re.compile(
    r"[\s,(]*(?:qui\s+)?(?:a\s+été\s+|avait\s+été\s+|fut\s+|est\s+|était\s+)?")
_NOW_WORDS = re.compile(r"^(?:actuellement|aujourd'hui|désormais|à ce jour|maintenant|"
                        r"en ce moment|à présent)$")


# --- membership ---------------------------------------------------------------------

@dataclass
class Cue:
    rule: dict[str, Any]
    start: int
    end: int
    side: str
    org: str | None = None  # the organisation the cue itself names
    context_from: int = 0  # status words are read from here (after a relative clause)


_RELATIVE = re.compile(r"\s*,\s*(?:qui|dont|que|qu'|où)\b[^,;.]{0,100},")


@lru_cache(maxsize=2)
def _any_cue(side: str) -> IgnoreCase:
    """One pattern that matches somewhere in a text exactly when one of the
    membership cues of ``side`` does: one scan rules out a window with no cue."""
    rules = [r["re"] for r in lexicon()["membership"] if r["side"] == side]
    return IgnoreCase("|".join(f"(?:{p})" for p in rules) or "(?!)")


def _right_cue(view: SentenceView, g: Group, stop: int) -> Cue | None:
    """The first right cue within 80 characters of the list. A relative clause right
    after the list ("A, qui n'en faisait pas partie, devient membre") speaks of another
    time: the main clause's cue wins when there is one."""
    relative = _RELATIVE.match(view.low, g.end, stop)
    if relative:
        main = _first_right_cue(view, relative.end(), stop, g.end)
        if main:
            main.context_from = relative.end()
            return main
    return _first_right_cue(view, g.end, stop)


def _first_right_cue(view: SentenceView, start: int, stop: int,
                     origin: int | None = None) -> Cue | None:
    """The right cue starting first after ``start``, at most 80 characters after
    ``origin`` (the end of the list)."""
    origin = start if origin is None else origin
    window = view.low[start:stop]
    # The cues together start first where the first of them does; there, the first
    # rule (in lexicon order) that matches is the one a scan rule by rule would keep.
    first = _any_cue("right").search(window)
    if first is None or start + first.start() - origin > 80:
        return None
    for rule in lexicon()["membership"]:
        if rule["side"] != "right":
            continue
        m = rx_scan(rule["re"]).match(window, first.start())
        if m:
            return Cue(rule, start + m.start(), start + m.end(), "right")
    return None


def _left_cue(view: SentenceView, start: int, g: Group) -> Cue | None:
    """The left cue ending last before the list (the longest one on a tie); the words
    between may not close a parenthesis opened before it ("membres de l'OCS (OCS) ...")."""
    window = view.low[start:g.start]
    best: Cue | None = None
    if not _any_cue("left").search(window):
        return best
    for rule in lexicon()["membership"]:
        if rule["side"] != "left":
            continue
        for m in rx_scan(rule["re"]).finditer(window):
            gap = window[m.end():]
            if len(gap) > rule.get("max_gap", 40) or re.search(r"[.;)]", gap):
                continue
            s, e = start + m.start(), start + m.end()
            if best is None or e > best.end or (e == best.end and s < best.start):
                best = Cue(rule, s, e, "left")
    return best


def _paren_cue(view: SentenceView, g: Group) -> Cue | None:
    """A list in parentheses or dashes right after an organisation: "les BRICS (le
    Brésil, ...)", "les pays du G7 – Allemagne, Canada ... –"."""
    head = view.low[max(0, g.start - 40):g.start]
    opening = max(head.rfind("("), head.rfind("–"), head.rfind("—"), head.rfind(" - "))
    if opening == -1 or ")" in head[opening:]:
        return None
    opening += max(0, g.start - 40)
    for m in view.mentions:
        s, e = view.rel(m)
        if is_org(m) and e <= opening and opening - e <= 3:
            rule = {"predicate": "member_of", "kind": "list", "org": "left"}
            return Cue(rule, opening, opening + 1, "left", m.entity_id)
    return None


def _possessive_cue(view: SentenceView, g: Group) -> Cue | None:
    """"les trois pays de l'AES": a counted reference followed by an organisation."""
    if not g.anaphor:
        return None
    for m in view.mentions:
        s, _e = view.rel(m)
        if is_org(m) and 0 < s - g.end <= 10 and _ORG_AFTER.fullmatch(view.low[g.end:s]) \
                and re.match(r"\s*(?:de|du|des|d')", view.low[g.end:s]):
            rule = {"predicate": "member_of", "kind": "list", "org": "left"}
            return Cue(rule, g.end, s, "right", m.entity_id)
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
    if cue.org:
        return cue.org
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
        before_cue = view.start + cue.start
        if re.search(_DONT, view.low[left:g.start]):
            return last_org_before(mentions, before_group)
        named = anaphor.search(tail)
        if named:
            return _org_named_by(mentions, before_cue, named.group(0))
        if rx(lex["org_clitics"]).search(view.low[g.end:cue.end]):
            return last_org_before(mentions, before_cue)
        return last_org_before(mentions, before_cue) if mode == "fallback" else None
    after = [m for (s, _e), m in orgs
             if g.end <= s <= g.end + 20 and _ORG_AFTER.fullmatch(view.low[g.end:s])]
    if after and mode != "left":
        return after[0].entity_id
    inside = [m for (s, _e), m in orgs if left <= s < g.start]
    if inside:
        return inside[-1].entity_id
    if re.search(_DONT, view.low[left:g.start]):
        return last_org_before(mentions, before_group)
    named = anaphor.search(view.low[left:cue.end] if mode == "left"
                           else view.low[left:min(right, g.end + 40)])
    if named:
        return _org_named_by(mentions, before_group, named.group(0))
    if mode == "left":
        hit = re.search(r"\b(?:ses|membres)\b", view.low[left:cue.end])
        return last_org_before(mentions, before_group) if hit else None
    return last_org_before(mentions, before_group) if mode == "fallback" else None


def _org_named_by(mentions: list[Mention], pos: int, anaphor: str) -> str | None:
    """The organisation an anaphor stands for: the last one whose name holds the
    anaphor's noun ("l'Union" -> "Union européenne", not the Commission named after
    it), else the last one named."""
    noun = lowered(anaphor).split()[-1].split("'")[-1]
    for m in sorted(mentions, key=lambda x: -x.start):
        if m.end <= pos and is_org(m) and noun in lowered(m.text):
            return m.entity_id
    return last_org_before(mentions, pos)


def _status(context: str) -> str:
    pats = lexicon()["status"]
    for status in ("negated", "expected", "hypothetical", "planned"):
        if rx(pats[status]).search(context):
            return status
    return "stated"


def _article_span(article: Article) -> TimeSpan:
    return TimeSpan(article.date, article.date, article.date_precision, "")


def _founding_date(view: SentenceView, article: Article, cue: Cue, left: int,
                   right: int) -> TimeSpan | None:
    """The date of a founding the list took part in: the date nearest the cue in its
    clause ("né le 16 juin 2009 lors d'un sommet réunissant", "réunis vendredi, A et B
    ont signé la charte fondatrice")."""
    found = clause_dates(view, article, "past", left, right)
    if not found:
        return None
    return min(found, key=lambda t: max(cue.start - t.end, t.start - cue.end, 0)).span


def _valid_from(view: SentenceView, article: Article, g: Group, cue: Cue, status: str,
                left: int, right: int) -> TimeSpan | None:
    """The date of the entry (see docs/facts.md); a present-tense accession with no
    date of its own ("devient membre") happens on the article's date; an announced
    change ("annonce son départ au 1er janvier") is to come unless told in the past."""
    kind = cue.rule["kind"]
    if kind == "founding":
        return _founding_date(view, article, cue, left, right)
    if kind == "list":  # only "les membres fondateurs de 2001 : ..." dates a list
        founders = re.search(r"fondat\w*\s+(?:de|en)\s+(" + YEAR + ")", view.low[cue.start:g.start])
        return TimeSpan(founders.group(1), founders.group(1), "year", founders.group(1)) \
            if founders else None
    default = "future" if status in ("expected", "planned") else "past"
    said = tense_at(view, cue.start, default)
    tense = default if said == "present" and kind == "event" and status == "stated" else said
    if cue.rule.get("announced") and said != "past":
        tense = "future"
    found = clause_dates(view, article, tense, left, right)
    if kind == "state":
        found = [t for t in found if t.text.lower().startswith("depuis")]
    else:
        found = [t for t in found if not _NOW_WORDS.match(t.text.lower())]
    after = [t for t in found if t.start >= g.end]
    chosen = (after or found or [None])[0]
    if chosen is None and kind == "event" and status == "stated" and said == "present":
        return _article_span(article)
    return chosen.span if chosen else None


def _respectively(view: SentenceView, article: Article, g: Group, cue: Cue,
                  right: int) -> list[TimeSpan | None]:
    """"A et B se sont retirés respectivement en 1992 et 1994": one date per item."""
    hit = re.search(r"\brespectivement\b", view.low[cue.start:right])
    if not hit:
        return []
    at = cue.start + hit.end()
    dates = [t for t in clause_dates(view, article, "past", at, right)]
    return [t.span for t in dates[:len(g.members)]] if len(dates) >= len(g.members) else []


def _membership(view: SentenceView, mentions: list[Mention], article: Article,
                groups: list[Group], founded: dict[str, TimeSpan | None]) -> list[Fact]:
    """Facts of every list of the sentence with a cue; founders take the founding date
    the article gives for the organisation, else the date nearest their cue."""
    facts: list[Fact] = []
    for i, g in enumerate(groups):
        left, right = _windows(view, groups, i)
        rcue = _right_cue(view, g, right)
        lcue = _left_cue(view, left, g)
        cue = rcue if rcue and (rcue.start - g.end <= 15 or lcue is None) else lcue
        cue = cue or _paren_cue(view, g) or _possessive_cue(view, g)
        if cue is None:
            continue
        org = _org_for(view, mentions, g, cue, left, right)
        if org is None:
            continue
        if cue.side == "right":
            ctx = view.low[max(g.end, cue.context_from):
                           cue.start if cue.rule.get("negation_in_cue") else cue.end]
        else:
            ctx = view.low[left:cue.end]
        status = _status(ctx)
        since = _valid_from(view, article, g, cue, status, left, right)
        if cue.rule["kind"] == "founding" and founded.get(org):
            since = founded[org]
        each = _respectively(view, article, g, cue, right)
        pred = cue.rule["predicate"]
        span = (min(g.start, cue.start), max(g.end, cue.end))
        for k, m in enumerate(g.members):
            if m.entity_id == org:
                continue
            year = g.dated.get(m.entity_id or "")
            dated = TimeSpan(year, year, "year", year) if year else None
            if pred == "member_of":
                facts.append(make_fact(m.entity_id or "", pred, org, dated or since, status, view,
                                   *span))
                continue
            facts.append(make_fact(m.entity_id or "", pred, org, each[k] if each else since,
                               status, view, *span))
            if dated and pred == "left":  # "A (1973) s'est retiré": it had joined in 1973
                facts.append(make_fact(m.entity_id or "", "member_of", org, dated, "stated",
                                   view, *span))
    return facts


# --- founding and offices ------------------------------------------------------------

def _founded(view: SentenceView, mentions: list[Mention], article: Article) -> list[Fact]:
    facts: list[Fact] = []
    lex = lexicon()
    for cue in rx_scan(lex["founded"]["re"]).finditer(view.low):
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
    """Finer first; a date read in the text before the article date used by default."""
    if span is None:
        return 99
    return {"day": 0, "month": 2, "year": 4}.get(span.precision, 6) + (0 if span.text else 1)


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
    views = sentence_views(doc, ordered, join_fragments=True)
    facts += heading_list_facts(views, ordered)
    founded = [f for view in views for f in _founded(view, ordered, article)]
    dates = {f.subject: f.valid_from for f in founded}
    earlier: list[Group] = []
    for view in views:
        own = state_groups(view)
        groups = sorted(own + numbered_groups(view, own, earlier), key=lambda g: g.start)
        earlier += groups
        facts += _membership(view, ordered, article, groups, dates)
        facts += fronted(view, ordered, article)
        facts += ordinal_series(view, ordered, article)
        facts += _offices(view)
    return merge_facts(facts + founded)
