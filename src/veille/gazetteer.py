"""The gazetteer: identities, names and offices, loaded from the package's data files.

It knows which entity a name stands for (``alias``), which country an adjective
or a capital stands for, and who held an office at a date (``holder``). It holds
no membership, event or figure: those come from articles.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from .errors import GazetteerError
from .model import Entity
from .text import fold, slug

DATA_VERSION = 1
OFFICE_KINDS = ("head_of_state", "head_of_government", "foreign_minister", "leader", "other")
# Particles of Arabic names the press spells either way, one by one: "ben"/"bin",
# "al"/"el" ("Mohammed bin Salmane ben Abdelaziz" mixes them in one name).
PARTICLE_FORMS = {"ben": "bin", "ibn": "bin", "el": "al"}


@dataclass(frozen=True)
class Alias:
    """One name of an entity: ``kind`` says how the name refers (full name,
    acronym, surname alone, capital or seat standing for a state)."""

    entity_id: str
    kind: str  # name, acronym, surname, capital, seat
    text: str


@dataclass(frozen=True)
class Position:
    person_id: str
    of: str  # entity id of the country or organisation
    kind: str
    title: str
    titles_fr: tuple[str, ...]  # folded
    start: str  # ISO, "" when unknown
    end: str  # ISO, "" while in office


@dataclass
class Gazetteer:
    entities: dict[str, Entity] = field(default_factory=dict)
    aliases: dict[str, list[Alias]] = field(default_factory=lambda: defaultdict(list))
    demonyms: dict[str, str] = field(default_factory=dict)  # folded adjective -> country id
    positions: list[Position] = field(default_factory=list)
    capitals: dict[str, str] = field(default_factory=dict)  # place id -> country id
    press: set[str] = field(default_factory=set)  # org ids of news agencies
    org_seats: dict[str, str] = field(default_factory=dict)  # place id -> org id ("Bruxelles")
    surface: list[Alias] = field(default_factory=list)  # every name as written, in load order
    prefixes: dict[str, str | None] = field(default_factory=dict)  # 3+ first words -> entity
    regions: set[str] = field(default_factory=set)  # place ids of regions, seas, continents
    place_country: dict[str, str] = field(default_factory=dict)  # place id -> country id
    institution_state: dict[str, str] = field(default_factory=dict)  # org:inst:... -> country
    portfolios: dict[str, str] = field(default_factory=dict)  # "défense" -> "Defence"
    # names with their particles written one way: "ben"/"bin" and "el"/"al" meet
    loose: dict[str, list[Alias]] = field(default_factory=lambda: defaultdict(list))
    version: int = DATA_VERSION

    # -- building ---------------------------------------------------------------
    def add_entity(self, entity: Entity) -> None:
        self.entities[entity.id] = entity

    def add_alias(self, entity_id: str, text: str, kind: str = "name") -> None:
        text = text.strip()
        if not text:
            return
        key = fold(text)
        entry = Alias(entity_id, kind, text)
        self.surface.append(entry)
        bucket = self.aliases[key]
        if all(a.entity_id != entity_id for a in bucket):
            bucket.append(entry)
        loose = particle_key(key)
        if set(loose.split()) & {"bin", "al"} and all(a.entity_id != entity_id for a in self.loose[loose]):
            self.loose[loose].append(entry)
        entity = self.entities.get(entity_id)
        if entity is not None and text not in entity.aliases:
            entity.aliases.append(text)

    # -- lookups ----------------------------------------------------------------
    def lookup(self, text: str) -> list[Alias]:
        """Every entity a name may stand for, best first; a name that mixes "ben"
        and "bin" (or "el" and "al") the way no alias does still meets its entity."""
        key = fold(text)
        found = self.aliases.get(key)
        if not found and len(key.split()) > 2:
            found = self.loose.get(particle_key(key))
        return list(found or ())

    def find(self, name: str) -> Entity | None:
        """The entity a user means by ``name`` (any alias, any language), or None."""
        if name in self.entities:
            return self.entities[name]
        hits = self.lookup(name)
        return self.entities.get(hits[0].entity_id) if hits else None

    def index_prefixes(self) -> None:
        """First words (three or more) of long names, for names the NER cuts short:
        "Communauté économique des États" is ECOWAS; a prefix of two entities' names
        stands for neither."""
        for key, bucket in self.aliases.items():
            words = key.split()
            for n in range(3, len(words)):
                prefix = " ".join(words[:n])
                owner = bucket[0].entity_id
                if self.prefixes.get(prefix, owner) != owner:
                    self.prefixes[prefix] = None
                else:
                    self.prefixes[prefix] = owner

    def by_prefix(self, text: str) -> str | None:
        return self.prefixes.get(fold(text))

    def capital_of(self, country_id: str) -> str | None:
        for place, country in self.capitals.items():
            if country == country_id:
                return place
        return None

    def country_of(self, place_id: str) -> str | None:
        """The state a city or region lies in ("Tianjin" -> China), capitals included."""
        return self.capitals.get(place_id) or self.place_country.get(place_id)

    def capital_named(self, country_id: str, text: str) -> str | None:
        """The capital of a city-state named like it ("Luxembourg", "Singapour")."""
        for alias in self.lookup(text):
            if alias.kind == "capital" and self.capitals.get(alias.entity_id) == country_id:
                return alias.entity_id
        return None

    def country_of_adjective(self, word: str) -> str | None:
        return self.demonyms.get(fold(word))

    def holders(self, of: str, date: str, *, kind: str | None = None,
                title: str | None = None) -> list[str]:
        """People holding an office of ``of`` at ``date`` (ISO, any precision),
        selected by office kind or by a French title word."""
        folded = fold(title) if title else None
        found = []
        for pos in self._positions_of(of):
            if kind is not None and pos.kind != kind:
                continue
            if folded is not None and folded not in pos.titles_fr:
                continue
            if _covers(pos.start, pos.end, date):
                found.append(pos.person_id)
        return found

    def offices_of(self, person_id: str, date: str) -> list[Position]:
        return [p for p in self._by_person.get(person_id, ()) if _covers(p.start, p.end, date)]

    def positions_of(self, of: str) -> list[Position]:
        return list(self._by_of.get(of, ()))

    def positions_of_person(self, person_id: str) -> list[Position]:
        return list(self._by_person.get(person_id, ()))

    def _positions_of(self, of: str) -> list[Position]:
        return self._by_of.get(of, [])

    def index_positions(self) -> None:
        self._by_of: dict[str, list[Position]] = defaultdict(list)
        self._by_person: dict[str, list[Position]] = defaultdict(list)
        for pos in self.positions:
            self._by_of[pos.of].append(pos)
            self._by_person[pos.person_id].append(pos)

    @property
    def title_words(self) -> set[str]:
        return {t for p in self.positions for t in p.titles_fr}


def particle_key(folded: str) -> str:
    """A folded name with its Arabic particles written one way ("ben" -> "bin")."""
    words = folded.split()
    return " ".join(PARTICLE_FORMS.get(w, w) for w in words)


def _probe(date: str) -> str:
    """The day a date of any precision is tested at: the middle of its period."""
    if len(date) == 4:
        return f"{date}-07-01"
    if len(date) == 7:
        return f"{date}-15"
    return date[:10]


def _covers(start: str, end: str, date: str) -> bool:
    day = _probe(date)
    first = start + "-01-01"[len(start) - 4:] if start else ""
    last = end + "-12-31"[len(end) - 4:] if end else ""
    return (not first or first <= day) and (not last or day <= last)


# -- loading --------------------------------------------------------------------

def _rows(name: str, kind: str, required: tuple[str, ...]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    folder = resources.files("veille") / "data"
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if not (entry.name.startswith(name) and entry.name.endswith(".json")):
            continue
        try:
            payload = json.loads(entry.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise GazetteerError(f"data/{entry.name}: malformed JSON ({exc})") from None
        for i, row in enumerate(payload.get(kind, [])):
            missing = [k for k in required if not row.get(k)]
            if missing:
                raise GazetteerError(f"data/{entry.name}: {kind}[{i}] lacks {', '.join(missing)}")
            rows.append(row)
    return rows


def _load_countries(gaz: Gazetteer) -> None:
    for row in _rows("countries", "countries", ("iso", "name", "name_fr")):
        cid = f"country:{row['iso']}"
        gaz.add_entity(Entity(cid, row["name"], "COUNTRY", row["name_fr"], row.get("wikidata")))
        for text in [row["name"], row["name_fr"], *row.get("aliases_en", []),
                     *row.get("aliases_fr", [])]:
            gaz.add_alias(cid, text)
        for adj in [*row.get("demonyms_fr", []), *row.get("demonyms_fr_extra", [])]:
            gaz.demonyms.setdefault(fold(adj), cid)
        if row.get("capital") and not row.get("former"):
            pid = f"place:{slug(row['capital'])}"
            gaz.add_entity(Entity(pid, row["capital"], "PLACE", row.get("capital_fr", ""),
                                  row.get("capital_wikidata")))
            gaz.capitals[pid] = cid
            for text in [row["capital"], row.get("capital_fr", ""),
                         *row.get("capital_aliases_fr", [])]:
                gaz.add_alias(pid, text, "capital")
        for seat in row.get("seats_fr", []):
            gaz.add_alias(cid, seat, "seat")
    _add_cldr_names(gaz)


def _add_cldr_names(gaz: Gazetteer) -> None:
    """Country names in French and English from CLDR (babel), as extra aliases."""
    try:
        from babel import Locale
    except ImportError:  # pragma: no cover - babel is a dependency
        return
    for lang in ("fr", "en"):
        for code, name in Locale(lang).territories.items():
            cid = f"country:{code}"
            if cid in gaz.entities and not code.isdigit():
                gaz.add_alias(cid, name)


def _load_organisations(gaz: Gazetteer) -> None:
    for row in _rows("organisations", "organisations", ("key", "name", "name_fr")):
        oid = f"org:{row['key']}"
        gaz.add_entity(Entity(oid, row["name"], "ORG", row["name_fr"], row.get("wikidata")))
        if row.get("press"):
            gaz.press.add(oid)
        for text in [row["name"], row["name_fr"], *row.get("aliases_en", []),
                     *row.get("aliases_fr", [])]:
            gaz.add_alias(oid, text)
        for text in row.get("acronyms", []):
            gaz.add_alias(oid, text, "acronym")
        for seat in row.get("seats_fr", []):
            for alias in gaz.lookup(seat):
                if alias.kind == "capital":
                    gaz.org_seats[alias.entity_id] = oid


def _load_places(gaz: Gazetteer) -> None:
    for row in _rows("places", "places", ("name",)):
        pid = f"place:{slug(row['name'])}"
        if row.get("kind") in ("region", "sea", "continent") and not row.get("country"):
            gaz.regions.add(pid)
        if row.get("country"):
            gaz.place_country.setdefault(pid, f"country:{row['country']}")
        if pid not in gaz.entities:
            gaz.add_entity(Entity(pid, row["name"], "PLACE", row.get("name_fr", ""),
                                  row.get("wikidata")))
        for text in [row["name"], row.get("name_fr", ""), *row.get("aliases_fr", []),
                     *row.get("aliases_en", [])]:
            gaz.add_alias(pid, text)


def _load_institutions(gaz: Gazetteer) -> None:
    """National parliaments and armed forces ("le parlement turc"), and the words
    of ministry portfolios, for names such as "Ministry of Defence (Russia)"."""
    folder = resources.files("veille") / "data"
    for row in _rows("institutions", "institutions", ("of", "kind", "name")):
        country = f"country:{row['of']}"
        if country not in gaz.entities:
            raise GazetteerError(f"data/institutions: {row['name']}: unknown state {row['of']}")
        iid = institution_id(row["of"], row["name"])
        gaz.add_entity(Entity(iid, row["name"], "ORG", row.get("name_fr", ""), row.get("wikidata")))
        gaz.institution_state[iid] = country
        for text in [row["name"], row.get("name_fr", ""), *row.get("aliases_fr", [])]:
            gaz.add_alias(iid, text)
    path = folder / "institutions.json"
    if path.is_file():
        payload = json.loads(path.read_text(encoding="utf-8"))
        gaz.portfolios = {fold(k): v for k, v in payload.get("portfolios", {}).items()}


def institution_id(iso: str, name: str) -> str:
    return f"org:inst:{iso}:{slug(name)}"


def _office_owner(gaz: Gazetteer, of: str) -> str:
    if f"country:{of}" in gaz.entities:
        return f"country:{of}"
    if f"org:{of}" in gaz.entities:
        return f"org:{of}"
    return f"country:{of}"


def _load_people(gaz: Gazetteer) -> None:
    for row in _rows("people", "people", ("name",)):
        pid = f"person:{slug(row['name'])}"
        if pid not in gaz.entities:
            gaz.add_entity(Entity(pid, row["name"], "PERSON", row.get("name_fr", ""),
                                  row.get("wikidata")))
        names = [row["name"], row.get("name_fr", "")]
        for text in names:
            gaz.add_alias(pid, text)
        for text in row.get("aliases", []):
            gaz.add_alias(pid, text, "surname" if " " not in text.strip() else "name")
        for pos in row.get("positions", []):
            if pos.get("kind") not in OFFICE_KINDS:
                raise GazetteerError(f"data: {row['name']}: unknown office kind {pos.get('kind')!r}")
            gaz.positions.append(Position(
                person_id=pid, of=_office_owner(gaz, pos.get("of", "")), kind=pos["kind"],
                title=pos.get("title", ""),
                titles_fr=tuple(fold(t) for t in pos.get("titles_fr", [])),
                start=pos.get("from") or "", end=pos.get("to") or "",
            ))


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    """The package's gazetteer, loaded once per process."""
    gaz = Gazetteer()
    _load_countries(gaz)
    _load_organisations(gaz)
    _load_places(gaz)
    _load_people(gaz)
    _load_institutions(gaz)
    gaz.index_positions()
    gaz.index_prefixes()
    return gaz
