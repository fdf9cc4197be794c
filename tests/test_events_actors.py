"""Actors of events named outside the trigger's own phrase (relative pronouns,
counted groups) and the number of events a sentence yields (one meeting per
host met in turn). Sentences are our own; mentions are built from surface strings."""

from __future__ import annotations

import pytest
from test_events import CN, DE, FR, IN, JP, LULA, MACRON, MODI, PK, PUTIN, RU, XI
from test_predicates import events_of  # the shared mention-building helper

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


# ------------------------------------------------------------ lists after a colon

IT, BR, GB = "country:IT", "country:BR", "country:GB"
SCHOLZ = "person:olaf-scholz"
LIST_NAMES = {**NAMES, "Olaf Scholz": SCHOLZ, "Italie": IT, "Brésil": BR, "Royaume-Uni": GB}


def run_paragraphs(extractor, text, names=LIST_NAMES):
    """With veille's own pipeline: a line break starts a sentence there."""
    from test_predicates import article_for, mentions_for

    from veille.events import extract_events
    doc = extractor.nlp(text)
    return extract_events(doc, mentions_for(doc, names), article_for(text, "2024-07-05", "day"))


@pytest.mark.parametrize("text, subject, listed", [
    ("Mardi, Macron s'est entretenu par téléphone avec plusieurs dirigeants :\n\n"
     "• Le chancelier, Olaf Scholz.\n\n• Le président brésilien, Lula.\n\n"
     "• Le Premier ministre, Narendra Modi.\n\nIl rentre ce soir à Paris.",
     MACRON, [SCHOLZ, LULA, MODI]),
    ("Lundi, Xi Jinping a rencontré tour à tour :\n- Lula ;\n- Poutine.",
     XI, [LULA, PUTIN]),
])
def test_events_colon_list_gives_one_event_per_line(extractor, text, subject, listed):
    consults = of_type(run_paragraphs(extractor, text), "CONSULT")
    assert len(consults) == len(listed), [e.participants for e in consults]
    for person in listed:
        assert any({subject, person} <= set(e.participants) for e in consults)
    assert all(e.when is not None and e.when.start == "2024-07-01" or e.when.start == "2024-07-02"
               for e in consults)


def test_events_colon_list_ends_at_a_line_with_a_verb(extractor):
    """A line that tells something of its own closes the list."""
    text = ("Mardi, Macron s'est entretenu par téléphone avec plusieurs dirigeants :\n\n"
            "• Le président brésilien, Lula.\n\n"
            "Poutine a par ailleurs salué le Japon.\n\n• Xi Jinping.")
    consults = of_type(run_paragraphs(extractor, text), "CONSULT")
    assert [set(e.participants) & {MACRON, LULA, XI} for e in consults] == [{MACRON, LULA}]


def test_events_sentence_without_colon_opens_no_list(extractor):
    text = ("Mardi, Macron s'est entretenu par téléphone avec plusieurs dirigeants.\n\n"
            "Le président brésilien, Lula.")
    assert not of_type(run_paragraphs(extractor, text), "CONSULT")


# ------------------------------------------------------------ a second stop

@pytest.mark.parametrize("second", [
    "Enfin, il est retourné en Inde, où il a rencontré Modi jeudi soir.",
    "Il a de nouveau rencontré Modi en fin de semaine.",
])
def test_events_return_visit_is_a_second_meeting(nlp, second):
    text = "Lundi, Macron a rencontré Modi en Inde. Il s'est ensuite rendu au Pakistan. " + second
    names = {**NAMES, "Pakistan": PK}
    consults = [e for e in of_type(events_of(nlp, text, names, "2024-07", "month"), "CONSULT")
                if {MACRON, MODI} <= set(e.participants)]
    assert len(consults) == 2, [(e.trigger, e.sentence) for e in consults]


def test_events_same_meeting_told_twice_stays_one(nlp):
    text = ("Lundi, Macron a rencontré Modi en Inde. "
            "Macron a rencontré Modi pour parler du commerce.")
    consults = [e for e in of_type(events_of(nlp, text, NAMES, "2024-07", "month"), "CONSULT")
                if {MACRON, MODI} <= set(e.participants)]
    assert len(consults) == 1


def test_events_meetings_at_two_places_stay_two(nlp):
    text = "Macron a rencontré Modi à Moscou. Plus tard, Macron a rencontré Modi à Astana."
    consults = [e for e in of_type(events_of(nlp, text, NAMES, "2024-07", "month"), "CONSULT")
                if {MACRON, MODI} <= set(e.participants)]
    assert sorted(e.where for e in consults) == ["place:astana", "place:moscow"]


