"""veille.facts: membership, founding and office facts from French press text."""

from __future__ import annotations

import pytest
from mentions import mentions_from_table

from veille.facts import extract_facts
from veille.model import Article, Mention

NAMES: dict[str, str | tuple[str, str]] = {
    "Organisation de coopération de Shanghai": "org:SCO", "OCS": "org:SCO",
    "OTAN": "org:NATO", "OPEP": "org:OPEC", "BRICS": "org:BRICS", "AES": "org:AES",
    "G7": "org:G7", "CEDEAO": "org:ECOWAS", "Union européenne": "org:EU",
    "Chine": "country:CN", "Inde": "country:IN", "Iran": "country:IR", "Russie": "country:RU",
    "Kazakhstan": "country:KZ", "Kirghizistan": "country:KG", "Ouzbékistan": "country:UZ",
    "Pakistan": "country:PK", "Tadjikistan": "country:TJ", "Biélorussie": "country:BY",
    "Brésil": "country:BR", "Afrique du Sud": "country:ZA", "Mali": "country:ML",
    "Burkina Faso": "country:BF", "Niger": "country:NE", "Irak": "country:IQ",
    "Koweït": "country:KW", "Arabie saoudite": "country:SA", "Venezuela": "country:VE",
    "Turquie": "country:TR", "Allemagne": "country:DE", "Canada": "country:CA",
    "Japon": "country:JP", "Finlande": "country:FI", "Suède": "country:SE",
    "Indonésie": "country:ID", "Afghanistan": "country:AF", "Mongolie": "country:MN",
    "Sri Lanka": "country:LK", "Népal": "country:NP", "Ukraine": "country:UA",
    "Qatar": "country:QA", "Angola": "country:AO", "Autriche": "country:AT",
    "Suisse": "country:CH", "Luanda": ("country:AO", "capital"),
    "russes": ("country:RU", "adjective"), "Astana": ("place:astana", "place"),
    "Ursula von der Leyen": "person:ursula-von-der-leyen",
    "Vladimir Poutine": "person:vladimir-putin",
    "Grèce": "country:GR", "Espagne": "country:ES", "Portugal": "country:PT",
    "Pologne": "country:PL", "Hongrie": "country:HU", "Équateur": "country:EC",
    "Gabon": "country:GA", "Royaume-Uni": "country:GB", "Norvège": "country:NO",
    "Danemark": "country:DK", "Belgique": "country:BE", "Croatie": "country:HR",
    "Égypte": "country:EG", "Syrie": "country:SY", "Ligue arabe": "org:LAS",
    "Commission européenne": "org:EUROPEAN_COMMISSION", "Union": "org:EU",
    "Varsovie": ("country:PL", "capital"),
}


def mentions_for(doc, table=NAMES) -> list[Mention]:
    return mentions_from_table(doc, table)


def article(text: str, date: str = "2024-07-05") -> Article:
    precision = {4: "year", 7: "month"}.get(len(date), "day")
    return Article("test", date, precision, text)  # type: ignore[arg-type]


def facts_of(nlp, text: str, date: str = "2024-07-05"):
    doc = nlp(text)
    return extract_facts(doc, mentions_for(doc), article(text, date))


def triples(facts, predicate: str | None = None):
    return {(f.subject, f.predicate, f.object) for f in facts
            if predicate is None or f.predicate == predicate}


SAMPLE_LIKE = (
    "Mercredi, les dirigeants réunis à Astana ont ouvert le sommet annuel de "
    "l'Organisation de coopération de Shanghai (OCS). L'Iran l'a notamment intégré "
    "l'an dernier, tandis que la Biélorussie devrait en devenir l'un des membres à part "
    "entière, à partir de ce jeudi. Ce forum régional est à ce jour composé de neuf pays "
    "membres (Chine, Inde, Iran, Russie, Kazakhstan, Kirghizistan, Ouzbékistan, Pakistan, "
    "Tadjikistan). Selon certains chiffres, ses membres pèsent 40% de la population "
    "mondiale et 30% de son PIB."
)


