"""The date of an event: the temporal expression of the trigger's clause,
resolved with the clause tense against the article date; relative phrases of
narration ("le lendemain", "le même jour", "deux mois plus tôt", "dans la
foulée") against the story's day or the last date told; failing that the
article date when the clause speaks of now (present or passé composé of a
reported event), else None.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from .events_frames import (
    case_of,
    circumstance_verb,
    cleft_frame,
    leading_participle,
    own_timexes,
    since_timex,
    vehicle_timex,
)
from .events_lexicon import fold
from .events_status import announcer, simple_imperfect, told_in_past
from .model import Article, TimeSpan
from .timex import Timex, find_timexes

SAME_DAY = re.compile(r"\b(le meme jour|ce jour la|ce meme jour|le (?:soir|jour|matin) meme)\b")
SAME_DAY_PART = re.compile(r"\b(le matin|le soir|dans la (?:matinee|soiree|nuit)|dans l apres midi"
                           r"|quelques heures (?:plus tot|plus tard|auparavant|apres))\b")
RIGHT_AFTER = re.compile(r"\bdans la foulee\b")
UNITS_APART = re.compile(r"\b(\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix) "
                         r"(jours?|semaines?|mois|ans|annees?) "
                         r"(plus tot|plus tard|auparavant|avant|apres)\b")
UNIT_WORDS = {"jour": "day", "semaine": "week", "moi": "month", "an": "year", "annee": "year"}
NUMBER_WORDS = {"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
                "huit": 8, "neuf": 9, "dix": 10}
APPOSITION_GAP = 25  # characters between "la veille de X" and the day it names
WEEKDAY = re.compile(r"\b(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b")
DEADLINE = re.compile(r"^(d'ici|d ici|jusqu|avant)")
STORY_WINDOW = 6  # days before the article date a story day may lie
LEAD_DEPS = frozenset({"advcl", "acl", "obl", "obl:mod", "dep"})


class Dates:
    """Temporal expressions of the sentences of one article, found once per
    (sentence, tense)."""

    def __init__(self, doc, article: Article):
        self.doc = doc
        self.article = article
        self._cache: dict[tuple[int, str], list[tuple[Timex, object]]] = {}
        self.fallback: dict[tuple[int, str], TimeSpan] = {}
        self.last_day: str | None = None  # latest day-precise event date told
        self.last_when: TimeSpan | None = None  # latest event date told, any precision

    def note(self, when: TimeSpan | None) -> None:
        """Remember the day of the latest dated event ("la veille" is the day
        before it when its own sentence gives no other day)."""
        if when is not None and when.start:
            self.last_when = when
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
        dirigeants ont ouvert le sommet ... ils ont signé": signed on Thursday).
        In an article dated by its month only, the latest day told in that month."""
        if self.last_day is None:
            return None
        if self.article.date_precision == "month":
            same = self.last_day[:7] == self.article.date[:7]
            return TimeSpan(self.last_day[:10], self.last_day[:10], "day") if same else None
        if self.article.date_precision != "day":
            return None
        gap = (date.fromisoformat(self.article.date[:10])
               - date.fromisoformat(self.last_day[:10])).days
        if not 0 < gap <= STORY_WINDOW:
            return None
        return TimeSpan(self.last_day[:10], self.last_day[:10], "day")

    def resolve(self, tx: Timex, found: list[tuple[Timex, object]], sent=None) -> TimeSpan | None:
        """The span of a timex; "la veille" / "le lendemain" (which the timex
        module leaves undated) are read against the other day of the sentence,
        else the latest day named in the sentences before, else the latest
        dated event, else the article date."""
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
        named = self._named_before(sent, "day") if sent is not None else None
        base = days[0] if days else named or self.last_day or (
            self.article.date if self.article.date_precision == "day" else None)
        if base is None:
            return None
        day = (date.fromisoformat(base[:10]) + timedelta(days=shift)).isoformat()
        return TimeSpan(day, day, "day", tx.text)

    def narrative(self, sent) -> TimeSpan | None:
        """"Le même jour", "le matin", "quelques heures plus tôt" (the day of the
        latest dated event), "dans la foulée" (that event's date, at its
        precision), "trois jours / deux mois plus tôt" (counted from the latest
        date the article named): expressions the timex module leaves out."""
        words = fold(sent.text)
        if SAME_DAY.search(words) or SAME_DAY_PART.search(words):
            base = self.last_day or self._named_before(sent, "day")
            return TimeSpan(base[:10], base[:10], "day", "le meme jour") if base else None
        if RIGHT_AFTER.search(words):
            return self.last_when
        found = UNITS_APART.search(words)
        if found is None:
            return None
        count = NUMBER_WORDS.get(found.group(1)) or (
            int(found.group(1)) if found.group(1).isdigit() else None)
        unit = UNIT_WORDS[found.group(2).rstrip("s")]
        base = self._named_before(sent, "day" if unit == "day" else "month") or self.last_day
        if count is None or base is None or (unit == "day" and len(base) < 10):
            return None
        sign = -1 if found.group(3) in ("plus tot", "auparavant", "avant") else 1
        return _moved(base, unit, sign * count, found.group(0))

    def offset(self, trigger, sent, found: list[tuple[Timex, object]]) -> TimeSpan | None:
        """See :func:`offset_date`."""
        return offset_date(trigger, sent, found)

    def own(self, found: list[tuple[Timex, object]], trigger) -> list[tuple[Timex, object]]:
        """See :func:`own_timexes`."""
        return own_timexes(found, trigger)

    def framed(self, trigger, sent, found: list[tuple[Timex, object]], anchors: list,
               lasting: bool) -> TimeSpan | None:
        """The date a clause without a timex of its own takes from its frame:
        a "depuis + noun" phrase on a lasting state (:func:`since_timex`; the
        first anchor after the trigger is the clause verb), a participle on a
        circumstance noun (:func:`vehicle_timex`), the date opening a cleft
        sentence (:func:`cleft_frame`)."""
        tx = since_timex(anchors[1] if len(anchors) > 1 else trigger, found) if lasting else None
        tx = tx or vehicle_timex(found, anchors) or cleft_frame(trigger, sent, found)
        return self.resolve(tx, found, sent) if tx is not None else None

    @staticmethod
    def unclaimed(found: list[tuple[Timex, object]], trigger, others: list,
                  picked: Timex | None) -> list[tuple[Timex, object]]:
        """The dated timexes of the sentence that no other trigger claims and
        that no relative clause without the trigger holds."""
        return [(t, h) for t, h in found if t.span.start and t is not picked
                and pick_timex([(t, h)], others, set()) is None
                and not in_other_relative(h, trigger)]

    def story_fallback(self, tense_verb) -> TimeSpan | None:
        """In an article dated by its month only, a passé composé or an
        imparfait without a date of its own is told on the story's day."""
        if tense_verb is None or self.article.date_precision != "month":
            return None
        return self.story_day() if told_in_past(tense_verb) or simple_imperfect(tense_verb) else None

    @staticmethod
    def announcing(clause_verb, type_: str):
        """See :func:`veille.events_status.announcer`: the verb whose clause
        dates a decision announced for later, or None."""
        return announcer(clause_verb, type_)

    @staticmethod
    def circumstance(trigger) -> list:
        """See :func:`circumstance_verb` (as a list of anchors)."""
        verb = circumstance_verb(trigger)
        return [verb] if verb is not None else []

    @staticmethod
    def leads(verb, blocked: set[int]) -> list:
        """Participle phrases opening the clause of ``verb`` that are other
        events ("Réunis samedi à X, ils ont signé"): see :func:`leading_participle`."""
        return [c for c in verb.children if c.i in blocked and c.i < verb.i
                and c.dep_ in LEAD_DEPS and leading_participle(c, verb)]

    def _named_before(self, sent, precision: str) -> str | None:
        """The start of the latest date named in the three sentences before
        ``sent`` (at least at ``precision``)."""
        sents = [s for s in self.doc.sents if s.end <= sent.start][-3:]
        need = 10 if precision == "day" else 7
        for before in reversed(sents):
            for tx, _ in reversed(self.timexes(before, "past")):
                start = tx.span.start
                if start and len(start) >= need and not tx.span.open_ended:
                    return start
        return None

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
        if cur.i != head.i and (cur.dep_ == "advcl" or _detached_lead(cur)):
            extra += 1
        if (cur.i in blocked and not _during(cur)) or cur.head.i == cur.i:
            return None
        if cur.dep_ in ("acl", "acl:relcl") and cur.head.i != anchor.i and cur.i != head.i:
            return None
        cur = cur.head
    return None


