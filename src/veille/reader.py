"""Reading articles from files, folders, JSONL and HTML.

``read_paths`` yields one ``Article`` per readable article and one ``InputError``
per rejected input, so that a batch goes in even when some of it is bad.

Formats:
- the sample format (``.txt``): first line `` date YYYY-MM[-DD]`` followed on the
  same line by an optional caption, photo credit or source; then the text;
- plain ``.txt`` with no date line: needs ``date=`` (the CLI's ``--date``);
- ``.jsonl``: one JSON object per line with ``date`` and ``text`` (optional ``id``,
  ``title``, ``url``, ``lang``);
- ``.html``/``.htm``: main text and publication date extracted by trafilatura.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from .errors import InputError
from .model import Article, Precision

MAX_BYTES = 2_000_000  # one article; a bigger file is almost surely not one
MAX_JSONL_BYTES = 4_000_000_000  # a JSONL file holds many articles, each under MAX_BYTES
SUFFIXES = {".txt", ".jsonl", ".html", ".htm"}

_DATE_LINE = re.compile(r"^\s*date\s+(\d{4}-\d{2}(?:-\d{2})?)\b[ \t]*(.*)$")
_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def article_id(date: str, text: str) -> str:
    """A stable id from the content: the same article read twice gets the same id."""
    return hashlib.sha256(f"{date}\n{text}".encode()).hexdigest()[:16]


def parse_date(value: str) -> tuple[str, Precision]:
    """``"2024-07-04T10:00"`` -> ("2024-07-04", "day"); ``"2024-07"`` -> month."""
    match = _ISO_DATE.match(str(value).strip())
    if not match:
        raise ValueError(f"not an ISO date: {value!r}")
    year, month, day = match.groups()
    if month and not 1 <= int(month) <= 12:
        raise ValueError(f"not a valid month: {value!r}")
    if day and not 1 <= int(day) <= 31:
        raise ValueError(f"not a valid day: {value!r}")
    if day:
        return f"{year}-{month}-{day}", "day"
    if month:
        return f"{year}-{month}", "month"
    return year, "year"


def make_article(
    text: str, date: str, *, source: str, title: str = "", caption: str = "",
    lang: str = "fr", url: str = "", id: str | None = None,
) -> Article:
    iso, precision = parse_date(date)
    text = text.strip("\n").rstrip()
    if not text.strip():
        raise InputError(source, "empty article text")
    if not title:
        title = _title_of(text)
    return Article(
        id=id or article_id(iso, text), date=iso, date_precision=precision, text=text,
        title=title, caption=caption.strip(), lang=lang or "fr", source=source, url=url,
    )


def _title_of(text: str) -> str:
    """The first paragraph when it reads as a headline (short, no final stop)."""
    first = text.split("\n", 1)[0].strip()
    if first and len(first) < 200 and not first.endswith((".", "!", "?", "»", '"')):
        return first
    return ""


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path | InputError]:
    """Files under the given paths, folders walked recursively in name order."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in SUFFIXES:
                    yield child
        elif path.is_file():
            yield path
        else:
            yield InputError(str(raw), "no such file or folder")


def _read_bytes(path: Path, limit: int = MAX_BYTES) -> bytes:
    size = path.stat().st_size
    if size == 0:
        raise InputError(str(path), "empty file")
    if size > limit:
        raise InputError(str(path), f"file too large ({size} bytes, limit {limit})")
    data = path.read_bytes()
    if b"\x00" in data[:8192]:
        raise InputError(str(path), "binary file, not text")
    return data


def _decode(data: bytes, source: str) -> str:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            source, f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})"
        ) from None
    if not text.strip():
        raise InputError(source, "empty file")
    return text


def read_text(text: str, source: str, date: str | None = None) -> Article:
    """An article in the sample format, or plain text dated by ``date``."""
    first, _, rest = text.partition("\n")
    match = _DATE_LINE.match(first)
    if match:
        return make_article(rest, match.group(1), source=source, caption=match.group(2))
    if date is None:
        raise InputError(source, "no date: first line is not ' date YYYY-MM[-DD]' and no --date given")
    return make_article(text, date, source=source)


def read_html(data: bytes, source: str, date: str | None = None) -> Article:
    import trafilatura

    html = data.decode("utf-8", errors="replace")
    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    if doc is None:
        raise InputError(source, "no article text found in the HTML page")
    meta = doc if isinstance(doc, dict) else doc.as_dict()
    text = meta.get("text") or ""
    found_date = meta.get("date") or date
    if not found_date:
        raise InputError(source, "no publication date found in the HTML page and no --date given")
    return make_article(text, found_date, source=source, title=meta.get("title") or "",
                        url=meta.get("url") or "")


def read_jsonl(data: bytes, source: str) -> Iterator[Article | InputError]:
    text = _decode(data, source)
    for number, line in enumerate(text.splitlines(), start=1):
        where = f"{source}:{number}"
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(where, f"malformed JSON ({exc.msg} at column {exc.colno})")
            continue
        if not isinstance(row, dict):
            yield InputError(where, "a JSON object is expected on each line")
            continue
        if not row.get("date"):
            yield InputError(where, "no date")
            continue
        if not isinstance(row.get("text"), str) or not row["text"].strip():
            yield InputError(where, "no text")
            continue
        if len(row["text"]) > MAX_BYTES:
            yield InputError(where, f"article too large ({len(row['text'])} characters, "
                                    f"limit {MAX_BYTES})")
            continue
        try:
            yield make_article(
                row["text"], str(row["date"]), source=row.get("url") or where,
                title=row.get("title") or "", lang=row.get("lang") or "fr",
                url=row.get("url") or "", id=str(row["id"]) if row.get("id") else None,
            )
        except ValueError as exc:
            yield InputError(where, str(exc))
        except InputError as exc:
            yield InputError(where, exc.reason)


def read_file(path: Path, date: str | None = None) -> Iterator[Article | InputError]:
    source = str(path)
    try:
        suffix = path.suffix.lower()
        data = _read_bytes(path, MAX_JSONL_BYTES if suffix == ".jsonl" else MAX_BYTES)
        if suffix == ".jsonl":
            yield from read_jsonl(data, source)
        elif suffix in {".html", ".htm"}:
            yield read_html(data, source, date)
        else:
            yield read_text(_decode(data, source), source, date)
    except InputError as exc:
        yield exc
    except ValueError as exc:
        yield InputError(source, str(exc))
    except OSError as exc:
        yield InputError(source, exc.strerror or str(exc))


def read_paths(
    paths: Iterable[str | Path], date: str | None = None
) -> Iterator[Article | InputError]:
    """Every article under ``paths``, and an ``InputError`` for each bad input."""
    if date is not None:
        parse_date(date)  # fail early on a bad --date
    for item in iter_files(paths):
        if isinstance(item, InputError):
            yield item
        else:
            yield from read_file(item, date)