def test_facts_sample_shaped_article(nlp):
    facts = facts_of(nlp, SAMPLE_LIKE, "2024-07")
    stated = [f for f in facts if f.predicate == "member_of" and f.status == "stated"]
    assert {f.subject for f in stated} == {
        "country:CN", "country:IN", "country:IR", "country:RU", "country:KZ",
        "country:KG", "country:UZ", "country:PK", "country:TJ"}
    assert all(f.object == "org:SCO" for f in stated)
    iran = next(f for f in stated if f.subject == "country:IR")
    assert iran.valid_from is not None and iran.valid_from.start == "2023"
    assert iran.valid_from.precision == "year"
    belarus = [f for f in facts if f.subject == "country:BY"]
    assert len(belarus) == 1 and belarus[0].status == "expected"
    assert belarus[0].object == "org:SCO" and belarus[0].valid_from.start == "2024-07"


@pytest.mark.parametrize("text, org, members", [
    ("Le bloc des BRICS regroupe le Brésil, la Russie, l'Inde, la Chine et l'Afrique du Sud.",
     "org:BRICS", {"country:BR", "country:RU", "country:IN", "country:CN", "country:ZA"}),
    ("Depuis l'été, l'AES compte trois membres : le Mali, le Burkina Faso et le Niger.",
     "org:AES", {"country:ML", "country:BF", "country:NE"}),
    ("L'OPEP a tenu sa réunion à huis clos. Ses membres fondateurs sont l'Irak, l'Iran, "
     "le Koweït, l'Arabie saoudite et le Venezuela.",
     "org:OPEC", {"country:IQ", "country:IR", "country:KW", "country:SA", "country:VE"}),
    ("Les chefs d'État du G7 (Allemagne, Canada, Japon) ont publié un communiqué.",
     "org:G7", {"country:DE", "country:CA", "country:JP"}),
    ("Sur le fond, la Chine et la Russie font partie de l'OCS depuis sa fondation.",
     "org:SCO", {"country:CN", "country:RU"}),
    ("La Turquie, membre de l'OTAN, a bloqué la décision pendant des mois.",
     "org:NATO", {"country:TR"}),
])
def test_facts_member_lists_give_one_fact_per_state(nlp, text, org, members):
    facts = [f for f in facts_of(nlp, text) if f.predicate == "member_of"]
    assert {f.subject for f in facts} == members
    assert {f.object for f in facts} == {org}
    assert all(f.status == "stated" and f.valid_from is None for f in facts)


@pytest.mark.parametrize("text, date, subject, org, status, since", [
    ("La Finlande a rejoint l'OTAN en avril 2023, après des mois de négociations.",
     "2024-07-05", "country:FI", "org:NATO", "stated", "2023-04"),
    ("Selon Ankara, la Suède devrait adhérer à l'OTAN le 7 mars prochain.",
     "2024-03-01", "country:SE", "org:NATO", "expected", "2024-03-07"),
    ("L'Indonésie rejoindra les BRICS le 6 janvier, a confirmé Brasilia.",
     "2024-12-20", "country:ID", "org:BRICS", "planned", "2025-01-06"),
])
def test_facts_accessions_dated_with_status(nlp, text, date, subject, org, status, since):
    facts = [f for f in facts_of(nlp, text, date) if f.predicate == "member_of"]
    assert [(f.subject, f.object, f.status) for f in facts] == [(subject, org, status)]
    assert facts[0].valid_from.start == since


def test_facts_clitic_resolves_to_last_organisation(nlp):
    text = ("Les ministres de l'Union européenne ont salué la décision. Au sommet de l'OTAN, "
            "on a rappelé que la Finlande l'avait rejointe l'an dernier.")
    facts = facts_of(nlp, text, "2024-07-11")
    assert triples(facts) == {("country:FI", "member_of", "org:NATO")}
    assert facts[0].valid_from.start == "2023"


