"""The HTTP API in process: a real server on a free port, queried with urllib."""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request

import pytest

from veille.web import make_server


@pytest.fixture(scope="module")
def base_url(samples_kb):
    server = make_server(samples_kb, port=0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def _get(url):
    with urllib.request.urlopen(url, timeout=30) as resp:
        return resp.status, json.loads(resp.read().decode("utf-8"))


def test_web_members_answer(base_url):
    status, body = _get(base_url + "/api/members?org=OCS&at=2025-07")
    assert status == 200 and len(body["members"]) == 10


def test_web_timeline_accepts_french_alias(base_url):
    status, body = _get(base_url + "/api/timeline?name=Bi%C3%A9lorussie")
    assert status == 200 and any(item["kind"] == "fact" for item in body)


def test_web_errors_are_json_with_status(base_url):
    with pytest.raises(urllib.error.HTTPError) as err:
        _get(base_url + "/api/members?org=Zorglub")
    assert err.value.code == 400
    assert "error" in json.loads(err.value.read().decode("utf-8"))
    with pytest.raises(urllib.error.HTTPError) as err:
        _get(base_url + "/api/nothing")
    assert err.value.code == 404


def test_web_page_is_served(base_url):
    with urllib.request.urlopen(base_url + "/", timeout=30) as resp:
        assert "veille" in resp.read().decode("utf-8")
