"""Tests of veille.timex: French temporal expressions resolved against the article date."""

from __future__ import annotations

import pytest

from veille.model import TimeSpan
from veille.timex import (
    Timex,
    contains,
    find_timexes,
    is_future,
    parse_iso,
    sentence_tense,
    span_end_key,
    span_start_key,
    tense_of_clause,
)

DAY = "2024-07-05"  # a Friday
MONTH = "2024-07"
YEAR = "2024"


def only(text: str, anchor: str, tense: str = "present") -> Timex:
    """The single expression found in ``text``."""
    found = find_timexes(text, anchor, tense)  # type: ignore[arg-type]
    assert len(found) == 1, [t.text for t in found]
    return found[0]


def bounds(t: Timex) -> tuple[str | None, str | None, str]:
    return t.span.start, t.span.end, t.span.precision


# --- absolute dates ------------------------------------------------------------

@pytest.mark.parametrize("anchor", [DAY, MONTH, YEAR])
@pytest.mark.parametrize("text, expr, expected", [
    ("Le sommet s'ouvrira le 1er septembre 2025 à Tianjin.", "le 1er septembre 2025",
     ("2025-09-01", "2025-09-01", "day")),
    ("L'organisation a été créée en 2001 par six pays.", "en 2001", ("2001", "2001", "year")),
    ("Les troupes ont quitté le pays fin 2023.", "fin 2023", ("2023-09", "2023-12", "month")),
    ("La conférence s'est tenue du 3 au 4 juillet 2024 dans la capitale.",
     "du 3 au 4 juillet 2024", ("2024-07-03", "2024-07-04", "day")),
    ("Dans les années 1990, les relations étaient tendues.", "Dans les années 1990",
     ("1990", "1999", "decade")),
    ("Au début des années 2000, le bloc s'est élargi.", "Au début des années 2000",
     ("2000", "2003", "year")),
    ("Le retrait doit être achevé fin juillet 2024.", "fin juillet 2024",
     ("2024-07-21", "2024-07-31", "day")),
    ("Le texte a été ratifié entre janvier et mars 2024.", "entre janvier et mars 2024",
     ("2024-01", "2024-03", "month")),
    ("Il a dirigé la mission de 2001 à 2005.", "de 2001 à 2005", ("2001", "2005", "year")),
    ("La guerre (1991-1995) a fait des milliers de morts.", "1991-1995", ("1991", "1995", "year")),
    ("Le décret daté du 04/07/2024 est entré en vigueur.", "04/07/2024",
     ("2024-07-04", "2024-07-04", "day")),
    ("Les élections ont eu lieu au printemps 2024.", "au printemps 2024",
     ("2024-03", "2024-06", "month")),
    ("Le traité de 1957 a fondé la communauté.", "1957", ("1957", "1957", "year")),
])
def test_timex_resolves_absolute_date_at_any_anchor_precision(text, expr, expected, anchor):
    t = only(text, anchor, "past")
    assert t.text == expr and t.kind == "absolute"
    assert bounds(t) == expected


@pytest.mark.parametrize("text, anchor, tense, expected", [
    # month named without a year: the last one (past) or the next one (future)
    ("en février", DAY, "past", ("2024-02", "2024-02", "month")),
    ("en février", DAY, "future", ("2025-02", "2025-02", "month")),
    ("en février", "2024-02", "past", ("2024-02", "2024-02", "month")),
    ("en février", "2024-02", "future", ("2024-02", "2024-02", "month")),
    ("en février", "2024-11-20", "present", ("2025-02", "2025-02", "month")),
    ("en février", YEAR, "past", ("2024-02", "2024-02", "month")),
    ("en juillet dernier", DAY, "past", ("2023-07", "2023-07", "month")),
    ("en juillet dernier", MONTH, "past", ("2023-07", "2023-07", "month")),
    ("en juillet dernier", "2024-08-10", "past", ("2024-07", "2024-07", "month")),
    ("en janvier prochain", DAY, "future", ("2025-01", "2025-01", "month")),
    ("le 4 juillet", DAY, "past", ("2024-07-04", "2024-07-04", "day")),
    ("le 4 juillet", "2024-07-03", "past", ("2023-07-04", "2023-07-04", "day")),
    ("le 4 juillet", "2024-07-03", "future", ("2024-07-04", "2024-07-04", "day")),
    ("le 4 juillet dernier", MONTH, "past", ("2024-07-04", "2024-07-04", "day")),
    ("le 07 mars", "2023-03-28", "past", ("2023-03-07", "2023-03-07", "day")),
    ("samedi 25 mars", "2023-03-27", "past", ("2023-03-25", "2023-03-25", "day")),
    ("Ce samedi 25 mars", "2023-03-27", "present", ("2023-03-25", "2023-03-25", "day")),
    ("les 4 et 5 avril", "2023-03-10", "future", ("2023-04-04", "2023-04-05", "day")),
    ("début juillet", DAY, "past", ("2024-07-01", "2024-07-10", "day")),
    ("début juillet", "2024-03-01", "past", ("2023-07-01", "2023-07-10", "day")),
    ("début juillet", "2024-03-01", "future", ("2024-07-01", "2024-07-10", "day")),
    ("mi-mars", "2023-03-28", "past", ("2023-03-11", "2023-03-20", "day")),
    ("à la fin de l'année", DAY, "future", ("2024-09", "2024-12", "month")),
    ("l'hiver dernier", DAY, "past", ("2023-12", "2024-03", "month")),
])
def test_timex_infers_missing_year_from_anchor_and_tense(text, anchor, tense, expected):
    assert bounds(only(text, anchor, tense)) == expected


