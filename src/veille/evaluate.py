"""``veille eval``: score the knowledge base against a gold corpus.

A corpus is a folder with ``articles/*.txt`` (the sample format), ``gold/*.json``
(one gold object per article, the format of ``docs/evaluation.md``) and an optional
``questions.json``. Each article is ingested alone into an empty knowledge base and
compared with its gold; counts are summed before precision, recall and F1. For the
questions, the whole corpus goes into one knowledge base.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .api import Veille
from .errors import InputError, VeilleError
from .reader import read_paths
from .text import fold

MEMBERSHIP = {"member_of", "observer_of", "dialogue_partner_of", "candidate_of", "left"}


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int = 0, fp: int = 0, fn: int = 0) -> None:
        self.tp += tp
        self.fp += fp
        self.fn += fn

    def scores(self) -> dict[str, float | int]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class Ratio:
    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.right += int(ok)
        self.total += 1

    def scores(self) -> dict[str, float | int]:
        return {"accuracy": round(self.right / self.total, 3) if self.total else 0.0,
                "right": self.right, "total": self.total}


@dataclass
class Report:
    lines: list[str] = field(default_factory=list)

    def add(self, article: str, what: str, verdict: str, detail: str) -> None:
        detail = " ".join(detail.split())  # one line, no tab inside a field
        self.lines.append(f"{article}\t{what}\t{verdict}\t{detail}")


def _names(ref: dict[str, Any] | None, aliases: dict[str, set[str]]) -> set[str]:
    """Every folded name an entity of veille answers to."""
    if not ref:
        return set()
    names = {fold(ref.get("name") or "")}
    names |= aliases.get(ref.get("id") or "", set())
    return names


def _matches(ref, gold_name: str, aliases) -> bool:
    return fold(gold_name) in _names(ref, aliases)


def _date_ok(start: str | None, precision: str | None, gold: str) -> bool:
    if not start:
        return False
    return len(start) >= len(gold) and start[:len(gold)] == gold


# -- per-article scoring --------------------------------------------------------

def score_entities(kb: Veille, art: str, gold: dict, aliases, t: Tally, junk: Tally,
                   report: Report) -> None:
    found = kb.entities(article=art)
    required = [g["name"] for g in gold.get("entities", [])]
    optional = {fold(n) for n in gold.get("optional_entities", [])}
    spurious = {fold(n) for n in gold.get("spurious", [])}
    unmatched = list(found)
    for name in required:
        hit = next((e for e in unmatched if _matches(e, name, aliases)), None)
        if hit is None:
            t.add(fn=1)
            report.add(gold["article"], "entity", "MISS", name)
        else:
            unmatched.remove(hit)
            t.add(tp=1)
    for e in unmatched:
        names = _names(e, aliases)
        if names & optional:
            continue
        t.add(fp=1)
        if names & spurious:
            junk.add(fp=1)
        report.add(gold["article"], "entity", "SPURIOUS",
                   f"{e['name']} ({e['type']}; {', '.join(e['aliases'][:3])})")


def score_mentions(kb: Veille, art: str, gold: dict, aliases, r: Ratio, report: Report) -> None:
    mentions = kb.mentions(article=art)
    for g in gold.get("mentions", []):
        text = fold(g["text"])
        ok = any((fold(m["text"]) in text or text in fold(m["text"])) and
                 _matches(m["entity"], g["entity"], aliases) for m in mentions if m["entity"])
        r.add(ok)
        if not ok:
            got = [f"{m['text']}->{m['entity']['name'] if m['entity'] else None}"
                   for m in mentions if fold(m["text"]) in text or text in fold(m["text"])]
            report.add(gold["article"], "mention", "MISS",
                       f"{g['text']} -> {g['entity']} (veille: {'; '.join(got) or 'nothing'})")


def _actors(event: dict) -> list[dict]:
    return [*event["source"], *event["target"], *event["participants"]]


def pair_up(golds: list[dict], found: list[dict], pick, t: Tally, report: Report,
            article: str, what: str, miss, spurious) -> list[tuple[dict, dict]]:
    """Match each gold item with the veille item ``pick(gold, left)`` chooses among
    those not matched yet; count hits, misses and the veille items left over, and
    report the last two (``miss(gold)``, ``spurious(item)`` give their detail).
    A gold item left without a match may still take an item another gold item
    holds when that one can move to a different item (a maximum matching, so
    the order of the gold list does not change the score). Returns the (gold,
    hit) pairs for further checks."""
    owner: dict[int, int] = {}  # id of a veille item -> index of the gold item holding it
    held: dict[int, dict] = {}  # index of a gold item -> its veille item
    for i, g in enumerate(golds):
        hit = pick(g, [x for x in found if id(x) not in owner])
        if hit is not None:
            owner[id(hit)], held[i] = i, hit
    for i in range(len(golds)):
        if i not in held:
            _augment(i, golds, found, pick, owner, held, set())
    pairs = []
    for i, g in enumerate(golds):
        if i in held:
            t.add(tp=1)
            pairs.append((g, held[i]))
        else:
            t.add(fn=1)
            report.add(article, what, "MISS", miss(g))
    for item in found:
        if id(item) not in owner:
            t.add(fp=1)
            report.add(article, what, "SPURIOUS", spurious(item))
    return pairs


def _augment(i: int, golds: list[dict], found: list[dict], pick, owner: dict[int, int],
             held: dict[int, dict], seen: set[int]) -> bool:
    """Find gold item ``i`` a veille item, moving the holders along (Kuhn's
    augmenting path)."""
    for x in found:
        if id(x) in seen or pick(golds[i], [x]) is None:
            continue
        seen.add(id(x))
        j = owner.get(id(x))
        if j is None or _augment(j, golds, found, pick, owner, held, seen):
            owner[id(x)], held[i] = i, x
            return True
    return False


def _object_name(f: dict):
    return f["object"]["name"] if isinstance(f["object"], dict) else f["object"]


def _fact_detail(f: dict) -> str:
    return (f"{f['subject']['name'] if f['subject'] else None} {f['predicate']} "
            f"{_object_name(f)} | {f['evidence'][0]['sentence'][:90]}")


def score_events(kb: Veille, art: str, gold: dict, aliases, t: Tally, dates: Ratio,
                 status: Ratio, report: Report) -> None:
    def pick(g: dict, left: list[dict]) -> dict | None:
        return _best_event([e for e in left if e["type"] == g["type"] and all(
            any(_matches(a, name, aliases) for a in _actors(e)) for name in g["actors"])], g)

    pairs = pair_up(
        gold.get("events", []), kb.events(article=art), pick, t, report, gold["article"], "event",
        lambda g: f"{g['type']} {g['actors']} {g.get('when')} | {g.get('evidence', '')[:90]}",
        lambda e: (f"{e['type']} {[a['name'] for a in _actors(e) if a]} {e['when']} | "
                   f"{(e['sentence'] or '')[:90]}"))
    for g, hit in pairs:
        if g.get("when"):
            when = hit["when"] or {}
            ok = _date_ok(when.get("start"), when.get("precision"), g["when"])
            dates.add(ok)
            if not ok:
                report.add(gold["article"], "event-date", "WRONG",
                           f"{g['type']} {g['actors']} gold {g['when']} veille {when.get('start')}")
        status.add(hit["status"] == g.get("status", "reported"))
        if hit["status"] != g.get("status", "reported"):
            report.add(gold["article"], "event-status", "WRONG",
                       f"{g['type']} {g['actors']} gold {g.get('status')} veille {hit['status']}")


def _best_event(candidates: list[dict], g: dict) -> dict | None:
    """Of the veille events that match a gold event, the one from the sentence the
    gold quotes, then one with the gold date, then the first."""
    if not candidates:
        return None
    evidence = fold(g.get("evidence") or "")

    def rank(e: dict) -> tuple[bool, bool]:
        sentence = fold(e.get("sentence") or "")
        same_sentence = bool(evidence) and (evidence[:60] in sentence or
                                            sentence[:60] in evidence)
        when = e.get("when") or {}
        same_date = bool(g.get("when")) and _date_ok(when.get("start"), None, g["when"])
        return same_sentence, same_date

    return max(candidates, key=rank)


def score_facts(kb: Veille, art: str, gold: dict, aliases, t: Tally, since: Ratio,
                report: Report) -> None:
    def pick(g: dict, left: list[dict]) -> dict | None:
        obj = g["object"] or ""
        return next((f for f in left if f["predicate"] == g["predicate"]
                     and _matches(f["subject"], g["subject"], aliases)
                     and _matches(f["object"] if isinstance(f["object"], dict) else None,
                                  obj, aliases)), None)

    golds = [g for g in gold.get("facts", []) if g["predicate"] in MEMBERSHIP]
    found = [f for f in kb.facts(article=art) if f["predicate"] in MEMBERSHIP]
    pairs = pair_up(
        golds, found, pick, t, report, gold["article"], "fact",
        lambda g: f"{g['subject']} {g['predicate']} {g['object']} from {g.get('valid_from')}",
        _fact_detail)
    for g, hit in pairs:
        if g.get("valid_from"):
            ok = _date_ok(hit["valid_from"], hit["precision"], g["valid_from"])
            since.add(ok)
            if not ok:
                report.add(gold["article"], "fact-from", "WRONG",
                           f"{g['subject']} {g['predicate']} gold {g['valid_from']} "
                           f"veille {hit['valid_from']}")


def _relation_matches(f: dict, g: dict, aliases) -> bool:
    if f["predicate"] != f"relation:{g['kind']}" or not isinstance(f["object"], dict):
        return False
    pair = (f["subject"], f["object"])
    return any(_matches(a, g["subject"], aliases) and _matches(b, g["object"], aliases)
               for a, b in (pair, pair[::-1]))


def score_relations(kb: Veille, art: str, gold: dict, aliases, t: Tally, report: Report) -> None:
    """Relations (an extension of the gold format used by our dev set): same kind,
    same pair of actors in either order."""
    if "relations" not in gold:
        return
    found = [f for f in kb.facts(article=art) if f["predicate"].startswith("relation:")]
    pair_up(gold["relations"], found,
            lambda g, left: next((f for f in left if _relation_matches(f, g, aliases)), None),
            t, report, gold["article"], "relation",
            lambda g: f"{g['subject']} {g['kind']} {g['object']} | {g.get('evidence', '')[:80]}",
            _fact_detail)


def _unit_ok(found: str | None, gold: str | None) -> bool:
    if not gold:
        return True
    return fold(found or "") == fold(gold)


def _claim_matches(c: dict, g: dict, required: set[str], aliases) -> bool:
    """Same value within 0.5 %, same unit when the gold has one, and the same
    subject when the gold subject is one of the article's entities."""
    value = float(g["value"])
    if abs(float(c["value"]) - value) > abs(value) * 0.005:
        return False
    if not _unit_ok(c["unit"], g.get("unit")):
        return False
    if g.get("subject") and fold(g["subject"]) in required:
        return _matches(c["subject"], g["subject"], aliases)
    return True


