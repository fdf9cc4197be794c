"""End to end on the two sample articles: what an analyst asks first."""

from __future__ import annotations

SCO_2025 = {"China", "India", "Iran", "Russia", "Kazakhstan", "Kyrgyzstan", "Uzbekistan",
            "Pakistan", "Tajikistan", "Belarus"}


def test_samples_members_of_sco_as_of_2025_07(samples_kb):
    answer = samples_kb.members("OCS", at="2025-07")
    members = {m["name"]: m for m in answer["members"]}
    assert set(members) == SCO_2025
    assert members["Iran"]["since"] == "2023"
    assert members["Belarus"]["since"] == "2024-07"
    (claim,) = answer["count_claims"]
    assert claim["value"] == 10 and claim["date"] == "2025-07" and claim["consistent"]
    assert answer["consistent"] is True


def test_samples_members_before_any_evidence_are_unknown(samples_kb):
    # the member list is stated as of 2024-07; before that the articles say only
    # that Iran joined in 2023
    names = {m["name"] for m in samples_kb.members("Organisation de coopération de Shanghai",
                                                   at="2024-06")["members"]}
    assert names == {"Iran"}


def test_samples_claims_population_and_gdp_shares(samples_kb):
    claims = {(c["measure"], c["value"], c["unit"]): c for c in samples_kb.claims(subject="OCS")}
    population = claims[("share of world population", 40, "%")]
    gdp = claims[("share of world GDP", 30, "%")]
    for claim in (population, gdp):
        assert claim["as_of"] == "2024-07"
        assert claim["attributed_to"] is None  # "Selon certains chiffres"
        assert "Selon certains chiffres" in claim["sentence"]


def test_samples_tension_between_china_india_pakistan(samples_kb):
    pairs = {frozenset((f["subject"]["name"], f["object"]["name"]))
             for f in samples_kb.facts(predicate="relation:tension")}
    assert {frozenset(("China", "India")), frozenset(("China", "Pakistan")),
            frozenset(("India", "Pakistan"))} <= pairs


def test_samples_events_meeting_and_planned_visit(samples_kb):
    def names(e):
        return {a["name"] for a in e["participants"] if a}

    consults = samples_kb.events(type="CONSULT")
    astana = [e for e in consults if {"Vladimir Putin", "Xi Jinping"} <= names(e)
              and (e["when"] or {}).get("start") == "2024-07"]
    assert astana and any((e["where"] or {}).get("name") == "Astana" for e in astana)
    assert any({"Xi Jinping", "Sergey Lavrov"} <= names(e)
               and (e["when"] or {}).get("start") == "2025-07" for e in consults)
    assert any("Vladimir Putin" in names(e) and e["status"] == "planned" and e["mode"] == "visit"
               for e in consults)


def test_samples_no_event_has_a_press_credit_or_bare_adjective_actor(samples_kb):
    mentions = samples_kb.mentions()
    adjective_only = {m["entity"]["id"] for m in mentions if m["entity"]} - {
        m["entity"]["id"] for m in mentions if m["entity"] and m["kind"] != "adjective"}
    for event in samples_kb.events():
        actors = {a["name"] for a in event["participants"] if a}
        assert not actors & {"Reuters", "REUTERS", "DR"}
        assert not {a["id"] for a in event["participants"] if a} & adjective_only


def test_examples_conflicts_show_an_update_and_a_contradiction(tmp_path, extractor):
    from pathlib import Path

    from veille import Veille

    examples = Path(__file__).resolve().parent.parent / "examples" / "articles"
    kb = Veille(tmp_path / "examples.db", extractor=extractor)
    kb.ingest([examples], progress=False)
    found = kb.conflicts()
    updates = [c for c in found if c["label"] == "update" and "member count" in c["topic"]
               and "Shanghai" in c["topic"]]
    assert updates and any("Belarus" in c["explanation"] for c in updates)
    contradictions = [c for c in found if c["label"] == "contradiction"
                      and "population" in c["topic"]]
    assert contradictions
    values = {s["value"] for s in contradictions[0]["sides"]}
    assert values == {40.0, 42.0}
