"""Actor resolution: every mention of a parsed article to one canonical entity.

Names the gazetteer knows come from the EntityRuler with their id; titles resolve
to the office holder at the article's date; capitals stand for their state when
they act and for a place where something happens; country adjectives inside a
state phrase ("la partie russe") stand for the state; surnames and titles are
resolved within the article; names the gazetteer does not know become entities
of their own, keyed by their normalised name.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from .facts_common import doc_sents, doc_text
from .gazetteer import Alias, Gazetteer, institution_id
from .model import Article, Entity, Mention, type_of
from .resolve_office import TitleMixin
from .resolve_words import CORE_WORDS, DEFINITE, DescriptionMixin, _fold
from .text import fold, slug
from .titles import TitleMatcher

NER_TYPES = {"PER": "PERSON", "LOC": "PLACE", "ORG": "ORG"}
PLACE_PREPS = {"a", "dans", "vers", "depuis", "en", "pres", "au", "aux", "jusqu", "sur"}
PLACE_NOUNS = {"ville", "region", "capitale", "centre", "banlieue", "rues", "habitants",
               "maire", "aeroport", "sommet", "port", "province", "pres", "environs",
               "universite", "ambassade", "hotel", "palais", "quartier", "nord", "sud", "est",
               "ouest", "sud-est", "sud-ouest", "nord-est", "nord-ouest", "oblast", "periphérie"}
# Nouns of gatherings: "le sommet de Moscou", "une réunion à Pékin" name a place.
EVENT_NOUNS = {"sommet", "reunion", "rencontre", "visite", "conference", "negociations",
               "pourparlers", "entretien", "entretiens", "forum", "ceremonie", "signature",
               "accord", "traite", "declaration", "pacte", "protocole", "format", "processus",
               "manifestation", "attaque", "attentat", "frappe", "explosion", "bombardement",
               "voyage", "sejour", "tournee", "escale", "session", "assemblee", "congres",
               "defile", "parade", "exposition", "salon", "jeux", "conseil", "arrivee"}
# Gatherings and texts named after the city where they happen ("l'accord de Minsk").
NAMED_AFTER_PLACE = {"sommet", "conference", "accord", "accords", "traite", "declaration",
                     "pacte", "protocole", "format", "processus", "forum", "session",
                     "conseil", "jeux", "salon", "exposition", "congres", "reunion"}
# Verbs whose "à X" names a recipient, not a place: "faire de l'ombre à Pékin".
DATIVE_VERBS = {"faire", "demander", "reprocher", "livrer", "vendre", "fournir", "proposer",
                "imposer", "repondre", "adresser", "offrir", "promettre", "dire", "ecrire",
                "envoyer", "succeder", "opposer", "destiner", "apporter", "verser", "octroyer",
                "allouer", "transferer", "exporter", "importer", "rendre", "appeler", "ceder", "accorder",
                "permettre", "lancer", "infliger", "ordonner", "conseiller", "interdire"}
HONORIFICS = {"m", "mme", "mlle", "monsieur", "madame", "capitaine", "general", "colonel",
              "lieutenant", "commandant", "marechal", "president", "presidente", "premier",
              "premiere", "ministre", "dr", "docteur", "professeur", "pr", "sa", "son", "le",
              "la", "les", "l", "cheikh", "emir", "roi", "reine", "prince", "princesse",
              "pape", "imam", "ayatollah", "chancelier", "chanceliere", "secretaire",
              "senateur", "depute", "juge", "maitre", "me", "sir", "lord"}
PARTICLES = {"de", "da", "do", "dos", "das", "di", "van", "von", "der", "al", "el", "ben", "bin",
             "ould", "abu", "ibn"}
# French spellings of Slavic and Armenian names against their English ones:
# "Vardanian" / "Vardanyan", "Charov" / "Sharov", "Prigojine" / "Prigozhin".
ROMANISATION = [(r"ou", "u"), (r"tch", "ch"), (r"(?<!t)ch", "sh"), (r"dj", "j"),
                (r"(?<=[aeiouy])j|^j|(?<= )j", "zh"), (r"io", "yo"), (r"ia(?=n\b)", "ya"),
                (r"ine\b", "in"), (r"ï", "i"), (r"gue", "ge"), (r"gui", "gi"),
                (r"^ev", "yev"), (r"(?<=[^aeiouy])i$", "y")]
WEEKDAYS = {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"}
JUNK = {"si", "ce", "cet", "cette", "selon", "pendant", "etats", "etat", "sud", "nord", "est",
        "ouest", "union", "conseil", "general", "excellences", "excellence", "publicite",
        "ndlr", "photo", "dr", "occident", "president", "ministre", "gouvernement", "a",
        "apres", "alors", "lors", "mais", "or", "ainsi", "pourtant", "depuis", "entre",
        "guerre", "republique", "royaume", "federation", "sommet", "declaration",
        "lire aussi", "video", "credit", "source", "copyright", "afp", "reuters", "ap",
        "belga", "ats", "tass", "ria", "xinhua", "sputnik", "anadolu", "getty", "images"}


@dataclass
class Resolution:
    mentions: list[Mention]
    entities: dict[str, Entity] = field(default_factory=dict)


# Feasts and holidays the NER takes for places: "Aïd el-Fitr", "Pâques".
FEASTS = {"aid", "noel", "paques", "ramadan", "hanoucca", "kippour", "thanksgiving", "toussaint",
          "pentecote", "nowruz", "diwali"}
SUPRANATIONAL_DEMONYMS = {"europeen", "europeens", "europeenne", "europeennes", "africain",
                          "africains", "occidentaux", "occidental", "asiatiques", "arabes",
                          "azeri", "azeris", "latino americains", "sahelien", "saheliens"}
MINISTRY_WORDS = {"ministre", "ministere", "ministeres", "ministres", "departement",
                  "secretariat", "commissaire", "charge", "chargee", "portefeuille"}


class CommonWords:
    """French common nouns, adjectives and verbs, read from the lemmatizer's own
    tables: a single capitalised word the NER tags ("Alliance", "Défense",
    "Situation") is a name only when it is not one of them."""

    def __init__(self, nlp=None):
        self.words: set[str] = set()
        self.lookup: dict[str, str] = {}
        if nlp is None or "lemmatizer" not in nlp.pipe_names:
            return
        lookups = nlp.get_pipe("lemmatizer").lookups
        if "lemma_index" in lookups.tables:
            index = lookups.get_table("lemma_index")
            for pos in ("noun", "adj", "verb", "adv"):
                if pos in index:
                    self.words.update(index[pos])
        if "lemma_lookup" in lookups.tables:
            self.lookup = lookups.get_table("lemma_lookup")

    def __contains__(self, word: str) -> bool:
        word = word.lower()
        if word in self.words:
            return True
        lemma = self.lookup.get(word)
        lemmas = lemma if isinstance(lemma, list) else [lemma]
        if any(isinstance(x, str) and x in self.words for x in lemmas):
            return True
        # inflected forms the tables lack: "réunis" (réunir), "signées" (signer)
        return any(stem in self.words for stem in _lemma_guesses(word))


PARTICIPLE_ENDINGS = (("ées", "er"), ("és", "er"), ("ée", "er"), ("é", "er"), ("is", "ir"),
                      ("ies", "ir"), ("ie", "ir"), ("i", "ir"), ("us", "re"), ("ues", "re"),
                      ("ue", "re"), ("s", ""), ("x", ""))


def _lemma_guesses(word: str) -> list[str]:
    """Likely lemmas of an inflected French word, by its ending."""
    return [word[: -len(end)] + repl for end, repl in PARTICIPLE_ENDINGS
            if word.endswith(end) and len(word) > len(end) + 2]


class Resolver:
    """Resolves the mentions of one parsed article; build once, call per doc."""

    def __init__(self, gaz: Gazetteer, nlp=None):
        self.gaz = gaz
        self.titles = TitleMatcher(gaz)
        self.common = CommonWords(nlp)

    def __call__(self, doc, article: Article) -> Resolution:
        return _ArticleResolver(self, doc, article).run()


class _ArticleResolver(TitleMixin, DescriptionMixin):
    def __init__(self, parent: Resolver, doc, article: Article):
        self.gaz = parent.gaz
        self.titles = parent.titles
        self.common = parent.common
        self.doc = doc
        self.article = article
        self.texts = [t.text for t in doc]
        self.words = [_fold(t) for t in self.texts]
        self.whole = doc_text(doc)
        # doc.ents builds its spans anew at each read: read it once
        self.ents = sorted(doc.ents, key=lambda e: e.start)
        self.ent_at = {e.start: e for e in self.ents}
        self.sent_starts = [s.start_char for s in doc_sents(doc)]
        self.mentions: list[Mention] = []
        self.entities: dict[str, Entity] = {}
        self.taken: set[int] = set()  # token indices already in a mention
        self.last_person: str | None = None
        self.last_org: str | None = None
        self.last_title_country: str | None = None
        self.last_title_at = -1  # where the last title naming its state began
        self.unknown_people: dict[str, str] = {}  # last name -> entity id

    # -- output -----------------------------------------------------------------
    def add(self, start_tok: int, end_tok: int, entity_id: str | None, kind: str,
            label: str = "") -> None:
        span = self.doc[start_tok:end_tok]
        self.taken.update(range(start_tok, end_tok))
        sent = bisect_right(self.sent_starts, span.start_char) - 1
        text = (self.whole[span.start_char:span.end_char] if end_tok > start_tok
                else span.text)
        self.mentions.append(Mention(span.start_char, span.end_char, text, sent,
                                     entity_id, kind, label))
        if entity_id:
            if entity_id not in self.entities:
                known = self.gaz.entities.get(entity_id)
                if known is not None:
                    self.entities[entity_id] = known
            etype = type_of(entity_id)
            if etype == "PERSON":
                self.last_person = entity_id
            elif etype == "ORG":
                self.last_org = entity_id

    def run(self):
        ents = self.ents
        ent_at = self.ent_at
        ent_of = {i: e.ent_id_ for e in ents if e.ent_id_ for i in range(e.start, e.end)
                  if type_of(e.ent_id_) in ("COUNTRY", "ORG")}
        self.ent_of = ent_of
        i = 0
        n = len(self.doc)
        while i < n:
            title = self.titles.match(self.words, i, ent_of)
            if title is not None and not self._inside_name(i, ents):
                self._add_title(title)
                i = title.end
                continue
            if i in ent_at and ent_at[i].ent_id_.startswith("org:inst:"):
                # "l'armée soudanaise", "le parlement turc": the institution itself
                self._add_entity(ent_at[i])
                i = max(ent_at[i].end, i + 1)
                continue
            phrase = self._phrase(i)
            if phrase is not None:
                end, eid, kind = phrase
                self.add(i, end, eid, kind)
                i = end
                continue
            if i in ent_at:
                ent = ent_at[i]
                self._add_entity(ent)
                i = max(ent.end, i + 1)
                continue
            self._maybe_word(i)
            i += 1
        self.mentions.sort(key=lambda m: (m.start, m.end))
        return Resolution(self.mentions, self.entities)

    def _phrase(self, i: int) -> tuple[int, str, str] | None:
        """A phrase at token ``i`` that stands for an entity without naming it:
        (end token, entity id, mention kind), or None."""
        ministry = self._ministry(i)
        if ministry is not None:
            return (*ministry, "name")  # "le ministère russe de la Défense"
        capital = self._capital_phrase(i)
        if capital is not None:
            return (*capital, "place")  # "la capitale nigérienne"
        state = self.titles.state_phrase(self.words, i)
        if state is not None:
            return (*state, "demonym")  # "la partie russe"
        return None

    def _ministry(self, i: int) -> tuple[int, str] | None:
        """"le ministère russe de la Défense" is "Ministry of Defence (Russia)", the
        title Wikipedia gives ministries; the state is the adjective's, else the
        one the article speaks of most."""
        if self.words[i] != "ministere" or not self.gaz.portfolios:
            return None
        j, country = i + 1, None
        if j < len(self.words) and self.gaz.country_of_adjective(self.words[j]):
            country = self.gaz.country_of_adjective(self.words[j])
            j += 1
        while j < len(self.words) and self.words[j] in ("de", "des", "du", "d", "la", "l"):
            j += 1
        for n in (3, 2, 1):
            portfolio = " ".join(self.words[j:j + n])
            english = self.gaz.portfolios.get(portfolio)
            if english:
                break
        else:
            return None
        end = j + n
        if country is None and end < len(self.words) and \
                self.gaz.country_of_adjective(self.words[end]):
            country = self.gaz.country_of_adjective(self.words[end])  # "de la Défense russe"
            end += 1
        country = country or self._salient("COUNTRY")
        state = self.gaz.entities.get(country) if country else None
        if state is None:
            return None
        name = f"Ministry of {english} ({state.name})"
        eid = institution_id(country.split(":", 1)[1], name)
        if eid not in self.entities:
            text = self.doc[i:end].text
            self.entities[eid] = Entity(eid, name, "ORG", text, None, [text])
        return end, eid

    def _capital_phrase(self, i: int) -> tuple[int, str] | None:
        """"la capitale nigérienne" is Niamey; "la capitale" alone, the capital of
        the state the article speaks of most."""
        if self.words[i] != "capitale" or i == 0 or self.words[i - 1] not in ("la", "l"):
            return None
        country, end = None, i + 1
        if end < len(self.words):
            country = self.gaz.country_of_adjective(self.words[end])
            if country:
                end += 1
        if country is None:
            if end < len(self.words) and self.words[end] in ("de", "du", "d", "des"):
                return None  # "la capitale du Mali" names the country beside it
            country = self._salient("COUNTRY")
        place = self.gaz.capital_of(country) if country else None
        return (end, place) if place else None

    def _inside_name(self, i: int, ents) -> bool:
        return any(e.start < i < e.end for e in ents)

    # -- titles -------------------------------------------------------------------
    def _alias_of(self, ent) -> Alias | None:
        for alias in self.gaz.lookup(ent.text):
            if alias.entity_id == ent.ent_id_:
                return alias
        return None

    def _add_entity(self, ent, force: bool = False) -> None:
        if not force and any(i in self.taken for i in range(ent.start, ent.end)):
            return
        if ent.ent_id_:
            self._add_known(ent)
        else:
            self._add_unknown(ent)

    def _add_known(self, ent) -> None:
        eid = ent.ent_id_
        if eid in self.gaz.press:
            self.taken.update(range(ent.start, ent.end))
            return
        alias = self._alias_of(ent)
        kind = alias.kind if alias else "name"
        if kind == "surname":
            if self._other_first_name(ent, eid):
                return
            eid = self._which_namesake(ent, eid)
        if kind == "capital":
            if self._is_place(ent):
                self.add(ent.start, ent.end, eid, "place", ent.label_)
            else:
                state = self.gaz.org_seats.get(eid) or self.gaz.capitals.get(eid, eid)
                self.add(ent.start, ent.end, state, "capital", ent.label_)
            return
        if type_of(eid) == "COUNTRY" and ent.start > 0 and self.words[ent.start - 1] == "a":
            # "à Luxembourg", "à Singapour": the city of a city-state
            city = self.gaz.capital_named(eid, ent.text)
            if city:
                self.add(ent.start, ent.end, city, "place", ent.label_)
                return
        if kind == "name" and type_of(eid) == "PLACE":
            kind = "place"
            prev = self.words[ent.start - 1] if ent.start > 0 else ""
            if eid in self.gaz.regions and prev not in PLACE_PREPS:
                # "les pays d'Asie centrale": a region described, not a place where
                # something happens; kept as a mention, not listed as an entity
                kind = "region"
        self.add(ent.start, ent.end, eid, kind, ent.label_)

    def _which_namesake(self, ent, eid: str) -> str:
        """"Bongo", "Sharif", "Aliev" name several people: the one the article has
        already named in full, else the one in office at the article's date."""
        candidates = [a.entity_id for a in self.gaz.lookup(ent.text)
                      if a.kind == "surname" and type_of(a.entity_id) == "PERSON"]
        if len(candidates) < 2:
            return eid
        named = {m.entity_id for m in self.mentions}
        for cand in candidates:
            if cand in named:
                return cand
        for cand in candidates:
            if self.gaz.offices_of(cand, self.article.date):
                return cand

        def last_office(cand: str) -> str:
            """When the person's latest office began: the most recent leader wins."""
            starts = [p.start for p in self.gaz.positions_of_person(cand)
                      if p.start and p.start <= self.article.date]
            return max(starts, default="")

        return max(candidates, key=last_office)

    def _other_first_name(self, ent, person_id: str) -> bool:
        """"Alexandre Novak" is not Katalin Novák: a surname preceded by a first
        name that is not the known person's makes an unknown person of both."""
        i = ent.start - 1
        if i > 0 and self.words[i] in PARTICLES:
            i -= 1  # "Diamantino de Azevedo"
        if i < 0 or i in self.taken or i in self.sent_first_tokens():
            return False
        prev = self.doc[i]
        if not (prev.text[:1].isupper() and prev.is_alpha) or self.words[i] in HONORIFICS:
            return False
        known = self.gaz.entities.get(person_id)
        names = [fold(n) for n in ([known.name, known.name_fr, *known.aliases] if known else [])]
        first = self.words[i]
        if first in PARTICLES:
            return False
        tokens = {t for n in names for t in n.split()}
        if any(SequenceMatcher(None, first, t).ratio() >= 0.8 for t in tokens):
            return False  # the person's own first name, maybe misspelt ("Tayip")
        span = self.doc[i:ent.end]
        eid = f"x:PERSON:{slug(span.text)}"
        if eid not in self.entities:
            self.entities[eid] = Entity(eid, span.text, "PERSON", span.text, None, [span.text])
        self.unknown_people.setdefault(self.words[ent.start], eid)
        self.add(i, ent.end, eid, "unknown", "PER")
        return True

    def _is_place(self, ent) -> bool:
        prev = self.words[ent.start - 1] if ent.start > 0 else ""
        head = ent.root.head
        while head.dep_ == "conj" and head.head is not head:
            head = head.head
        if ent.root.dep_ == "conj":
            head = ent.root.head.head if ent.root.head.dep_ != "ROOT" else ent.root.head
        lemma = fold(head.lemma_)
        if prev in ("de", "d", "du"):
            # "le sommet de Moscou" names a place; "l'arrivée de Pretoria" an actor
            return lemma in PLACE_NOUNS or lemma in NAMED_AFTER_PLACE
        if prev in PLACE_PREPS:
            if self._cleft(ent) or prev != "a":
                return True
            if head.pos_ == "NOUN":
                return lemma in EVENT_NOUNS or lemma in PLACE_NOUNS
            return not _is_dative_verb(lemma, fold(head.text))
        return False

    def _cleft(self, ent) -> bool:
        """"C'est à Astana que ...": always a place."""
        return ent.end < len(self.doc) and self.words[ent.end] in ("que", "qu")

    def _add_unknown(self, ent) -> None:
        first = ent.start
        if self.words[first] in CORE_WORDS and first > 0 and self.words[first - 1] in DEFINITE \
                and CORE_WORDS[self.words[first]] == "COUNTRY" and ent.end - first > 2 and \
                self.words[first + 1] in ("du", "de", "d"):
            target = self._description(first)  # "l'émirat du Golfe": a state described
            if target:
                self.add(first - 1, ent.end, target, "coref")
                return
        start, end = self._trim(ent.start, ent.end)
        if start >= end:
            return
        if end - start == 1 and self._collective(start):
            self.add(start - 1, end, self._collective(start), "demonym")  # "les Européens"
            return
        if end - start == 1 and self.words[start] in CORE_WORDS and start > 0 and \
                self.words[start - 1] in DEFINITE:
            target = self._description(start)
            if target:
                self.add(start - 1, end, target, "coref")
            return
        etype = NER_TYPES.get(ent.label_)
        if etype is None:
            return
        span = self.doc[start:end]
        folded = fold(span.text)
        people = self.gaz.country_of_adjective(folded)
        if people and end - start == 1 and start > 0 and span.text.endswith("s") and \
                self.words[start - 1] in ("les", "des", "aux"):
            self.add(start - 1, end, people, "demonym")  # "les Britanniques"
            return
        if (folded in JUNK or folded in SUPRANATIONAL_DEMONYMS or not span.text[0].isupper()
                or folded.split()[0] in FEASTS
                or self.gaz.country_of_adjective(folded) or self._after_ministry(start)):
            return
        if end - start == 1:
            if span.text in self.common and not span.text.isupper():
                return
            if span[0].pos_ not in ("PROPN", "NOUN", "X"):
                return
        if len(folded) < 2:
            return
        known = self.gaz.lookup(span.text)
        if known:
            self.add(start, end, known[0].entity_id, known[0].kind, ent.label_)
            return
        spelt = self._lower_case_surname(start, end)
        if spelt is not None:
            self.add(start, spelt[0], spelt[1], "name", ent.label_)  # "Isaac herzog"
            return
        truncated = self.gaz.by_prefix(span.text)
        if truncated:
            self.add(start, end, truncated, "name", ent.label_)
            return
        if etype == "PERSON":
            last = folded.split()[-1]
            if folded in self.unknown_people:
                self.add(start, end, self.unknown_people[folded], "surname", ent.label_)
                return
            eid = f"x:PERSON:{slug(span.text)}"
            self.unknown_people.setdefault(last, eid)
        else:
            eid = f"x:{etype}:{slug(span.text)}"
        if eid not in self.entities:
            aliases = [span.text]
            if etype in ("PERSON", "PLACE"):
                aliases += [v for v in [romanise(span.text)] if v != span.text]
            self.entities[eid] = Entity(eid, span.text, etype, span.text, None, aliases)
        self.add(start, end, eid, "unknown", ent.label_)

    def _lower_case_surname(self, start: int, end: int) -> tuple[int, str] | None:
        """A known person's first name the NER took alone because the surname after
        it is written in lower case ("le président Emmanuel macron"): (end, id)."""
        if end >= len(self.doc) or not self.doc[end].is_alpha or \
                not self.texts[end].islower() or end in self.taken:
            return None
        text = f"{self.doc[start:end].text} {self.texts[end]}"
        known = [a.entity_id for a in self.gaz.lookup(text) if type_of(a.entity_id) == "PERSON"]
        return (end + 1, known[0]) if known else None

    def _after_ministry(self, start: int) -> bool:
        """"ministère russe de la Défense", "ministre de l'Énergie": the portfolio
        is not an entity of its own."""
        j = start - 1
        while j >= 0 and self.words[j] in ("de", "d", "des", "du", "la", "l", "le", "aux",
                                           "a", "et", ","):
            j -= 1
        if j >= 0 and self.gaz.country_of_adjective(self.words[j]):
            j -= 1
        return j >= 0 and self.words[j] in MINISTRY_WORDS

    def sent_first_tokens(self) -> set[int]:
        if not hasattr(self, "_firsts"):
            self._firsts = {s.start for s in doc_sents(self.doc)}
        return self._firsts

    def _trim(self, start: int, end: int) -> tuple[int, int]:
        while start < end and (self.words[start] in HONORIFICS or
                               not self.doc[start].text[:1].isupper()):
            start += 1
        while end > start and (self.words[end - 1] in WEEKDAYS or
                               not self.doc[end - 1].text[-1:].isalnum() or
                               self.doc[end - 1].text.islower()):
            end -= 1
        return start, end

    # -- single words ---------------------------------------------------------------

def _is_dative_verb(lemma: str, form: str) -> bool:
    """Whether a verb takes "à X" as a recipient; the lemmatizer sometimes leaves
    the form as it is ("reproche"), so -er verbs are also matched by their stem."""
    if lemma in DATIVE_VERBS:
        return True
    return any(v.endswith("er") and form.startswith(v[:-2]) for v in DATIVE_VERBS)


def romanise(name: str) -> str:
    """The English romanisation a French spelling of a Slavic, Armenian or Central
    Asian name most likely has; an extra alias for names the gazetteer lacks."""
    out = []
    for word in name.split():
        low = word.lower()
        for pattern, repl in ROMANISATION:
            low = re.sub(pattern, repl, low)
        out.append(low[:1].upper() + low[1:])
    return " ".join(out)


def resolve(doc, article: Article, gaz: Gazetteer) -> Resolution:
    return Resolver(gaz)(doc, article)
