"""The scorer itself: perfect output scores 1, an empty knowledge base scores 0."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from veille import Veille
from veille.evaluate import evaluate_corpus, format_scores
from veille.model import ArticleRecords

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

PICK = ["002", "004", "015"]


@pytest.fixture
def small_corpus(tmp_path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "gold").mkdir()
    for prefix in PICK:
        (art,) = EXAMPLES.glob(f"articles/{prefix}-*.txt")
        shutil.copy(art, tmp_path / "articles")
        shutil.copy(EXAMPLES / "gold" / (art.stem + ".json"), tmp_path / "gold")
    return tmp_path


class EmptyExtractor:
    """Finds nothing at all: the floor of every figure."""

    def process(self, articles):
        for a in articles:
            yield ArticleRecords(a, [], {}, [])


def _perfect_gold(corpus, extractor):
    """Rewrite the gold of a corpus as exactly what veille finds."""
    for gold_path in (corpus / "gold").glob("*.json"):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        kb = Veille(":memory:", extractor=extractor)
        kb.ingest([corpus / "articles" / gold["article"]], progress=False)
        names = lambda refs: [r["name"] for r in refs if r]  # noqa: E731
        gold.update({
            "entities": [{"name": e["name"], "type": e["type"]} for e in kb.entities()],
            "optional_entities": [], "spurious": [],
            "mentions": [{"text": m["text"], "entity": m["entity"]["name"]}
                         for m in kb.mentions() if m["entity"] and m["kind"] == "title"],
            "events": [{"type": e["type"], "actors": names(e["participants"]),
                        "when": (e["when"] or {}).get("start"), "status": e["status"]}
                       for e in kb.events()],
            "facts": [{"subject": f["subject"]["name"], "predicate": f["predicate"],
                       "object": f["object"]["name"], "valid_from": f["valid_from"]}
                      for f in kb.facts() if isinstance(f["object"], dict)],
            "relations": [{"subject": f["subject"]["name"], "object": f["object"]["name"],
                           "kind": f["predicate"].split(":", 1)[1]}
                          for f in kb.facts(predicate="relation:")
                          if isinstance(f["object"], dict)],
            "claims": [{"subject": c["subject"]["name"] if c["subject"] else None,
                        "value": c["value"], "unit": c["unit"], "measure": c["measure"]}
                       for c in kb.claims()],
        })
        gold_path.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")


def test_eval_perfect_output_scores_one(small_corpus, extractor):
    _perfect_gold(small_corpus, extractor)
    s = evaluate_corpus(small_corpus, extractor=extractor)
    assert s["entities"]["f1"] == 1.0 and s["entities"]["tp"] > 20
    assert s["mentions"]["accuracy"] == 1.0
    for key in ("events", "facts", "claims", "relations"):
        assert s[key]["fn"] == 0 and s[key]["fp"] == 0, key
    status = s["events"]["status"]
    assert status["right"] == status["total"] == s["events"]["tp"]


def test_eval_empty_knowledge_base_scores_zero(small_corpus):
    s = evaluate_corpus(small_corpus, extractor=EmptyExtractor())
    assert s["entities"]["f1"] == 0.0 and s["entities"]["fn"] > 20
    assert s["mentions"]["accuracy"] == 0.0 and s["mentions"]["total"] > 0
    assert s["events"]["recall"] == 0.0 and s["events"]["fn"] > 0
    assert s["facts"]["recall"] == 0.0 and s["claims"]["recall"] == 0.0


def test_eval_scores_real_gold_between_the_two(small_corpus, extractor, tmp_path):
    report = tmp_path / "misses.txt"
    s = evaluate_corpus(small_corpus, report_path=report, extractor=extractor)
    assert 0.5 < s["entities"]["f1"] < 1.0
    text = format_scores(s)
    assert "entities     P" in text and "members --at" in text
    lines = report.read_text(encoding="utf-8").splitlines()
    assert lines and all(len(line.split("\t")) == 4 for line in lines)
    assert any("\tMISS\t" in line for line in lines)


@pytest.mark.parametrize("order", [[0, 1], [1, 0]])
def test_evaluate_pairing_is_a_maximum_matching_whatever_the_gold_order(order):
    from veille.evaluate import Report, Tally, pair_up

    # gold "wide" accepts both found items, gold "narrow" only the first one:
    # a greedy pass in the order wide, narrow would leave narrow unmatched
    golds = [[{"name": "wide", "ok": {"x", "y"}}, {"name": "narrow", "ok": {"x"}}][i]
             for i in order]
    found = [{"id": "x"}, {"id": "y"}]

    def pick(g, left):
        return next((f for f in left if f["id"] in g["ok"]), None)

    t, report = Tally(), Report()
    pairs = pair_up(golds, found, pick, t, report, "a", "event", str, str)
    assert (t.tp, t.fp, t.fn) == (2, 0, 0)
    assert {g["name"]: f["id"] for g, f in pairs} == {"wide": "y", "narrow": "x"}
    assert report.lines == []
