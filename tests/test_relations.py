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
    "Pékin": ("country:CN", "capital"), "Washington": ("country:US", "capital"),
    "Erevan": ("country:AM", "capital"), "Bakou": ("country:AZ", "capital"),
    "russes": ("country:RU", "adjective"), "troupes russes": ("country:RU", "demonym"),
    "Xi Jinping": "person:xi-jinping", "Narendra Modi": "person:narendra-modi",
}


def mentions_for(doc, table=NAMES) -> list[Mention]:
    return mentions_from_table(doc, table)


def relations_of(nlp, text: str):
    doc = nlp(text)
    art = Article("test", "2024-07-05", "day", text)
    return {(f.subject, f.predicate, f.object, f.polarity)
            for f in extract_relations(doc, mentions_for(doc), art)}


def pairs_of(nlp, text: str):
    """(kind, frozenset pair) of every relation, order of the pair ignored."""
    return {(p.split(":")[1], frozenset((s, o))) for s, p, o, _pol in relations_of(nlp, text)}


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


K = frozenset
RU_CN, IN_PK, TR_AM, AM_AZ = (K(("country:RU", "country:CN")), K(("country:IN", "country:PK")),
                              K(("country:TR", "country:AM")), K(("country:AM", "country:AZ")))


@pytest.mark.parametrize("text, expected", [
    # capitals stand for their state
    ("Le sommet se tient dans un climat tendu entre Erevan et Bakou.", {("tension", AM_AZ)}),
    # "leur" refers to the pair named before
    ("La Russie et la Chine ont vanté hier la solidité de leur partenariat.",
     {("cooperation", RU_CN)}),
    # "B, son allié": the subject of the clause and B
    ("La Russie défend l'Iran, son allié régional, devant le Conseil.",
     {("alignment", K(("country:RU", "country:IR")))}),
    # agent and target of a directed verb
    ("La Turquie reproche encore à l'Arménie son attitude.", {("tension", TR_AM)}),
    ("L'Inde sanctionne le Pakistan depuis 2019.", {("tension", IN_PK)}),
    # a lasting embargo by several states on one
    ("Depuis 2019, la Turquie impose avec l'Azerbaïdjan un blocus à l'Arménie.",
     {("tension", TR_AM), ("tension", AM_AZ)}),
    # support of A to B; invasion of B by A; troops of A in B
    ("Le soutien de la Chine au Pakistan ne faiblit pas.",
     {("alignment", K(("country:CN", "country:PK")))}),
    ("L'invasion de l'Ukraine par la Russie a tout changé.",
     {("conflict", K(("country:RU", "country:UA")))}),
    ("Tout a basculé avec l'arrivée des troupes russes en Ukraine.",
     {("conflict", K(("country:RU", "country:UA")))}),
    # a counted reference stands for the last list of that size
    ("L'Inde et le Pakistan ont signé un accord. Les deux voisins restent divisés par un "
     "différend ancien.", {("tension", IN_PK)}),
    ("L'Inde et le Pakistan ont signé un accord. Les deux rivaux ont promis le calme.",
     {("rivalry", IN_PK)}),
    # persons stand for the state of their office at the article's date
    ("Xi Jinping et Narendra Modi veulent redevenir des partenaires.",
     {("cooperation", K(("country:CN", "country:IN")))}),
    # "plutôt que rivaux": no rivalry
    ("L'Arménie et l'Azerbaïdjan se disent partenaires plutôt que rivaux.",
     {("cooperation", AM_AZ)}),
    # links of the subject with several states
    ("L'Inde entretient ses liens avec Moscou comme avec Washington.",
     {("cooperation", K(("country:IN", "country:RU"))),
      ("cooperation", K(("country:IN", "country:US")))}),
])
def test_relations_implicit_and_distant_participants(nlp, text, expected):
    assert pairs_of(nlp, text) == expected


def test_relations_one_fact_per_pair_and_kind_per_article(nlp):
    text = ("Les tensions entre l'Inde et le Pakistan persistent. Les tensions entre "
            "l'Inde et le Pakistan ont aussi pesé sur le sommet.")
    doc = nlp(text)
    facts = extract_relations(doc, mentions_for(doc), Article("t", "2024-07-05", "day", text))
    assert len(facts) == 1 and facts[0].sentence == 0


@pytest.mark.parametrize("text", [
    # the war is only the setting, the partnerships have no named partner
    "Moscou, depuis le début de la guerre en Ukraine, a revu ses partenariats stratégiques.",
    # a bare adjective is never a participant
    "Les forces russes sont en guerre depuis deux ans.",
    "La Chine a salué les progrès de la coopération régionale.",
    # "leurs alliés" are other parties, not the pair
    "La Russie, l'Iran et leurs alliés se sont réunis.",
    # a negated directed verb
    "La Turquie n'a jamais sanctionné la Russie.",
    # the speaker of a war context is not a party to it
    "La Turquie parle avec Moscou dans ce contexte de guerre avec l'Ukraine.",
])
def test_relations_none_without_two_anchored_participants(nlp, text):
    assert relations_of(nlp, text) == set()


def test_relations_one_side_against_a_counted_pair_not_within_it(nlp):
    # the two states of "ces deux puissances" are one side: no tension between them,
    # and the next clause ("se renforcent, Moscou et Pékin ...") is not part of the list
    pairs = pairs_of(nlp, "La Russie et la Chine se rapprochent. Les tensions entre l'Iran "
                          "et ces deux puissances se renforcent, Moscou et Pékin restent "
                          "prudents.")
    assert ("tension", frozenset(("country:IR", "country:CN"))) in pairs
    assert ("tension", frozenset(("country:IR", "country:RU"))) in pairs
    assert ("tension", frozenset(("country:CN", "country:RU"))) not in pairs


def test_relations_counted_states_after_counted_people(nlp):
    # "les deux nations" are the nations of "les deux hommes" named just before
    text = ("Xi Jinping et Narendra Modi se sont vus au Pakistan. Les deux hommes ont dit que "
            "les deux nations se sont rapprochées.")
    pairs = pairs_of(nlp, text)
    assert any(p == frozenset(("country:CN", "country:IN")) for _k, p in pairs)
    assert not any("country:PK" in p for _k, p in pairs)
