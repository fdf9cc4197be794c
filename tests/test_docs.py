"""Docs are tested: every command has a help text and is named in the README."""

from __future__ import annotations

from pathlib import Path

import pytest

from veille.cli import main

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(main.commands))
def test_docs_every_command_has_help_and_is_in_readme(name):
    command = main.commands[name]
    assert command.help and len(command.help) > 20
    assert f"veille {name}" in README or f"| {name}" in README or f" {name} " in README


def test_docs_readme_has_exactly_two_setup_commands():
    setup = README.split("## Set-up", 1)[1].split("\n## ", 1)[0]
    blocks = setup.split("```sh")[1:]
    assert len(blocks) == 2
    assert "pip install -e ." in blocks[0] and "veille ingest examples" in blocks[0]
    assert ".[test]" in blocks[1] and "pytest" in blocks[1]


def test_docs_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    setup = README.split("## Set-up", 1)[1]
    test_command = setup.split("```sh")[2].split("```")[0].strip()
    assert test_command in ci