# --- weekdays ------------------------------------------------------------------------

@pytest.mark.parametrize("text, tense, expected", [
    ("ce mercredi", "past", "2024-07-03"),
    ("ce mercredi", "future", "2024-07-10"),
    ("ce mercredi", "present", "2024-07-03"),   # nearest within the article's week
    ("ce dimanche", "present", "2024-07-07"),
    ("ce vendredi", "past", "2024-07-05"),
    ("ce vendredi", "future", "2024-07-05"),
    ("mercredi", "past", "2024-07-03"),
    ("jeudi prochain", "present", "2024-07-11"),
    ("jeudi prochain", "past", "2024-07-11"),
    ("mercredi dernier", "present", "2024-07-03"),
    ("vendredi dernier", "past", "2024-06-28"),
    ("vendredi prochain", "future", "2024-07-12"),
    ("lundi soir", "past", "2024-07-01"),
    ("ce jeudi", "past", "2024-07-04"),
    ("ce jeudi", "future", "2024-07-11"),
])
def test_timex_resolves_weekday_against_day_date(text, tense, expected):
    t = only(text, DAY, tense)
    assert t.kind == "relative"
    assert bounds(t) == (expected, expected, "day")


@pytest.mark.parametrize("tense", ["past", "present", "future"])
@pytest.mark.parametrize("text", ["ce mercredi", "jeudi prochain", "mercredi dernier", "samedi soir"])
def test_timex_resolves_weekday_against_month_date(text, tense):
    assert bounds(only(text, MONTH, tense)) == ("2024-07", "2024-07", "month")


@pytest.mark.parametrize("tense", ["past", "present", "future"])
@pytest.mark.parametrize("text", ["ce mercredi", "jeudi prochain", "mardi dernier"])
def test_timex_resolves_weekday_against_year_date(text, tense):
    assert bounds(only(text, YEAR, tense)) == ("2024", "2024", "year")


# --- anchor-relative expressions -------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("hier", ("2024-07-04", "2024-07-04", "day")),
    ("avant-hier", ("2024-07-03", "2024-07-03", "day")),
    ("aujourd'hui", ("2024-07-05", "2024-07-05", "day")),
    ("demain", ("2024-07-06", "2024-07-06", "day")),
    ("cette semaine", ("2024-07-01", "2024-07-07", "day")),
    ("la semaine dernière", ("2024-06-24", "2024-06-30", "day")),
    ("la semaine prochaine", ("2024-07-08", "2024-07-14", "day")),
    ("l'an dernier", ("2023", "2023", "year")),
    ("l’année dernière", ("2023", "2023", "year")),
    ("l'an prochain", ("2025", "2025", "year")),
    ("cette année", ("2024", "2024", "year")),
    ("le mois prochain", ("2024-08", "2024-08", "month")),
    ("le mois dernier", ("2024-06", "2024-06", "month")),
    ("il y a deux ans", ("2022", "2022", "year")),
    ("il y a un an", ("2023", "2023", "year")),
    ("il y a vingt-cinq ans", ("1999", "1999", "year")),
    ("il y a trois jours", ("2024-07-02", "2024-07-02", "day")),
    ("il y a 10 jours", ("2024-06-25", "2024-06-25", "day")),
    ("dans deux semaines", ("2024-07-15", "2024-07-21", "day")),
    ("dans trois jours", ("2024-07-08", "2024-07-08", "day")),
])
def test_timex_resolves_relative_expression_against_day_date(text, expected):
    t = only(f"Le ministre l'a confirmé {text}.", DAY)
    assert t.text == text and t.kind == "relative"
    assert bounds(t) == expected


