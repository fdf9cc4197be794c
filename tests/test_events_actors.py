"""Actors of events named outside the trigger's own phrase (relative pronouns,
counted groups) and the number of events a sentence yields (one meeting per
host met in turn). Sentences are our own; mentions are built from surface strings."""

from __future__ import annotations

import pytest
from test_predicates import events_of  # the shared mention-building helper

RU, CN, JP, FR, DE, IN, PK = ("country:RU", "country:CN", "country:JP", "country:FR",
                              "country:DE", "country:IN", "country:PK")
PUTIN, XI, LULA, MODI, MACRON = (
    "person:vladimir-putin", "person:xi-jinping", "person:luiz-inacio-lula-da-silva",
    "person:narendra-modi", "person:emmanuel-macron")
NAMES = {
    "Russie": RU, "Chine": CN, "Japon": JP, "France": FR, "Allemagne": DE, "Inde": IN,
    "Pakistan": PK, "Poutine": PUTIN, "Xi Jinping": XI, "Lula": LULA, "Modi": MODI,
    "Narendra Modi": MODI, "Macron": MACRON, "OCS": "org:SCO", "BRICS": "org:BRICS",
    "Moscou": ("place:moscow", "place"), "Astana": ("place:astana", "place"),
}


def run(nlp, text):
    return events_of(nlp, text, NAMES, "2024-07-05", "day")


def of_type(events, type_):
    return [e for e in events if e.type == type_]


# ------------------------------------------------------------ relative pronouns

@pytest.mark.parametrize("text, type_, wanted", [
    # "que": the phrase before it is the object of the relative clause
    ("En Inde, Macron a longuement attendu le Premier ministre, Narendra Modi, "
     "qu'il a finalement rencontré lundi.", "CONSULT", {MACRON, MODI}),
    # a preposition fused into the pronoun: "auxquels" = "à" + the BRICS
    ("Le Pakistan se tourne aussi vers les BRICS, auxquels il a demandé à adhérer "
     "en mars.", "REQUEST", {PK, "org:BRICS"}),
])
def test_events_relative_pronoun_stands_for_phrase_before(nlp, text, type_, wanted):
    found = of_type(run(nlp, text), type_)
    assert any(wanted <= set(e.participants) for e in found), \
        [(e.type, e.participants) for e in found]


def test_events_relative_que_is_the_target(nlp):
    events = of_type(run(nlp, "Le président chinois a salué le Japon, que la Russie a "
                               "pourtant sanctionné mardi."), "SANCTION")
    assert len(events) == 1
    assert events[0].source == [RU] and events[0].target == [JP]


def test_events_relative_dont_owner_of_subject(nlp):
    """"la Chine, dont le gouvernement a condamné X": China acts."""
    events = of_type(run(nlp, "Le texte a suscité la colère de la Chine, dont le "
                              "gouvernement a condamné le Japon mardi."), "PROTEST")
    assert len(events) == 1
    assert CN in events[0].source and JP in events[0].target


def test_events_relative_dont_members_leave_the_organisation(nlp):
    """"l'OCS, dont les deux pays ont annoncé leur retrait": the organisation
    is what they leave, not one of those leaving."""
    events = of_type(run(nlp, "À Astana, l'Inde et le Pakistan ont critiqué l'OCS, dont "
                              "les deux pays ont annoncé leur retrait mardi."), "RETREAT")
    assert len(events) == 1
    assert "org:SCO" in events[0].target and "org:SCO" not in events[0].source
    assert {IN, PK} <= set(events[0].participants)


def test_events_qui_and_conjunction_que_are_not_relatives_of_objects(nlp):
    """A "que" that introduces a clause ("a affirmé que") names nobody."""
    events = run(nlp, "Poutine a affirmé que la Chine avait rencontré le Japon mardi.")
    assert all(PUTIN not in e.participants for e in of_type(events, "CONSULT"))


# ------------------------------------------------------------ counted groups

def test_events_counted_group_takes_persons_of_its_own_sentence(nlp):
    """"les deux dirigeants" after two persons named in the same sentence are
    those two, not the pair of the previous event."""
    text = ("Lula et Modi se sont rencontrés lundi à Astana. "
            "Mardi, Poutine a reçu Xi Jinping à Moscou, où les deux dirigeants ont signé "
            "un accord gazier.")
    agree = of_type(run(nlp, text), "AGREE")
    assert len(agree) == 1
    assert {PUTIN, XI} <= set(agree[0].participants)
    assert not {LULA, MODI} & set(agree[0].participants)


# ------------------------------------------------------------ one meeting per host

@pytest.mark.parametrize("text, hosts", [
    ("En Inde, Macron a été reçu par Modi, puis par Lula.", [MODI, LULA]),
    ("À Moscou, Macron a été reçu par Poutine, puis par Xi Jinping et Lula.",
     [PUTIN, XI, LULA]),
])
def test_events_received_in_turn_is_one_meeting_per_host(nlp, text, hosts):
    consults = of_type(run(nlp, text), "CONSULT")
    assert len(consults) == len(hosts), [e.participants for e in consults]
    for host in hosts:
        assert any({MACRON, host} <= set(e.participants) for e in consults)
    assert all(len([p for p in e.participants if p.startswith("person:")]) == 2
               for e in consults)


def test_events_received_by_one_host_stays_one_meeting(nlp):
    consults = of_type(run(nlp, "À Moscou, Macron a été reçu par Poutine lundi."), "CONSULT")
    assert len(consults) == 1
    assert {MACRON, PUTIN} <= set(consults[0].participants)


# ------------------------------------------------------------ pronoun subjects

def test_events_pronoun_takes_the_phrase_opening_the_previous_sentence(nlp):
    """"Il" after a sentence opened by a person (with a relative clause in
    between) is that person, not someone named earlier."""
    text = ("Lundi, Modi a salué la Chine. Le président russe, qui réclamait depuis "
            "longtemps une trêve, s'est dit satisfait. Il a ensuite menacé le Japon de "
            "représailles.")
    names = {**NAMES, "président russe": (PUTIN, "title")}
    threats = of_type(events_of(nlp, text, names, "2024-07-05", "day"), "THREATEN")
    assert len(threats) == 1
    assert threats[0].source == [PUTIN] and threats[0].target == [JP]
