"""Idioms and object-dependent readings of the lexicon: a word whose PLOVER type
depends on what it acts on ("bloquer la candidature" is a refusal, "bloquer les
navires" a coercion) or that is no event at all in a fixed phrase."""

from __future__ import annotations

import pytest
from test_predicates import events_of

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
