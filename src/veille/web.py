"""``veille serve``: a read-only HTTP API and one web page on 127.0.0.1.

A thin layer over ``veille.api``, like the CLI: each ``/api/...`` path calls one
library method and returns its JSON. Standard library only (``http.server``), one
request at a time, which is what one analyst's browser needs.

    GET /api/entities?type=PERSON      GET /api/events?actor=Poutine&since=2024
    GET /api/members?org=OCS&at=2025-07  GET /api/facts?subject=Iran
    GET /api/claims   GET /api/conflicts   GET /api/timeline?name=Belarus
    GET /api/articles GET /api/mentions?article=ID&entity=NAME
"""

from __future__ import annotations

import json
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any
from urllib.parse import parse_qs, urlparse

from .api import Veille
from .errors import VeilleError

ROUTES = {
    "entities": ("entities", ["type", "article"]),
    "events": ("events", ["actor", "type", "since", "until", "article"]),
    "members": ("members", ["org", "at"]),
    "facts": ("facts", ["subject", "predicate", "article"]),
    "claims": ("claims", ["subject", "measure", "article"]),
    "conflicts": ("conflicts", []),
    "timeline": ("timeline", ["name"]),
    "articles": ("articles", []),
    "mentions": ("mentions", ["article", "entity"]),
}

PAGE = """<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>veille</title>
<style>body{font:15px system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}
input,select,button{font:inherit;padding:.3rem}pre{background:#f5f5f5;padding:1rem;
overflow:auto;white-space:pre-wrap}</style></head><body>
<h1>veille</h1>
<p>Ask the knowledge base; every answer carries the sentence it comes from.</p>
<form id="q"><select name="what">
<option value="members">members of (org) at (date)</option>
<option value="timeline">timeline of (name)</option>
<option value="events">events of (actor)</option>
<option value="entities">entities</option>
<option value="claims">claims</option>
<option value="conflicts">conflicts</option></select>
<input name="name" placeholder="OCS, Poutine, Biélorussie">
<input name="at" placeholder="2025-07"><button>ask</button></form>
<pre id="out"></pre>
<script>
document.getElementById('q').onsubmit = async (e) => {
  e.preventDefault();
  const f = new FormData(e.target), what = f.get('what'), p = new URLSearchParams();
  const name = f.get('name'), at = f.get('at');
  if (what === 'members') { p.set('org', name); if (at) p.set('at', at); }
  if (what === 'timeline' && name) p.set('name', name);
  if (what === 'events' && name) p.set('actor', name);
  const r = await fetch('/api/' + what + '?' + p);
  document.getElementById('out').textContent = JSON.stringify(await r.json(), null, 2);
};
</script></body></html>"""


def answer(kb: Veille, path: str, query: dict[str, list[str]]) -> tuple[int, Any]:
    """The status and JSON body for one API request."""
    name = path.removeprefix("/api/").strip("/")
    if name not in ROUTES:
        return HTTPStatus.NOT_FOUND, {"error": f"no such endpoint: {path}",
                                      "endpoints": sorted(f"/api/{r}" for r in ROUTES)}
    method, params = ROUTES[name]
    kwargs = {p: query[p][0] for p in params if query.get(p)}
    try:
        return HTTPStatus.OK, getattr(kb, method)(**kwargs)
    except TypeError as exc:
        return HTTPStatus.BAD_REQUEST, {"error": f"missing parameter ({exc})"}
    except VeilleError as exc:
        return HTTPStatus.BAD_REQUEST, {"error": str(exc)}


def make_server(kb: Veille, host: str = "127.0.0.1", port: int = 8765) -> HTTPServer:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            url = urlparse(self.path)
            if url.path in ("/", "/index.html"):
                self._send(HTTPStatus.OK, PAGE.encode("utf-8"), "text/html; charset=utf-8")
                return
            status, body = answer(kb, url.path, parse_qs(url.query))
            self._send(status, json.dumps(body, ensure_ascii=False).encode("utf-8"),
                       "application/json; charset=utf-8")

        def _send(self, status: int, body: bytes, ctype: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args) -> None:  # quiet by default
            pass

    return HTTPServer((host, port), Handler)
