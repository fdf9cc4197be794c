"""Helpers shared by the fact, relation and claim extractors.

- the cue lexicon (``data/facts_lexicon.json``) and compiled patterns;
- ``SentenceView``: one sentence (or a sentence and the fragments the parser cut
  off it) with its mentions and a lowered copy of its text;
- actor tests (``is_actor``, ``is_org``), the organisation mentioned last;
- clause tense and temporal expressions of a sentence;
- ``state_groups``: runs of states listed together, with per-item years
  ("la Grèce (1981)").
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from .model import Article, Fact, Mention, TimeSpan, type_of
from .text import IgnoreCase, normalise_quotes
from .timex import Timex, find_timexes, tense_of_clause

LEXICON_PATH = Path(__file__).parent / "data" / "facts_lexicon.json"
NOT_ACTORS = {"adjective", "place"}
YEAR = r"(?:1[89]|20)\d\d"
PAREN_YEAR = re.compile(r"\(\s*(?:en\s+)?(" + YEAR + r")\s*\)")
_GLUE = re.compile(
    r"(?:[\s,:()\-–—]|\bet\b|\bou\b|\bainsi que\b|\bpuis\b|\benfin\b|\baussi\b|\bde\b|\bdu\b"
    r"|\bdes\b|\bd'|\bla\b|\ble\b|\bles\b|\bl'|\bau\b|\baux\b|\bà\b|\bsans oublier\b|\ben passant par\b)*"
)
_LOCATIVE = re.compile(r"\b(?:à|au|depuis)\s*$")  # "à Vienne": a place, not a state
# a fragment the parser cut off the previous sentence: ", Canada", "et le Pakistan ..."
_FRAGMENT_START = re.compile(r"^\s*(?:[,;)»]|et\b|ou\b|[a-zà-ÿ])")


@lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    """The cue lexicon (``data/facts_lexicon.json``), loaded once."""
    return json.loads(LEXICON_PATH.read_text(encoding="utf-8"))


@lru_cache(maxsize=1024)
def rx(pattern: str) -> re.Pattern[str]:
    """A compiled, case-insensitive lexicon pattern."""
    return re.compile(pattern, re.IGNORECASE)


@lru_cache(maxsize=1024)
def rx_scan(pattern: str) -> IgnoreCase:
    """``rx`` for scanning a whole lowered sentence: the same matches, found
    without the slow case-insensitive flag where it changes nothing (see
    ``veille.text.IgnoreCase``); on a short window, ``rx`` is as fast."""
    return IgnoreCase(pattern)


def lowered(text: str) -> str:
    """Lower case with ASCII apostrophes, same length as ``text`` (offsets hold)."""
    text = normalise_quotes(text)
    low = text.lower()
    if len(low) == len(text):  # the usual case: no character lowers to two
        return low
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


def doc_sents(doc: Any) -> list[Any]:
    """``list(doc.sents)``, built once per doc (the property rebuilds its spans at
    each read)."""
    sents = doc.user_data.get("veille_sents")
    if sents is None:
        sents = list(doc.sents)
        doc.user_data["veille_sents"] = sents
    return sents


def doc_text(doc: Any) -> str:
    """``doc.text``, joined once per doc (the property joins every token)."""
    text = doc.user_data.get("veille_text")
    if text is None:
        text = doc.text
        doc.user_data["veille_text"] = text
    return text


def _crossed_starts(starts: list[int], mentions: list[Mention]) -> set[int]:
    """Indexes of the sentences whose start falls strictly inside a mention."""
    crossed: set[int] = set()
    for m in mentions:
        i = bisect_right(starts, m.start)
        while i < len(starts) and starts[i] < m.end:
            crossed.add(i)
            i += 1
    return crossed


def _sentence_runs(doc: Any, mentions: list[Mention]) -> list[tuple[int, int]]:
    """(first, last) sentence indexes of each view when fragments are joined: a
    sentence that starts with a comma, "et" or a lower-case letter, or that a
    mention runs into, continues the previous one ("Le Royaume" + "Uni a quitté")."""
    sents = doc_sents(doc)
    whole = doc_text(doc)
    crossed_at = _crossed_starts([s.start_char for s in sents], mentions)
    runs: list[tuple[int, int]] = []
    for i, s in enumerate(sents):
        text = whole[s.start_char:s.end_char]
        crossed = i in crossed_at
        gap = whole[sents[i - 1].end_char:s.start_char] if i else ""
        if runs and "\n\n" not in gap and (crossed or (
                text.strip() and _FRAGMENT_START.match(text))):
            runs[-1] = (runs[-1][0], i)
        else:
            runs.append((i, i))
    return runs


def sentence_views(doc: Any, mentions: list[Mention],
                   join_fragments: bool = False) -> list[SentenceView]:
    """One view per sentence; with ``join_fragments``, one per run of a sentence
    and the fragments the parser split off it (the view keeps the first index).
    Computed once per doc and kind (facts, relations and claims all read them)."""
    key = ("veille_views", join_fragments,
           hash(tuple((m.start, m.end, m.entity_id, m.kind) for m in mentions)))
    cached = doc.user_data.get(key)
    if cached is not None:
        return cached
    views = _sentence_views(doc, mentions, join_fragments)
    doc.user_data[key] = views
    return views


def _sentence_views(doc: Any, mentions: list[Mention],
                    join_fragments: bool) -> list[SentenceView]:
    sents = doc_sents(doc)
    whole = doc_text(doc)
    runs = (_sentence_runs(doc, mentions) if join_fragments
            else [(i, i) for i in range(len(sents))])
    views: list[SentenceView] = []
    owner: dict[int, SentenceView] = {}
    for first, last in runs:
        span = doc[sents[first].start:sents[last].end]
        start, end = sents[first].start_char, sents[last].end_char
        text = whole[start:end]
        view = SentenceView(first, start, text, lowered(text), span)
        views.append(view)
        for i in range(first, last + 1):
            owner[i] = view
    for m in mentions:
        if m.sentence in owner:
            owner[m.sentence].mentions.append(m)
    for v in views:
        v.mentions.sort(key=lambda m: m.start)
    return views


def _token_offsets(doc) -> tuple[list[int], list[int]]:
    """Start and end character offsets of every token, one C call per doc."""
    cached = doc.user_data.get("veille_token_bounds")
    if cached is None:
        arr = doc.to_array(["IDX", "LENGTH"]) if len(doc) else None
        starts = arr[:, 0].tolist() if arr is not None else []
        ends = (arr[:, 0] + arr[:, 1]).tolist() if arr is not None else []
        cached = doc.user_data["veille_token_bounds"] = (starts, ends)
    return cached


def expand_span(doc, start: int, end: int):
    """``doc.char_span(start, end, alignment_mode="expand")`` by binary search
    over the doc's token offsets (char_span walks every token)."""
    if start >= end:
        return doc.char_span(start, end, alignment_mode="expand")
    starts, ends = _token_offsets(doc)
    i = bisect_right(ends, start)  # the first token ending after ``start``
    j = bisect_left(starts, end)  # tokens starting before ``end``
    if i >= j:  # only white space inside: whatever spaCy makes of it
        return doc.char_span(start, end, alignment_mode="expand")
    return doc[i:j]