@pytest.mark.parametrize("text", [
    "Enfin, Macron est retourné en Inde, où il a rencontré Modi et les ministres, "
    "puis le président Lula.",
    "Macron est revenu en Inde, ou il a rencontré Modi, et les ministres, puis le président Lula.",
])
def test_events_noun_conjoined_to_the_first_verb_is_met_too(nlp, text):
    """"il est arrivé en X, a rencontré A, puis le président B": the parse
    hangs B on the first verb; B is met as well."""
    consults = of_type(run(nlp, text), "CONSULT")
    assert any({MACRON, LULA} <= set(e.participants) for e in consults), \
        [e.participants for e in consults]


# ------------------------------------------------------------ members the article lists

MEMBER_NAMES = {**NAMES, "Italie": IT, "Brésil": BR, "Royaume-Uni": GB,
                "Tachkent": ("place:tashkent", "place")}


@pytest.mark.parametrize("opening", [
    "Réunis mardi à Tachkent, les dirigeants des pays membres de l'OCS ont signé un accord.",
    "Mardi, les chefs d'État de l'OCS se sont réunis à Tachkent.",
])
def test_events_members_side_takes_the_members_the_article_lists(nlp, opening):
    text = opening + " L'OCS compte quatre membres : la Chine, la Russie, l'Inde et le Pakistan."
    found = [e for e in run(nlp, text) if "org:SCO" in e.participants]
    assert found
    assert {CN, RU, IN, PK} <= set(found[0].participants)


def test_events_organisation_alone_without_a_member_list(nlp):
    text = "Mardi, les chefs d'État de l'OCS se sont réunis à Tachkent avec la Chine."
    names = {**MEMBER_NAMES}
    found = [e for e in events_of(nlp, text, names, "2024-07-05") if "org:SCO" in e.participants]
    assert found and not {RU, IN, PK} & set(found[0].participants)


def test_events_organisation_named_for_itself_is_not_expanded(nlp):
    """"l'OCS a condamné" is the organisation, not its members."""
    text = ("Mardi, l'OCS a condamné le Japon. L'OCS compte quatre membres : la Chine, "
            "la Russie, l'Inde et le Pakistan.")
    found = of_type(run(nlp, text), "PROTEST")
    assert found and not {CN, RU, IN, PK} & set(found[0].participants)


# ------------------------------------------------------------ announcers of a decision

LAVROV = "person:sergey-lavrov"
DECISION_NAMES = {**NAMES, "Sergueï Lavrov": LAVROV}


@pytest.mark.parametrize("second", [
    "Le chef de la diplomatie, Sergueï Lavrov, a annoncé cette décision mardi.",
    "L'annonce a été faite mardi à Moscou par Sergueï Lavrov.",
])
def test_events_announcer_of_a_decision_joins_it(nlp, second):
    text = "La Russie quittera l'OCS le 1er janvier. " + second
    retreats = of_type(events_of(nlp, text, DECISION_NAMES), "RETREAT")
    assert len(retreats) == 1
    assert {RU, "org:SCO", LAVROV} <= set(retreats[0].participants)


@pytest.mark.parametrize("second", [
    "Modi a salué cette décision mardi.",  # no office of the state that decides
    "Sergueï Lavrov a évoqué la décision de la Chine sur le commerce.",  # a decision of its own
])
def test_events_other_persons_do_not_join_a_decision(nlp, second):
    text = "La Russie quittera l'OCS le 1er janvier. " + second
    retreats = of_type(events_of(nlp, text, DECISION_NAMES), "RETREAT")
    assert len(retreats) == 1
    assert not {MODI, LAVROV} & set(retreats[0].participants)


# ------------------------------------------------------------ round 3: roles around the trigger

RS, HR, XK, GE, AM, AZ, TR, SE, EU = (
    "country:RS", "country:HR", "country:XK", "country:GE", "country:AM", "country:AZ",
    "country:TR", "country:SE", "org:EUROPEAN_UNION")
MORE = {**NAMES, "Serbie": RS, "Croatie": HR, "Kosovo": XK, "Géorgie": GE, "Arménie": AM,
        "Azerbaïdjan": AZ, "Turquie": TR, "Suède": SE, "Union européenne": EU,
        "Belgrade": (RS, "capital"), "Conseil de sécurité": "org:UNSC", "Kremlin": (RU, "seat"),
        "Moscou": (RU, "capital"),
        "russe": (RU, "adjective"), "serbes": (RS, "adjective")}


def run_more(nlp, text):
    return events_of(nlp, text, MORE, "2024-07-05", "day")


@pytest.mark.parametrize("text, type_, source, target", [
    ("Le Kremlin a activement soutenu la candidature de la Serbie mardi.", "SUPPORT", RU, RS),
    ("La demande de la Suède a été bloquée par la Turquie en janvier.", "REJECT", TR, SE),
    ("La candidature de la Serbie a été approuvée par l'Union européenne.", "SUPPORT", EU, RS),
])
def test_events_step_under_support_verb_is_its_target(nlp, text, type_, source, target):
    """The candidate of a step that a verb supports or blocks is that verb's
    target, and the step itself is no second event."""
    events = run_more(nlp, text)
    found = of_type(events, type_)
    assert len(found) == 1 and source in found[0].source and target in found[0].target
    assert not of_type(events, "REQUEST"), [(e.type, e.trigger) for e in events]


