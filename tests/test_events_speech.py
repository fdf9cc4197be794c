"""Events told through speech and opinion (veille.events_speech): accusations
made by a reported wrong, by a blaming opinion, complaints aimed at the
article's organisation, and denials answering a claim. Sentences are our own."""

from __future__ import annotations

import pytest
from test_predicates import events_of

UA, RU, DZ, ML, AM, AZ, CN, US, IR, IL, NE, RS = (
    "country:UA", "country:RU", "country:DZ", "country:ML", "country:AM", "country:AZ",
    "country:CN", "country:US", "country:IR", "country:IL", "country:NE", "country:RS")
ZELENSKY = "person:volodymyr-zelenskyy"
NAMES = {
    "Kiev": (UA, "capital"), "Moscou": (RU, "capital"), "Russie": RU, "Alger": (DZ, "capital"),
    "Bamako": (ML, "capital"), "Erevan": (AM, "capital"), "Bakou": (AZ, "capital"),
    "Chine": CN, "Pékin": (CN, "capital"), "Washington": (US, "capital"), "Iran": IR,
    "Israël": IL, "Niger": NE, "Serbie": RS, "Zelensky": ZELENSKY, "OTAN": "org:NATO",
    "CEDEAO": "org:ECOWAS", "Alliance atlantique": "org:NATO",
}


def accusations(nlp, text):
    return [(e.source, e.target) for e in events_of(nlp, text, NAMES) if e.type == "ACCUSE"]


@pytest.mark.parametrize("text, source, target", [
    ("Kiev affirme que Moscou a violé le cessez-le-feu.", [UA], [RU]),
    ("Alger estime que Bamako a violé son espace aérien.", [DZ], [ML]),
    ("Erevan estime que Bakou s'ingère dans ses affaires intérieures.", [AM], [AZ]),
    ("La Russie estime que l'OTAN n'a pas respecté ses engagements.", [RU], ["org:NATO"]),
    ("Le Niger affirme que la CEDEAO n'a pas apporté d'aide à ses voisins.", [NE], ["org:ECOWAS"]),
    ("Zelensky a jugé inacceptable que la Russie ait rejeté la proposition.", [ZELENSKY], [RU]),
])
def test_speech_reported_wrong_is_an_accusation_of_its_subject(nlp, text, source, target):
    assert (source, target) in accusations(nlp, text)


@pytest.mark.parametrize("text", [
    "La Russie estime que l'OTAN respecte ses engagements.",  # no negation: no wrong
    "Kiev affirme que Moscou a signé le cessez-le-feu.",  # no wrong told
    "Zelensky a jugé absurde que son pays n'ait pas de calendrier.",  # own side, no topic
])
def test_speech_no_accusation_without_a_wrong_or_someone_to_blame(nlp, text):
    assert accusations(nlp, text) == []


@pytest.mark.parametrize("text, denier, claimant", [
    ("Washington accuse la Chine de livrer des drones à Moscou, ce que Pékin dément.", CN, US),
    ("Kiev accuse Moscou d'avoir bombardé un hôpital, ce que la Russie nie.", RU, UA),
    ("Kiev accuse Moscou d'avoir bombardé un hôpital. La Russie a démenti.", RU, UA),
    ("L'Iran a démenti les accusations d'Israël.", IR, IL),
])
def test_speech_denial_targets_the_claimant(nlp, text, denier, claimant):
    rejects = [e for e in events_of(nlp, text, NAMES) if e.type == "REJECT"]
    assert [(e.source, e.target) for e in rejects] == [([denier], [claimant])]


def test_speech_denial_without_a_claim_stays_one_sided(nlp):
    events = events_of(nlp, "La Chine dément.", NAMES)
    assert not [e for e in events if e.type == "REJECT"]


TOPIC = ("L'Alliance atlantique tient son sommet à Vilnius. L'OTAN a invité l'Ukraine. "
         "L'OTAN discute de la défense aérienne. ")


@pytest.mark.parametrize("text, source", [
    (TOPIC + "Zelensky a dénoncé l'absence de calendrier.", ZELENSKY),
    (TOPIC + "Zelensky a jugé absurde que son pays n'ait pas de calendrier.", ZELENSKY),
])
def test_speech_implicit_complaint_aims_at_the_topic_organisation(nlp, text, source):
    events = events_of(nlp, text, NAMES)
    found = [e for e in events if e.type == "ACCUSE"]
    assert found and found[-1].source == [source] and found[-1].target == ["org:NATO"]


def test_speech_complaint_with_a_named_target_keeps_it(nlp):
    events = events_of(nlp, TOPIC + "Zelensky a dénoncé l'absence de soutien de la Serbie.", NAMES)
    assert all(e.target != ["org:NATO"] for e in events if e.type == "ACCUSE")
