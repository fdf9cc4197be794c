"""Accusations told as reported speech.

"Tirana a affirmé que Belgrade avait bombardé ses postes", "Selon Vienne, Berne
a saisi les avoirs": besides the hostile event of the inner clause (ASSAULT,
COERCE, SANCTION, THREATEN), the speaker accuses whoever carries it out. The
speaker is the subject of a speech or opinion verb whose complement clause
holds the event ("affirmer que", "estimer que", "annoncer que"), or the
mention after "selon" on the event's clause. The accusation is an ACCUSE
event from the speaker to the source of the inner event, on the speech verb.

Besides hostile events, a reported clause can tell a wrong that is no event of
its own: "Kiev affirme que Moscou a violé la trêve", "selon Bruxelles, ces
navires contournent l'embargo", "X estime que Y n'a pas respecté ses
engagements" (a duty verb under a negation). The speaker accuses the subject of
that clause. An opinion verb with a blaming adjective ("X a jugé inacceptable
que Y ...") makes an accusation of any event of its clause, or of the clause's
subject. A subject introduced by a possessive ("son pays") is the speaker's own
side and is never accused.

Denials answer a claim: "ce que Pékin dément", "X a démenti les accusations de
Y", "X a démenti." after "Y accuse X ...". The denial (REJECT) targets whoever
made the claim: the source of the accusation of the same sentence, else of the
sentence before, that names the denier.
"""

from __future__ import annotations

from .events_lexicon import compile_entry, fold, verb_forms
from .events_roles import MentionRef, borrowed_subject, case_of, subject_refs
from .facts_common import expand_span
from .model import Event

SPEECH_VERBS = frozenset(fold(w) for w in (
    "affirmer annoncer déclarer assurer estimer dire indiquer soutenir prétendre "
    "rapporter signaler expliquer juger considérer ajouter souligner répéter "
    "constater affirmer certifier alléguer avancer clamer marteler insister "
    "révéler écrire préciser confirmer raconter").split())
HOSTILE_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION", "THREATEN"})
ACCORDING_TO = frozenset({"selon", "d'apres"})
WITHHELD_TYPES = frozenset({"AID", "SUPPORT", "COOPERATE"})
# verbs that tell a wrong in a reported clause ("a violé", "contourne")
WRONGDOING_VERBS = frozenset(fold(w) for w in (
    "violer enfreindre contourner bafouer piétiner transgresser saboter trahir "
    "ingérer entraver").split())
# duties whose negation tells a wrong ("n'a pas respecté ses engagements")
DUTY_VERBS = frozenset(fold(w) for w in "respecter honorer tenir appliquer".split())
SPEECH_FORMS = frozenset(f for v in SPEECH_VERBS for f in verb_forms(v))
WRONGDOING_FORMS = frozenset(f for v in WRONGDOING_VERBS for f in verb_forms(v))
DUTY_FORMS = frozenset(f for v in DUTY_VERBS for f in verb_forms(v))
NEGATIONS = frozenset({"pas", "jamais", "plus", "guere", "aucun", "aucune"})
BLAME_ADJECTIVES = frozenset(fold(w) for w in (
    "inacceptable inadmissible absurde scandaleux intolérable injustifiable "
    "irresponsable honteux injuste illégal illégitime").split())
ACCUSE = compile_entry({"lemma": "accuser", "pos": "VERB", "type": "ACCUSE"})


def _speakers_of(verb, refs: list[MentionRef]) -> list[MentionRef]:
    found = subject_refs(verb, refs)
    return found or borrowed_subject(verb, refs)


def _according_to(verb, refs: list[MentionRef]) -> list[MentionRef]:
    """Mentions of a "selon X" phrase hanging on ``verb``."""
    for child in verb.children:
        if not child.dep_.startswith(("obl", "advmod", "nmod")):
            continue
        if case_of(child) not in ACCORDING_TO and fold(child.text) not in ACCORDING_TO:
            continue
        lo, hi = child.left_edge.i, child.right_edge.i
        found = [r for r in refs if lo <= r.head.i <= hi and r.etype != "PLACE"]
        if found:
            return found
    return []


def speech_frame(clause_verb, refs: list[MentionRef]):
    """(speech verb, or the head of the "selon" phrase; speaker mentions) for
    a clause reported by someone, else (None, [])."""
    cur = clause_verb
    for _ in range(3):
        if cur is None:
            break
        said = _according_to(cur, refs)
        if said:  # the "selon" phrase carries the accusation
            return said[0].head, said
        if cur.dep_ == "ccomp" and _is_verb_of(cur.head, SPEECH_FORMS):
            return cur.head, _speakers_of(cur.head, refs)
        if cur.dep_ not in ("conj", "xcomp") or cur.head.i == cur.i:
            break
        cur = cur.head
    return None, []


def _is_verb_of(tok, forms: frozenset[str]) -> bool:
    """The token's lemma or form is one of ``forms`` (the lemmatiser often
    leaves present tenses and participles as they are: "estime", "violé")."""
    return fold(tok.lemma_) in forms or fold(tok.text) in forms