def score_claims(kb: Veille, art: str, gold: dict, aliases, t: Tally, report: Report) -> None:
    required = {fold(g["name"]) for g in gold.get("entities", [])}
    pair_up(gold.get("claims", []), kb.claims(article=art),
            lambda g, left: next((c for c in left if _claim_matches(c, g, required, aliases)),
                                 None),
            t, report, gold["article"], "claim",
            lambda g: (f"{g.get('subject')} {g['measure']} {g['value']} {g.get('unit')} | "
                       f"{g.get('evidence', '')[:80]}"),
            lambda c: (f"{c['subject']['name'] if c['subject'] else None} {c['measure']} "
                       f"{c['value']} {c['unit']} | {c['text']}"))


# -- the corpus -------------------------------------------------------------------

def load_corpus(folder: str | Path) -> tuple[list[dict], dict]:
    folder = Path(folder)
    golds = []
    for path in sorted((folder / "gold").glob("*.json")):
        try:
            golds.append(json.loads(path.read_text(encoding="utf-8")))
        except json.JSONDecodeError as exc:
            raise VeilleError(f"{path}: malformed gold JSON ({exc.msg} at line {exc.lineno})") from None
    questions_path = folder / "questions.json"
    questions = (json.loads(questions_path.read_text(encoding="utf-8"))
                 if questions_path.exists() else {})
    return golds, questions


