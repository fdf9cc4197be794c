"""Event coding in PLOVER from the dependency parse.

``extract_events(doc, mentions, article)`` finds, sentence by sentence, the verbs
and event nouns of the lexicon (``data/predicates.json``, see
:mod:`veille.events_lexicon`), attaches the actor and place mentions around them
(:mod:`veille.events_roles`), reads status (:mod:`veille.events_status`) and date
(:mod:`veille.events_dates`) and merges repeated events. Pure: no database, no file besides the lexicon.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .events_actors import (
    add_co_actors,
    add_reaction_targets,
    add_represented,
    complete_roles,
    offices_at,
)
from .events_context import (
    ListedMembers,
    counted_refs,
    described_state_refs,
    member_refs,
    member_state_refs,
    plural_pronoun_refs,
    pronoun_refs,
    relative_refs,
    subject_group,
)
from .events_dates import Dates
from .events_gathering import (
    add_implied_org,
    fill_gatherings,
    fold_attendance,
    hosts_leaders,
    join_gatherings,
    lone_gathering,
    roll_up_summits,
    topic_org,
)
from .events_lexicon import Predicate, fold, match
from .events_merge import (
    ColonList,
    continued_date,
    drop_repeats,
    fold_headline,
    fold_visits,
    merge_events,
    split_meetings,
)
from .events_onesided import kept as _kept
from .events_roles import (
    HAPPEN_VERBS,
    LIGHT_VERBS,
    MentionRef,
    Roles,
    borrowed_subject,
    by_phone,
    climb,
    entity_type,
    governing_verb,
    mention_refs,
    role_of,
    subject_refs,
)
from .events_speech import (
    ACCUSE,
    accusation,
    aim_at_topic,
    answer_denials,
    join_announcers,
    opinion_accusations,
    spoken_of,
)
from .events_status import (
    status_of,
)
from .events_when import when_of
from .facts_common import expand_span
from .model import Article, Event, Mention

CONSULT_ATTACH = frozenset({"a", "lors"})  # "au sommet", "lors du sommet"
CARRIER_NOUNS = frozenset({"paquet", "serie", "vague", "train", "salve", "procedure",
                           "processus", "ensemble", "programme"})

__all__ = ["extract_events"]


# Types an event of a single actor can have: a truce declared by one side, a
# coup in a country. Any other type relates two parties; with one found, the
# other is missing and the event is more often a topic than a told event,
# except for the kinds of ``events_onesided.ALONE`` (an organisation's demand,
# a mobilisation, a body meeting alone).
ONE_SIDED = frozenset({"AGREE", "COERCE"})



@dataclass
class Trigger:
    token: object
    pred: Predicate
    last: int
    parent: Trigger | None = None
    roles: Roles = field(default_factory=Roles)


def extract_events(doc, mentions: list[Mention], article: Article) -> list[Event]:
    """PLOVER events of one parsed article (``doc.text == article.text``)."""
    refs = mention_refs(doc, mentions)
    dates = Dates(doc, article)
    events: list[Event] = []
    last_subject: list[str] = []
    recent: list[tuple[str, str]] = []  # (id, type) of the mentions read so far
    groups: list[list[tuple[str, str]]] = []  # subject mentions, sentence by sentence
    listed = ColonList()
    members = ListedMembers(doc, mentions, article)
    for index, sent in enumerate(doc.sents):
        sent_refs = [r for r in refs if sent.start <= r.head.i < sent.end]
        own = list(sent_refs)
        sent_refs += counted_refs(sent, own, events, recent)
        sent_refs += member_refs(sent, own, recent)
        sent_refs += member_state_refs(sent_refs, members)  # "les dirigeants des pays membres de X"
        sent_refs += plural_pronoun_refs(sent, own, groups)
        sent_refs += relative_refs(sent, own)
        sent_refs += described_state_refs(sent, own, recent)  # "la candidature de son allié"
        owners: list[MentionRef] = []
        sent_refs += pronoun_refs(sent, own, last_subject, owners)
        groups.append(subject_group(own))
        recent += [(r.entity_id, r.etype) for r in own if r.etype != "PLACE"]
        told = _sentence_events(sent, index, sent_refs, dates, owners)
        told += listed.items(sent, own, told)  # "X a appelé :" then one line per person
        told += answer_denials(told, sent, sent_refs, events, index)  # "ce que X dément"
        for event in told:
            if not _resumes(event, doc, events):
                events.append(event)
            dates.note(event.when)
        join_announcers(sent, own, events, index, offices_at, article.date)  # "a annoncé cette décision"
        if not told:  # "X a rejoint jeudi l'Alliance": the day the story is told
            dates.note_day(sent)
    events = fill_gatherings(events, mentions, doc)  # "le prochain sommet": the article's organisation
    merged = fold_headline(merge_events(events, doc), doc.text)
    merged = drop_repeats(merged, doc, article.date)
    for event in merged:
        if event.when is None:
            event.when = dates.fallback.get((event.start, event.type)) or continued_date(event, merged)
    add_implied_org(merged, mentions, doc)
    merged = aim_at_topic(merged, topic_org(mentions), doc)  # "X a dénoncé l'absence de calendrier"
    merged = fold_visits(fold_attendance(join_gatherings(merged, doc), doc), doc)
    roll_up_summits(merged, mentions, doc, article)
    add_represented(merged, mentions, article)
    add_co_actors(merged, mentions, doc)
    add_reaction_targets(merged, doc)  # "X a aussitôt promis des contre-mesures"
    kept = {id(e) for e in _kept(merged, doc, ONE_SIDED)}
    return [e for e in merged if id(e) in kept or lone_gathering(e, doc)]


def _resumes(event: Event, doc, events: list[Event]) -> bool:
    """"Cette réunion", "ce sommet": an event noun with a demonstrative takes
    the actors it names into the latest earlier event of its type."""
    trigger = expand_span(doc, event.start, event.end)
    if trigger is None or not any(
            c.dep_ == "det" and "Dem" in c.morph.get("PronType") for c in trigger.root.children):
        return False
    twin = next((e for e in reversed(events) if e.type == event.type), None)
    if twin is None:
        return False
    twin.participants.extend(a for a in event.participants if a not in twin.participants)
    twin.where = twin.where or event.where
    return True


def _find_triggers(sent, refs: list[MentionRef]) -> list[Trigger]:
    covered = {i for r in refs for i in range(r.first, r.last + 1)}
    found: list[Trigger] = []
    skip_until = -1
    for tok in sent:
        if tok.i <= skip_until or tok.i in covered:
            continue
        hit = match(tok)
        if hit:
            found.append(Trigger(tok, hit[0], hit[1]))
            skip_until = hit[1]
    return found


def _absorb(triggers: list[Trigger]) -> None:
    """A noun of the same type right below a trigger (its object, "lors de",
    "à l'occasion de", "au sommet") is part of the same event."""
    at = {t.token.i: t for t in triggers}
    for trig in triggers:
        head = at.get(trig.token.head.i)
        if trig.pred.pos == "VERB" and trig.token.dep_ == "acl" and head is not None \
                and head.pred.type == trig.pred.type and head is not trig:
            trig.parent = head  # "des combats opposant X à Y": one event
            continue
        if trig.pred.pos != "NOUN":
            continue
        cur, via_circ = trig.token, False
        for _ in range(6):
            via_circ = via_circ or fold(cur.lemma_) in ("lors", "occasion", "marge", "cours")
            if cur.dep_ in ("acl:relcl", "ccomp", "advcl", "parataxis") or cur.head.i == cur.i:
                break
            prep = next((fold(c.text) for c in cur.children if c.dep_ == "case"), None)
            direct = cur.dep_ in ("obj", "nsubj:pass", "nsubj") or (
                trig.pred.type == "CONSULT" and prep in CONSULT_ATTACH) or via_circ or (
                cur.dep_ == "nmod" and prep in ("de", "d") and cur.head.pos_ in ("NOUN", "PROPN"))
            cur = cur.head
            other = at.get(cur.i)
            if other is not None:
                if other.pred.type == trig.pred.type and (direct or trig.pred.mode == "summit"):
                    trig.parent = other
                break


def _root(trig: Trigger) -> Trigger:
    while trig.parent is not None:
        trig = trig.parent
    return trig


def _sentence_events(sent, index: int, refs: list[MentionRef], dates: Dates,
                     owners: list[MentionRef]) -> list[Event]:
    triggers = _find_triggers(sent, refs)
    if not triggers:  # "X estime que Y a violé la trêve": an accusation all the same
        return _opinions(sent, index, refs, [(r, climb(r, set())[2]) for r in refs], dates, set(), set())
    _absorb(triggers)
    at = {t.token.i: t for t in triggers}
    stop = set(at)
    free: list[tuple[MentionRef, list]] = []
    for ref in refs:
        anchor, arg, path = climb(ref, stop)
        if anchor is None:
            free.append((ref, path))
            continue
        owner = at[anchor.i]
        role = role_of(ref, anchor, arg, path, owner.pred)
        if role == "source" and spoken_of(path, anchor):
            role = "target"  # "accuser X d'être manipulé par Y": Y is spoken of
        _assign(owner.roles, role, ref)
    for ref in owners:  # "son adhésion": the latest subject, unless the clause's own
        anchor, arg, _ = climb(ref, stop)
        owner = at[anchor.i] if anchor is not None else None
        if owner is not None and owner.pred.pos == "NOUN" and arg.i == ref.head.i:
            verb = governing_verb(anchor)[0]
            if verb is None or ref.entity_id not in {
                    r.entity_id for r in borrowed_subject_of(verb, refs)}:
                owner.roles.add(owner.pred.of_role, ref)
    complete_roles(triggers, refs)  # "soutenir la candidature de X", "X a subi une invasion"
    for trig in triggers:
        tok = trig.token
        misparsed = tok.dep_ == "conj" and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i < tok.i
        if trig.pred.pos == "VERB" and (not trig.roles.source or misparsed):
            for ref in borrowed_subject(trig.token, refs):
                trig.roles.add("source", ref)
        if trig.pred.pos == "VERB" and _leads(tok, sent) and not trig.roles.target:
            # "Réunis mardi à X, les dirigeants ..."; "Reçu par X, le président ..."
            role = "target" if trig.roles.source else "source"
            for ref in _subject_phrase(sent.root, refs):
                if ref.entity_id not in trig.roles.source:
                    trig.roles.add(role, ref)
    events = []
    for trig in triggers:
        if trig.parent is not None:
            _root(trig).roles.absorb(trig.roles)
    # triggers that keep a timex to themselves: events of their own with actors
    claims = {t.token.i for t in triggers if t.parent is None and t.roles.actors()}
    for trig in triggers:
        if trig.parent is None:
            event = _build(trig, sent, index, refs, free, dates, stop, claims)
            if event is not None:
                events.extend(split_meetings(trig, event))
                events.extend(_reported(trig, event, sent, index, refs, free, dates, stop, claims))
    return events + _opinions(sent, index, refs, free, dates, stop, claims)


def _opinions(sent, index: int, refs, free, dates: Dates, stop, claims: set[int]) -> list[Event]:
    """"X affirme que Y a violé la trêve": X accuses Y (see :mod:`veille.events_speech`)."""
    built = [_build(Trigger(speech, ACCUSE, speech.i, roles=Roles(source=said, target=accused)),
                    sent, index, refs, free, dates, stop, claims)
             for speech, said, accused in opinion_accusations(sent, refs, stop)]
    return [e for e in built if e is not None]


def _reported(trig: Trigger, event: Event, sent, index: int, refs, free, dates: Dates, stop,
              claims: set[int]) -> list[Event]:
    """"X a affirmé que Y avait frappé Z": X accuses Y (see :mod:`veille.events_speech`)."""
    verb = trig.token if trig.pred.pos == "VERB" else governing_verb(trig.token)[0]
    found = accusation(event.type, event.source, verb, refs, event.status)
    if found is None or found[0].i in stop:
        return []
    speech, said, accused = found
    claim = Trigger(speech, ACCUSE, speech.i, roles=Roles(source=said, target=accused))
    built = _build(claim, sent, index, refs, free, dates, stop, claims)
    return [built] if built is not None else []


def _leads(tok, sent) -> bool:
    """A participle opening its sentence, detached from the main verb."""
    first = next((t for t in sent if not t.is_punct), None)
    return first is not None and first.i == tok.i and tok.i != sent.root.i


def _subject_phrase(verb, refs: list[MentionRef]) -> list[MentionRef]:
    """Mentions anywhere in the subject phrase of ``verb`` ("les dirigeants de
    la Chine et de la Russie"), else its borrowed subject."""
    subjects = [c for c in verb.children if c.dep_.startswith("nsubj")]
    found = [r for s in subjects for r in refs
             if s.left_edge.i <= r.head.i <= s.right_edge.i and r.etype != "PLACE"]
    return found or borrowed_subject_of(verb, refs)


def _assign(roles: Roles, role: str | None, ref: MentionRef) -> None:
    if role is None:
        return
    if role in ("where", "visit"):
        roles.places.append((ref.entity_id, ref.etype))
        if role == "visit":
            roles.add("both", ref)
        return
    if ref.etype == "PLACE":
        return
    roles.add(role, ref)


def _build(trig: Trigger, sent, index: int, refs, free, dates: Dates, stop,
           claims: set[int]) -> Event | None:
    tok, pred, roles = trig.token, trig.pred, trig.roles
    clause_verb = tok if pred.pos == "VERB" else None
    if pred.pos == "NOUN":
        verb, rel, circ = governing_verb(tok)
        if rel and verb is not None and not _direct(tok, verb):
            rel = None
        if verb is not None and (verb.i not in stop or circ):
            clause_verb = _noun_clause(trig, verb, rel, circ, refs, free)
    where = _where(roles, free, clause_verb, stop)
    if where and entity_type(where) == "COUNTRY" and (
            not roles.actors() or (pred.type == "RETREAT" and not roles.target)):
        roles.target.append(where)  # "le coup d'État au Niger", "son retrait au Mali"
    actors = roles.actors()
    if not actors and pred.mode != "summit" and not hosts_leaders(tok):
        # "lors du sommet", "accueille vingt dirigeants": the organisation, after merging
        return None
    if pred.mode == "visit" and where is None:
        where = next((a for a in roles.target if entity_type(a) == "COUNTRY"), None)
    status = status_of(tok, clause_verb, pred.pos == "NOUN", pred.type)
    when, fallback = when_of(trig.token, trig.pred.pos, trig.pred.type, sent, clause_verb,
                             status, dates, claims)
    if fallback is not None:
        dates.fallback[(tok.idx, pred.type)] = fallback
    if pred.symmetric:
        source, target = [], []
    else:
        source, target = list(roles.source), [t for t in roles.target if t not in roles.source]
        if pred.type == "RETREAT":  # the organisation left is never the one leaving
            source = [a for a in source if not (a in roles.target and entity_type(a) == "ORG")]
            target = [t for t in roles.target if t not in source]
    end_tok = tok.doc[trig.last]
    mode = pred.mode
    if pred.type == "CONSULT" and by_phone(tok):
        mode = "call"
    return Event(pred.type, mode, source, target, actors, where, when, status, index,
                 tok.idx, end_tok.idx + len(end_tok.text), tok.doc[tok.i:trig.last + 1].text)


def _noun_clause(trig: Trigger, verb, rel: str | None, circ: bool, refs, free):
    """Let an event noun borrow from the verb that governs it: the subject of a
    light verb ("X a annoncé des sanctions") or of the clause around "lors de";
    places and dates of "avoir lieu", "se tenir". Returns the verb whose tense
    and mood the event takes, or None."""
    roles, pred = trig.roles, trig.pred
    lemma = fold(verb.lemma_)
    light = rel in ("obj", "obl:arg", "obl") and lemma in LIGHT_VERBS
    happen = bool(rel and rel.startswith("nsubj")) and lemma in HAPPEN_VERBS
    if not (light or happen or circ):
        return None
    if (light and not roles.source) or (circ and pred.symmetric):
        for ref in borrowed_subject_of(verb, refs):
            roles.add("source", ref)
    for ref, path in free:
        anchor, arg, _ = climb(ref, {verb.i})
        if anchor is None:
            continue
        role = role_of(ref, anchor, arg, path[: path.index(arg) + 1] if arg in path else path, pred)
        if role in ("where", "visit") or (light and role == "target"):
            _assign(roles, role, ref)
    return verb


def _direct(noun, verb) -> bool:
    """The noun hangs on the verb directly, or through a carrier noun
    ("un paquet de sanctions", "les procédures d'adhésion")."""
    cur = noun
    while cur.head.i != verb.i:
        if fold(cur.head.lemma_) not in CARRIER_NOUNS:
            return False
        cur = cur.head
    return True


def borrowed_subject_of(verb, refs: list[MentionRef]) -> list[MentionRef]:
    """The subject of ``verb``, or the one it borrows from its governor."""
    found = subject_refs(verb, refs)
    return found or borrowed_subject(verb, refs)


def _where(roles: Roles, free, clause_verb, stop) -> str | None:
    places = list(roles.places)
    if not places and clause_verb is not None:
        ancestors = {clause_verb.i} | {a.i for a in clause_verb.ancestors}
        for ref, path in free:
            if ref.etype != "PLACE":
                continue
            verb = next((t for t in path[1:] if t.pos_ in ("VERB", "AUX")), path[-1])
            if verb.i in ancestors:
                places.append((ref.entity_id, ref.etype))
    for wanted in ("PLACE", "COUNTRY"):
        for eid, etype in places:
            if etype == wanted:
                return eid
    return None
