"""Calendar arithmetic and French date words for ``veille.timex``.

Pure functions that turn pieces of a French time expression plus the
article's date (an :class:`Anchor`) into a :class:`~veille.model.TimeSpan`.

Conventions
- Bounds are ISO strings cut to the span's precision; a sub-period
  ("début juillet", "fin 2023") is an interval at the next finer precision
  (days for a part of a month, months for a part of a year, years for a part of
  a decade): thirds of the period, so its start always lies inside it.
- Precision never exceeds the anchor's for anchor-relative expressions: a
  weekday, "hier" or "cette semaine" in an article dated "2024-07" gives
  "2024-07" (month). A shift smaller than one anchor unit ("il y a trois jours"
  against "2024-07") collapses to the anchor period; a larger one moves by
  whole anchor units ("il y a six semaines" against "2024-07" -> "2024-06").
- "il y a deux ans" gives the year (anchor year - 2, precision "year"), not a
  month: the press uses it as a round figure.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from text_to_num import text2num

from veille.model import Precision, TimeSpan

MONTHS: dict[str, int] = {
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5,
    "juin": 6, "juillet": 7, "août": 8, "aout": 8, "septembre": 9,
    "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12,
}
WEEKDAYS: dict[str, int] = {
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4,
    "samedi": 5, "dimanche": 6,
}
UNIT_DAYS: dict[str, float] = {"day": 1, "week": 7, "month": 30.44, "year": 365.25}
PRECISION_RANK: dict[str, int] = {"day": 0, "month": 1, "year": 2, "decade": 3, "vague": 4}
@dataclass(frozen=True)
class Anchor:
    """The article's date: year always, month and day when known."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> Precision:
        return "day" if self.day else "month" if self.month else "year"

    @property
    def date(self) -> date:
        """The anchor day (only meaningful at day precision)."""
        return date(self.year, self.month or 1, self.day or 1)

    def span(self) -> TimeSpan:
        iso = iso_of(self.year, self.month, self.day)
        return TimeSpan(iso, iso, self.precision)


def iso_of(year: int, month: int | None = None, day: int | None = None) -> str:
    """ISO string cut to the parts given."""
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def cut(iso: str | None, precision: str) -> str | None:
    """Cut an ISO string to ``precision`` (decade and vague keep the year)."""
    if iso is None:
        return None
    return iso[: {"day": 10, "month": 7}.get(precision, 4)]


def coarser(a: str, b: str) -> str:
    return a if PRECISION_RANK[a] >= PRECISION_RANK[b] else b


def last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    idx = year * 12 + (month - 1) + n
    return idx // 12, idx % 12 + 1


def days_span(first: date, last: date | None = None) -> TimeSpan:
    return TimeSpan(first.isoformat(), (last or first).isoformat(), "day")


def months_span(y1: int, m1: int, y2: int | None = None, m2: int | None = None) -> TimeSpan:
    return TimeSpan(iso_of(y1, m1), iso_of(y2 or y1, m2 or m1), "month")


def years_span(y1: int, y2: int | None = None) -> TimeSpan:
    return TimeSpan(iso_of(y1), iso_of(y2 or y1), "year")


def week_of(day: date) -> TimeSpan:
    """Monday to Sunday of the week holding ``day``."""
    monday = day - timedelta(days=day.weekday())
    return days_span(monday, monday + timedelta(days=6))


def to_int(word: str) -> int | None:
    """A cardinal in digits or French words ("deux", "vingt-cinq")."""
    word = " ".join(word.lower().split())
    if word.isdigit():
        return int(word)
    try:
        return int(text2num(word, "fr"))
    except ValueError:
        return None


def unit_of(word: str) -> str:
    word = word.lower()
    if word.startswith("jour"):
        return "day"
    if word.startswith("semaine"):
        return "week"
    if word == "mois":
        return "month"
    if word.startswith(("déc", "dec")):
        return "decade"
    return "year"


# --- anchor-relative shifts -------------------------------------------------

def shift(anchor: Anchor, unit: str, n: int) -> TimeSpan:
    """The period ``n`` units away from the anchor (negative: in the past)."""
    if unit == "decade":
        unit, n = "year", n * 10
    natural = {"day": "day", "week": "day", "month": "month", "year": "year"}[unit]
    if PRECISION_RANK[anchor.precision] > PRECISION_RANK[natural] or (
        unit == "week" and anchor.day is None
    ):
        return _shift_anchor_units(anchor, n * UNIT_DAYS[unit])
    if unit == "year":
        return years_span(anchor.year + n)
    if unit == "month":
        return months_span(*add_months(anchor.year, anchor.month or 1, n))
    moved = anchor.date + timedelta(days=n * (7 if unit == "week" else 1))
    return week_of(moved) if unit == "week" else days_span(moved)


