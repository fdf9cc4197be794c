"""Cue patterns of the relation extractor (``veille/relations.py``).

The base cues live in ``data/facts_lexicon.json`` (``relations``); this module adds
the cues that need the relation extractor's own forms, all matched on the lowered
sentence (apostrophes normalised):

- ``EXTRA_CUES``: more nouns and adjectives read like the lexicon's cues (a list
  right before, or a list introduced right after by "entre", "avec", "contre" ...);
- ``DIRECTED_CUES``: a verb or noun whose agent is the subject of its clause and
  whose target follows it ("A sanctionne B", "A reproche à B", "A impose un embargo
  à B", "A bloque la candidature de B");
- ``SUPPORT`` / ``INVASION``: "le soutien (apporté) de / par A à B", "l'invasion de B
  par A";
- fillers, intros and negations around cues.
"""

from __future__ import annotations

import re

POSITIVE = {"cooperation", "alignment"}

# (kind, pattern): read like the lexicon's cues
EXTRA_CUES: list[tuple[str, str]] = [
    ("tension", r"\b(?:climat|atmosphère|contexte)\s+(?:\w+\s+)?tendu\b"
                r"|\b(?:tendues?|tendus)\s+entre\b"
                r"|\brelations?\s+(?:\w+\s+){0,3}(?:effondrées?|se\s+sont\s+effondrées"
                r"|s'étaient\s+effondrées|au\s+plus\s+bas)"
                r"|\bfrontière\s+disputée\b|\bdésaccords?\b|\brupture\s+(?:\w+\s+)?(?:avec|entre)\b"
                r"|\bdivisée?s?\s+par\b|\bqui\s+divisent\b"
                r"|\brelations\s+entre\s+[^,.;]{3,60}?\s(?:se\s+sont|s'étaient|s'était|sont|restent"
                r"|demeurent)\s+(?:\w+\s+)?(?:effondrées|dégradées|détériorées|tendues|exécrables"
                r"|glaciales|conflictuelles)\b"),
    ("cooperation", r"\bpartenaires\b(?!\s+de\s+dialogue)|\bliens\s+avec\b"),
    ("alignment", r"\bconfédération\s+entre\b|\balliée?s?\b|\bpacte\s+de\s+défense\s+mutuelle\s+entre\b"),
]

# (kind, pattern, gap allowed before the target): the agent is the clause subject
DIRECTED_CUES: list[tuple[str, str]] = [
    ("tension", r"\bsanctionn(?:e|ent|ait|aient|é|er)\b"),
    ("tension", r"\b(?:sanctions?|embargo|blocus)\b(?:\s+\w+){0,3}?\s+(?:à|au|aux|contre|visant)\b"),
    ("tension", r"\b(?:reproch|accus)(?:e|ent|ait|aient|é|er)\b(?:\s+(?:toujours|encore|aussi|"
                r"désormais|notamment|régulièrement|ouvertement))*(?:\s+à)?"),
    ("tension", r"\bbloqu(?:e|ent|ait|aient|é|er)\b(?:\s+[\w']+){0,6}?\s+(?:la\s+)?candidature\s+d[eu']"),
]

# "le soutien (militaire) apporté par A à B", "le soutien de A à B"
SUPPORT = re.compile(
    r"\bsoutien\s+(?:\w+\s+)?(?:apporté\s+|fourni\s+|accordé\s+)?(?:par|des|du|de|d')\b\s*")
# "l'invasion de B par A", "l'agression de B par A"
INVASION = re.compile(r"\b(?:invasion|agression|annexion)\s+(?:de\s+la|de\s+l'|du|des|de|d')\s*")
# "les troupes russes ... l'invasion de B" / "l'entrée des troupes russes en B"
TROOPS = re.compile(r"\b(?:troupes|forces|armées?|soldats|chars)\b")
TROOP_TARGET = re.compile(r"\b(?:invasion\s+(?:de\s+la|de\s+l'|du|de|d')|entrée\s+\S+\s+\S+\s+\S+\s+(?:en|au)"
                          r"|(?:en|au)\s*$)")

# words allowed between a list and the cue after it
BEFORE_GAP = re.compile(
    r"^[\s,«»\"]*(?:(?:qui|dont|ont|a|sont|est|restent|reste|demeurent|n'en|en|pas|moins|"
    r"toujours|désormais|aussi|également|bien|des|de|les|leurs|leur|relations?|plus|très|"
    r"entretiennent|entretient|se|sont\s+livrés?|mènent|font|l'objet|d'une?|une?|signé|"
    r"conclu|noué|renforcé|établi|scellé|approfondi|lancé|nouveau|nouvelle|véritable|"
    r"veulent|veut|doivent|doit|être|devenir|redevenir|devenus?|redevenus?|disent|dit|"
    r"déclarent|affirment|considèrent|voient|déjà|avaient|avait|"
    r"étaient|était|encore|vieux|vieille|longue|date|restés?|demeurés?|divisés?|séparés?|"
    r"liés?|par|tous|toutes|deux|profond|profonde|durable)\b[\s,«»\"]*)*$"
)
AFTER_INTRO = re.compile(
    r"^[\s,]*(?:\w+\s+){0,3}?(?:entre|avec|contre|à|opposant|vis-à-vis\s+d[eu']?|face\s+à)\s*"
    r"(?:la\s+|le\s+|les\s+|l'|du\s+|de\s+la\s+|de\s+l'|des\s+|leurs\s+)?$"
)
# the cue's own intro word ends the cue ("liens avec", "rupture avec")
OWN_INTRO = re.compile(r"\b(?:entre|avec|contre|à|au|aux|visant|par|d[eu']|de\s+la|de\s+l')\s*$")
LIST_GLUE = re.compile(
    r"^[\s,]*(?:et|ou|à|avec|comme\s+avec)?\s*"
    r"(?:la\s+|le\s+|les\s+|l'|du\s+|de\s+la\s+|de\s+l'|des\s+)?$")
ARTICLE = re.compile(r"^\s*(?:la\s+|le\s+|les\s+|l'|du\s+|de\s+la\s+|de\s+l'|des\s+|au\s+|aux\s+)?$")
# a cue read as what the participants are NOT ("partenaires plutôt que rivaux")
NEGATED = re.compile(r"(?:plutôt\s+que|pas|plus|jamais|ni|non)\s+(?:des\s+|de\s+|d'|les\s+)?$")
# a possessive right before the cue: the pair is named earlier ("leur partenariat")
THEIR = re.compile(r"\bleurs?\s+(?:\w+\s+)?$")
THEIR_AFTER = re.compile(r"^\s+leurs?\s+(?:deux\s+|trois\s+)?pays\b")
HIS = re.compile(r"\b(?:son|sa|ses)\s+(?:\w+\s+)?$")
# "A, son allié": the possessor is the subject of the clause
APPOSED_HIS = re.compile(r"^\s*,\s*(?:son|sa)\s+(?:\w+\s+)?$")
# role nouns: "leurs alliés", "ses partenaires" name other parties, not the pair
ROLE = re.compile(r"(?:alli|partenaire|rival|ennemi|adversaire|concurrent)")
NEGATION = re.compile(r"\b(?:n'|ne\s)|\b(?:jamais|refus\w*)\b")