def _blames(verb) -> bool:
    """An opinion verb with a blaming adjective: "juger inacceptable que"."""
    return verb is not None and any(
        c.pos_ == "ADJ" and fold(c.lemma_) in BLAME_ADJECTIVES for c in verb.children)


def _wrongful(event_type: str, status: str) -> bool:
    """A hostile event, or help withheld ("n'a pas apporté assistance")."""
    return event_type in HOSTILE_TYPES or (event_type in WITHHELD_TYPES and status == "negated")


def accusation(event_type: str, source: list[str], clause_verb, refs: list[MentionRef],
               status: str = "reported"):
    """(speech verb, speaker ids, accused ids) when a wrongful event of a
    reported clause (or any event under a blaming opinion) makes its speaker
    accuse its source, else None."""
    if not source or clause_verb is None:
        return None
    verb, speakers = speech_frame(clause_verb, refs)
    if verb is None or not (_wrongful(event_type, status) or _blames(verb)):
        return None
    said = [r.entity_id for r in speakers if r.entity_id not in source]
    if not said:
        return None
    return verb, list(dict.fromkeys(said)), list(source)


def _negated(verb) -> bool:
    words = {fold(c.text) for c in verb.children if c.dep_ in ("advmod", "det", "obj")}
    return any(fold(c.text) in ("ne", "n") for c in verb.children) and bool(words & NEGATIONS)


def _wrong_told(tok) -> bool:
    """A verb that tells a wrong without being an event of its own."""
    verbal = tok.pos_ == "VERB" or any(c.dep_.startswith("aux") for c in tok.children)
    if not verbal:
        return False
    return _is_verb_of(tok, WRONGDOING_FORMS) or (_is_verb_of(tok, DUTY_FORMS) and _negated(tok))


def _own_side(ref: MentionRef) -> bool:
    """"son pays", "leurs gouvernements": the speaker's own side."""
    return any(c.dep_ == "det" and "Poss=Yes" in str(c.morph) for c in ref.head.children)


def opinion_accusations(sent, refs: list[MentionRef], stop: set[int]):
    """(speech verb, speaker ids, accused ids) for the reported clauses of
    ``sent`` that tell a wrong without an event trigger ("X affirme que Y a
    violé la trêve") or whose subject a blaming opinion aims at ("X juge
    inacceptable que Y ...")."""
    found = []
    for tok in sent:
        if tok.i in stop or tok.pos_ not in ("VERB", "AUX", "NOUN", "ADJ"):
            continue
        blamed = tok.dep_ == "ccomp" and _is_verb_of(tok.head, SPEECH_FORMS) and _blames(tok.head)
        if not (_wrong_told(tok) or blamed):
            continue
        verb, speakers = speech_frame(tok, refs)
        if verb is None or verb.i in stop:
            continue
        accused = [r for r in subject_refs(tok, refs) or borrowed_subject(tok, refs)
                   if not _own_side(r)]
        said = [r.entity_id for r in speakers]
        targets = [r.entity_id for r in accused if r.entity_id not in said]
        if said and (targets or blamed):  # blamed, no one named: see aim_at_topic
            found.append((verb, list(dict.fromkeys(said)), list(dict.fromkeys(targets))))
    return found


def spoken_of(path, anchor) -> bool:
    """The mention hangs on an infinitive or participle below a verb trigger
    ("appeler X à cesser ...", "accuser X d'être ... par Y", "condamner
    l'attaque menée par Y"): a party of the act spoken of."""
    return anchor.pos_ == "VERB" and any(
        t.pos_ in ("VERB", "AUX") and t.dep_ in ("xcomp", "acl") for t in path[:-1])


DECISION_NOUNS = frozenset({"annonce", "decision", "choix"})
ANAPHORIC_DETS = frozenset({"le", "la", "l", "l'", "l’", "ce", "cet", "cette"})
SHARED_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
DECISION_GAP = 2  # sentences back to the decision the noun names again


def _names_decision_again(sent) -> bool:
    """"L'annonce a été faite par X", "X a annoncé cette décision": a
    decision noun with a definite or demonstrative article and no complement
    of its own ("la décision de quitter" tells a decision of its own)."""
    for tok in sent:
        if fold(tok.lemma_) not in DECISION_NOUNS or tok.pos_ != "NOUN":
            continue
        dets = [fold(c.text) for c in tok.children if c.dep_ == "det"]
        own = [c for c in tok.children if c.dep_ in ("acl", "xcomp") or (
            c.dep_ == "nmod" and case_of(c) == "de")]
        if dets and dets[0] in ANAPHORIC_DETS and not own:
            return True
    return False


def join_announcers(sent, refs: list[MentionRef], events: list, index: int,
                    offices_at, date: str) -> None:
    """The persons of a sentence that names a state's decision again ("le
    ministre X a annoncé cette décision", "l'annonce a été faite par X") who
    hold an office of that state are actors of the decision: they join the
    latest directed event of the sentences before whose source is that state."""
    if not _names_decision_again(sent):
        return
    earlier = [e for e in events if index - DECISION_GAP <= e.sentence < index
               and e.type not in SHARED_TYPES and e.source]
    if not earlier:
        return
    event = earlier[-1]
    for ref in refs:
        if ref.etype == "PERSON" and ref.entity_id not in event.participants \
                and set(offices_at(ref.entity_id, date)) & set(event.source):
            event.participants.append(ref.entity_id)


