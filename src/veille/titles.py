"""Titles, offices and demonym phrases: "le président russe", "son homologue
chinois", "le chef de la diplomatie russe", "la partie russe".

Works on folded tokens (accents and case removed), so that "Président" and
"president" meet, and returns token spans with what they stand for. Resolving an
office to its holder at a date is the gazetteer's job (``Gazetteer.holders``).
"""

from __future__ import annotations

from dataclasses import dataclass

from .gazetteer import Gazetteer

# Generic titles and the office kind they name, whatever the country.
GENERIC_TITLES: dict[str, str] = {
    "chef de l etat": "head_of_state",
    "chef d etat": "head_of_state",
    "chef du gouvernement": "head_of_government",
    "chef de gouvernement": "head_of_government",
    "chef de la diplomatie": "foreign_minister",
    "ministre des affaires etrangeres": "foreign_minister",
    "ministre de l europe et des affaires etrangeres": "foreign_minister",
    "ministre des relations exterieures": "foreign_minister",
    "secretaire d etat": "foreign_minister",
    "premier ministre": "head_of_government",
    "premiere ministre": "head_of_government",
    "president": "head_of_state",
    "presidente": "head_of_state",
    "chef du kremlin": "head_of_state",
    "numero un": "head_of_state",
    "dirigeant": "head_of_state",
    "dirigeante": "head_of_state",
    "secretaire general": "leader",
    "secretaire generale": "leader",
    "homologue": "",  # the kind of the last person named
    # "le chef du Kremlin", "le maître de l'Élysée", "le locataire de la Maison Blanche"
    "chef": "head_of_state",
    "maitre": "head_of_state",
    "locataire": "head_of_state",
    "hote": "head_of_state",
}
# Titles whose office has a single owner, named or not: "le pape" is the Holy See's.
IMPLIED_OWNER = {"pape": "country:VA", "souverain pontife": "country:VA"}
# Words that are titles only with their owner beside them ("chef du Kremlin").
NEEDS_OWNER = {"chef", "maitre", "locataire", "hote"}
FEMININE = {"presidente": "president", "premiere ministre": "premier ministre",
            "chanceliere": "chancelier", "secretaire generale": "secretaire general",
            "dirigeante": "dirigeant"}
FORMER = {"ancien", "ancienne", "ex", "futur", "future", "defunt", "defunte", "feu", "vice",
          "adjoint", "adjointe", "sous"}
PREVIOUS = {"ancien", "ancienne", "ex"}  # the holder before the one in office
# Nouns that, followed by a country adjective, stand for the state itself.
STATE_NOUNS = {"partie", "gouvernement", "autorites", "diplomatie", "pouvoir", "regime",
               "executif", "junte", "cote", "presidence", "armee", "forces", "troupes",
               "etat", "dirigeants", "responsables", "officiels", "delegation", "camp"}
PREFIXES = {"sino": "CN", "russo": "RU", "americano": "US", "franco": "FR", "germano": "DE",
            "indo": "IN", "turco": "TR", "irano": "IR", "israelo": "IL", "arabo": "",
            "nippo": "JP", "anglo": "GB", "italo": "IT", "hispano": "ES", "belgo": "BE",
            "ukraino": "UA", "polono": "PL", "pakistano": "PK", "syro": "SY",
            "armeno": "AM", "azerbaidjano": "AZ", "greco": "GR", "serbo": "RS"}


@dataclass
class TitleMatch:
    start: int  # token indices, end exclusive
    end: int
    title: str  # folded title words
    kind: str  # office kind, "" for "homologue"
    of: str | None  # country or organisation id, when the phrase names it
    former: bool = False
    previous: bool = False  # "l'ancien Premier ministre": the last holder before the date


def _token_forms(titles) -> list[list[str]]:
    """Each title as the folded words spaCy's tokens give: "porte-parole" and
    "vice-président" are one token each, folded to "porte parole", so a title
    also exists with each pair of neighbouring words joined into one."""
    forms: set[tuple[str, ...]] = set()
    for title in titles:
        words = title.split()
        if not words:
            continue
        forms.add(tuple(words))
        for k in range(len(words) - 1):
            forms.add((*words[:k], f"{words[k]} {words[k + 1]}", *words[k + 2:]))
    return [list(f) for f in forms]


