"""veille.relations: relations between states from French press text."""

from __future__ import annotations

import pytest
from mentions import mentions_from_table

from veille.model import Article, Mention
from veille.relations import extract_relations

NAMES: dict[str, str | tuple[str, str]] = {
    "Chine": "country:CN", "Inde": "country:IN", "Pakistan": "country:PK",
    "Russie": "country:RU", "Ukraine": "country:UA", "Turquie": "country:TR",
    "Iran": "country:IR", "Israël": "country:IL", "Arménie": "country:AM",
    "Azerbaïdjan": "country:AZ", "Moscou": ("country:RU", "capital"),
    "Pékin": ("country:CN", "capital"), "russes": ("country:RU", "adjective"),
}


def mentions_for(doc, table=NAMES) -> list[Mention]:
    return mentions_from_table(doc, table)


def relations_of(nlp, text: str):
    doc = nlp(text)
    art = Article("test", "2024-07-05", "day", text)
    return {(f.subject, f.predicate, f.object, f.polarity)
            for f in extract_relations(doc, mentions_for(doc), art)}


def test_relations_tension_among_a_group_gives_every_pair(nlp):
    text = ("Les observateurs citent la Chine, l'Inde et le Pakistan, dont les relations "
            "sont extrêmement tendues.")
    assert relations_of(nlp, text) == {
        ("country:CN", "relation:tension", "country:IN", "negative"),
        ("country:CN", "relation:tension", "country:PK", "negative"),
        ("country:IN", "relation:tension", "country:PK", "negative"),
    }


@pytest.mark.parametrize("text, expected", [
    ("Depuis deux ans, la Russie est en guerre contre l'Ukraine.",
     ("country:RU", "relation:conflict", "country:UA", "negative")),
    ("Lundi, Moscou et Pékin ont signé un partenariat stratégique de long terme.",
     ("country:RU", "relation:cooperation", "country:CN", "positive")),
    ("Dans le Caucase, l'Arménie et l'Azerbaïdjan restent des rivaux.",
     ("country:AM", "relation:rivalry", "country:AZ", "negative")),
    ("Les tensions entre Israël et l'Iran ont encore monté d'un cran.",
     ("country:IL", "relation:tension", "country:IR", "negative")),
    ("Sur le gaz, la Turquie coopère avec la Russie depuis des années.",
     ("country:TR", "relation:cooperation", "country:RU", "positive")),
])
def test_relations_kind_and_participants(nlp, text, expected):
    assert relations_of(nlp, text) == {expected}


@pytest.mark.parametrize("text", [
    # the war is only the setting, the partnerships have no named partner
    "Moscou, depuis le début de la guerre en Ukraine, a revu ses partenariats stratégiques.",
    # a bare adjective is never a participant
    "Les forces russes sont en guerre depuis deux ans.",
    "La Chine a salué les progrès de la coopération régionale.",
])
def test_relations_none_without_two_anchored_participants(nlp, text):
    assert relations_of(nlp, text) == set()
