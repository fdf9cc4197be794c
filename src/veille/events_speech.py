"""Accusations told as reported speech.

"Tirana a affirmé que Belgrade avait bombardé ses postes", "Selon Vienne, Berne
a saisi les avoirs": besides the hostile event of the inner clause (ASSAULT,
COERCE, SANCTION, THREATEN), the speaker accuses whoever carries it out. The
speaker is the subject of a speech or opinion verb whose complement clause
holds the event ("affirmer que", "estimer que", "annoncer que"), or the
mention after "selon" on the event's clause. The accusation is an ACCUSE
event from the speaker to the source of the inner event, on the speech verb.
"""

from __future__ import annotations

from .events_lexicon import compile_entry, fold
from .events_roles import MentionRef, borrowed_subject, case_of, subject_refs

SPEECH_VERBS = frozenset(fold(w) for w in (
    "affirmer annoncer déclarer assurer estimer dire indiquer soutenir prétendre "
    "rapporter signaler expliquer juger considérer ajouter souligner répéter "
    "constater affirmer certifier alléguer avancer clamer marteler insister "
    "révéler écrire préciser confirmer raconter").split())
HOSTILE_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION", "THREATEN"})
ACCORDING_TO = frozenset({"selon", "d'apres"})
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
        if cur.dep_ == "ccomp" and fold(cur.head.lemma_) in SPEECH_VERBS:
            return cur.head, _speakers_of(cur.head, refs)
        if cur.dep_ not in ("conj", "xcomp") or cur.head.i == cur.i:
            break
        cur = cur.head
    return None, []


def accusation(event_type: str, source: list[str], clause_verb, refs: list[MentionRef]):
    """(speech verb, speaker ids, accused ids) when a hostile event of a
    reported clause makes its speaker accuse its source, else None."""
    if event_type not in HOSTILE_TYPES or not source or clause_verb is None:
        return None
    verb, speakers = speech_frame(clause_verb, refs)
    said = [r.entity_id for r in speakers if r.entity_id not in source]
    if verb is None or not said:
        return None
    return verb, list(dict.fromkeys(said)), list(source)


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