@pytest.mark.parametrize("text, predicate, subjects, org", [
    ("L'Afghanistan et la Mongolie ont le statut d'observateurs au sein de l'OCS.",
     "observer_of", {"country:AF", "country:MN"}, "org:SCO"),
    ("À Astana, le Sri Lanka et le Népal sont des partenaires de dialogue de l'OCS.",
     "dialogue_partner_of", {"country:LK", "country:NP"}, "org:SCO"),
    ("Vendredi, les procédures d'adhésion à l'OCS de l'Inde et du Pakistan ont été lancées.",
     "candidate_of", {"country:IN", "country:PK"}, "org:SCO"),
    ("L'Ukraine a déposé sa candidature à l'Union européenne quelques jours après l'invasion.",
     "candidate_of", {"country:UA"}, "org:EU"),
    ("La Turquie est un pays candidat à l'Union européenne depuis longtemps.",
     "candidate_of", {"country:TR"}, "org:EU"),
])
def test_facts_observer_partner_candidate(nlp, text, predicate, subjects, org):
    facts = facts_of(nlp, text)
    assert triples(facts) == {(s, predicate, org) for s in subjects}


@pytest.mark.parametrize("text, date, subject, org, since", [
    ("Le Qatar a quitté l'OPEP en janvier 2019 pour se consacrer au gaz.",
     "2019-02-10", "country:QA", "org:OPEC", "2019-01"),
    ("Luanda a annoncé jeudi la sortie de l'Angola de l'OPEP.",
     "2023-12-22", "country:AO", "org:OPEC", "2023-12-21"),
    ("Le Burkina Faso se retire de la CEDEAO ce dimanche, selon un communiqué.",
     "2024-01-28", "country:BF", "org:ECOWAS", "2024-01-28"),
])
def test_facts_departures_are_left_with_date(nlp, text, date, subject, org, since):
    facts = facts_of(nlp, text, date)
    assert triples(facts) == {(subject, "left", org)}
    assert facts[0].valid_from.start == since


@pytest.mark.parametrize("text, since", [
    ("Créée en 2001, l'OCS réunit des États d'Asie centrale autour de la sécurité.", "2001"),
    ("L'OCS a été fondée le 15 juin 2001 à Shanghai par six États.", "2001-06-15"),
])
def test_facts_founding_of_organisation(nlp, text, since):
    founded = [f for f in facts_of(nlp, text) if f.predicate == "founded"]
    assert [(f.subject, f.object) for f in founded] == [("org:SCO", None)]
    assert founded[0].valid_from.start == since


def test_facts_office_only_from_apposition(nlp):
    text = ("Ursula von der Leyen, présidente de la Commission européenne, a reçu le "
            "président russe, Vladimir Poutine, à Bruxelles.")
    offices = [f for f in facts_of(nlp, text) if f.predicate == "holds_office"]
    assert [(f.subject, f.object) for f in offices] == [
        ("person:ursula-von-der-leyen", "présidente de la Commission européenne")]


@pytest.mark.parametrize("text", [
    "Les diplomates russes ont rejoint Astana pour le sommet.",
    "Le Mali a quitté la salle avant la fin de la réunion.",
])
def test_facts_none_from_negation_adjectives_or_without_organisation(nlp, text):
    assert facts_of(nlp, text) == []


@pytest.mark.parametrize("text, subjects, status", [
    ("L'Autriche et la Suisse ne font pas partie de l'OTAN.",
     {"country:AT", "country:CH"}, "negated"),
    ("Selon Berne, la Suisse pourrait rejoindre l'OTAN un jour.", {"country:CH"}, "hypothetical"),
])
def test_facts_negated_and_hypothetical_kept_with_their_status(nlp, text, subjects, status):
    facts = facts_of(nlp, text)
    assert {(f.subject, f.status) for f in facts} == {(s, status) for s in subjects}
    assert {f.object for f in facts} == {"org:NATO"}


