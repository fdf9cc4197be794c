"""Idioms and object-dependent readings of the lexicon: a word whose PLOVER type
depends on what it acts on ("bloquer la candidature" is a refusal, "bloquer les
navires" a coercion) or that is no event at all in a fixed phrase."""

from __future__ import annotations

import pytest
from test_predicates import events_of

from veille.events_lexicon import match

# (sentence, actors, type that must come out or None, type that must not come out)
CASES = [
    ("La Hongrie a bloqué pendant six mois la candidature de la Moldavie.",
     {"Hongrie": "country:HU", "Moldavie": "country:MD"}, "REJECT", "COERCE"),
    ("L'Égypte a bloqué les camions de la Libye à la frontière.",
     {"Égypte": "country:EG", "Libye": "country:LY"}, "COERCE", "REJECT"),
    ("Les discussions ont été gelées par la Grèce en raison d'un différend avec la Macédoine du Nord.",
     {"Grèce": "country:GR", "Macédoine du Nord": "country:MK"}, "REJECT", "SANCTION"),
    ("La Suisse a gelé mardi les avoirs de la Russie.",
     {"Suisse": "country:CH", "Russie": "country:RU"}, "SANCTION", "REJECT"),
    ("La Géorgie frappe à la porte de l'OTAN depuis quinze ans.",
     {"Géorgie": "country:GE", "OTAN": "org:NATO"}, "REQUEST", "ASSAULT"),
    ("Pékin a relevé ses droits de douane sur le bœuf australien en représailles contre Canberra.",
     {"Pékin": ["country:CN", "capital"], "Canberra": ["country:AU", "capital"]}, None, "THREATEN"),
    ("L'Iran a promis des représailles contre Israël.",
     {"Iran": "country:IR", "Israël": "country:IL"}, "THREATEN", None),
    ("Le Canada a levé les sanctions visant le Venezuela.",
     {"Canada": "country:CA", "Venezuela": "country:VE"}, "CONCEDE", "SANCTION"),
    ("La Grèce a levé son veto à l'ouverture des négociations avec l'Albanie.",
     {"Grèce": "country:GR", "Albanie": "country:AL"}, None, "REJECT"),
    ("Le président Ramaphosa a conclu sa tournée au Nigeria par une rencontre avec Bola Tinubu.",
     {"Ramaphosa": "person:cyril-ramaphosa", "Nigeria": "country:NG", "Bola Tinubu": "person:bola-tinubu"},
     "CONSULT", "AGREE"),
    ("Le Chili et le Pérou ont conclu un accord lors du sommet de Lima.",
     {"Chili": "country:CL", "Pérou": "country:PE"}, "AGREE", None),
    ("Le Kenya a accueilli favorablement la décision de la Somalie.",
     {"Kenya": "country:KE", "Somalie": "country:SO"}, "SUPPORT", "CONSULT"),
    ("Le Kazakhstan accueillera le prochain sommet de l'OCS.",
     {"Kazakhstan": "country:KZ", "OCS": "org:SCO"}, "CONSULT", "SUPPORT"),
    ("Le Maroc encourage l'Algérie à rouvrir la frontière.",
     {"Maroc": "country:MA", "Algérie": "country:DZ"}, "REQUEST", "SUPPORT"),
    ("Le cessez-le-feu proposé par le Qatar a été accepté par le Soudan.",
     {"Qatar": "country:QA", "Soudan": "country:SD"}, "AGREE", "SUPPORT"),
    ("Narendra Modi est attendu en Pologne la semaine prochaine.",
     {"Narendra Modi": "person:narendra-modi", "Pologne": "country:PL"}, "CONSULT", None),
    ("La Pologne vient de livrer des chars à l'Ukraine.",
     {"Pologne": "country:PL", "Ukraine": "country:UA"}, "AID", "CONSULT"),
    ("Lors d'une conférence de presse, le Brésil a salué l'accord avec l'Argentine.",
     {"Brésil": "country:BR", "Argentine": "country:AR"}, None, "CONSULT"),
    ("La Suède a versé à la Moldavie une aide de vingt millions d'euros.",
     {"Suède": "country:SE", "Moldavie": "country:MD"}, "AID", None),
    ("L'entrée des troupes arméniennes en Azerbaïdjan a été démentie.",
     {"arméniennes": ["country:AM", "adjective"], "Azerbaïdjan": "country:AZ"}, "ASSAULT", None),
]


