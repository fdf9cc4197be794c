"""veille.numbers: French numerals and amounts."""

from __future__ import annotations

import pytest

from veille.numbers import find_numbers, parse_number


@pytest.mark.parametrize("text, value", [
    ("1,5 milliard", 1_500_000_000),
    ("12,5 milliards", 12_500_000_000),
    ("2 millions", 2_000_000),
    ("1,149 million", 1_149_000),
    ("300 000", 300_000),
    ("300\u00a0000", 300_000),
    ("1\u202f346", 1346),
    ("76.000", 76_000),
    ("51,9", 51.9),
    ("42", 42),
    ("50 k", 50_000),
    ("douze", 12),
    ("cinquante-cinq", 55),
    ("vingt et un", 21),
    ("trois cent mille", 300_000),
    ("un million", 1_000_000),
    ("deux milliards", 2_000_000_000),
    ("la moitié", 50),
    ("un quart", 25),
    ("trois quarts", 75),
])
def test_numbers_parse_french_expression(text, value):
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["un", "une", "abc", "", "15e"])
def test_numbers_parse_rejects_non_numbers_and_ordinals(text):
    assert parse_number(text) is None


def test_numbers_find_keeps_offsets_and_flags_ordinals():
    text = "Le 15e sommet a réuni 300 000 soldats et une centaine de diplomates."
    found = find_numbers(text)
    assert [(n.text, n.ordinal) for n in found] == [
        ("15", True), ("300 000", False), ("une centaine", False)]
    troops = found[1]
    assert text[troops.start:troops.end] == "300 000"
    assert found[2].approx and found[2].value == 100


@pytest.mark.parametrize("text", ["Le G7 et le G20 se réunissent.", "un pays neutre"])
def test_numbers_ignore_digits_inside_names_and_the_article_un(text):
    assert find_numbers(text) == []


def test_numbers_fraction_is_a_percentage():
    (share,) = find_numbers("près de deux tiers du commerce")
    assert share.fraction and share.value == pytest.approx(66.67, abs=0.01)


@pytest.mark.parametrize("text, value", [
    ("le vingtième membre", 20),
    ("le trente et unième pays", 31),
    ("la trente-deuxième fois", 32),
    ("le neuvième sommet", 9),
    ("le cinquième", 5),
])
def test_numbers_ordinals_in_letters_are_flagged(text, value):
    (found,) = find_numbers(text)
    assert found.ordinal and found.value == value
    assert text[found.start:found.end].endswith("ième")


def test_numbers_fraction_dixieme_is_not_an_ordinal():
    (found,) = find_numbers("un dixième des voix")
    assert found.fraction and not found.ordinal


@pytest.mark.parametrize("text, value", [
    ("le premier producteur", 1),
    ("la première puissance", 1),
    ("le second exportateur", 2),
    ("le vingtième membre", 20),
])
def test_numbers_first_and_second_are_flagged_ordinals(text, value):
    (n,) = find_numbers(text)
    assert n.ordinal and n.value == value
