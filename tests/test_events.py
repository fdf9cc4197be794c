"""Event coding (veille.events): triggers, actors and roles, place, date, status,
merging. Sentences are our own; mentions are built from surface strings."""

from __future__ import annotations

import pytest
from test_predicates import events_of  # the shared mention-building helper

RU, CN, JP, FR, DE, IN, PK, UA, KZ = (
    "country:RU", "country:CN", "country:JP", "country:FR", "country:DE", "country:IN",
    "country:PK", "country:UA", "country:KZ")
PUTIN, XI, LULA, MODI, MACRON = (
    "person:vladimir-putin", "person:xi-jinping", "person:luiz-inacio-lula-da-silva",
    "person:narendra-modi", "person:emmanuel-macron")
NAMES = {
    "Russie": RU, "Chine": CN, "Japon": JP, "France": FR, "Allemagne": DE, "Inde": IN,
    "Pakistan": PK, "Ukraine": UA, "Kazakhstan": KZ, "Poutine": PUTIN, "Xi Jinping": XI,
    "Lula": LULA, "Modi": MODI, "Macron": MACRON, "Union européenne": "org:EU",
    "OCS": "org:SCO", "G20": "org:G20", "Genève": ("place:geneva", "place"),
    "Astana": ("place:astana", "place"), "Rio": ("place:rio-de-janeiro", "place"),
    "russes": (RU, "adjective"), "président russe": (PUTIN, "title"),
    "Pékin": (CN, "capital"),
}
FRIDAY = "2024-07-05"  # a Friday: "ce mercredi" is 2024-07-03, "jeudi prochain" 2024-07-11


def only(events, type_):
    found = [e for e in events if e.type == type_]
    assert len(found) == 1, [(e.type, e.participants) for e in events]
    return found[0]


def run(nlp, text, date=FRIDAY, precision="day"):
    return events_of(nlp, text, NAMES, date, precision)


# ------------------------------------------------------------ actors and roles

@pytest.mark.parametrize("text, type_, source, target", [
    ("La Chine a condamné le Japon pour ses essais.", "PROTEST", [CN], [JP]),
    ("Le Japon a été sanctionné par l'Union européenne.", "SANCTION", ["org:EU"], [JP]),
    ("La France livre des obus à l'Ukraine.", "AID", [FR], [UA]),
    ("La Russie a menacé l'Ukraine de représailles.", "THREATEN", [RU], [UA]),
])
def test_events_directed_event_has_source_and_target(nlp, text, type_, source, target):
    event = only(run(nlp, text), type_)
    assert event.source == source
    assert event.target == target
    assert set(event.participants) == set(source + target)


@pytest.mark.parametrize("text, type_, actors", [
    ("Macron a rencontré Lula mardi.", "CONSULT", {MACRON, LULA}),
    ("Poutine et Xi Jinping se sont rencontrés mardi.", "CONSULT", {PUTIN, XI}),
    ("La Chine, l'Inde et le Pakistan ont signé un accord commercial.", "AGREE", {CN, IN, PK}),
    ("La France coopère avec l'Allemagne sur l'hydrogène.", "COOPERATE", {FR, DE}),
])
def test_events_symmetric_event_lists_all_actors_as_participants(nlp, text, type_, actors):
    event = only(run(nlp, text), type_)
    assert set(event.participants) == actors
    assert event.source == [] and event.target == []


@pytest.mark.parametrize("text, type_, source, target", [
    ("Les forces russes ont attaqué l'Ukraine dans la nuit.", "ASSAULT", [RU], [UA]),
    ("L'invasion de l'Ukraine par les troupes russes a commencé à l'aube.", "ASSAULT", [RU], [UA]),
    ("Ils dénoncent les frappes russes contre l'Ukraine.", "ASSAULT", [RU], [UA]),
])
def test_events_adjective_on_force_or_event_noun_is_the_state(nlp, text, type_, source, target):
    event = only(run(nlp, text), type_)
    assert event.source == source
    assert event.target == target