@pytest.mark.parametrize("text, expected", [
    ("hier", ("2024-07", "2024-07", "month")),
    ("cette semaine", ("2024-07", "2024-07", "month")),
    ("la semaine dernière", ("2024-07", "2024-07", "month")),
    ("il y a trois jours", ("2024-07", "2024-07", "month")),
    ("il y a six semaines", ("2024-06", "2024-06", "month")),
    ("le mois dernier", ("2024-06", "2024-06", "month")),
    ("le mois prochain", ("2024-08", "2024-08", "month")),
    ("l'an dernier", ("2023", "2023", "year")),
    ("il y a deux ans", ("2022", "2022", "year")),
    ("cette année", ("2024", "2024", "year")),
])
def test_timex_resolves_relative_expression_against_month_date(text, expected):
    assert bounds(only(text, MONTH)) == expected


@pytest.mark.parametrize("text, expected", [
    ("hier", ("2024", "2024", "year")),
    ("cette semaine", ("2024", "2024", "year")),
    ("le mois dernier", ("2024", "2024", "year")),
    ("il y a dix-huit mois", ("2023", "2023", "year")),
    ("l'an dernier", ("2023", "2023", "year")),
    ("l'an prochain", ("2025", "2025", "year")),
    ("il y a deux ans", ("2022", "2022", "year")),
])
def test_timex_resolves_relative_expression_against_year_date(text, expected):
    assert bounds(only(text, YEAR)) == expected


@pytest.mark.parametrize("anchor, expected", [
    (DAY, ("2024-07-05", "2024-07-05", "day")),
    (MONTH, ("2024-07", "2024-07", "month")),
    (YEAR, ("2024", "2024", "year")),
])
@pytest.mark.parametrize("text", ["à ce jour", "actuellement", "aujourd'hui", "à l'heure actuelle"])
def test_timex_present_markers_take_the_anchor_and_its_precision(text, anchor, expected):
    t = only(f"Le bloc compte {text} dix membres.", anchor)
    assert t.kind == "relative" and bounds(t) == expected


# --- intervals --------------------------------------------------------------------------

@pytest.mark.parametrize("text, anchor, tense, expr, start, precision", [
    ("La Biélorussie devrait en devenir membre à partir de ce jeudi.", DAY, "future",
     "à partir de ce jeudi", "2024-07-11", "day"),
    ("Le pays devient membre à partir de ce jeudi.", DAY, "present",
     "à partir de ce jeudi", "2024-07-11", "day"),
    ("Le pays devient membre à partir de ce jeudi.", "2024-07-04", "future",
     "à partir de ce jeudi", "2024-07-04", "day"),
    ("Le pays devient membre à partir de ce jeudi.", MONTH, "future",
     "à partir de ce jeudi", "2024-07", "month"),
    ("Le pays siège au conseil depuis juillet 2024.", DAY, "present",
     "depuis juillet 2024", "2024-07", "month"),
    ("Le pays est membre depuis 2001.", DAY, "present", "depuis 2001", "2001", "year"),
    ("Les négociations sont suspendues depuis jeudi.", DAY, "future",
     "depuis jeudi", "2024-07-04", "day"),
    ("La mesure s'applique à partir du 1er janvier 2025.", DAY, "future",
     "à partir du 1er janvier 2025", "2025-01-01", "day"),
    ("Le traité s'appliquera dès 2026.", DAY, "future", "dès 2026", "2026", "year"),
    ("Le pays est désormais membre à part entière.", DAY, "present", "désormais",
     "2024-07-05", "day"),
    ("Les deux pays sont en froid depuis deux ans.", DAY, "present", "depuis deux ans",
     "2022", "year"),
])
def test_timex_opens_interval_after_from_and_since(text, anchor, tense, expr, start, precision):
    t = only(text, anchor, tense)
    assert t.text == expr and text[t.start:t.end] == expr
    assert (t.span.start, t.span.end, t.span.precision) == (start, None, precision)
    assert t.span.open_ended is True


@pytest.mark.parametrize("text, expected", [
    ("Le mandat court jusqu'en 2027.", (None, "2027", "year")),
    ("L'accord doit être conclu d'ici 2030.", ("2024", "2030", "year")),
    ("Le contingent restera jusqu'au 31 décembre 2024.", (None, "2024-12-31", "day")),
    ("Le pays n'était pas membre avant 2020.", (None, "2020", "year")),
    ("Il le répète jusqu'à présent.", (None, "2024-07-05", "day")),
])
def test_timex_closes_interval_with_until_by_and_before(text, expected):
    t = only(text, DAY, "present")
    assert bounds(t) == expected and t.span.open_ended is False


