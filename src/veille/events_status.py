"""Status (reported, planned, expected, hypothetical, negated) of an event.

The status is read from the clause of the trigger and the chain of verbs that
govern it through infinitives ("devrait rencontrer", "a décidé de rappeler"):

- negated: "ne ... pas/jamais/plus/guère", "sans", "aucun(e)" before a noun;
- hypothetical: a conditional that is not of "devoir" ("pourrait"), "si";
- expected: "devrait" (conditional of devoir) + infinitive;
- planned: future tense, "doit"/"va" + infinitive, "prévoir/envisager de",
  "prévu(e)", "programmé", "prochain", "à venir".

The tense helpers here (``told_in_past``, ``speaks_of_now``, ...) also serve the
event's date, which ``events_dates`` finds.
"""

from __future__ import annotations

from .events_lexicon import fold
from .timex import is_conditional, is_future, tense_of_clause

NEGATIONS = frozenset({"pas", "jamais", "plus", "guere", "point", "nullement", "aucunement"})
PLAN_VERBS = frozenset({"prevoir", "envisager", "projeter", "programmer", "appreter",
                        "planifier", "compter", "aller", "devoir"})
PLAN_MODIFIERS = frozenset({"prevoir", "prevu", "programmer", "programme", "prochain",
                            "futur", "planifier", "envisager", "envisage"})
HYPOTHETICAL_MODIFIERS = frozenset({"eventuel", "possible", "hypothetique", "potentiel"})
AUX_DEPS = ("aux", "aux:tense", "aux:pass", "cop")


def verb_chain(verb, depth: int = 3) -> list:
    """``verb`` and the verbs governing it through infinitives (xcomp, an
    adverbial infinitive, "afin de" + infinitive)."""
    chain = [verb]
    while len(chain) <= depth:
        up = _governor(verb)
        if up is None:
            break
        verb = up
        chain.append(verb)
    return chain


def _governor(verb):
    """The verb an infinitive (or xcomp) takes its tense from, else None."""
    if verb.head.i == verb.i:
        return None
    infinitive = "Inf" in verb.morph.get("VerbForm")
    if verb.dep_ == "xcomp" or (verb.dep_ == "advcl" and infinitive):
        return verb.head
    if infinitive and purpose(verb):  # "adopteront une résolution afin d'entamer"
        up = verb.head
        if up.pos_ not in ("VERB", "AUX") and up.head.i != up.i:
            up = up.head
        return up if up.pos_ in ("VERB", "AUX") else None
    return None


def purpose(verb) -> bool:
    """An infinitive introduced by "afin de" (a goal, not yet reached)."""
    if "Inf" not in verb.morph.get("VerbForm"):
        return False
    return any(fold(t.text) == "afin" for t in (verb.head, *verb.children)) or (
        verb.i > 1 and fold(verb.doc[verb.i - 2].text) == "afin")


def _finite(verb):
    for child in verb.children:
        if child.dep_ in AUX_DEPS and "Fin" in child.morph.get("VerbForm"):
            return child
    return verb if "Fin" in verb.morph.get("VerbForm") else None


def _negated_clause(verb) -> bool:
    near = [c for c in verb.children if c.dep_ in ("advmod", "det", "obj", "nsubj")]
    near += [g for c in near if c.dep_ == "advmod" for g in c.children if g.dep_ == "advmod"]
    words = {fold(c.text) for c in near}  # "n'a pas encore ratifié": "pas" under "encore"
    has_ne = any(fold(c.text) in ("ne", "n") for c in verb.children)
    if has_ne and words & NEGATIONS:
        return True
    return any(c.dep_ == "mark" and fold(c.text) == "sans" for c in verb.children)


def _mood(tok) -> str:
    return "cnd" if is_conditional(tok) else "fut" if is_future(tok) else "other"


SPEECH_VERBS = frozenset({"confirmer", "annoncer", "indiquer", "assurer", "declarer", "affirmer",
                          "preciser", "expliquer", "promettre", "rappeler", "ajouter", "estimer",
                          "laisser", "faire", "savoir", "dire", "ecrire", "signaler"})


def _told_plan(verb) -> bool:
    """A conditional in the complement of a speech verb in the past or present
    ("X a confirmé que la Chine accueillerait le sommet"): the future of the
    past, a plan told, not a hypothesis."""
    head = verb.head
    return verb.dep_ == "ccomp" and head.i != verb.i and fold(head.lemma_) in SPEECH_VERBS and \
        not any(c.dep_ == "mark" and fold(c.text) in ("si", "s") for c in verb.children)


