"""French temporal expressions, resolved against the article's date.

``find_timexes(text, anchor, tense)`` finds expressions ("ce mercredi",
"l'an dernier", "à partir de ce jeudi", "depuis juillet 2024", "dans les années
1990", ...) and turns each into a :class:`~veille.model.TimeSpan` with the
precision the text and the anchor support. ``sentence_tense`` / ``tense_of_clause``
read the tense of a parsed French clause so that the caller can resolve
"ce mercredi" backwards in a past sentence and forwards in a future one.

Calendar arithmetic lives in ``veille.timex_calendar`` and the per-expression
rules in ``veille.timex_rules``; this module scans, applies prefixes ("depuis",
"à partir de", "jusqu'à", "d'ici", "avant", "après"), and holds the date helpers
(``parse_iso``, ``contains``, ``span_start_key``, ``span_end_key``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any, Literal

from veille.model import Precision, TimeSpan
from veille.timex_calendar import Anchor, coarser, cut, last_day, month_number, parse_day
from veille.timex_rules import APOS, MONTH, RULES, YEAR, Rule, compile_re

Tense = Literal["past", "present", "future"]

__all__ = [
    "Timex", "Tense", "find_timexes", "sentence_tense", "tense_of_clause", "parse_iso",
    "contains", "span_start_key", "span_end_key", "anchor_of",
]


@dataclass(frozen=True)
class Timex:
    """One temporal expression of a text, with its resolved interval."""

    start: int  # character offsets in the text given to find_timexes
    end: int
    text: str
    span: TimeSpan
    kind: str  # "absolute" | "relative" | "vague" | "duration"


# --- finding ----------------------------------------------------------------

_PREFIX = compile_re(
    rf"(?<![\w'’])(?P<p>à\s+partir\s+(?:de\s+|du\s+|d{APOS})|a\s+partir\s+(?:de\s+|du\s+|d{APOS})"
    rf"|à\s+compter\s+(?:de\s+|du\s+|d{APOS})|dès\s+(?:le\s+|la\s+|l{APOS})?"
    rf"|depuis\s+(?:le\s+|la\s+|l{APOS})?|jusqu{APOS}(?:au\s+|à\s+la\s+|à\s+l{APOS}|à\s+|a\s+|en\s+)?"
    rf"|d{APOS}ici\s+(?:à\s+)?(?:la\s+|le\s+|l{APOS})?|avant\s+(?:le\s+|la\s+|l{APOS})?"
    rf"|après\s+(?:le\s+|la\s+|l{APOS})?)$"
)
_PRECEDES_WEAK_YEAR = re.compile(r"(?:\b(?:de|du|des|le|et|ou|en)\s+|\bd['’]|\bl['’]|\()$", re.I)
_NOT_A_YEAR_NEXT = re.compile(
    r"\s+(?!(?:à|a|au|aux|et|ou|en|dans|pour|par|avec|lors|le|la|les|l|contre|entre|sur|sous|où|"
    r"qui|que|quand|puis|ne|n|se|s|il|elle|ils|elles|on|des|du|de|d|un|une|ce|cette|ces|déjà|"
    r"selon|avant|alors|après|depuis|jusqu|avait|était|est|sont|ont)\b)[a-zàâçéèêëîïôûùüÿœ]"
)


def anchor_of(value: str) -> Anchor:
    """The :class:`Anchor` of an article date ("2024", "2024-07", "2024-07-05", ...)."""
    span = parse_iso(value)
    parts = [int(p) for p in span.start.split("-")]  # type: ignore[union-attr]
    return Anchor(*parts)


def _prefix_kind(prefix: str) -> str:
    p = " ".join(prefix.lower().split())
    for key, kind in (("partir", "from"), ("compter", "from"), ("dès", "from"),
                      ("depuis", "since"), ("jusqu", "until"), ("ici", "by"),
                      ("avant", "before"), ("après", "after")):
        if key in p:
            return kind
    return ""


def _mode_for(prefix_kind: str, tense: Tense) -> str:
    if prefix_kind == "since":
        return "past"
    if prefix_kind == "by":
        return "future"
    if prefix_kind in ("from", "until") and tense == "present":
        return "future"
    return tense


def _apply_prefix(kind: str, core: TimeSpan, anchor: Anchor) -> TimeSpan:
    """The interval a prefix makes of the expression it governs."""
    if kind in ("from", "since", "after"):
        start = core.end if kind == "after" else core.start
        return TimeSpan(start, None, core.precision, open_ended=True)
    if kind == "until":
        return TimeSpan(None, core.end, core.precision)
    if kind == "before":
        return TimeSpan(None, core.start, core.precision)
    # "by": from now to then; the deadline keeps the precision the text gives it
    # ("d'ici le 22 décembre" ends on that day even in an article dated by month)
    start = cut(anchor.span().start, coarser(anchor.precision, core.precision))
    return TimeSpan(start, core.end, core.precision)


def _candidates(text: str) -> list[tuple[int, int, Rule, re.Match[str]]]:
    """Every rule match that passes its own checks (quantities, weak years)."""
    found = []
    for rule in RULES:
        for m in rule.regex.finditer(text):
            start, end = m.start(), m.end()
            if end == start or (rule.year_tail and _NOT_A_YEAR_NEXT.match(text, end)):
                continue
            if rule.weak_unless and not any(m.group(g) for g in rule.weak_unless):
                prefixed = _PREFIX.search(text, max(0, start - 40), start)
                preceded = _PRECEDES_WEAK_YEAR.search(text, max(0, start - 8), start)
                if not (prefixed or preceded) or not 1900 <= int(m.group("y")) <= 2100:
                    continue  # a bare number: "2000 soldats", "Agenda 2063"
            found.append((start, end, rule, m))
    return found


def _select(found: list[tuple[int, int, Rule, re.Match[str]]]) -> list[tuple[int, int, Rule, re.Match[str]]]:
    """Keep the longest non-overlapping matches (earlier rules win ties)."""
    order = {rule.name: i for i, rule in enumerate(RULES)}
    chosen: list[tuple[int, int, Rule, re.Match[str]]] = []
    for cand in sorted(found, key=lambda c: (-(c[1] - c[0]), c[0], order[c[2].name])):
        if all(cand[1] <= s or cand[0] >= e for s, e, _, _ in chosen):
            chosen.append(cand)
    return sorted(chosen, key=lambda c: c[0])


def find_timexes(text: str, anchor: str, tense: Tense = "present") -> list[Timex]:
    """Temporal expressions of ``text`` resolved against the article date ``anchor``.

    ``tense`` is the tense of the clause the text belongs to: it decides whether
    a weekday or a month named without a year points back ("past"), forward
    ("future") or to the nearest one in the article's week / year ("present").
    Memoised: events, facts and claims ask for the same sentences.
    """
    return list(_find_timexes(text, anchor, tense))


@lru_cache(maxsize=4096)
def _find_timexes(text: str, anchor: str, tense: Tense) -> tuple[Timex, ...]:
    anc = anchor_of(anchor)
    out: list[Timex] = []
    last_end = 0
    for start, end, rule, m in _select(_candidates(text)):
        pm = _PREFIX.search(text, max(last_end, start - 40), start)
        pkind = _prefix_kind(pm.group("p")) if pm else ""
        groups = m.groupdict()
        resolved = rule.resolve(groups, anc, _mode_for(pkind, tense))
        if resolved is None:
            continue
        span, kind = resolved
        if pkind and kind in ("absolute", "relative") and (span.start or span.end):
            span = _apply_prefix(pkind, span, anc)
            start = pm.start()  # type: ignore[union-attr]
        surface = text[start:end]
        out.append(Timex(start, end, surface, replace(span, text=surface), kind))
        last_end = end
    return tuple(_same_year(out, text))


_SAME_YEAR = re.compile(r"\s+(?:de\s+)?(?:la|cette)\s+même\s+année\b", re.I)
_HAS_YEAR = re.compile(r"\b\d{4}\b")


def _same_year(found: list[Timex], text: str) -> list[Timex]:
    """"en juin 2011 et en décembre de la même année": a month named without a
    year followed by "de la même année" takes the year of the expression before."""
    out: list[Timex] = []
    for tx in found:
        tail = _SAME_YEAR.match(text, tx.end)
        year = next((t.span.start[:4] for t in reversed(out) if t.span.start and
                     _HAS_YEAR.search(t.text)), None)
        if tail and year and tx.span.start and not _HAS_YEAR.search(tx.text):
            surface = text[tx.start:tail.end()]
            span = replace(tx.span, start=year + tx.span.start[4:],
                           end=year + tx.span.end[4:] if tx.span.end else None, text=surface)
            tx = Timex(tx.start, tail.end(), surface, span, "absolute")
        out.append(tx)
    return out


# --- tense of a parsed clause -------------------------------------------------

_FUT_END = re.compile(r"r(?:ai|as|a|ons|ez|ont)$", re.I)
_CND_END = re.compile(r"(?:rais|rait|rions|riez|raient)$", re.I)
_FUT_STEMS = ("ser", "aur", "ir", "fer", "pourr", "devr", "viendr", "verr", "voudr", "saur",
              "tiendr", "faudr", "vaudr", "enverr", "courr", "mourr", "recevr", "obtiendr",
              "deviendr", "reviendr", "maintiendr", "soutiendr", "appartiendr", "vaincr")
_MODAL_FUTURE = {"devoir", "aller", "compter", "envisager", "apprêter", "prévoir", "projeter",
                 "planifier", "entendre"}
_PLANNED_PARTICIPLES = {"prévoir", "programmer", "attendre", "planifier"}
_FUTURE_WORDS = ("prochain", "prochaine", "prochains", "prochaines")
_AUX_DEPS = ("aux", "aux:tense", "aux:pass", "cop")


def is_conditional(tok: Any) -> bool:
    """A conditional, also when the tagger calls it an imparfait or a present
    ("accueillerait", "devraient"): the future stem before the ending."""
    if "Cnd" in tok.morph.get("Mood"):
        return True
    form, lemma = tok.text.lower(), tok.lemma_.lower()
    m = _CND_END.search(form)
    tenses = tok.morph.get("Tense")
    if not m or not ("Imp" in tenses or "Pres" in tenses):  # "devraient" tagged present
        return False
    stem = form[: m.start() + 1]  # keep the "r" of the future stem
    return stem in (lemma, lemma[:-1], lemma[:-2] + "er") or stem.endswith(_FUT_STEMS)


def is_future(tok: Any) -> bool:
    """A futur simple, also when the tagger calls it a passé simple or a
    present ("se réunira"): the infinitive (or the future stem) before the
    ending, which a passé simple ("signa", "libéra") never has."""
    form, lemma = tok.text.lower(), tok.lemma_.lower()
    m = _FUT_END.search(form)
    if not m or "Fin" not in tok.morph.get("VerbForm") or is_conditional(tok):
        return False
    if "Fut" in tok.morph.get("Tense"):
        return True
    stem = form[: m.start() + 1]
    return stem in (lemma, lemma[:-1]) or stem in _FUT_STEMS


def _simple_tense(tok: Any) -> str:
    """fut / cnd / imp / past / pres of a finite verb or auxiliary."""
    tenses = tok.morph.get("Tense")
    if is_conditional(tok):
        return "cnd"
    if is_future(tok):
        return "fut"
    if "Imp" in tenses:
        return "imp"
    if "Past" in tenses and "Fin" in tok.morph.get("VerbForm"):
        return "past"
    return "pres"


def _has_infinitive(tok: Any) -> bool:
    return any(c.dep_ == "xcomp" and "Inf" in c.morph.get("VerbForm") for c in tok.children)


def _clause_has_future_word(head: Any) -> bool:
    """"prochain", "à venir" among the words of this clause (not of sub-clauses)."""
    stack = list(head.children)
    while stack:
        tok = stack.pop()
        if tok.dep_ in ("ccomp", "advcl", "acl", "acl:relcl", "csubj", "parataxis", "conj"):
            continue
        low = tok.text.lower()
        if low in _FUTURE_WORDS or (low == "venir" and tok.i > 0 and tok.nbor(-1).lower_ == "à"):
            return True
        stack.extend(tok.children)
    return False


def tense_of_clause(token: Any) -> Tense:
    """Tense of the clause headed by ``token`` (a spaCy token, fr_core_news_md).

    Past: passé composé / plus-que-parfait (auxiliary avoir or être + participle),
    imparfait, passé simple, conditionnel passé, "venir de" + infinitive.
    Future: futur (simple or antérieur), conditional, "aller" / "devoir" /
    "prévoir de" ... + infinitive, "prévu" / "attendu", "prochain", "à venir".
    An infinitive takes the tense of the verb that governs it.
    """
    tok = token
    if tok.dep_ in _AUX_DEPS and tok.head is not tok:
        tok = tok.head
    if "Inf" in tok.morph.get("VerbForm") and tok.dep_ in ("xcomp", "ccomp") and tok.head is not tok:
        return tense_of_clause(tok.head)
    auxes = [c for c in tok.children if c.dep_ in _AUX_DEPS]
    finite = next((a for a in auxes if "Fin" in a.morph.get("VerbForm")), None)
    if finite is None and "Fin" in tok.morph.get("VerbForm"):
        finite = tok
    lemma = tok.lemma_.lower()
    participle = "Part" in tok.morph.get("VerbForm")
    if finite is None:
        if participle and lemma in _PLANNED_PARTICIPLES:
            return "future"
        return "future" if _clause_has_future_word(tok) else "present"
    ft = _simple_tense(finite)
    compound = finite is not tok and any(a.dep_ in ("aux", "aux:tense") for a in auxes)
    if compound:
        return "future" if ft == "fut" else "past"
    if ft in ("fut", "cnd"):
        return "future"
    if ft in ("imp", "past"):
        return "past"
    if _has_infinitive(tok):
        if lemma in _MODAL_FUTURE:
            return "future"
        if lemma == "venir":
            return "past"
    if participle and lemma in _PLANNED_PARTICIPLES:
        return "future"  # "le sommet est prévu / attendu jeudi"
    return "future" if _clause_has_future_word(tok) else "present"


def sentence_tense(span: Any) -> Tense:
    """Tense of a sentence (a spaCy Span or Doc): that of its main clause."""
    sents = list(span.sents) if not hasattr(span, "root") else [span]
    root = sents[0].root if sents else None
    if root is None:
        return "present"
    verbal = root.pos_ in ("VERB", "AUX") or any(c.dep_ in _AUX_DEPS for c in root.children)
    if not verbal:
        finite = next((t for t in sents[0] if "Fin" in t.morph.get("VerbForm")), None)
        root = finite if finite is not None else root
    tense = tense_of_clause(root)
    if tense == "present" and any(t.lower_ in _FUTURE_WORDS for t in sents[0]):
        return "future"
    return tense


# --- ISO helpers ----------------------------------------------------------------

_ISO = re.compile(r"^(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?$")
_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_FRENCH = compile_re(rf"^(?:(?:le\s+)?(?P<d>1er|premier|[0-3]?\d)\s+)?(?P<m>{MONTH})\s+(?P<y>{YEAR})$")


def parse_iso(value: str) -> TimeSpan:
    """A date given by a user or an article header, as a TimeSpan with its precision.

    Accepts "2024", "2024-07", "2024-07-04", "2024/07/04", "04/07/2024",
    "juillet 2024", "4 juillet 2024". Raises ValueError otherwise.
    """
    raw = " ".join(str(value).split())
    year, month, day = _split_date(raw)
    if not 1 <= month <= 12 if month else False:
        raise ValueError(f"invalid month in date {value!r}")
    if day and not 1 <= day <= last_day(year, month):
        raise ValueError(f"invalid day in date {value!r}")
    iso = f"{year:04d}" + (f"-{month:02d}" if month else "") + (f"-{day:02d}" if day else "")
    prec: Precision = "day" if day else "month" if month else "year"
    return TimeSpan(iso, iso, prec, text=raw)


def _split_date(raw: str) -> tuple[int, int, int]:
    if m := _ISO.match(raw):
        return int(m[1]), int(m[2] or 0), int(m[3] or 0)
    if m := _DMY.match(raw):
        return int(m[3]), int(m[2]), int(m[1])
    if m := _FRENCH.match(raw):
        return int(m["y"]), month_number(m["m"]), parse_day(m["d"]) if m["d"] else 0
    raise ValueError(
        f"unrecognised date {raw!r}: expected YYYY, YYYY-MM, YYYY-MM-DD, YYYY/MM/DD, "
        "DD/MM/YYYY or a French date such as 'juillet 2024' or '4 juillet 2024'"
    )


def _first_day(iso: str) -> str:
    parts = iso.split("-")
    return "-".join(parts + ["01"] * (3 - len(parts)))


def _last_day(iso: str) -> str:
    parts = [int(p) for p in iso.split("-")]
    if len(parts) == 1:
        return f"{parts[0]:04d}-12-31"
    if len(parts) == 2:
        return f"{parts[0]:04d}-{parts[1]:02d}-{last_day(parts[0], parts[1]):02d}"
    return iso


def span_start_key(span: TimeSpan) -> str | None:
    """First day of the span ("YYYY-MM-DD"), sortable; None when unbounded."""
    return _first_day(span.start) if span.start else None


def span_end_key(span: TimeSpan) -> str | None:
    """Last day of the span ("YYYY-MM-DD"), sortable; None when open or unknown."""
    return _last_day(span.end) if span.end else None


def contains(outer: TimeSpan, date_value: str) -> bool:
    """Whether the whole of ``date_value`` (any precision) lies within ``outer``.

    A missing bound is unbounded on that side; a span with neither bound
    (a vague expression) contains nothing.
    """
    if outer.start is None and outer.end is None:
        return False
    inner = parse_iso(date_value)
    lo, hi = span_start_key(outer), span_end_key(outer)
    return (lo is None or _first_day(inner.start) >= lo) and (  # type: ignore[arg-type]
        hi is None or _last_day(inner.end) <= hi  # type: ignore[arg-type]
    )

