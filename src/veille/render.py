"""Plain-text rendering of the listings for a terminal (``--json`` gives the data)."""

from __future__ import annotations

from typing import Any


def _name(ref: Any) -> str:
    if isinstance(ref, dict):
        return ref.get("name") or ref.get("id") or ""
    return "" if ref is None else str(ref)


def _names(refs: list) -> str:
    return ", ".join(_name(r) for r in refs)


def _when(w: dict | None) -> str:
    if not w:
        return "?"
    if w.get("end") and w["end"] != w["start"]:
        return f"{w['start'] or '…'}..{w['end']}"
    return (w.get("start") or "?") + ("→" if w.get("start") and not w.get("end")
                                     and w.get("open") else "")


def _table(rows: list[list[str]], header: list[str]) -> str:
    if not rows:
        return "(nothing)"
    widths = [min(max(len(str(x)) for x in col), 60) for col in zip(header, *rows, strict=True)]
    lines = ["  ".join(str(h).ljust(w) for h, w in zip(header, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    for row in rows:
        lines.append("  ".join(str(x)[:60].ljust(w) for x, w in zip(row, widths, strict=True)))
    return "\n".join(lines)


def _quote(text: str, width: int = 110) -> str:
    text = " ".join((text or "").split())
    return f'    « {text[:width]}{"…" if len(text) > width else ""} »'


def render(kind: str, data: Any) -> str:
    return RENDERERS[kind](data)


def _entities(rows):
    return _table([[r["name"], r["type"], r["name_fr"] or "", r["wikidata"] or "",
                    r["mentions"]] for r in rows],
                  ["name", "type", "french", "wikidata", "mentions"])


def _articles(rows):
    return _table([[r["id"], r["date"], (r["title"] or r["source"])[:50], r["mentions"],
                    r["events"], r["facts"], r["claims"]] for r in rows],
                  ["id", "date", "title / source", "mentions", "events", "facts", "claims"])


def _mentions(rows):
    return _table([[r["article"][:8], f"{r['start']}-{r['end']}", r["text"], r["kind"],
                    _name(r["entity"]) or "-"] for r in rows],
                  ["article", "offsets", "text", "kind", "entity"])


def _events(rows):
    out = []
    for r in rows:
        actors = _names(r["participants"])
        if r["source"] or r["target"]:
            actors = f"{_names(r['source'])} → {_names(r['target'])}"
        where = f" at {_name(r['where'])}" if r.get("where") else ""
        out.append(f"{_when(r['when'])}  {r['type']}"
                   f"{'/' + r['mode'] if r.get('mode') else ''} [{r['status']}]  "
                   f"{actors}{where}\n{_quote(r['sentence'])}")
    return "\n".join(out) or "(no events)"


def _facts(rows):
    out = []
    for r in rows:
        span = r["valid_from"] or "?"
        if r.get("valid_to"):
            span += f"..{r['valid_to']}"
        obj = _name(r["object"])
        out.append(f"{_name(r['subject'])} {r['predicate']} {obj}  from {span} "
                   f"[{r['status']}]\n" + "\n".join(_quote(e["sentence"]) for e in r["evidence"]))
    return "\n".join(out) or "(no facts)"


def _claims(rows):
    out = []
    for r in rows:
        qual = f"{r['qualifier']} " if r.get("qualifier") else ""
        by = f" according to {_name(r['attributed_to'])}" if r.get("attributed_to") else ""
        out.append(f"{r['as_of'] or '?'}  {_name(r['subject']) or '?'}: {r['measure']} = "
                   f"{qual}{r['value']:g} {r['unit'] or ''}{by}\n{_quote(r['sentence'])}")
    return "\n".join(out) or "(no claims)"


def _members(data):
    lines = [f"Members of {data['org']} as of {data['at'] or 'the latest date known'}: "
             f"{len(data['members'])}"]
    for m in data["members"]:
        ev = m["evidence"][0] if m["evidence"] else {}
        lines.append(f"  {m['name']:<28} since {m['since'] or '?':<10}  "
                     f"({ev.get('article', '')[:8]} {ev.get('date', '')})")
    for c in data.get("count_claims", []):
        lines.append(f"  count claimed: {c['value']:g} ({c['article'][:8]} {c['date']})")
    if data.get("consistent") is not None:
        lines.append(f"  count claims consistent with the list: {data['consistent']}")
    return "\n".join(lines)


def _conflicts(rows):
    out = []
    for r in rows:
        out.append(f"[{r['label']}] {r['topic']}: {r.get('explanation', '')}")
        for side in r["sides"]:
            out.append(f"  {side['date']}  {side['value']}  ({side['article'][:8]})\n"
                       f"{_quote(side['sentence'])}")
    return "\n".join(out) or "(no conflicts)"


def _timeline(rows):
    return "\n".join(f"{r['date'] or '?':<10}  {r['kind']:<6} {r['summary']}\n"
                     f"{_quote(r['sentence'])}" for r in rows) or "(nothing)"


RENDERERS = {"entities": _entities, "articles": _articles, "mentions": _mentions,
             "events": _events, "facts": _facts, "claims": _claims, "members": _members,
             "conflicts": _conflicts, "timeline": _timeline}
