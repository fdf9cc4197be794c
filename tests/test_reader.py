"""Reading articles: formats, stable ids, and one clear error per bad input."""

from __future__ import annotations

import json

import pytest

from veille.errors import InputError
from veille.reader import MAX_BYTES, read_paths


def _read(*paths, date=None):
    items = list(read_paths([str(p) for p in paths], date=date))
    return ([i for i in items if not isinstance(i, InputError)],
            [i for i in items if isinstance(i, InputError)])


SAMPLE = " date 2024-07-05 Photo AFP\n\nLe président russe a rencontré son homologue.\n"


def test_reader_reads_sample_format_with_caption_apart(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(SAMPLE, encoding="utf-8")
    (article,), errors = _read(f)
    assert not errors
    assert article.date == "2024-07-05" and article.date_precision == "day"
    assert article.caption == "Photo AFP"
    assert "AFP" not in article.text
    assert article.text.startswith("Le président russe")


def test_reader_month_date_has_month_precision(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(" date 2024-07\nTexte de l'article.", encoding="utf-8")
    (article,), _ = _read(f)
    assert (article.date, article.date_precision) == ("2024-07", "month")


def test_reader_id_is_stable_and_content_based(tmp_path):
    a, b, c = tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "c.txt"
    a.write_text(SAMPLE, encoding="utf-8")
    b.write_text(SAMPLE, encoding="utf-8")
    c.write_text(SAMPLE.replace("russe", "chinois"), encoding="utf-8")
    (x,), _ = _read(a)
    (y,), _ = _read(b)
    (z,), _ = _read(c)
    assert x.id == y.id != z.id


def test_reader_plain_text_needs_date(tmp_path):
    f = tmp_path / "plain.txt"
    f.write_text("Un texte sans ligne de date.", encoding="utf-8")
    articles, (error,) = _read(f)
    assert not articles
    assert error.source == str(f) and "no date" in error.reason
    (article,), errors = _read(f, date="2023-03-25")
    assert not errors and article.date == "2023-03-25"


def test_reader_walks_folders_recursively(tmp_path):
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "sub" / "deeper" / "a.txt").write_text(SAMPLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(SAMPLE.replace("russe", "turc"), encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    articles, errors = _read(tmp_path)
    assert len(articles) == 2 and not errors


@pytest.mark.parametrize("content, reason", [
    (b"", "empty file"),
    (b"   \n\n", "empty file"),
    (b"\x00\x01\x02binary\x00", "binary"),
    (b" date 2024-07\n" + "Caf\xe9".encode("latin-1"), "not valid UTF-8"),
    (b" date 2024-13-01\ntexte", "not a valid month"),
    (b" date 2024-07-05\n\n   \n", "empty article text"),
])
def test_reader_rejects_bad_file_with_reason(tmp_path, content, reason):
    f = tmp_path / "bad.txt"
    f.write_bytes(content)
    articles, (error,) = _read(f)
    assert not articles
    assert str(error).startswith(str(f) + ": ")
    assert reason in error.reason


def test_reader_rejects_huge_file(tmp_path):
    f = tmp_path / "huge.txt"
    f.write_text(" date 2024-07\n" + "mot " * (MAX_BYTES // 3), encoding="utf-8")
    _, (error,) = _read(f)
    assert "too large" in error.reason


def test_reader_missing_path_is_an_error(tmp_path):
    _, (error,) = _read(tmp_path / "nope.txt")
    assert "no such file" in error.reason


def test_reader_jsonl_bad_lines_named_with_line_number(tmp_path):
    f = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"date": "2024-07-04", "text": "Premier article.", "title": "Un"}),
        "{not json",
        json.dumps({"text": "Sans date."}),
        json.dumps({"date": "2024-07-04", "text": ""}),
        json.dumps(["a", "list"]),
        json.dumps({"date": "2024-07-05", "text": "Deuxième article.", "url": "https://x.fr/2"}),
    ]
    f.write_text("\n".join(lines), encoding="utf-8")
    articles, errors = _read(f)
    assert [a.title for a in articles] == ["Un", ""]
    assert articles[1].source == "https://x.fr/2"
    assert [e.source for e in errors] == [f"{f}:2", f"{f}:3", f"{f}:4", f"{f}:5"]
    assert "malformed JSON" in errors[0].reason
    assert errors[1].reason == "no date"


def test_reader_html_main_text_and_date(tmp_path):
    f = tmp_path / "page.html"
    body = " ".join(["Le ministre russe des Affaires étrangères a rencontré son homologue "
                     "chinois à Pékin pour discuter de la coopération entre les deux pays."] * 4)
    f.write_text(
        "<html><head><title>Visite à Pékin</title>"
        '<meta property="article:published_time" content="2025-07-15T08:00:00+00:00">'
        f"</head><body><nav>Menu Accueil</nav><article><h1>Visite à Pékin</h1><p>{body}</p>"
        "<p>" + body + "</p></article><footer>Mentions légales</footer></body></html>",
        encoding="utf-8")
    (article,), errors = _read(f)
    assert not errors
    assert article.date == "2025-07-15"
    assert "homologue chinois" in article.text
    assert "Mentions légales" not in article.text