def test_events_adjective_on_a_person_is_never_an_actor(nlp):
    events = run(nlp, "Le ministre russe a critiqué la France.")
    assert all(RU not in e.participants for e in events)


def test_events_event_without_actor_is_dropped(nlp):
    assert run(nlp, "Une réunion a eu lieu hier soir dans la capitale.") == []


def test_events_subject_pronoun_takes_latest_subject(nlp):
    events = run(nlp, "Lula est arrivé lundi. Il a rencontré Modi le lendemain.")
    assert set(only(events, "CONSULT").participants) == {LULA, MODI}


def test_events_the_two_men_are_the_two_persons_of_the_previous_event(nlp):
    text = ("Lula et Modi se sont rencontrés mardi à Genève. "
            "Les deux hommes ont ensuite signé un accord sur l'éthanol.")
    event = only(run(nlp, text), "AGREE")
    assert set(event.participants) == {LULA, MODI}


def test_events_subject_of_control_verb_is_borrowed(nlp):
    event = only(run(nlp, "La France a décidé de rappeler son ambassadeur en Russie."),
                 "SANCTION")
    assert event.source == [FR]
    assert event.mode == "recall"


def test_events_light_verb_gives_subject_to_event_noun(nlp):
    event = only(run(nlp, "L'Union européenne a imposé des sanctions contre la Russie."),
                 "SANCTION")
    assert event.source == ["org:EU"] and event.target == [RU]


# ------------------------------------------------------------ place

@pytest.mark.parametrize("text, where", [
    ("Macron a rencontré Lula mardi à Genève.", "place:geneva"),
    ("Macron a rencontré Lula mardi au Kazakhstan.", KZ),
    ("Macron et Lula se sont rencontrés en Chine.", CN),
])
def test_events_place_introduced_by_preposition_goes_to_where(nlp, text, where):
    event = only(run(nlp, text), "CONSULT")
    assert event.where == where
    if where.startswith("place:"):
        assert where not in event.participants


def test_events_visit_destination_is_place_and_participant(nlp):
    event = only(run(nlp, "Lula s'est rendu en Chine la semaine dernière."), "CONSULT")
    assert event.mode == "visit"
    assert event.where == CN and CN in event.participants


# ------------------------------------------------------------ date

@pytest.mark.parametrize("text, status, start", [
    ("Ce mercredi, Macron a rencontré Lula.", "reported", "2024-07-03"),
    ("Macron doit rencontrer Lula jeudi prochain.", "planned", "2024-07-11"),
    ("Macron a rencontré Lula le 2 mars 2023.", "reported", "2023-03-02"),
])
def test_events_when_is_the_timex_of_the_clause_read_with_its_tense(nlp, text, status, start):
    event = only(run(nlp, text), "CONSULT")
    assert event.status == status
    assert event.when is not None and event.when.start == start


def test_events_present_event_without_date_takes_article_date(nlp):
    event = only(run(nlp, "La Chine condamne le Japon."), "PROTEST")
    assert event.when is not None and event.when.start == FRIDAY


def test_events_month_article_date_gives_month_precision(nlp):
    event = only(run(nlp, "Ce mercredi, Macron a rencontré Lula.", "2024-07", "month"),
                 "CONSULT")
    assert event.when.start == "2024-07" and event.when.precision == "month"


def test_events_background_past_without_date_has_no_date(nlp):
    event = only(run(nlp, "La Russie avait attaqué l'Ukraine sans prévenir."), "ASSAULT")
    assert event.when is None


# ------------------------------------------------------------ status

