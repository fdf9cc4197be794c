"""Invariants of the shipped gazetteer data: countries.json and places.json.

These tests read the JSON files directly (no loader), so that a broken row is
caught where it is written.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path

import pytest

from veille.text import fold

DATA = Path(__file__).resolve().parent.parent / "src" / "veille" / "data"

COUNTRY_REQUIRED = ("iso", "wikidata", "name", "name_fr", "demonyms_fr", "capital", "capital_fr")
COUNTRY_LISTS = ("aliases_en", "aliases_fr", "demonyms_fr", "capital_aliases_fr", "seats_fr")
PLACE_REQUIRED = ("name", "name_fr")
FORMER_STATES = {"SU", "YU", "CS"}
NON_UN_STATES = {"TW", "XK", "PS", "VA"}
UN_MEMBER_COUNT = 193
QID = re.compile(r"^Q[1-9][0-9]*$")
# Demonyms that French genuinely shares between two states (both Congos).
SHARED_DEMONYMS = {"congolais", "congolaise", "congolaises"}


@pytest.fixture(scope="module")
def countries() -> list[dict]:
    doc = json.loads((DATA / "countries.json").read_text(encoding="utf-8"))
    assert doc["version"] == 1
    return doc["countries"]


@pytest.fixture(scope="module")
def places() -> list[dict]:
    doc = json.loads((DATA / "places.json").read_text(encoding="utf-8"))
    assert doc["version"] == 1
    return doc["places"]


@pytest.fixture(scope="module")
def by_iso(countries) -> dict[str, dict]:
    return {c["iso"]: c for c in countries}


def country_names(row: dict) -> list[str]:
    """French names a country is written under (name and aliases)."""
    return [row["name_fr"], *row.get("aliases_fr", [])]


def capital_names(row: dict) -> list[str]:
    return [row["capital_fr"], *row.get("capital_aliases_fr", [])]


def place_names(row: dict) -> list[str]:
    return [row["name_fr"], *row.get("aliases_fr", [])]


def owners(rows: list[dict], key, names) -> dict[str, set[str]]:
    """Folded name -> set of row keys that carry it."""
    seen: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        for name in names(row):
            seen[fold(name)].add(key(row))
    return seen


# --- countries: shape ------------------------------------------------------


def test_countries_rows_have_required_keys(countries):
    missing = [(c.get("iso"), k) for c in countries for k in COUNTRY_REQUIRED if not c.get(k)]
    assert missing == []


def test_countries_list_fields_are_lists_of_nonempty_strings(countries):
    bad = [
        (c["iso"], k)
        for c in countries
        for k in COUNTRY_LISTS
        if k in c and not (isinstance(c[k], list) and all(isinstance(v, str) and v.strip() for v in c[k]))
    ]
    assert bad == []


def test_countries_iso_codes_are_unique_two_letter_codes(countries):
    codes = [c["iso"] for c in countries]
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"[A-Z]{2}", code) for code in codes)


def test_countries_wikidata_ids_are_wellformed_and_unique(countries):
    ids = [c["wikidata"] for c in countries]
    assert all(QID.match(i) for i in ids)
    assert len(ids) == len(set(ids))


def test_countries_english_names_are_unique(countries):
    names = [c["name"] for c in countries]
    assert len(names) == len(set(names))


def test_countries_count_is_un_members_plus_others(countries):
    current = {c["iso"] for c in countries if not c.get("former")}
    assert NON_UN_STATES <= current
    assert len(current - NON_UN_STATES) == UN_MEMBER_COUNT


def test_countries_former_states_are_flagged(by_iso):
    assert {iso for iso, c in by_iso.items() if c.get("former")} == FORMER_STATES


@pytest.mark.parametrize(
    "iso, name, name_fr, wikidata",
    [
        ("RU", "Russia", "Russie", "Q159"),
        ("CN", "China", "Chine", "Q148"),
        ("US", "United States", "États-Unis", "Q30"),
        ("GB", "United Kingdom", "Royaume-Uni", "Q145"),
        ("FR", "France", "France", "Q142"),
        ("IN", "India", "Inde", "Q668"),
        ("IR", "Iran", "Iran", "Q794"),
        ("PK", "Pakistan", "Pakistan", "Q843"),
        ("KZ", "Kazakhstan", "Kazakhstan", "Q232"),
        ("KG", "Kyrgyzstan", "Kirghizistan", "Q813"),
        ("UZ", "Uzbekistan", "Ouzbékistan", "Q265"),
        ("TJ", "Tajikistan", "Tadjikistan", "Q863"),
        ("BY", "Belarus", "Biélorussie", "Q184"),
        ("TR", "Turkey", "Turquie", "Q43"),
        ("UA", "Ukraine", "Ukraine", "Q212"),
        ("CI", "Ivory Coast", "Côte d'Ivoire", "Q1008"),
        ("CD", "Democratic Republic of the Congo", "République démocratique du Congo", "Q974"),
        ("CG", "Republic of the Congo", "République du Congo", "Q971"),
        ("KR", "South Korea", "Corée du Sud", "Q884"),
        ("KP", "North Korea", "Corée du Nord", "Q423"),
        ("SZ", "Eswatini", "Eswatini", "Q1050"),
        ("MM", "Myanmar", "Birmanie", "Q836"),
        ("TW", "Taiwan", "Taïwan", "Q865"),
        ("XK", "Kosovo", "Kosovo", "Q1246"),
        ("PS", "State of Palestine", "Palestine", "Q219060"),
        ("VA", "Vatican City", "Vatican", "Q237"),
        ("SU", "Soviet Union", "Union soviétique", "Q15180"),
        ("NL", "Netherlands", "Pays-Bas", "Q55"),
    ],
)
def test_countries_sample_identity(by_iso, iso, name, name_fr, wikidata):
    row = by_iso[iso]
    assert (row["name"], row["name_fr"], row["wikidata"]) == (name, name_fr, wikidata)


@pytest.mark.parametrize(
    "iso",
    ["DE", "BR", "ZA", "EG", "SA", "AE", "JP", "MX", "NG", "ET", "AR", "ID", "SY", "IL",
     "AF", "VE", "CU", "ML", "NE", "BF", "TD", "SD", "SS", "AM", "AZ", "GE", "MD", "RS",
     "TM", "MN", "KH", "NR", "TV", "PW", "KN", "ST", "TL", "FM", "MH", "SM"],
)
def test_countries_include_un_member(by_iso, iso):
    assert iso in by_iso and not by_iso[iso].get("former")


# --- countries: demonyms --------------------------------------------------


def test_countries_demonyms_have_four_lowercase_forms(countries):
    bad = [c["iso"] for c in countries if len(c["demonyms_fr"]) != 4
           or any(form != form.lower() for form in c["demonyms_fr"])]
    assert bad == []


@pytest.mark.parametrize(
    "iso, forms",
    [
        ("CN", ["chinois", "chinoise", "chinois", "chinoises"]),
        ("US", ["américain", "américaine", "américains", "américaines"]),
        ("BY", ["biélorusse", "biélorusse", "biélorusses", "biélorusses"]),
        ("RU", ["russe", "russe", "russes", "russes"]),
        ("TR", ["turc", "turque", "turcs", "turques"]),
        ("GR", ["grec", "grecque", "grecs", "grecques"]),
        ("IR", ["iranien", "iranienne", "iraniens", "iraniennes"]),
        ("KR", ["sud-coréen", "sud-coréenne", "sud-coréens", "sud-coréennes"]),
        ("UZ", ["ouzbek", "ouzbèke", "ouzbeks", "ouzbèkes"]),
        ("BF", ["burkinabè", "burkinabè", "burkinabès", "burkinabès"]),
        ("AE", ["émirati", "émiratie", "émiratis", "émiraties"]),
        ("SU", ["soviétique", "soviétique", "soviétiques", "soviétiques"]),
        ("LY", ["libyen", "libyenne", "libyens", "libyennes"]),
        ("UY", ["uruguayen", "uruguayenne", "uruguayens", "uruguayennes"]),
        ("KG", ["kirghiz", "kirghize", "kirghiz", "kirghizes"]),
    ],
)
def test_countries_demonym_inflection(by_iso, iso, forms):
    assert by_iso[iso]["demonyms_fr"] == forms


def test_countries_demonyms_point_to_one_country_except_known_shared(countries):
    seen = owners(countries, lambda c: c["iso"], lambda c: set(c["demonyms_fr"]))
    clashes = {form: isos for form, isos in seen.items() if len(isos) > 1}
    assert set(clashes) <= SHARED_DEMONYMS, clashes


# --- countries: names never ambiguous ------------------------------------


def test_countries_french_names_fold_to_one_country(countries):
    seen = owners(countries, lambda c: c["iso"], country_names)
    clashes = {name: isos for name, isos in seen.items() if len(isos) > 1}
    assert clashes == {}


def test_countries_capital_shared_only_with_former_state(countries):
    seen = owners(countries, lambda c: c["iso"], capital_names)
    clashes = {name: isos for name, isos in seen.items()
               if len(isos) > 1 and len(isos - FORMER_STATES) > 1}
    assert clashes == {}


def test_countries_capital_is_never_another_country_name(countries):
    names = owners(countries, lambda c: c["iso"], country_names)
    clashes = [(c["iso"], cap) for c in countries for cap in capital_names(c)
               if names.get(fold(cap), {c["iso"]}) - {c["iso"]}]
    assert clashes == []


def test_countries_seats_fold_to_one_country(countries):
    seen = owners(countries, lambda c: c["iso"], lambda c: c.get("seats_fr", []))
    assert {s: isos for s, isos in seen.items() if len(isos) > 1} == {}


@pytest.mark.parametrize(
    "iso, alias",
    [
        ("BY", "Biélorussie"), ("BY", "Bélarus"), ("BY", "BELARUS"),
        ("KG", "Kirghizistan"), ("KG", "Kirghizstan"),
        ("CZ", "République tchèque"), ("CZ", "Tchéquie"),
        ("BF", "Burkina"), ("BF", "Burkina Faso"),
        ("CD", "RDC"), ("CD", "République démocratique du Congo"),
        ("CF", "Centrafrique"),
        ("AE", "Émirats arabes unis"), ("AE", "EAU"),
        ("US", "États-Unis"), ("US", "Etats-Unis"), ("US", "USA"),
        ("GB", "Royaume-Uni"), ("GB", "Grande-Bretagne"),
        ("SU", "Union soviétique"), ("SU", "URSS"),
        ("TR", "Turquie"), ("TR", "Türkiye"),
        ("NL", "Pays-Bas"), ("SA", "Arabie saoudite"), ("SY", "Syrie"),
        ("MM", "Myanmar"), ("MD", "Moldova"), ("MK", "Macédoine"),
        ("CI", "Côte d’Ivoire"), ("VA", "Saint-Siège"), ("TW", "Formose"),
    ],
)
def test_countries_french_alias_resolves(countries, iso, alias):
    seen = owners(countries, lambda c: c["iso"], country_names)
    assert seen[fold(alias)] == {iso}


@pytest.mark.parametrize(
    "iso, capital",
    [
        ("RU", "Moscou"), ("CN", "Pékin"), ("CN", "Beijing"), ("UA", "Kiev"), ("UA", "Kyiv"),
        ("KZ", "Astana"), ("KZ", "Nour-Soultan"), ("IN", "New Delhi"), ("IN", "New Dehli"),
        ("SA", "Riyad"), ("SA", "Ryad"), ("IR", "Téhéran"), ("US", "Washington"),
        ("TR", "Ankara"), ("KG", "Bichkek"), ("TJ", "Douchanbé"), ("UZ", "Tachkent"),
    ],
)
def test_countries_capital_spelling_resolves(by_iso, iso, capital):
    assert fold(capital) in {fold(n) for n in capital_names(by_iso[iso])}


@pytest.mark.parametrize(
    "iso, seat",
    [("RU", "Kremlin"), ("US", "Maison Blanche"), ("FR", "Élysée"), ("FR", "Quai d'Orsay"),
     ("GB", "Downing Street"), ("CN", "Zhongnanhai")],
)
def test_countries_seat_of_power(by_iso, iso, seat):
    assert seat in by_iso[iso].get("seats_fr", [])


# --- places --------------------------------------------------------------


def test_places_rows_have_required_keys(places):
    missing = [(p.get("name"), k) for p in places for k in PLACE_REQUIRED if not p.get(k)]
    assert missing == []


def test_places_country_codes_exist(places, by_iso):
    unknown = [(p["name"], p["country"]) for p in places if "country" in p and p["country"] not in by_iso]
    assert unknown == []


def test_places_wikidata_ids_are_wellformed_and_unique(places, countries):
    ids = [p["wikidata"] for p in places if "wikidata" in p]
    assert all(QID.match(i) for i in ids)
    assert len(ids) == len(set(ids))
    assert not set(ids) & {c["wikidata"] for c in countries}


def test_places_names_are_unique(places):
    names = [p["name"] for p in places]
    assert len(names) == len(set(names))


def test_places_french_names_fold_to_one_place(places):
    seen = owners(places, lambda p: p["name"], place_names)
    assert {n: ps for n, ps in seen.items() if len(ps) > 1} == {}


def test_places_never_shadow_a_country_or_capital(places, countries):
    taken = set(owners(countries, lambda c: c["iso"], country_names))
    taken |= set(owners(countries, lambda c: c["iso"], capital_names))
    clashes = [n for p in places for n in place_names(p) if fold(n) in taken]
    assert clashes == []


@pytest.mark.parametrize(
    "alias, name, country",
    [
        ("Oufa", "Ufa", "RU"), ("Ufa", "Ufa", "RU"),
        ("Shanghaï", "Shanghai", "CN"), ("Saint-Pétersbourg", "Saint Petersburg", "RU"),
        ("Samarcande", "Samarkand", "UZ"), ("Sotchi", "Sochi", "RU"),
        ("La Haye", "The Hague", "NL"), ("Genève", "Geneva", "CH"),
        ("Djeddah", "Jeddah", "SA"), ("Koursk", "Kursk Oblast", "RU"),
        ("région de Koursk", "Kursk Oblast", "RU"), ("Kharkov", "Kharkiv", "UA"),
        ("Zaporijjia", "Zaporizhzhia", "UA"), ("Marioupol", "Mariupol", "UA"),
        ("Bakhmout", "Bakhmut", "UA"), ("Crimée", "Crimea", "UA"),
        ("Haut-Karabakh", "Nagorno-Karabakh", "AZ"), ("bande de Gaza", "Gaza Strip", "PS"),
        ("Cisjordanie", "West Bank", "PS"), ("Nord-Kivu", "North Kivu", "CD"),
        ("Darfour", "Darfur", "SD"), ("Tigré", "Tigray Region", "ET"),
        ("Xinjiang", "Xinjiang", "CN"), ("Hong Kong", "Hong Kong", "CN"),
        ("Golan", "Golan Heights", "SY"), ("Sinaï", "Sinai Peninsula", "EG"),
    ],
)
def test_places_alias_resolves(places, alias, name, country):
    seen = owners(places, lambda p: p["name"], place_names)
    assert seen[fold(alias)] == {name}
    row = next(p for p in places if p["name"] == name)
    assert row.get("country") == country


@pytest.mark.parametrize(
    "alias",
    ["Donbass", "Cachemire", "mer Noire", "mer de Chine méridionale", "Asie centrale",
     "Liptako-Gourma", "Sahel", "Davos", "Camp David", "Munich", "Strasbourg", "Istanbul"],
)
def test_places_well_known_names_present(places, alias):
    assert fold(alias) in owners(places, lambda p: p["name"], place_names)


@pytest.mark.parametrize("name", ["Black Sea", "South China Sea", "Central Asia", "Sahel", "Kashmir"])
def test_places_multinational_regions_have_no_country(places, name):
    row = next(p for p in places if p["name"] == name)
    assert "country" not in row
