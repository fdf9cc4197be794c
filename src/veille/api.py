"""The library API: what the CLI, the web layer and the evaluation call.

    >>> from veille import Veille
    >>> kb = Veille("veille.db")
    >>> report = kb.ingest(["articles/"])
    >>> kb.members("OCS", at="2025-07")
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path
from typing import Any

from . import queries, reason
from .errors import InputError
from .model import Article, ArticleRecords
from .reader import read_paths
from .store import Store

DEFAULT_DB = "veille.db"
INGEST_BATCH = 32
PARALLEL_FROM = 200  # articles: below this, parsing in one process is as fast


def _on_dask(address: str, workers: int | None, articles: Iterator[Article],
             failed) -> Iterator[ArticleRecords]:
    from .scale import connect, extract_on

    with connect(address, workers) as client:
        yield from extract_on(client, articles, on_error=failed)


def default_workers() -> int:
    return max(1, min(2, os.cpu_count() or 1))


def default_db() -> str:
    return os.environ.get("VEILLE_DB") or DEFAULT_DB


@dataclass
class IngestReport:
    added: int = 0
    already: int = 0
    rejected: list[InputError] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)


class Veille:
    """A knowledge base in one SQLite file, with the pipeline loaded on first use."""

    def __init__(self, db: str | Path | None = None, extractor=None):
        self.store = Store(db if db is not None else default_db())
        self._extractor = extractor

    @property
    def extractor(self):
        if self._extractor is None:
            from .extract import Extractor

            self._extractor = Extractor()
        return self._extractor

    def close(self) -> None:
        self.store.close()

    # -- ingest -------------------------------------------------------------------
    def ingest(self, paths: Iterable[str | Path], date: str | None = None,
               on_error: Callable[[InputError], None] | None = None,
               progress: bool | None = None, batch_size: int = INGEST_BATCH,
               workers: int | None = None, dask: str | None = None) -> IngestReport:
        """Read, extract and store every article under ``paths``; bad inputs are
        reported (``on_error``) and skipped, the rest goes in.

        ``workers``: processes that parse in parallel. None (the default) uses
        every core, up to two, once the input holds more than ``PARALLEL_FROM``
        new articles; a small input is parsed in this process, with no start-up
        cost.

        ``dask``: extract on a Dask cluster instead, given the address of its
        scheduler, or ``"local"`` for a cluster of ``workers`` processes here
        (see ``veille.scale``); records are still stored by this process."""
        report = IngestReport()

        def fresh() -> Iterator[Article]:
            seen: set[str] = set()
            for item in read_paths(paths, date):
                if isinstance(item, InputError):
                    report.rejected.append(item)
                    if on_error:
                        on_error(item)
                elif item.id in seen or self.store.has_article(item.id):
                    report.already += 1
                else:
                    seen.add(item.id)
                    yield item

        articles: Iterator[Article] = fresh()
        if workers is None and dask is None:
            head = list(islice(articles, PARALLEL_FROM))
            workers = default_workers() if len(head) == PARALLEL_FROM else 1
            articles = chain(head, articles)
        bar = _progress(progress)
        batch: list[ArticleRecords] = []
        for records in self._extract(articles, report, on_error, workers, dask):
            batch.append(records)
            if bar is not None:
                bar.update(1)
            if len(batch) >= batch_size:
                report.added += self.store.add_batch(batch)
                batch = []
        report.added += self.store.add_batch(batch)
        if bar is not None:
            bar.close()
        report.counts = self.store.counts()
        return report

    def _extract(self, articles: Iterator[Article], report: IngestReport,
                 on_error, workers: int | None = 1,
                 dask: str | None = None) -> Iterator[ArticleRecords]:
        def failed(article: Article, exc: Exception | str) -> None:
            why = exc if isinstance(exc, str) else f"{type(exc).__name__}: {exc}"
            err = InputError(article.source, f"extraction failed ({why})")
            report.rejected.append(err)
            if on_error:
                on_error(err)

        if dask is not None:
            return _on_dask(dask, workers, articles, failed)
        return self.extractor.process(articles, INGEST_BATCH, on_error=failed,
                                      workers=workers or 1)

    # -- listings -------------------------------------------------------------------
    def entities(self, type: str | None = None, article: str | None = None) -> list[dict[str, Any]]:
        return queries.entities(self.store, type, article)

    def articles(self) -> list[dict[str, Any]]:
        return queries.articles(self.store)

    def mentions(self, article: str | None = None, entity: str | None = None):
        return queries.mentions(self.store, article, entity)

    def events(self, actor: str | None = None, type: str | None = None,
               since: str | None = None, until: str | None = None,
               article: str | None = None) -> list[dict[str, Any]]:
        return queries.events(self.store, actor, type, since, until, article)

    def facts(self, subject: str | None = None, predicate: str | None = None,
              article: str | None = None) -> list[dict[str, Any]]:
        return queries.facts(self.store, subject, predicate, article)

    def claims(self, subject: str | None = None, measure: str | None = None,
               article: str | None = None) -> list[dict[str, Any]]:
        return queries.claims(self.store, subject, measure, article)

    # -- reasoning ------------------------------------------------------------------
    def members(self, org: str, at: str | None = None) -> dict[str, Any]:
        return reason.members(self.store, org, at)

    def conflicts(self) -> list[dict[str, Any]]:
        return reason.conflicts(self.store)

    def timeline(self, name: str) -> list[dict[str, Any]]:
        return reason.timeline(self.store, name)


def _progress(progress: bool | None):
    if progress is None:
        progress = sys.stderr.isatty()
    if not progress:
        return None
    from tqdm import tqdm

    return tqdm(unit=" articles", desc="ingest", file=sys.stderr)
