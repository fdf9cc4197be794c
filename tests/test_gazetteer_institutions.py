"""Invariants of data/institutions.json: national parliaments, armed forces and
the words of ministry portfolios.

The file is read directly (no loader), so that a broken row is caught where it
is written; one test also checks that the package loader accepts it.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path

import pytest

from veille.text import fold

DATA = Path(__file__).resolve().parent.parent / "src" / "veille" / "data"

REQUIRED = ("of", "kind", "name", "name_fr", "aliases_fr")
KINDS = {"parliament", "armed_forces"}
QID = re.compile(r"^Q[1-9][0-9]*$")
ARTICLES = ("le ", "la ", "les ", "l'", "l\u2019", "du ", "des ")

# Head words an alias of each kind may start with, and the agreement each
# head word asks of a following demonym: (feminine, plural).
HEADS: dict[str, dict[str, tuple[bool, bool]]] = {
    "parliament": {
        "parlement": (False, False), "congrès": (False, False), "conseil": (False, False),
        "sénat": (False, False), "yuan": (False, False), "assemblée": (True, False),
        "grande": (True, False), "chambre": (True, False), "diète": (True, False),
        "douma": (True, False), "rada": (True, False), "cortes": (True, True),
        "états": (False, True),
    },
    "armed_forces": {
        "armée": (True, False), "armées": (True, True), "forces": (True, True),
        "force": (True, False),
    },
}
# Organisations rows that already name the same body (organisations.json is not
# ours to edit): their names may meet ours.
KNOWN_ORGANISATION_OVERLAP: set[str] = set()
# Adjectives the press also leaves invariable ("forces armées burkinabè").
INVARIABLE = {"burkinabe"}


@pytest.fixture(scope="module")
def doc() -> dict:
    return json.loads((DATA / "institutions.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def rows(doc) -> list[dict]:
    return doc["institutions"]


@pytest.fixture(scope="module")
def countries() -> dict[str, dict]:
    payload = json.loads((DATA / "countries.json").read_text(encoding="utf-8"))
    return {c["iso"]: c for c in payload["countries"]}


def names_of(row: dict) -> list[str]:
    """Every text the loader turns into an alias of the row."""
    return [row["name"], row["name_fr"], *row["aliases_fr"]]


def find(rows: list[dict], iso: str, kind: str) -> list[dict]:
    return [r for r in rows if r["of"] == iso and r["kind"] == kind]


def test_institutions_file_has_version_and_sections(doc):
    assert doc["version"] == 1
    assert isinstance(doc["institutions"], list) and len(doc["institutions"]) > 100
    assert isinstance(doc["portfolios"], dict)


def test_institutions_rows_have_required_keys_and_types(rows):
    for row in rows:
        missing = [k for k in REQUIRED if k not in row]
        assert not missing, f"{row.get('name')}: missing {missing}"
        assert row["kind"] in KINDS, row
        assert row["name"].strip() and row["name_fr"].strip(), row
        assert isinstance(row["aliases_fr"], list), row
        assert all(isinstance(a, str) and a.strip() == a and a for a in row["aliases_fr"]), row
        if "wikidata" in row:
            assert QID.match(row["wikidata"]), row


def test_institutions_every_state_exists_in_countries(rows, countries):
    unknown = sorted({r["of"] for r in rows} - set(countries))
    assert not unknown


def test_institutions_names_are_unique(rows):
    seen: dict[str, str] = {}
    for row in rows:
        key = fold(row["name"])
        assert key not in seen, f"{row['name']} twice"
        seen[key] = row["of"]


def test_institutions_no_folded_alias_names_two_institutions(rows):
    owners: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        for text in names_of(row):
            owners[fold(text)].add(f"{row['of']}:{row['name']}")
    clashes = {k: v for k, v in owners.items() if len(v) > 1}
    assert not clashes


def test_institutions_aliases_carry_no_leading_article(rows):
    for row in rows:
        for alias in [row["name_fr"], *row["aliases_fr"]]:
            assert not alias.lower().startswith(ARTICLES), f"{row['name']}: {alias!r}"


def test_institutions_aliases_start_with_kind_word_or_proper_name(rows):
    """A lower-case alias must open on a head word of its kind ("armée
    soudanaise"); anything else must be a proper name or an acronym."""
    for row in rows:
        heads = HEADS[row["kind"]]
        for alias in [row["name_fr"], *row["aliases_fr"]]:
            first = alias.split()[0].lower()
            if first in heads:
                continue
            assert alias[0].isupper(), f"{row['name']}: {alias!r} is neither a kind word nor a name"


def test_institutions_demonyms_agree_with_head_word(rows, countries):
    """"armée turque", "parlement turc", "forces armées turques": the adjective
    of the row's state takes the gender and number of the head word."""
    checked = 0
    for row in rows:
        heads = HEADS[row["kind"]]
        forms = countries[row["of"]]["demonyms_fr"]  # m. sg., f. sg., m. pl., f. pl.
        for alias in [row["name_fr"], *row["aliases_fr"]]:
            words = alias.split()
            head = words[0].lower()
            last = fold(words[-1])
            if head not in heads or len(words) < 2 or last not in {fold(f) for f in forms}:
                continue
            if fold(words[-2]) in ("de", "des", "du", "d"):
                continue  # "Congrès des Philippines": a country name, not an adjective
            feminine, plural = heads[head]
            expected = forms[(2 if plural else 0) + (1 if feminine else 0)]
            if last in INVARIABLE:
                continue
            assert last == fold(expected), f"{row['name']}: {alias!r} should end {expected!r}"
            checked += 1
    assert checked > 100


@pytest.mark.parametrize("iso", [
    "AR", "AU", "BR", "CA", "CN", "FR", "DE", "IN", "ID", "IT", "JP", "KR", "MX", "RU",
    "SA", "ZA", "TR", "GB", "US", "PK", "IR", "BY", "EG", "ET", "AE", "UA", "IL", "DZ",
    "MA", "NG", "PL", "HU", "ES", "NL", "BE", "VE", "KP", "TW", "PH", "VN",
])
def test_institutions_cover_state_with_parliament_and_armed_forces(rows, iso):
    assert find(rows, iso, "parliament"), f"{iso}: no parliament"
    assert find(rows, iso, "armed_forces"), f"{iso}: no armed forces"


@pytest.mark.parametrize("phrase, iso, kind, name", [
    ("parlement turc", "TR", "parliament", "Grand National Assembly of Turkey"),
    ("Grande Assemblée nationale de Turquie", "TR", "parliament", "Grand National Assembly of Turkey"),
    ("armée soudanaise", "SD", "armed_forces", "Sudanese Armed Forces"),
    ("Forces armées soudanaises", "SD", "armed_forces", "Sudanese Armed Forces"),
    ("armée rwandaise", "RW", "armed_forces", "Rwanda Defence Force"),
    ("Forces rwandaises de défense", "RW", "armed_forces", "Rwanda Defence Force"),
    ("armée nigérienne", "NE", "armed_forces", "Niger Armed Forces"),
    ("armée nigériane", "NG", "armed_forces", "Nigerian Armed Forces"),
    ("FAMa", "ML", "armed_forces", "Malian Armed Forces"),
    ("Parlement britannique", "GB", "parliament", "Parliament of the United Kingdom"),
    ("Congrès américain", "US", "parliament", "United States Congress"),
    ("Douma", "RU", "parliament", "State Duma"),
    ("parlement russe", "RU", "parliament", "Federal Assembly (Russia)"),
    ("Tsahal", "IL", "armed_forces", "Israel Defense Forces"),
    ("APL", "CN", "armed_forces", "People's Liberation Army"),
    ("forces armées ukrainiennes", "UA", "armed_forces", "Armed Forces of Ukraine"),
    ("Bundestag", "DE", "parliament", "Bundestag"),
    ("Sejm", "PL", "parliament", "Sejm"),
])
def test_institutions_phrase_names_expected_body(rows, phrase, iso, kind, name):
    hits = [r for r in rows if fold(phrase) in {fold(t) for t in names_of(r)}]
    assert [(r["of"], r["kind"], r["name"]) for r in hits] == [(iso, kind, name)]


def test_institutions_do_not_shadow_countries(rows, countries):
    """No institution alias is also a name of a state, a demonym or a capital."""
    state_names = set()
    for c in countries.values():
        for text in [c["name"], c["name_fr"], *c.get("aliases_fr", []), *c.get("aliases_en", []),
                     *c["demonyms_fr"], c["capital_fr"], *c.get("seats_fr", [])]:
            state_names.add(fold(text))
    for row in rows:
        clash = [t for t in names_of(row) if fold(t) in state_names]
        assert not clash, f"{row['name']}: {clash}"


def test_institutions_overlap_organisations_only_where_known(rows):
    payload = json.loads((DATA / "organisations.json").read_text(encoding="utf-8"))
    org_names: dict[str, str] = {}
    for org in payload["organisations"]:
        for text in [org["name"], org["name_fr"], *org.get("acronyms", []),
                     *org.get("aliases_en", []), *org.get("aliases_fr", [])]:
            org_names[fold(text)] = org["key"]
    for row in rows:
        keys = {org_names[fold(t)] for t in names_of(row) if fold(t) in org_names}
        assert keys <= KNOWN_ORGANISATION_OVERLAP, f"{row['name']}: {keys}"


def test_portfolios_map_lower_case_french_to_english(doc):
    portfolios = doc["portfolios"]
    assert len(portfolios) >= 25
    for french, english in portfolios.items():
        assert french == french.lower() and french.strip() == french, french
        assert english and english[0].isupper() or english.startswith("the "), english
    assert len({fold(k) for k in portfolios}) == len(portfolios)


@pytest.mark.parametrize("french, english", [
    ("défense", "Defence"),
    ("affaires étrangères", "Foreign Affairs"),
    ("intérieur", "the Interior"),
    ("situations d'urgence", "Emergency Situations"),
    ("armées", "the Armed Forces"),
])
def test_portfolios_spot_checks(doc, french, english):
    assert doc["portfolios"][french] == english


def test_institutions_load_through_gazetteer():
    from veille import gazetteer

    gaz = gazetteer.load()
    iid = gazetteer.institution_id("SD", "Sudanese Armed Forces")
    assert iid in gaz.entities
    assert iid in {a.entity_id for a in gaz.lookup("armée soudanaise")}
    assert gaz.portfolios.get(fold("affaires étrangères")) == "Foreign Affairs"
