"""Status (reported, planned, expected, hypothetical, negated) and date of an event.

The status is read from the clause of the trigger and the chain of verbs that
govern it through infinitives ("devrait rencontrer", "a décidé de rappeler"):

- negated: "ne ... pas/jamais/plus/guère", "sans", "aucun(e)" before a noun;
- hypothetical: a conditional that is not of "devoir" ("pourrait"), "si";
- expected: "devrait" (conditional of devoir) + infinitive;
- planned: future tense, "doit"/"va" + infinitive, "prévoir/envisager de",
  "prévu(e)", "programmé", "prochain", "à venir".

The date is the temporal expression of the trigger's clause, resolved with the
clause tense; failing that the article date when the clause speaks of now
(present or passé composé of a reported event), else None.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from .events_lexicon import fold
from .model import Article, TimeSpan
from .timex import Timex, find_timexes, tense_of_clause

NEGATIONS = frozenset({"pas", "jamais", "plus", "guere", "point", "nullement", "aucunement"})
PLAN_VERBS = frozenset({"prevoir", "envisager", "projeter", "programmer", "appreter",
                        "planifier", "compter", "aller", "devoir"})
PLAN_MODIFIERS = frozenset({"prevoir", "prevu", "programmer", "programme", "prochain",
                            "futur", "planifier", "envisager", "envisage"})
HYPOTHETICAL_MODIFIERS = frozenset({"eventuel", "possible", "hypothetique", "potentiel"})
SAME_DAY = re.compile(r"\b(le meme jour|ce jour la|ce meme jour|le (?:soir|jour|matin) meme)\b")
DAYS_APART = re.compile(r"\b(\d+|un|deux|trois|quatre|cinq|six|sept|huit|neuf|dix) jours? "
                        r"(plus tot|plus tard|auparavant|avant|apres)\b")
NUMBER_WORDS = {"un": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
                "huit": 8, "neuf": 9, "dix": 10}
APPOSITION_GAP = 25  # characters between "la veille de X" and the day it names
WEEKDAY = re.compile(r"\b(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b")
DEADLINE = re.compile(r"^(d'ici|d ici|jusqu|avant)")
STORY_WINDOW = 6  # days before the article date a story day may lie
AUX_DEPS = ("aux", "aux:tense", "aux:pass", "cop")


def verb_chain(verb, depth: int = 3) -> list:
    """``verb`` and the verbs governing it through infinitives (xcomp)."""
    chain = [verb]
    while verb.head.i != verb.i and len(chain) <= depth and (verb.dep_ == "xcomp" or (
            verb.dep_ == "advcl" and "Inf" in verb.morph.get("VerbForm"))):
        verb = verb.head
        chain.append(verb)
    return chain


def _finite(verb):
    for child in verb.children:
        if child.dep_ in AUX_DEPS and "Fin" in child.morph.get("VerbForm"):
            return child
    return verb if "Fin" in verb.morph.get("VerbForm") else None


def _negated_clause(verb) -> bool:
    words = {fold(c.text) for c in verb.children if c.dep_ in ("advmod", "det", "obj", "nsubj")}
    has_ne = any(fold(c.text) in ("ne", "n") for c in verb.children)
    if has_ne and words & NEGATIONS:
        return True
    return any(c.dep_ == "mark" and fold(c.text) == "sans" for c in verb.children)


def _mood(tok) -> str:
    return "cnd" if "Cnd" in tok.morph.get("Mood") else "fut" if "Fut" in tok.morph.get(
        "Tense") else "other"


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
    return None


def status_of(trigger, clause_verb, is_noun: bool) -> str:
    """The status of an event whose trigger is ``trigger`` (a token); for an
    event noun, ``clause_verb`` is the verb whose tense and mood it takes
    (None: the noun's own cues only)."""
    found: set[str] = set()
    if is_noun:
        cue = _noun_cues(trigger)
        if cue:
            found.add(cue)
    chain = verb_chain(clause_verb) if clause_verb is not None else []
    for pos, verb in enumerate(chain):
        if _negated_clause(verb):
            found.add("negated")
        if any(c.dep_ == "mark" and fold(c.text) in ("si", "s") for c in verb.children):
            found.add("hypothetical")
        finite = _finite(verb)
        lemma = fold(verb.lemma_)
        mood = _mood(finite) if finite is not None else "other"
        if mood == "cnd":
            found.add("expected" if lemma == "devoir" and pos > 0 else "hypothetical")
        elif mood == "fut":
            found.add("planned")
        if pos > 0 and lemma in PLAN_VERBS and mood != "cnd":
            found.add("planned")
        if pos == 0 and verb.pos_ == "VERB" and fold(verb.lemma_) in PLAN_MODIFIERS and \
                "Part" in verb.morph.get("VerbForm") and trigger.i != verb.i:
            found.add("planned")
    for status in ("negated", "hypothetical", "expected", "planned"):
        if status in found:
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
        if "Imp" in tenses or "Fut" in tenses or "Cnd" in finite.morph.get("Mood"):
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
        if finite is tok and "Past" in tenses and "Part" not in tok.morph.get("VerbForm"):
            return True
    return False


def clause_tense(verb) -> str:
    return tense_of_clause(verb) if verb is not None else "present"


class Dates:
    """Temporal expressions of the sentences of one article, found once per
    (sentence, tense)."""

    def __init__(self, doc, article: Article):
        self.doc = doc
        self.article = article
        self._cache: dict[tuple[int, str], list[tuple[Timex, object]]] = {}
        self.fallback: dict[tuple[int, str], TimeSpan] = {}
        self.last_day: str | None = None  # latest day-precise event date told

    def note(self, when: TimeSpan | None) -> None:
        """Remember the day of the latest dated event ("la veille" is the day
        before it when its own sentence gives no other day)."""
        if when is not None and when.precision == "day" and when.start:
            self.last_day = when.start

    def note_day(self, sent) -> None:
        """A sentence without events that names a day in the past tense
        ("la Suède a rejoint jeudi l'Alliance") sets the story day too."""
        if not WEEKDAY.search(fold(sent.text)):
            return
        verb = sent.root
        if verb.pos_ not in ("VERB", "AUX") or not told_in_past(verb):
            return
        for tx, _ in self.timexes(sent, "past"):
            if tx.span.precision == "day" and tx.span.start and tx.kind != "duration":
                self.note(TimeSpan(tx.span.start, tx.span.end, "day"))
                return

    def story_day(self) -> TimeSpan | None:
        """The day the article's story is told on: the latest day-precise event
        date, when it falls in the week before the article date ("jeudi, les
        dirigeants ont ouvert le sommet ... ils ont signé": signed on Thursday)."""
        if self.last_day is None or self.article.date_precision != "day":
            return None
        gap = (date.fromisoformat(self.article.date[:10])
               - date.fromisoformat(self.last_day[:10])).days
        if not 0 < gap <= STORY_WINDOW:
            return None
        return TimeSpan(self.last_day[:10], self.last_day[:10], "day")

    def resolve(self, tx: Timex, found: list[tuple[Timex, object]]) -> TimeSpan | None:
        """The span of a timex; "la veille" / "le lendemain" (which the timex
        module leaves undated) are read against the other day of the sentence,
        else the latest dated event, else the article date."""
        if tx.span.start:
            return TimeSpan(tx.span.start, tx.span.end, tx.span.precision, tx.span.text,
                            tx.span.open_ended)
        words = fold(tx.text)
        shift = -1 if "veille" in words else 1 if "lendemain" in words else 0
        if not shift:
            return None
        for other, _ in found:  # "la veille de l'ouverture, le 10 juillet": that day
            if other.span.precision == "day" and other.span.start and \
                    0 <= other.start - tx.end <= APPOSITION_GAP:
                return TimeSpan(other.span.start, other.span.end, "day", other.span.text)
        days = [t.span.start for t, _ in found if t.span.precision == "day" and t.span.start]
        base = days[0] if days else self.last_day or (
            self.article.date if self.article.date_precision == "day" else None)
        if base is None:
            return None
        day = (date.fromisoformat(base[:10]) + timedelta(days=shift)).isoformat()
        return TimeSpan(day, day, "day", tx.text)

    def narrative(self, sent) -> TimeSpan | None:
        """"Le même jour", "ce jour-là", "trois jours plus tôt / plus tard"
        (which the timex module leaves out): a day counted from the latest
        dated event of the article."""
        if self.last_day is None:
            return None
        words = fold(sent.text)
        shift = 0 if SAME_DAY.search(words) else None
        found = DAYS_APART.search(words)
        if found is not None:
            count = NUMBER_WORDS.get(found.group(1)) or (
                int(found.group(1)) if found.group(1).isdigit() else None)
            if count is not None:
                shift = -count if found.group(2) in ("plus tot", "auparavant", "avant") else count
        if shift is None:
            return None
        day = (date.fromisoformat(self.last_day[:10]) + timedelta(days=shift)).isoformat()
        return TimeSpan(day, day, "day", found.group(0) if found else "le meme jour")

    def timexes(self, sent, tense: str) -> list[tuple[Timex, object]]:
        """(timex, head token) pairs of a sentence."""
        key = (sent.start, tense)
        if key not in self._cache:
            found = []
            for tx in find_timexes(sent.text, self.article.date, tense):  # type: ignore[arg-type]
                if tx.kind == "duration":
                    continue
                span = self.doc.char_span(sent.start_char + tx.start, sent.start_char + tx.end,
                                          alignment_mode="expand")
                if span is not None and len(span):
                    found.append((tx, span.root))
            self._cache[key] = found
        return self._cache[key]

    def article_day(self) -> TimeSpan:
        return TimeSpan(self.article.date, self.article.date,
                        self.article.date_precision)  # type: ignore[arg-type]


def by_deadline(span: TimeSpan) -> TimeSpan:
    """A planned event due "d'ici le 22 décembre" is dated by its deadline."""
    end = span.end or ""
    precision = {4: "year", 7: "month", 10: "day"}.get(len(end), span.precision)
    return TimeSpan(end, end, precision, span.text)  # type: ignore[arg-type]


def pick_timex(found: list[tuple[Timex, object]], anchors: list, blocked: set[int]) -> Timex | None:
    """The timex attached (through the parse, not across another trigger) to
    the first anchor that has one; anchors go from the trigger outwards. Of
    several timexes under one anchor, the nearest in the tree wins; a timex
    inside a relative or participial clause on another noun ("X, convié mardi,
    s'est entretenu mercredi") does not date the anchor."""
    for anchor in anchors:
        best: tuple[int, int] | None = None
        pick = None
        for tx, head in found:
            steps = _steps_to(head, anchor, blocked)
            if steps is not None and (best is None or (steps, tx.start) < best):
                best, pick = (steps, tx.start), tx
        if pick is not None:
            return pick
    return None


def _steps_to(head, anchor, blocked: set[int]) -> int | None:
    """Tree steps from a timex up to an anchor; passing out of an adverbial
    clause costs one more ("Invitée en août, X a renoncé fin décembre": the
    clause's own timex wins the tie)."""
    cur = head
    extra = 0
    for steps in range(10):
        if cur.i == anchor.i:
            return steps + extra
        if cur.dep_ == "advcl" and cur.i != head.i:
            extra += 1
        if cur.i in blocked or cur.head.i == cur.i:
            return None
        if cur.dep_ in ("acl", "acl:relcl") and cur.head.i != anchor.i and cur.i != head.i:
            return None
        cur = cur.head
    return None
