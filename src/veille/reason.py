"""Reasoning over time: membership as of a date, timelines, updates and
contradictions between articles. Reads the store; writes nothing.

Membership of one state in one organisation is a sequence of dated observations
taken from every article: an accession ("a rejoint l'OCS en 2017") says "member
from 2017"; a member list in an article of 2024-07 says "member at 2024-07"; a
departure says "not a member from then"; a denial from a later article cancels a
planned accession. A list that the article gives as the whole membership (its
length is the member count the same sentence states: "l'OPEP regroupe désormais
12 pays : ...") also says "not a member at that date" of every state it leaves
out. The state at a date is the last observation on or before it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date as Date
from typing import Any

from .errors import QueryError
from .queries import entity_ref, evidence, resolve_name
from .store import Store

JOINING = "member_of"
COUNT_MEASURE = "member count"
NEAR_DAYS = 200  # count claims "near" a date: within about six months
SAME_TIME_DAYS = 45  # two figures about the same moment when their dates are this close


def first_day(iso: str) -> str:
    return iso + "-01-01"[len(iso) - 4:] if iso else ""


def last_day(iso: str) -> str:
    if not iso:
        return ""
    if len(iso) == 4:
        return iso + "-12-31"
    if len(iso) == 7:
        return iso + "-31"
    return iso[:10]


def _days(iso: str) -> int:
    d = first_day(iso)
    try:
        return Date.fromisoformat(d).toordinal()
    except ValueError:  # "2024-02-31" from a month's last day
        return Date.fromisoformat(d[:8] + "28").toordinal()


@dataclass
class Observation:
    when: str  # ISO date of the change or of the observation
    member: bool
    precise: bool  # an accession or departure date (not just "listed at")
    row: Any  # the fact row, for evidence
    article_date: str


def _observations(store: Store, org_ids: list[str], at: str) -> dict[str, list[Observation]]:
    marks = ",".join("?" * len(org_ids))
    rows = store.query(
        f"SELECT f.*, a.date AS article_date FROM facts f JOIN articles a ON a.id = f.article_id "
        f"WHERE f.object IN ({marks}) AND f.predicate IN ('member_of', 'left')", org_ids)
    # an article that both affirms and denies a membership affirms it: the denial
    # is then about another time ("qui n'en faisait pas partie, devient membre")
    affirmed = {(r["article_id"], r["subject"]) for r in rows
                if r["predicate"] == JOINING and r["status"] in ("stated", "expected", "planned")}
    by_subject: dict[str, list[Observation]] = {}
    for r in rows:
        if r["status"] == "negated" and (r["article_id"], r["subject"]) in affirmed:
            continue
        obs = _observation(r, at)
        if obs is not None:
            by_subject.setdefault(r["subject"], []).append(obs)
    for listed, row in _whole_lists(store, rows, org_ids):
        for subject, observations in by_subject.items():
            if subject not in listed:
                observations.append(Observation(row["article_date"], False, False, row,
                                                row["article_date"]))
    return by_subject


def _whole_lists(store: Store, rows, org_ids: list[str]) -> list[tuple[set[str], Any]]:
    """Member lists that an article gives as the whole membership: undated
    "member" facts of one sentence whose number is the member count the same
    sentence claims for the organisation."""
    lists: dict[tuple[str, int], list[Any]] = {}
    for r in rows:
        if r["predicate"] == JOINING and r["status"] == "stated" and not r["valid_from"]:
            lists.setdefault((r["article_id"], r["sentence"]), []).append(r)
    if not lists:
        return []
    marks = ",".join("?" * len(org_ids))
    counts = {(c["article_id"], c["sentence"]): c["value"] for c in store.query(
        f"SELECT article_id, sentence, value FROM claims WHERE subject IN ({marks}) "
        f"AND measure = ?", [*org_ids, COUNT_MEASURE])}
    whole = []
    for key, members in lists.items():
        listed = {r["subject"] for r in members}
        if counts.get(key) == len(listed):
            whole.append((listed, members[0]))
    return whole


def _observation(r, at: str) -> Observation | None:
    status, since, adate = r["status"], r["valid_from"], r["article_date"]
    if r["predicate"] == JOINING:
        if status == "negated":
            return Observation(adate, False, False, r, adate)
        if status in ("hypothetical",):
            return None
        if since:
            if status in ("expected", "planned") and first_day(since) > last_day(at):
                return None  # a planned accession counts once its date has passed
            return Observation(since, True, True, r, adate)
        if status != "stated":
            return None
        return Observation(adate, True, False, r, adate)
    # left
    if status in ("negated", "hypothetical"):
        return None
    when = since or adate
    if status in ("expected", "planned") and first_day(when) > last_day(at):
        return None
    return Observation(when, False, bool(since), r, adate)


def _drop_vaguer(observations: list[Observation]) -> list[Observation]:
    """"2023" and "2023-07-04" for the same accession: keep the precise one."""
    kept = []
    for o in observations:
        finer = any(p is not o and p.precise and o.precise and p.member == o.member
                    and len(p.when) > len(o.when) and p.when.startswith(o.when)
                    for p in observations)
        if not finer:
            kept.append(o)
    return kept


def member_state(observations: list[Observation], at: str) -> tuple[bool, list[Observation]]:
    """Whether the observations make a member at ``at``, and the ones that say so."""
    obs = [o for o in _drop_vaguer(observations) if first_day(o.when) <= last_day(at)]
    if not obs:
        return False, []
    obs.sort(key=lambda o: (first_day(o.when), o.article_date, o.precise))
    last = obs[-1]
    if not last.member:
        return False, [last]
    return True, [o for o in obs if o.member and first_day(o.when) <= first_day(last.when)
                  or o is last]


def _org_ids(store: Store, org: str) -> list[str]:
    ids = [i for i in resolve_name(store, org) if (store.entity(i) or {"type": ""})["type"] == "ORG"]
    if not ids:
        raise QueryError(f"{org!r} is not an organisation known to the knowledge base")
    return ids


def _latest_date(store: Store) -> str:
    row = store.query("SELECT MAX(date) AS d FROM articles")[0]
    return row["d"] or Date.today().isoformat()


def members(store: Store, org: str, at: str | None) -> dict[str, Any]:
    ids = _org_ids(store, org)
    at = at or _latest_date(store)
    found = []
    for subject, observations in _observations(store, ids, at).items():
        is_member, support = member_state(observations, at)
        if not is_member:
            continue
        accessions = [o.when for o in support if o.precise]
        found.append({
            **(entity_ref(store, subject) or {}),
            "since": min(accessions, key=first_day) if accessions else None,
            "listed_at": sorted({o.article_date for o in support if not o.precise}),
            "evidence": [evidence(store, o.row) for o in support],
        })
    found.sort(key=lambda m: m["name"])
    counts = count_claims(store, ids, at)
    consistent = None if not counts else all(c["consistent"] for c in counts)
    org_row = store.entity(ids[0])
    return {"org": org_row["name"] if org_row else org, "at": at, "members": found,
            "count_claims": counts, "consistent": consistent}


def member_count_at(store: Store, org_ids: list[str], at: str) -> int:
    return sum(member_state(obs, at)[0] for obs in _observations(store, org_ids, at).values())


def count_claims(store: Store, org_ids: list[str], at: str) -> list[dict[str, Any]]:
    marks = ",".join("?" * len(org_ids))
    rows = store.query(
        f"SELECT c.*, a.date AS article_date FROM claims c JOIN articles a ON a.id = c.article_id "
        f"WHERE c.subject IN ({marks}) AND c.measure = ?", [*org_ids, COUNT_MEASURE])
    out = []
    for r in rows:
        when = r["as_of"] or r["article_date"]
        if abs(_days(when) - _days(at)) > NEAR_DAYS:
            continue
        listed = member_count_at(store, org_ids, when)
        out.append({"value": r["value"], "as_of": when, "article": r["article_id"],
                    "date": r["article_date"], "members_listed_then": listed,
                    "consistent": listed == int(r["value"]),
                    "sentence": evidence(store, r)["sentence"]})
    return out


# -- conflicts -------------------------------------------------------------------

def conflicts(store: Store) -> list[dict[str, Any]]:
    return claim_conflicts(store) + accession_conflicts(store)


def claim_conflicts(store: Store) -> list[dict[str, Any]]:
    rows = store.query(
        "SELECT c.*, a.date AS article_date FROM claims c JOIN articles a ON a.id = c.article_id "
        "WHERE c.subject IS NOT NULL ORDER BY c.subject, c.measure, COALESCE(c.as_of, a.date)")
    groups: dict[tuple, list] = {}
    for r in rows:
        groups.setdefault((r["subject"], r["measure"], r["unit"]), []).append(r)
    out = []
    for (subject, measure, unit), claims in groups.items():
        # each figure against the latest earlier figure from another article:
        # a chain 9 -> 10 -> 10 gives one update, not every pair
        for i, b in enumerate(claims):
            earlier = [a for a in claims[:i] if a["article_id"] != b["article_id"]]
            if not earlier:
                continue
            a = earlier[-1]
            if not _same_value(a["value"], b["value"]):
                out.append(_claim_conflict(store, subject, measure, unit, a, b))
    return out


def _same_value(x: float, y: float) -> bool:
    return abs(x - y) <= max(abs(x), abs(y)) * 0.005


def _claim_conflict(store: Store, subject, measure, unit, a, b) -> dict[str, Any]:
    da, db = a["as_of"] or a["article_date"], b["as_of"] or b["article_date"]
    same_time = abs(_days(da) - _days(db)) <= SAME_TIME_DAYS
    label, explanation = "contradiction", "same time, different values"
    if not same_time:
        label, explanation = "update", f"figures for different dates ({da} and {db})"
        if measure == COUNT_MEASURE:
            changes = membership_changes(store, [subject], da, db)
            if changes:
                explanation = "explained by " + "; ".join(changes)
    name = (entity_ref(store, subject) or {}).get("name", subject)
    return {
        "label": label, "topic": f"{name}: {measure}" + (f" ({unit})" if unit else ""),
        "explanation": explanation,
        "sides": [{"value": r["value"], "as_of": r["as_of"], "date": r["article_date"],
                   "article": r["article_id"], "attributed_to": r["attributed_to"],
                   "sentence": evidence(store, r)["sentence"]} for r in (a, b)],
    }


def membership_changes(store: Store, org_ids: list[str], start: str, end: str) -> list[str]:
    """Accessions and departures dated between two dates, as readable phrases."""
    marks = ",".join("?" * len(org_ids))
    rows = store.query(
        f"SELECT * FROM facts WHERE object IN ({marks}) AND predicate IN ('member_of', 'left') "
        f"AND valid_from IS NOT NULL AND status NOT IN ('negated', 'hypothetical')", org_ids)
    seen, out = set(), []
    for r in rows:
        if first_day(start) < last_day(r["valid_from"]) and first_day(r["valid_from"]) <= last_day(end):
            name = (entity_ref(store, r["subject"]) or {}).get("name", r["subject"])
            verb = "accession" if r["predicate"] == "member_of" else "departure"
            key = (name, verb)
            if key not in seen:
                seen.add(key)
                out.append(f"{verb} of {name} ({r['valid_from']})")
    return out


def accession_conflicts(store: Store) -> list[dict[str, Any]]:
    """Two articles dating the same accession differently (2016 against 2017)."""
    rows = store.query(
        "SELECT f.*, a.date AS article_date FROM facts f JOIN articles a ON a.id = f.article_id "
        "WHERE f.predicate = 'member_of' AND f.valid_from IS NOT NULL "
        "AND f.status NOT IN ('negated', 'hypothetical') ORDER BY f.subject, f.object")
    groups: dict[tuple, list] = {}
    for r in rows:
        groups.setdefault((r["subject"], r["object"]), []).append(r)
    out = []
    for (subject, obj), facts in groups.items():
        for i, a in enumerate(facts):
            for b in facts[i + 1:]:
                x, y = a["valid_from"], b["valid_from"]
                if a["article_id"] == b["article_id"] or x.startswith(y) or y.startswith(x):
                    continue
                s = (entity_ref(store, subject) or {}).get("name", subject)
                o = (entity_ref(store, obj) or {}).get("name", obj)
                out.append({
                    "label": "contradiction", "topic": f"{s} member of {o}: since when",
                    "explanation": f"accession dated {x} in one article and {y} in another",
                    "sides": [{"value": r["valid_from"], "as_of": r["valid_from"],
                               "date": r["article_date"], "article": r["article_id"],
                               "attributed_to": None, "sentence": evidence(store, r)["sentence"]}
                              for r in (a, b)]})
    return out


# -- timeline --------------------------------------------------------------------

def timeline(store: Store, name: str) -> list[dict[str, Any]]:
    from .queries import claims, events, facts

    items = []
    for e in events(store, actor=name):
        actors = ", ".join(a["name"] for a in e["participants"] if a)
        items.append({"date": (e["when"] or {}).get("start"), "kind": "event",
                      "summary": f"{e['type']} [{e['status']}] {actors}",
                      "article": e["article"], "sentence": e["sentence"], "record": e})
    for f in facts(store, subject=name):
        obj = f["object"]["name"] if isinstance(f["object"], dict) else f["object"]
        items.append({"date": f["valid_from"] or f["evidence"][0]["date"], "kind": "fact",
                      "summary": f"{f['subject']['name'] if f['subject'] else '?'} "
                                 f"{f['predicate']} {obj or ''} [{f['status']}]",
                      "article": f["evidence"][0]["article"],
                      "sentence": f["evidence"][0]["sentence"], "record": f})
    for c in claims(store, subject=name):
        items.append({"date": c["as_of"], "kind": "claim",
                      "summary": f"{c['measure']} = {c['value']:g} {c['unit'] or ''}",
                      "article": c["article"], "sentence": c["sentence"], "record": c})
    items.sort(key=lambda x: first_day(x["date"] or "9999"))
    return items