def _alias_map(kb: Veille) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for row in kb.store.query("SELECT entity_id, folded FROM aliases"):
        out.setdefault(row["entity_id"], set()).add(row["folded"])
    return out


def evaluate_corpus(folder: str | Path, report_path: str | Path | None = None,
                    progress: bool = False, extractor=None) -> dict[str, Any]:
    folder = Path(folder)
    golds, questions = load_corpus(folder)
    if not golds:
        raise VeilleError(f"{folder}: no gold files in {folder / 'gold'}")
    if extractor is None:
        from .extract import Extractor

        extractor = Extractor()
    paths = [folder / "articles" / g["article"] for g in golds]
    articles = []
    for path, gold in zip(paths, golds, strict=True):
        items = list(read_paths([path]))
        if not items or isinstance(items[0], InputError):
            raise VeilleError(f"{path}: {items[0].reason if items else 'unreadable'}")
        articles.append((items[0], gold))

    ent, junk, ev, fa, cl, rel = Tally(), Tally(), Tally(), Tally(), Tally(), Tally()
    men, dates, status, since = Ratio(), Ratio(), Ratio(), Ratio()
    report = Report()
    whole = Veille(":memory:", extractor=extractor)
    records_all = list(_records(extractor, [a for a, _ in articles], progress))
    for (article, gold), records in zip(articles, records_all, strict=True):
        kb = Veille(":memory:", extractor=extractor)
        kb.store.add_batch([records])
        aliases = _alias_map(kb)
        art = article.id
        score_entities(kb, art, gold, aliases, ent, junk, report)
        score_mentions(kb, art, gold, aliases, men, report)
        score_events(kb, art, gold, aliases, ev, dates, status, report)
        score_facts(kb, art, gold, aliases, fa, since, report)
        score_claims(kb, art, gold, aliases, cl, report)
        score_relations(kb, art, gold, aliases, rel, report)
        kb.close()
    whole.store.add_batch(records_all)
    q = score_questions(whole, questions, report)
    scores = {
        "corpus": str(folder), "articles": len(articles),
        "entities": ent.scores(), "junk_entities": junk.fp,
        "mentions": men.scores(),
        "events": {**ev.scores(), "date": dates.scores(), "status": status.scores()},
        "facts": {**fa.scores(), "valid_from": since.scores()},
        "claims": cl.scores(),
        "relations": rel.scores() if any("relations" in g for g in golds) else None,
        "members_at": q,
    }
    if report_path:
        Path(report_path).write_text("\n".join(report.lines) + "\n", encoding="utf-8")
    return scores


