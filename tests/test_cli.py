"""The command line, in process (CliRunner) and once through a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

import veille.api
from veille.cli import main


@pytest.fixture
def runner(extractor, monkeypatch):
    # share the session's loaded pipeline instead of loading one per command
    real = veille.api.Veille.__init__

    def init(self, db=None, extractor_=None):
        real(self, db, extractor=extractor)

    monkeypatch.setattr(veille.api.Veille, "__init__", init)
    return CliRunner()


@pytest.fixture
def db(tmp_path, runner, shared_dir):
    path = str(tmp_path / "cli.db")
    result = runner.invoke(main, ["ingest", "--db", path, str(shared_dir / "samples")])
    assert result.exit_code == 0, result.output
    return path


def test_cli_ingest_summary_and_exit_code_on_rejects(tmp_path, runner):
    good = tmp_path / "good.txt"
    good.write_text(" date 2024-07-04\nLe président turc a reçu son homologue.", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    result = runner.invoke(main, ["ingest", "--db", str(tmp_path / "x.db"), str(good), str(bad)])
    assert result.exit_code == 1
    assert f"{bad}: empty file" in result.output
    assert "1 articles added" in result.output


def test_cli_entities_json_shape(db, runner):
    result = runner.invoke(main, ["entities", "--db", db, "--json", "--type", "PERSON"])
    rows = json.loads(result.output)
    assert {"id", "name", "name_fr", "type", "wikidata", "aliases", "mentions"} <= set(rows[0])
    assert {r["type"] for r in rows} == {"PERSON"}
    putin = next(r for r in rows if r["name"] == "Vladimir Putin")
    assert putin["wikidata"] == "Q7747" and putin["mentions"] >= 3


def test_cli_members_json_answers_with_evidence(db, runner):
    result = runner.invoke(main, ["members", "OCS", "--at", "2025-07", "--db", db, "--json"])
    answer = json.loads(result.output)
    assert answer["org"] == "Shanghai Cooperation Organisation"
    assert len(answer["members"]) == 10
    assert all(m["evidence"] and m["evidence"][0]["sentence"] for m in answer["members"])


def test_cli_mentions_filter_by_alias(db, runner):
    result = runner.invoke(main, ["mentions", "--entity", "Poutine", "--db", db, "--json"])
    rows = json.loads(result.output)
    assert rows and {r["entity"]["name"] for r in rows} == {"Vladimir Putin"}
    assert any(r["text"] == "président russe" for r in rows)


def test_cli_unknown_entity_is_one_line_error(db, runner):
    result = runner.invoke(main, ["mentions", "--entity", "Zorglub", "--db", db])
    assert result.exit_code == 2
    assert result.output.strip().count("\n") == 0 and "unknown entity" in result.output


def test_cli_bad_date_is_rejected_with_reason(db, runner):
    result = runner.invoke(main, ["members", "OCS", "--at", "demain matin", "--db", db])
    assert result.exit_code == 2 and "--at" in result.output


def test_cli_help_lists_every_command(runner):
    result = runner.invoke(main, ["--help"])
    for command in ("ingest", "entities", "events", "members", "facts", "claims", "conflicts",
                    "timeline", "articles", "mentions", "eval"):
        assert command in result.output


def test_cli_runs_as_a_real_process(tmp_path, shared_dir):
    db = tmp_path / "proc.db"
    run = subprocess.run([sys.executable, "-m", "veille", "ingest", "--db", str(db),
                          str(shared_dir / "samples" / "2025-07-xi-lavrov.txt")],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert "1 articles added" in run.stdout
