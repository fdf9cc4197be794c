"""French numerals and amounts: "1,5 milliard", "300 000", "1.500", "douze",
"un million", "la moitié", "une centaine" -> floats.

Two entry points: :func:`parse_number` reads one whole expression, and
:func:`find_numbers` scans a text and returns every numeric expression with its
character offsets (offsets are never shifted, unlike ``alpha2digit``).
Ordinals ("15e", "1er", "vingtième", "premier", "second") are found too but flagged, so callers can skip them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from text_to_num import text2num

from .text import IgnoreCase

# Thousands separators seen in French press text: space, no-break space, thin
# no-break space, narrow space, and the dot ("76.000").
_SEP = "[ \u00a0\u202f\u2009.]"
_DIGITS = re.compile(
    rf"(?<![\w.,])(\d{{1,3}}(?:{_SEP}\d{{3}})+(?:,\d+)?|\d+(?:[,.]\d+)?)(?![\w])"
    r"|(?<![\w.,])(\d+)(?=(?:er|ère|re|e|è|ème|eme|ᵉ|ᵉʳ|nd|nde)\b)"
)
_ORDINAL_SUFFIX = re.compile(r"^(?:er|ère|re|e|è|ème|eme|ᵉʳ|ᵉ|nd|nde)\b")

SCALES: dict[str, float] = {
    "milliard": 1e9, "milliards": 1e9, "mds": 1e9, "md": 1e9, "mrd": 1e9,
    "million": 1e6, "millions": 1e6,
    "mille": 1e3, "k": 1e3, "millier": 1e3, "milliers": 1e3,
}
_SCALE_AFTER = re.compile(
    r"^[ \u00a0\u202f\u2009]*(milliards?|millions?|mille|mds|md|mrd|k)(?![\w])",
    re.IGNORECASE,
)

_UNITS = (
    "zéro un une deux trois quatre cinq six sept huit neuf dix onze douze treize "
    "quatorze quinze seize vingt vingts trente quarante cinquante soixante septante "
    "huitante octante nonante cent cents mille"
).split()
NUMBER_WORDS = frozenset(_UNITS)

FRACTIONS: dict[str, float] = {
    "la moitié": 50.0, "une moitié": 50.0, "un quart": 25.0, "trois quarts": 75.0,
    "un tiers": 100 / 3, "deux tiers": 200 / 3, "un cinquième": 20.0,
    "un dixième": 10.0,
}
_FRACTION_RE = IgnoreCase(
    r"(?<![\w])(" + "|".join(sorted(FRACTIONS, key=len, reverse=True)) + r")(?![\w])")

# "une centaine" = about 100: approximate collective numerals.
COLLECTIVES: dict[str, float] = {
    "dizaine": 10, "douzaine": 12, "quinzaine": 15, "vingtaine": 20, "trentaine": 30,
    "quarantaine": 40, "cinquantaine": 50, "soixantaine": 60, "centaine": 100,
    "millier": 1000,
}
_COLLECTIVE_RE = IgnoreCase(
    r"(?<![\w])(une?|quelques?)[ \u00a0]+(" + "|".join(COLLECTIVES) + r")(?![\w])")
_WORD_RE = re.compile(r"[A-Za-zÀ-ÿœŒ]+(?:-[A-Za-zÀ-ÿœŒ]+)*")
# Ordinals in letters: "vingtième", "trente et unième" (flagged like "15e").
_ORDINAL_WORD_RE = IgnoreCase(
    r"(?<![\w-])((?:[a-zà-ÿ]+[ -](?:et[ -])?)*[a-zà-ÿ]+)ième(?!\w)")
_ORDINAL_STEMS = {"cinqu": "cinq", "neuv": "neuf", "un": "un"}
# "premier", "seconde": the two ordinals not formed with "-ième".
_FIRST_SECOND = IgnoreCase(r"(?<![\w-])(premi(?:er|ère)s?|seconde?s?)(?![\w-])")


@dataclass(frozen=True)
class Number:
    """A numeric expression found in a text.

    ``value`` includes the scale ("1,5 milliard" -> 1.5e9); ``fraction`` marks
    "la moitié", "un tiers" (value in percent); ``approx`` marks collective
    numerals ("une centaine"); ``ordinal`` marks "15e", "1er".
    """

    start: int
    end: int
    text: str
    value: float
    fraction: bool = False
    approx: bool = False
    ordinal: bool = False
    words: bool = False  # written in letters


def _digits_value(raw: str) -> float:
    """Value of a digit string in French or English layout."""
    s = raw.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2009", " ")
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", s):
        s = s.replace(".", "")  # "1.500" and "3.551" are thousands in the press
    s = s.replace(" ", "").replace(",", ".")
    return float(s)


def _words_value(words: list[str]) -> float | None:
    """Value of a run of French number words, or None."""
    phrase = " ".join(words)
    try:
        return float(text2num(phrase, "fr"))
    except (ValueError, TypeError):
        return None


def _scale_at(text: str, pos: int) -> tuple[float, int]:
    """The scale word right after ``pos`` ("milliard", "k"), as factor and end."""
    m = _SCALE_AFTER.match(text[pos:])
    if not m:
        return 1.0, pos
    return SCALES[m.group(1).lower()], pos + m.end()


def _word_runs(text: str) -> list[tuple[int, int, list[str]]]:
    """Maximal runs of number words ("cinquante-cinq", "vingt et un")."""
    runs: list[tuple[int, int, list[str]]] = []
    current: list[tuple[int, int, str]] = []
    for m in _WORD_RE.finditer(text):
        word = m.group(0).lower()
        if word in NUMBER_WORDS:
            is_num = True
        elif "-" in word:
            is_num = all(p in NUMBER_WORDS or p == "et" for p in word.split("-"))
        elif word != "et":  # the usual case: a word that is no numeral ends the run
            if current:
                runs.append(_close_run(current))
                current = []
            continue
        else:
            is_num = False
        joined = current and text[current[-1][1]:m.start()].strip() == ""
        if is_num and (joined or not current):
            current.append((m.start(), m.end(), word))
            continue
        if word == "et" and current and joined:
            current.append((m.start(), m.end(), word))
            continue
        if current:
            runs.append(_close_run(current))
            current = []
        if is_num:
            current.append((m.start(), m.end(), word))
    if current:
        runs.append(_close_run(current))
    return [r for r in runs if r[2]]


def _close_run(items: list[tuple[int, int, str]]) -> tuple[int, int, list[str]]:
    while items and items[-1][2] == "et":
        items = items[:-1]
    if not items:
        return (0, 0, [])
    return items[0][0], items[-1][1], [w for _, _, w in items]


def _ordinal_word_value(stem: str) -> float | None:
    """Value of an ordinal in letters from its stem ("vingt" of "vingtième")."""
    words = stem.lower().replace("-", " ").split()
    while words and not all(w in NUMBER_WORDS or w == "et" for w in words[:-1]):
        words = words[1:]  # drop leading words that are not numerals
    if not words:
        return None
    last = words[-1]
    for cand in (_ORDINAL_STEMS.get(last, last), last + "e"):
        if cand in NUMBER_WORDS:
            return _words_value(words[:-1] + [cand]) if len(words) > 1 else (
                _words_value([cand]))
    return None


# Every ordinal in letters holds "ième": a cheap test before the costly pattern.
_IEME = IgnoreCase("ième")


def _ordinal_words(text: str) -> list[Number]:
    found: list[Number] = []
    if not _IEME.search(text):
        return found
    for m in _ORDINAL_WORD_RE.finditer(text):
        stem = m.group(1)
        value = _ordinal_word_value(stem)
        if value is None:
            continue
        words = stem.replace("-", " ").split()
        while words and _ordinal_word_value(" ".join(words[1:])) == value:
            words = words[1:]  # "le vingtième": keep only the numeral words
        start = m.end() - len("ième") - len(" ".join(words))
        start = max(start, m.start())
        found.append(Number(start, m.end(), text[start:m.end()], value, ordinal=True,
                            words=True))
    return found


def find_numbers(text: str, ones: re.Pattern[str] | IgnoreCase | None = None) -> list[Number]:
    """Every numeric expression of ``text``, sorted by start, none overlapping.

    "un" / "une" alone is the article, not a number, unless ``ones`` (a pattern
    whose group 1 is "un" or "une": "(un) an", "(une) semaine") matches there."""
    found: list[Number] = []
    for m in _FRACTION_RE.finditer(text):
        found.append(Number(m.start(), m.end(), m.group(0),
                            FRACTIONS[m.group(1).lower()], fraction=True))
    for m in _COLLECTIVE_RE.finditer(text):
        base = COLLECTIVES[m.group(2).lower()]
        found.append(Number(m.start(), m.end(), m.group(0), float(base), approx=True))
    for m in _DIGITS.finditer(text):
        if m.group(2) is not None:
            found.append(Number(m.start(), m.end(), m.group(0), float(m.group(2)),
                                ordinal=True))
            continue
        value = _digits_value(m.group(1))
        factor, end = _scale_at(text, m.end())
        found.append(Number(m.start(), end, text[m.start():end], value * factor))
    for start, end, words in _word_runs(text):
        value = _words_value(words)
        factor, end2 = _scale_at(text, end)
        if value is None or (words in (["un"], ["une"]) and factor == 1.0):
            continue  # the article "un", not the number one
        found.append(Number(start, end2, text[start:end2], value * factor, words=True))
    found += _ordinal_words(text)
    for m in _FIRST_SECOND.finditer(text):
        value = 1.0 if m.group(1).lower().startswith("premi") else 2.0
        found.append(Number(m.start(), m.end(), m.group(0), value, ordinal=True, words=True))
    for m in ones.finditer(text) if ones else ():
        found.append(Number(m.start(1), m.end(1), m.group(1), 1.0, words=True))
    return _without_overlaps(found)


def _without_overlaps(items: list[Number]) -> list[Number]:
    """Keep the longest of overlapping expressions, then sort by start."""
    kept: list[Number] = []
    for item in sorted(items, key=lambda n: (-(n.end - n.start), n.start)):
        if all(item.end <= k.start or item.start >= k.end for k in kept):
            kept.append(item)
    return sorted(kept, key=lambda n: n.start)


def parse_number(text: str) -> float | None:
    """The value of one French numeric expression, or None.

    >>> parse_number("1,5 milliard")
    1500000000.0
    >>> parse_number("trois cent mille")
    300000.0
    """
    stripped = text.strip()
    numbers = find_numbers(stripped)
    if len(numbers) != 1:
        return None
    only = numbers[0]
    if only.ordinal or (only.start, only.end) != (0, len(stripped)):
        return None
    return only.value