def token_at(view: SentenceView, rel_pos: int):
    """The first token of the view at or after the offset ``rel_pos`` (relative to
    the view), or None; a binary search over the doc's token offsets."""
    doc = view.span.doc
    starts = doc.user_data.get("veille_token_starts")
    if starts is None:
        # one C call instead of a Token object per token
        starts = doc.to_array("IDX").tolist() if len(doc) else []
        doc.user_data["veille_token_starts"] = starts
    i = bisect_left(starts, view.start + rel_pos)
    return doc[i] if i < view.span.end else None


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


def clause_dates(view: SentenceView, article: Article, tense: str, left: int,
                 right: int) -> list[Timex]:
    """Dates (not durations) of the sentence between ``left`` and ``right``."""
    return [t for t in timexes(view, article, tense)
            if t.kind != "duration" and left <= t.start and t.end <= right]


def make_fact(subject: str, predicate: str, obj: str, since: TimeSpan | None, status: str,
              view: SentenceView, start: int, end: int) -> Fact:
    """A fact whose evidence spans ``start``-``end`` of the sentence."""
    return Fact(subject, predicate, obj, since, None, status, view.index,  # type: ignore[arg-type]
                start=view.start + start, end=view.start + end)


def salient_org(mentions: list[Mention], pos: int) -> str | None:
    """The organisation named most often before ``pos`` (the last one on a tie)."""
    counts: dict[str, tuple[int, int]] = {}
    for m in mentions:
        if m.end <= pos and is_org(m) and m.entity_id:
            n, _ = counts.get(m.entity_id, (0, 0))
            counts[m.entity_id] = (n + 1, m.start)
    return max(counts, key=lambda k: counts[k]) if counts else None


