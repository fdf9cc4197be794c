"""The data types of veille. This module imports nothing else from the project.

Every stage of the pipeline reads and writes these records; extraction of one
article is a pure function ``Article -> ArticleRecords`` (see ``veille.extract``).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Precision = Literal["day", "month", "year", "decade", "vague"]
EntityType = Literal["PERSON", "COUNTRY", "ORG", "PLACE"]
Status = Literal["reported", "planned", "expected", "hypothetical", "negated"]
FactStatus = Literal["stated", "expected", "planned", "hypothetical", "negated"]

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
    "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION",
    "MOBILIZE", "COERCE", "ASSAULT",
)
MEMBERSHIP_PREDICATES = (
    "member_of", "observer_of", "dialogue_partner_of", "candidate_of", "left",
)


@dataclass(frozen=True)
class TimeSpan:
    """An interval of time with the precision the text supports.

    ``start`` and ``end`` are ISO strings cut to ``precision`` ("2024", "2024-07",
    "2024-07-03"); ``end`` is None for an open interval ("à partir de ce jeudi").
    ``text`` is the expression the span came from, when there was one.
    """

    start: str | None
    end: str | None
    precision: Precision
    text: str = ""
    open_ended: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "precision": self.precision}


@dataclass
class Article:
    """One dated article, as read from a file, a JSONL line or an HTML page."""

    id: str  # stable hash of the content (date + text)
    date: str  # ISO, cut to its precision
    date_precision: Precision
    text: str  # the body; offsets of every record point into this string
    title: str = ""
    caption: str = ""  # photo caption or credit kept apart from the body
    lang: str = "fr"
    source: str = ""  # path, path:line or URL
    url: str = ""


@dataclass
class Sentence:
    index: int
    start: int  # character offsets into Article.text
    end: int
    text: str


@dataclass
class Entity:
    """A canonical entity. ``id`` is the gazetteer key ("country:RU",
    "org:SCO", "person:Q7747") or, for names the gazetteer does not know,
    a key built from the type and the normalised name ("x:PERSON:jean dupont")."""

    id: str
    name: str  # canonical English name
    type: EntityType
    name_fr: str = ""
    wikidata: str | None = None
    aliases: list[str] = field(default_factory=list)


@dataclass
class Mention:
    """A span of the article text that refers to an entity (or to none)."""

    start: int
    end: int
    text: str
    sentence: int  # index of the sentence
    entity_id: str | None
    kind: str  # name, surname, acronym, title, capital, demonym, coref, unknown
    label: str = ""  # spaCy/ruler label


@dataclass
class Event:
    type: str  # one of PLOVER_TYPES
    mode: str | None
    source: list[str]  # entity ids
    target: list[str]
    participants: list[str]  # all actors, source and target included
    where: str | None  # entity id of the place
    when: TimeSpan | None
    status: Status
    sentence: int
    start: int  # offsets of the trigger in the article text
    end: int
    trigger: str = ""


@dataclass
class Fact:
    subject: str  # entity id
    predicate: str  # member_of, observer_of, ..., relation:<kind>
    object: str | None  # entity id, or an office name for holds_office
    valid_from: TimeSpan | None
    valid_to: TimeSpan | None
    status: FactStatus
    sentence: int
    polarity: str | None = None  # for relations: positive / negative
    start: int = 0
    end: int = 0


@dataclass
class Claim:
    subject: str | None  # entity id
    measure: str  # "share of world population", "member count", ...
    value: float
    unit: str | None
    qualifier: str | None
    as_of: TimeSpan | None
    attributed_to: str | None  # entity id or free text
    sentence: int
    start: int = 0
    end: int = 0
    text: str = ""


@dataclass
class ArticleRecords:
    """Everything extracted from one article, with no database access."""

    article: Article
    sentences: list[Sentence]
    entities: dict[str, Entity]  # every entity a record below refers to
    mentions: list[Mention]
    events: list[Event] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)


def to_dict(record: Any) -> dict[str, Any]:
    return asdict(record)


ENTITY_ID_PREFIXES: dict[str, EntityType] = {
    "country": "COUNTRY",
    "org": "ORG",
    "person": "PERSON",
    "place": "PLACE",
}


def type_of(entity_id: str) -> EntityType:
    """The type of an entity from its id.

    Gazetteer ids are ``country:RU``, ``org:SCO``, ``person:vladimir-putin``,
    ``place:ufa``; ids of names the gazetteer does not know are
    ``x:PERSON:jean-dupont`` (the type is spelled out).
    """
    head, _, rest = entity_id.partition(":")
    if head == "x":
        return rest.partition(":")[0]  # type: ignore[return-value]
    return ENTITY_ID_PREFIXES[head]
