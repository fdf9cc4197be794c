"""Date and status of events (veille.events_dates, veille.events_status): relative expressions read
against the story, modal and tense cues. Sentences are our own."""

from __future__ import annotations

import pytest
from test_predicates import events_of

NAMES = {
    "Russie": "country:RU", "Chine": "country:CN", "Japon": "country:JP", "France": "country:FR",
    "Inde": "country:IN", "Ukraine": "country:UA", "Allemagne": "country:DE",
    "Poutine": "person:vladimir-putin", "Macron": "person:emmanuel-macron",
    "Lula": "person:luiz-inacio-lula-da-silva", "OCS": "org:SCO",
    "Astana": ("place:astana", "place"),
}
FRIDAY = "2024-07-05"


def run(nlp, text: str, date: str = FRIDAY, precision: str = "day"):
    return events_of(nlp, text, NAMES, date, precision)


def of_type(events, type_: str):
    found = [e for e in events if e.type == type_]
    assert found, [(e.type, e.participants) for e in events]
    return found


@pytest.mark.parametrize("text, type_, status", [
    ("Le ministre a confirmé que la Chine accueillerait Lula l'an prochain.", "CONSULT", "planned"),
    ("La Chine pourra rencontrer l'Inde une fois la crise réglée.", "CONSULT", "hypothetical"),
    ("Le Japon n'a pas encore condamné la Russie.", "PROTEST", "negated"),
    ("La France a créé un groupe de travail afin de rencontrer la Chine.", "CONSULT", "planned"),
    ("La prochaine rencontre entre la Chine et l'Inde devrait se tenir à Astana.", "CONSULT",
     "expected"),
])
def test_status_from_modal_tense_and_purpose(nlp, text, type_, status):
    assert of_type(run(nlp, text), type_)[0].status == status


@pytest.mark.parametrize("text, type_, start", [
    # a leading participle phrase yields to the main clause's own date
    ("Invitée au forum en mars 2023, la Chine a condamné le Japon fin mai.", "PROTEST", "2024-05"),
    # "dans la foulée": the date of the event told just before, at its precision
    ("En avril, la Chine a rencontré l'Inde à Astana. Dans la foulée, Poutine a menacé le Japon.",
     "THREATEN", "2024-04"),
    # "le matin": the day of the story
    ("Mercredi, la Chine a rencontré l'Inde. Le Japon, qui avait condamné la Russie le matin, "
     "est resté silencieux.", "PROTEST", "2024-07-03"),
    # "deux mois auparavant": counted from the date named just before
    ("Le traité est entré en vigueur en mars 2021. Poutine avait menacé le Japon deux mois "
     "auparavant.", "THREATEN", "2021-01"),
    # "le lendemain": the day after the day named in the previous sentence
    ("Le dernier diplomate a quitté le pays le 12 juin. Le lendemain, la France a condamné la "
     "Russie.", "PROTEST", "2024-06-13"),
    # "trois mois après l'invasion": the clause date moved back
    ("La France a rencontré l'Inde en mai 2022, trois mois après l'invasion de l'Ukraine par la "
     "Russie.", "ASSAULT", "2022-02"),
])
def test_relative_dates_are_read_against_the_story(nlp, text, type_, start):
    event = of_type(run(nlp, text), type_)[0]
    assert event.when is not None and event.when.start.startswith(start), event.when


def test_planned_participle_agreeing_with_the_event_noun(nlp):
    text = "Macron a parlé avant la rencontre des dirigeants de la Chine et de l'Inde prévue à Astana."
    event = of_type(run(nlp, text), "CONSULT")[0]
    assert event.status == "planned"
