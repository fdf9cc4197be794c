"""Actors named by the context rather than by a mention of the sentence.

- "les cinq pays", "les trois dirigeants", "les deux hommes": the states or
  persons of the latest event (or, failing that, the latest sentence) that had
  exactly that many of them;
- "les dirigeants", "les membres", "les chefs d'État" as a subject with no
  name below them: the organisation named before them in the sentence, else
  the one the article has named most so far (its topic), whose leaders or
  members they are;
- a subject "ils" / "elles": the subjects of the latest sentence that had
  subject mentions (one or several).

Each returns ``MentionRef`` objects placed on the token of the phrase, so the
usual role rules (subject -> source, ...) apply to them.
"""

from __future__ import annotations

from .events_lexicon import fold
from .events_roles import CHAIN_DEPS, MentionRef, entity_type
from .model import Event

NUMBERS = {"deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
           "neuf": 9, "dix": 10}
PERSON_GROUPS = frozenset({"homme", "dirigeant", "chef", "president", "leader", "ministre",
                           "responsable", "homologue", "diplomate", "femme"})
STATE_GROUPS = frozenset({"pays", "etat", "nation", "gouvernement", "capitale", "voisin"})
MEMBER_GROUPS = frozenset({"dirigeant", "membre", "chef", "leader", "participant", "allie",
                           "sept", "vingt-sept", "ministre"})
POSSESSIVES = frozenset({"son", "sa", "ses"})
IMPERSONAL = frozenset({"falloir", "agir", "sembler", "paraitre", "exister", "rester", "etre"})


def _free(tok, refs: list[MentionRef]) -> bool:
    """No mention covers ``tok`` or hangs right below it ("les dirigeants de la Chine")."""
    for ref in refs:
        if ref.first <= tok.i <= ref.last or ref.head.head.i == tok.i or \
                ref.head.head.head.i == tok.i:
            return False
    return True


def _count(tok) -> int | None:
    for child in tok.children:
        if child.dep_ == "nummod":
            word = fold(child.text)
            return NUMBERS.get(word) or (int(word) if word.isdigit() else None)
    return None


def counted_refs(sent, refs: list[MentionRef], events: list[Event],
                 recent: list[tuple[str, str]]) -> list[MentionRef]:
    """"les deux hommes", "les cinq pays": the persons / states of the latest
    event with exactly that many, else of the latest mentions."""
    out = []
    for tok in sent:
        lemma = fold(tok.lemma_)
        wanted = "PERSON" if lemma in PERSON_GROUPS else "COUNTRY" if lemma in STATE_GROUPS else None
        n = _count(tok) if wanted else None
        if not n or n < 2 or not _free(tok, refs):
            continue
        group = next((g for g in (
            [a for a in ev.participants if entity_type(a) == wanted] for ev in reversed(events))
            if len(g) == n), None)
        if group is None:
            seen: list[str] = []
            for eid, etype in reversed(recent):
                if etype == wanted and eid not in seen:
                    seen.append(eid)
                if len(seen) == n:
                    break
            group = seen if len(seen) == n else None
        if group:
            out += [MentionRef(eid, wanted, tok, tok.i, tok.i) for eid in group]
    return out


def member_refs(sent, refs: list[MentionRef], recent: list[tuple[str, str]]) -> list[MentionRef]:
    """A plural subject "les dirigeants", "les membres" with nothing named
    below it: the organisation mentioned last."""
    out = []
    for tok in sent:
        if not tok.dep_.startswith("nsubj") or fold(tok.lemma_) not in MEMBER_GROUPS:
            continue
        if "Plur" not in tok.morph.get("Number") and fold(tok.text) not in ("sept", "vingt-sept"):
            continue
        if _count(tok) or not _free(tok, refs):
            continue
        before = [eid for r in refs if r.etype == "ORG" and r.head.i < tok.i for eid in [r.entity_id]]
        org = before[-1] if before else _topic(recent)
        if org:
            out.append(MentionRef(org, "ORG", tok, tok.i, tok.i))
    return out


def _topic(recent: list[tuple[str, str]]) -> str | None:
    """The organisation named most often so far (the latest on a tie): "les
    membres" of an article about an organisation are its members, even when
    another body was named in between."""
    orgs = [eid for eid, etype in recent if etype == "ORG"]
    if not orgs:
        return None
    return max(set(orgs), key=lambda eid: (orgs.count(eid), max(i for i, o in enumerate(orgs) if o == eid)))


def plural_pronoun_refs(sent, refs: list[MentionRef], groups: list[list[tuple[str, str]]]
                        ) -> list[MentionRef]:
    """"ils" / "elles" as subject: the subjects of the latest sentence that had some."""
    out = []
    for tok in sent:
        if tok.lower_ not in ("ils", "elles") or not tok.dep_.startswith("nsubj") \
                or fold(tok.head.lemma_) in IMPERSONAL:
            continue
        earlier = [g for g in groups if g]
        if earlier:
            out += [MentionRef(eid, etype, tok, tok.i, tok.i) for eid, etype in earlier[-1]]
    return out


def subject_group(refs: list[MentionRef]) -> list[tuple[str, str]]:
    """The (id, type) of the subject mentions of a sentence, conjuncts included."""
    group: list[tuple[str, str]] = []
    for ref in refs:
        tok = ref.head
        while tok.dep_ in CHAIN_DEPS and tok.head.i != tok.i:
            tok = tok.head
        if tok.dep_.startswith("nsubj") and ref.etype != "PLACE" \
                and (ref.entity_id, ref.etype) not in group:
            group.append((ref.entity_id, ref.etype))
    return group


def pronoun_refs(sent, refs: list[MentionRef], last_subject: list[str],
                 owners: list[MentionRef] | None = None) -> list[MentionRef]:
    """A subject "il"/"elle" stands for the latest subject mention before it
    (this sentence or earlier ones); ``last_subject`` carries it across. A
    possessive "son"/"sa"/"ses" on a noun names the same one: those go to
    ``owners`` (used only as the "de" complement of an event noun)."""
    out = []
    subjects = sorted((r for r in refs if phrase_top(r.head).dep_.startswith("nsubj")
                       and r.etype != "PLACE"), key=lambda r: r.head.i)
    pronouns = [t for t in sent if t.lower_ in ("il", "elle") and t.dep_.startswith("nsubj")
                and fold(t.head.lemma_) not in IMPERSONAL]
    for tok in sent:
        for ref in subjects:
            if ref.head.i == tok.i:
                last_subject[:] = [ref.entity_id, ref.etype]
        if tok in pronouns and last_subject:
            out.append(MentionRef(last_subject[0], last_subject[1], tok, tok.i, tok.i))
        if owners is not None and last_subject and tok.lower_ in POSSESSIVES \
                and tok.dep_ == "det" and tok.head.pos_ == "NOUN":
            owners.append(MentionRef(last_subject[0], last_subject[1], tok, tok.i, tok.i))
    return out


def phrase_top(tok):
    while tok.dep_ in CHAIN_DEPS and tok.head.i != tok.i:
        tok = tok.head
    return tok