DENIAL_WORDS = frozenset(fold(w) for w in (
    "démentir dément démentent démenti démentie nier nie nient nié contester conteste "
    "contestent récuser récuse récusent").split())
RELATIVE_THAT = frozenset({"que", "qu'", "qu’"})
CLAIM_TYPES = frozenset({"ACCUSE", "THREATEN"})


def _claimant(denier: list[str], told: list, events: list, index: int) -> list[str]:
    """The source of the latest claim naming the denier: of the sentence
    itself, else of the sentence before."""
    earlier = [e for e in events if e.sentence == index - 1]
    for pool in (told, earlier):
        for claim in reversed(pool):
            if claim.type not in CLAIM_TYPES or not claim.source or set(claim.source) & set(denier):
                continue
            aimed = claim.target or claim.participants
            if pool is told or set(aimed) & set(denier):  # the same sentence: its claim
                return list(claim.source)
    return []


def _relative_denials(sent, refs: list[MentionRef]):
    """"..., ce que Pékin dément": (denier mention, denial token), read on the
    words, as the tagger often takes the verb for an adjective."""
    for ref in refs:
        if ref.etype == "PLACE" or ref.first < sent.start + 2:
            continue
        doc = ref.head.doc
        before = [t for t in doc[max(sent.start, ref.first - 3):ref.first] if t.pos_ != "DET"]
        if len(before) < 2 or fold(before[-2].text) != "ce" or \
                before[-1].text.lower() not in RELATIVE_THAT:
            continue
        after = [t for t in doc[ref.last + 1:min(sent.end, ref.last + 4)]
                 if fold(t.text) not in ("ne", "n", "l", "le")]
        if after and fold(after[0].text) in DENIAL_WORDS:
            yield ref, after[0]


def answer_denials(told: list, sent, refs: list[MentionRef], events: list, index: int) -> list:
    """Give the denials of a sentence the claimant as target, and add the
    denials told by a relative "ce que X dément" that no trigger caught.
    Returns the new events."""
    for event in told:
        if event.type == "REJECT" and not event.target and \
                fold(event.trigger.split()[0]) in DENIAL_WORDS | {"rejeter", "rejette"}:
            claimant = _claimant(event.source, told, events, index)
            event.target.extend(c for c in claimant if c not in event.source)
            event.participants.extend(c for c in claimant if c not in event.participants)
    new = []
    taken = {(e.start, e.type) for e in told}
    for ref, tok in _relative_denials(sent, refs):
        claimant = _claimant([ref.entity_id], told, events, index)
        if not claimant or (tok.idx, "REJECT") in taken:
            continue
        claim = next((e for e in told if e.type in CLAIM_TYPES), None)
        new.append(Event("REJECT", None, [ref.entity_id], claimant, [ref.entity_id, *claimant],
                         None, claim.when if claim else None, "reported", index, tok.idx,
                         tok.idx + len(tok.text), tok.text))
    return new


# objects of a complaint that leave the party blamed implicit: a lack
# ("dénoncer l'absence de calendrier") or the organisation named by a common
# noun ("accuser l'organisation régionale de ...")
IMPLICIT_BLAME = frozenset(fold(w) for w in (
    "absence manque défaut lenteur inaction silence indécision organisation alliance "
    "bloc institution communauté").split())
COMPLAINT_TYPES = frozenset({"ACCUSE", "PROTEST"})


def _complaint_object(event: Event, doc) -> bool:
    span = expand_span(doc, event.start, event.end)
    if span is None or not len(span):
        return False
    return _blames(span.root) or any(
        c.dep_ == "obj" and fold(c.lemma_) in IMPLICIT_BLAME
        and not any(t.pos_ == "PROPN" for t in c.subtree)  # "l'absence de soutien de X"
        for c in span.root.children)


def aim_at_topic(events: list[Event], topic: str | None, doc) -> list[Event]:
    """A complaint with a source and no target whose object leaves the party
    blamed implicit is aimed at the organisation the article is about: in an
    article on an alliance's summit, "X a dénoncé l'absence de calendrier",
    "X a jugé absurde que son pays n'ait pas de calendrier". A blaming opinion
    left with no one to blame is dropped."""
    kept = []
    for event in events:
        implicit = event.type in COMPLAINT_TYPES and event.source and not event.target \
            and _complaint_object(event, doc)
        if implicit and topic is not None and topic not in event.source:
            event.target.append(topic)
            if topic not in event.participants:
                event.participants.append(topic)
        if implicit and not event.target and _blames(_root_of(event, doc)):
            continue
        kept.append(event)
    return kept


def _root_of(event: Event, doc):
    span = expand_span(doc, event.start, event.end)
    return span.root if span is not None and len(span) else None
