"""Extraction on a Dask cluster gives the records of local extraction."""

from __future__ import annotations

import sys

import pytest

from veille import scale
from veille.errors import EngineError
from veille.extract import Extractor
from veille.model import Article

distributed = pytest.importorskip("distributed", reason="Dask is an optional extra")

TEXTS = [
    ("2024-07-04", "Vladimir Poutine a rencontré Xi Jinping ce mercredi à Astana."),
    ("2023-04-04", "La Finlande est devenue ce mardi le 31e membre de l'OTAN."),
    ("2018-12-03", "Le Qatar a annoncé ce lundi qu'il quittait l'OPEP."),
]


def _articles() -> list[Article]:
    return [Article(id=f"t{i}", date=d, date_precision="day", text=t, source=f"t{i}.txt")
            for i, (d, t) in enumerate(TEXTS)]


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                                       dashboard_address=":0")
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


def _key(records):
    return (records.article.id, [(m.start, m.end, m.entity_id) for m in records.mentions],
            sorted((e.type, tuple(e.participants), e.when and e.when.start)
                   for e in records.events),
            sorted((f.subject, f.predicate, f.object) for f in records.facts))


def test_scale_records_on_cluster_equal_local_records(client, extractor):
    local = sorted(_key(r) for r in extractor.process(_articles()))
    remote = sorted(_key(r) for r in scale.extract_on(client, _articles(), chunk=2))
    assert remote == local
    assert any(events for _, _, events, _ in remote)


def test_scale_failed_article_is_reported_rest_comes_back(client, monkeypatch):
    real = Extractor.records

    def flaky(self, article, doc):
        if article.id == "t1":
            raise ValueError("boom")
        return real(self, article, doc)

    monkeypatch.setattr(Extractor, "records", flaky)  # the in-process worker sees it too
    failed = []
    got = [r.article.id for r in scale.extract_on(client, _articles(),
                                                    on_error=lambda a, why: failed.append((a.id, why)))]
    assert sorted(got) == ["t0", "t2"]
    assert failed == [("t1", "ValueError: boom")]


def test_scale_without_dask_is_a_clear_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(EngineError, match=r"pip install 'veille\[dask\]'"):
        scale.connect("local")


def test_scale_unreachable_scheduler_is_a_clear_error(monkeypatch):
    monkeypatch.setattr(scale, "CONNECT_TIMEOUT", "1s")
    with pytest.raises(EngineError, match="no Dask scheduler answers"):
        scale.connect("tcp://127.0.0.1:9")


def test_scale_ingest_with_dask_stores_what_local_ingest_stores(client, extractor, tmp_path,
                                                               monkeypatch):
    from veille.api import Veille

    folder = tmp_path / "in"
    folder.mkdir()
    for i, (d, t) in enumerate(TEXTS):
        (folder / f"a{i}.txt").write_text(f" date {d} test\n\n{t}\n", encoding="utf-8")
    monkeypatch.setattr(scale, "connect",
                        lambda address, workers=None: distributed.Client(client.cluster))
    counts = []
    for name, dask in [("local.db", None), ("dask.db", "tcp://ignored")]:
        kb = Veille(tmp_path / name, extractor=extractor)
        report = kb.ingest([folder], dask=dask, progress=False)
        counts.append((report.added, report.counts))
        kb.close()
    assert counts[0] == counts[1] and counts[0][0] == 3
