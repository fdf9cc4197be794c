"""Extraction of one article: a pure function from a parsed article to records.

``Extractor.records(article, doc)`` returns the sentences, mentions, entities,
events, facts and claims of one article with no database access, so that the
same code runs in one process, on Dask workers or behind a web server.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from .claims import extract_claims
from .events import extract_events
from .facts import extract_facts
from .facts_common import doc_sents, doc_text
from .gazetteer import Gazetteer
from .gazetteer import load as load_gazetteer
from .model import Article, ArticleRecords, Entity, Sentence
from .relations import extract_relations
from .resolve import Resolver

BATCH_SIZE = 32


class Extractor:
    """Holds the loaded pipeline and gazetteer; one per process."""

    def __init__(self, nlp=None, gaz: Gazetteer | None = None):
        if nlp is None:
            from .parse import load_pipeline

            nlp = load_pipeline()
        self.nlp = nlp
        self.gaz = gaz or load_gazetteer()
        self.resolver = Resolver(self.gaz, self.nlp)

    def records(self, article: Article, doc) -> ArticleRecords:
        whole = doc_text(doc)
        sentences = [Sentence(i, s.start_char, s.end_char, whole[s.start_char:s.end_char])
                     for i, s in enumerate(doc_sents(doc))]
        resolution = self.resolver(doc, article)
        mentions = resolution.mentions
        found_events = extract_events(doc, mentions, article)
        found_facts = extract_facts(doc, mentions, article)
        found_facts += extract_relations(doc, mentions, article)
        found_claims = extract_claims(doc, mentions, article)
        entities = dict(resolution.entities)
        for ref in _referenced(found_events, found_facts, found_claims):
            if ref not in entities and ref in self.gaz.entities:
                entities[ref] = self.gaz.entities[ref]
        return ArticleRecords(article, sentences, entities, mentions,
                              found_events, found_facts, found_claims)

    def process(self, articles: Iterable[Article], batch_size: int = BATCH_SIZE,
                on_error: Callable[[Article, Exception], None] | None = None,
                workers: int = 1) -> Iterator[ArticleRecords]:
        """Parse with ``nlp.pipe`` in batches and extract, article by article.
        With ``on_error``, an article whose extraction fails is reported there
        and skipped, so that one bad article never stops a batch. With
        ``workers`` > 1, spaCy parses in that many processes while this one
        extracts (the output is the same, in the same order)."""
        pairs = ((a.text, a) for a in articles)
        for doc, article in self.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size,
                                          n_process=max(1, workers)):
            try:
                yield self.records(article, doc)
            except Exception as exc:
                if on_error is None:
                    raise
                on_error(article, exc)


def _referenced(events, facts, claims) -> Iterator[str]:
    for event in events:
        yield from event.participants
        if event.where:
            yield event.where
    for fact in facts:
        yield fact.subject
        if fact.object and ":" in fact.object:
            yield fact.object
    for claim in claims:
        if claim.subject:
            yield claim.subject
        if claim.attributed_to and ":" in claim.attributed_to:
            yield claim.attributed_to


def entity_of(records: ArticleRecords, entity_id: str) -> Entity | None:
    return records.entities.get(entity_id)