@pytest.mark.parametrize("text,actors,wanted,unwanted", CASES, ids=[c[0][:40] for c in CASES])
def test_lexicon_case(nlp, text, actors, wanted, unwanted):
    types = {e.type for e in events_of(nlp, text, actors)}
    if wanted:
        assert wanted in types, types
    if unwanted:
        assert unwanted not in types, types


LEXICON_CASES_2 = [
    ("La Roumanie a donné lundi son feu vert à l'adhésion de la Moldavie.",
     {"Roumanie": "country:RO", "Moldavie": "country:MD"}, "SUPPORT", "AGREE"),
    ("Le Parlement européen a donné son feu vert au traité signé avec le Chili.",
     {"Parlement européen": "org:EUROPEAN_PARLIAMENT", "Chili": "country:CL"}, "AGREE", None),
    ("Le président de l'ONU a officialisé mardi l'entrée du Soudan du Sud dans l'organisation.",
     {"ONU": "org:UNITED_NATIONS", "Soudan du Sud": "country:SS"}, "SUPPORT", None),
    ("Le Canada fournira des garanties de sécurité à la Moldavie.",
     {"Canada": "country:CA", "Moldavie": "country:MD"}, "SUPPORT", "AID"),
    ("Le Canada fournira des obus à la Moldavie.",
     {"Canada": "country:CA", "Moldavie": "country:MD"}, "AID", "SUPPORT"),
    ("Le Bélarus a prêté son territoire à la Russie.",
     {"Bélarus": "country:BY", "Russie": "country:RU"}, "SUPPORT", "AID"),
    ("La Serbie rejoindra l'Union européenne lorsque les conditions seront réunies.",
     {"Serbie": "country:RS", "Union européenne": "org:EUROPEAN_UNION"}, None, "CONSULT"),
    ("Le Soudan a lancé une action militaire contre le Tchad.",
     {"Soudan": "country:SD", "Tchad": "country:TD"}, "ASSAULT", None),
]


@pytest.mark.parametrize("text,actors,wanted,unwanted", LEXICON_CASES_2,
                         ids=[c[0][:40] for c in LEXICON_CASES_2])
def test_lexicon_case_second_round(nlp, text, actors, wanted, unwanted):
    types = {e.type for e in events_of(nlp, text, actors)}
    if wanted:
        assert wanted in types, types
    if unwanted:
        assert unwanted not in types, types


# (sentence, actors, type): kept with its single actor when ``kept`` is True
ONE_SIDED_CASES = [
    ("Le Comité international de la Croix-Rouge réclame un accès immédiat aux blessés.",
     {"Comité international de la Croix-Rouge": "org:ICRC"}, "REQUEST", True),
    ("Le Brésil réclame un accès immédiat aux blessés.",
     {"Brésil": "country:BR"}, "REQUEST", False),
    ("La Serbie a décrété lundi la mobilisation générale.",
     {"Serbie": "country:RS"}, "MOBILIZE", True),
    ("La Serbie a déployé lundi des blindés.",
     {"Serbie": "country:RS"}, "MOBILIZE", False),
    ("Le Conseil de sécurité s'est réuni mardi en urgence.",
     {"Conseil de sécurité": "org:UNSC"}, "CONSULT", True),
    ("Le Conseil de sécurité devrait se réunir mardi en urgence.",
     {"Conseil de sécurité": "org:UNSC"}, "CONSULT", False),
    ("Le Brésil a salué lundi une étape majeure.",
     {"Brésil": "country:BR"}, "SUPPORT", False),
]


@pytest.mark.parametrize("text,actors,etype,kept", ONE_SIDED_CASES,
                         ids=[c[0][:40] for c in ONE_SIDED_CASES])
def test_single_actor_event_kept_only_when_one_sided(nlp, text, actors, etype, kept):
    events = events_of(nlp, text, actors)
    assert (etype in {e.type for e in events}) == kept, [(e.type, e.participants) for e in events]


@pytest.mark.parametrize("text,word,etype", [
    ("Le Tchad a choisi d'«attaquer les villages» du Niger.", "d'«attaquer", "ASSAULT"),
    ("Le Japon a dit «sanctions» hier.", "«sanctions", "SANCTION"),
])
def test_quote_glued_to_a_trigger_is_ignored(nlp, text, word, etype):
    """The tokeniser may glue an opening quote (and an elided "d'") to the word."""
    token = next((t for t in nlp(text) if t.text == word), None)
    if token is None:
        pytest.skip(f"the tokeniser split {word!r}")
    hit = match(token)
    assert hit is not None and hit[0].type == etype