def clause_break(low: str) -> list[int]:
    """Offsets in ``low`` where a new clause starts ("tandis que", ";")."""
    return [m.start() for m in rx_scan(lexicon()["clause_breaks"]).finditer(low)]


# --- groups of states ---------------------------------------------------------------

@dataclass
class Group:
    """States listed together ("la Chine, l'Inde et le Pakistan")."""

    members: list[Mention]
    start: int  # relative to the sentence
    end: int
    dated: dict[str, str] = field(default_factory=dict)  # entity id -> year in "(1973)"
    anaphor: bool = False  # "les trois pays": stands for a list named before


def only_list_words(gap: str) -> bool:
    """Nothing but list words ("," "et" articles, a year in brackets) between two items."""
    return _GLUE.fullmatch(PAREN_YEAR.sub(" ", gap)) is not None


def is_glue(gap: str) -> bool:
    """Only list words between two items; or one to three words of a name the
    resolver missed between commas ("le Venezuela, la -Libye, le Congo")."""
    gap = PAREN_YEAR.sub(" ", gap)
    if _GLUE.fullmatch(gap):
        return True
    comma = gap.find(",")
    if 0 < comma <= 20 and len(gap[:comma].split()) <= 2 and _GLUE.fullmatch(gap[comma:]):
        return True
    parts = gap.split(",")
    return (len(parts) == 3 and _GLUE.fullmatch(parts[0]) is not None
            and 0 < len(parts[1].split()) <= 3 and len(parts[1]) <= 25
            and not re.search(r"\d|\b(?:qui|que|dont|est|sont|a|ont)\b", parts[1])
            and _GLUE.fullmatch(parts[2]) is not None)


def state_groups(view: SentenceView, types: tuple[str, ...] = ("COUNTRY",)) -> list[Group]:
    """Runs of actor mentions joined only by list glue, with per-item years."""
    groups: list[Group] = []
    pending: list[str] = []
    for m in view.mentions:
        s, e = view.rel(m)
        if not is_actor(m, types) or (m.kind == "capital" and _LOCATIVE.search(view.low[:s])):
            continue
        if groups and s >= groups[-1].end and is_glue(view.low[groups[-1].end:s]):
            _date_pending(groups[-1], pending, view.low[groups[-1].end:s])
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
        tail = re.match(r"\s*\(\s*(?:en\s+)?(" + YEAR + r")\s*\)", view.low[g.end:])
        if tail:
            for m in reversed(g.members):
                if m.entity_id in g.dated:
                    break
                g.dated[m.entity_id or ""] = tail.group(1)
    return groups


_COUNTS = {"deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
           "neuf": 9, "dix": 10}
_NUMBERED = re.compile(
    r"\b(?:les|des|ces|aux|leurs)\s+(?P<n>deux|trois|quatre|cinq|six|sept|huit|neuf|dix|\d{1,2})"
    r"\s+(?:pays|états|voisins|nations|membres|puissances|capitales|régimes|juntes)\b"
    r"(?:\s+(?!membres?\b|fondat)[a-zà-ÿ-]+(?:iens|iennes|ains|aines|ais|aises|ois|oises|ens"
    r"|ennes|ques|aux|ales))?")


