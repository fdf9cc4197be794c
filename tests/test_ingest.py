"""Ingest into the store: idempotence, bad inputs in a batch, interrupted runs."""

from __future__ import annotations

import sqlite3

import pytest

from veille import Veille

ARTICLE = " date 2024-07-04 example\n\nLe président russe Vladimir Poutine a rencontré {who} à Astana.\n"


def _write(folder, n):
    folder.mkdir(exist_ok=True)
    names = ["Xi Jinping", "Recep Tayyip Erdogan", "Narendra Modi", "Kassym-Jomart Tokaïev",
             "Alexandre Loukachenko", "Shavkat Mirzioïev"]
    for i in range(n):
        (folder / f"a{i:02d}.txt").write_text(ARTICLE.format(who=names[i % len(names)]) +
                                              f"\nParagraphe {i}.\n", encoding="utf-8")


def _dump(path) -> list[str]:
    """Every row of every table, ordered, for comparing two databases."""
    conn = sqlite3.connect(path)
    tables = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sentences_fts%' "
        "AND name != 'meta' ORDER BY name")]
    rows = []
    for t in tables:
        for row in conn.execute(f"SELECT * FROM {t}"):
            rows.append(f"{t}:{row}")
    conn.close()
    return sorted(rows)


def test_ingest_twice_changes_nothing(tmp_path, extractor):
    _write(tmp_path / "in", 3)
    kb = Veille(tmp_path / "kb.db", extractor=extractor)
    first = kb.ingest([tmp_path / "in"], progress=False)
    before = _dump(tmp_path / "kb.db")
    second = kb.ingest([tmp_path / "in"], progress=False)
    assert (first.added, second.added, second.already) == (3, 0, 3)
    assert _dump(tmp_path / "kb.db") == before


def test_ingest_bad_inputs_reported_rest_goes_in(tmp_path, extractor):
    folder = tmp_path / "in"
    _write(folder, 2)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x00\xff\x00")
    (folder / "nodate.txt").write_text("Pas de date ici.", encoding="utf-8")
    (folder / "batch.jsonl").write_text('{"date": "2024-07-05", "text": "Pékin a salué '
                                        'la décision."}\n{oops\n', encoding="utf-8")
    kb = Veille(tmp_path / "kb.db", extractor=extractor)
    seen = []
    report = kb.ingest([folder], progress=False, on_error=seen.append)
    assert report.added == 3
    assert sorted(e.source.rsplit("/", 1)[-1] for e in seen) == [
        "batch.jsonl:2", "binary.txt", "empty.txt", "nodate.txt"]


def test_ingest_bad_input_keeps_what_is_stored(tmp_path, extractor):
    _write(tmp_path / "in", 2)
    kb = Veille(tmp_path / "kb.db", extractor=extractor)
    kb.ingest([tmp_path / "in"], progress=False)
    (tmp_path / "bad.txt").write_bytes(b"\x00")
    report = kb.ingest([tmp_path / "bad.txt"], progress=False)
    assert report.rejected and kb.store.counts()["articles"] == 2


def test_ingest_killed_midway_then_rerun_equals_uninterrupted(tmp_path, extractor):
    _write(tmp_path / "in", 7)
    whole = Veille(tmp_path / "whole.db", extractor=extractor)
    whole.ingest([tmp_path / "in"], progress=False, batch_size=2)
    whole.close()

    broken = Veille(tmp_path / "broken.db", extractor=extractor)
    calls = {"n": 0}
    real_add = broken.store.add_batch

    def dying_add(batch):
        calls["n"] += 1
        if calls["n"] == 2:  # the process dies inside the second batch's transaction
            with broken.store.conn:
                broken.store._add(batch[0])
                raise KeyboardInterrupt
        return real_add(batch)

    broken.store.add_batch = dying_add
    with pytest.raises(KeyboardInterrupt):
        broken.ingest([tmp_path / "in"], progress=False, batch_size=2)
    assert broken.store.counts()["articles"] == 2  # the half-written batch rolled back
    broken.close()

    again = Veille(tmp_path / "broken.db", extractor=extractor)
    again.ingest([tmp_path / "in"], progress=False, batch_size=2)
    again.close()
    assert _dump(tmp_path / "broken.db") == _dump(tmp_path / "whole.db")


def test_ingest_sentences_are_searchable(samples_kb):
    rows = samples_kb.store.query(
        "SELECT text FROM sentences_fts WHERE sentences_fts MATCH ?", ("bielorussie",))
    assert rows and all("Biélorussie" in r["text"] for r in rows)


def test_ingest_article_failing_extraction_is_reported_rest_goes_in(tmp_path, extractor,
                                                                     monkeypatch):
    _write(tmp_path / "in", 3)
    real = extractor.records

    def flaky(article, doc):
        if "Paragraphe 1." in article.text:
            raise ValueError("boom")
        return real(article, doc)

    monkeypatch.setattr(extractor, "records", flaky)
    kb = Veille(tmp_path / "kb.db", extractor=extractor)
    report = kb.ingest([tmp_path / "in"], progress=False)
    assert report.added == 2
    (err,) = report.rejected
    assert err.source.endswith("a01.txt") and "extraction failed (ValueError: boom)" in err.reason


@pytest.mark.slow
def test_ingest_with_two_workers_stores_the_same(tmp_path, extractor):
    _write(tmp_path / "in", 6)
    one = Veille(tmp_path / "one.db", extractor=extractor)
    one.ingest([tmp_path / "in"], progress=False)
    one.close()
    two = Veille(tmp_path / "two.db", extractor=extractor)
    two.ingest([tmp_path / "in"], progress=False, workers=2)
    two.close()
    assert _dump(tmp_path / "one.db") == _dump(tmp_path / "two.db")