def lines_facts(nlp, text: str, date: str = "2024-07-05"):
    """Facts of a text whose every line starts a sentence, as in the real pipeline."""
    doc = nlp.make_doc(text)
    for i, token in enumerate(doc[:-1]):
        if "\n" in token.text or "\n" in token.whitespace_:
            doc[i + 1].is_sent_start = True
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    return extract_facts(doc, mentions_for(doc), article(text, date))


def test_facts_members_listed_under_year_headings(nlp):
    text = ("Qui compose l'OTAN aujourd'hui ?\n\nPays fondateurs, 1949\n\n"
            "Belgique, Danemark et Norvège\n\n1952\n\nGrèce\n\n1999\n\nPologne et Hongrie")
    facts = lines_facts(nlp, text)
    assert {(f.subject, f.valid_from.start) for f in facts} == {
        ("country:BE", "1949"), ("country:DK", "1949"), ("country:NO", "1949"),
        ("country:GR", "1952"), ("country:PL", "1999"), ("country:HU", "1999")}
    assert {(f.predicate, f.object) for f in facts} == {("member_of", "org:NATO")}


def test_facts_bare_year_lines_without_membership_context_give_nothing(nlp):
    text = "Le sommet de l'OTAN s'ouvre demain.\n\n2024\n\nGrèce et Pologne"
    assert lines_facts(nlp, text) == []


def test_facts_departure_with_parenthesised_entry_years_and_respectively(nlp):
    text = ("Dans l'histoire de l'OPEP, l'Équateur (1973) et le Gabon (1975) s'en sont "
            "retirés respectivement en 1992 et 1994.")
    got = {(f.subject, f.predicate, f.valid_from.start) for f in facts_of(nlp, text)}
    assert got == {("country:EC", "member_of", "1973"), ("country:GA", "member_of", "1975"),
                   ("country:EC", "left", "1992"), ("country:GA", "left", "1994")}


@pytest.mark.parametrize("text, date, expected", [
    ("Le Royaume-Uni n'est plus membre de l'Union européenne depuis vendredi soir.",
     "2020-02-01", ("country:GB", "left", "org:EU", "2020-01-31")),
    ("La Grèce devient ce lundi le 12e membre de l'OTAN, selon Athènes.",
     "2024-07-01", ("country:GR", "member_of", "org:NATO", "2024-07-01")),
    ("La Croatie devient membre de l'Union européenne.",
     "2013-07-01", ("country:HR", "member_of", "org:EU", "2013-07-01")),
    ("Les dirigeants ont salué l'entrée de la Croatie au sein de l'OTAN le 1er avril 2009.",
     "2009-04-02", ("country:HR", "member_of", "org:NATO", "2009-04-01")),
    ("Le Parlement a approuvé mardi l'adhésion de la Suède à l'OTAN.",
     "2024-01-24", ("country:SE", "candidate_of", "org:NATO", "2024-01-23")),
    ("Le Caire a obtenu le rétablissement de l'adhésion de la Syrie à la Ligue arabe le 7 mai.",
     "2023-05-09", ("country:SY", "member_of", "org:LAS", "2023-05-07")),
])
def test_facts_departures_and_accessions_in_nominal_or_present_form(nlp, text, date, expected):
    facts = [f for f in facts_of(nlp, text, date) if f.predicate != "holds_office"]
    assert [(f.subject, f.predicate, f.object, f.valid_from.start) for f in facts] == [expected]