@pytest.mark.parametrize("text, status", [
    ("Macron a rencontré Lula à Genève.", "reported"),
    ("Macron n'a pas rencontré Lula à Genève.", "negated"),
    ("Macron ne rencontrera jamais Lula.", "negated"),
    ("La Chine a agi sans condamner la Russie.", "negated"),
    ("Macron pourrait rencontrer Lula à Genève.", "hypothetical"),
    ("Si Macron rencontre Lula, le dossier avancera.", "hypothetical"),
    ("Macron devrait rencontrer Lula à Genève.", "expected"),
    ("Macron rencontrera Lula à Genève.", "planned"),
    ("Macron va rencontrer Lula à Genève.", "planned"),
    ("Macron prévoit de rencontrer Lula à Genève.", "planned"),
    ("La rencontre prévue entre Macron et Lula aura lieu à Genève.", "planned"),
    ("Le prochain sommet de l'OCS se tiendra à Astana.", "planned"),
])
def test_events_status_from_negation_mood_tense_and_plan_words(nlp, text, status):
    events = run(nlp, text)
    assert events, text
    assert events[0].status == status


# ------------------------------------------------------------ merging, summits, samples

def test_events_same_meeting_told_twice_is_one_event(nlp):
    text = ("Macron a rencontré Lula mardi à Genève. "
            "Macron et Lula se sont rencontrés mardi pour parler du climat.")
    consult = [e for e in run(nlp, text) if e.type == "CONSULT"]
    assert len(consult) == 1
    assert consult[0].where == "place:geneva"


def test_events_demonstrative_event_noun_adds_to_previous_event(nlp):
    text = ("Le sommet de l'OCS s'est ouvert jeudi à Astana. "
            "Cette réunion, présidée par Poutine, doit durer deux jours.")
    event = only(run(nlp, text), "CONSULT")
    assert {"org:SCO", PUTIN} <= set(event.participants)
    assert event.where == "place:astana"


def test_events_leaders_meeting_at_summit_in_city_is_one_consult(nlp):
    text = ("En marge du sommet du G20 à Rio, Lula et Modi se sont rencontrés "
            "ce mercredi pour évoquer le commerce.")
    event = only(run(nlp, text), "CONSULT")
    assert {LULA, MODI} <= set(event.participants)
    assert event.where == "place:rio-de-janeiro"
    assert event.when.start == "2024-07-03" and event.status == "reported"


def test_events_planned_visit_of_title_holder_is_planned_visit(nlp):
    text = ("Les deux ministres ont aussi évoqué la visite prévue du président russe "
            "en Chine à l'automne.")
    event = only(run(nlp, text), "CONSULT")
    assert event.mode == "visit" and event.status == "planned"
    assert PUTIN in event.participants and event.where == CN


def test_events_phone_conversation_has_call_mode(nlp):
    event = only(run(nlp, "Macron s'est entretenu samedi au téléphone avec Lula."), "CONSULT")
    assert event.mode == "call" and set(event.participants) == {MACRON, LULA}


def test_events_subject_meeting_several_people_gives_one_event_each(nlp):
    events = run(nlp, "À Pékin, Lula a rencontré Xi Jinping et Modi.")
    consult = [e for e in events if e.type == "CONSULT"]
    persons = {frozenset(p for p in e.participants if p.startswith("person:")) for e in consult}
    assert persons == {frozenset({LULA, XI}), frozenset({LULA, MODI})}


def test_events_trigger_offsets_point_into_article_text(nlp):
    text = "La Chine a condamné le Japon."
    event = only(run(nlp, text), "PROTEST")
    assert text[event.start:event.end] == event.trigger == "condamné"
    assert event.sentence == 0


# ------------------------------------------------------------ actors from context

@pytest.mark.parametrize("text, present, absent", [
    # the state of the office is added when the article names that state
    ("Macron a rappelé l'ambassadeur. La France proteste.", FR, None),
    # ... and never brought in when the article does not speak of it
    ("Macron a rappelé l'ambassadeur en poste au Japon.", None, FR),
])
def test_events_person_in_office_acts_for_its_state(nlp, text, present, absent):
    event = only(run(nlp, text), "SANCTION")
    assert MACRON in event.participants
    if present:
        assert present in event.participants
    if absent:
        assert absent not in event.participants


def test_events_country_where_it_happens_is_a_participant(nlp):
    event = only(run(nlp, "La Chine a condamné les violences au Pakistan."), "PROTEST")
    assert event.source == [CN]
    assert PK in event.participants