def in_other_relative(head, trigger) -> bool:
    """A timex inside a relative clause that does not hold the trigger ("X,
    qui recevait ses homologues, a rompu avec Y, dont les États ont annoncé
    leur départ en janvier"): it dates that clause only."""
    cur = head
    for _ in range(12):
        if cur.dep_ == "acl:relcl" and not cur.left_edge.i <= trigger.i <= cur.right_edge.i:
            return True
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


DURING_HEADS = frozenset({"lors", "cours", "occasion", "marge"})


def _during(tok) -> bool:
    """An event noun the clause happens during ("approuvée lors d'un sommet
    en 2023", "pendant le sommet du 10 mai"): its date dates the clause too."""
    return case_of(tok) in ("pendant", "durant") or fold(tok.head.text) in DURING_HEADS


def _detached_lead(tok) -> bool:
    """A phrase opening the sentence and closed by a comma ("Invitée au sommet
    en août, X a renoncé ..."), headed by a participle (however tagged)."""
    sent = tok.sent
    first = next((t for t in sent if not t.is_punct), None)
    after = tok.right_edge.i + 1
    return first is not None and tok.left_edge.i == first.i and tok.i != sent.root.i and \
        after < sent.end and tok.doc[after].text == "," and \
        (tok.pos_ in ("VERB", "X") or "Part" in tok.morph.get("VerbForm"))


