"""veille.claims: quantitative claims (shares, member counts, amounts)."""

from __future__ import annotations

import pytest
from mentions import mentions_from_table

from veille.claims import extract_claims
from veille.model import Article, Mention

NAMES: dict[str, str | tuple[str, str]] = {
    "Organisation de coopération de Shanghai": "org:SCO", "OCS": "org:SCO",
    "OTAN": "org:NATO", "OPEP": "org:OPEC", "BRICS": "org:BRICS", "FMI": "org:IMF",
    "Chine": "country:CN", "Inde": "country:IN", "Iran": "country:IR", "Russie": "country:RU",
    "Kazakhstan": "country:KZ", "Kirghizistan": "country:KG", "Ouzbékistan": "country:UZ",
    "Pakistan": "country:PK", "Tadjikistan": "country:TJ", "Biélorussie": "country:BY",
    "France": "country:FR", "Niger": "country:NE", "Arabie saoudite": "country:SA",
    "Union européenne": "org:EU", "Astana": ("place:astana", "place"),
    "français": ("country:FR", "adjective"),
    "Sergueï Lavrov": "person:sergey-lavrov",
}


def mentions_for(doc, table=NAMES) -> list[Mention]:
    return mentions_from_table(doc, table)


def claims_of(nlp, text: str, date: str = "2024-07-05"):
    doc = nlp(text)
    precision = {4: "year", 7: "month"}.get(len(date), "day")
    art = Article("test", date, precision, text)  # type: ignore[arg-type]
    return extract_claims(doc, mentions_for(doc), art)


SAMPLE_LIKE = (
    "Mercredi, les dirigeants réunis à Astana ont ouvert le sommet annuel de "
    "l'Organisation de coopération de Shanghai (OCS). Ce forum régional est à ce jour "
    "composé de neuf pays membres (Chine, Inde, Iran, Russie, Kazakhstan, Kirghizistan, "
    "Ouzbékistan, Pakistan, Tadjikistan). Selon certains chiffres, ses membres pèsent 40% "
    "de la population mondiale et 30% de son PIB."
)


def test_claims_sample_shaped_article(nlp):
    claims = claims_of(nlp, SAMPLE_LIKE, "2024-07")
    got = {(c.subject, c.measure, c.value, c.unit, c.attributed_to) for c in claims}
    assert got == {
        ("org:SCO", "member count", 9, "countries", None),
        ("org:SCO", "share of world population", 40, "%", None),
        ("org:SCO", "share of world GDP", 30, "%", None),
    }
    assert all(c.as_of is not None and c.as_of.start == "2024-07" for c in claims)


@pytest.mark.parametrize("text, subject, value, unit, measure", [
    ("L'OTAN compte 32 membres depuis l'adhésion suédoise.", "org:NATO", 32, "countries",
     "member count"),
    ("Les dix pays membres de l'OCS se retrouvent jeudi.", "org:SCO", 10, "countries",
     "member count"),
    ("Les BRICS représentent près de la moitié de la population mondiale.", "org:BRICS", 50,
     "%", "share of world population"),
    ("L'OPEP assure un tiers de la production mondiale de pétrole.", "org:OPEC", 33.33, "%",
     "share of world oil production"),
    ("L'Arabie saoudite va réduire sa production de 2 millions de barils par jour.",
     "country:SA", 2_000_000, "barrels per day", "oil production cut"),
    ("La Chine a accordé un prêt de 1,5 milliard de dollars au Pakistan.", "country:CN",
     1_500_000_000, "USD", "loan"),
    ("L'Union européenne a débloqué une aide de 12,5 milliards d'euros.", "org:EU",
     12_500_000_000, "EUR", "aid"),
    ("Il reste environ 300 000 soldats français au Niger.", "country:FR", 300_000, "people",
     "troops"),
    ("Les échanges entre la Chine et la Russie ont progressé de 42 % en un an.",
     "country:CN", 42, "%", "percentage"),
])
def test_claims_value_unit_subject(nlp, text, subject, value, unit, measure):
    (claim,) = claims_of(nlp, text)
    assert (claim.subject, claim.unit, claim.measure) == (subject, unit, measure)
    assert claim.value == pytest.approx(value, rel=1e-3)