class TitleMatcher:
    def __init__(self, gaz: Gazetteer):
        self.gaz = gaz
        titles = set(GENERIC_TITLES) | gaz.title_words | set(FEMININE)
        self.titles = sorted(_token_forms(titles), key=len, reverse=True)
        self.first_words = {t[0] for t in self.titles}

    def kind_of(self, title: str) -> str | None:
        title = FEMININE.get(title, title)
        if title in GENERIC_TITLES:
            return GENERIC_TITLES[title]
        return None  # a specific title ("chancelier", "roi"): matched by title words

    def match(self, words: list[str], i: int, ent_of: dict[int, str]) -> TitleMatch | None:
        """A title starting at token ``i`` of the folded ``words``; ``ent_of`` maps a
        token index to the entity id of a country or organisation name covering it."""
        if words[i] not in self.first_words or self._opens_person_name(words, i):
            return None
        for title in self.titles:
            n = len(title)
            # "ministre russe des Affaires étrangères": the adjective may sit inside
            if words[i:i + n] == title:
                end, inner = i + n, None
            elif n > 1 and words[i] == title[0] and words[i + 2:i + 1 + n] == title[1:] \
                    and self.gaz.country_of_adjective(words[i + 1]):
                end, inner = i + 1 + n, self.gaz.country_of_adjective(words[i + 1])
            else:
                continue
            former = i > 0 and words[i - 1] in FORMER
            previous = i > 0 and words[i - 1] in PREVIOUS
            if end - 1 in ent_of and not inner:
                # the title names its owner: "président de la Commission (européenne)"
                inner = ent_of[end - 1]
                while end in ent_of and ent_of[end] == inner:
                    end += 1
            of, end = self._owner(words, end, ent_of, inner)
            of = of or IMPLIED_OWNER.get(" ".join(title))
            if of is None and " ".join(title) in NEEDS_OWNER:
                continue
            return TitleMatch(i, end, " ".join(title), self.kind_of(" ".join(title)) or "",
                              of, former, previous)
        return None

    def _opens_person_name(self, words: list[str], i: int) -> bool:
        """"le roi Willem-Alexander", "le pape François": a title that opens a known
        person's name is part of that name, not an office to resolve."""
        parts: list[str] = []
        for word in words[i:i + 6]:
            if not word:
                continue
            parts.append(word)
            if len(parts) > 1 and any(a.entity_id.startswith("person:")
                                      for a in self.gaz.aliases.get(" ".join(parts), ())):
                return True
        return False

    def _owner(self, words: list[str], end: int, ent_of: dict[int, str],
               inner: str | None) -> tuple[str | None, int]:
        if inner:
            return inner, end
        if end < len(words):
            adj = self.gaz.country_of_adjective(words[end])
            if adj:
                return adj, end + 1
            # "président de la Russie", "secrétaire général de l'ONU", "du Kazakhstan"
            j = end
            if words[j] in ("de", "du", "des", "d"):
                j += 1
                if j < len(words) and words[j] in ("la", "l", "le", "les"):
                    j += 1
                if j in ent_of:
                    owner = ent_of[j]
                    k = j
                    while k + 1 in ent_of and ent_of[k + 1] == owner:
                        k += 1
                    return owner, k + 1
        return None, end

    def state_phrase(self, words: list[str], i: int) -> tuple[int, str] | None:
        """"la partie russe" at token ``i`` (the noun): (end, country id)."""
        if words[i] in STATE_NOUNS and i + 1 < len(words):
            country = self.gaz.country_of_adjective(words[i + 1])
            if country:
                return i + 2, country
        return None

    def prefixed_adjective(self, word: str) -> list[str]:
        """"sino-russe" -> [country:CN, country:RU]."""
        parts = word.split()
        if len(parts) < 2:
            return []
        found = []
        for part in parts[:-1]:
            code = PREFIXES.get(part)
            if code:
                found.append(f"country:{code}")
        last = self.gaz.country_of_adjective(parts[-1])
        if found and last:
            found.append(last)
        return found if last else []