@pytest.mark.parametrize("text, open_ended", [
    ("Les pourparlers piétinent depuis quelques mois.", True),
    ("Les échanges ont fortement augmenté ces dernières années.", False),
    ("La tension est montée récemment dans la région.", False),
    ("La rencontre avait eu lieu il y a quelques semaines.", False),
    ("Une délégation est attendue dans les prochains jours.", False),
    ("Le ministre s'y rendra prochainement.", False),
    ("Le président avait reçu son homologue la veille.", False),
])
def test_timex_keeps_vague_expressions_vague(text, open_ended):
    t = only(text, DAY)
    assert t.kind == "vague" and t.span.precision == "vague"
    assert t.span.start is None and t.span.open_ended is open_ended


def test_timex_marks_durations_without_locating_them():
    t = only("Les combats ont duré pendant deux ans.", DAY, "past")
    assert t.kind == "duration" and t.span.start is None and t.span.end is None


# --- what is not a time expression -----------------------------------------------------

@pytest.mark.parametrize("text", [
    "L'armée a déployé 2000 soldats à la frontière.",
    "Le plan de l'Agenda 2063 reste ambitieux.",
    "La sonde a atteint Mars après un long voyage.",
    "Le gouvernement entend mettre fin au conflit.",
    "Le contingent passe de 1500 à 2000 soldats.",
    "Le rapport a été présenté au Conseil.",
])
def test_timex_ignores_numbers_and_words_that_are_not_dates(text):
    assert find_timexes(text, DAY, "past") == []


def test_timex_offsets_point_into_the_text_in_order():
    text = ("Réunis hier à Vienne, les ministres avaient déjà signé un accord en 2015 "
            "et comptent se revoir le mois prochain.")
    found = find_timexes(text, DAY, "past")
    assert [t.text for t in found] == ["hier", "en 2015", "le mois prochain"]
    for t in found:
        assert text[t.start:t.end] == t.text == t.span.text


def test_timex_rejects_a_bad_anchor():
    with pytest.raises(ValueError):
        find_timexes("hier", "juillet")


# --- tense of parsed sentences -----------------------------------------------------------

@pytest.mark.parametrize("sentence, expected", [
    ("Les deux chefs de la diplomatie se sont rencontrés ce mercredi à Genève.", "past"),
    ("Le premier ministre a reçu son homologue indien hier soir.", "past"),
    ("La délégation préparait sa visite depuis plusieurs semaines.", "past"),
    ("Le président arriva à Moscou le 3 mars.", "past"),
    ("Les dirigeants avaient adopté une déclaration commune.", "past"),
    ("Le ministre vient de signer le décret.", "past"),
    ("Il aurait rencontré son homologue en secret.", "past"),
    ("Le pays devrait en devenir membre à partir de ce jeudi.", "future"),
    ("Le ministre doit se rendre à Pékin la semaine prochaine.", "future"),
    ("Le président va signer l'accord demain.", "future"),
    ("Le sommet se tiendra jeudi à Astana.", "future"),
    ("Les ministres prévoient de se réunir en octobre.", "future"),
    ("Le sommet est prévu en octobre.", "future"),
    ("Le vote aura lieu au printemps.", "future"),
    ("Sommet de l'alliance à Vilnius mardi prochain.", "future"),
    ("Le pays est membre de l'organisation depuis 2017.", "present"),
    ("Le Premier ministre reçoit son homologue indien ce vendredi.", "present"),
    ("L'organisation rassemble dix États.", "present"),
])
def test_sentence_tense_reads_french_tenses(nlp, sentence, expected):
    doc = nlp(sentence)
    assert sentence_tense(doc) == expected
    assert sentence_tense(next(iter(doc.sents))) == expected


def test_tense_of_clause_gives_each_clause_its_own_tense(nlp):
    doc = nlp("Les ministres se sont rencontrés mardi et ils signeront un accord jeudi.")
    verbs = {t.text: tense_of_clause(t) for t in doc if t.pos_ == "VERB"}
    assert verbs == {"rencontrés": "past", "signeront": "future"}


def test_tense_of_clause_follows_the_governing_modal(nlp):
    doc = nlp("La Biélorussie devrait en devenir membre à partir de ce jeudi.")
    devenir = next(t for t in doc if t.lemma_ == "devenir")
    assert tense_of_clause(devenir) == "future"


