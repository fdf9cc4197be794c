"""Descriptions that stand for an entity of the article: "l'organisation", "le
bloc", "le pays nordique", "son allié", "son interlocuteur", "le régime", "les
Européens", "la première économie de la région". A mixin of the article
resolver (``resolve._ArticleResolver``): the methods read its mentions so far
and the article's salience counts.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache

from .model import type_of
from .text import fold

# fold() is pure and the same words come back in every article: memoised
_fold = lru_cache(maxsize=1 << 16)(fold)

# Definite descriptions that stand for the organisation or the state the article
# is about: "l'organisation", "le bloc", "le cartel"; "le pays", "l'émirat".
CORE_WORDS = {"organisation": "ORG", "alliance": "ORG", "bloc": "ORG", "groupe": "ORG",
              "groupement": "ORG", "union": "ORG", "forum": "ORG", "institution": "ORG",
              "club": "ORG", "cartel": "ORG", "confederation": "ORG", "coalition": "ORG",
              "pays": "COUNTRY", "emirat": "COUNTRY", "royaume": "COUNTRY",
              "allie": "COUNTRY", "venu": "COUNTRY",
              "republique": "COUNTRY", "archipel": "COUNTRY", "regime": "COUNTRY"}
ALLIANCE_WORDS = {"alliance", "coalition"}
RANKS = {"premier", "premiere", "deuxieme", "second", "seconde", "troisieme", "quatrieme",
         "cinquieme"}
RANKED_NOUNS = {"economie", "producteur", "exportateur", "importateur", "consommateur",
                "puissance", "emetteur", "fournisseur", "partenaire", "client"}
# Plural names of a union's or a group's members that stand for it as one actor.
COLLECTIVES = {"europeens": "org:EUROPEAN_UNION", "vingt sept": "org:EUROPEAN_UNION",
               "vingt huit": "org:EUROPEAN_UNION", "sept": "org:G7"}
# What may follow "le régime" when it stands for the state: "le régime militaire"
REGIME_QUALIFIERS = {"militaire", "autoritaire", "putschiste", "islamiste", "en", "au"}
DEFINITE = ("l", "le", "la", "cette", "cet", "ce", "du", "au", "son", "sa", "leur")
DEMONSTRATIVE = ("ce", "cet", "cette")
NEW_WORDS = {"nouvel", "nouveau", "nouvelle", "dernier", "jeune", "petit", "grand"}
QUALIFIABLE = {"bloc", "cartel", "alliance", "club", "union", "pays", "emirat", "royaume",
               "republique", "archipel"}


class DescriptionMixin:
    """How the article resolver reads a description (see the module doc)."""

    def _maybe_word(self, i: int) -> None:
        word = self.words[i]
        if i in self.taken:
            return
        if word in ("dernier", "derniere") and i > 0 and self.words[i - 1] in ("ce", "cette") \
                and self.last_person and not (i + 1 < len(self.doc)
                                              and self.doc[i + 1].pos_ in ("NOUN", "PROPN")):
            # "ce dernier": the person named last
            self.add(i - 1, i + 1, self.last_person, "coref")
            return
        if word in ("interlocuteur", "interlocutrice") and i > 0 and \
                self.words[i - 1] in ("son", "sa"):
            target = self._other_party(i)
            if target:
                self.add(i - 1, i + 1, target, "coref")
            return
        if word in CORE_WORDS and i > 0 and self.words[i - 1] in DEFINITE and \
                not self._followed_by_name(i):
            target = self._description(i)
            if target:
                self.add(i - 1, i + 1, target, "coref")
            return
        if word in CORE_WORDS and i > 1 and self.words[i - 1] in NEW_WORDS and \
                self.words[i - 2] in DEFINITE and not self._followed_by_name(i):
            # "le nouvel allié", "au nouveau venu": the state that just joined
            target = self._salient(CORE_WORDS[word], latest=True)
            if target:
                self.add(i - 2, i + 1, target, "coref")
            return
        if self._collective(i):
            self.add(i - 1, i + 1, self._collective(i), "demonym")  # "les Vingt-Sept"
            return
        if word in RANKS and i > 0 and self.words[i - 1] in ("le", "la", "l"):
            target = self._ranked_state(i)  # "la première économie de la région"
            if target:
                self.add(i - 1, i + 2, target, "coref")
            return
        country = self.gaz.country_of_adjective(word)
        if country and self.texts[i][:1].isupper() and self.texts[i].endswith("s") and \
                i > 0 and self.words[i - 1] in ("les", "des", "aux"):
            # "les Britanniques", "aux Russes": the people for their state
            self.add(i - 1, i + 1, country, "demonym")
            return
        if country and self.doc[i].pos_ in ("ADJ", "NOUN", "PROPN") and self.texts[i].islower():
            self.add(i, i + 1, country, "adjective")
            return
        if "-" in self.texts[i]:
            for cid in self.titles.prefixed_adjective(word):
                self.add(i, i + 1, cid, "adjective")


    def _collective(self, i: int) -> str | None:
        """"les Européens", "les Vingt-Sept", "les Sept": the union or the group of
        states the article has already named, standing for it as one actor."""
        org = COLLECTIVES.get(self.words[i])
        if org is None or i == 0 or self.words[i - 1] not in ("les", "des", "aux") or \
                not self.texts[i][:1].isupper() or i in self.taken:
            return None
        return org if any(m.entity_id == org for m in self.mentions) else None

    def _ranked_state(self, i: int) -> str | None:
        """"le deuxième producteur d'Afrique", "la première économie de la région":
        a state ranked among others stands for the state the article is about,
        not one the sentence has named before it, nor one apposed after it."""
        if i + 1 >= len(self.doc) or self.words[i + 1] not in RANKED_NOUNS or \
                any(c.dep_ == "cop" for c in self.doc[i + 1].children):
            return None  # "X est le premier producteur": said of X, not standing for it
        after = self.words[i + 2:i + 9]
        if "," in after and any(self.ent_of.get(j) for j in range(i + 2, i + 10)
                                if self.words[j - 1] in (",", "la", "le", "l")):
            return None  # "la deuxième économie mondiale, la Chine,"
        start = self.doc[i].idx
        sent = bisect_right(self.sent_starts, start) - 1
        named = {self._state_of(m.entity_id) for m in self.mentions
                 if m.sentence == sent and m.start < start and m.entity_id} - {None}
        if len(named) > 1:
            return None
        return self._salient("COUNTRY", exclude=next(iter(named), None))

    def _other_party(self, i: int) -> str | None:
        """"son interlocuteur": of the people named so far, the latest one other than
        the one whose interlocutor it is (the person named last)."""
        start = self.doc[i - 1].idx
        people = [m.entity_id for m in self.mentions if m.end <= start and (
            m.kind == "title" or m.entity_id and type_of(m.entity_id) == "PERSON")]
        if not people or people[-1] is None:
            return None  # whose interlocutor it is, the article does not say
        others = [p for p in people if p and p != people[-1]]
        return others[-1] if others else None

    def _followed_by_name(self, i: int) -> bool:
        """Whether the description goes on in a way that makes it something else:
        "le pays de Galles", "l'organisation terroriste", "le groupe Wagner".
        A country described ("le pays nordique", "ce pays d'Afrique centrale") and a
        bloc qualified ("le bloc panarabe") still refer back."""
        if i + 1 >= len(self.doc):
            return False
        nxt, word = self.doc[i + 1], self.words[i]
        if nxt.pos_ == "PROPN" or (i + 1) in self.taken and CORE_WORDS[word] == "ORG":
            return True
        if word == "regime":  # "le régime des sanctions", "le régime fiscal"
            return self.words[i + 1] in ("de", "du", "des", "d") or \
                (nxt.pos_ in ("ADJ", "NOUN") and self.words[i + 1] not in REGIME_QUALIFIERS)
        if CORE_WORDS[word] == "COUNTRY":
            return bool(self.gaz.country_of_adjective(self.words[i + 1]))
        if nxt.pos_ == "ADJ":
            return word not in QUALIFIABLE
        return self.words[i + 1] in ("de", "du", "des", "d")

    def _description(self, i: int) -> str | None:
        """What "le pays", "ce bloc", "son pays" at token ``i`` refers to."""
        word, det = self.words[i], self.words[i - 1]
        etype = CORE_WORDS[word]
        if det in ("son", "sa", "leur"):
            # "son pays" is the country of the person named last; "son allié" is
            # the other state the article is about
            if word == "allie" and det == "son":
                return self._ally(i)
            if word != "pays" or self.last_person is None:
                return None
            offices = self.gaz.offices_of(self.last_person, self.article.date)
            owner = offices[0].of if offices else None
            return owner if owner and type_of(owner) == "COUNTRY" else None
        qualifier = self.words[i + 1] if i + 1 < len(self.doc) and \
            self.doc[i + 1].pos_ == "ADJ" else ""
        return self._salient(etype, word, latest=det in DEMONSTRATIVE, qualifier=qualifier)

    def _ally(self, i: int) -> str | None:
        """"son allié": the state named just before it ("Islamabad, son allié"), else
        the state the article names most other than the one whose ally it is (the
        state the sentence has named before, by name, seat, adjective or leader)."""
        start = self.doc[i - 1].idx
        sent = bisect_right(self.sent_starts, start) - 1
        states = [(m, self._state_of(m.entity_id)) for m in self.mentions
                  if m.sentence == sent and m.end <= start and m.entity_id]
        states = [(m, s) for m, s in states if s]
        if not states:
            return None
        last, owner = states[-1]
        if self.words[i - 2] == "," and last.end == self.doc[i - 2].idx:
            return owner  # apposed
        if len(states) > 1 and states[-2][1] != owner:
            return None  # two states in the sentence: whose ally is unclear
        return self._salient("COUNTRY", exclude=owner)

    def _state_of(self, eid: str) -> str | None:
        """The state an entity is or acts for: itself, its institution's, its leader's."""
        etype = type_of(eid)
        if etype == "COUNTRY":
            return eid
        if etype == "ORG":
            return self.gaz.institution_state.get(eid)
        if etype == "PERSON":
            offices = self.gaz.offices_of(eid, self.article.date)
            return next((o.of for o in offices if type_of(o.of) == "COUNTRY"), None)
        return None

    def _salient(self, etype: str, word: str = "", latest: bool = False,
                 exclude: str | None = None, qualifier: str = "") -> str | None:
        """The entity of that type that "l'Alliance" or "le pays" refers to: one
        whose own names contain the word ("Alliance atlantique") or its qualifier
        ("l'alliance élargie": "Opep élargie"), else the one the article has named
        most often so far, the latest winning a tie. An alliance or a coalition is
        not what the article calls an organisation by name."""
        counts: dict[str, int] = {}
        order: dict[str, int] = {}
        for n, m in enumerate(self.mentions):
            if m.entity_id and m.kind in ("name", "acronym", "capital", "coref") \
                    and type_of(m.entity_id) == etype:
                counts[m.entity_id] = counts.get(m.entity_id, 0) + 1
                order[m.entity_id] = n
        counts.pop(exclude, None)
        if not counts:
            return None

        def named_so(eid: str) -> int:
            entity = self.gaz.entities.get(eid)
            names = [entity.name, entity.name_fr, *entity.aliases] if entity else []
            words = {w for n in names for w in fold(n).split()}
            if word in ALLIANCE_WORDS and "organisation" in words and word not in words:
                return -1
            return int(bool(word) and word in words) + int(bool(qualifier) and qualifier in words)

        if latest:  # "ce pays": the one just named
            return max(counts, key=lambda e: (named_so(e), order[e]))
        return max(counts, key=lambda e: (named_so(e), counts[e], order[e]))
