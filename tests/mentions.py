"""Mentions built by hand from a table of surface strings, so that extractors can
be tested without the resolver."""

from __future__ import annotations

import re

from veille.model import Mention


def mentions_from_table(doc, table: dict) -> list[Mention]:
    """A mention for every surface string of ``table`` found in the text, longest
    first; a value is an entity id (kind "name") or a pair (entity id, kind)."""
    sents = list(doc.sents)
    found: list[Mention] = []
    for surface in sorted(table, key=len, reverse=True):
        target = table[surface]
        eid, kind = (target, "name") if isinstance(target, str) else target
        for m in re.finditer(r"(?<!\w)" + re.escape(surface) + r"(?!\w)", doc.text):
            if any(m.start() < x.end and x.start < m.end() for x in found):
                continue
            index = next(i for i, s in enumerate(sents) if s.start_char <= m.start() < s.end_char)
            found.append(Mention(m.start(), m.end(), m.group(0), index, eid, kind))
    return sorted(found, key=lambda x: x.start)
