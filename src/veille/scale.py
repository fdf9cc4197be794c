"""Extraction on a Dask cluster, for archives one machine cannot parse in time.

Extraction of one article is a pure function (``Extractor.records``), so the
cluster only ever sees articles going out and records coming back: each Dask
worker loads the pipeline once, parses chunks of articles with ``nlp.pipe`` and
returns their records; this process writes them to the SQLite store as they
arrive, in the order the chunks complete. Nothing here touches the store.

    veille ingest archive/ --dask tcp://scheduler:8786   # an existing cluster
    veille ingest archive/ --dask local --workers 4      # a cluster on this machine

Dask is optional: ``pip install 'veille[dask]'``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from itertools import islice

from .errors import EngineError
from .model import Article, ArticleRecords

CHUNK = 64  # articles per task: enough to keep nlp.pipe batching, small enough to spread
CONNECT_TIMEOUT = "10s"
IN_FLIGHT = 4  # chunks queued per worker, so that a huge input is never all in memory


@lru_cache(maxsize=1)
def _worker_extractor():
    from .extract import Extractor

    return Extractor()


def extract_chunk(articles: list[Article]) -> list[tuple[Article, ArticleRecords | str]]:
    """Run on a worker: the records of each article, or why its extraction failed."""
    out: list[tuple[Article, ArticleRecords | str]] = []
    failed: dict[str, str] = {}

    def note(article: Article, exc: Exception) -> None:
        failed[article.id] = f"{type(exc).__name__}: {exc}"

    done = {r.article.id: r for r in _worker_extractor().process(articles, on_error=note)}
    for article in articles:
        out.append((article, done.get(article.id) or failed.get(article.id, "no output")))
    return out


def connect(address: str, workers: int | None = None):
    """A Dask client: ``local`` starts a cluster of ``workers`` processes on
    this machine, anything else is the address of a running scheduler."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise EngineError("--dask needs Dask: pip install 'veille[dask]'") from exc
    if address == "local":
        cluster = LocalCluster(n_workers=workers or 2, threads_per_worker=1,
                               processes=True, dashboard_address=":0")
        return Client(cluster)
    try:
        return Client(address, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError) as exc:
        raise EngineError(f"{address}: no Dask scheduler answers there ({exc})") from exc


def _chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(articles)
    while chunk := list(islice(it, size)):
        yield chunk


def extract_on(client, articles: Iterable[Article],
               on_error: Callable[[Article, str], None] | None = None,
               chunk: int = CHUNK) -> Iterator[ArticleRecords]:
    """Records of every article, extracted on the cluster behind ``client``.
    A failed article goes to ``on_error`` and the rest carries on."""
    from distributed import as_completed

    slots = max(1, len(client.scheduler_info().get("workers", {}))) * IN_FLIGHT
    chunks = _chunks(articles, chunk)
    pending = as_completed([client.submit(extract_chunk, c, pure=False)
                            for c in islice(chunks, slots)])
    for future in pending:
        for article, result in future.result():
            if isinstance(result, str):
                if on_error is not None:
                    on_error(article, result)
            else:
                yield result
        future.release()
        nxt = next(chunks, None)
        if nxt is not None:
            pending.add(client.submit(extract_chunk, nxt, pure=False))