@pytest.mark.parametrize("text, qualifier", [
    ("Le contingent compte environ 1 500 soldats français.", "about"),
    ("Le contingent compte quelque 1 500 soldats français.", "about"),
    ("Le contingent compte plus de 1 500 soldats français.", "more than"),
    ("Le contingent compte moins de 1 500 soldats français.", "less than"),
    ("Le contingent compte près de 1 500 soldats français.", "nearly"),
    ("Le contingent compte presque 1 500 soldats français.", "nearly"),
    ("Le contingent compte 1 500 soldats français.", None),
])
def test_claims_qualifier(nlp, text, qualifier):
    (claim,) = claims_of(nlp, text)
    assert claim.value == 1500 and claim.qualifier == qualifier


@pytest.mark.parametrize("text, source", [
    ("Selon le FMI, la Chine pèse 18 % du PIB mondial.", "org:IMF"),
    ("D'après Sergueï Lavrov, la Russie a livré 2 millions de barils par jour.",
     "person:sergey-lavrov"),
    ("Selon certains chiffres, la Chine pèse 18 % du PIB mondial.", None),
    ("Selon des estimations, la Chine pèse 18 % du PIB mondial.", None),
    ("Selon l'institut Kiel, la Chine pèse 18 % du PIB mondial.", "l'institut Kiel"),
    ("Sergueï Lavrov estime que la Russie pèse 4 % du PIB mondial.", "person:sergey-lavrov"),
])
def test_claims_attribution(nlp, text, source):
    (claim,) = claims_of(nlp, text)
    assert claim.attributed_to == source


def test_claims_as_of_takes_the_clause_date(nlp):
    (claim,) = claims_of(nlp, "En 2015, l'OCS comptait six pays membres.", "2024-07-05")
    assert claim.value == 6 and claim.as_of.start == "2015"
    (now,) = claims_of(nlp, "L'OCS compte dix pays membres.", "2024-07-05")
    assert now.as_of.start == "2024-07-05"


@pytest.mark.parametrize("text", [
    "Le 15e sommet de l'OCS s'ouvre à Astana le 4 juillet 2024.",
    "Créée en 2001, l'OCS tient son sommet annuel.",
    "Le président, âgé de 71 ans, a ouvert la séance.",
    "Les dirigeants du G20 se retrouvent à Rio.",
    "Les deux pays ont signé un accord.",
])
def test_claims_none_from_dates_ordinals_ages_names(nlp, text):
    assert claims_of(nlp, text) == []


MORE_NAMES = dict(NAMES, **{
    "Tchad": "country:TD", "Mali": "country:ML", "Nigeria": "country:NG",
    "tchadiens": ("country:TD", "adjective"), "Français": ("country:FR", "demonym"),
    "Donbass": ("place:donbas", "place"), "Mahamat Déby": "person:mahamat-deby",
    "AES": "org:AES",
})


def claims_with(nlp, text: str, date: str = "2024-07-05"):
    doc = nlp(text)
    art = Article("test", date, "day", text)  # type: ignore[arg-type]
    return extract_claims(doc, mentions_for(doc, MORE_NAMES), art)


@pytest.mark.parametrize("text, subject, value", [
    ("Avec la Bosnie, l'OTAN aurait un 33e membre.", "org:NATO", 33),
    ("Le Tchad deviendrait le trente-troisième membre de l'OTAN.", "org:NATO", 33),
    ("Le Mali est devenu le 14e État membre de l'OPEP en 2024.", "org:OPEC", 14),
])
def test_claims_ordinal_member_count(nlp, text, subject, value):
    (claim,) = claims_with(nlp, text)
    assert (claim.subject, claim.measure, claim.value, claim.unit) == (
        subject, "member count", value, "countries")


@pytest.mark.parametrize("text", [
    "Le Tchad a accueilli les trois pays pour un sommet.",
    "Le Mali organise le 15e sommet de l'AES.",
])
def test_claims_back_reference_and_plain_ordinal_are_not_claims(nlp, text):
    assert claims_with(nlp, text) == []


def test_claims_country_count_with_organisation_possessor(nlp):
    (claim,) = claims_with(nlp, "Les cinq pays de l'OPEP se réunissent à Vienne.")
    assert (claim.subject, claim.measure, claim.value) == ("org:OPEC", "member count", 5)


def test_claims_casualties_take_the_state_of_the_soldiers(nlp):
    text = ("Le ministre a fait état de 2.300 tués et 4.100 blessés parmi les soldats "
            "tchadiens. Il énumère aussi la perte de 40 drones.")
    got = {(c.subject, c.value, c.unit) for c in claims_with(nlp, text)}
    assert got == {("country:TD", 2300, "people"), ("country:TD", 4100, "people"),
                   ("country:TD", 40, "drones")}


