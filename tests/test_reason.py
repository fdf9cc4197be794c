"""Membership as of a date, count claims and conflicts, over a store filled by hand."""

from __future__ import annotations

import pytest

from veille.model import Article, ArticleRecords, Claim, Entity, Fact, Sentence, TimeSpan
from veille.reason import conflicts, members
from veille.store import Store

ORG = Entity("org:SCO", "Shanghai Cooperation Organisation", "ORG", "Organisation de "
             "coopération de Shanghai", aliases=["OCS"])
STATES = {code: Entity(f"country:{code}", name, "COUNTRY")
          for code, name in [("CN", "China"), ("RU", "Russia"), ("IN", "India"),
                             ("IR", "Iran"), ("BY", "Belarus"), ("AR", "Argentina")]}


def _span(iso):
    return TimeSpan(iso, iso, {4: "year", 7: "month", 10: "day"}[len(iso)]) if iso else None


def _article(store, date, facts=(), claims=()):
    text = f"Article du {date}."
    art = Article(id=f"a{date}", date=date, date_precision="day" if len(date) == 10 else "month",
                  text=text, source="test")
    ents = {ORG.id: ORG, **{e.id: e for e in STATES.values()}}
    recs = ArticleRecords(art, [Sentence(0, 0, len(text), text)], ents, [],
                          facts=[Fact(f"country:{s}", p, ORG.id, _span(v), None, st, 0)
                                 for s, p, v, st in facts],
                          claims=list(claims))
    store.add_batch([recs])


def _count(value, date):
    return Claim(ORG.id, "member count", value, "countries", None, _span(date), None, 0)


@pytest.fixture
def store():
    s = Store(":memory:")
    _article(s, "2023-01-10", [("CN", "member_of", None, "stated"),
                               ("RU", "member_of", None, "stated"),
                               ("IN", "member_of", "2017", "stated")], [_count(3, "2023-01-10")])
    _article(s, "2024-07-03", [("IR", "member_of", "2023-07-04", "stated"),
                               ("BY", "member_of", "2024-07-04", "expected"),
                               ("AR", "member_of", "2024-01-01", "planned")])
    _article(s, "2024-09-01", [("AR", "member_of", None, "negated")], [_count(5, "2024-09-01")])
    return s


def _names(answer):
    return sorted(m["name"] for m in answer["members"])


def test_members_list_plus_accession_gives_later_list(store):
    answer = members(store, "OCS", "2025-07")
    assert _names(answer) == ["Belarus", "China", "India", "Iran", "Russia"]
    since = {m["name"]: m["since"] for m in answer["members"]}
    assert since["Iran"] == "2023-07-04" and since["Belarus"] == "2024-07-04"
    assert since["China"] is None


def test_members_planned_accession_counts_only_once_passed(store):
    assert "Belarus" not in _names(members(store, "OCS", "2024-07-03"))
    assert "Belarus" in _names(members(store, "OCS", "2024-07-05"))


def test_members_later_denial_cancels_planned_accession(store):
    assert "Argentina" in _names(members(store, "OCS", "2024-02-01"))
    assert "Argentina" not in _names(members(store, "OCS", "2024-10-01"))


def test_members_before_any_evidence_is_empty(store):
    assert _names(members(store, "OCS", "2010-01-01")) == []


def test_members_accepts_any_alias_and_rejects_unknown(store):
    assert members(store, "Shanghai Cooperation Organisation", "2025-01")["org"] == ORG.name
    from veille.errors import QueryError

    with pytest.raises(QueryError):
        members(store, "Organisation imaginaire", "2025-01")


def test_members_count_claim_checked_against_list_of_its_date(store):
    answer = members(store, "OCS", "2024-09-01")
    (claim,) = answer["count_claims"]
    assert claim["value"] == 5 and claim["members_listed_then"] == 5
    assert answer["consistent"] is True


def test_members_count_claim_disagreeing_is_inconsistent(store):
    _article(store, "2024-09-02", claims=[_count(7, "2024-09-02")])
    assert members(store, "OCS", "2024-09-02")["consistent"] is False


def test_conflicts_label_update_and_contradiction(store):
    _article(store, "2024-09-10", claims=[_count(6, "2024-09-10")])
    found = {(c["label"], tuple(s["value"] for s in c["sides"])) for c in conflicts(store)}
    assert ("update", (3.0, 5.0)) in found
    assert ("contradiction", (5.0, 6.0)) in found
    update = next(c for c in conflicts(store) if c["label"] == "update"
                  and [s["value"] for s in c["sides"]] == [3.0, 5.0])
    assert "Iran" in update["explanation"]


def test_members_denial_beside_affirmation_in_one_article_is_ignored(store):
    _article(store, "2001-06-15", [("IN", "member_of", None, "negated"),
                                   ("IN", "member_of", "2001", "stated")])
    assert "India" in _names(members(store, "OCS", "2001-07-01"))


@pytest.mark.parametrize("later_count, expected_2025", [
    (3, ["China", "India", "Russia"]),  # the later list is the whole membership: Iran is out
    (5, ["China", "India", "Iran", "Russia"]),  # "5 pays, dont ...": a partial list drops no one
])
def test_members_whole_list_leaves_out_former_members(later_count, expected_2025):
    s = Store(":memory:")
    _article(s, "2020-05-02", [(c, "member_of", None, "stated") for c in ("CN", "RU", "IN", "IR")])
    _article(s, "2024-03-01", [(c, "member_of", None, "stated") for c in ("CN", "RU", "IN")],
             [_count(later_count, "2024-03-01")])
    assert _names(members(s, "OCS", "2025-01-01")) == expected_2025
    assert _names(members(s, "OCS", "2021-01-01")) == ["China", "India", "Iran", "Russia"]
