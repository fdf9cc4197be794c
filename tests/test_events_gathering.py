"""Summits, gatherings, visits to them and membership told with a gathering verb
(``veille.events_gathering``, ``veille.events_merge``). A summit of many states
is one CONSULT whose actors are the participants the article names. Sentences
are our own; mentions are built from surface strings."""

from __future__ import annotations

import pytest
from test_predicates import events_of  # the shared mention-building helper

SCO, RU, CN, IN, KZ = "org:SCO", "country:RU", "country:CN", "country:IN", "country:KZ"
PUTIN, XI, MODI = "person:vladimir-putin", "person:xi-jinping", "person:narendra-modi"
NAMES = {
    "OCS": SCO, "Russie": RU, "Chine": CN, "Inde": IN, "Kazakhstan": KZ,
    "Poutine": PUTIN, "Vladimir Poutine": PUTIN, "Xi Jinping": XI, "Modi": MODI,
    "Narendra Modi": MODI, "Astana": ("place:astana", "place"),
    "Pékin": ("place:beijing", "place"),
}


def consults(text: str, nlp):
    return [e for e in events_of(nlp, text, NAMES, "2024-07-05", "day") if e.type == "CONSULT"]


def show(events):
    return [(e.participants, e.status, e.when.start if e.when else None) for e in events]


@pytest.mark.parametrize("text", [
    # a summit noun with no actor of its own, participants named after it
    "Les statuts de l'OCS ont été modifiés jeudi lors du sommet réuni à Astana. "
    "Vladimir Poutine et Xi Jinping ont salué une étape historique.",
    # a host receiving a counted group of leaders, no summit noun at all
    "L'OCS traverse une période faste. Le Kazakhstan accueille depuis mercredi une "
    "trentaine de chefs d'État et de gouvernement. Poutine a défendu la souveraineté "
    "des nations, et Xi Jinping a plaidé pour le commerce.",
    # leaders met, told by a leading participle with no named actor
    "Réunis jeudi à Astana, les dirigeants étrangers ont approuvé la feuille de route "
    "de l'OCS. Poutine a vanté l'unité du groupe, Xi Jinping son ouverture.",
])
def test_gathering_takes_topic_org_and_named_people(nlp, text):
    found = consults(text, nlp)
    assert any({SCO, PUTIN, XI} <= set(e.participants) for e in found), show(found)


def test_gathering_opening_in_the_days_after_the_article(nlp):
    """"où s'ouvre dimanche le sommet": told before it opens, still the article's own."""
    text = ("Xi Jinping est arrivé jeudi à Astana, où s'ouvre dimanche le sommet de l'OCS. "
            "Poutine est lui aussi attendu dans la capitale kazakhe.")
    found = consults(text, nlp)
    summit = [e for e in found if SCO in e.participants and XI in e.participants
              and PUTIN in e.participants]
    assert summit and summit[0].when.start == "2024-07-07", show(found)


def test_absent_leader_is_negated_and_not_a_participant(nlp):
    text = ("Le sommet de l'OCS s'est ouvert jeudi à Astana en présence de Xi Jinping. "
            "Narendra Modi n'a pas fait le déplacement.")
    found = consults(text, nlp)
    negated = [e for e in found if e.status == "negated"]
    assert negated and {MODI, SCO} <= set(negated[0].participants), show(found)
    assert all(MODI not in e.participants for e in found if e.status == "reported"), show(found)


@pytest.mark.parametrize("text, held", [
    # a reported trip told apart from the summit: attending it, no visit of its own
    ("Le sommet de l'OCS s'est ouvert jeudi à Astana. Xi Jinping effectue à cette "
     "occasion sa première visite au Kazakhstan depuis deux ans.", True),
    # an arrival is a visit of its own, even on the summit's eve
    ("Le sommet de l'OCS s'est ouvert jeudi à Astana. Xi Jinping est arrivé mercredi "
     "à Astana pour une visite d'État.", False),
])
def test_trip_to_the_summit_folds_into_it(nlp, text, held):
    found = consults(text, nlp)
    lone = [e for e in found if XI in e.participants and SCO not in e.participants]
    summit = [e for e in found if SCO in e.participants and XI in e.participants]
    assert bool(summit) and (not lone) == held, show(found)


def test_planned_trip_to_the_summit_takes_its_organisation(nlp):
    text = ("Le sommet de l'OCS s'est ouvert jeudi à Astana. Narendra Modi est attendu "
            "samedi à Astana.")
    found = consults(text, nlp)
    planned = [e for e in found if e.status == "planned" and MODI in e.participants]
    assert planned and SCO in planned[0].participants, show(found)


@pytest.mark.parametrize("text", [
    "L'OCS réunit désormais dix pays : la Chine, la Russie, l'Inde et le Kazakhstan.",
    "Avec l'adhésion du Bélarus, l'OCS rassemble désormais dix États membres.",
])
def test_membership_told_with_gathering_verb_is_no_meeting(nlp, text):
    assert consults(text, nlp) == []


def test_two_summits_a_day_apart_keep_their_own_people(nlp):
    text = ("Le sommet de l'OCS s'est tenu mercredi à Astana. Xi Jinping y a plaidé pour "
            "le commerce. Le lendemain, jeudi, le sommet de la Russie et de l'Inde s'est "
            "tenu à Moscou. Narendra Modi y a défendu ses positions.")
    found = consults(text, nlp)
    first = next((e for e in found if SCO in e.participants), None)
    assert first is not None and XI in first.participants and MODI not in first.participants, \
        show(found)


def test_visit_told_again_without_date_is_one_visit(nlp):
    text = ("Vladimir Poutine est arrivé lundi à Pékin. Il s'agit de sa première visite "
            "en Chine depuis un an.")
    found = consults(text, nlp)
    assert len(found) == 1 and PUTIN in found[0].participants, show(found)


def test_summit_only_framing_a_side_meeting_is_no_event(nlp):
    """"en marge du sommet": the frame of the side meeting, not a told summit."""
    text = ("L'OCS prépare ses travaux. Une rencontre entre Poutine et Modi est prévue en "
            "marge du sommet.")
    found = consults(text, nlp)
    assert len(found) == 1 and {PUTIN, MODI} <= set(found[0].participants), show(found)