def test_claims_elliptical_list_keeps_each_subject_and_the_measure(nlp):
    text = "Le Tchad va réduire sa production de 300.000 bpj, le Mali de 60.000 bpj et le Nigeria de 25.000 bpj."
    got = [(c.subject, c.value, c.measure) for c in claims_with(nlp, text)]
    assert got == [("country:TD", 300_000, "oil production cut"),
                   ("country:ML", 60_000, "oil production cut"),
                   ("country:NG", 25_000, "oil production cut")]


@pytest.mark.parametrize("text, subject, value, unit", [
    ("Mahamat Déby dirige le Tchad depuis trois ans.", "person:mahamat-deby", 3, "years"),
    ("Le Mali a proposé une trêve de 72 heures.", "country:ML", 72, "hours"),
    ("Le Mali présidera l'AES pendant un an.", "country:ML", 1, "years"),
    ("Le Nigeria sort de douze ans d'isolement.", "country:NG", 12, "years"),
])
def test_claims_durations_with_a_cue(nlp, text, subject, value, unit):
    (claim,) = claims_with(nlp, text)
    assert (claim.subject, claim.value, claim.unit, claim.measure) == (
        subject, value, unit, "duration")


@pytest.mark.parametrize("text", [
    "Un dirigeant malien de 45 ans a été arrêté.",
    "Il y a trois ans, le Mali a quitté le groupe.",
    "Deux jours plus tard, le Tchad a répondu.",
    "Le Mali a doublé ses exportations en un an.",
    "Le Tchad se donne deux ans pour réformer son armée.",
])
def test_claims_durations_without_a_cue_are_not_claims(nlp, text):
    assert claims_with(nlp, text) == []


@pytest.mark.parametrize("text, unit", [
    ("La France consacre 2 % de son PIB à la défense.", "% of GDP"),
    ("La France consacre 2 % de son PIB à la défense, dont 0,5 % à la recherche.",
     "% of GDP"),
    ("La Chine pèse 18 % du PIB mondial.", "%"),
])
def test_claims_share_of_own_gdp_has_its_own_unit(nlp, text, unit):
    claims = claims_with(nlp, text)
    assert claims and all(c.unit == unit for c in claims)


def test_claims_plural_demonym_is_a_people_count(nlp):
    (claim,) = claims_with(nlp, "Au total, 1 200 Français ont été évacués du Liban.")
    assert (claim.subject, claim.value, claim.unit) == ("country:FR", 1200, "people")


def test_claims_people_of_a_place_take_the_place(nlp):
    (claim,) = claims_with(nlp, "Plus de 9.000 personnes vivant dans la région du Donbass ont fui.")
    assert (claim.subject, claim.value) == ("place:donbas", 9000)


def test_claims_population_of_the_country_the_article_is_about(nlp):
    text = ("Le Tchad rejoint l'AES. Le Tchad, le Mali et le Nigeria ont signé. "
            "Le pays de 18 millions d'habitants est vaste.")
    (claim,) = claims_with(nlp, text)
    assert (claim.subject, claim.measure, claim.value) == ("country:TD", "population", 18e6)


def test_claims_repeated_figure_is_one_claim(nlp):
    text = ("Le Tchad a perdu 40 drones selon l'armée. Au total, le Tchad a perdu 40 drones.")
    assert len(claims_with(nlp, text)) == 1


def test_claims_figure_without_subject_takes_previous_claim_subject(nlp):
    text = ("Le Mali compte 500 soldats dans la région. Parmi eux, 120 blessés ont été soignés.")
    got = [(c.subject, c.value) for c in claims_with(nlp, text)]
    assert got == [("country:ML", 500), ("country:ML", 120)]


# -- subjects, units and ellipses added with the claims_subject / claims_units split --

