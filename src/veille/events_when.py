"""The date of one event from its trigger's clause (see ``events_dates`` for
the article-wide machinery: timexes per sentence, the story day, narration)."""

from __future__ import annotations

from .events_dates import DEADLINE, Dates, by_deadline, pick_timex
from .events_lexicon import fold
from .events_roles import governing_verb
from .events_status import background_past, clause_tense, speaks_of_now, told_in_past
from .model import TimeSpan

FIRST_WORDS = frozenset({"premier", "premiere"})


def when_of(tok, pos: str, etype: str, sent, clause_verb, status: str, dates: Dates,
            stop: set[int]) -> tuple[TimeSpan | None, TimeSpan | None]:
    """(date, fallback): the timex attached to the trigger's clause (or the
    article date for a present or passé composé event); when there is none,
    a fallback used after merging: the only timex of the sentence that no
    other trigger claims, else the article date for a reported event that is
    not a background past (plus-que-parfait, passé simple)."""
    speaker = dates.announcing(clause_verb, etype) if status == "reported" else None
    if speaker is not None:  # "a fait savoir lundi qu'il quitterait X le 1er janvier": lundi
        stop, tok, clause_verb = stop | {tok.i}, speaker, speaker
    tense_verb = clause_verb if clause_verb is not None else governing_verb(tok)[0]
    tense = "future" if status in ("planned", "expected") else clause_tense(tense_verb)
    found = dates.timexes(sent, tense)
    if status == "reported":  # "se sont engagés à ... d'ici 2035": a deadline, not the date
        found = [(t, h) for t, h in found if not DEADLINE.match(fold(t.text))]
        if any(fold(c.lemma_) in FIRST_WORDS for c in tok.children):
            # "la première visite depuis 2018": the span before, not the date
            found = [(t, h) for t, h in found if not fold(t.text).startswith("depuis")]
    shifted = dates.offset(tok, sent, found) if pos == "NOUN" else None
    if shifted is not None:  # "trois mois après l'invasion"
        return shifted, None
    found = dates.own(found, tok)  # "après le coup d'État de juillet": the coup's date
    anchors = [tok]
    if clause_verb is not None:
        anchors += [clause_verb] + [a for a in clause_verb.ancestors][:3]
    else:  # "a rejoint le groupe en mai à l'invitation de X"
        anchors += dates.circumstance(tok)
    blocked = stop - {tok.i}
    tx = pick_timex(found, anchors, blocked) if found else None
    if tx is not None:
        span = dates.resolve(tx, found, sent)
        if span is not None and DEADLINE.match(fold(tx.text)) and span.end:
            span = by_deadline(span)  # "auront quitté le pays d'ici le 22 décembre"
        if span is not None:
            return span, None
    if clause_verb is not None:  # "Réunis vendredi à X, ils ont signé": the participle's date
        lead = dates.leads(clause_verb, blocked)
        tx = pick_timex(found, lead, set()) if lead and found else None
        span = dates.resolve(tx, found, sent) if tx is not None else None
        if span is not None:
            return span, None
    lasting = status == "reported" and tense != "future" and not (
        clause_verb is not None and told_in_past(clause_verb))
    framed = dates.framed(tok, sent, found, anchors, lasting) if found else None
    if framed is not None:  # "depuis l'élection de 2020", "Dans un texte adopté mardi, ..."
        return framed, None
    told = dates.narrative(sent) if status == "reported" and not found else None
    if told is not None:  # "le même jour", "trois jours plus tôt"
        return told, None
    if status == "reported" and clause_verb is not None and speaks_of_now(clause_verb):
        story = dates.story_day() if told_in_past(clause_verb) else None
        return story or dates.article_day(), None
    others = [tok.doc[i] for i in blocked]
    unclaimed = dates.unclaimed(found, tok, others, tx)
    if len(unclaimed) == 1:
        return None, dates.resolve(unclaimed[0][0], found, sent)
    if status == "reported" and not background_past(clause_verb):
        story = dates.story_fallback(tense_verb)  # a day beats the month alone
        return None, story or dates.article_day()
    return None, None
