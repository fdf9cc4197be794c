"""Listings over the store, in the JSON shapes of DESIGN.md: entities, articles,
mentions, events, facts and claims. Every row carries its evidence."""

from __future__ import annotations

import json
from typing import Any

from .errors import QueryError
from .store import Store

# Mentions that name an entity; a bare adjective ("les forces russes") does not.
NAMING_KINDS = ("name", "surname", "acronym", "title", "capital", "seat", "demonym", "coref",
                "place", "unknown")


def entity_ref(store: Store, entity_id: str | None) -> dict[str, Any] | None:
    if not entity_id:
        return None
    row = store.entity(entity_id)
    if row is None:
        return {"id": entity_id, "name": entity_id, "type": None}
    return {"id": row["id"], "name": row["name"], "type": row["type"]}


def resolve_name(store: Store, name: str) -> list[str]:
    """Entity ids for a user's name ("Poutine", "OCS", "Biélorussie"); raises when none."""
    ids = store.find_entities(name)
    if not ids:
        raise QueryError(f"unknown entity: {name!r} (try `veille entities` to list them)")
    return ids


def entities(store: Store, type: str | None = None, article: str | None = None,
             include_adjectives: bool = False) -> list[dict[str, Any]]:
    kinds = NAMING_KINDS + (("adjective",) if include_adjectives else ())
    marks = ",".join("?" * len(kinds))
    sql = (f"SELECT e.*, COUNT(m.entity_id) AS n FROM entities e JOIN mentions m "
           f"ON m.entity_id = e.id WHERE m.kind IN ({marks})")
    params: list[Any] = list(kinds)
    if type:
        sql += " AND e.type = ?"
        params.append(type.upper())
    if article:
        sql += " AND m.article_id = ?"
        params.append(article)
    sql += " GROUP BY e.id ORDER BY n DESC, e.name"
    return [{
        "id": r["id"], "name": r["name"], "name_fr": r["name_fr"], "type": r["type"],
        "wikidata": r["wikidata"], "aliases": store.aliases_of(r["id"]), "mentions": r["n"],
    } for r in store.query(sql, params)]


def articles(store: Store) -> list[dict[str, Any]]:
    rows = store.query("SELECT * FROM articles ORDER BY date, seq")
    out = []
    for r in rows:
        count = {t: store.query(f"SELECT COUNT(*) AS n FROM {t} WHERE article_id = ?",
                                (r["id"],))[0]["n"] for t in ("mentions", "events", "facts", "claims")}
        out.append({"id": r["id"], "source": r["source"], "url": r["url"], "date": r["date"],
                    "precision": r["precision"], "title": r["title"], "caption": r["caption"],
                    **count})
    return out


def sentence_text(store: Store, article_id: str, idx: int | None) -> str:
    if idx is None:
        return ""
    rows = store.query("SELECT text FROM sentences WHERE article_id = ? AND idx = ?",
                       (article_id, idx))
    return rows[0]["text"] if rows else ""


def mentions(store: Store, article: str | None = None,
             entity: str | None = None) -> list[dict[str, Any]]:
    sql = "SELECT * FROM mentions WHERE 1=1"
    params: list[Any] = []
    if article:
        sql += " AND article_id LIKE ?"
        params.append(article + "%")
    if entity:
        ids = resolve_name(store, entity)
        sql += f" AND entity_id IN ({','.join('?' * len(ids))})"
        params += ids
    sql += " ORDER BY article_id, start"
    return [{
        "article": r["article_id"], "text": r["text"], "start": r["start"], "end": r["end"],
        "kind": r["kind"], "entity": entity_ref(store, r["entity_id"]),
        "sentence": sentence_text(store, r["article_id"], r["sentence"]),
    } for r in store.query(sql, params)]


def _when(start, end, precision) -> dict[str, Any] | None:
    if start is None and end is None:
        return None
    return {"start": start, "end": end, "precision": precision}


