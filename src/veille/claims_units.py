"""Units and measures of quantitative claims: what follows a figure ("%",
"milliards de dollars", "soldats", "pays membres", "voix", "ans" ...), the measure
it names ("de la population mondiale" -> ``share of world population``, "un prêt
de" -> ``loan``) and plural demonym nouns ("1 200 Français" -> people of France).

Cue words live in ``data/claims_lexicon.json``, loaded once by :func:`lexicon`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .facts_common import SentenceView, rx
from .numbers import Number

LEXICON_PATH = Path(__file__).parent / "data" / "claims_lexicon.json"
YEAR = re.compile(r"^(?:1[89]|20|21)\d\d$")
_ORDINAL_SUFFIX = re.compile(r"(?:ème|eme|ère|er|re|e|è|ᵉʳ|ᵉ|nde|nd)\b")
_CAPITAL_WORD = re.compile(r"[A-ZÀ-Ý][\w-]*")


@lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    """The claims lexicon (``data/claims_lexicon.json``), loaded once."""
    with LEXICON_PATH.open(encoding="utf-8") as fh:
        return json.load(fh)


@dataclass(frozen=True)
class Unit:
    """What follows a figure: its unit, default measure and where the unit words end."""

    unit: str
    measure: str
    end: int
    duration: bool = False


def unit_of(view: SentenceView, n: Number) -> Unit | None:
    """The unit of a figure, or None (a number with no unit word is not a claim)."""
    after = view.low[n.end:n.end + 80]
    lex = lexicon()
    if n.ordinal:
        return _ordinal_unit(view, n, after)
    if n.fraction:
        if not re.match(r"\s*(?:de|du|des|d')\b", after):
            return None
        return _percent(view, n.end, n.start, n.end)
    for row in lex["units"]:
        m = rx(row["re"]).match(after)
        if not m:
            continue
        end = n.end + m.end()
        if row["unit"] == "%":
            return _percent(view, end, n.start, end)
        return Unit(row["unit"], _amount_measure(view, n, row["measure"]), end,
                    bool(row.get("duration")))
    demonym = demonym_after(view, n.end)
    if demonym is not None:
        return Unit("people", "people", demonym[1])
    return None


def _ordinal_unit(view: SentenceView, n: Number, after: str) -> Unit | None:
    """"le 31e membre" -> member count; "le 12e paquet de sanctions" -> packages;
    "le deuxième producteur de ..." -> rank. Any other ordinal is no claim."""
    suffix = _ORDINAL_SUFFIX.match(after)
    shift = suffix.end() if suffix else 0
    for row in lexicon()["ordinal_units"]:
        m = rx(row["re"]).match(after[shift:])
        if m:
            return Unit(row["unit"], row["measure"], n.end + shift + m.end())
    return None


def _percent(view: SentenceView, pos: int, num_start: int, end: int) -> Unit:
    """A share: "% of GDP" for a share of the subject's own GDP, else "%"."""
    measure = _share_measure(view, pos, num_start)
    return Unit("% of GDP" if measure == "share of GDP" else "%", measure, end)


@lru_cache(maxsize=4096)
def _state_of_noun(word: str) -> str | None:
    """The state of a plural demonym noun ("Arméniens" -> country:AM), or None."""
    from .gazetteer import load  # the gazetteer gives identities only

    gaz = load()
    for form in (word, word[:-1] if word.endswith("s") else word):
        found = gaz.country_of_adjective(form)
        if found:
            return found
    return None


def demonym_after(view: SentenceView, pos: int) -> tuple[int, int, str] | None:
    """"1 346 Français", "120 000 Arméniens": a plural demonym right after ``pos``,
    as (start, end, state): a demonym mention, or a capitalised plural noun that
    the gazetteer knows as a demonym."""
    for m in view.mentions:
        s, e = view.rel(m)
        if (m.kind in ("adjective", "demonym") and m.entity_id and 0 < s - pos <= 2
                and view.low[e - 1:e] == "s" and view.low[pos:s].strip() == ""):
            return s, e, m.entity_id
    word = _CAPITAL_WORD.match(view.text, pos + 1) if view.text[pos:pos + 1].isspace() else None
    if word and word.group(0).endswith("s"):
        state = _state_of_noun(word.group(0))
        if state:
            return word.start(), word.end(), state
    return None


def _amount_measure(view: SentenceView, n: Number, default: str) -> str:
    """What an amount measures, from the nearest cue noun before it ("un prêt de")."""
    if default not in ("amount", "oil production"):
        return default
    before = view.low[max(0, n.start - 60):n.start]
    best: tuple[int, str] | None = None
    for row in lexicon()["amount_measures"]:
        if default == "oil production" and row["measure"] != "oil production cut":
            continue
        for m in rx(row["re"]).finditer(before):
            if best is None or m.end() > best[0]:
                best = (m.end(), row["measure"])
    return best[1] if best else default


def _share_measure(view: SentenceView, pos: int, num_start: int) -> str:
    """The measure of a share from the words after it ("de la population mondiale")."""
    lex = lexicon()
    after = view.low[pos:pos + 80]
    world = rx(lex["world_words"])
    for row in lex["shares"]:
        m = rx(row["re"]).match(after)
        if not m:
            continue
        measure = row["measure"]
        if measure == "share":
            return "share"
        tail = view.low[pos:pos + m.end() + 20]
        if world.search(tail) or world.search(view.low[:num_start]):
            return measure
        return measure.replace(" of world", " of")
    return "percentage"


def is_world_share(measure: str) -> bool:
    """A share of a world total ("share of world GDP"): something a group weighs."""
    return measure.startswith("share of world")