def _moved(base: str, unit: str, n: int, text: str) -> TimeSpan:
    """``base`` (an ISO date) moved by ``n`` units, at the unit's precision."""
    if unit in ("day", "week"):
        day = (date.fromisoformat(base[:10]) + timedelta(days=n * (7 if unit == "week" else 1)))
        return TimeSpan(day.isoformat(), day.isoformat(), "day", text)
    year, month = int(base[:4]), int(base[5:7]) if len(base) >= 7 else 1
    if unit == "year":
        return TimeSpan(str(year + n), str(year + n), "year", text)
    total = year * 12 + month - 1 + n
    iso = f"{total // 12:04d}-{total % 12 + 1:02d}"
    return TimeSpan(iso, iso, "month", text)


OFFSET_BEFORE = re.compile(r"\b(\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix) "
                           r"(jours?|semaines?|mois|ans|annees?) (apres|avant)"
                           r"(?: (?:l|le|la|les|du|des))? ?$")


def offset_date(trigger, sent, found: list[tuple[Timex, object]]) -> TimeSpan | None:
    """"En mai, X a déposé sa candidature, trois mois après l'invasion": an
    event noun placed N units before / after the dated clause it hangs in is
    that date moved back / forward by N units."""
    before = fold(sent.doc.text[sent.start_char:trigger.idx])
    hit = OFFSET_BEFORE.search(before)
    dated = [t for t, _ in found if t.span.start and not t.span.open_ended]
    if hit is None or len(dated) != 1:
        return None
    count = NUMBER_WORDS.get(hit.group(1)) or (int(hit.group(1)) if hit.group(1).isdigit() else 0)
    unit = UNIT_WORDS[hit.group(2).rstrip("s")]
    base = dated[0].span.start or ""
    if not count or (unit in ("day", "week") and len(base) < 10):
        return None
    sign = -1 if hit.group(3) == "apres" else 1
    return _moved(base, unit, sign * count, hit.group(0))