def test_events_step_told_by_its_own_participle_stays(nlp):
    events = run_more(nlp, "La Turquie bloquait la candidature de la Suède, déposée en mai "
                           "2022, depuis un an.")
    assert any(SE in e.target for e in of_type(events, "REJECT"))
    assert [e.source for e in of_type(events, "REQUEST")] == [[SE]]


@pytest.mark.parametrize("second", [
    "Le Kremlin a aussitôt soutenu la candidature de son allié.",
    "Moscou a salué l'entrée de la première puissance de la région.",
])
def test_events_described_state_is_the_state_the_article_speaks_of(nlp, second):
    text = ("La Serbie a déposé mardi sa demande d'adhésion à l'OCS. Belgrade espère "
            "une réponse rapide. " + second)
    found = [e for e in run_more(nlp, text) if e.type == "SUPPORT" and RU in e.source]
    assert found and RS in found[0].target, [(e.type, e.source, e.target) for e in found]


def test_events_described_state_needs_a_topic(nlp):
    """With no state named twice before, a description stays unresolved."""
    events = run_more(nlp, "Le Kremlin a soutenu la candidature de son allié mardi.")
    assert all(RS not in e.participants for e in events)


@pytest.mark.parametrize("text", [
    "La Géorgie, qui a subi une invasion russe en 2008, reste candidate.",
    "Le Kosovo, victime d'attaques serbes, a réclamé une aide internationale.",
    "Le Kosovo a été la cible de frappes serbes.",
])
def test_events_who_undergoes_an_event_noun_is_its_target(nlp, text):
    found = of_type(run_more(nlp, text), "ASSAULT")
    assert len(found) == 1 and found[0].source in ([RU], [RS])
    assert found[0].target and found[0].target[0] in (GE, XK)


@pytest.mark.parametrize("text, first, second, type_", [
    ("La Serbie a décrété la mobilisation générale et la Croatie une mobilisation partielle.",
     RS, HR, "MOBILIZE"),
    ("L'Union européenne a adopté de nouvelles sanctions, et la Turquie un embargo sur "
     "le pétrole.", EU, TR, "SANCTION"),
])
def test_events_clause_without_verb_has_its_own_subject(nlp, text, first, second, type_):
    found = of_type(run_more(nlp, text), type_)
    assert sorted(e.source[0] for e in found) == sorted([first, second])
    assert all(second not in e.target for e in found)


def test_events_gapping_needs_a_bare_noun_after_the_conjunct(nlp):
    """"condamné la Serbie et la Croatie mardi": two objects, one event."""
    found = of_type(run_more(nlp, "Moscou a condamné la Serbie et la Croatie mardi."), "PROTEST")
    assert len(found) == 1 and {RS, HR} <= set(found[0].target)


@pytest.mark.parametrize("text, meets", [
    ("Le Conseil de sécurité, réuni d'urgence dimanche, a exigé un cessez-le-feu.", True),
    ("Le Conseil de sécurité, réuni au niveau ministériel, a exigé un cessez-le-feu.", False),
])
def test_events_participle_on_a_body_tells_its_meeting(nlp, text, meets):
    found = of_type(run_more(nlp, text), "CONSULT")
    assert bool(found) == meets
    assert not found or found[0].participants == ["org:UNSC"]


@pytest.mark.parametrize("reaction, reacts", [
    ("La Russie a aussitôt promis des contre-mesures.", True),
    ("En représailles, la Russie a annoncé des sanctions.", True),
    ("La Russie a promis des contre-mesures.", False),
])
def test_events_reaction_targets_the_actor_reacted_to(nlp, reaction, reacts):
    text = "Mardi, la Suède a ratifié l'adhésion de la Serbie à l'OCS. " + reaction
    found = [e for e in run_more(nlp, text) if RU in e.source]
    assert any(SE in e.target for e in found) == reacts
    assert all(RS not in e.target for e in found)  # the sources reacted to, not their targets


@pytest.mark.parametrize("text, type_, source", [
    ("La Serbie est désormais censée arrêter Poutine.", "COERCE", RS),
    ("La Croatie a été autorisée à quitter l'OCS en mai.", "RETREAT", HR),
])
def test_events_infinitive_of_passive_control_verb_takes_its_subject(nlp, text, type_, source):
    found = of_type(run_more(nlp, text), type_)
    assert found and found[0].source == [source], [(e.type, e.source) for e in found]


def test_events_step_blocked_by_nobody_named_stays_a_request(nlp):
    events = run_more(nlp, "La demande de la Serbie à l'OCS a été bloquée.")
    assert [e.source for e in of_type(events, "REQUEST")] == [[RS]]