@pytest.mark.parametrize("text, type_, actors", [
    ("La Chine, l'Inde et le Pakistan ont tenu une réunion. Les trois pays ont signé un accord.",
     "AGREE", {CN, IN, PK}),
    ("L'OCS a ouvert son sommet lundi. Les dirigeants ont adopté une déclaration commune.",
     "AGREE", {"org:SCO"}),
    ("La Chine et l'Inde ont tenu une réunion lundi. Elles ont ensuite signé un accord.",
     "AGREE", {CN, IN}),
])
def test_events_group_subject_takes_actors_from_context(nlp, text, type_, actors):
    event = [e for e in run(nlp, text) if e.type == type_][-1]
    assert actors <= set(event.participants)


def test_events_la_veille_is_the_day_before_the_previous_dated_event(nlp):
    events = run(nlp, "Lula a rencontré Modi mercredi. La veille, Lula a rencontré Xi Jinping.")
    dates = {frozenset(e.participants): e.when.start for e in events if e.type == "CONSULT"}
    assert dates[frozenset({LULA, MODI})] == "2024-07-03"
    assert dates[frozenset({LULA, XI})] == "2024-07-02"


def test_events_leading_participle_gives_its_date_to_the_main_clause(nlp):
    events = run(nlp, "Réunis mercredi à Astana, Lula et Modi ont signé un accord.")
    assert only(events, "AGREE").when.start == "2024-07-03"


def test_events_clause_co_actors_join_a_misparsed_meeting(extractor):
    from veille.reader import make_article

    article = make_article("Vladimir Poutine et son homologue chinois, Xi Jinping, se sont "
                           "entretenus mardi à Moscou.", "2023-03-21", source="test")
    records = extractor.records(article, extractor.nlp(article.text))
    consult = [e for e in records.events if e.type == "CONSULT"]
    assert consult
    assert {"person:vladimir-putin", "person:xi-jinping"} <= set(consult[0].participants)


def test_events_leading_participle_is_a_gathering_of_the_main_subject(nlp):
    events = run(nlp, "Réunis mercredi à Astana, les dirigeants de l'OCS ont adopté un texte.")
    consult = only(events, "CONSULT")
    assert "org:SCO" in consult.participants
    assert consult.when.start == "2024-07-03"


def test_events_host_welcoming_several_guests_is_one_gathering(nlp):
    events = run(nlp, "Xi Jinping a accueilli Lula, Modi et Macron lundi à Pékin.")
    consult = only(events, "CONSULT")
    assert {XI, LULA, MODI, MACRON} <= set(consult.participants)


def test_events_summit_takes_the_office_holders_the_article_names(nlp):
    text = ("Le sommet de l'OCS s'est tenu mercredi à Astana. "
            "Plus tard, Poutine a salué un succès. Modi a évoqué le commerce.")
    consult = next(e for e in run(nlp, text) if e.type == "CONSULT")
    assert {PUTIN, MODI} <= set(consult.participants)


@pytest.mark.parametrize("text, type_", [
    ("L'OCS a tenu son sommet lundi. Le Kazakhstan a présenté sa candidature mardi.", "REQUEST"),
    ("L'OCS a tenu son sommet lundi. La France a demandé à adhérer mardi.", "REQUEST"),
    ("L'OCS a ouvert son sommet. L'OCS annonce que le prochain sommet se tiendra en Inde.",
     "CONSULT"),
])
def test_events_membership_step_takes_the_topic_organisation(nlp, text, type_):
    event = [e for e in run(nlp, text) if e.type == type_][-1]
    assert "org:SCO" in event.participants


def test_events_fighting_verb_under_fighting_noun_is_one_event(nlp):
    events = run(nlp, "De violents combats opposant la Russie à l'Ukraine ont repris lundi.")
    assault = only(events, "ASSAULT")
    assert {RU, UA} <= set(assault.participants)
    assert assault.source == [] and assault.target == []


