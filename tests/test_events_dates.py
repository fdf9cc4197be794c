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
    ("Selon le traité, la France est censée sanctionner la Russie.", "SANCTION", "hypothetical"),
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


FRAME_NAMES = {**NAMES, "Algérie": "country:DZ", "Emmanuel Macron": "person:emmanuel-macron", "Niger": "country:NE", "Biélorussie": "country:BY",
               "Union européenne": "org:EU", "Brésil": "country:BR"}


STORY = "Les combats ont repris le 30 janvier. "  # a story day before the sentence under test


@pytest.mark.parametrize("text, date, precision, type_, start", [
    # a date opening a cleft sentence dates every event after "que"
    (STORY + "Le 1er février dernier, c'est après l'arrestation de trois fonctionnaires français du "
     "ministère de la Défense travaillant en Algérie qu'Emmanuel Macron a décidé d'expulser dix "
     "agents algériens en poste en France et de rappeler l'ambassadeur de France à Alger.",
     "2025-02-04", "day", "SANCTION", "2025-02-01"),
    # a participle on a circumstance noun dates a clause that has no date of its own
    (STORY + "Dans une déclaration adoptée ce 1er février, Poutine, Macron et Lula ont condamné "
     "l'offensive.", "2025-02-04", "day", "PROTEST", "2025-02-01"),
    (STORY + "Dans un communiqué publié le 1er février, Poutine, Macron et Lula ont condamné "
     "l'offensive.", "2025-02-04", "day", "PROTEST", "2025-02-01"),
    # an event noun hanging on a verb as a circumstance takes the verb's date
    ("L'Inde s'est rendue en mars à Astana à l'invitation de la Chine.", "2024-05", "month",
     "SUPPORT", "2024-03"),
    # "depuis + noun" with a date deep inside: the lasting state starts then
    ("L'Union européenne sanctionne la Biélorussie depuis la répression qui a suivi le scrutin "
     "d'août 2020.", "2024-07-05", "day", "SANCTION", "2020-08"),
    # a participle opening the sentence, tagged as a proper noun because of its capital
    ("Réunis le mardi 2 juillet à Astana, les dirigeants de la Chine et de l'Inde ont signé un "
     "accord.", "2024-07", "month", "AGREE", "2024-07-02"),
])
def test_dates_from_the_frame_of_the_clause(nlp, text, date, precision, type_, start):
    for event in of_type(events_of_frame(nlp, text, date, precision), type_):
        assert event.when is not None and event.when.start.startswith(start), event.when


@pytest.mark.parametrize("text, type_, wrong", [
    # "après + noun + date": the date belongs to the noun's event, not to the clause
    ("La France a suspendu son aide au Niger après le putsch de juillet 2023.", "SANCTION",
     "2023-07"),
    ("Avant le scrutin du 3 mars, la Chine a rencontré l'Inde à Astana.", "CONSULT", "2024-03-03"),
])
def test_date_behind_apres_avant_does_not_date_the_clause(nlp, text, type_, wrong):
    event = of_type(events_of_frame(nlp, text, FRIDAY, "day"), type_)[0]
    assert event.when is None or not event.when.start.startswith(wrong), event.when


@pytest.mark.parametrize("text, date, precision, start", [
    # in an article dated by its month, a passé composé event takes the day told just before
    ("Le 10 juillet, la Chine a condamné le Japon. L'annonce a suivi une rencontre entre "
     "Poutine et Lula.", "2024-07", "month", "2024-07-10"),
    # but not a day of another month
    ("Le 10 juin, la Chine a condamné le Japon. L'annonce a suivi une rencontre entre "
     "Poutine et Lula.", "2024-07", "month", "2024-07"),
])
def test_story_day_in_an_article_dated_by_month(nlp, text, date, precision, start):
    event = of_type(events_of_frame(nlp, text, date, precision), "CONSULT")[0]
    assert event.when is not None and event.when.start == start, event.when


def events_of_frame(nlp, text: str, date: str, precision: str):
    return events_of(nlp, text, FRAME_NAMES, date, precision)


@pytest.mark.parametrize("text, type_, status, start", [
    # a decision announced for later: the announcement is the event, dated by its own clause
    ("La Russie a fait savoir mercredi qu'elle quitterait l'OCS à compter du 1er septembre.",
     "RETREAT", "reported", "2024-07-03"),
    ("La Russie a annoncé mardi qu'elle se retirerait de l'OCS le 1er octobre.", "RETREAT",
     "reported", "2024-07-02"),
    ("La Chine a annoncé mercredi qu'elle accorderait une aide à l'Inde.", "AID", "reported",
     "2024-07-03"),
    # no announcing verb governs the exit: still a plan, dated when it takes effect
    ("L'Inde va quitter l'OCS en octobre prochain, a annoncé mardi Poutine.", "RETREAT",
     "planned", "2024-10"),
    # an intention told, not a decision
    ("La Russie a annoncé qu'elle envisageait de quitter l'OCS.", "RETREAT", "planned", None),
])
def test_decision_announced_for_later_is_reported_on_the_announcement_day(nlp, text, type_,
                                                                         status, start):
    event = of_type(run(nlp, text), type_)[0]
    assert event.status == status
    if start is None:
        assert event.when is None, event.when
    else:
        assert event.when is not None and event.when.start == start, event.when


def test_meeting_announced_for_later_stays_planned(nlp):
    text = "Le ministre a annoncé lundi que la Chine accueillerait Lula en octobre."
    assert of_type(run(nlp, text), "CONSULT")[0].status == "planned"


@pytest.mark.parametrize("text, date, precision, type_, start", [
    # the date of a summit the clause happens during ("lors de", "pendant") dates the clause
    ("La candidature de l'Inde avait été approuvée lors d'un sommet de l'OCS en 2019, à Astana.",
     FRIDAY, "day", "SUPPORT", "2019"),
    # the date of a goal ("pour les élections du 4 juin") is not the date of the visit
    ("Poutine est venu en Inde pour les élections du 4 juin.", FRIDAY, "day", "CONSULT",
     FRIDAY),
    # an imparfait in an article dated by month takes the story day; the date inside a
    # relative clause on another noun is that clause's own
    ("Le 6 juillet, la Chine a rencontré l'Inde à Astana. Poutine, qui recevait Lula, a décrit "
     "le traité comme une rupture avec l'OCS, dont deux États ont annoncé leur départ en mars.",
     "2024-07", "month", "CONSULT", "2024-07-06"),
])
def test_dates_from_circumstances_goals_and_relatives(nlp, text, date, precision, type_, start):
    events = [e for e in of_type(run(nlp, text, date, precision), type_)
              if "person:vladimir-putin" in e.participants or type_ != "CONSULT"]
    assert events
    assert events[-1].when is not None and events[-1].when.start == start, events[-1].when
