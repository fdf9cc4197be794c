"""Benchmark: `veille ingest` against bare spaCy `nlp.pipe`, same texts, same run.

Builds a corpus of N articles from the project's examples (each copy made unique
by a numbered closing sentence, so that none is skipped as already stored),
then times, on this machine and in this process:

1. bare ``fr_core_news_md`` ``nlp.pipe`` over the texts (the yardstick);
2. ``Veille.ingest`` of the same articles from a JSONL file into a new database
   (reading, parsing with the gazetteer ruler, resolution, time, extraction of
   events, facts and claims, and storing), the pipeline loaded beforehand.

3. with ``--workers 2``: the same two with two processes (``nlp.pipe(n_process=2)``
   and ``veille ingest --workers 2``), since the machine has two cores.

Rates are articles per second of wall-clock time; in one process they are also
given per second of the process's CPU time ("cpu"), which other programs running
on the machine disturb far less.

Usage: python scripts/bench.py [--n 2000] [--batch-size 32] [--workers 2]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build_corpus(n: int) -> list[dict]:
    sys.path.insert(0, str(ROOT / "src"))
    from veille.reader import read_paths

    base = [a for a in read_paths([ROOT / "examples" / "articles"]) if hasattr(a, "text")]
    if not base:
        raise SystemExit("no example articles found under examples/articles")
    rows = []
    for i in range(n):
        a = base[i % len(base)]
        text = f"{a.text}\n\nCet article porte le numéro {i + 1} de la série."
        rows.append({"date": a.date, "text": text, "id": f"bench-{i}"})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=2000, help="number of articles (default 2000)")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--workers", type=int, default=1,
                        help="also measure both with this many processes")
    args = parser.parse_args()

    import spacy

    from veille import Veille
    from veille.api import default_workers
    from veille.extract import Extractor

    rows = build_corpus(args.n)
    texts = [r["text"] for r in rows]
    words = sum(len(t.split()) for t in texts)
    print(f"corpus: {len(texts)} articles, {words} words, from examples/articles")

    t0 = time.perf_counter()
    bare = spacy.load("fr_core_news_md")
    t_load_bare = time.perf_counter() - t0
    t0 = time.perf_counter()
    extractor = Extractor()
    t_load = time.perf_counter() - t0
    print(f"load: bare model {t_load_bare:.1f} s, veille pipeline + gazetteer {t_load:.1f} s")

    cpu: dict[str, float] = {}

    def run_bare(n_process: int) -> float:
        t0, c0 = time.perf_counter(), time.process_time()
        for _ in bare.pipe(texts, batch_size=args.batch_size, n_process=n_process):
            pass
        cpu["bare"] = len(texts) / (time.process_time() - c0)
        return len(texts) / (time.perf_counter() - t0)

    def run_ingest(n_process: int | None) -> tuple[float, dict]:
        with tempfile.TemporaryDirectory() as tmp:
            jsonl = Path(tmp) / "bench.jsonl"
            jsonl.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows),
                             encoding="utf-8")
            kb = Veille(Path(tmp) / "bench.db", extractor=extractor)
            t0, c0 = time.perf_counter(), time.process_time()
            report = kb.ingest([jsonl], progress=False, batch_size=args.batch_size,
                               workers=n_process)
            rate = report.added / (time.perf_counter() - t0)
            cpu["ingest"] = report.added / (time.process_time() - c0)
            kb.close()
        return rate, report.counts

    bare_rate = run_bare(1)
    ingest_rate, counts = run_ingest(1)
    bare_cpu, ingest_cpu = cpu["bare"], cpu["ingest"]
    default_rate, _ = run_ingest(None)
    print(f"bare nlp.pipe, 1 process : {bare_rate:6.1f} articles/s ({bare_cpu:.1f} cpu)")
    print(f"veille ingest, 1 process : {ingest_rate:6.1f} articles/s ({ingest_cpu:.1f} cpu) "
          f"({counts['mentions']} mentions, {counts['events']} events, {counts['facts']} facts, "
          f"{counts['claims']} claims)")
    print(f"ratio ingest / bare = {ingest_rate / bare_rate:.2f} "
          f"(cpu {ingest_cpu / bare_cpu:.2f})")
    print(f"veille ingest as it runs by default (--workers auto, {default_workers()} here): "
          f"{default_rate:6.1f} articles/s, ratio to bare 1 process = "
          f"{default_rate / bare_rate:.2f}")
    if args.workers > 1:
        bare_n = run_bare(args.workers)
        ingest_n, _ = run_ingest(args.workers)
        print(f"bare nlp.pipe, {args.workers} processes: {bare_n:6.1f} articles/s")
        print(f"veille ingest, {args.workers} processes: {ingest_n:6.1f} articles/s")
        print(f"ratio ingest ({args.workers} processes) / bare (1 process) = "
              f"{ingest_n / bare_rate:.2f}; against bare with {args.workers} processes "
              f"= {ingest_n / bare_n:.2f}")


if __name__ == "__main__":
    main()