@pytest.mark.parametrize("text, start", [
    ("Lula a rencontré Modi mercredi. Le même jour, Lula a rencontré Xi Jinping.", "2024-07-03"),
    ("Lula a rencontré Modi mercredi. Deux jours plus tôt, Lula a rencontré Xi Jinping.",
     "2024-07-01"),
])
def test_events_same_day_and_days_apart_count_from_the_previous_dated_event(nlp, text, start):
    events = run(nlp, text)
    dates = {frozenset(e.participants): e.when.start for e in events if e.type == "CONSULT"}
    assert dates[frozenset({LULA, XI})] == start


# ------------------------------------------------------------ story dates, headline, attendance

def test_events_undated_passe_compose_takes_the_day_the_story_is_told_on(nlp):
    text = "Lula a rencontré Modi mercredi à Rio. Ils ont ensuite signé un accord commercial."
    assert only(run(nlp, text), "AGREE").when.start == "2024-07-03"


def test_events_present_tense_keeps_the_article_date(nlp):
    text = "Lula a rencontré Modi mercredi à Rio. La Chine condamne le Japon."
    assert only(run(nlp, text), "PROTEST").when.start == FRIDAY


@pytest.mark.parametrize("text, start", [
    ("Le Premier ministre Modi, invité lundi à Rio, a rencontré le président Lula mercredi.",
     "2024-07-03"),
    ("La veille du sommet, le 3 juillet, Lula a rencontré Modi.", "2024-07-03"),
])
def test_events_timex_of_the_trigger_itself_wins(nlp, text, start):
    assert only(run(nlp, text), "CONSULT").when.start == start


def test_events_deadline_does_not_date_a_reported_commitment(nlp):
    event = only(run(nlp, "Lula et Modi ont signé mercredi un accord valable d'ici 2030."), "AGREE")
    assert event.when.start == "2024-07-03"


def test_events_headline_event_joins_the_same_event_of_the_body(nlp):
    text = "La France quitte l'OCS\nLa France a annoncé mercredi son retrait de l'OCS."
    event = only(run(nlp, text), "RETREAT")
    assert {FR, "org:SCO"} <= set(event.participants)
    assert event.when.start == "2024-07-03"


@pytest.mark.parametrize("text, count", [
    ("Le traité d'adhésion de l'Inde reste en suspens.", 0),
    ("La Russie a ratifié l'adhésion de l'Inde.", 1),
])
def test_events_accession_noun_is_an_event_only_under_a_verb(nlp, text, count):
    assert len([e for e in run(nlp, text) if e.type == "SUPPORT"]) == count


def test_events_attending_a_summit_is_taking_part_in_it(nlp):
    text = "Le sommet de l'OCS s'est ouvert mercredi à Astana. Lula participe aux travaux."
    consult = only(run(nlp, text), "CONSULT")
    assert {"org:SCO", LULA} <= set(consult.participants)


# ------------------------------------------------------------ reported speech and owners

@pytest.mark.parametrize("text, speaker, accused", [
    ("Le Japon a affirmé que la Chine avait bombardé ses navires.", JP, CN),
    ("Selon la France, la Russie a attaqué l'Ukraine mardi.", FR, RU),
])
def test_events_speech_about_hostile_act_is_accusation(nlp, text, speaker, accused):
    accuse = only(run(nlp, text), "ACCUSE")
    assert accuse.source == [speaker] and accused in accuse.target


def test_events_speech_about_friendly_act_is_no_accusation(nlp):
    events = run(nlp, "Le Japon a affirmé que la Chine avait aidé l'Inde.")
    assert "ACCUSE" not in {e.type for e in events}


def test_events_party_below_infinitive_of_accusation_is_target(nlp):
    text = "Le Pakistan et l'Inde continuent d'accuser l'OCS d'être dirigée par la Chine."
    accuse = only(run(nlp, text), "ACCUSE")
    assert CN not in accuse.source and {PK, IN} <= set(accuse.source)


def test_events_possessive_on_event_noun_is_latest_subject(nlp):
    text = "Le Kazakhstan a déposé une demande en 2022. Les membres de l'OCS ont approuvé son adhésion."
    support = only(run(nlp, text), "SUPPORT")
    assert KZ in support.target