@pytest.mark.parametrize("text, org, members", [
    ("Au départ, l'OCS réunissait la Chine et la Russie, rejointes en 2017 par l'Inde et "
     "le Pakistan.", "org:SCO", {("country:CN", None), ("country:RU", None),
                                 ("country:IN", "2017"), ("country:PK", "2017")}),
    ("Le sommet du G7 – Allemagne, Canada et Japon – se tient en Italie.",
     "org:G7", {("country:DE", None), ("country:CA", None), ("country:JP", None)}),
    ("La CEDEAO se compose désormais du Mali et du Niger.",
     "org:ECOWAS", {("country:ML", None), ("country:NE", None)}),
    ("Le traité de l'OTAN lie une alliance de 3 pays : la Belgique, le Danemark et la Norvège.",
     "org:NATO", {("country:BE", None), ("country:DK", None), ("country:NO", None)}),
    ("L'OCS a accueilli ses six membres fondateurs de 2001 : la Chine, la Russie et le "
     "Kazakhstan.", "org:SCO", {("country:CN", "2001"), ("country:RU", "2001"),
                                ("country:KZ", "2001")}),
])
def test_facts_lists_introduced_in_other_forms(nlp, text, org, members):
    facts = [f for f in facts_of(nlp, text) if f.predicate == "member_of"]
    assert {(f.subject, f.valid_from.start if f.valid_from else None) for f in facts} == members
    assert {f.object for f in facts} == {org}


def test_facts_fronted_status_apposition_takes_the_salient_organisation(nlp):
    text = ("L'OCS tient son sommet. L'OCS a publié un communiqué. L'OTAN observe. "
            "Observateur depuis 2015, le Népal espère davantage.")
    facts = facts_of(nlp, text)
    assert [(f.subject, f.predicate, f.object, f.valid_from.start) for f in facts] == [
        ("country:NP", "observer_of", "org:SCO", "2015")]


def test_facts_anaphor_picks_organisation_whose_name_it_repeats(nlp):
    text = ("L'Union européenne et la Commission européenne ont réagi. "
            "L'Union compte désormais 3 pays : la Belgique, le Danemark et la Croatie.")
    facts = facts_of(nlp, text)
    assert {f.object for f in facts} == {"org:EU"} and len(facts) == 3


def test_facts_committee_composed_of_states_is_not_a_membership(nlp):
    text = ("La Ligue arabe s'est réunie au Caire. Les ministres ont formé un comité composé "
            "de l'Égypte et de l'Arabie saoudite.")
    assert facts_of(nlp, text) == []


def test_facts_sentence_fragments_are_joined_before_reading_lists(nlp):
    text = "L'OTAN compte parmi ses membres : la Belgique\n, le Danemark\n, la Norvège et la Grèce."
    facts = lines_facts(nlp, text)
    assert {f.subject for f in facts} == {"country:BE", "country:DK", "country:NO", "country:GR"}


def dated(facts, predicate: str = "member_of"):
    return {(f.subject, f.object, f.valid_from.start if f.valid_from else None, f.status)
            for f in facts if f.predicate == predicate}


def test_facts_negation_in_relative_clause_does_not_negate_main_clause(nlp):
    text = ("Le Kazakhstan, qui n'appartenait pas à l'ancien forum, devient à son tour "
            "membre de l'OCS à part entière.")
    facts = facts_of(nlp, text, "2019-03-02")
    assert dated(facts) == {("country:KZ", "org:SCO", "2019-03-02", "stated")}


def test_facts_relative_clause_cue_kept_when_main_clause_has_none(nlp):
    text = "La Turquie, qui fait partie de l'OTAN, a accueilli la réunion à Ankara."
    assert dated(facts_of(nlp, text)) == {("country:TR", "org:NATO", None, "stated")}