def _mood_status(verb, lemma: str, mood: str, pos: int) -> str | None:
    """The status a verb's mood gives (pos: its place in the verb chain)."""
    if mood == "cnd":
        if lemma == "devoir" and pos > 0:
            return "expected"
        if lemma != "pouvoir" and _told_plan(verb):
            return "planned"
        return "hypothetical"
    if mood == "fut":  # "Kiev pourra être invité": a possibility
        return "hypothetical" if lemma == "pouvoir" and pos > 0 else "planned"
    return None


def _subject_verb_cues(noun) -> str | None:
    """An event noun subject of a modal or future verb ("le prochain sommet
    devrait se tenir", "la rencontre pourrait avoir lieu") takes its mood."""
    if not noun.dep_.startswith("nsubj") or noun.head.i == noun.i:
        return None
    verb = noun.head
    finite = _finite(verb)
    if finite is None:
        return None
    has_inf = any(c.dep_ == "xcomp" and "Inf" in c.morph.get("VerbForm") for c in verb.children)
    return _mood_status(verb, fold(verb.lemma_), _mood(finite), 1 if has_inf else 0)


def _noun_cues(noun) -> str | None:
    if any(fold(c.text) in ("aucun", "aucune") for c in noun.children if c.dep_ == "det"):
        return "negated"
    if case := next((c for c in noun.children if c.dep_ == "case"), None):
        if fold(case.text) == "sans":
            return "negated"
    for child in noun.children:
        word = fold(child.lemma_)
        if child.dep_ in ("amod", "acl") and word in HYPOTHETICAL_MODIFIERS:
            return "hypothetical"
        if child.dep_ in ("amod", "acl") and (word in PLAN_MODIFIERS or fold(child.text) in PLAN_MODIFIERS):
            return "planned"
        if word == "venir" and any(fold(c.text) == "a" for c in child.children):
            return "planned"
    head = noun.head
    if noun.dep_ == "nsubj:pass" and fold(head.lemma_) in PLAN_MODIFIERS:
        return "planned"
    return "planned" if _agreeing_plan_participle(noun) else None


def _agreeing_plan_participle(noun) -> bool:
    """"la réunion des ministres prévue à Bruxelles": "prévue" agrees with the
    event noun, not with the noun the parse hung it on."""
    gender, number = noun.morph.get("Gender"), noun.morph.get("Number")
    if not gender or not number:
        return False
    for tok in noun.subtree:
        if tok.dep_ != "acl" or tok.head.i == noun.i or fold(tok.lemma_) not in PLAN_MODIFIERS:
            continue
        if tok.morph.get("Gender") == gender and tok.morph.get("Number") == number and (
                tok.head.morph.get("Gender") != gender or tok.head.morph.get("Number") != number):
            return True
    return False


ANNOUNCE_VERBS = frozenset({"annoncer", "confirmer", "officialiser", "notifier", "indiquer",
                            "declarer", "informer"})
DECISION_TYPES = frozenset({"RETREAT", "SANCTION", "SUPPORT", "AID", "COOPERATE", "CONCEDE",
                            "MOBILIZE", "REJECT"})


def _announcing(tok) -> bool:
    """"annoncer", "confirmer", ..., or "faire savoir" (either word as head)."""
    lemma = fold(tok.lemma_)
    if lemma in ANNOUNCE_VERBS:
        return True
    pair = {"savoir": "faire", "faire": "savoir"}.get(lemma)
    return pair is not None and any(fold(c.lemma_) == pair for c in tok.children)


def _announcement_mood(tok) -> str:
    """The mood of an announcement verb, or of the "faire" of "faire savoir"."""
    for verb in (tok, *(c for c in tok.children if fold(c.lemma_) == "faire")):
        finite = _finite(verb)
        if finite is not None:
            return _mood(finite)
    return "none"