@pytest.mark.parametrize("text, subject, value, unit", [
    # a plural demonym noun that is no mention, and the place its people belong to
    ("Plus de 5 000 Ukrainiens du Donbass ont été évacués.", "place:donbas", 5000, "people"),
    ("Un tiers des Ukrainiens du Donbass ont quitté la région.", "place:donbas", 33.33, "%"),
    ("Au scrutin, 48 % des Italiens ont voté contre.", "country:IT", 48, "%"),
    # a subject pronoun, or a noun standing for a state, is the state of the article
    ("La Russie quitte le groupe. Elle produit environ 9 millions de barils par jour.",
     "country:RU", 9e6, "barrels per day"),
    ("Le Nigeria quitte l'OPEP. Le petit émirat extrait 900 000 barils par jour.",
     "country:NG", 900_000, "barrels per day"),
    # a restated figure keeps the subject of the one before it
    ("Le Mali produit 60 000 barils par jour, soit 3 % de la production de l'OPEP.",
     "country:ML", 3, "%"),
    # a relative clause continues the subject of the figure before it
    ("Le Tchad devient le 14e membre de l'AES, où vivent 90 millions de personnes.",
     "org:AES", 90e6, "people"),
    # a state named in a comparison is not the subject
    ("Le Tchad produit derrière le Mali quelque 400 000 barils par jour.",
     "country:TD", 400_000, "barrels per day"),
    # ranks of producers and exporters are about a state
    ("Le Nigeria est le premier producteur de pétrole du continent.", "country:NG", 1, "rank"),
    ("Le Nigeria hésite. Entré dans l'OPEP en 2010, le troisième exportateur du "
     "continent attend.", "country:NG", 3, "rank"),
    # a population a group loses or gains is the state's
    ("Le Mali quitte l'Union européenne. L'Union européenne perd ainsi 20 millions "
     "d'habitants.", "country:ML", 20e6, "people"),
    # a duration in apposition to its holder; "durer" is a duration cue
    ("Les putschistes ont arrêté Mahamat Déby, au pouvoir depuis trois ans.",
     "person:mahamat-deby", 3, "years"),
    ("Le Mali propose un cessez-le-feu pouvant durer au moins 10 jours.", "country:ML", 10,
     "days"),
])
def test_claims_subject_rules(nlp, text, subject, value, unit):
    claims = [c for c in claims_with(nlp, text) if c.unit == unit]
    assert claims, text
    claim = claims[-1]
    assert claim.value == pytest.approx(value, rel=1e-3)
    assert claim.subject == subject


@pytest.mark.parametrize("text, expected", [
    ("Le Mali veut porter sa production de 12 à 15 millions de tonnes par an.",
     [(12e6, "tonnes per year"), (15e6, "tonnes per year")]),
    ("Le texte a été adopté au Parlement du Mali par 150 voix contre 12.",
     [(150, "votes"), (12, "votes")]),
    ("Plus de trente chefs d'État sont attendus à Astana.", [(30, "people")]),
    ("Les trente alliés de l'OTAN ont signé le texte.", [(30, "countries")]),
    ("Le Tchad annonce un 12e paquet de sanctions contre le Mali.", [(12, "packages")]),
    ("Le Mali a signé quatre documents avec le Tchad.", [(4, "documents")]),
    ("Le Tchad retire ses 75 logisticiens du Mali.", [(75, "people")]),
])
def test_claims_counted_nouns_ranges_and_scores(nlp, text, expected):
    got = [(c.value, c.unit) for c in claims_with(nlp, text)]
    assert got == [(pytest.approx(v, rel=1e-3), u) for v, u in expected]


@pytest.mark.parametrize("text", [
    "Les deux dirigeants ont signé un accord à Astana.",
    "Le Tchad a reçu les quatre chefs d'État de l'AES.",
    "Le Mali a violé la trêve plus de 50 fois.",
])
def test_claims_back_references_and_bare_counts_are_not_claims(nlp, text):
    assert claims_with(nlp, text) == []


def test_claims_parts_of_a_share_of_gdp_keep_its_unit(nlp):
    text = ("La France consacre 4 % de son PIB à la défense. L'effort se répartit en "
            "3 % pour l'armée et 1 % pour la cybersécurité.")
    got = {(c.subject, c.value, c.unit) for c in claims_with(nlp, text)}
    assert got == {("country:FR", 4, "% of GDP"), ("country:FR", 3, "% of GDP"),
                   ("country:FR", 1, "% of GDP")}


def test_claims_headline_figure_takes_the_subject_named_after_it(nlp):
    text = "Un 12e paquet de sanctions adopté\n\nL'Union européenne a adopté jeudi ces mesures."
    (claim,) = claims_with(nlp, text)
    assert (claim.subject, claim.value, claim.unit) == ("org:EU", 12, "packages")


def test_claims_figure_without_subject_gives_way_to_the_same_figure_with_one(nlp):
    text = "Un prêt de 9 milliards de dollars\n\nLe Tchad accorde un prêt de 9 milliards de dollars."
    got = [(c.subject, c.value) for c in claims_with(nlp, text)]
    assert got == [("country:TD", 9e9)]
