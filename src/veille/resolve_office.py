"""Titles in an article: "le président russe", "son homologue chinois",
"l'ancien Premier ministre néerlandais", "puis le premier ministre" after "Au
Qatar": the office the title names, its owner (said or implied by the
sentence), then its holder at the article's date. A mixin of the article
resolver (``resolve._ArticleResolver``).
"""

from __future__ import annotations

from bisect import bisect_right

from .model import type_of
from .text import slug
from .titles import FEMININE


class TitleMixin:
    """How the article resolver reads a title (see the module doc)."""

    def _add_title(self, t) -> None:
        if t.former:
            person = self._apposed_person(t.end)
            if person is None and t.previous and t.of:
                person = self._previous_holder(t.of, t)
            if person is None:
                self.taken.update(range(t.start, t.end))
                return
            self.add(t.start, t.end, person, "title")
            return
        of = t.of or self._country_named_before(t) or self.last_title_country
        person = self._apposed_person(t.end) or self._coordinated_person(t.end)
        if person is None and t.kind == "" and t.title == "homologue":
            kind = self._kind_of_last_person()
            if of and kind:
                person = self._holder(of, kind=kind)
        elif person is None and of:
            person = self._office_holder(of, t)
        if t.of and type_of(t.of) == "COUNTRY":
            self.last_title_country = t.of
            self.last_title_at = self.doc[t.start].idx
        self.add(t.start, t.end, person, "title")
        # the state or organisation named inside the title is a mention of its own
        for j in range(t.start, t.end):
            ent = self._ent_starting(j)
            if ent is not None and ent.ent_id_:
                self._add_entity(ent, force=True)

    def _coordinated_person(self, end_tok: int) -> str | None:
        """"le Premier ministre et ministre des Affaires étrangères, X": two titles
        joined by "et" share the name apposed to the second."""
        if end_tok + 1 >= len(self.doc) or self.words[end_tok] != "et":
            return None
        second = self.titles.match(self.words, end_tok + 1, self.ent_of)
        return self._apposed_person(second.end) if second is not None else None

    def _country_named_before(self, t) -> str | None:
        """The state a bare title ("puis le président") belongs to when the sentence
        has named one before it ("En Israël, il a rencontré ... puis le président"):
        the nearest country, capital or city of a country, unless a title naming its
        state came nearer. A title that is the subject keeps the article's own."""
        if any(tok.dep_.startswith("nsubj") for tok in self.doc[t.start:t.end]):
            return None
        start = self.doc[t.start].idx
        sent = bisect_right(self.sent_starts, start) - 1
        for m in reversed(self.mentions):
            if m.sentence != sent or m.start >= start:
                if m.sentence < sent:
                    return None
                continue
            if m.kind == "title" or m.entity_id is None:
                if m.kind == "title" and self.last_title_at >= m.start:
                    return None  # a title of its own state came nearer
                continue
            if m.kind in ("name", "place", "capital"):
                etype = type_of(m.entity_id)
                if etype == "COUNTRY":
                    return m.entity_id
                if etype == "PLACE" and self.gaz.country_of(m.entity_id):
                    return self.gaz.country_of(m.entity_id)
        return None

    def _ent_starting(self, j: int):
        return self.ent_at.get(j)

    def _kind_of_last_person(self) -> str | None:
        if self.last_person is None:
            return None
        offices = self.gaz.offices_of(self.last_person, self.article.date)
        return offices[0].kind if offices else None

    def _holder(self, of: str, *, kind: str | None = None, title: str | None = None):
        found = self.gaz.holders(of, self.article.date, kind=kind, title=title)
        return found[0] if found else None

    def _previous_holder(self, of: str, t) -> str | None:
        """"L'ancien Premier ministre néerlandais": whoever left that office last
        before the article's date."""
        titles = {t.title, FEMININE.get(t.title, t.title)}
        best, best_end = None, ""
        for pos in self.gaz.positions_of(of):
            if not pos.end or pos.end > self.article.date:
                continue
            if not (titles & set(pos.titles_fr) or (t.kind and pos.kind == t.kind)):
                continue
            if pos.end > best_end:
                best, best_end = pos.person_id, pos.end
        return best

    def _office_holder(self, of: str, t) -> str | None:
        """The holder of the office a title names: by its own words first
        ("président" of Iran is not its head of state), then by the office kind."""
        words = [t.title, FEMININE.get(t.title, t.title)]
        for word in words:
            person = self._holder(of, title=word)
            if person:
                return person
        if type_of(of) == "ORG":
            return self._holder(of, kind="leader" if t.kind != "foreign_minister"
                                else "foreign_minister")
        return self._holder(of, kind=t.kind) if t.kind else None

    def _apposed_person(self, end_tok: int) -> str | None:
        """"le président kazakh, Kassym-Jomart Tokaïev": the name beside a title."""
        j = end_tok
        if j < len(self.doc) and self.doc[j].text == ",":
            j += 1
        e = self.ent_at.get(j)
        if e is None:
            return None
        if e.ent_id_ and type_of(e.ent_id_) == "PERSON":
            return e.ent_id_
        if not e.ent_id_ and e.label_ == "PER":
            start, end = self._trim(e.start, e.end)
            spelt = self._lower_case_surname(start, end)
            if spelt is not None:
                return spelt[1]
            if end - start >= 2:
                text = self.doc[start:end].text
                known = [a.entity_id for a in self.gaz.lookup(text)
                         if type_of(a.entity_id) == "PERSON"]
                return known[0] if known else f"x:PERSON:{slug(text)}"
        return None

    # -- names --------------------------------------------------------------------
