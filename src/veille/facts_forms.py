"""Membership facts stated in forms other than a list and its cue.

- fronted status appositions: "Membre de l'OTAN depuis 2009, le pays ...";
- lists laid out as headings and lines (``facts_common.heading_lists``);
- ordinal series: "Après A en 2019 et B en 2020, C est le troisième pays à
  partir": each state before the comma made the same move, on its own date.
"""

from __future__ import annotations

import re

from .facts_common import (
    SentenceView,
    clause_dates,
    heading_lists,
    is_actor,
    is_org,
    last_org_before,
    make_fact,
    salient_org,
    state_groups,
)
from .model import Article, Fact, Mention, TimeSpan

_FRONTED = re.compile(r"^\W*(membre|observat(?:eur|rice)|(?:pays\s+)?candidat|partenaire\s+de"
                      r"\s+dialogue)e?s?\b([^,;.]{0,80}),\s*")
_FRONTED_PRED = {"m": "member_of", "o": "observer_of", "p": "candidate_of",
                 "c": "candidate_of"}
_ORDINAL = (r"(?:deuxième|second|seconde|troisième|quatrième|cinquième|sixième|septième|"
            r"huitième|neuvième|dixième|\d+e|\d+ème)")
_SERIES = re.compile(
    r"^\W*après\s+(?P<items>[^;]{3,160}?),\s*(?P<subject>[^,;]{2,60}?)\s+(?:est|était|sera|"
    r"devient|devenait)\s+(?:le|la)\s+" + _ORDINAL + r"\s+(?:pays|état|membre|nation)\s+"
    r"(?:\w+\s+)?(?:à|a)\s+(?P<verb>partir|quitter|sortir|se\s+retirer|claquer|rejoindre|"
    r"adhérer|intégrer|entrer)\b")
_SERIES_PRED = {"partir": "left", "quitter": "left", "sortir": "left", "se": "left",
                "claquer": "left"}


def fronted(view: SentenceView, mentions: list[Mention], article: Article) -> list[Fact]:
    """"Membre de l'OTAN depuis 2009, le pays ...", "Observateur depuis 2015, Minsk ...":
    the subject is the state (or description of one) right after the comma."""
    hit = _FRONTED.match(view.low)
    if not hit:
        return []
    word = hit.group(1)
    pred = "dialogue_partner_of" if word.startswith("partenaire") else _FRONTED_PRED[word[0]]
    subject = next((m for m in view.mentions if is_actor(m, ("COUNTRY",))
                    and 0 <= view.rel(m)[0] - hit.end() <= 3), None)
    if subject is None:
        return []
    named = [m for m in view.mentions if is_org(m) and hit.start(2) <= view.rel(m)[0] < hit.end()]
    org = named[0].entity_id if named else salient_org(mentions, view.start)
    if org is None:
        return []
    since = [t for t in clause_dates(view, article, "past", hit.start(2), hit.end())
             if t.text.lower().startswith("depuis")]
    return [make_fact(subject.entity_id or "", pred, org, since[0].span if since else None,
                      "stated", view, 0, view.rel(subject)[1])]


def heading_list_facts(views: list[SentenceView], mentions: list[Mention]) -> list[Fact]:
    """Members laid out as headings and lines; the organisation is the one named last
    before each line."""
    facts: list[Fact] = []
    for view, group, year in heading_lists(views):
        org = last_org_before(mentions, view.start)
        span = TimeSpan(year, year, "year", year) if year else None
        for m in group.members:
            if org and m.entity_id != org:
                facts.append(make_fact(m.entity_id or "", "member_of", org, span, "stated", view,
                                       group.start, group.end))
    return facts


def ordinal_series(view: SentenceView, mentions: list[Mention], article: Article) -> list[Fact]:
    """"Après A en janvier 2019 et B en janvier 2020, C est le troisième pays à partir":
    A and B made the move C makes (a departure or an accession), each on the date
    that follows it. The organisation is the one named after the verb, else the one
    the article names most."""
    hit = _SERIES.match(view.low)
    if not hit:
        return []
    verb = hit.group("verb").split()[0]
    pred = _SERIES_PRED.get(verb, "member_of")
    named = [m for m in view.mentions if is_org(m) and 0 <= view.rel(m)[0] - hit.end() <= 30]
    org = named[0].entity_id if named else salient_org(mentions, view.start)
    items = [g for g in state_groups(view) if hit.start("items") <= g.start
             and g.end <= hit.end("items")]
    if org is None or not items:
        return []
    members = [m for g in items for m in g.members]
    dates = clause_dates(view, article, "past", hit.start("items"), hit.end("items"))
    facts: list[Fact] = []
    for k, m in enumerate(members):
        s, e = view.rel(m)
        stop = view.rel(members[k + 1])[0] if k + 1 < len(members) else hit.end("items")
        own = [t for t in dates if e <= t.start and t.end <= stop]
        if m.entity_id and m.entity_id != org:
            facts.append(make_fact(m.entity_id, pred, org, own[0].span if own else None,
                                   "stated", view, s, hit.end()))
    return facts
