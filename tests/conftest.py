"""Shared fixtures: the spaCy model is loaded once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def nlp():
    """Bare fr_core_news_md, for tests of modules that only need a parse."""
    spacy = pytest.importorskip("spacy")
    return spacy.load("fr_core_news_md")


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "samples").is_dir():
        pytest.skip("../shared is absent: the sample articles live beside the repo, not in it")
    return SHARED


@pytest.fixture(scope="session")
def extractor():
    """veille's own pipeline (model + gazetteer ruler), loaded once."""
    from veille.extract import Extractor

    return Extractor()


@pytest.fixture(scope="session")
def samples_kb(tmp_path_factory, extractor, shared_dir):
    """A knowledge base holding the two sample articles."""
    from veille import Veille

    kb = Veille(tmp_path_factory.mktemp("kb") / "samples.db", extractor=extractor)
    report = kb.ingest([shared_dir / "samples"], progress=False)
    assert report.added == 2 and not report.rejected
    return kb


@pytest.fixture
def fresh_kb(tmp_path, extractor):
    from veille import Veille

    return Veille(tmp_path / "kb.db", extractor=extractor)
