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


# --- case-insensitive patterns, fast on lower-case text ---------------------------------
#
# ``re.IGNORECASE`` makes Python's regex engine about three times slower, and the
# extractors match their cue patterns on lowered sentences, where it changes nothing:
# a pattern with no upper-case letter finds the same matches with or without the
# flag in a text whose cased characters are all lower case, unless the text holds
# one of the few letters that fold onto a letter of the pattern ("ſ" onto "s", "ı"
# onto "i"). ``IgnoreCase`` runs the faster case-sensitive pattern on such a text
# and the ``IGNORECASE`` one on any other, so that results never differ.

def _extra_cases() -> dict[int, tuple[int, ...]]:
    from re import _casefix  # the engine's own table of extra case equivalences

    return _casefix._EXTRA_CASES


def _chars(items, found: set[int]) -> bool:
    """Collect into ``found`` the characters a parsed pattern names (literals, class
    members, ranges); False when it holds something this reading does not know
    (a back-reference, a conditional group...)."""
    from re import _constants as k

    for op, av in items:
        if op in (k.LITERAL, k.NOT_LITERAL):
            found.add(av)
        elif op is k.IN:
            for iop, iav in av:
                if iop is k.LITERAL:
                    found.add(iav)
                elif iop is k.RANGE:
                    found.update(range(iav[0], iav[1] + 1))
                elif iop not in (k.CATEGORY, k.NEGATE):
                    return False
        elif op is k.SUBPATTERN:
            if not _chars(av[-1], found):
                return False
        elif op is k.BRANCH:
            if not all(_chars(b, found) for b in av[1]):
                return False
        elif op in (k.MAX_REPEAT, k.MIN_REPEAT, k.POSSESSIVE_REPEAT):
            if not _chars(av[2], found):
                return False
        elif op in (k.ASSERT, k.ASSERT_NOT):
            if not _chars(av[1], found):
                return False
        elif op is k.ATOMIC_GROUP:
            if not _chars(av, found):
                return False
        elif op not in (k.AT, k.ANY):
            return False
    return True


def case_free(pattern: str) -> tuple[str, ...] | None:
    """For a pattern that names no upper-case character, the characters of a text
    that ``IGNORECASE`` would let it match beside its own (their presence forces
    the flag); None for any other pattern (it always keeps the flag)."""
    from re import _parser

    named: set[int] = set()
    try:
        if not _chars(_parser.parse(pattern), named):
            return None
    except Exception:  # noqa: BLE001 - any doubt keeps the flag
        return None
    extra = _extra_cases()
    folds: set[int] = set()
    for code in named:
        char = chr(code)
        if char.lower() != char or code in extra and code > 127:
            return None
        folds.update(extra.get(code, ()))
    return tuple(sorted(chr(c) for c in folds))


SHORT = 32
_LOWER_SEEN: dict[int, tuple[str, bool]] = {}


def _lower_case(text: str) -> bool:
    """``text.islower()`` (some cased character, none upper or title case),
    remembered for the last texts seen: every cue pattern of a sentence asks."""
    seen = _LOWER_SEEN.get(id(text))
    if seen is not None and seen[0] is text:
        return seen[1]
    if len(_LOWER_SEEN) >= 256:
        _LOWER_SEEN.clear()
    answer = text.islower()
    _LOWER_SEEN[id(text)] = (text, answer)
    return answer


class IgnoreCase:
    """A case-insensitive pattern (``re.compile(pattern, re.IGNORECASE)``) that runs
    without the flag on lower-case text when that cannot change a match. Offers
    the methods of ``re.Pattern`` the extractors use."""

    def __init__(self, pattern: str):
        self.pattern = pattern
        self.slow = re.compile(pattern, re.IGNORECASE)
        self.flags = self.slow.flags
        folds = case_free(pattern)
        self.folds = folds or ()
        self.fast = self.slow if folds is None else re.compile(pattern)

    def _for(self, text: str) -> re.Pattern[str]:
        if self.fast is self.slow or len(text) < SHORT or not _lower_case(text):
            return self.slow  # a short text: the test would cost what the flag does
        for char in self.folds:
            if char in text:
                return self.slow
        return self.fast

    def search(self, text: str, *args):
        return self._for(text).search(text, *args)

    def match(self, text: str, *args):
        return self._for(text).match(text, *args)

    def fullmatch(self, text: str, *args):
        return self._for(text).fullmatch(text, *args)

    def finditer(self, text: str, *args):
        return self._for(text).finditer(text, *args)

    def findall(self, text: str, *args):
        return self._for(text).findall(text, *args)

    def sub(self, repl, text: str, count: int = 0):
        return self._for(text).sub(repl, text, count)

    def split(self, text: str, maxsplit: int = 0):
        return self._for(text).split(text, maxsplit)