@pytest.mark.parametrize("text, type_", [
    ("L'Inde a dénoncé l'accord commercial conclu avec la Chine.", "REJECT"),
    ("L'Inde a dénoncé la Chine devant l'ONU.", "ACCUSE"),
    ("Le Pakistan a renoncé à son adhésion à l'OCS.", "REJECT"),
    ("Le Japon a qualifié la Chine de menace.", "ACCUSE"),
])
def test_events_complement_chooses_type_of_verb(nlp, text, type_):
    assert type_ in {e.type for e in run(nlp, text)}


def test_events_adjective_on_defence_of_a_body_is_state(nlp):
    names = {**NAMES, "russe": (RU, "adjective")}
    events = events_of(nlp, "Le ministère de la Défense russe a accusé le Japon.", names)
    accuse = only(events, "ACCUSE")
    assert accuse.source == [RU] and accuse.target == [JP]


def test_events_institution_acts_for_its_state(extractor):
    from veille.reader import make_article

    article = make_article("L'armée soudanaise a bombardé vendredi les positions des "
                           "paramilitaires au Darfour.", "2023-04-21", source="test")
    records = extractor.records(article, extractor.nlp(article.text))
    assault = [e for e in records.events if e.type == "ASSAULT"]
    assert assault and "country:SD" in assault[0].participants


# ------------------------------------------------------------ one-sided, repeats, dates told around

@pytest.mark.parametrize("text, type_, kept", [
    # a protest with no one protested against: the other side is missing
    ("La Chine a condamné l'attaque de vendredi.", "PROTEST", False),
    # a truce declared by one side stands on its own
    ("La Russie a décrété une trêve.", "AGREE", True),
])
def test_events_single_actor_kept_only_for_one_sided_types(nlp, text, type_, kept):
    found = [e for e in run(nlp, text) if e.type == type_]
    assert bool(found) == kept


def test_events_event_noun_retelling_an_earlier_event_is_not_a_new_one(nlp):
    text = ("La Russie a envahi l'Ukraine le 24 février. "
            "Le Japon a dénoncé l'invasion de l'Ukraine par la Russie.")
    assaults = [e for e in run(nlp, text) if e.type == "ASSAULT"]
    assert len(assaults) == 1 and assaults[0].when.start == "2024-02-24"


@pytest.mark.parametrize("text, start", [
    # "le soir même": the day of the latest dated event
    ("Lula a rencontré Modi mercredi à Rio. Le soir même, Xi Jinping a reçu Poutine.",
     "2024-07-03"),
    # a day named by a sentence without events sets the day the story is told on
    ("Le Kazakhstan a fêté mercredi son indépendance. Poutine a rencontré Xi Jinping.",
     "2024-07-03"),
    # "la première rencontre depuis 2019" is not dated 2019
    ("Il s'agit de la première rencontre entre Modi et Lula depuis 2019.", FRIDAY),
])
def test_events_consult_dated_by_the_story_not_the_nearest_timex(nlp, text, start):
    consult = [e for e in run(nlp, text) if e.type == "CONSULT"][-1]
    assert consult.when is not None and consult.when.start == start


def test_events_purpose_meeting_noun_takes_the_travellers_subject(nlp):
    event = only(run(nlp, "Poutine est venu à Pékin pour un entretien avec Xi Jinping."), "CONSULT")
    assert PUTIN in event.participants and XI in event.participants


def test_events_own_clause_timex_beats_a_leading_clause_timex(nlp):
    text = "Invitée en mai à Rio, la Chine a condamné le Japon fin juin."
    assert only(run(nlp, text), "PROTEST").when.start.startswith("2024-06")


def test_events_undated_background_event_continues_its_sources_dated_story(nlp):
    text = ("Mercredi, la Chine avait condamné le Japon. "
            "La Chine avait aussi exhorté le Japon à la retenue.")
    assert only(run(nlp, text), "REQUEST").when.start == "2024-07-03"