@pytest.mark.parametrize("sentence, expected", [
    ("Les deux ministres se sont entretenus ce jeudi à Ankara.", "2024-06-27"),
    ("Le pays rejoindra l'alliance à partir de ce jeudi.", "2024-07-04"),
])
def test_timex_with_parsed_tense_resolves_this_weekday_both_ways(nlp, sentence, expected):
    anchor = "2024-07-03"  # a Wednesday
    t = only(sentence, anchor, sentence_tense(nlp(sentence)))
    assert t.span.start == expected


# --- ISO helpers ----------------------------------------------------------------------------

@pytest.mark.parametrize("value, expected", [
    ("2024", ("2024", "year")),
    ("2024-07", ("2024-07", "month")),
    ("2024-07-04", ("2024-07-04", "day")),
    ("2024/07/04", ("2024-07-04", "day")),
    ("04/07/2024", ("2024-07-04", "day")),
    ("juillet 2024", ("2024-07", "month")),
    ("Août 2023", ("2023-08", "month")),
    ("1er juillet 2024", ("2024-07-01", "day")),
])
def test_parse_iso_accepts_iso_slashes_and_french_months(value, expected):
    span = parse_iso(value)
    assert (span.start, span.precision) == expected and span.end == span.start


@pytest.mark.parametrize("value", ["2024-13", "2024-02-30", "hier", "", "07/2024x"])
def test_parse_iso_rejects_what_is_not_a_date(value):
    with pytest.raises(ValueError, match="date"):
        parse_iso(value)


@pytest.mark.parametrize("span, date, inside", [
    (TimeSpan("2024-07", "2024-07", "month"), "2024-07-04", True),
    (TimeSpan("2024-07", "2024-07", "month"), "2024-08-01", False),
    (TimeSpan("2024-07", "2024-07", "month"), "2024", False),
    (TimeSpan("2024-07-04", None, "day", open_ended=True), "2030", True),
    (TimeSpan("2024-07-04", None, "day", open_ended=True), "2024-07-03", False),
    (TimeSpan(None, "2023", "year"), "2023-12-31", True),
    (TimeSpan("1990", "1999", "decade"), "1995-06", True),
    (TimeSpan(None, None, "vague"), "2024", False),
])
def test_contains_checks_whole_date_within_span(span, date, inside):
    assert contains(span, date) is inside


def test_span_keys_give_sortable_first_and_last_days():
    span = TimeSpan("2024-02", "2024-02", "month")
    assert (span_start_key(span), span_end_key(span)) == ("2024-02-01", "2024-02-29")
    assert span_end_key(TimeSpan("2024", None, "year", open_ended=True)) is None
    assert span_start_key(TimeSpan("1990", "1999", "decade")) == "1990-01-01"


def test_timex_deadline_keeps_its_day_in_month_dated_article():
    (t,) = find_timexes("Ils auront quitté le pays d'ici le 22 décembre.", "2023-12", "future")
    assert (t.span.end, t.span.precision) == ("2023-12-22", "day")


@pytest.mark.parametrize("text, expected", [
    ("Le pays a déposé sa demande en mars 2019 et obtenu le statut en octobre de la même année.",
     ("2019-10", "2019-10", "month")),
    ("Le cessez-le-feu du 2 février 2020 a été rompu le 9 mai de cette même année.",
     ("2020-05-09", "2020-05-09", "day")),
])
def test_same_year_takes_the_year_named_before(text, expected):
    found = find_timexes(text, DAY, "past")
    assert bounds(found[-1]) == expected
    assert "même année" in found[-1].text


@pytest.mark.parametrize("word, lemma, tense, future", [
    ("réunira", "réunir", "Past", True),   # futur the tagger calls a passé simple
    ("signera", "signer", "Pres", True),
    ("prendra", "prendre", "Past", True),
    ("ira", "aller", "Past", True),
    ("signa", "signer", "Past", False),    # a true passé simple
    ("libéra", "libérer", "Past", False),
    ("tira", "tirer", "Past", False),
    ("réunirait", "réunir", "Pres", False),  # a conditional
])
def test_is_future_reads_the_future_stem_whatever_the_tag(nlp, word, lemma, tense, future):
    from spacy.tokens import Doc
    doc = Doc(nlp.vocab, words=["Il", word])
    doc[1].lemma_ = lemma
    doc[1].set_morph(f"Mood=Ind|Tense={tense}|VerbForm=Fin")
    assert is_future(doc[1]) is future