def _shift_anchor_units(anchor: Anchor, days: float) -> TimeSpan:
    """Move a coarse anchor by the whole number of its own units in ``days``."""
    k = int(days / UNIT_DAYS[anchor.precision])
    if anchor.precision == "year":
        return years_span(anchor.year + k)
    return months_span(*add_months(anchor.year, anchor.month or 1, k))


def weekday(anchor: Anchor, wd: int, mode: str) -> TimeSpan:
    """A weekday resolved against the anchor.

    ``mode``: past (on or before the anchor day), future (on or after), present
    (within the anchor's Monday-Sunday week), last / next (strictly before / after).
    Without a day anchor, the anchor period itself.
    """
    if anchor.day is None:
        return anchor.span()
    base = anchor.date
    back, fwd = (base.weekday() - wd) % 7, (wd - base.weekday()) % 7
    if mode == "present":
        delta = wd - base.weekday()
    elif mode in ("past", "last"):
        delta = -(back or (7 if mode == "last" else 0))
    else:
        delta = fwd or (7 if mode == "next" else 0)
    return days_span(base + timedelta(days=delta))


def year_for_month(anchor: Anchor, month: int, mode: str, day: int | None = None) -> int:
    """The year of a month (and day) named without one, chosen by ``mode``."""
    y = anchor.year
    if anchor.month is None:
        return y
    here = (anchor.month, anchor.day or 0) if day is not None and anchor.day else (anchor.month, 0)
    there = (month, day or 0) if day is not None and anchor.day else (month, 0)
    same_month_coarse = anchor.day is None and month == anchor.month
    if mode == "past" or (mode == "last" and same_month_coarse and day is not None):
        return y if there <= here else y - 1
    if mode == "future" or (mode == "next" and same_month_coarse and day is not None):
        return y if there >= here else y + 1
    if mode == "last":
        return y if there < here else y - 1
    if mode == "next":
        return y if there > here else y + 1
    # present: the nearest occurrence, the past one on a tie
    ref = date(y, anchor.month, anchor.day or 15)
    best = min((y - 1, y, y + 1), key=lambda c: (abs((_safe(c, month, day) - ref).days), c > y))
    return best


def _safe(year: int, month: int, day: int | None) -> date:
    return date(year, month, min(day or 15, last_day(year, month)))


# --- calendar periods and their parts --------------------------------------

def day_date(year: int, month: int, day: int) -> TimeSpan | None:
    if not 1 <= day <= last_day(year, month):
        return None
    return days_span(date(year, month, day))


def month_part(year: int, month: int, part: str | None) -> TimeSpan:
    """A month, or its beginning / middle / end as thirds in days."""
    part = normalise_part(part)
    if part is None:
        return months_span(year, month)
    lo, hi = {"début": (1, 10), "mi": (11, 20), "fin": (21, last_day(year, month))}[part]
    return days_span(date(year, month, lo), date(year, month, hi))


def year_part(year: int, part: str | None) -> TimeSpan:
    """A year, or its beginning / middle / end as thirds in months."""
    part = normalise_part(part)
    if part is None:
        return years_span(year)
    lo, hi = {"début": (1, 4), "mi": (5, 8), "fin": (9, 12)}[part]
    return months_span(year, lo, year, hi)


def decade_part(first_year: int, part: str | None) -> TimeSpan:
    """A decade ("les années 1990"), or its beginning / middle / end in years."""
    part = normalise_part(part)
    if part is None:
        return TimeSpan(iso_of(first_year), iso_of(first_year + 9), "decade")
    lo, hi = {"début": (0, 3), "mi": (4, 6), "fin": (7, 9)}[part]
    return years_span(first_year + lo, first_year + hi)


def normalise_part(part: str | None) -> str | None:
    """Map "au début", "à la mi-", "milieu", "courant" ... to début / mi / fin / None."""
    if not part:
        return None
    p = part.lower()
    if "début" in p or "debut" in p:
        return "début"
    if "fin" in p:
        return "fin"
    if "mi" in p and "courant" not in p:
        return "mi"
    return None


SEASONS: dict[str, tuple[int, int]] = {
    "printemps": (3, 6), "été": (6, 9), "ete": (6, 9), "automne": (9, 12), "hiver": (12, 3),
}


def season(year: int, name: str) -> TimeSpan:
    """A season as months; winter runs from December of ``year`` into March."""
    lo, hi = SEASONS[name.lower()]
    return months_span(year, lo, year + 1 if hi < lo else year, hi)


def decade_start(text: str) -> int:
    """First year of "1990", "90", "2000" as said in "les années ..."."""
    n = int(text)
    if n >= 100:
        return n - n % 10
    return 1900 + n if n >= 20 else 2000 + n


def parse_day(text: str) -> int:
    t = text.lower()
    return 1 if t in ("1er", "1re", "1ère", "1ᵉʳ", "premier") else int(t)


def month_number(text: str) -> int:
    return MONTHS[text.lower().replace("û", "u")]