def numbered_groups(view: SentenceView, own: list[Group], earlier: list[Group]) -> list[Group]:
    """"les trois pays", "des trois voisins sahéliens": a group standing for the last
    list of exactly that many states named before it (``earlier`` lists, in text
    order, then the sentence's own). Nothing when the list follows in apposition
    ("les cinq membres actuels, A, B ...")."""
    found: list[Group] = []
    for hit in _NUMBERED.finditer(view.low):
        word = hit.group("n")
        n = int(word) if word.isdigit() else _COUNTS[word]
        if any(0 <= g.start - hit.end() <= 25 and re.search(r"[,:(]", view.low[hit.end():g.start])
               for g in own):
            continue
        before = earlier + [g for g in own if g.end <= hit.start()]
        match = next((g for g in reversed(before) if len(g.members) == n), None)
        if match is not None:
            found.append(Group(list(match.members), hit.start("n"), hit.end(), anaphor=True))
    return found


def _date_pending(group: Group, pending: list[str], gap: str) -> None:
    year = PAREN_YEAR.search(gap)
    if year:
        for eid in pending:
            group.dated[eid] = year.group(1)
        pending.clear()


# --- lists laid out as headings ------------------------------------------------------

_HEADING = re.compile(r"^\W*(?P<label>[^\d\n]{0,50}?)[\s,:\-–—]*(?:en\s+)?(?P<year>" + YEAR
                      + r")?\s*[:\-–—]?\s*\W*$")
_INLINE_YEAR = re.compile(r"^\W*(?:en\s+)?(?P<year>" + YEAR + r")\s*[:\-–—]\s*\W*"
                          r"(?:l'|la\s+|le\s+|les\s+)?$")
_LABEL_WORDS = re.compile(r"\b(?:membres?|adhésions?|fondat\w+|élargissements?)\b")


def _line_kind(view: SentenceView) -> tuple[str, str | None, Group | None]:
    """("blank" | "heading" | "label" | "list" | "other", year, list group)."""
    text = view.low.strip()
    if not text:
        return "blank", None, None
    groups = state_groups(view)
    if len(groups) == 1 and not re.search(r"\w", view.low[groups[0].end:]):
        head = view.low[:groups[0].start]
        inline = _INLINE_YEAR.match(head)
        if inline:
            return "list", inline.group("year"), groups[0]
        if is_glue(head):
            return "list", None, groups[0]
    heading = _HEADING.match(text) if len(text) <= 60 and not view.mentions else None
    if heading and (heading.group("year") or _LABEL_WORDS.search(heading.group("label"))):
        label = bool(_LABEL_WORDS.search(heading.group("label")))
        return ("label" if label else "heading"), heading.group("year"), None
    return "other", None, None


def heading_lists(views: list[SentenceView]) -> list[tuple[SentenceView, Group, str | None]]:
    """Lines that list states under headings: "Membres fondateurs, 1949" / "A, B et C" /
    "1952" / "D" (or "en 2004 : E, F"), in a run of such lines (blank lines allowed)
    that has a label naming members or at least two year headings. Each line comes
    with the year of its heading (None when the heading has none)."""
    kinds = [_line_kind(v) for v in views]
    found: list[tuple[SentenceView, Group, str | None]] = []
    i = 0
    while i < len(views):
        if kinds[i][0] == "other":
            i += 1
            continue
        j = i
        while j < len(views) and kinds[j][0] != "other":
            j += 1
        run = kinds[i:j]
        if any(k == "label" for k, _y, _g in run) or sum(1 for _k, y, _g in run if y) >= 2:
            year: str | None = None
            for view, (kind, y, group) in zip(views[i:j], run, strict=True):
                if kind in ("label", "heading"):
                    year = y
                if kind == "list" and group is not None:
                    found.append((view, group, y or year))
        i = j
    return found
