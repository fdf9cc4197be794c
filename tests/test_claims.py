"""veille.claims: quantitative claims (shares, member counts, amounts)."""

from __future__ import annotations

import re

import pytest

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
    """Mentions for every surface string of ``table`` found in the text (longest first)."""
    sents = list(doc.sents)
    found: list[Mention] = []
    for surface in sorted(table, key=len, reverse=True):
        target = table[surface]
        eid, kind = (target, "name") if isinstance(target, str) else target
        for m in re.finditer(r"(?<!\w)" + re.escape(surface) + r"(?!\w)", doc.text):
            if any(m.start() < x.end and x.start < m.end() for x in found):
                continue
            index = next(i for i, s in enumerate(sents) if s.start_char <= m.start() < s.end_char)
            found.append(Mention(m.start(), m.end(), m.group(0), index, eid, kind))
    return sorted(found, key=lambda x: x.start)


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
