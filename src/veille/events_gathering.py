"""Actors that an event implies without naming them in its clause.

Applied to the merged events of one article, before the represented states:

- **Summit roll-up.** A summit is one CONSULT whose actors are the participants
  the article names. The reported gathering of an article ("le sommet de
  l'OTAN", "réunis mardi à X, les dirigeants ...") takes as participants the
  people the article names who hold an office at its date (heads of state,
  ministers, secretaries general), wherever the article names them: "Mark Rutte
  a parlé d'un saut historique" two sentences later is one of the summit's
  people. Only the latest reported gathering of the article gets them (an
  earlier, background summit keeps its own actors).
- **Implied organisation.** A step towards membership or a gathering whose
  organisation goes without saying ("sa candidature", "a demandé à adhérer",
  "la déclaration finale", "le prochain sommet") takes the organisation the
  article speaks of most (its topic), when the event names no organisation.

Both add to ``participants`` only. Besides, before merging, a summit noun told
with no actor ("lors du sommet réuni à X") or a host receiving a counted group
of leaders ("accueille une vingtaine de chefs d'État") takes the topic
organisation, and a membership told with a gathering verb ("l'Alliance réunit
désormais 31 pays") is no meeting; after merging, gatherings of one
organisation told twice on the same day (or a few days apart in one place) are
joined, and absent leaders ("n'a pas fait le déplacement") are not rolled up.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from .events_actors import offices_at
from .events_lexicon import fold
from .events_merge import event_day, headline_end
from .events_roles import entity_type
from .facts_common import expand_span
from .model import Article, Event, Mention

GATHERING_WORDS = frozenset({"sommet", "reunir", "reuni", "reunis", "reunie", "reunies",
                             "rassembler", "reunion"})
MEMBERSHIP_WORDS = frozenset({"adhesion", "adherer", "candidature", "rejoindre", "integrer",
                              "admission", "elargissement", "membre", "accession", "entree"})
HOSTING_VERBS = frozenset({"accueillir", "organiser", "abriter", "recevoir"})
MEETING_NOUNS = frozenset({"sommet", "session", "reunion", "conference", "forum", "seance"})
FINAL_WORDS = frozenset({"final", "finale", "commun", "commune"})
GUESTS = 2  # a host receiving this many named guests at once holds a gathering
PERSON_KINDS = frozenset({"name", "surname", "title", "coref", "unknown"})
ORG_KINDS = frozenset({"name", "acronym", "coref", "seat", "demonym", "title"})


def _trigger(event: Event, doc):
    span = expand_span(doc, event.start, event.end)
    return span.root if span is not None and len(span) else None


def _words_near(tok) -> set[str]:
    """Folded lemmas and forms of the trigger, its dependents and theirs."""
    near = [tok] + list(tok.children) + [g for c in tok.children for g in c.children]
    return {fold(t.lemma_) for t in near} | {fold(t.text) for t in near}


def is_gathering(event: Event, doc) -> bool:
    """A CONSULT named by a summit noun or a gathering verb."""
    if event.type != "CONSULT":
        return False
    tok = _trigger(event, doc)
    if tok is None:
        return False
    if event.mode == "summit" or {fold(tok.lemma_), fold(tok.text)} & GATHERING_WORDS:
        return True
    if fold(tok.lemma_) in HOSTING_VERBS and \
            sum(entity_type(a) == "PERSON" for a in event.participants) >= GUESTS + 1:
        return True  # "X a accueilli A, B et C": one gathering
    # "le pays accueillera la prochaine session / le sommet", "accueille vingt dirigeants"
    return fold(tok.lemma_) in HOSTING_VERBS and any(
        c.dep_ == "obj" and fold(c.lemma_) in MEETING_NOUNS for c in tok.children) \
        or hosts_leaders(tok)


LEADER_NOUNS = frozenset({"dirigeant", "chef", "leader", "delegation", "dignitaire", "homologue",
                          "invite"})
GATHER_VERBS = frozenset({"reunir", "rassembler"})
MEMBER_NOUNS = frozenset({"pays", "etat", "membre", "nation", "economie"})
QUANTITY_NOUNS = frozenset({"vingtaine", "dizaine", "trentaine", "quarantaine", "cinquantaine",
                            "centaine", "douzaine", "quinzaine", "serie", "foule"})


def _leaders(noun) -> bool:
    return fold(noun.lemma_) in LEADER_NOUNS and "Plur" in noun.morph.get("Number")


def _leaders_met(tok) -> bool:
    """"Réunis à X, les chefs d'État ...", "les dirigeants réunis à X"."""
    if not {fold(tok.lemma_), fold(tok.text)} & GATHERING_WORDS or tok.pos_ == "NOUN":
        return False
    if tok.dep_ in ("acl", "advcl") and _leaders(tok.head):
        return True
    first = next((t for t in tok.sent if not (t.is_punct or t.is_space)), None)
    return first is not None and first.i == tok.i and any(
        c.dep_ == "nsubj" and _leaders(c) for c in tok.head.children)


def hosts_leaders(tok) -> bool:
    """A host receiving many leaders at once ("X accueille une vingtaine de
    chefs d'État", "doit recevoir plus de vingt dirigeants", "a accueilli ses
    homologues") or leaders met ("Réunis mardi à X, les chefs d'État ..."):
    a gathering, even when no actor is named."""
    if _leaders_met(tok):
        return True
    if fold(tok.lemma_) not in HOSTING_VERBS:
        return False
    return any(_guests(t, tok) for t in tok.subtree if t.i > tok.i)


def _guests(noun, verb) -> bool:
    """``noun`` names the leaders received, in the verb's phrase ("ses
    homologues", "une trentaine de chefs d'État", "vingt dirigeants"), not
    under another verb."""
    counted = fold(noun.head.lemma_) in QUANTITY_NOUNS and fold(noun.lemma_) in LEADER_NOUNS
    if not (_leaders(noun) or counted) or noun.dep_.startswith("nsubj"):
        return False
    return not any(a.pos_ in ("VERB", "AUX") for a in noun.ancestors if a.i > verb.i)


def _date(event: Event, article: Article) -> str:
    return event.when.start if event.when is not None and event.when.start else article.date


AHEAD_DAYS = 7  # a gathering opening within a week is the article's own


def _not_later(day: str, article: Article) -> bool:
    """``day`` is not after the article's date (a summit opening within the
    week counts: "où s'ouvre dimanche le sommet")."""
    if len(day) >= 10 and len(article.date) >= 10:
        try:
            return date.fromisoformat(day[:10]) <= \
                date.fromisoformat(article.date[:10]) + timedelta(days=AHEAD_DAYS)
        except ValueError:
            pass
    return day[:len(article.date)] <= article.date


def _absent(events: list[Event]) -> set[str]:
    """Persons of a negated meeting or attendance ("n'a pas fait le déplacement")."""
    return {a for e in events if e.type == "CONSULT" and e.status == "negated"
            for a in e.participants if entity_type(a) == "PERSON"}


SAME_DAYS = 3  # gatherings this close to the latest are told together ("le lendemain")


def _current(gatherings: list[Event], article: Article) -> list[Event]:
    """The gatherings dated within a few days of the latest one (an earlier,
    background summit keeps its own actors)."""
    latest = max(_date(e, article)[:10] for e in gatherings)
    out = []
    for event in gatherings:
        day = _date(event, article)[:10]
        if day == latest:
            out.append(event)
        elif len(day) == len(latest) == 10 and (
                date.fromisoformat(latest) - date.fromisoformat(day)).days <= SAME_DAYS:
            out.append(event)
    return out


def roll_up_summits(events: list[Event], mentions: list[Mention], doc, article: Article) -> None:
    """The current reported gathering takes the office holders the article
    names, except those told as absent; with two gatherings told a day apart,
    a person belongs to the one told last before their first mention."""
    gatherings = [e for e in events if e.status == "reported" and is_gathering(e, doc)
                  and any(entity_type(a) in ("ORG", "COUNTRY") for a in e.participants)
                  and _not_later(_date(e, article), article)]
    if not gatherings:
        return
    current = sorted(_current(gatherings, article), key=lambda e: e.start)
    absent = _absent(events)
    seen: set[str] = set()
    for m in mentions:
        person = m.entity_id
        if not person or m.kind not in PERSON_KINDS or entity_type(person) != "PERSON" \
                or person in seen or person in absent:
            continue
        seen.add(person)
        event = next((g for g in reversed(current) if g.start <= m.start), current[0])
        if person not in event.participants and (
                person.startswith("x:") or offices_at(person, _date(event, article))):
            event.participants.append(person)


CLAUSE_ROLES = frozenset({"obj", "obl", "obl:arg", "obl:mod", "nsubj", "nsubj:pass", "ROOT"})
FRAME_WORDS = frozenset({"lors", "occasion", "issue", "cours", "ouverture", "cloture", "jour",
                         "debut", "fin"})


def _told(tok) -> bool:
    """A summit noun told as an event: an argument of a verb ("s'ouvre le
    sommet", "organisera le prochain sommet") or the time of one ("lors du
    sommet", "à l'issue du sommet"), not the frame of another noun ("en marge
    du sommet", "invitée au sommet")."""
    head = tok.head
    if fold(head.lemma_) in FRAME_WORDS:
        return True
    return tok.dep_ in CLAUSE_ROLES and (head.i == tok.i or head.pos_ in ("VERB", "AUX"))


def fill_gatherings(events: list[Event], mentions: list[Mention], doc) -> list[Event]:
    """A summit told with no actor of its own ("lors du sommet réuni à X",
    "le prochain sommet") is a gathering of the article's topic organisation;
    without one it is dropped, as is any other event with no actor."""
    events = [e for e in events if not counts_members(e, doc)]
    org = topic_org(mentions)
    headline = headline_end(doc.text)  # a headline summit retells the body's
    for event in events:
        tok = _trigger(event, doc)
        if not event.participants and org is not None and tok is not None and \
                event.start >= headline and (_told(tok) or hosts_leaders(tok)):
            event.participants.append(org)
    return [e for e in events if e.participants]


def counts_members(event: Event, doc) -> bool:
    """"L'Alliance réunit désormais 31 pays : ...": an organisation's
    membership told with a gathering verb, no meeting."""
    tok = _trigger(event, doc)
    if event.type != "CONSULT" or tok is None or fold(tok.lemma_) not in GATHER_VERBS:
        return False
    return any(c.dep_ == "obj" and fold(c.lemma_) in MEMBER_NOUNS for c in tok.children) and \
        not any(c.dep_ == "nsubj" and _leaders(c) for c in tok.children)


def lone_gathering(event: Event, doc) -> bool:
    """A summit of an organisation with no other actor named ("le sommet de
    l'OTAN s'ouvre mardi"): the organisation's members meet, a told event."""
    return event.type == "CONSULT" and event.mode == "summit" and \
        len(set(event.participants)) == 1 and entity_type(event.participants[0]) == "ORG"


def topic_org(mentions: list[Mention]) -> str | None:
    """The organisation the article names most often (the latest on a tie)."""
    counts: Counter[str] = Counter()
    last: dict[str, int] = {}
    for m in mentions:
        if m.entity_id and m.kind in ORG_KINDS and entity_type(m.entity_id) == "ORG":
            counts[m.entity_id] += 1
            last[m.entity_id] = m.start
    if not counts:
        return None
    return max(counts, key=lambda eid: (counts[eid], last[eid]))


def implies_org(event: Event, doc) -> bool:
    """A membership step ("sa candidature", "demandé à adhérer") or a gathering
    or its final text ("le prochain sommet", "la déclaration finale")."""
    tok = _trigger(event, doc)
    if tok is None:
        return False
    near = _words_near(tok)
    if near & MEMBERSHIP_WORDS:
        return True
    if event.type == "CONSULT" and is_gathering(event, doc):
        return True
    return event.type == "AGREE" and fold(tok.lemma_) in ("declaration", "communique") \
        and bool(near & FINAL_WORDS)


def add_implied_org(events: list[Event], mentions: list[Mention], doc) -> None:
    """Give a membership step or a gathering with no organisation the article's topic."""
    org = topic_org(mentions)
    if org is None:
        return
    for event in events:
        if any(entity_type(a) == "ORG" for a in event.participants):
            continue
        if implies_org(event, doc):
            event.participants.append(org)


def _same_gathering(a: Event, b: Event) -> bool:
    """Two gatherings told on the same date (to the day or the month) with an
    organisation or two other actors in common, or in the same place a few
    days apart with an organisation in common (a summit of several days)."""
    if a.when is None or b.when is None or len(a.when.start or "") < 7:
        return False
    shared = set(a.participants) & set(b.participants)
    org = any(entity_type(x) == "ORG" for x in shared)
    if a.when.start == b.when.start:
        return org or len(shared) >= 2
    days = event_day(a), event_day(b)
    return org and a.where is not None and a.where == b.where and None not in days \
        and abs((days[0] - days[1]).days) <= SAME_DAYS


def join_gatherings(events: list[Event], doc) -> list[Event]:
    """Gatherings told twice on the same date are one ("où s'ouvre dimanche le
    sommet", "X doit recevoir dimanche vingt dirigeants"; "les dirigeants se
    sont réunis", "X a accueilli A, B et C"): the first takes the actors of
    the others."""
    out: list[Event] = []
    for event in events:
        twin = next((g for g in out if _same_gathering(g, event) and is_gathering(g, doc)),
                    None) if is_gathering(event, doc) else None
        if twin is None:
            out.append(event)
            continue
        twin.participants += [a for a in event.participants if a not in twin.participants]
        twin.where = twin.where or event.where
        if twin.when.start > event.when.start:  # the opening day
            twin.when = event.when
    return out


ATTEND_WORDS = frozenset({"participer", "assister", "participe", "assiste"})
SESSION_WORDS = frozenset({"sommet", "discussion", "travail", "travaux", "seance", "debat"})


def _attends(event: Event, doc) -> bool:
    """"X participe (au sommet)", "X assistait", "X a fait le déplacement"."""
    tok = _trigger(event, doc)
    if tok is None or event.type != "CONSULT":
        return False
    if {fold(tok.lemma_), fold(tok.text)} & ATTEND_WORDS:
        what = [fold(c.lemma_) for c in tok.children
                if c.dep_ in ("obj", "obl", "obl:arg", "iobj") and c.pos_ == "NOUN"]
        return all(w in SESSION_WORDS for w in what)  # not "assister au défilé"
    return fold(tok.lemma_) == "deplacement" and fold(tok.head.lemma_) == "faire"


def fold_attendance(events: list[Event], doc) -> list[Event]:
    """Attending a gathering is taking part in it: the attendee joins the
    gathering of the article (the one of the same day, else the latest) and the
    attendance is no event of its own; a negated attendance ("n'a pas fait le
    déplacement") stays, with the gathering's organisation and date."""
    gatherings = [e for e in events if is_gathering(e, doc) and not _attends(e, doc)]
    if not gatherings:
        return events
    out = []
    for event in events:
        if event in gatherings or not _attends(event, doc):
            out.append(event)
            continue
        day = event.when.start[:10] if event.when and event.when.start else None
        same = [g for g in gatherings if g.when and g.when.start and g.when.start[:10] == day]
        reported = [g for g in gatherings if g.status == "reported"]
        gathering = (same or reported or gatherings)[-1]
        if event.where and gathering.where and event.where != gathering.where \
                and not same and event.status != "negated":
            out.append(event)  # elsewhere, another day: another occasion
            continue
        if event.status == "negated":
            event.participants += [a for a in gathering.participants if entity_type(a) == "ORG"
                                   and a not in event.participants]
            event.when = event.when or gathering.when
            out.append(event)
            continue
        gathering.participants += [a for a in event.participants if a not in gathering.participants]
    return out
