"""The frame of a clause that dates it or not: nouns reached through
"après / avant" or a goal ("pour"), whose dates are their own; "depuis +
noun" on a lasting state; circumstance nouns ("à l'invitation de"), the
participle of a document noun ("dans une déclaration adoptée mardi"), cleft
sentences, and participle phrases opening a sentence. Used by
:mod:`veille.events_dates`.
"""

from __future__ import annotations

import re

from .events_lexicon import fold
from .timex import Timex

SHIFTED_CASES = frozenset({"apres", "avant"})  # "après le coup d'État de juillet"
GOAL_CASES = frozenset({"pour"})  # "venu pour les élections du 4 juillet": the goal's date
SINCE_CASES = frozenset({"depuis"})
SIMULTANEOUS_CASES = frozenset({"a", "au", "aux", "sur", "lors", "pendant", "durant", "avec", "par",
                                "dans", "en"})
CLEFT = re.compile(r"^[^,]+, c (?:est|etait) ")


def case_of(tok) -> str:
    """The folded preposition of a nominal ("après" in "après le coup")."""
    case = next((c for c in tok.children if c.dep_ == "case"), None)
    return fold(case.text) if case is not None else ""


def _in_timex(tok, tx: Timex) -> bool:
    offset = tok.idx - tok.sent.start_char
    return tx.start <= offset < tx.end


def own_timexes(found: list[tuple[Timex, object]], trigger) -> list[tuple[Timex, object]]:
    """Drop the timexes that date a noun reached through "après / avant"
    ("ils ont signé un pacte après le coup d'État de juillet") or a goal
    ("pour les élections du 4 juillet"): they date that noun's event, not the
    clause, unless the trigger is that noun or inside it."""
    kept = []
    for tx, head in found:
        cur, shifted = head, False
        for _ in range(12):
            case = case_of(cur)
            goal = case in GOAL_CASES and cur.pos_ in ("NOUN", "PROPN")
            if (case in SHIFTED_CASES or goal) and not _in_timex(cur, tx) and \
                    not cur.left_edge.i <= trigger.i <= cur.right_edge.i:
                shifted = True
                break
            if cur.head.i == cur.i:
                break
            cur = cur.head
        if not shifted:
            kept.append((tx, head))
    return kept


def since_timex(anchor, found: list[tuple[Timex, object]]) -> Timex | None:
    """"sanctionne le pays depuis l'empoisonnement d'août 2020": a lasting
    state dated from the date found inside its "depuis + noun" phrase."""
    for child in anchor.children:
        if not child.dep_.startswith(("obl", "nmod")) or case_of(child) not in SINCE_CASES:
            continue
        inside = [tx for tx, head in found if child.left_edge.i <= head.i <= child.right_edge.i
                  and tx.span.start and not _in_timex(child, tx)]
        if inside:
            return inside[0]
    return None


def circumstance_verb(trigger):
    """The verb an event noun hangs on as a circumstance ("a rejoint le
    groupe en mai à l'invitation de Paris": the invitation is dated by the
    verb), or None."""
    head = trigger.head
    if trigger.dep_.startswith("obl") and head.pos_ in ("VERB", "AUX") and \
            case_of(trigger) in SIMULTANEOUS_CASES:
        return head
    return None


def vehicle_timex(found: list[tuple[Timex, object]], anchors: list) -> Timex | None:
    """"Dans une déclaration adoptée mardi, X a condamné ...": a timex on a
    participle of a circumstance noun of the clause ("dans", "lors de", "par")
    dates the clause when the clause has none of its own."""
    ids = {a.i for a in anchors}
    for tx, head in found:
        cur = head
        for _ in range(6):
            if cur.dep_ in ("acl", "acl:relcl") and cur.head.dep_.startswith("obl") and \
                    cur.head.head.i in ids and case_of(cur.head) in SIMULTANEOUS_CASES:
                return tx
            if cur.head.i == cur.i:
                break
            cur = cur.head
    return None


def cleft_frame(trigger, sent, found: list[tuple[Timex, object]]) -> Timex | None:
    """"Le 15 mars, c'est après X que Y a décidé ...": the date opening a cleft
    sentence dates the events of the clause after "que"."""
    if not CLEFT.match(fold(sent.text)) or not found:
        return None
    first, _ = min(found, key=lambda f: f[0].start)
    if sent.text[:first.start].strip() or sent.text[first.end:].lstrip()[:1] != ",":
        return None
    words = list(sent)
    cest = next((t for t in words if fold(t.text) in ("c", "ce")), None)
    que = next((t for t in words if cest is not None and t.i > cest.i
                and fold(t.text) in ("que", "qu")), None)
    return first if que is not None and trigger.i > que.i else None


PARTICIPLE_END = re.compile(r"(?:e|es|ee|ees|i|is|ie|ies|u|us|ue|ues)$")


def leading_participle(tok, verb) -> bool:
    """A participle phrase opening the sentence ("Réunis samedi à X, ils ont
    signé"), even when the tagger, misled by the capital, calls it a proper noun."""
    if "Part" in tok.morph.get("VerbForm"):
        return True
    return tok.i < verb.i and tok.pos_ in ("PROPN", "NOUN", "ADJ", "X") and \
        tok.i == tok.sent.start and bool(PARTICIPLE_END.search(fold(tok.text)))
