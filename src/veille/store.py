"""The store: one SQLite file (WAL) holding articles, sentences (FTS5), mentions,
entities and aliases, events, facts and claims, every row with its provenance.

Writes are transactional per batch of articles: an interrupted ingest leaves
whole articles or nothing, and running it again completes it. An article already
stored (same content id) is skipped, so re-ingesting changes nothing.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from .errors import StoreError
from .model import ArticleRecords, Entity, TimeSpan
from .text import fold

SCHEMA_VERSION = 1

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY, date TEXT NOT NULL, precision TEXT NOT NULL, title TEXT,
    caption TEXT, lang TEXT, source TEXT, url TEXT, text TEXT NOT NULL, seq INTEGER
);
CREATE TABLE IF NOT EXISTS sentences (
    article_id TEXT NOT NULL, idx INTEGER NOT NULL, start INTEGER, "end" INTEGER, text TEXT,
    PRIMARY KEY (article_id, idx)
);
CREATE VIRTUAL TABLE IF NOT EXISTS sentences_fts USING fts5(
    text, article_id UNINDEXED, idx UNINDEXED, tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TABLE IF NOT EXISTS entities (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, name_fr TEXT, type TEXT NOT NULL, wikidata TEXT
);
CREATE TABLE IF NOT EXISTS aliases (
    folded TEXT NOT NULL, entity_id TEXT NOT NULL, text TEXT NOT NULL,
    PRIMARY KEY (folded, entity_id)
);
CREATE TABLE IF NOT EXISTS mentions (
    article_id TEXT NOT NULL, start INTEGER, "end" INTEGER, text TEXT, sentence INTEGER,
    entity_id TEXT, kind TEXT, label TEXT
);
CREATE INDEX IF NOT EXISTS mentions_entity ON mentions(entity_id);
CREATE INDEX IF NOT EXISTS mentions_article ON mentions(article_id);
CREATE TABLE IF NOT EXISTS events (
    id INTEGER PRIMARY KEY, article_id TEXT NOT NULL, type TEXT, mode TEXT,
    source TEXT, target TEXT, participants TEXT, "where" TEXT,
    when_start TEXT, when_end TEXT, when_precision TEXT, status TEXT,
    sentence INTEGER, start INTEGER, "end" INTEGER, trigger TEXT
);
CREATE TABLE IF NOT EXISTS event_actors (event_id INTEGER, entity_id TEXT, role TEXT);
CREATE INDEX IF NOT EXISTS event_actors_entity ON event_actors(entity_id);
CREATE TABLE IF NOT EXISTS facts (
    id INTEGER PRIMARY KEY, article_id TEXT NOT NULL, subject TEXT, predicate TEXT,
    object TEXT, valid_from TEXT, valid_from_precision TEXT, valid_to TEXT,
    valid_to_precision TEXT, status TEXT, polarity TEXT, sentence INTEGER,
    start INTEGER, "end" INTEGER
);
CREATE INDEX IF NOT EXISTS facts_object ON facts(object, predicate);
CREATE TABLE IF NOT EXISTS claims (
    id INTEGER PRIMARY KEY, article_id TEXT NOT NULL, subject TEXT, measure TEXT,
    value REAL, unit TEXT, qualifier TEXT, as_of TEXT, as_of_precision TEXT,
    attributed_to TEXT, sentence INTEGER, start INTEGER, "end" INTEGER, text TEXT
);
"""


def _entity_key(entity: Entity) -> tuple:
    return (entity.id, entity.name, entity.name_fr, entity.type, entity.wikidata,
            tuple(entity.aliases))


def _span(span: TimeSpan | None) -> tuple[str | None, str | None]:
    if span is None:
        return None, None
    return span.start, span.precision


