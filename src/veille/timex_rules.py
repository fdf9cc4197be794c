"""The rule table of ``veille.timex``: one regex and one resolver per family of
French temporal expression ("le 4 juillet", "ce mercredi", "l'an dernier", "il y
a deux ans", "dans les années 1990", ...).

A resolver gets the match's groups, the article's :class:`Anchor` and the
direction ("past", "future", "present"; "dernier" / "prochain" turn it into
"last" / "next") and returns the TimeSpan with its kind, or None to drop the match.
Calendar arithmetic lives in ``veille.timex_calendar``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from veille.model import TimeSpan
from veille.timex_calendar import (
    SEASONS,
    WEEKDAYS,
    Anchor,
    add_months,
    coarser,
    cut,
    day_date,
    days_span,
    decade_part,
    decade_start,
    month_number,
    month_part,
    months_span,
    parse_day,
    season,
    shift,
    to_int,
    unit_of,
    week_of,
    weekday,
    year_for_month,
    year_part,
    years_span,
)

# Regex pieces (used with re.IGNORECASE | re.VERBOSE).
APOS = "['’]"
MONTH = r"(?:janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre)"
WEEKDAY = r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)"
DAY = r"(?:1er|1re|1ère|1ᵉʳ|premier|[0-3]?\d)"
YEAR = r"(?:1\d{3}|20\d{2}|21\d{2})"
_SMALL = (r"(?:une?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|"
          r"quatorze|quinze|seize|vingt|trente|quarante|cinquante|soixante|cent)")
NUMBER = rf"(?:\d+|{_SMALL}(?:(?:-|\s)(?:et(?:-|\s))?{_SMALL})*)"
VAGUE_COUNT = r"(?:quelques|plusieurs|des|de\s+nombreu(?:x|ses)|nombreu(?:x|ses))"
UNIT = r"(?:jours?|semaines?|mois|ans|années?|an|décennies?|decennies?)"


def compile_re(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE | re.VERBOSE)


# --- the rule table ---------------------------------------------------------
# Each rule resolves one regex match, given the anchor and the direction
# ("past", "future", "present"; "last"/"next" come from "dernier"/"prochain").

Resolved = tuple[TimeSpan, str] | None
VAGUE = TimeSpan(None, None, "vague")


@dataclass(frozen=True)
class Rule:
    name: str
    regex: re.Pattern[str]
    resolve: Callable[[dict, Anchor, str], Resolved]
    weak_unless: tuple[str, ...] = ()  # a match with none of these groups is weak
    year_tail: bool = False  # the match ends on a year: reject "2000 soldats"


def _rel_mode(rel: str | None, mode: str) -> str:
    if not rel:
        return mode
    return "next" if rel.lower().startswith("proch") else "last"


def _numeric(g: dict, a: Anchor, mode: str) -> Resolved:
    mo = int(g["mo"])
    span = day_date(int(g["y"]), mo, int(g["d"])) if 1 <= mo <= 12 else None
    return (span, "absolute") if span else None


def _day_range(g: dict, a: Anchor, mode: str) -> Resolved:
    m2 = month_number(g["m2"])
    y2 = int(g["y2"]) if g["y2"] else year_for_month(a, m2, mode, parse_day(g["d2"]))
    m1 = month_number(g["m1"]) if g["m1"] else m2
    y1 = int(g["y1"]) if g["y1"] else (y2 if m1 <= m2 else y2 - 1)
    first, last = day_date(y1, m1, parse_day(g["d1"])), day_date(y2, m2, parse_day(g["d2"]))
    if not first or not last:
        return None
    return TimeSpan(first.start, last.end, "day"), "absolute"


def _month_range(g: dict, a: Anchor, mode: str) -> Resolved:
    m1, m2, y2 = month_number(g["m1"]), month_number(g["m2"]), int(g["y2"])
    y1 = int(g["y1"]) if g["y1"] else (y2 if m1 <= m2 else y2 - 1)
    return months_span(y1, m1, y2, m2), "absolute"


def _year_range(g: dict, a: Anchor, mode: str) -> Resolved:
    y1, y2 = int(g["y1"]), int(g["y2"])
    return (years_span(y1, y2), "absolute") if y1 <= y2 else None


def _day_date(g: dict, a: Anchor, mode: str) -> Resolved:
    month, day = month_number(g["m"]), parse_day(g["d"])
    year = int(g["y"]) if g["y"] else year_for_month(a, month, _rel_mode(g["rel"], mode), day)
    span = day_date(year, month, day)
    return (span, "absolute") if span else None


def _month(g: dict, a: Anchor, mode: str) -> Resolved:
    if not (g["y"] or g["part"] or g["en"] or g["rel"]) and not g["m"].islower():
        return None  # a capitalised bare "Mars" may be the planet or a name
    month = month_number(g["m"])
    year = int(g["y"]) if g["y"] else year_for_month(a, month, _rel_mode(g["rel"], mode))
    return month_part(year, month, g["part"]), "absolute"


def _year(g: dict, a: Anchor, mode: str) -> Resolved:
    return year_part(int(g["y"]), g["part"]), "absolute"


def _decade(g: dict, a: Anchor, mode: str) -> Resolved:
    return decade_part(decade_start(g["dec"]), g["part"]), "absolute"


def _season(g: dict, a: Anchor, mode: str) -> Resolved:
    name = g["s"].lower()
    if g["y"]:
        return season(int(g["y"]), name), "absolute"
    year = year_for_month(a, SEASONS[name][0], _rel_mode(g["rel"], mode))
    return season(year, name), "relative"


def _weekday(g: dict, a: Anchor, mode: str) -> Resolved:
    return weekday(a, WEEKDAYS[g["wd"].lower()], _rel_mode(g["rel"], mode)), "relative"


_DAY_OFFSETS = {"avant-hier": -2, "hier": -1, "demain": 1, "après-demain": 2, "apres-demain": 2}


def _rel_day(g: dict, a: Anchor, mode: str) -> Resolved:
    word = g["w"].lower()
    return shift(a, "day", _DAY_OFFSETS.get(word, 0)), "relative"


def _rel_unit(g: dict, a: Anchor, mode: str) -> Resolved:
    word = (g["u1"] or g["u2"]).lower()
    n = 0 if g["u1"] else (1 if g["rel"].lower().startswith("proch") else -1)
    if word.startswith("week"):
        if a.day is None:
            return a.span(), "relative"
        sat = weekday(a, 5, _rel_mode(g["rel"], mode))
        first = date.fromisoformat(sat.start)
        return days_span(first, first + timedelta(days=1)), "relative"
    unit = {"semaine": "week", "mois": "month"}.get(word, "year")
    if unit == "week" and a.day is not None:
        return week_of(a.date + timedelta(days=7 * n)), "relative"
    return shift(a, unit, n), "relative"


def _part_rel(g: dict, a: Anchor, mode: str) -> Resolved:
    n = 0 if not g["rel"] or "cours" in g["rel"] else _rel_n(g["rel"])
    if g["mo"]:
        if a.month is None:
            return a.span(), "relative"
        return month_part(*add_months(a.year, a.month, n), g["part"]), "relative"
    return year_part(a.year + n, g["part"]), "relative"


def _rel_n(rel: str) -> int:
    return 1 if rel.lower().startswith("proch") else -1


def _count(g: dict) -> int | None:
    return to_int(g["n"]) if g.get("n") else None


def _ago(g: dict, a: Anchor, mode: str) -> Resolved:
    n = _count(g)
    if n is None:
        return VAGUE, "vague"
    return shift(a, unit_of(g["u"]), -n), "relative"


def _in(g: dict, a: Anchor, mode: str) -> Resolved:
    n = _count(g)
    if n is None:
        return VAGUE, "vague"
    target = shift(a, unit_of(g["u"]), n)
    if g["p"].lower() == "dans":
        return target, "relative"
    prec = coarser(a.precision, target.precision)  # "d'ici deux ans": by then
    return TimeSpan(cut(a.span().start, prec), cut(target.end, prec), prec), "relative"


def _span_of_duration(g: dict, a: Anchor, mode: str) -> Resolved:
    prep = g["p"].lower()
    n = _count(g)
    if prep != "depuis":
        return VAGUE, "duration"
    if n is None:
        return TimeSpan(None, None, "vague", open_ended=True), "vague"
    began = shift(a, unit_of(g["u"]), -n)
    return TimeSpan(began.start, None, began.precision, open_ended=True), "relative"


def _now(g: dict, a: Anchor, mode: str) -> Resolved:
    word = " ".join(g["w"].lower().split())
    here = a.span()
    if word in ("désormais", "dorénavant"):
        return TimeSpan(here.start, None, here.precision, open_ended=True), "relative"
    if word.startswith("jusqu"):
        return TimeSpan(None, here.end, here.precision), "relative"
    return here, "relative"


_BACKWARD = ("récemment", "recemment", "dernièrement", "par le passé", "autrefois",
             "naguère", "jadis", "ces dernières", "ces derniers")


def _vague(g: dict, a: Anchor, mode: str) -> Resolved:
    word = " ".join(g["w"].lower().split())
    if word.startswith(_BACKWARD):
        return TimeSpan(None, a.span().end, "vague"), "vague"
    if word.startswith("depuis"):
        return TimeSpan(None, None, "vague", open_ended=True), "vague"
    return VAGUE, "vague"


_PART = r"(?:(?:à\s+la|a\s+la|au|en|dans\s+le)\s+)?(?:début|fin|mi-|mi\s|milieu|courant)"
_REL = r"(?:dernière|dernier|passée|passé|prochaine|prochain)"

RULES: tuple[Rule, ...] = (
    Rule("numeric", compile_re(rf"\b(?P<d>[0-3]?\d)/(?P<mo>[01]?\d)/(?P<y>{YEAR})\b"), _numeric),
    Rule("day_range", compile_re(
        rf"\b(?:du|entre\s+le|les)\s+(?P<d1>{DAY})(?:\s+(?P<m1>{MONTH})(?:\s+(?P<y1>{YEAR}))?)?"
        rf"\s+(?:au|et\s+le|et)\s+(?P<d2>{DAY})\s+(?P<m2>{MONTH})(?:\s+(?P<y2>{YEAR}))?\b"), _day_range),
    Rule("month_range", compile_re(
        rf"\b(?:de|d{APOS}|entre)\s*(?P<m1>{MONTH})(?:\s+(?P<y1>{YEAR}))?\s+(?:à|a|et)\s+"
        rf"(?P<m2>{MONTH})\s+(?P<y2>{YEAR})\b"), _month_range),
    Rule("year_range", compile_re(
        rf"\b(?:de|entre)\s+(?P<y1>{YEAR})\s+(?:à|a|et)\s+(?P<y2>{YEAR})\b"), _year_range,
        year_tail=True),
    Rule("year_dash", compile_re(rf"\b(?P<y1>{YEAR})\s?[-–]\s?(?P<y2>{YEAR})\b"), _year_range,
         year_tail=True),
    Rule("day_date", compile_re(
        rf"\b(?:(?:ce|le)\s+)?(?:(?P<wd>{WEEKDAY})\s+)?(?:le\s+)?(?P<d>{DAY})\s+(?P<m>{MONTH})"
        rf"(?:\s+(?P<y>{YEAR}))?(?:\s+(?P<rel>dernier|prochain))?\b"), _day_date),
    Rule("month", compile_re(
        rf"\b(?:(?P<en>en|au\s+mois\s+de|au\s+mois\s+d{APOS}|courant)\s+)?"
        rf"(?:(?P<part>{_PART})\s*(?:de\s+|du\s+mois\s+de\s+|du\s+mois\s+d{APOS}|d{APOS})?)?"
        rf"(?P<m>{MONTH})(?:\s+(?P<y>{YEAR})|\s+(?P<rel>dernier|prochain))?\b"), _month),
    Rule("year", compile_re(
        rf"\b(?:(?P<en>en|l{APOS}année|l{APOS}an|année)\s+|"
        rf"(?P<part>{_PART})\s*(?:de\s+(?:l{APOS}année\s+)?|d{APOS})?)?(?P<y>{YEAR})\b(?![,.]\d|\s?%)"),
        _year, weak_unless=("en", "part"), year_tail=True),
    Rule("decade", compile_re(
        r"\b(?:(?:dans|durant|pendant)\s+)?(?:(?P<part>(?:au|à\s+la|a\s+la)\s+(?:début|fin|milieu)"
        r"|début|fin|milieu)\s+)?(?:les|des|aux)\s+années\s+(?P<dec>(?:19|20)?\d0)\b"), _decade),
    Rule("season", compile_re(
        rf"\b(?:au|à\s+l{APOS}|en|cet|ce|l{APOS})\s*(?P<s>printemps|été|automne|hiver)"
        rf"(?:\s+(?P<y>{YEAR})|\s+(?P<rel>dernier|prochain))?\b"), _season),
    Rule("weekday", compile_re(
        rf"\b(?:(?:ce|cette)\s+)?(?P<wd>{WEEKDAY})(?:\s+(?:matin|soir|midi|après-midi|apres-midi))?"
        rf"(?:\s+(?P<rel>dernier|prochain|passé))?\b"), _weekday),
    Rule("rel_day", compile_re(
        rf"\b(?P<w>avant-hier|après-demain|apres-demain|hier|aujourd{APOS}hui|demain|ce\s+matin"
        rf"|ce\s+soir|cet\s+après-midi|cette\s+nuit)(?:\s+(?:matin|soir|après-midi|midi))?\b"), _rel_day),
    Rule("rel_unit", compile_re(
        rf"\b(?:(?:cette|ce|cet)\s+(?P<u1>semaine|mois|année|an|week-end|weekend)(?:-ci)?"
        rf"|(?:la|le|l{APOS})\s*(?P<u2>semaine|mois|année|an|week-end|weekend)\s+(?P<rel>{_REL}))\b"),
        _rel_unit),
    Rule("part_rel", compile_re(
        rf"\b(?:(?:à|a|en|vers|dans)\s+)?(?:la\s+|le\s+)?(?P<part>fin|début|milieu|mi-)\s*"
        rf"(?:(?P<mo>du\s+mois|de\s+mois)|de\s+l{APOS}année|d{APOS}année|de\s+l{APOS}an|de\s+cette\s+année)"
        rf"(?:\s+(?P<rel>dernière|dernier|prochaine|prochain|en\s+cours))?\b"), _part_rel),
    Rule("ago", compile_re(
        rf"\bil\s+y\s+a\s+(?:(?:environ|près\s+de|pres\s+de|plus\s+de|moins\s+de|presque|à\s+peine)\s+)?"
        rf"(?:(?P<n>{NUMBER})|{VAGUE_COUNT})\s+(?P<u>{UNIT})\b"), _ago),
    Rule("in", compile_re(
        rf"\b(?P<p>dans|d{APOS}ici)\s+(?:(?:environ|près\s+de|moins\s+de|plus\s+de)\s+)?"
        rf"(?:(?P<n>{NUMBER})|quelques|plusieurs)\s+(?P<u>{UNIT})\b"), _in),
    Rule("duration", compile_re(
        rf"\b(?P<p>depuis|pendant|durant|en)\s+(?:(?:environ|près\s+de|plus\s+de|moins\s+de|presque)\s+)?"
        rf"(?:(?P<n>{NUMBER})|{VAGUE_COUNT})\s+(?P<u>{UNIT})\b"), _span_of_duration),
    Rule("now", compile_re(
        rf"\b(?P<w>actuellement|à\s+ce\s+jour|a\s+ce\s+jour|à\s+l{APOS}heure\s+actuelle|à\s+présent"
        rf"|en\s+ce\s+moment|jusqu{APOS}à\s+présent|jusqu{APOS}ici|désormais|dorénavant"
        rf"|présentement)\b"), _now),
    Rule("vague", compile_re(
        rf"\b(?P<w>récemment|recemment|dernièrement|prochainement|bientôt|à\s+terme"
        rf"|à\s+l{APOS}avenir|par\s+le\s+passé|autrefois|naguère|jadis"
        rf"|ces\s+(?:dernières|derniers)\s+(?:années|mois|semaines|jours|décennies|temps)"
        rf"|(?:dans\s+|au\s+cours\s+)?(?:les|des|ces)\s+(?:prochaines|prochains)\s+(?:années|mois|semaines|jours|décennies)"
        rf"|(?:dans\s+)?les\s+(?:années|mois|semaines|jours)\s+à\s+venir"
        rf"|la\s+veille|le\s+lendemain|depuis\s+longtemps|depuis\s+toujours)\b"), _vague),
)