def _records(extractor, articles, progress: bool):
    it: Iterable = extractor.process(articles)
    if progress:
        from tqdm import tqdm

        it = tqdm(it, total=len(articles), desc="eval", unit=" articles", file=sys.stderr)
    return it


def score_questions(kb: Veille, questions: dict, report: Report) -> dict[str, Any]:
    exact = Ratio()
    jaccard = []
    aliases = _alias_map(kb)
    for q in questions.get("members_at", []):
        try:
            answer = kb.members(q["org"], q["at"])
            got = answer["members"]
        except VeilleError:
            got = []
        gold = {fold(n) for n in q["members"]}
        got_names = [m for m in got]
        matched = {g for g in gold if any(_matches(m, g, aliases) for m in got_names)}
        extra = [m["name"] for m in got_names
                 if not any(_matches(m, g, aliases) for g in gold)]
        ok = matched == gold and not extra
        exact.add(ok)
        union = len(gold) + len(extra)
        jaccard.append(len(matched) / union if union else 1.0)
        if not ok:
            report.add("questions", "members_at", "WRONG",
                       f"{q['org']} at {q['at']}: missing {sorted(gold - matched)} "
                       f"extra {extra}")
    return {**exact.scores(),
            "mean_jaccard": round(sum(jaccard) / len(jaccard), 3) if jaccard else 0.0}


def format_scores(s: dict[str, Any]) -> str:
    def prf(d):
        return (f"P {d['precision']:.2f}  R {d['recall']:.2f}  F1 {d['f1']:.2f}  "
                f"(tp {d['tp']}, fp {d['fp']}, fn {d['fn']})")

    def acc(d):
        return f"{d['accuracy']:.2f} ({d['right']}/{d['total']})"

    ev, fa = s["events"], s["facts"]
    return "\n".join([
        f"corpus       {s['corpus']} ({s['articles']} articles)",
        f"entities     {prf(s['entities'])}; known junk listed: {s['junk_entities']}",
        f"mentions     hard resolutions right: {acc(s['mentions'])}",
        f"events       {prf(ev)}",
        f"             date right {acc(ev['date'])}, status right {acc(ev['status'])}",
        f"facts        {prf(fa)}",
        f"             valid_from right {acc(fa['valid_from'])}",
        f"claims       {prf(s['claims'])}",
        *([f"relations    {prf(s['relations'])}"] if s.get("relations") else []),
        f"members --at exact {acc(s['members_at'])}, mean Jaccard "
        f"{s['members_at']['mean_jaccard']:.2f}",
    ])