@pytest.mark.parametrize("text, date, org, subjects, since", [
    ("Mardi à Vienne, la Mongolie, le Népal et le Sri Lanka ont paraphé l'acte constitutif "
     "de l'AES.", "2019-03-07", "org:AES",
     {"country:MN", "country:NP", "country:LK"}, "2019-03-05"),
    ("La Grèce et le Portugal s'étaient alliés le 4 mai dernier en signant un pacte à Faro "
     "donnant naissance à l'AES.", "2020-01-10", "org:AES",
     {"country:GR", "country:PT"}, "2019-05-04"),
    ("Le BRICS a tenu sa réunion annuelle. Le club, imaginé dès 1999, a été créé le 3 mars "
     "2005 à Lisbonne, au cours d'une conférence rassemblant l'Autriche, la Suisse et la "
     "Hongrie.", "2012-05-02", "org:BRICS",
     {"country:AT", "country:CH", "country:HU"}, "2005-03-03"),
])
def test_facts_founders_dated_by_the_founding(nlp, text, date, org, subjects, since):
    facts = facts_of(nlp, text, date)
    assert dated(facts) == {(s, org, since, "stated") for s in subjects}


def test_facts_founders_take_the_founding_date_the_article_gives(nlp):
    text = ("Au sommet de l'AES, le Mali, le Niger et le Burkina Faso ont ratifié l'accord "
            "instituant une confédération. L'AES avait été fondée le 2 mai 2019.")
    facts = facts_of(nlp, text, "2024-07-08")
    assert {(s, since) for s, _o, since, _st in dated(facts)} == {
        ("country:ML", "2019-05-02"), ("country:NE", "2019-05-02"), ("country:BF", "2019-05-02")}


@pytest.mark.parametrize("text, expected", [
    ("Le Mali, le Niger et le Burkina Faso ont tenu un sommet. Les trois pays de l'AES ont "
     "ouvert une ambassade commune.",
     {("country:ML", "member_of", "org:AES"), ("country:NE", "member_of", "org:AES"),
      ("country:BF", "member_of", "org:AES")}),
    ("La Grèce et l'Espagne ont protesté. La CEDEAO a annoncé la sortie des deux pays de "
     "l'organisation.",
     {("country:GR", "left", "org:ECOWAS"), ("country:ES", "left", "org:ECOWAS")}),
    ("La Grèce et l'Espagne ont protesté. Les deux pays ont signé un accord avec l'OTAN.",
     set()),
    ("La Grèce et l'Espagne ont protesté. Les trois pays de l'AES ont réagi.", set()),
])
def test_facts_counted_reference_stands_for_last_list_of_that_size(nlp, text, expected):
    assert triples(facts_of(nlp, text)) == expected


@pytest.mark.parametrize("text, date, since", [
    ("La Suède annonce son retrait de l'OPEP au 1er mars.", "2024-12-10", "2025-03-01"),
    ("La Suède annonce son retrait de l'OPEP au 1er mars.", "2024-01-10", "2024-03-01"),
])
def test_facts_announced_departure_date_is_to_come(nlp, text, date, since):
    assert dated(facts_of(nlp, text, date), "left") == {("country:SE", "org:OPEC", since, "stated")}


def test_facts_ordinal_series_gives_earlier_moves_their_own_dates(nlp):
    text = ("L'OPEP a perdu un membre. Après la Grèce en mars 2015 et le Portugal en mai 2017, "
            "l'Espagne est le troisième pays à partir en dix ans.")
    assert dated(facts_of(nlp, text, "2020-02-01"), "left") == {
        ("country:GR", "org:OPEC", "2015-03", "stated"),
        ("country:PT", "org:OPEC", "2017-05", "stated")}


def test_facts_accession_with_adverb_inside_compound_verb(nlp):
    text = "L'Égypte est finalement devenue membre des BRICS le 2 janvier."
    assert dated(facts_of(nlp, text, "2024-01-05")) == {
        ("country:EG", "org:BRICS", "2024-01-02", "stated")}


@pytest.mark.parametrize("text", [
    "La Hongrie fait partie de l'OTAN depuis longtemps.",
    "La Hongrie appartenait déjà à l'OTAN à cette époque.",
])
def test_facts_singular_and_imperfect_membership_verbs(nlp, text):
    assert triples(facts_of(nlp, text)) == {("country:HU", "member_of", "org:NATO")}
