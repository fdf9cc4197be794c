"""Text normalisation shared by every stage: folding names for comparison."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_APOSTROPHES = "\u2019\u2018\u02bc`´"
_SPACES = re.compile(r"[\s\-\u2010\u2011\u2012\u2013\u2014'_.]+")


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Accent- and case-insensitive form of a name, hyphens and apostrophes read
    as spaces: ``fold("BIÉLORUSSIE") == fold("Biélorussie") == "bielorussie"``."""
    for ch in _APOSTROPHES:
        text = text.replace(ch, "'")
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    stripped = stripped.replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae")
    return _SPACES.sub(" ", stripped.casefold()).strip()


def slug(text: str) -> str:
    """A readable key for an entity id: ``slug("Vladimir Putin") == "vladimir-putin"``."""
    return fold(text).replace(" ", "-")


def normalise_quotes(text: str) -> str:
    """Typographic apostrophes to ASCII, keeping string length (offsets stay valid)."""
    for ch in _APOSTROPHES:
        text = text.replace(ch, "'")
    return text