class Store:
    """A veille database. ``Store(":memory:")`` for tests."""

    def __init__(self, path: str | Path = "veille.db"):
        self.path = str(path)
        # entities (with their aliases) this store has committed: storing one again
        # would insert nothing (nothing is ever deleted), so it is skipped
        self._stored: set[tuple] = set()
        try:
            self.conn = sqlite3.connect(self.path, check_same_thread=False)
            self.conn.row_factory = sqlite3.Row
            if self.path != ":memory:":
                self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.executescript(SCHEMA)
            self.conn.execute(
                "INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", (SCHEMA_VERSION,))
            self.conn.commit()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a veille database ({exc})") from None

    def close(self) -> None:
        self.conn.close()

    # -- writing ----------------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        row = self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row is not None

    def add_batch(self, batch: Iterable[ArticleRecords]) -> int:
        """Store a batch of articles in one transaction; returns how many were new."""
        added = 0
        stored: set[tuple] = set()
        with self.conn:
            seq = self._next_seq()
            for records in batch:
                if self.has_article(records.article.id):
                    continue
                self._add(records, seq, stored)
                seq += 1
                added += 1
        self._stored |= stored  # only once the transaction is committed
        return added

    def _next_seq(self) -> int:
        return self.conn.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM articles").fetchone()[0]

    def _add(self, rec: ArticleRecords, seq: int | None = None,
             stored: set[tuple] | None = None) -> None:
        """Insert one article's records; ``seq`` is its rank (the next one when
        None); the keys of the entities it stores are added to ``stored``."""
        a = rec.article
        c = self.conn
        if seq is None:
            seq = self._next_seq()
        c.execute("INSERT INTO articles VALUES (?,?,?,?,?,?,?,?,?,?)",
                  (a.id, a.date, a.date_precision, a.title, a.caption, a.lang, a.source,
                   a.url, a.text, seq))
        c.executemany("INSERT INTO sentences VALUES (?,?,?,?,?)",
                      [(a.id, s.index, s.start, s.end, s.text) for s in rec.sentences])
        c.executemany("INSERT INTO sentences_fts (text, article_id, idx) VALUES (?,?,?)",
                      [(s.text, a.id, s.index) for s in rec.sentences])
        aliases: list[tuple[str, str]] = []
        for entity in rec.entities.values():
            key = _entity_key(entity)
            if key in self._stored or (stored is not None and key in stored):
                continue
            self._insert_entity(entity)
            aliases += [(entity.id, x) for x in (entity.name, entity.name_fr, *entity.aliases) if x]
            if stored is not None:
                stored.add(key)
        c.executemany("INSERT INTO mentions VALUES (?,?,?,?,?,?,?,?)",
                      [(a.id, m.start, m.end, m.text, m.sentence, m.entity_id, m.kind, m.label)
                       for m in rec.mentions])
        aliases += [(m.entity_id, m.text) for m in rec.mentions
                    if m.entity_id and m.kind in ("name", "acronym", "unknown", "surname")]
        self._aliases(aliases)
        for e in rec.events:
            when = e.when
            cur = c.execute(
                'INSERT INTO events (article_id, type, mode, source, target, participants, '
                '"where", when_start, when_end, when_precision, status, sentence, start, "end", '
                'trigger) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)',
                (a.id, e.type, e.mode, json.dumps(e.source), json.dumps(e.target),
                 json.dumps(e.participants), e.where, when.start if when else None,
                 when.end if when else None, when.precision if when else None, e.status,
                 e.sentence, e.start, e.end, e.trigger))
            roles = [(cur.lastrowid, x, "source") for x in e.source]
            roles += [(cur.lastrowid, x, "target") for x in e.target]
            roles += [(cur.lastrowid, x, "participant") for x in e.participants
                      if x not in e.source and x not in e.target]
            c.executemany("INSERT INTO event_actors VALUES (?,?,?)", roles)
        c.executemany(
            'INSERT INTO facts (article_id, subject, predicate, object, valid_from, '
            'valid_from_precision, valid_to, valid_to_precision, status, polarity, '
            'sentence, start, "end") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)',
            [(a.id, f.subject, f.predicate, f.object, *_span(f.valid_from), *_span(f.valid_to),
              f.status, f.polarity, f.sentence, f.start, f.end) for f in rec.facts])
        c.executemany(
            'INSERT INTO claims (article_id, subject, measure, value, unit, qualifier, as_of, '
            'as_of_precision, attributed_to, sentence, start, "end", text) '
            'VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)',
            [(a.id, k.subject, k.measure, k.value, k.unit, k.qualifier, *_span(k.as_of),
              k.attributed_to, k.sentence, k.start, k.end, k.text) for k in rec.claims])

    def add_entity(self, entity: Entity) -> None:
        self._insert_entity(entity)
        for alias in [entity.name, entity.name_fr, *entity.aliases]:
            if alias:
                self._alias(entity.id, alias)

    def _insert_entity(self, entity: Entity) -> None:
        self.conn.execute(
            "INSERT INTO entities VALUES (?,?,?,?,?) ON CONFLICT(id) DO NOTHING",
            (entity.id, entity.name, entity.name_fr, entity.type, entity.wikidata))

    def _alias(self, entity_id: str, text: str) -> None:
        self.conn.execute("INSERT OR IGNORE INTO aliases VALUES (?,?,?)",
                          (fold(text), entity_id, text))

    def _aliases(self, pairs: list[tuple[str, str]]) -> None:
        """``_alias`` for each (entity id, text) in one call; of the pairs that fold
        alike only the first can go in (``INSERT OR IGNORE``): the rest are dropped
        beforehand, so the rows and their order are those of one call per pair."""
        rows: dict[tuple[str, str], str] = {}
        for entity_id, text in pairs:
            rows.setdefault((fold(text), entity_id), text)
        self.conn.executemany("INSERT OR IGNORE INTO aliases VALUES (?,?,?)",
                              [(f, e, t) for (f, e), t in rows.items()])

    # -- reading ----------------------------------------------------------------
    def query(self, sql: str, params: Iterable = ()) -> list[sqlite3.Row]:
        return self.conn.execute(sql, tuple(params)).fetchall()

    def entity(self, entity_id: str) -> sqlite3.Row | None:
        return self.conn.execute("SELECT * FROM entities WHERE id = ?", (entity_id,)).fetchone()

    def aliases_of(self, entity_id: str) -> list[str]:
        rows = self.query("SELECT text FROM aliases WHERE entity_id = ? ORDER BY text",
                          (entity_id,))
        return sorted({r["text"] for r in rows})

    def find_entities(self, name: str) -> list[str]:
        """Ids of the stored entities that ``name`` (any alias) may stand for."""
        if self.entity(name) is not None:
            return [name]
        rows = self.query("SELECT DISTINCT entity_id FROM aliases WHERE folded = ?", (fold(name),))
        return [r["entity_id"] for r in rows]

    def counts(self) -> dict[str, int]:
        tables = ("articles", "sentences", "mentions", "entities", "events", "facts", "claims")
        return {t: self.conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in tables}