def event_row(store: Store, r) -> dict[str, Any]:
    return {
        "id": r["id"], "type": r["type"], "mode": r["mode"],
        "source": [entity_ref(store, x) for x in json.loads(r["source"])],
        "target": [entity_ref(store, x) for x in json.loads(r["target"])],
        "participants": [entity_ref(store, x) for x in json.loads(r["participants"])],
        "where": entity_ref(store, r["where"]),
        "when": _when(r["when_start"], r["when_end"], r["when_precision"]),
        "status": r["status"], "article": r["article_id"], "trigger": r["trigger"],
        "sentence": sentence_text(store, r["article_id"], r["sentence"]),
    }


def events(store: Store, actor: str | None = None, type: str | None = None,
           since: str | None = None, until: str | None = None,
           article: str | None = None) -> list[dict[str, Any]]:
    sql = "SELECT * FROM events WHERE 1=1"
    params: list[Any] = []
    if actor:
        ids = resolve_name(store, actor)
        sql += (" AND id IN (SELECT event_id FROM event_actors WHERE entity_id IN "
                f"({','.join('?' * len(ids))}))")
        params += ids
    if type:
        sql += " AND type = ?"
        params.append(type.upper())
    if since:
        sql += " AND when_start IS NOT NULL AND COALESCE(when_end, when_start) >= ?"
        params.append(since)
    if until:
        sql += " AND when_start IS NOT NULL AND substr(when_start, 1, ?) <= ?"
        params += [len(until), until]
    if article:
        sql += " AND article_id = ?"
        params.append(article)
    sql += " ORDER BY COALESCE(when_start, ''), id"
    return [event_row(store, r) for r in store.query(sql, params)]


def evidence(store: Store, r) -> dict[str, Any]:
    date = store.query("SELECT date FROM articles WHERE id = ?", (r["article_id"],))
    return {"article": r["article_id"], "date": date[0]["date"] if date else None,
            "sentence": sentence_text(store, r["article_id"], r["sentence"])}


def fact_row(store: Store, r) -> dict[str, Any]:
    obj = r["object"]
    return {
        "id": r["id"], "subject": entity_ref(store, r["subject"]), "predicate": r["predicate"],
        "object": entity_ref(store, obj) if obj and ":" in obj else obj,
        "valid_from": r["valid_from"], "valid_to": r["valid_to"],
        "precision": r["valid_from_precision"], "status": r["status"],
        "polarity": r["polarity"], "evidence": [evidence(store, r)],
    }


def facts(store: Store, subject: str | None = None, predicate: str | None = None,
          article: str | None = None) -> list[dict[str, Any]]:
    sql = "SELECT * FROM facts WHERE 1=1"
    params: list[Any] = []
    if subject:
        ids = resolve_name(store, subject)
        marks = ",".join("?" * len(ids))
        sql += f" AND (subject IN ({marks}) OR object IN ({marks}))"
        params += ids + ids
    if predicate:
        sql += " AND predicate LIKE ?"
        params.append(predicate + "%")
    if article:
        sql += " AND article_id = ?"
        params.append(article)
    sql += " ORDER BY COALESCE(valid_from, ''), id"
    return [fact_row(store, r) for r in store.query(sql, params)]


def claim_row(store: Store, r) -> dict[str, Any]:
    attributed = r["attributed_to"]
    return {
        "id": r["id"], "subject": entity_ref(store, r["subject"]), "measure": r["measure"],
        "value": r["value"], "unit": r["unit"], "qualifier": r["qualifier"],
        "as_of": r["as_of"], "attributed_to":
            entity_ref(store, attributed) if attributed and ":" in attributed else attributed,
        "article": r["article_id"], "text": r["text"],
        "sentence": sentence_text(store, r["article_id"], r["sentence"]),
    }


def claims(store: Store, subject: str | None = None, measure: str | None = None,
           article: str | None = None) -> list[dict[str, Any]]:
    sql = "SELECT * FROM claims WHERE 1=1"
    params: list[Any] = []
    if subject:
        ids = resolve_name(store, subject)
        sql += f" AND subject IN ({','.join('?' * len(ids))})"
        params += ids
    if measure:
        sql += " AND measure LIKE ?"
        params.append(f"%{measure}%")
    if article:
        sql += " AND article_id = ?"
        params.append(article)
    sql += " ORDER BY COALESCE(as_of, ''), id"
    return [claim_row(store, r) for r in store.query(sql, params)]