def announcer(clause_verb, type_: str | None):
    """The announcement verb whose "que" clause tells, in the future of the
    past, a decision of the announcer ("X a fait savoir lundi qu'il
    quitterait l'organisation le 1er janvier"): the announcement is the
    event (reported, dated by the announcing clause). Meetings and
    agreements, which need another party, stay planned. None otherwise."""
    if clause_verb is None or type_ not in DECISION_TYPES:
        return None
    chain = verb_chain(clause_verb)
    top = chain[-1]
    if any(fold(v.lemma_) in PLAN_VERBS | {"pouvoir"} for v in chain[1:]) or any(
            t.dep_ == "mark" and fold(t.text) in ("si", "s") for t in top.subtree):
        return None  # "a annoncé qu'il envisageait de ...", "... s'il ...": no decision
    finite = _finite(top)
    if finite is None or _mood(finite) == "other":
        return None
    up = top.head  # through "que" or a noun the parse hung the clause on ("lundi qu'il ...")
    while up.pos_ not in ("VERB", "AUX") and up.head.i != up.i and up.i > up.head.i:
        up = up.head
    if up.i >= top.i or not _announcing(up) or _announcement_mood(up) != "other":
        return None
    between = top.doc[up.i:top.i]
    return up if any(fold(t.text) in ("que", "qu") for t in between) else None


def status_of(trigger, clause_verb, is_noun: bool, type_: str | None = None) -> str:
    """The status of an event whose trigger is ``trigger`` (a token); for an
    event noun, ``clause_verb`` is the verb whose tense and mood it takes
    (None: the noun's own cues only). A decision announced for later is
    reported (see :func:`announcer`)."""
    found: set[str] = set()
    if is_noun:
        for cue in (_noun_cues(trigger), None if clause_verb is not None else
                    _subject_verb_cues(trigger)):
            if cue:
                found.add(cue)
    chain = verb_chain(clause_verb) if clause_verb is not None else []
    for pos, verb in enumerate(chain):
        if _negated_clause(verb):
            found.add("negated")
        if any(c.dep_ == "mark" and fold(c.text) in ("si", "s") for c in verb.children):
            found.add("hypothetical")
        if purpose(verb):  # "afin de poursuivre le dialogue": a goal
            found.add("planned")
        finite = _finite(verb)
        lemma = fold(verb.lemma_)
        mood = _mood(finite) if finite is not None else "other"
        cue = _mood_status(verb, lemma, mood, pos)
        if cue:
            found.add(cue)
        if pos > 0 and lemma in PLAN_VERBS and mood != "cnd":
            found.add("planned")
        if pos > 0 and lemma == "censer":  # "est censée arrêter X": an obligation, not a fact
            found.add("hypothetical")
        if pos == 0 and verb.pos_ == "VERB" and fold(verb.lemma_) in PLAN_MODIFIERS and \
                "Part" in verb.morph.get("VerbForm") and trigger.i != verb.i:
            found.add("planned")
        if pos == 0 and lemma == "attendre" and any(c.dep_ == "aux:pass" for c in verb.children):
            found.add("planned")  # "le président est attendu jeudi à Moscou"
    for status in ("negated", "hypothetical", "expected", "planned"):
        if status in found:
            if status in ("planned", "hypothetical") and announcer(clause_verb, type_) is not None:
                return "reported"
            return status
    return "reported"


def speaks_of_now(verb) -> bool:
    """Present or passé composé (not imparfait, plus-que-parfait, passé simple,
    future or conditional)."""
    for tok in verb_chain(verb):
        finite = _finite(tok)
        if finite is None:
            continue
        tenses = finite.morph.get("Tense")
        if "Imp" in tenses or _mood(finite) != "other" or "Cnd" in finite.morph.get("Mood"):
            return False
        if "Past" in tenses and finite is tok:  # passé simple
            return False
    return True


def told_in_past(verb) -> bool:
    """Passé composé (auxiliary in the present and a participle): "a signé",
    "se sont réunis"; not a plain present ("participe")."""
    for tok in verb_chain(verb):
        finite = _finite(tok)
        if finite is None:
            continue
        return finite is not tok and "Pres" in finite.morph.get("Tense") and \
            "Part" in tok.morph.get("VerbForm")
    return False


def simple_imperfect(verb) -> bool:
    """An imparfait ("recevait"): the backdrop of the story being told."""
    for tok in verb_chain(verb):
        finite = _finite(tok)
        if finite is not None:
            return finite is tok and "Imp" in finite.morph.get("Tense") and not is_conditional(tok)
    return False


def background_past(verb) -> bool:
    """Plus-que-parfait or passé simple: a past told as background."""
    if verb is None:
        return False
    for tok in verb_chain(verb):
        finite = _finite(tok)
        if finite is None:
            continue
        tenses = finite.morph.get("Tense")
        if finite is not tok and "Imp" in tenses:
            return True
        if finite is tok and "Past" in tenses and "Part" not in tok.morph.get("VerbForm") and \
                not is_future(tok):
            return True
    return False


def clause_tense(verb) -> str:
    return tense_of_clause(verb) if verb is not None else "present"
